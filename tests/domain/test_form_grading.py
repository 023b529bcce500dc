"""Grades follow Garmin's published chest-strap bands at and around every edge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain.form.metrics import BANDS, Grade, Metric, grade

P, B, G, OR, R = Grade.PURPLE, Grade.BLUE, Grade.GREEN, Grade.ORANGE, Grade.RED


@pytest.mark.parametrize(("metric", "value", "expected"), [
    (Metric.CADENCE, 190, P), (Metric.CADENCE, 183.4, P), (Metric.CADENCE, 183, B),
    (Metric.CADENCE, 174, B), (Metric.CADENCE, 173.9, G), (Metric.CADENCE, 164, G),
    (Metric.CADENCE, 163.9, OR), (Metric.CADENCE, 153, OR), (Metric.CADENCE, 152.9, R),
    (Metric.GROUND_CONTACT, 200, P), (Metric.GROUND_CONTACT, 217.9, P), (Metric.GROUND_CONTACT, 218, B),
    (Metric.GROUND_CONTACT, 248, B), (Metric.GROUND_CONTACT, 249, G), (Metric.GROUND_CONTACT, 277, G),
    (Metric.GROUND_CONTACT, 278, OR), (Metric.GROUND_CONTACT, 308, OR), (Metric.GROUND_CONTACT, 308.1, R),
    (Metric.VERTICAL_OSCILLATION, 6.3, P), (Metric.VERTICAL_OSCILLATION, 6.4, B),
    (Metric.VERTICAL_OSCILLATION, 8.1, B), (Metric.VERTICAL_OSCILLATION, 8.2, G),
    (Metric.VERTICAL_OSCILLATION, 9.7, G), (Metric.VERTICAL_OSCILLATION, 9.8, OR),
    (Metric.VERTICAL_OSCILLATION, 11.5, OR), (Metric.VERTICAL_OSCILLATION, 11.6, R),
    (Metric.VERTICAL_RATIO, 6.0, P), (Metric.VERTICAL_RATIO, 6.1, B), (Metric.VERTICAL_RATIO, 7.4, B),
    (Metric.VERTICAL_RATIO, 7.5, G), (Metric.VERTICAL_RATIO, 8.6, G), (Metric.VERTICAL_RATIO, 8.7, OR),
    (Metric.VERTICAL_RATIO, 10.1, OR), (Metric.VERTICAL_RATIO, 10.2, R),
    (Metric.BALANCE, 50.0, G), (Metric.BALANCE, 49.3, G), (Metric.BALANCE, 50.7, G),
    (Metric.BALANCE, 50.8, OR), (Metric.BALANCE, 49.2, OR),
    # Garmin's four off-center bands (issue 12 item 11): orange to 52.2 % a side, red above
    (Metric.BALANCE, 52.2, OR), (Metric.BALANCE, 52.3, R), (Metric.BALANCE, 47.8, OR),
    (Metric.BALANCE, 47.7, R), (Metric.BALANCE, 55.0, R), (Metric.BALANCE, 44.0, R),
])
def test_published_bands(metric: Metric, value: float, expected: Grade) -> None:
    assert grade(metric, value) is expected


def test_step_length_has_no_band() -> None:
    assert grade(Metric.STEP_LENGTH, 1.1) is None


def test_imbalance_is_outside_49_3_to_50_7() -> None:
    assert grade(Metric.BALANCE, 50.7) is Grade.GREEN and grade(Metric.BALANCE, 49.3) is Grade.GREEN
    assert grade(Metric.BALANCE, 50.71) is not Grade.GREEN
    assert grade(Metric.BALANCE, 49.29) is not Grade.GREEN


@given(st.sampled_from(sorted(BANDS)), st.floats(0, 400), st.floats(0, 400))
def test_grades_move_one_way_with_the_value(metric: Metric, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    ga, gb = grade(metric, lo), grade(metric, hi)
    assert ga is not None and gb is not None
    if metric is Metric.CADENCE:  # more steps: better band or the same
        assert gb.rank <= ga.rank
    else:  # more contact time or bounce: worse band or the same
        assert gb.rank >= ga.rank


def test_fenix_5_run_balance_is_red() -> None:
    """Issue 12 item 11: the file averages 52.3 % left, in Garmin's red band."""
    from tests.conftest import ACTIVITIES
    from yolvarex.domain.form.analysis import analyse
    from yolvarex.ingest import read_activity_file

    (run,) = read_activity_file("run.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())
    balance = analyse(run).metrics[Metric.BALANCE]
    assert 52.2 < balance.mean < 52.4 and balance.grade is R
