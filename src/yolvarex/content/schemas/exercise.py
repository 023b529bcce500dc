"""Home strength exercises and the progression ladders that order them."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    """What a runner has at home. The first six are ways to load an exercise (any one of an
    exercise's `equipment` will do); the household items are things an exercise `needs` (all of
    them)."""

    BODYWEIGHT = "bodyweight"
    BANDS = "bands"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    WATER_BOTTLES = "water_bottles"  # two filled bottles, as light dumbbells
    JUMP_ROPE = "jump_rope"
    CHAIR = "chair"  # a sturdy chair, bench or couch
    STEP = "step"  # a stair or a sturdy step
    BOX = "box"  # a low, sturdy box or bench to jump onto
    TABLE = "table"  # a heavy, sturdy table


#: Household items an exercise needs besides its load; stairs, a chair and a table are assumed
#: when a runner lists none of them (most homes have them), a box never is.
HOUSEHOLD = frozenset({Equipment.CHAIR, Equipment.STEP, Equipment.BOX, Equipment.TABLE})
COMMON_HOUSEHOLD = (Equipment.CHAIR, Equipment.STEP, Equipment.TABLE)


class LegLoad(StrEnum):
    """How much an exercise loads the legs: `full` work needs the rest the placement rules give."""

    NONE = "none"
    LIGHT = "light"
    FULL = "full"


class Area(StrEnum):
    """Body areas of a runner's injury history that targeted work can help."""

    KNEE = "knee"
    HIP = "hip"
    IT_BAND = "it_band"
    SHIN = "shin"
    ACHILLES_CALF = "achilles_calf"
    PLANTAR_FASCIA = "plantar_fascia"
    LOW_BACK = "low_back"


#: Patterns that belong together: a ladder stays inside one family.
FAMILIES: dict[Pattern, str] = {
    Pattern.SQUAT: "knee",
    Pattern.SINGLE_LEG: "knee",
    Pattern.HINGE: "hinge",
    Pattern.CALF: "calf",
    Pattern.ANTI_EXTENSION: "trunk",
    Pattern.ANTI_ROTATION: "trunk",
    Pattern.LATERAL: "lateral",
    Pattern.PLYOMETRIC: "plyometric",
    Pattern.UPPER_PUSH: "push",
    Pattern.UPPER_PULL: "pull",
    Pattern.SHOULDER_STABILITY: "pull",
}


class Muscle(StrEnum):
    """The muscles an exercise works: one fixed vocabulary of muscles and muscle groups (no
    tendons, joints or vague labels), so the library can be filtered by them."""

    GLUTES = "glutes"
    GLUTEUS_MEDIUS = "gluteus medius"
    DEEP_HIP_ROTATORS = "deep hip rotators"
    HIP_FLEXORS = "hip flexors"
    ADDUCTORS = "adductors"
    QUADRICEPS = "quadriceps"
    HAMSTRINGS = "hamstrings"
    GASTROCNEMIUS = "gastrocnemius"
    SOLEUS = "soleus"
    TIBIALIS_ANTERIOR = "tibialis anterior"
    PERONEALS = "peroneals"
    FOOT_MUSCLES = "foot muscles"
    DEEP_ABDOMINALS = "deep abdominals"
    OBLIQUES = "obliques"
    BACK_EXTENSORS = "back extensors"
    QUADRATUS_LUMBORUM = "quadratus lumborum"
    PECTORALS = "pectorals"
    DELTOIDS = "deltoids"
    REAR_DELTOIDS = "rear deltoids"
    ROTATOR_CUFF = "rotator cuff"
    RHOMBOIDS = "rhomboids"
    LOWER_TRAPEZIUS = "lower trapezius"
    LATISSIMUS_DORSI = "latissimus dorsi"
    SERRATUS_ANTERIOR = "serratus anterior"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"


#: Muscles of the thigh and lower leg: an exercise that works any of them loads the legs, whatever
#: its pattern (a Copenhagen plank works the adductors hard).
LEG_MUSCLES = frozenset({Muscle.QUADRICEPS, Muscle.HAMSTRINGS, Muscle.ADDUCTORS,
                         Muscle.GASTROCNEMIUS, Muscle.SOLEUS, Muscle.TIBIALIS_ANTERIOR,
                         Muscle.PERONEALS})


