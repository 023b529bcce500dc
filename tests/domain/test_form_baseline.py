"""The runner's own usual values at a similar pace."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex.domain.form.baseline import MIN_RUNS, RunMeans, compare, similar_runs
from yolvarex.domain.form.metrics import Metric


def means(pace: float, cadence: float, gct: float = 250, day: int = 1) -> RunMeans:
    return RunMeans(start=dt.datetime(2024, 4, day, tzinfo=dt.UTC), pace_s_per_km=pace,
                    means={Metric.CADENCE: cadence, Metric.GROUND_CONTACT: gct})


def test_only_runs_at_a_similar_pace_count() -> None:
    current = means(330, 160)
    earlier = [means(320, 170, day=1), means(340, 172, day=2), means(335, 171, day=3),
               means(250, 185, day=4), means(420, 150, day=5)]
    assert len(similar_runs(current, earlier)) == 3
    base = compare(current, earlier)
    assert base is not None and base.runs == 3
    cad = base.of(Metric.CADENCE)
    assert cad is not None and cad.usual == 171 and cad.low == 170 and cad.high == 172
    assert cad.diff == pytest.approx((160 - 171) / 171 * 100)
    assert cad.notable and cad.direction == "lower"


def test_within_the_usual_range_is_not_notable() -> None:
    base = compare(means(330, 171), [means(330, 170), means(330, 173), means(330, 168)])
    assert base is not None and not base.of(Metric.CADENCE).notable  # type: ignore[union-attr]


def test_too_few_runs_gives_no_baseline() -> None:
    earlier = [means(330, 170)] * (MIN_RUNS - 1)
    assert compare(means(330, 160), earlier) is None
    assert compare(RunMeans(None, None, {Metric.CADENCE: 160}), [means(330, 170)] * 5) is None
