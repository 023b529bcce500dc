"""A recorded activity (run, ride, swim, ...) as the readers in `ingest/` produce it.

Samples are columnar: one float array per channel, all the same length as `t_s` (seconds
since the start). A value the device did not record is NaN. Units are fixed by the channel
name, so nobody has to guess: cadence is in *steps* per minute, oscillation and step length in
millimetres, stance time in milliseconds, balance (left foot share) and vertical ratio in percent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

CHANNELS: tuple[str, ...] = (
    "distance_m",
    "speed_mps",
    "heart_rate_bpm",
    "cadence_spm",
    "vertical_oscillation_mm",
    "stance_time_ms",
    "stance_time_balance_pct",
    "vertical_ratio_pct",
    "step_length_mm",
    "altitude_m",
    "lat",
    "lon",
    "power_w",
)


class Sport(StrEnum):
    RUNNING = "running"
    CYCLING = "cycling"
    SWIMMING = "swimming"
    WALKING = "walking"
    HIKING = "hiking"
    STRENGTH = "strength"
    OTHER = "other"

    @property
    def is_run(self) -> bool:
        return self is Sport.RUNNING


@dataclass(frozen=True)
class Samples:
    t_s: FloatArray
    channels: dict[str, FloatArray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, values in self.channels.items():
            if name not in CHANNELS:
                raise ValueError(f"unknown sample channel {name!r}")
            if len(values) != len(self.t_s):
                raise ValueError(f"channel {name!r} has {len(values)} values for {len(self.t_s)} times")

    def __len__(self) -> int:
        return len(self.t_s)

    def has(self, name: str) -> bool:
        values = self.channels.get(name)
        return values is not None and bool(np.isfinite(values).any())

    @classmethod
    def empty(cls) -> Samples:
        return cls(t_s=np.zeros(0))


@dataclass(frozen=True)
class Lap:
    """A lap as the watch recorded it (the lap button or auto-lap)."""

    start_s: float  # seconds after the activity's start
    seconds: float
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None


@dataclass(frozen=True)
class Activity:
    sport: Sport
    start: dt.datetime  # timezone-aware, UTC
    duration_s: float
    distance_m: float | None = None
    moving_s: float | None = None
    ascent_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence_spm: float | None = None
    name: str | None = None
    sub_sport: str | None = None
    source_format: str | None = None  # fit, gpx, tcx, manual
    samples: Samples = field(default_factory=Samples.empty)
    #: What a person should know about how the file was read (a guessed sport, a missing date).
    remarks: tuple[str, ...] = ()
    #: The wall-clock offset from UTC where it was recorded, when the file says (FIT
    #: local_timestamp, an offset in GPX/TCX times); None: use the athlete's time zone.
    utc_offset_s: float | None = None
    laps: tuple[Lap, ...] = ()
