"""Load formulas checked against series computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from yolvarex.domain import load


def test_session_load_is_rpe_times_minutes() -> None:
    assert load.session_load(6, 45) == 270


def test_trimp_matches_banister_formula() -> None:
    # 60 min at a heart-rate reserve of 0.5: 60 * 0.5 * 0.64 * e^(1.92 * 0.5)
    expected = 60 * 0.5 * 0.64 * math.exp(0.96)
    assert load.trimp(60, avg_hr=125, rest_hr=50, max_hr=200) == pytest.approx(expected)
    assert load.trimp(60, 125, 50, 200, female=True) == pytest.approx(60 * 0.5 * 0.86 * math.exp(0.835))
    with pytest.raises(ValueError):
        load.trimp(60, 120, 60, 60)


def test_ewma_by_hand() -> None:
    lam = 2 / 8
    series = load.ewma([100, 0, 50], lam)[0]
    first = 100 * lam
    second = (1 - lam) * first
    third = 50 * lam + (1 - lam) * second
    assert series.tolist() == pytest.approx([first, second, third])


def test_acwr_needs_28_days_and_is_one_for_steady_load() -> None:
    steady = np.full((2, 200), 300.0)
    acute, chronic, ratio = load.acute_chronic(steady)
    assert np.isnan(ratio[:, :27]).all()
    assert ratio[0, -1] == pytest.approx(1.0, abs=1e-3)
    assert acute.shape == chronic.shape == (2, 200)


def test_acwr_rises_after_a_spike() -> None:
    loads = np.r_[np.full(60, 200.0), np.full(7, 600.0)]
    ratio = load.acute_chronic(loads)[2][0]
    assert ratio[-1] > 1.5
    assert ratio[59] == pytest.approx(1.0, abs=0.01)


def test_monotony_and_strain_by_hand() -> None:
    week = [100, 0, 200, 100, 0, 300, 0]
    monotony, strain = load.monotony_strain(week)
    mean, sd = np.mean(week), np.std(week, ddof=1)
    assert monotony[0, 6] == pytest.approx(mean / sd)
    assert strain[0, 6] == pytest.approx(sum(week) * mean / sd)
    assert np.isnan(monotony[0, :6]).all()


def test_monotony_caps_identical_days_and_is_unknown_for_an_empty_week() -> None:
    monotony, _ = load.monotony_strain([[50] * 7, [0] * 7])
    assert monotony[0, 6] == load.MONOTONY_CAP
    assert math.isnan(monotony[1, 6])


def test_fitness_fatigue_form() -> None:
    fitness, fatigue, form = load.fitness_fatigue([[100] * 3])
    assert fitness[0, 0] == pytest.approx(100 / 42)
    assert fatigue[0, 0] == pytest.approx(100 / 7)
    assert form[0, 2] == pytest.approx(fitness[0, 2] - fatigue[0, 2])


def test_days_since_rest_counts_training_days_before_today() -> None:
    result = load.days_since_rest([0, 50, 60, 0, 40])[0].tolist()
    assert result == [0, 0, 1, 2, 0]


def test_many_athletes_at_once_match_one_by_one() -> None:
    rng = np.random.default_rng(1)
    loads = rng.uniform(0, 500, size=(5, 90))
    together = load.acute_chronic(loads)[2]
    for i in range(5):
        np.testing.assert_allclose(load.acute_chronic(loads[i])[2][0], together[i])
