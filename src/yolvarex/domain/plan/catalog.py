"""What the plan reads from the content library, and nothing more.

Each plan function takes the narrowest of these that serves it, never the whole library:

- `Exercises` (exercises by id) where only the exercises matter: leg load, the muscles a
  session works, the seconds a set takes.
- `SessionParts` where a session's length or text also counts its warm-up routine.
- `LadderBook` for the ladders a runner climbs (`plan.ladders.Ladders`).
- `Catalog` for building a plan: the builder chooses exercises along ladders (and outside
  them) and a warm-up routine, and sets the session's length, so it reads all four.

The loaded `Library` satisfies every one of them as it is; tests can pass plain mappings or
small dataclasses. `tests/test_layers.py` keeps `yolvarex.content.library` out of the domain.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from yolvarex.content.schemas.exercise import Exercise, Ladder
from yolvarex.content.schemas.recovery import Routine

#: Exercises by id.
Exercises = Mapping[str, Exercise]


class TimedRoutines(Protocol):
    """Routines by id, and how long each takes (per-side steps counted twice)."""

    @property
    def routines(self) -> Mapping[str, Routine]: ...
    def routine_seconds(self, routine_id: str) -> int: ...


class SessionParts(TimedRoutines, Protocol):
    """What a session is made of: exercises, and the routine of its warm-up."""

    @property
    def exercises(self) -> Exercises: ...


class LadderBook(Protocol):
    """Exercises by id, and the ladders that order them from easiest to hardest."""

    @property
    def exercises(self) -> Exercises: ...
    @property
    def ladders(self) -> Mapping[str, Ladder]: ...


class Catalog(SessionParts, LadderBook, Protocol):
    """Everything the plan builder chooses from."""
