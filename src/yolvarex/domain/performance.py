"""Performance trend: is the runner getting slower at the same effort?

"Same effort" is the same heart rate. For each steady run (at least 3 km and 15 minutes, an
average heart rate, and not a speed, tempo or race session, whose intervals distort the
average) the efficiency is metres per minute divided by the average heart rate, i.e. metres per
heartbeat. The median efficiency of the last 14 days (today excluded) is compared with the
median of the 28 days before them; each window needs at least 3 runs.

- 3% or more lower: `declining` (slower at the same heart rate over two weeks),
- 3% or more higher: `improving`,
- otherwise `stable`; unknown (None) without enough runs.

Heat, hills and terrain move this number too, so it is one signal among several.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from yolvarex.domain.facts import Trend

RECENT_DAYS = 14
REFERENCE_DAYS = 28
MIN_RUNS = 3
CHANGE = 0.03
MIN_DISTANCE_M = 3000.0
MIN_DURATION_S = 15 * 60.0
HARD_TYPES = frozenset({"speed", "tempo", "race", "intervals"})


@dataclass(frozen=True)
class RunSummary:
    day: dt.date
    distance_m: float | None
    duration_s: float
    avg_hr: float | None
    run_type: str | None = None


def efficiency(run: RunSummary) -> float | None:
    """Metres per heartbeat for a steady run, or None when the run does not qualify."""
    if (run.distance_m is None or run.avg_hr is None or run.distance_m < MIN_DISTANCE_M
            or run.duration_s < MIN_DURATION_S or not 80 <= run.avg_hr <= 220
            or (run.run_type or "") in HARD_TYPES):
        return None
    return (run.distance_m / (run.duration_s / 60.0)) / run.avg_hr


def performance_trend(runs: Iterable[RunSummary], today: dt.date) -> Trend | None:
    recent_start = today - dt.timedelta(days=RECENT_DAYS)
    reference_start = recent_start - dt.timedelta(days=REFERENCE_DAYS)
    recent: list[float] = []
    reference: list[float] = []
    for run in runs:
        value = efficiency(run)
        if value is None or run.day >= today:
            continue
        if run.day >= recent_start:
            recent.append(value)
        elif run.day >= reference_start:
            reference.append(value)
    if len(recent) < MIN_RUNS or len(reference) < MIN_RUNS:
        return None
    change = statistics.median(recent) / statistics.median(reference) - 1.0
    if change <= -CHANGE:
        return Trend.DECLINING
    if change >= CHANGE:
        return Trend.IMPROVING
    return Trend.STABLE
