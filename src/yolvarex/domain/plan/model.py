"""The generated plan as frozen values, with the public JSON shape in `to_json()`/`from_json()`.

```
{"format": 2, "profile": {...}, "warnings": [{"code", "weeks", "message"}],
 "weeks": [{"week": 1, "start": "2026-12-07", "phase": "base|build|peak|taper|deload",
   "sessions": [{"date", "weekday", "run_day", "focus", "lower_body_load", "minutes",
     "blocks": [{"kind", "routine", "exercises": [{"exercise", "sets", "reps", "seconds",
       "per_side", "tempo", "rest_s", "rpe_target"}]}]}]}]}
```

Plans are stored for months, so the shape carries a `format` number. A plan written before
the number existed (format 1: the same shape without the key) still loads; one from a newer
yolvarex is refused with a sentence rather than misread. When the shape changes, raise
`PLAN_FORMAT` and add a step to `_UPGRADES` that turns the previous format into the new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from yolvarex.content.schemas.exercise import LegLoad
from yolvarex.domain.plan.profile import Profile, RunKind

#: The stored plan shape this code writes.
PLAN_FORMAT = 2
#: format n -> the function turning a plan of format n into format n + 1.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: lambda data: data,  # format 1 had the same shape; only the key was missing
}


class PlanFormatError(ValueError):
    """A stored plan this code cannot read (written by a newer yolvarex)."""


def upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """A stored plan's JSON brought to `PLAN_FORMAT`, whichever format it was written in."""
    version = data.get("format", 1)
    if not isinstance(version, int) or not 1 <= version <= PLAN_FORMAT:
        raise PlanFormatError(f"This plan was saved in format {version!r}, which this version of "
                              f"yolvarex (format {PLAN_FORMAT}) cannot read; update yolvarex.")
    while version < PLAN_FORMAT:
        data = _UPGRADES[version](data)
        version += 1
    return {**data, "format": PLAN_FORMAT}


class Phase(StrEnum):
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    DELOAD = "deload"


class Focus(StrEnum):
    LOWER = "lower"
    UPPER_CORE = "upper_core"
    FULL = "full"
    PLYO_LOWER = "plyo_lower"
    TEST = "test"
    MAINTENANCE = "maintenance"

    @property
    def label(self) -> str:
        return FOCUS_LABELS[self]


FOCUS_LABELS = {
    Focus.LOWER: "Lower body", Focus.UPPER_CORE: "Upper body and core", Focus.FULL: "Full body",
    Focus.PLYO_LOWER: "Plyometrics and lower body", Focus.TEST: "Performance tests",
    Focus.MAINTENANCE: "Maintenance",
}
#: Foci that carry real leg load; the placement rules keep them on legal days.
HEAVY_FOCI = frozenset({Focus.LOWER, Focus.FULL, Focus.PLYO_LOWER})
#: Sessions placed like heavy legs: the leg sessions and the tests to failure.
PLACED_HEAVY = HEAVY_FOCI | {Focus.TEST}


class BlockKind(StrEnum):
    WARMUP = "warmup"
    PLYOMETRIC = "plyometric"
    STRENGTH = "strength"
    CORE = "core"
    COOLDOWN = "cooldown"
    TEST = "test"


