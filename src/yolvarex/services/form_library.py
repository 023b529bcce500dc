"""Search and filter the form library: faults, cues and drills, by fault, body area, level,
equipment and the minutes a runner has. Every filter value is checked against the vocabulary
so a typo gets a message listing the choices instead of an empty list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from yolvarex.content import Library
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.form import BodyArea, Cue, Drill, DrillGear, Fault, Focus, Stage
from yolvarex.errors import Invalid

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T", bound=Entry)
NO_EQUIPMENT = "none"


@dataclass(frozen=True)
class DrillFilter:
    q: str = ""
    fault: str | None = None
    body_area: str | None = None
    level: int | None = None  # the hardest level wanted
    equipment: tuple[str, ...] = ()  # what the runner has; "none" means no equipment at all
    minutes: float | None = None  # the time available for one drill
    stage: str | None = None

    @property
    def active(self) -> bool:
        return any((self.q, self.fault, self.body_area, self.level, self.equipment,
                    self.minutes, self.stage))


def _choice(enum: type[E], value: str | None, what: str) -> E | None:
    if value in (None, ""):
        return None
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        raise Invalid(f"Unknown {what} {value!r}.",
                      details=[f"Choose one of: {', '.join(e.value for e in enum)}."]) from None


def _fault(library: Library, fault: str | None) -> str | None:
    if not fault:
        return None
    if fault not in library.faults:
        raise Invalid(f"Unknown fault {fault!r}.",
                      details=[f"Choose one of: {', '.join(sorted(library.faults))}."])
    return fault


def _matches(entry: Entry, q: str) -> bool:
    words = q.lower().split()
    text = entry.model_dump_json().lower()
    return all(w in text for w in words)


def _sorted(entries: Sequence[T]) -> list[T]:
    return sorted(entries, key=lambda e: str(getattr(e, "title", None) or getattr(e, "text", e.id)))


def drills(library: Library, f: DrillFilter) -> list[Drill]:
    fault = _fault(library, f.fault)
    area = _choice(BodyArea, f.body_area, "body area")
    stage = _choice(Stage, f.stage, "drill stage")
    have: set[DrillGear] = set()
    for item in f.equipment:
        if item.strip().lower() == NO_EQUIPMENT:
            continue
        gear = _choice(DrillGear, item, "equipment")
        if gear is not None:
            have.add(gear)
    if f.level is not None and not 1 <= f.level <= 3:
        raise Invalid("Level is 1 (beginner), 2 (intermediate) or 3 (advanced).")
    if f.minutes is not None and f.minutes <= 0:
        raise Invalid("Minutes available must be more than zero.")
    out = []
    for drill in library.drills.values():
        if fault and fault not in drill.faults:
            continue
        if area and area not in drill.body_areas:
            continue
        if stage and drill.stage is not stage:
            continue
        if f.level is not None and drill.level > f.level:
            continue
        if f.equipment and not set(drill.equipment) <= have:
            continue
        if f.minutes is not None and drill.minutes > f.minutes:
            continue
        if f.q and not _matches(drill, f.q):
            continue
        out.append(drill)
    return _sorted(out)


def faults(library: Library, q: str = "", body_area: str | None = None) -> list[Fault]:
    area = _choice(BodyArea, body_area, "body area")
    return _sorted([x for x in library.faults.values()
                    if (area is None or area in x.body_areas) and (not q or _matches(x, q))])


def cues(library: Library, q: str = "", fault: str | None = None,
         focus: str | None = None) -> list[Cue]:
    wanted = _fault(library, fault)
    kind = _choice(Focus, focus, "focus")
    return _sorted([c for c in library.cues.values()
                    if (wanted is None or wanted in c.faults) and (kind is None or c.focus is kind)
                    and (not q or _matches(c, q))])


def drills_training(library: Library, cue_id: str) -> list[Drill]:
    """Drills that list this cue: the cue's side of the drill <-> cue link."""
    return _sorted([d for d in library.drills.values() if cue_id in d.cues])
