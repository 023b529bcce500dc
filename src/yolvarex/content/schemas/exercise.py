"""Home strength exercises and the progression ladders that order them."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from yolvarex.content.schemas.common import (
    Entry,
    Id,
    Level,
    Mistake,
    Paragraph,
    Ref,
    Sentence,
    Title,
    refs_of,
)


class Pattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    SINGLE_LEG = "single_leg"
    CALF = "calf"
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    LATERAL = "lateral"
    PLYOMETRIC = "plyometric"
    UPPER_PUSH = "upper_push"
    UPPER_PULL = "upper_pull"
    SHOULDER_STABILITY = "shoulder_stability"


class Equipment(StrEnum):
    BODYWEIGHT = "bodyweight"
    BANDS = "bands"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"


class Impact(StrEnum):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Dose(BaseModel):
    """A starting prescription: sets of a rep range or of a hold time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: Annotated[int, Field(ge=1, le=6)]
    reps: tuple[Annotated[int, Field(ge=1, le=50)], Annotated[int, Field(ge=1, le=50)]] | None = None
    seconds: Annotated[int, Field(ge=5, le=300)] | None = None
    tempo: Annotated[str, Field(pattern=r"^\d-\d-\d$")] | None = None
    rest_s: Annotated[int, Field(ge=0, le=300)] = 60

    @model_validator(mode="after")
    def _reps_or_seconds(self) -> Dose:
        if (self.reps is None) == (self.seconds is None):
            raise ValueError("give either reps [low, high] or seconds, not both")
        if self.reps is not None and self.reps[0] > self.reps[1]:
            raise ValueError("reps must be [low, high] with low <= high")
        return self


class Exercise(Entry):
    title: Title
    pattern: Pattern
    equipment: tuple[Equipment, ...] = Field(min_length=1)
    muscles: tuple[Annotated[str, Field(min_length=3, max_length=40)], ...] = Field(min_length=1)
    level: Level
    unilateral: bool
    plyometric: bool = False
    impact: Impact = Impact.NONE
    lower_body: bool
    summary: Sentence
    instructions: tuple[Sentence, ...] = Field(min_length=3, max_length=6)
    mistakes: tuple[Mistake, ...] = Field(min_length=2, max_length=4)
    dose: Dose
    evidence: tuple[Id, ...] = ()
    note: Paragraph | None = None

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("evidence", self.evidence, "evidence")


class Ladder(Entry):
    title: Title
    summary: Sentence
    steps: tuple[Id, ...] = Field(min_length=2, description="exercise ids, easiest first")

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("exercises", self.steps, "steps")
