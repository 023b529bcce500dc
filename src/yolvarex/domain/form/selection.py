"""Which records of a run count as running: pauses and walking breaks are left out.

How, in order:

1. **Time each record stands for.** A record covers the time since the one before it. A gap
   longer than `MAX_GAP_S` (the watch was paused, auto-pause kicked in, or the file skips) is a
   pause: the record after it counts only one typical recording interval, so paused time never
   enters the figures.
2. **Running, not walking or standing.** When the file has cadence, a record is running when
   its cadence is at least `RUN_CADENCE_MIN_SPM` (walking rarely goes above about 130 steps
   per minute, running rarely below 140) and, when speed is known, the runner is moving at
   `MOVING_SPEED_MIN_MPS` or more. Without cadence, a record is running when its speed is at
   least `RUN_SPEED_MIN_MPS` (about 9:15 min/km). A file with neither counts every record.

Speed comes from the speed channel, or from the distance channel when speed is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.activity import FloatArray, Samples

MAX_GAP_S = 10.0
RUN_CADENCE_MIN_SPM = 140.0
MOVING_SPEED_MIN_MPS = 1.0
RUN_SPEED_MIN_MPS = 1.8

RULE = (f"records with cadence of at least {RUN_CADENCE_MIN_SPM:.0f} steps/min while moving "
        f"(or, without cadence, speed of at least {RUN_SPEED_MIN_MPS} m/s); gaps over "
        f"{MAX_GAP_S:.0f} s are pauses")


@dataclass(frozen=True)
class Selection:
    running: np.ndarray  # bool per record
    weights: FloatArray  # seconds each record stands for (pauses removed)
    speed_mps: FloatArray | None  # speed per record when the file has speed or distance
    moving_s: float  # seconds of running
    walking_s: float  # seconds of slow or walking records, not counted
    paused_s: float  # seconds of gaps, not counted

    @property
    def used(self) -> int:
        return int(self.running.sum())


def _speed(samples: Samples, weights: FloatArray) -> FloatArray | None:
    if samples.has("speed_mps"):
        return samples.channels["speed_mps"]
    if samples.has("distance_m") and len(samples) > 1:
        distance = samples.channels["distance_m"]
        step = np.diff(distance, prepend=distance[0])
        dt = np.diff(samples.t_s, prepend=samples.t_s[0])
        with np.errstate(divide="ignore", invalid="ignore"):
            speed = np.where(dt > 0, step / np.where(dt > 0, dt, 1.0), np.nan)
        speed[0] = speed[1]  # the first record has nothing before it; it moves like the next
        return np.asarray(speed, dtype=np.float64)
    return None


def select_running(samples: Samples) -> Selection:
    n = len(samples)
    if n == 0:
        empty = np.zeros(0)
        return Selection(np.zeros(0, dtype=bool), empty, None, 0.0, 0.0, 0.0)
    t = samples.t_s
    dt = np.diff(t, prepend=t[0])
    positive = dt[(dt > 0) & (dt <= MAX_GAP_S)]
    typical = float(np.median(positive)) if positive.size else 1.0
    gaps = dt > MAX_GAP_S
    weights = np.where(gaps, typical, np.clip(dt, 0.0, None))
    weights[0] = typical
    paused_s = float((dt[gaps] - typical).sum())

    speed = _speed(samples, weights)
    if samples.has("cadence_spm"):
        cadence = samples.channels["cadence_spm"]
        running = np.nan_to_num(cadence, nan=0.0) >= RUN_CADENCE_MIN_SPM
        if speed is not None:
            running &= ~(np.nan_to_num(speed, nan=np.inf) < MOVING_SPEED_MIN_MPS)
    elif speed is not None:
        running = np.nan_to_num(speed, nan=0.0) >= RUN_SPEED_MIN_MPS
    else:
        running = np.ones(n, dtype=bool)
    moving_s = float(weights[running].sum())
    walking_s = float(weights[~running].sum())
    return Selection(running, weights, speed, moving_s, walking_s, paused_s)
