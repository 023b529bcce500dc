"""Ladders as the generator and the progression see them: rungs the runner's equipment allows,
where to start by experience, and the easier and harder neighbour of an exercise."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from yolvarex.content.schemas.exercise import Equipment, Exercise, Ladder
from yolvarex.domain.plan.catalog import LadderBook
from yolvarex.domain.plan.profile import Experience

#: The level a runner starts at, and the highest level the plan climbs to.
START_LEVEL = {Experience.NEW: 1, Experience.SOME: 2, Experience.EXPERIENCED: 2}
TOP_LEVEL = {Experience.NEW: 2, Experience.SOME: 3, Experience.EXPERIENCED: 3}


@dataclass(frozen=True)
class Ladders:
    book: LadderBook
    equipment: frozenset[Equipment]
    _position: dict[str, tuple[Ladder, int]] = field(default_factory=dict)
    _allowed: set[str] = field(default_factory=set)
    _rungs: dict[str, list[Exercise]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._allowed.update(e.id for e in self.book.exercises.values()
                             if e.allowed_with(self.equipment))
        for ladder in self.book.ladders.values():
            for index, step in enumerate(ladder.steps):
                self._position.setdefault(step, (ladder, index))
            self._rungs[ladder.id] = [self.book.exercises[s] for s in ladder.steps
                                      if s in self._allowed]

    def allowed(self, exercise: Exercise) -> bool:
        return exercise.id in self._allowed

    def rungs(self, ladder: Ladder) -> list[Exercise]:
        """The ladder's exercises this runner can do with their equipment, easiest first."""
        return self._rungs[ladder.id]

    def ladder_of(self, exercise_id: str) -> Ladder | None:
        found = self._position.get(exercise_id)
        return found[0] if found else None

    def neighbour(self, exercise_id: str, direction: int) -> Exercise | None:
        """The next allowed rung up (+1) or down (-1) the exercise's ladder, if any."""
        found = self._position.get(exercise_id)
        if found is None:
            return None
        ladder, index = found
        order = range(index + 1, len(ladder.steps)) if direction > 0 else range(index - 1, -1, -1)
        for i in order:
            exercise = self.book.exercises[ladder.steps[i]]
            if self.allowed(exercise):
                return exercise
        return None

    def easier(self, exercise_id: str) -> Exercise | None:
        return self.neighbour(exercise_id, -1)

    def harder(self, exercise_id: str) -> Exercise | None:
        return self.neighbour(exercise_id, +1)

    def pick(self, ladder: Ladder, experience: Experience, step: int,
             fits: Callable[[Exercise], bool] = lambda e: True) -> Exercise | None:
        """The rung for this runner: the start rung of their level, `step` rungs up, capped at
        their top level; only rungs their equipment allows and `fits` accepts."""
        rungs = [e for e in self.rungs(ladder) if fits(e)]
        if not rungs:
            return None
        start_level, top = START_LEVEL[experience], TOP_LEVEL[experience]
        at_or_below = [i for i, e in enumerate(rungs) if e.level <= start_level]
        at_level = [i for i, e in enumerate(rungs) if e.level == start_level]
        start = at_or_below[-1] if at_or_below else 0
        if experience is Experience.SOME and at_level:
            start = at_level[0]  # the first rung of their level, not the last
        capped = [i for i, e in enumerate(rungs) if e.level <= top] or [0]
        return rungs[min(start + step, capped[-1])]


def ladders_matching(book: LadderBook, accepts: Callable[[Exercise], bool]) -> list[Ladder]:
    """Ladders most of whose rungs `accepts`, single-leg heavy ones first, then by id."""
    found = []
    for ladder in book.ladders.values():
        steps = [book.exercises[s] for s in ladder.steps]
        if sum(accepts(e) for e in steps) * 2 > len(steps):
            found.append(ladder)
    return sorted(found, key=lambda lad: (-_unilateral_share(book, lad.steps), lad.id))


def _unilateral_share(book: LadderBook, steps: Iterable[str]) -> float:
    items = [book.exercises[s].unilateral for s in steps]
    return sum(items) / len(items) if items else 0.0
