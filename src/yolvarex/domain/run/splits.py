"""Splits: the run cut every kilometre or mile, with time, pace, heart rate and climb.

Each boundary is placed where the cumulative distance crosses it, interpolated between the
samples on either side, so the splits' distances add up to the run's recorded distance
exactly and their times to its elapsed time; the last split is the part left over. Climb per
split is left to the caller (`start_s`/`end_s` say which samples it covers), so it is smoothed
the same way as the run's own ascent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.activity import FloatArray
from yolvarex.domain.run.track import Track, time_at

KM = 1000.0
MILE = 1609.344


@dataclass(frozen=True)
class Split:
    number: int
    distance_m: float
    seconds: float
    avg_hr: float | None
    start_s: float
    end_s: float

    @property
    def pace_s_per_km(self) -> float | None:
        return self.seconds / self.distance_m * KM if self.distance_m > 0 else None


def _weighted(t: FloatArray, values: FloatArray | None, lo: float, hi: float) -> float | None:
    """The time-weighted mean of a channel between two instants (each reading holds until the next)."""
    if values is None or hi <= lo:
        return None
    step = np.diff(t)
    mid_lo, mid_hi = np.clip(t[:-1], lo, hi), np.clip(t[1:], lo, hi)
    weight = np.where(step > 0, mid_hi - mid_lo, 0.0)
    v = values[:-1]
    ok = np.isfinite(v) & (v > 0) & (weight > 0)
    if not ok.any():
        return None
    return float((v[ok] * weight[ok]).sum() / weight[ok].sum())


def splits(track: Track, every_m: float = KM) -> list[Split]:
    """The splits of a track, every `every_m` metres."""
    start, end = float(track.d_m[0]), float(track.d_m[-1])
    marks = np.arange(start, end, every_m)
    bounds = np.append(marks, end) if end > marks[-1] else marks
    times = time_at(track, bounds)
    times[-1] = float(track.t_s[-1])
    hr = track.channel("heart_rate_bpm")
    out = []
    for i in range(len(bounds) - 1):
        lo, hi = float(times[i]), float(times[i + 1])
        out.append(Split(number=i + 1, distance_m=float(bounds[i + 1] - bounds[i]),
                         seconds=hi - lo, avg_hr=_weighted(track.t_s, hr, lo, hi),
                         start_s=lo, end_s=hi))
    return out
