"""Session load (RPE, TRIMP, estimate) and the whole-squad analysis, checked by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain.session_load import (
    STRENGTH_SET_MINUTES,
    TRIMP_TO_SRPE,
    HeartRates,
    LoadMethod,
    load_minutes,
    load_of_session,
    strength_session_load,
)


def test_rpe_wins_over_heart_rate() -> None:
    result = load_of_session(40, sport="running", rpe=6, avg_hr=150)
    assert result == load_of_session(40, sport="cycling", rpe=6)
    assert (result.load, result.method) == (240.0, LoadMethod.RPE)


def test_heart_rate_trimp_by_hand() -> None:
    # 60 min at 140 bpm, rest 50, max 190: reserve 90/140 = 0.642857
    y = 90 / 140
    by_hand = 60 * y * 0.64 * math.exp(1.92 * y) * TRIMP_TO_SRPE
    result = load_of_session(60, sport="running", avg_hr=140, hr=HeartRates(rest=50, max=190))
    assert result.method is LoadMethod.HEART_RATE
    assert result.load == pytest.approx(by_hand, abs=0.05)
    female = load_of_session(60, sport="running", avg_hr=140,
                             hr=HeartRates(rest=50, max=190, female=True))
    assert female.load == pytest.approx(60 * y * 0.86 * math.exp(1.67 * y) * TRIMP_TO_SRPE, abs=0.05)


@pytest.mark.parametrize(("reserve", "rpe"), [(0.6, 3), (0.8, 6), (1.0, 10)])
def test_trimp_scale_lands_near_the_matching_rpe(reserve: float, rpe: int) -> None:
    per_minute = load_of_session(1, sport="running", avg_hr=60 + reserve * 130,
                                 hr=HeartRates(rest=60, max=190)).load
    assert abs(per_minute - rpe) <= 1.0


def test_estimate_by_run_type_then_sport() -> None:
    assert load_of_session(30, sport="running", run_type="tempo").load == 210
    assert load_of_session(30, sport="running").load == 120
    assert load_of_session(30, sport="walking").load == 60
    assert load_of_session(30, sport="kayaking").method is LoadMethod.ESTIMATE


@given(st.floats(0, 600), st.floats(0, 10) | st.none(), st.floats(40, 220) | st.none())
def test_load_is_never_negative(minutes: float, rpe: float | None, hr: float | None) -> None:
    assert load_of_session(minutes, sport="running", rpe=rpe, avg_hr=hr).load >= 0


def test_load_minutes_are_moving_time_when_known() -> None:
    assert load_minutes(3000, 2700) == 45
    assert load_minutes(3000, None) == 50
    assert load_minutes(3000, 0) == 50  # no moving time recorded: the duration counts
    assert load_minutes(3000, 3600) == 50  # moving time longer than the session: not credible


def test_strength_without_rpe_is_estimated_like_cross_training_strength() -> None:
    # issue 12 item 4: a 40-minute strength session without an RPE added no load
    assert strength_session_load(40, None, 12).load == load_of_session(40, sport="strength").load == 200
    assert strength_session_load(40, None, 12).method is LoadMethod.ESTIMATE
    assert strength_session_load(30, 7, 12).load == 210
    assert strength_session_load(None, None, 12).load == 5 * 12 * STRENGTH_SET_MINUTES
    assert strength_session_load(None, 6, 0).load > 0
