"""Build `Samples` and `Activity` values for form tests without any file."""

from __future__ import annotations

import datetime as dt

import numpy as np

from yolvarex.domain.activity import Activity, Samples, Sport

START = dt.datetime(2024, 5, 1, 7, 0, tzinfo=dt.UTC)


def samples(n: int = 1200, step: float = 1.0, **channels: object) -> Samples:
    """`n` records `step` seconds apart; each channel is a number or a sequence of length n."""
    t = np.arange(n, dtype=float) * step
    data = {}
    for name, value in channels.items():
        arr = np.full(n, float(value)) if np.isscalar(value) else np.asarray(value, dtype=float)
        data[name] = arr
    return Samples(t_s=t, channels=data)


def run(s: Samples, sport: Sport = Sport.RUNNING, start: dt.datetime = START) -> Activity:
    duration = float(s.t_s[-1]) if len(s) else 0.0
    return Activity(sport=sport, start=start, duration_s=duration, distance_m=None, samples=s)


def steady(n: int = 1800, cadence: float = 170, gct: float = 250, vo_mm: float = 85,
           balance: float = 50.0, vr: float = 7.5, step_mm: float = 1050, speed: float = 3.0) -> Samples:
    return samples(n, cadence_spm=cadence, stance_time_ms=gct, vertical_oscillation_mm=vo_mm,
                   stance_time_balance_pct=balance, vertical_ratio_pct=vr, step_length_mm=step_mm,
                   speed_mps=speed)
