"""Best efforts: the fastest time over set distances found anywhere inside a run.

A window of the set distance slides along the cumulative distance. The fastest window of a
piecewise-linear track starts or ends on a sample, so both are tried: from every sample to
the interpolated moment the distance is covered, and from the interpolated moment it started
to every sample. Elapsed time counts (a pause inside the window is part of it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.run.track import Track, time_at

#: The distances runners compare (name, metres).
EFFORT_DISTANCES: tuple[tuple[str, float], ...] = (
    ("400 m", 400.0), ("1 km", 1000.0), ("1 mile", 1609.344), ("5 km", 5000.0),
    ("10 km", 10000.0), ("Half marathon", 21097.5), ("Marathon", 42195.0))


@dataclass(frozen=True)
class Effort:
    name: str
    distance_m: float
    seconds: float
    start_s: float  # when the fastest window began, seconds into the run


def best_effort(track: Track, distance_m: float) -> Effort | None:
    """The fastest `distance_m` inside the track, or None when the run is shorter."""
    d, t = track.d_m, track.t_s
    if d[-1] - d[0] < distance_m:
        return None
    # a window starts when the runner leaves a point (after any pause there)
    starts = (d <= d[-1] - distance_m) & np.concatenate([np.diff(d) > 0, [True]])
    t_end = time_at(track, d[starts] + distance_m)
    from_start = t_end - t[starts]
    ends = d >= d[0] + distance_m
    t_begin = time_at(track, d[ends] - distance_m, last=True)
    to_end = t[ends] - t_begin
    i, j = int(np.argmin(from_start)), int(np.argmin(to_end))
    if from_start[i] <= to_end[j]:
        return Effort("", distance_m, float(from_start[i]), float(t[starts][i]))
    return Effort("", distance_m, float(to_end[j]), float(t_begin[j]))


def best_efforts(track: Track) -> list[Effort]:
    out = []
    for name, metres in EFFORT_DISTANCES:
        effort = best_effort(track, metres)
        if effort is not None and effort.seconds > 0:
            out.append(Effort(name, metres, effort.seconds, effort.start_s))
    return out
