"""Heart-rate zones and the time spent in each.

Five zones from the resting and maximum heart rate. The usual split (a coaching convention,
not a physiological law) puts the zones at 50-60-70-80-90-100 % of the heart-rate reserve
(Karvonen: rest + share x (max - rest)), or of the maximum. Zone 1 also holds everything
below its floor, so the zones together cover all the moving time with heart rate.

Time in a zone is time, not a count of samples: each reading holds until the next one (watches
record more often when the rate changes). Only moving time counts, cut the same way as the
summary's moving time: the step to a sample faster than 0.5 m/s, gaps over a minute left out.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

import numpy as np

from yolvarex.domain.activity import FloatArray, Samples

ZoneMethod = Literal["reserve", "max", "custom"]
ZONE_SHARES = (0.5, 0.6, 0.7, 0.8, 0.9)
MOVING_MPS = 0.5
MAX_GAP_S = 60.0


@dataclass(frozen=True)
class Zones:
    """`floors`: the lowest heart rate of zones 1-5, rising."""

    method: ZoneMethod
    floors: tuple[int, int, int, int, int]
    rest: float
    max: float

    def ranges(self) -> list[tuple[int, int | None]]:
        """(floor, ceiling) of each zone; zone 5 has no ceiling."""
        f = self.floors
        return [(f[i], f[i + 1] - 1 if i < 4 else None) for i in range(5)]


def zones_from(rest: float, max_hr: float, method: ZoneMethod = "reserve",
               custom: tuple[int, ...] | None = None) -> Zones:
    if method == "custom" and custom is not None and len(custom) == 5:
        floors = tuple(int(v) for v in custom)
    elif method == "max":
        floors = tuple(round(s * max_hr) for s in ZONE_SHARES)
    else:
        method = "reserve"
        floors = tuple(round(rest + s * (max_hr - rest)) for s in ZONE_SHARES)
    return Zones(method=method, floors=floors, rest=rest, max=max_hr)  # type: ignore[arg-type]


def moving_steps(t_s: FloatArray, speed: FloatArray | None) -> FloatArray:
    """The seconds of each step between samples that count as moving (0 where not)."""
    if len(t_s) < 2:
        return np.zeros(0)
    gaps = np.diff(t_s)
    if speed is None:
        return np.where((gaps > 0) & (gaps <= MAX_GAP_S), gaps, 0.0)
    with np.errstate(invalid="ignore"):
        moving = (speed[1:] >= MOVING_MPS) & (gaps <= MAX_GAP_S)
    return np.where(moving, gaps, 0.0)


def _held(values: FloatArray) -> FloatArray:
    """Each reading carried forward over the samples without one."""
    ok = np.isfinite(values) & (values > 0)
    idx = np.where(ok, np.arange(len(values)), 0)
    np.maximum.accumulate(idx, out=idx)
    held = values[idx]
    held[: int(np.argmax(ok)) if ok.any() else len(values)] = np.nan
    return held


@dataclass(frozen=True)
class ZoneTimes:
    seconds: tuple[float, float, float, float, float]
    without_hr_s: float  # moving time with no heart-rate reading yet

    @property
    def total_s(self) -> float:
        return sum(self.seconds) + self.without_hr_s


@dataclass(frozen=True)
class HeartRateTime:
    """Moving seconds at each whole heart rate (`first` + i beats per minute), and moving
    seconds with no reading yet: time in zones for any zone floors is a sum over these, so a
    run's figures do not depend on where the zones are cut."""

    first: int
    seconds: tuple[float, ...]
    without_hr_s: float

    def in_zones(self, zones: Zones) -> ZoneTimes:
        out = [0.0] * 5
        upper = zones.floors[1:]
        for i, seconds in enumerate(self.seconds):
            # floors are whole beats: a reading of 139.6 is below a floor of 140, as is 139
            out[bisect.bisect_right(upper, self.first + i)] += seconds
        return ZoneTimes(seconds=tuple(out), without_hr_s=self.without_hr_s)  # type: ignore[arg-type]


def heart_rate_time(samples: Samples, speed: FloatArray | None) -> HeartRateTime | None:
    """Moving time by heart rate, or None when the samples have no heart rate."""
    hr = samples.channels.get("heart_rate_bpm")
    if hr is None or not np.isfinite(hr).any() or len(samples) < 2:
        return None
    steps = moving_steps(samples.t_s, speed)
    held = _held(hr)[:-1]  # the reading at the start of each step holds over it
    known = np.isfinite(held)
    without = float(steps[~known].sum())
    if not known.any():
        return HeartRateTime(first=0, seconds=(), without_hr_s=without)
    bpm = np.floor(held[known]).astype(np.int64)
    first = int(bpm.min())
    seconds = np.bincount(bpm - first, weights=steps[known])
    return HeartRateTime(first=first, seconds=tuple(float(v) for v in seconds), without_hr_s=without)


def time_in_zones(samples: Samples, speed: FloatArray | None, zones: Zones) -> ZoneTimes | None:
    """Moving seconds in each zone, or None when the samples have no heart rate."""
    found = heart_rate_time(samples, speed)
    return found.in_zones(zones) if found is not None else None