class Impact(StrEnum):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Dose(BaseModel):
    """A starting prescription: sets of a rep range or of a hold time."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sets: Annotated[int, Field(ge=1, le=6)]
    reps: tuple[Annotated[int, Field(ge=1, le=50)], Annotated[int, Field(ge=1, le=50)]] | None = None
    seconds: Annotated[int, Field(ge=5, le=300)] | None = None
    tempo: Annotated[str, Field(pattern=r"^\d-\d-\d$", description=(
        "seconds down (lowering), held at the top, and up (lifting): 3-1-1"))] | None = None
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
    equipment: tuple[Equipment, ...] = Field(min_length=1, description=(
        "ways to load it: any one of these will do"))
    needs: tuple[Equipment, ...] = Field(default=(), description=(
        "household items it cannot be done without (chair, step, box, table): all of them"))
    muscles: tuple[Muscle, ...] = Field(min_length=1)
    level: Level
    unilateral: bool
    plyometric: bool = False
    impact: Impact = Impact.NONE
    lower_body: bool
    leg_load: LegLoad = Field(description="none, light or full leg work at the starting dose")
    targets: tuple[Area, ...] = Field(default=(), description="injury-history areas it helps")
    alternatives: tuple[Id, ...] = Field(default=(), description="the same job with other equipment")
    summary: Sentence
    instructions: tuple[Sentence, ...] = Field(min_length=3, max_length=6)
    mistakes: tuple[Mistake, ...] = Field(min_length=2, max_length=4)
    dose: Dose
    feel: Sentence = Field(description="what you should feel and where")
    precautions: Sentence = Field(description="how to do it safely, and when to stop")
    basis: Basis
    evidence: tuple[Id, ...] = ()
    note: Paragraph | None = None
    less_stable: Sentence | None = Field(default=None, description=(
        "a safe less stable version at the top of its ladder (eyes closed, one hand or foot "
        "up): only for a static hold on flat ground"))

    @model_validator(mode="after")
    def _consistent(self) -> Exercise:
        if self.less_stable and self.dose.seconds is None:
            raise ValueError("less_stable is only for static holds (a dose in seconds) on flat "
                             "ground; remove it from an exercise that moves")
        if self.lower_body == (self.leg_load is LegLoad.NONE):
            raise ValueError("leg_load is none exactly when lower_body is false")
        legs = sorted(m.value for m in self.muscles if m in LEG_MUSCLES)
        if legs and not self.lower_body:
            raise ValueError(f"it works the {legs[0]}, a leg muscle: set lower_body true and "
                             "leg_load light or full by how hard it works the legs")
        if self.plyometric and not (self.lower_body and self.leg_load is LegLoad.FULL):
            raise ValueError("a plyometric exercise loads the legs fully: lower_body true, leg_load full")
        if self.plyometric != (self.pattern is Pattern.PLYOMETRIC):
            raise ValueError("plyometric is true exactly for the plyometric pattern")
        if self.plyometric and self.impact is Impact.NONE:
            raise ValueError("a plyometric exercise has some impact; set impact low, moderate or high")
        if self.id in self.alternatives:
            raise ValueError("an exercise is not its own alternative")
        if HOUSEHOLD & set(self.equipment) or not set(self.needs) <= HOUSEHOLD:
            raise ValueError("equipment lists ways to load the exercise; chair, step, box and "
                             "table go under needs")
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self

    @property
    def family(self) -> str:
        return FAMILIES[self.pattern]

    def allowed_with(self, equipment: frozenset[Equipment] | set[Equipment]) -> bool:
        """True when any of the equipment this exercise works with is at hand, and every
        household item it needs."""
        return any(e in equipment for e in self.equipment) and all(n in equipment for n in self.needs)

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("evidence", self.evidence, "evidence")
        yield from refs_of("exercises", self.alternatives, "alternatives")


class Ladder(Entry):
    title: Title
    summary: Sentence
    steps: tuple[Id, ...] = Field(min_length=2, description="exercise ids, easiest first")

    def refs(self) -> Iterator[Ref]:
        yield from refs_of("exercises", self.steps, "steps")
