"""Analyse the running dynamics of one run: summaries per metric, color grades and fatigue drift.

Every figure is computed over the moving running records only (see `selection`), weighted by
the time each record stands for. Drift compares the first quarter of moving time with the last
quarter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from yolvarex.domain.activity import Activity, FloatArray, Samples, Sport
from yolvarex.domain.form.metrics import METRICS, Grade, Metric, grade
from yolvarex.domain.form.selection import Selection, select_running
from yolvarex.domain.form.stats import weighted_mean, weighted_quantile

#: Drift needs a run long enough for its quarters to mean something.
DRIFT_MIN_MOVING_S = 600.0
DRIFT_MIN_VALUES = 5
DRIFT_METRICS = (Metric.CADENCE, Metric.GROUND_CONTACT, Metric.VERTICAL_OSCILLATION)


class NotARun(ValueError):
    """The activity is a ride, a swim, a walk...: running form does not apply."""

    def __init__(self, sport: Sport) -> None:
        self.sport = sport
        super().__init__(f"this is a {sport.value} activity, not a run; form analysis needs a run")


@dataclass(frozen=True)
class Summary:
    metric: Metric
    mean: float
    p10: float
    p90: float
    grade: Grade | None
    count: int  # records with a value


@dataclass(frozen=True)
class Drift:
    """Percent change from the first to the last quarter of moving time (None when unknown)."""

    cadence_pct: float | None = None
    ground_contact_pct: float | None = None
    vertical_oscillation_pct: float | None = None
    note: str | None = None  # why some or all of it is missing

    def of(self, metric: Metric) -> float | None:
        return {Metric.CADENCE: self.cadence_pct, Metric.GROUND_CONTACT: self.ground_contact_pct,
                Metric.VERTICAL_OSCILLATION: self.vertical_oscillation_pct}.get(metric)


@dataclass(frozen=True)
class FormAnalysis:
    sport: Sport
    duration_s: float
    distance_m: float | None
    records: int
    used: int
    moving_s: float
    walking_s: float
    paused_s: float
    moving_distance_m: float | None
    metrics: dict[Metric, Summary] = field(default_factory=dict)
    missing: tuple[Metric, ...] = ()
    drift: Drift = field(default_factory=Drift)

    @property
    def pace_s_per_km(self) -> float | None:
        if not self.moving_distance_m or self.moving_distance_m < 50 or self.moving_s <= 0:
            return None
        return self.moving_s / (self.moving_distance_m / 1000)

    def mean(self, metric: Metric) -> float | None:
        summary = self.metrics.get(metric)
        return summary.mean if summary else None


def metric_values(samples: Samples, metric: Metric) -> FloatArray | None:
    """The metric in its own unit per record, with implausible values set to NaN."""
    spec = METRICS[metric]
    raw = samples.channels.get(spec.channel)
    if raw is None:
        return None
    values = raw * spec.scale
    low, high = spec.plausible
    return np.where((values >= low) & (values <= high), values, np.nan)


def _summary(metric: Metric, values: FloatArray, weights: FloatArray) -> Summary:
    mean = weighted_mean(values, weights)
    return Summary(metric=metric, mean=mean, p10=weighted_quantile(values, weights, 0.10),
                   p90=weighted_quantile(values, weights, 0.90), grade=grade(metric, mean),
                   count=int(values.size))


def _drift(values: dict[Metric, tuple[FloatArray, FloatArray, FloatArray]],
           moving_s: float) -> Drift:
    if moving_s < DRIFT_MIN_MOVING_S:
        return Drift(note=f"the run has {moving_s / 60:.0f} min of moving time; drift needs "
                          f"at least {DRIFT_MIN_MOVING_S / 60:.0f}")
    out: dict[Metric, float | None] = {}
    for metric in DRIFT_METRICS:
        if metric not in values:
            out[metric] = None
            continue
        vals, weights, at = values[metric]
        first = at <= 0.25 * moving_s
        last = at > 0.75 * moving_s
        if first.sum() < DRIFT_MIN_VALUES or last.sum() < DRIFT_MIN_VALUES:
            out[metric] = None
            continue
        a = weighted_mean(vals[first], weights[first])
        b = weighted_mean(vals[last], weights[last])
        out[metric] = (b - a) / a * 100 if a else None
    note = None
    if any(v is None for v in out.values()):
        note = "drift is only shown for metrics the file records through the whole run"
    return Drift(cadence_pct=out[Metric.CADENCE], ground_contact_pct=out[Metric.GROUND_CONTACT],
                 vertical_oscillation_pct=out[Metric.VERTICAL_OSCILLATION], note=note)


def moving_distance(selection: Selection) -> float | None:
    if selection.speed_mps is None:
        return None
    speed = np.nan_to_num(selection.speed_mps[selection.running], nan=0.0)
    return float(np.dot(speed, selection.weights[selection.running]))


def analyse(activity: Activity) -> FormAnalysis:
    """Grade, summarise and measure drift of a run's running dynamics."""
    if not activity.sport.is_run:
        raise NotARun(activity.sport)
    samples = activity.samples
    selection = select_running(samples)
    run = selection.running
    # the moving time at the end of each running record, for the quarters
    at = np.cumsum(np.where(run, selection.weights, 0.0))
    metrics: dict[Metric, Summary] = {}
    per_metric: dict[Metric, tuple[FloatArray, FloatArray, FloatArray]] = {}
    missing: list[Metric] = []
    for metric in Metric:
        values = metric_values(samples, metric)
        keep = run & np.isfinite(values) if values is not None else None
        if values is None or keep is None or not keep.any():
            missing.append(metric)
            continue
        vals, weights = values[keep], selection.weights[keep]
        metrics[metric] = _summary(metric, vals, weights)
        per_metric[metric] = (vals, weights, at[keep])
    return FormAnalysis(
        sport=activity.sport, duration_s=activity.duration_s, distance_m=activity.distance_m,
        records=len(samples), used=selection.used, moving_s=selection.moving_s,
        walking_s=selection.walking_s, paused_s=selection.paused_s,
        moving_distance_m=moving_distance(selection), metrics=metrics, missing=tuple(missing),
        drift=_drift(per_metric, selection.moving_s))


def over_time(samples: Samples, metric: Metric, points: int = 60) -> list[tuple[float, float | None]]:
    """The metric over the run's moving time in up to `points` equal bins: (minute, mean)."""
    selection = select_running(samples)
    values = metric_values(samples, metric)
    if values is None or selection.moving_s <= 0:
        return []
    run = selection.running
    at = np.cumsum(np.where(run, selection.weights, 0.0))
    keep = run & np.isfinite(values)
    if not keep.any():
        return []
    bins = max(1, min(points, int(selection.moving_s // 30) or 1))
    width = selection.moving_s / bins
    index = np.minimum(((at[keep] - 1e-9) // width).astype(int), bins - 1)
    sums = np.bincount(index, weights=values[keep] * selection.weights[keep], minlength=bins)
    totals = np.bincount(index, weights=selection.weights[keep], minlength=bins)
    out: list[tuple[float, float | None]] = []
    for i in range(bins):
        minute = (i + 0.5) * width / 60
        out.append((minute, float(sums[i] / totals[i]) if totals[i] > 0 else None))
    return out
