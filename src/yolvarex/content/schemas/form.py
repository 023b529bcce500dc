"""Form faults, the cues that fix them and the drills that train those cues, linked both ways."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from yolvarex.content.schemas.common import (
    Basis,
    Entry,
    Id,
    Level,
    Mistake,
    Paragraph,
    Ref,
    Sentence,
    Title,
    basis_errors,
    refs_of,
)


class Focus(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"


class BodyArea(StrEnum):
    """Where a fault shows or a drill works; one vocabulary so the library can filter by it."""

    FEET = "feet"
    ANKLES = "ankles"
    CALVES = "calves"
    SHINS = "shins"
    KNEES = "knees"
    THIGHS = "thighs"
    HIPS = "hips"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    CORE = "core"
    BACK = "back"
    SHOULDERS = "shoulders"
    ARMS = "arms"
    HANDS = "hands"
    NECK = "neck"


class DrillGear(StrEnum):
    """What a drill needs besides shoes and a bit of ground."""

    METRONOME = "metronome"  # a metronome app or the watch's beeper
    LINE = "line"  # a painted line, a strip of tape or a seam in the path
    CONES = "cones"  # or any markers: bottles, shoes, stones
    WALL = "wall"
    STEP = "step"
    BAND = "band"  # a loop band
    MIRROR = "mirror"
    CAMERA = "camera"  # a phone propped up to film you
    TREADMILL = "treadmill"
    ROPE = "rope"  # a skipping rope
    HILL = "hill"  # a gentle slope


class Stage(StrEnum):
    """Where a drill sits in a warm-up block, gentlest first."""

    PREP = "prep"  # slow work in place: balance, activation, posture
    TECHNIQUE = "technique"  # marches, skips and quick feet
    POWER = "power"  # hops and bounds
    RUN = "run"  # strides and drills done while running

    @property
    def order(self) -> int:
        return list(Stage).index(self)


class DrillTime(StrEnum):
    """When in a running day a drill belongs."""

    WARM_UP = "warm_up"  # in the drill block before the run
    IN_RUN = "in_run"  # woven into the easy run itself
    END_OF_RUN = "end_of_run"  # after the main run, while a little tired


#: Rough speed of a drill done over a distance, to check that `minutes` covers the work.
DRILL_SPEED_MPS = 2.0
SECONDS_PER_REP = 2.0


class Fault(Entry):
    title: Title
    summary: Sentence
    signs: tuple[Sentence, ...] = Field(min_length=1)
    why_it_matters: Paragraph
    body_areas: tuple[BodyArea, ...] = Field(min_length=1)
    cues: tuple[Id, ...] = Field(min_length=1)
    drills: tuple[Id, ...] = Field(min_length=1)
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _basis(self) -> Fault:
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("cues", self.cues, "cues")
        yield from refs_of("drills", self.drills, "drills")
        yield from refs_of("evidence", self.evidence, "evidence")


class Cue(Entry):
    text: Annotated[str, StringConstraints(min_length=3, max_length=60, strip_whitespace=True)]
    focus: Focus
    explanation: Sentence
    faults: tuple[Id, ...] = Field(min_length=1)
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _short(self) -> Cue:
        if len(self.text.split()) >= 8:
            raise ValueError("a cue is under 8 words so it can be said mid-run")
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("faults", self.faults, "faults")
        yield from refs_of("evidence", self.evidence, "evidence")


class DrillDose(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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

    @property
    def work_seconds(self) -> float:
        """Time spent moving, rests excluded: what `minutes` must at least cover."""
        one = (self.seconds or 0) + (self.distance_m or 0) / DRILL_SPEED_MPS \
            + (self.reps or 0) * SECONDS_PER_REP
        return one * self.sets * (2 if self.per_side else 1)

    def text(self, sets: int | None = None) -> str:
        """The dose as a runner reads it, e.g. `3 x 20 m` or `2 x 30 s each side`."""
        n = self.sets if sets is None else sets
        if self.distance_m is not None:
            what = f"{self.distance_m} m"
        elif self.seconds is not None:
            what = f"{self.seconds} s"
        else:
            what = f"{self.reps} reps"
        return f"{n} x {what}" + (" each side" if self.per_side else "")


class Drill(Entry):
    title: Title
    purpose: Sentence
    steps: tuple[Sentence, ...] = Field(min_length=3, max_length=6)
    dose: DrillDose
    minutes: Annotated[float, Field(gt=0, le=15)]
    level: Level
    stage: Stage
    when: DrillTime = DrillTime.WARM_UP
    body_areas: tuple[BodyArea, ...] = Field(min_length=1)
    space: Sentence
    equipment: tuple[DrillGear, ...] = ()
    mistakes: tuple[Mistake, ...] = Field(min_length=2, max_length=4)
    progression: Id | None = None
    regression: Id | None = None
    cues: tuple[Id, ...] = Field(min_length=1)
    faults: tuple[Id, ...] = Field(min_length=1)
    exercise: Id | None = Field(default=None, description=(
        "the same movement in the exercise library; the two texts must agree"))
    basis: Basis
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _evidence_backed(self) -> Drill:
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        if self.minutes * 60 < self.dose.work_seconds:
            raise ValueError(f"minutes ({self.minutes}) is shorter than the dose itself "
                             f"({self.dose.work_seconds / 60:.1f} min of work); raise minutes")
        return self

    def refs(self) -> Iterator[Ref]:
        if self.exercise:
            yield ("exercises", self.exercise, "exercise")
        yield from refs_of("cues", self.cues, "cues")
        yield from refs_of("faults", self.faults, "faults")
        yield from refs_of("evidence", self.evidence, "evidence")
        if self.progression:
            yield ("drills", self.progression, "progression")
        if self.regression:
            yield ("drills", self.regression, "regression")
