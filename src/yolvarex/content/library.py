"""The loaded library: every entry by kind and id, with lookups the rest of the app needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from yolvarex.content.schemas.assessment import Question
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.evidence import Evidence
from yolvarex.content.schemas.exercise import Exercise, Ladder
from yolvarex.content.schemas.form import Cue, Drill, Fault
from yolvarex.content.schemas.pose import PoseBook
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.content.schemas.tree import Tree

if TYPE_CHECKING:  # the library holds content; laying a routine out in time is domain logic
    from yolvarex.domain.recovery.timeline import Segment

E = TypeVar("E", bound=Entry)


@dataclass(frozen=True)
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    ladders: dict[str, Ladder] = field(default_factory=dict)
    drills: dict[str, Drill] = field(default_factory=dict)
    cues: dict[str, Cue] = field(default_factory=dict)
    faults: dict[str, Fault] = field(default_factory=dict)
    movements: dict[str, Movement] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    trees: dict[str, Tree] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    # Illustration poses of exercises, drills and movements (`data/poses/`), by kind and id.
    poses: PoseBook = field(default_factory=PoseBook)
    # Each routine laid out in time, per side, as the guided player runs it. The loader lays
    # them out (domain.recovery.timeline) when it loads the library: the library holds what was
    # computed and never runs domain logic itself.
    timelines: dict[str, tuple[Segment, ...]] = field(default_factory=dict, repr=False,
                                                      compare=False)
    # Search words per entry (title, tags, text), computed on the first search.
    search_index: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str]]] = \
        field(default_factory=dict, repr=False, compare=False)

    def of_kind(self, kind: str) -> dict[str, Entry]:
        entries: dict[str, Entry] = getattr(self, kind)
        return entries

    def counts(self) -> dict[str, int]:
        from yolvarex.content.kinds import KINDS

        return {k.name: len(self.of_kind(k.name)) for k in KINDS}

    def routine_seconds(self, routine_id: str) -> int:
        """A routine's total time, computed from its steps; per-side movements count twice."""
        segments = self.routine_timeline(routine_id)
        return segments[-1].end if segments else 0

    def routine_timeline(self, routine_id: str) -> tuple[Segment, ...]:
        """The routine's steps laid out in time, per side, as the guided player runs them."""
        return self.timelines[routine_id]
