"""The forgiving streak: two missed days in a row are free, later ones take one off each."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain.recovery.streak import GRACE_DAYS, streak

TODAY = dt.date(2026, 11, 25)


def days_ago(*offsets: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=n) for n in offsets]


@pytest.mark.parametrize(("active", "days", "best"), [
    ([], 0, 0),
    (days_ago(0), 1, 1),
    (days_ago(1), 1, 1),  # today is not over, so it is not a missed day
    (days_ago(4, 3, 2, 1, 0), 5, 5),
    (days_ago(6, 5, 2, 1), 4, 4),  # two missed days in a row cost nothing
    (days_ago(9, 8, 7, 3, 2), 4, 4),  # three missed days in a row: only the third costs one
    (days_ago(9, 8, 7, 6, 5), 3, 5),  # four days since: two free, two cost one each
    (days_ago(30), 0, 1),  # a month away drains it to zero, never below
    (days_ago(0, 0, 0), 1, 1),  # several routines on one day count once
    (days_ago(-2, 0), 1, 1),  # days in the future are ignored
])
def test_streak_table(active: list[dt.date], days: int, best: int) -> None:
    result = streak(active, TODAY)
    assert (result.days, result.best) == (days, best)


def test_a_long_holiday_takes_some_of_a_long_streak_but_not_all() -> None:
    month = days_ago(*range(40, 10, -1))  # 30 days in a row, then ten days off
    result = streak(month, TODAY)
    assert result.best == 30
    assert result.days == 30 - (10 - GRACE_DAYS)
    assert result.missed_in_a_row == 10 and result.dropping


def test_keep_by_is_the_last_day_before_the_streak_starts_to_drop() -> None:
    result = streak(days_ago(1), TODAY)
    assert result.last_active == TODAY - dt.timedelta(days=1)
    assert result.keep_by == TODAY + dt.timedelta(days=GRACE_DAYS)
    assert not result.dropping
    assert streak(days_ago(10), TODAY).keep_by == TODAY
    assert streak([], TODAY).keep_by is None


ACTIVE = st.sets(st.integers(min_value=0, max_value=90), max_size=40).map(
    lambda s: [TODAY - dt.timedelta(days=n) for n in s])


@given(ACTIVE, st.integers(min_value=0, max_value=90))
def test_another_active_day_never_lowers_the_streak(active: list[dt.date], extra: int) -> None:
    more = [*active, TODAY - dt.timedelta(days=extra)]
    assert streak(more, TODAY).days >= streak(active, TODAY).days


@given(ACTIVE)
def test_streak_is_between_zero_and_the_number_of_active_days(active: list[dt.date]) -> None:
    result = streak(active, TODAY)
    assert 0 <= result.days <= result.best <= result.active_days == len(set(active))


@given(ACTIVE, st.integers(min_value=1, max_value=GRACE_DAYS))
def test_missing_one_or_two_days_never_changes_the_streak(active: list[dt.date], gap: int) -> None:
    # A history that ends today, and the same history ended `gap` days ago: the same streak.
    ending_today = [*active, TODAY]
    shifted = [d - dt.timedelta(days=gap) for d in ending_today]
    assert streak(shifted, TODAY).days == streak(ending_today, TODAY).days
