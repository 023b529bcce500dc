"""Mobility and recovery movements, and routines built from them.

Body areas use the vocabulary of `domain.recovery.areas` (the same one the check-in's free-text
sore areas are normalised onto). A routine's total time is never written down: it is computed
from its steps (`Library.routine_seconds`), with per-side movements counted twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from yolvarex.content.schemas.common import (
    Basis,
    Entry,
    Id,
    Mistake,
    Ref,
    Sentence,
    Title,
    basis_errors,
    refs_of,
)
from yolvarex.domain.recovery.areas import BODY_AREAS, areas_of
from yolvarex.domain.recovery.occasions import Occasion


class MovementKind(StrEnum):
    DYNAMIC = "dynamic"
    STATIC_STRETCH = "static_stretch"
    FOAM_ROLL = "foam_roll"
    ACTIVATION = "activation"
    BREATHING = "breathing"

    @property
    def label(self) -> str:
        return {"dynamic": "Dynamic mobility", "static_stretch": "Static stretch",
                "foam_roll": "Foam rolling", "activation": "Activation",
                "breathing": "Breathing"}[self.value]


class Gear(StrEnum):
    NONE = "none"
    FOAM_ROLLER = "foam_roller"
    BAND = "band"
    WALL = "wall"
    STEP = "step"
    CHAIR = "chair"
    BALL = "ball"


def _canonical_areas(value: object) -> object:
    """Body areas in the shared vocabulary; common synonyms ('calf', 'groin') are accepted and
    stored under their canonical name, anything else is an error that lists the choices."""
    if not isinstance(value, list | tuple):
        return value
    out: list[str] = []
    for item in value:
        found = areas_of(item) if isinstance(item, str) else ()
        if not found:
            raise ValueError(f"unknown body area {item!r}; use one of: {', '.join(sorted(BODY_AREAS))}")
        out += [a for a in found if a not in out]
    return tuple(out)


class Movement(Entry):
    title: Title
    kind: MovementKind
    how: tuple[Sentence, ...] = Field(min_length=2, max_length=6)
    feel: Sentence
    mistakes: tuple[Mistake, ...] = Field(min_length=1, max_length=4)
    body_areas: Annotated[tuple[str, ...], BeforeValidator(_canonical_areas)] = Field(min_length=1)
    equipment: tuple[Gear, ...] = (Gear.NONE,)
    per_side: bool
    seconds_per_rep: Annotated[float, Field(gt=0, le=30)] = 3.0
    easier: Id | None = None
    harder: Id | None = None
    exercise: Id | None = Field(default=None, description=(
        "the same movement in the exercise library; the two texts must agree"))
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _basis(self) -> Movement:
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self

    def refs(self) -> Iterator[Ref]:
        if self.exercise:
            yield ("exercises", self.exercise, "exercise")
        if self.easier:
            yield ("movements", self.easier, "easier")
        if self.harder:
            yield ("movements", self.harder, "harder")
        yield from refs_of("evidence", self.evidence, "evidence")


class Step(BaseModel):
    """One step of a routine: seconds or reps (per side when the movement has sides), and a cue."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    movement: Id
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    reps: Annotated[int, Field(ge=1, le=60)] | None = None
    cue: Annotated[str, Field(min_length=3, max_length=80)]

    @model_validator(mode="after")
    def _one_measure(self) -> Step:
        if (self.seconds is None) == (self.reps is None):
            raise ValueError("give either seconds or reps for each step")
        return self


class Routine(Entry):
    title: Title
    purpose: Sentence
    when: Annotated[str, Field(min_length=3, max_length=40)]
    suits: tuple[Occasion, ...] = ()  # occasions this is THE routine for (one routine each)
    also_suits: tuple[Occasion, ...] = ()  # occasions it fits as well; suggested second
    steps: tuple[Step, ...] = Field(min_length=2)
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _suits_once(self) -> Routine:
        listed = self.suits + self.also_suits
        if len(set(listed)) != len(listed):
            raise ValueError("an occasion is listed twice across suits and also_suits")
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self

    def refs(self) -> Iterator[Ref]:
        for step in self.steps:
            yield ("movements", step.movement, "steps.movement")
        yield from refs_of("evidence", self.evidence, "evidence")
