"""Session load (RPE, TRIMP, estimate) and the whole-squad analysis, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain import load
from yolvarex.domain.session_load import (
    TRIMP_TO_SRPE,
    HeartRates,
    LoadMethod,
    load_of_session,
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


def test_analyse_by_hand() -> None:
    days = [100.0, 0.0, 200.0, 0.0, 0.0, 300.0, 100.0, 0.0]
    a = load.analyse(days)
    # fitness: x_t = x_{t-1} + (load - x_{t-1}) / 42 from 0
    fit = 0.0
    fat = 0.0
    for i, value in enumerate(days):
        fit += (value - fit) / 42
        fat += (value - fat) / 7
        assert a.fitness[0, i] == pytest.approx(fit)
        assert a.fatigue[0, i] == pytest.approx(fat)
        assert a.form[0, i] == pytest.approx(fit - fat)
    assert a.days_since_rest[0].tolist() == [1, 0, 1, 0, 0, 1, 2, 0]
    week = np.array(days[1:8])
    assert a.monotony[0, 7] == pytest.approx(week.mean() / week.std(ddof=1))
    assert a.strain[0, 7] == pytest.approx(week.sum() * week.mean() / week.std(ddof=1))
    # acute/chronic both start from the mean of the (here only 8) first days
    seed = np.mean(days)
    acute = seed
    for value in days:
        acute = 0.25 * value + 0.75 * acute
    assert a.acute[0, -1] == pytest.approx(acute)
    assert np.isnan(a.acwr[0]).all()  # fewer than 28 days


def test_analyse_many_athletes_matches_one_by_one() -> None:
    rng = np.random.default_rng(3)
    squad = rng.integers(0, 400, size=(5, 60)).astype(float)
    together = load.analyse(squad)
    for i in range(5):
        alone = load.analyse(squad[i])
        for name in ("acwr", "monotony", "strain", "fitness", "fatigue", "form", "days_since_rest"):
            np.testing.assert_allclose(getattr(together, name)[i], getattr(alone, name)[0], equal_nan=True)


def test_fused_analysis_equals_the_separate_functions() -> None:
    rng = np.random.default_rng(11)
    loads = np.where(rng.random((4, 400)) < 0.3, 0.0, rng.gamma(3.0, 90.0, (4, 400)))
    loads[1, 100:110] = 250.0  # identical days: monotony capped, as the separate function does
    loads[2, :50] = 0.0
    a = load.analyse(loads)
    acute, chronic, ratio = load.acute_chronic(loads)
    monotony, strain = load.monotony_strain(loads)
    fitness, fatigue, form = load.fitness_fatigue(loads)
    streak = load.days_since_rest(np.c_[loads, np.zeros(4)])[:, 1:]
    for ours, theirs in ((a.acute, acute), (a.chronic, chronic), (a.acwr, ratio),
                         (a.monotony, monotony), (a.strain, strain), (a.fitness, fitness),
                         (a.fatigue, fatigue), (a.form, form), (a.days_since_rest, streak)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-7, equal_nan=True)
    assert a.monotony[1, 109] == load.MONOTONY_CAP
