"""Summary figures of an activity from its samples, where the file does not give them.

Files that carry their own totals (FIT sessions, TCX laps) keep them; this fills the gaps:
- moving time: the time between samples where you were moving faster than 0.5 m/s, leaving out
  gaps longer than a minute (a paused watch);
- ascent (only when the file gives no total: device totals such as a FIT session's
  `total_ascent` win): the altitude is resampled every 10 m of distance, smoothed with a running
  median over 300 m, and a climb counts only once it rises 5 m above the last low (hysteresis).
  GPS-only altitude (most GPX files) wanders by tens of metres; summed raw, a flat 7 km run in
  Bremen came to 428 m, smoothed it is under 100 m. The figure is an estimate; barometric
  devices write their own total, which is kept;
- distance: the last cumulative distance, or the sum of great-circle steps between positions;
- average heart rate over time, not over samples: each reading counts for the time until the
  next one (paused gaps over a minute left out), since watches record more often when the rate
  changes and a plain mean of the samples leans towards those moments (a TCX run read 3-4 bpm
  below its laps' own averages that way);
- maximum heart rate that was held (`HELD_SAMPLES` readings in a row), so one recorded spike
  from a strap's static does not become the runner's maximum; a file's own maximum gives way
  to it when the samples have heart rate;
- average cadence over the moving samples.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

import numpy as np

from yolvarex.domain.activity import Activity, FloatArray, Samples, Sport
from yolvarex.ingest.sports import FOOT_SPORTS

MOVING_MPS = 0.5
MAX_GAP_S = 60.0
ASCENT_GRID_M = 10.0
ASCENT_MEDIAN_M = 300.0
ASCENT_STEP_M = 5.0
EARTH_RADIUS_M = 6_371_008.8
HELD_SAMPLES = 3
DYNAMICS = ("vertical_oscillation_mm", "stance_time_ms", "stance_time_balance_pct",
            "vertical_ratio_pct", "step_length_mm", "power_w")


def _finite(values: FloatArray | None) -> FloatArray:
    if values is None:
        return np.zeros(0)
    return values[np.isfinite(values)]


def track_distance(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Cumulative great-circle distance along a track (haversine), NaN positions skipped."""
    out = np.full(len(lat), np.nan)
    ok = np.isfinite(lat) & np.isfinite(lon)
    if not ok.any():
        return out
    la, lo = np.radians(lat[ok]), np.radians(lon[ok])
    dla, dlo = np.diff(la), np.diff(lo)
    a = np.sin(dla / 2) ** 2 + np.cos(la[:-1]) * np.cos(la[1:]) * np.sin(dlo / 2) ** 2
    steps = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    out[ok] = np.concatenate([[0.0], np.cumsum(steps)])
    # carry the last known distance over samples without a position
    idx = np.where(ok, np.arange(len(lat)), 0)
    np.maximum.accumulate(idx, out=idx)
    filled = out[idx]
    filled[: int(np.argmax(ok))] = np.nan
    return filled


def speed_of(samples: Samples) -> FloatArray | None:
    """Speed from the speed channel, else from distance over time."""
    if samples.has("speed_mps"):
        return samples.channels["speed_mps"]
    if samples.has("distance_m") and len(samples) > 1:
        dist = samples.channels["distance_m"]
        dd = np.diff(dist)
        dt_s = np.diff(samples.t_s)
        with np.errstate(invalid="ignore", divide="ignore"):
            speed = np.where(dt_s > 0, dd / np.where(dt_s > 0, dt_s, 1.0), np.nan)
        return np.concatenate([[np.nan], speed])
    return None


def moving_seconds(samples: Samples) -> float | None:
    speed = speed_of(samples)
    if speed is None or len(samples) < 2:
        return None
    gaps = np.diff(samples.t_s)
    moving = (speed[1:] >= MOVING_MPS) & (gaps <= MAX_GAP_S)
    return float(gaps[moving].sum())


