"""Analyse the running dynamics of one run: summaries per metric, color grades and fatigue drift.

Every figure is computed over the moving running records only (see `selection`), weighted by
the time each record stands for.

Drift compares the first quarter of moving time with the last, like with like. Cadence, ground
contact and bounce all change with pace, so a slower last quarter has longer ground contact
without any loss of form. When the two quarters' average paces are within `PACE_SAME_PCT`,
they are compared whole. Otherwise only the records of each quarter inside the speed band both
quarters share (from the higher of their 10th speed percentiles to the lower of their 90th,
widened by half of `PACE_SAME_PCT`)
are compared, when each quarter has at least `DRIFT_MIN_MATCHED_S` of them and their average
paces are then within `PACE_SAME_PCT`. When the quarters share no such stretch, there is no
drift figure, and the note says that pace, not form, explains the change (with the raw change
and both paces).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from yolvarex.domain.activity import Activity, FloatArray, Samples, Sport
from yolvarex.domain.form.metrics import METRICS, Grade, Metric, grade
from yolvarex.domain.form.selection import Selection, select_running
from yolvarex.domain.form.stats import weighted_mean, weighted_quantile

#: Drift needs a run long enough for its quarters to mean something.
DRIFT_MIN_MOVING_S = 600.0
DRIFT_MIN_VALUES = 5
DRIFT_METRICS = (Metric.CADENCE, Metric.GROUND_CONTACT, Metric.VERTICAL_OSCILLATION)
#: Quarters whose average paces differ by no more than this (percent) count as the same pace.
PACE_SAME_PCT = 5.0
#: A metric's values, their weights, their moving time and their record indices.
PerMetric = tuple[FloatArray, FloatArray, FloatArray, npt.NDArray[np.intp]]
#: Moving time each quarter needs inside the shared speed band for a pace-matched comparison.
DRIFT_MIN_MATCHED_S = 60.0


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
    note: str | None = None  # why some or all of it is missing, or how it was compared
    first_pace_s_per_km: float | None = None
    last_pace_s_per_km: float | None = None
    #: only the stretches of both quarters at a shared pace were compared
    pace_matched: bool = False
    #: the quarters were run at paces too far apart to compare: pace explains any change
    pace_explains: bool = False

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


def _pace(seconds_per_m: float | None) -> str:
    if seconds_per_m is None:
        return "?"
    total = round(seconds_per_m * 1000)
    return f"{total // 60}:{total % 60:02d}/km"


def _quarter_speed(speed: FloatArray | None, weights: FloatArray, mask: np.ndarray) -> float | None:
    if speed is None:
        return None
    ok = mask & np.isfinite(speed) & (speed > 0)
    if weights[ok].sum() <= 0:
        return None
    return float(np.dot(speed[ok], weights[ok]) / weights[ok].sum())


def _same_pace(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) / max(a, b) * 100 <= PACE_SAME_PCT


def _changes(values: dict[Metric, PerMetric],
             first: np.ndarray, last: np.ndarray) -> dict[Metric, float | None]:
    """Percent change of each drift metric between the records of `first` and `last`, both
    boolean masks over all records."""
    out: dict[Metric, float | None] = {}
    for metric in DRIFT_METRICS:
        if metric not in values:
            out[metric] = None
            continue
        vals, weights, _, index = values[metric]
        f, la = first[index], last[index]
        if f.sum() < DRIFT_MIN_VALUES or la.sum() < DRIFT_MIN_VALUES:
            out[metric] = None
            continue
        a = weighted_mean(vals[f], weights[f])
        b = weighted_mean(vals[la], weights[la])
        out[metric] = (b - a) / a * 100 if a else None
    return out


def _drift(values: dict[Metric, PerMetric],
           selection: Selection, at: FloatArray) -> Drift:
    moving_s = selection.moving_s
    if moving_s < DRIFT_MIN_MOVING_S:
        return Drift(note=f"the run has {moving_s / 60:.0f} min of moving time; drift needs "
                          f"at least {DRIFT_MIN_MOVING_S / 60:.0f}")
    run, weights, speed = selection.running, selection.weights, selection.speed_mps
    first = run & (at <= 0.25 * moving_s)
    last = run & (at > 0.75 * moving_s)
    v1, v2 = _quarter_speed(speed, weights, first), _quarter_speed(speed, weights, last)
    first_pace, last_pace = (1000 / v1 if v1 else None), (1000 / v2 if v2 else None)
    notes = []
    matched = False
    if speed is not None and v1 and v2 and not _same_pace(v1, v2):
        band = _shared_band(speed, first, last)
        in_band = np.isfinite(speed) & (speed >= band[0]) & (speed <= band[1]) if band else None
        if in_band is not None and min(weights[first & in_band].sum(),
                                       weights[last & in_band].sum()) >= DRIFT_MIN_MATCHED_S \
                and _same_pace(_quarter_speed(speed, weights, first & in_band),
                               _quarter_speed(speed, weights, last & in_band)):
            first, last, matched = first & in_band, last & in_band, True
            assert band is not None
            notes.append(f"the first quarter averaged {_pace(1 / v1)} and the last "
                         f"{_pace(1 / v2)}, so only the stretches of both run at "
                         f"{_pace(1 / band[1])}-{_pace(1 / band[0])} are compared")
        else:
            raw = _changes(values, first, last)
            said = [f"{name} {raw[m]:+.1f}%" for m, name in (
                (Metric.CADENCE, "cadence"), (Metric.GROUND_CONTACT, "ground contact time"),
                (Metric.VERTICAL_OSCILLATION, "vertical oscillation")) if raw.get(m) is not None]
            slower = "slower" if v2 < v1 else "faster"
            return Drift(note=(
                f"the last quarter was run much {slower} ({_pace(1 / v2)}) than the first "
                f"({_pace(1 / v1)}), with no stretch at a shared pace; "
                + (", ".join(said) + " from the first to the last quarter, but " if said else "")
                + "pace, not form, explains the change. An even-paced run shows form drift"),
                pace_explains=True, first_pace_s_per_km=first_pace, last_pace_s_per_km=last_pace)
    out = _changes(values, first, last)
    if any(v is None for v in out.values()):
        notes.append("drift is only shown for metrics the file records through the whole run")
    return Drift(cadence_pct=out[Metric.CADENCE], ground_contact_pct=out[Metric.GROUND_CONTACT],
                 vertical_oscillation_pct=out[Metric.VERTICAL_OSCILLATION],
                 note="; ".join(notes) or None, pace_matched=matched,
                 first_pace_s_per_km=first_pace, last_pace_s_per_km=last_pace)


def _shared_band(speed: FloatArray, first: np.ndarray, last: np.ndarray) -> tuple[float, float] | None:
    """The speed range both quarters cover: the higher 10th percentile to the lower 90th,
    widened by half of `PACE_SAME_PCT` on each side (a steady pace is a range of one speed)."""
    a = speed[first & np.isfinite(speed)]
    b = speed[last & np.isfinite(speed)]
    if len(a) < DRIFT_MIN_VALUES or len(b) < DRIFT_MIN_VALUES:
        return None
    low = max(float(np.percentile(a, 10)), float(np.percentile(b, 10)))
    high = min(float(np.percentile(a, 90)), float(np.percentile(b, 90)))
    if not high >= low > 0:
        return None
    margin = PACE_SAME_PCT / 200
    return low * (1 - margin), high * (1 + margin)


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
    per_metric: dict[Metric, PerMetric] = {}
    missing: list[Metric] = []
    for metric in Metric:
        values = metric_values(samples, metric)
        keep = run & np.isfinite(values) if values is not None else None
        if values is None or keep is None or not keep.any():
            missing.append(metric)
            continue
        vals, weights = values[keep], selection.weights[keep]
        metrics[metric] = _summary(metric, vals, weights)
        per_metric[metric] = (vals, weights, at[keep], np.flatnonzero(keep))
    return FormAnalysis(
        sport=activity.sport, duration_s=activity.duration_s, distance_m=activity.distance_m,
        records=len(samples), used=selection.used, moving_s=selection.moving_s,
        walking_s=selection.walking_s, paused_s=selection.paused_s,
        moving_distance_m=moving_distance(selection), metrics=metrics, missing=tuple(missing),
        drift=_drift(per_metric, selection, at))


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
