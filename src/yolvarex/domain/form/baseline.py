"""Compare a run with the runner's own earlier runs at a similar pace.

Running dynamics change with speed (cadence rises, contact time falls as you run faster), so a
run is compared only with earlier runs whose moving pace is within `PACE_TOLERANCE` of its own.
With at least `MIN_RUNS` of them, each metric gets the runner's usual value (the median of
those runs' means) and their range. A value is *notable* when it lies outside the range of every
earlier run and differs from the usual value by at least the metric's `NOTABLE` amount, which is
larger than the run-to-run wobble of the sensors.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from yolvarex.domain.form.metrics import Metric

PACE_TOLERANCE = 0.08
MIN_RUNS = 3
MAX_RUNS = 12
#: smallest difference worth a mention: percent of the usual value (points for balance)
NOTABLE: dict[Metric, float] = {
    Metric.CADENCE: 2.0,
    Metric.GROUND_CONTACT: 3.0,
    Metric.VERTICAL_OSCILLATION: 5.0,
    Metric.VERTICAL_RATIO: 5.0,
    Metric.STEP_LENGTH: 4.0,
    Metric.BALANCE: 0.5,
}


@dataclass(frozen=True)
class RunMeans:
    """One run reduced to what the comparison needs."""

    start: dt.datetime | None
    pace_s_per_km: float | None
    means: Mapping[Metric, float]


@dataclass(frozen=True)
class MetricBaseline:
    metric: Metric
    usual: float
    low: float
    high: float
    runs: int
    diff: float  # percent of usual; points for balance
    notable: bool

    @property
    def direction(self) -> str:
        return "higher" if self.diff > 0 else "lower"


@dataclass(frozen=True)
class Baseline:
    runs: int
    pace_low: float
    pace_high: float
    metrics: dict[Metric, MetricBaseline]

    def of(self, metric: Metric) -> MetricBaseline | None:
        return self.metrics.get(metric)


def similar_runs(current: RunMeans, earlier: Sequence[RunMeans]) -> list[RunMeans]:
    """Earlier runs at a similar moving pace, the most recent `MAX_RUNS` of them."""
    if current.pace_s_per_km is None:
        return []
    pace = current.pace_s_per_km
    alike = [r for r in earlier if r.pace_s_per_km is not None
             and abs(r.pace_s_per_km - pace) <= PACE_TOLERANCE * pace]
    alike.sort(key=lambda r: r.start or dt.datetime.min.replace(tzinfo=dt.UTC), reverse=True)
    return alike[:MAX_RUNS]


def compare(current: RunMeans, earlier: Sequence[RunMeans]) -> Baseline | None:
    """The runner's usual values at this pace, or None with fewer than `MIN_RUNS` to go on."""
    alike = similar_runs(current, earlier)
    if len(alike) < MIN_RUNS or current.pace_s_per_km is None:
        return None
    out: dict[Metric, MetricBaseline] = {}
    for metric, value in current.means.items():
        history = [r.means[metric] for r in alike if metric in r.means]
        if len(history) < MIN_RUNS:
            continue
        usual = statistics.median(history)
        low, high = min(history), max(history)
        pct = (value - usual) / usual * 100 if usual else 0.0
        diff = value - usual if metric is Metric.BALANCE else pct
        outside = value < low or value > high
        out[metric] = MetricBaseline(metric=metric, usual=usual, low=low, high=high,
                                     runs=len(history), diff=diff,
                                     notable=outside and abs(diff) >= NOTABLE[metric])
    if not out:
        return None
    paces = [r.pace_s_per_km for r in alike if r.pace_s_per_km is not None]
    return Baseline(runs=len(alike), pace_low=min(paces), pace_high=max(paces), metrics=out)
