"""Chart series: pace, heart rate, elevation and cadence over distance, in even steps.

The run is cut into at most `MAX_POINTS` equal stretches of distance. Pace at a stretch is the
time over the `PACE_WINDOW_M` of distance around it (so GPS jitter does not make a saw-tooth,
and a pause shows as a slow stretch, not a gap); the other channels are the mean of the
readings inside the stretch. Stretches with no reading are left empty (None).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.activity import FloatArray
from yolvarex.domain.run.track import Track, time_at

MAX_POINTS = 300
MIN_STEP_M = 10.0
PACE_WINDOW_M = 200.0
CHANNELS = {"heart_rate_bpm": "hr", "altitude_m": "elevation", "cadence_spm": "cadence"}


@dataclass(frozen=True)
class Series:
    distance_km: list[float]
    seconds: list[float]  # elapsed time at the end of each stretch
    pace_s_per_km: list[float | None]
    hr: list[float | None]
    elevation: list[float | None]
    cadence: list[float | None]


def _means(track: Track, values: FloatArray | None, bounds: FloatArray) -> list[float | None]:
    """The mean of the readings inside each stretch (one pass over the samples)."""
    count = len(bounds) - 1
    if values is None:
        return [None] * count
    which = np.searchsorted(bounds, track.d_m, side="right") - 1
    keep = np.isfinite(values) & (values > -500) & (which >= 0) & (which < count)
    sums = np.bincount(which[keep], weights=values[keep], minlength=count)[:count]
    counts = np.bincount(which[keep], minlength=count)[:count]
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (sums / counts).tolist()
    return [round(m, 1) if n else None for m, n in zip(means, counts.tolist(), strict=True)]


def series(track: Track, altitude: FloatArray | None = None) -> Series | None:
    """`altitude`: the smoothed elevation to chart (the raw one when None)."""
    total = track.total_m
    if total < MIN_STEP_M * 2:
        return None
    count = int(min(MAX_POINTS, total // MIN_STEP_M))
    bounds = np.linspace(float(track.d_m[0]), float(track.d_m[-1]), count + 1)
    times = time_at(track, bounds)
    step = bounds[1] - bounds[0]
    half = int(PACE_WINDOW_M / step / 2)
    pace: list[float | None] = []
    for i in range(count):
        lo, hi = max(0, i - half), min(count, i + 1 + half)
        seconds = float(times[hi] - times[lo])
        pace.append(round(seconds / float(bounds[hi] - bounds[lo]) * 1000.0, 1) if seconds > 0 else None)
    cadence = track.channel("cadence_spm")
    if cadence is not None:
        cadence = np.where(cadence > 0, cadence, np.nan)
    return Series(
        distance_km=[round(float(b - bounds[0]) / 1000.0, 3) for b in bounds[1:]],
        seconds=[round(float(t - times[0]), 1) for t in times[1:]],
        pace_s_per_km=pace,
        hr=_means(track, track.channel("heart_rate_bpm"), bounds),
        elevation=_means(track, altitude if altitude is not None else track.channel("altitude_m"),
                         bounds),
        cadence=_means(track, cadence, bounds))