@dataclass(frozen=True, slots=True)
class Prescription:
    exercise: str
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    per_side: bool
    tempo: str | None
    rest_s: int
    rpe_target: int | None
    note: str | None = None
    load_kg: float | None = None

    @property
    def volume(self) -> float:
        """Work in reps: sets x reps (the middle of the range), a hold counted as one rep per
        3 s, both sides of per-side work; a test to failure counts nothing."""
        if self.reps is not None:
            amount = (self.reps[0] + self.reps[1]) / 2
        elif self.seconds is not None:
            amount = self.seconds / 3
        else:
            return 0.0
        return self.sets * amount * (2 if self.per_side else 1)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "exercise": self.exercise, "sets": self.sets,
            "reps": list(self.reps) if self.reps else None, "seconds": self.seconds,
            "per_side": self.per_side, "tempo": self.tempo, "rest_s": self.rest_s,
            "rpe_target": self.rpe_target}
        if self.note:
            data["note"] = self.note
        if self.load_kg is not None:
            data["load_kg"] = self.load_kg
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Prescription:
        reps = data.get("reps")
        return cls(exercise=data["exercise"], sets=int(data["sets"]),
                   reps=(int(reps[0]), int(reps[1])) if reps else None,
                   seconds=data.get("seconds"), per_side=bool(data.get("per_side")),
                   tempo=data.get("tempo"), rest_s=int(data.get("rest_s", 60)),
                   rpe_target=data.get("rpe_target"), note=data.get("note"),
                   load_kg=data.get("load_kg"))


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    exercises: tuple[Prescription, ...] = ()
    routine: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "routine": self.routine,
                "exercises": [p.to_json() for p in self.exercises]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        return cls(kind=BlockKind(data["kind"]), routine=data.get("routine"),
                   exercises=tuple(Prescription.from_json(p) for p in data.get("exercises", ())))


@dataclass(frozen=True, slots=True)
class Session:
    date: dt.date
    run_day: RunKind
    focus: Focus
    lower_body_load: LegLoad
    minutes: int
    blocks: tuple[Block, ...]

    @property
    def weekday(self) -> str:
        return self.date.strftime("%a").lower()

    def prescriptions(self) -> Iterator[Prescription]:
        for block in self.blocks:
            yield from block.exercises

    @property
    def volume(self) -> float:
        return sum(p.volume for p in self.prescriptions())

    def on(self, day: dt.date) -> Session:
        return replace(self, date=day)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "weekday": self.weekday,
                "run_day": self.run_day.value, "focus": self.focus.value,
                "lower_body_load": self.lower_body_load.value, "minutes": self.minutes,
                "blocks": [b.to_json() for b in self.blocks]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Session:
        return cls(date=dt.date.fromisoformat(data["date"]), run_day=RunKind(data["run_day"]),
                   focus=Focus(data["focus"]), lower_body_load=LegLoad(data["lower_body_load"]),
                   minutes=int(data["minutes"]),
                   blocks=tuple(Block.from_json(b) for b in data["blocks"]))


@dataclass(frozen=True, slots=True)
class Week:
    week: int
    start: dt.date
    phase: Phase
    sessions: tuple[Session, ...]

    def to_json(self) -> dict[str, Any]:
        return {"week": self.week, "start": self.start.isoformat(), "phase": self.phase.value,
                "sessions": [s.to_json() for s in self.sessions]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Week:
        return cls(week=int(data["week"]), start=dt.date.fromisoformat(data["start"]),
                   phase=Phase(data["phase"]),
                   sessions=tuple(Session.from_json(s) for s in data["sessions"]))


@dataclass(frozen=True, slots=True)
class PlanWarning:
    """Something the plan could not do as asked, the weeks it concerns and what it did instead."""

    code: str
    weeks: tuple[int, ...]
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "weeks": list(self.weeks), "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanWarning:
        return cls(code=data["code"], weeks=tuple(data.get("weeks", ())), message=data["message"])


@dataclass(frozen=True, slots=True)
class Plan:
    profile: Profile
    warnings: tuple[PlanWarning, ...]
    weeks: tuple[Week, ...]

    def sessions(self) -> Iterator[Session]:
        for week in self.weeks:
            yield from week.sessions

    def session_on(self, day: dt.date) -> Session | None:
        for session in self.sessions():
            if session.date == day:
                return session
        return None

    def week_of(self, day: dt.date) -> Week | None:
        for week in self.weeks:
            if week.start <= day < week.start + dt.timedelta(days=7):
                return week
        return None

    def to_json(self) -> dict[str, Any]:
        return {"format": PLAN_FORMAT, "profile": self.profile.model_dump(mode="json"),
                "warnings": [w.to_json() for w in self.warnings],
                "weeks": [w.to_json() for w in self.weeks]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        data = upgraded(data)
        return cls(profile=Profile.model_validate(data["profile"]),
                   warnings=tuple(PlanWarning.from_json(w) for w in data.get("warnings", ())),
                   weeks=tuple(Week.from_json(w) for w in data["weeks"]))
