"""Form faults, the cues that fix them and the drills that train those cues, linked both ways."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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


class Focus(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"


class Basis(StrEnum):
    EVIDENCE = "evidence"
    CONVENTION = "convention"


class Fault(Entry):
    title: Title
    summary: Sentence
    signs: tuple[Sentence, ...] = Field(min_length=1)
    why_it_matters: Paragraph
    body_areas: tuple[Annotated[str, Field(min_length=3, max_length=30)], ...] = Field(min_length=1)
    cues: tuple[Id, ...] = Field(min_length=1)
    drills: tuple[Id, ...] = Field(min_length=1)
    evidence: tuple[Id, ...] = ()

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("cues", self.cues, "cues")
        yield from refs_of("drills", self.drills, "drills")
        yield from refs_of("evidence", self.evidence, "evidence")


class Cue(Entry):
    text: Annotated[str, StringConstraints(min_length=3, max_length=60, strip_whitespace=True)]
    focus: Focus
    explanation: Sentence
    faults: tuple[Id, ...] = Field(min_length=1)
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _short(self) -> Cue:
        if len(self.text.split()) >= 8:
            raise ValueError("a cue is under 8 words so it can be said mid-run")
        return self

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("faults", self.faults, "faults")
        yield from refs_of("evidence", self.evidence, "evidence")


class DrillDose(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: Annotated[int, Field(ge=1, le=6)]
    distance_m: Annotated[int, Field(ge=5, le=400)] | None = None
    reps: Annotated[int, Field(ge=1, le=60)] | None = None
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    per_side: bool = False

    @model_validator(mode="after")
    def _one_measure(self) -> DrillDose:
        if sum(x is not None for x in (self.distance_m, self.reps, self.seconds)) != 1:
            raise ValueError("give exactly one of distance_m, reps or seconds")
        return self


class Drill(Entry):
    title: Title
    purpose: Sentence
    steps: tuple[Sentence, ...] = Field(min_length=3, max_length=6)
    dose: DrillDose
    minutes: Annotated[float, Field(gt=0, le=15)]
    level: Level
    space: Sentence
    equipment: tuple[Annotated[str, Field(min_length=3, max_length=30)], ...] = ()
    mistakes: tuple[Mistake, ...] = Field(min_length=2, max_length=4)
    progression: Id | None = None
    regression: Id | None = None
    cues: tuple[Id, ...] = Field(min_length=1)
    faults: tuple[Id, ...] = Field(min_length=1)
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _evidence_backed(self) -> Drill:
        if self.basis is Basis.EVIDENCE and not self.evidence:
            raise ValueError("a drill marked basis: evidence needs at least one evidence id")
        return self

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("cues", self.cues, "cues")
        yield from refs_of("faults", self.faults, "faults")
        yield from refs_of("evidence", self.evidence, "evidence")
        if self.progression:
            yield ("drills", self.progression, "progression")
        if self.regression:
            yield ("drills", self.regression, "regression")
