"""Time against distance: the one track splits, best efforts and charts are cut from."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.activity import FloatArray, Samples


@dataclass(frozen=True)
class Track:
    """Samples with a recorded cumulative distance, distance made non-decreasing (a watch may
    correct it down by a metre or two) and every channel kept at the same indices."""

    t_s: FloatArray
    d_m: FloatArray
    samples: Samples

    @property
    def total_m(self) -> float:
        return float(self.d_m[-1] - self.d_m[0]) if len(self.d_m) else 0.0

    def channel(self, name: str) -> FloatArray | None:
        values = self.samples.channels.get(name)
        return values if values is not None and bool(np.isfinite(values).any()) else None


def track_of(samples: Samples) -> Track | None:
    """The track of samples with distances, or None when fewer than two have one."""
    dist = samples.channels.get("distance_m")
    if dist is None:
        return None
    ok = np.isfinite(dist) & np.isfinite(samples.t_s)
    if int(ok.sum()) < 2:
        return None
    channels = {name: values[ok] for name, values in samples.channels.items()}
    kept = Samples(t_s=samples.t_s[ok], channels=channels)
    d = np.maximum.accumulate(channels["distance_m"])
    return Track(t_s=kept.t_s, d_m=d, samples=kept)


def time_at(track: Track, distance_m: FloatArray, *, last: bool = False) -> FloatArray:
    """Seconds since the start at which each distance was reached, interpolated linearly
    between samples. Where the runner stood still the first moment counts, or with `last`
    the moment they moved on (the start of a window should not include the pause before it)."""
    d, t = track.d_m, track.t_s
    moved = np.diff(d) > 0
    pick = np.concatenate([moved, [True]]) if last else np.concatenate([[True], moved])
    return np.asarray(np.interp(distance_m, d[pick], t[pick]))