def smooth_altitude(altitude: FloatArray, distance: FloatArray | None) -> FloatArray | None:
    """Altitude every `ASCENT_GRID_M` of distance, smoothed by a running median over
    `ASCENT_MEDIAN_M` (by sample when there is no distance); None without two readings."""
    ok = np.isfinite(altitude)
    if distance is not None:
        ok &= np.isfinite(distance)
    if int(ok.sum()) < 2:
        return None
    alt = altitude[ok]
    if distance is not None:
        d = np.maximum.accumulate(distance[ok])
        if d[-1] - d[0] >= 2 * ASCENT_GRID_M:
            grid = np.arange(d[0], d[-1], ASCENT_GRID_M)
            first = np.concatenate([[True], np.diff(d) > 0])
            alt = np.interp(grid, d[first], alt[first])
    width = int(ASCENT_MEDIAN_M // ASCENT_GRID_M) | 1
    if len(alt) < width:
        return alt
    half = width // 2
    padded = np.pad(alt, (half, half), mode="edge")
    return np.asarray(np.median(np.lib.stride_tricks.sliding_window_view(padded, width), axis=1))


def ascent(altitude: FloatArray, distance: FloatArray | None = None) -> float | None:
    """Total climb of smoothed altitude with hysteresis: a climb starts counting once it rises
    `ASCENT_STEP_M` above the last low, and counts whole until it falls that far below its top."""
    alt = smooth_altitude(altitude, distance)
    if alt is None:
        return None
    total, ref, climbing = 0.0, float(alt[0]), False
    for raw in alt[1:]:
        value = float(raw)
        if climbing and value > ref:
            total += value - ref
            ref = value
        elif climbing and value < ref - ASCENT_STEP_M:
            climbing, ref = False, value
        elif not climbing and value < ref:
            ref = value
        elif not climbing and value > ref + ASCENT_STEP_M:
            climbing, total, ref = True, total + value - ref, value
    return total


def _mean(values: FloatArray | None, positive: bool = True) -> float | None:
    v = _finite(values)
    if positive:
        v = v[v > 0]
    return float(v.mean()) if len(v) else None


def time_weighted_mean(t_s: FloatArray, values: FloatArray | None) -> float | None:
    """The mean of a channel over time: each positive reading holds until the next one,
    leaving out gaps longer than `MAX_GAP_S`; the plain mean when no time is left."""
    if values is None:
        return None
    ok = np.isfinite(values) & (values > 0)
    t, v = t_s[ok], values[ok]
    if not len(v):
        return None
    weights = np.diff(t)
    weights = np.where((weights > 0) & (weights <= MAX_GAP_S), weights, 0.0)
    if weights.sum() <= 0:
        return float(v.mean())
    return float((v[:-1] * weights).sum() / weights.sum())


def held_max(values: FloatArray | None, held: int = HELD_SAMPLES) -> float | None:
    """The highest value held over `held` readings in a row (the maximum of rolling minima);
    the plain maximum when there are fewer readings."""
    if values is None:
        return None
    v = values[np.isfinite(values) & (values > 0)]
    if not len(v):
        return None
    if len(v) < held:
        return float(v.max())
    windows = np.lib.stride_tricks.sliding_window_view(v, held)
    return float(windows.min(axis=1).max())


def dynamics_averages(samples: Samples) -> dict[str, float]:
    """Average running dynamics (and power) over the samples that have them."""
    out = {}
    for name in DYNAMICS:
        value = _mean(samples.channels.get(name))
        if value is not None:
            out[name] = round(value, 2)
    return out


def _cap(value: float | None, limit: float | None) -> float | None:
    return None if value is None else min(value, limit) if limit is not None else value


def _or(value: float | None, fallback: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else fallback


def summarize(sport: Sport, start: dt.datetime, samples: Samples, *, duration_s: float | None = None,
              moving_s: float | None = None, distance_m: float | None = None,
              ascent_m: float | None = None, avg_hr: float | None = None,
              max_hr: float | None = None, avg_cadence_spm: float | None = None,
              name: str | None = None, sub_sport: str | None = None, source_format: str,
              remarks: tuple[str, ...] = (), utc_offset_s: float | None = None) -> Activity:
    """An Activity whose missing totals come from its samples."""
    n = len(samples)
    ch = samples.channels
    elapsed = float(samples.t_s[-1] - samples.t_s[0]) if n else 0.0
    last_distance = _finite(ch.get("distance_m"))
    hr = ch.get("heart_rate_bpm")
    cadence = ch.get("cadence_spm")
    return Activity(
        sport=sport, start=start, duration_s=float(_or(duration_s, elapsed) or 0.0),
        distance_m=_or(distance_m, float(last_distance.max()) if len(last_distance) else None),
        moving_s=_or(moving_s, _cap(moving_seconds(samples), _or(duration_s, elapsed))),
        ascent_m=_or(ascent_m, ascent(ch["altitude_m"], ch.get("distance_m"))
                     if "altitude_m" in ch else None),
        avg_hr=_or(avg_hr, time_weighted_mean(samples.t_s, hr)),
        max_hr=_or(held_max(hr), max_hr),
        avg_cadence_spm=_or(avg_cadence_spm, _mean(cadence)),
        name=name, sub_sport=sub_sport, source_format=source_format, samples=samples,
        remarks=remarks, utc_offset_s=utc_offset_s)


def build_samples(t_s: Sequence[float] | FloatArray,
                  columns: Mapping[str, Sequence[float] | FloatArray]) -> Samples:
    """Samples from per-channel lists (NaN for missing), dropping channels with no value at all."""
    channels = {}
    for name, values in columns.items():
        arr = np.asarray(values, dtype=np.float64)
        if np.isfinite(arr).any():
            channels[name] = arr
    return Samples(t_s=np.asarray(t_s, dtype=np.float64), channels=channels)


def strides_to_steps(samples: Samples, sport: Sport) -> Samples:
    """Cadence read as strides per minute becomes steps per minute for foot sports; for other
    sports (pedal or stroke rate) it is dropped, since `cadence_spm` means steps."""
    if "cadence_spm" not in samples.channels:
        return samples
    channels = dict(samples.channels)
    if sport in FOOT_SPORTS:
        channels["cadence_spm"] = channels["cadence_spm"] * 2.0
    else:
        del channels["cadence_spm"]
    return Samples(t_s=samples.t_s, channels=channels)
