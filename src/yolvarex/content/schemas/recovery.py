"""Mobility and recovery movements, and routines built from them."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from yolvarex.content.schemas.common import (
    Entry,
    Id,
    Mistake,
    Ref,
    Sentence,
    Title,
    refs_of,
)


class MovementKind(StrEnum):
    DYNAMIC = "dynamic"
    STATIC_STRETCH = "static_stretch"
    FOAM_ROLL = "foam_roll"
    ACTIVATION = "activation"
    BREATHING = "breathing"


class Gear(StrEnum):
    NONE = "none"
    FOAM_ROLLER = "foam_roller"
    BAND = "band"
    WALL = "wall"
    STEP = "step"
    CHAIR = "chair"
    BALL = "ball"


class Movement(Entry):
    title: Title
    kind: MovementKind
    how: tuple[Sentence, ...] = Field(min_length=2, max_length=6)
    feel: Sentence
    mistakes: tuple[Mistake, ...] = Field(min_length=1, max_length=4)
    body_areas: tuple[Annotated[str, Field(min_length=3, max_length=30)], ...] = Field(min_length=1)
    equipment: tuple[Gear, ...] = (Gear.NONE,)
    per_side: bool
    seconds_per_rep: Annotated[float, Field(gt=0, le=30)] = 3.0
    evidence: tuple[Id, ...] = ()

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("evidence", self.evidence, "evidence")


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

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
    steps: tuple[Step, ...] = Field(min_length=2)
    evidence: tuple[Id, ...] = ()

    def refs(self) -> Iterator[Ref]:
        for step in self.steps:
            yield ("movements", step.movement, "steps.movement")
        yield from refs_of("evidence", self.evidence, "evidence")
