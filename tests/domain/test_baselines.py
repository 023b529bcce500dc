from __future__ import annotations

import math

import numpy as np
import pytest

from yolvarex.domain import baselines


def test_resting_hr_baseline_excludes_today_and_skips_gaps() -> None:
    rhr = [50, np.nan, 52, 54, 70]
    short, long = baselines.resting_hr_baselines(rhr)
    assert short[0, 4] == pytest.approx(52.0)  # mean of 50, 52, 54; today's 70 left out
    assert math.isnan(short[0, 2])  # only two measurements before day 2
    assert np.isnan(long).all()  # fewer than 10 measurements


def test_hrv_normal_range_by_hand() -> None:
    rng = np.random.default_rng(3)
    rmssd = np.exp(rng.normal(math.log(60), 0.1, size=80))
    week, low, high = baselines.hrv_normal_range(rmssd)
    ln = np.log(rmssd)
    prev = ln[19:79]
    assert low[0, 79] == pytest.approx(prev.mean() - 0.5 * prev.std(ddof=1))
    assert high[0, 79] == pytest.approx(prev.mean() + 0.5 * prev.std(ddof=1))
    assert week[0, 79] == pytest.approx(ln[73:80].mean())


def test_hrv_needs_enough_measurements() -> None:
    week, low, _ = baselines.hrv_normal_range([60, np.nan, 62, 64])
    assert np.isnan(week[0, :3]).all()  # fewer than three measurements so far
    assert week[0, 3] == pytest.approx(np.log([60, 62, 64]).mean())
    assert np.isnan(low).all()


def test_many_athletes_at_once() -> None:
    data = np.array([[50, 51, 52, 53], [60, np.nan, 62, 64]], dtype=float)
    short, _ = baselines.resting_hr_baselines(data)
    assert short[0, 3] == pytest.approx(51.0)
    assert math.isnan(short[1, 3])
