"""The documented shapes of the strength answers: plans, a day's session, the strength log and
performance tests (see `api/answers.py` for why). The documents come from the services'
serializers (`Plan.to_json`, `Workout.to_json`, `strength_log.session_json`, ...), which the
CLI's `--json` prints too; endpoints declare these with `response_model_exclude_unset`, so a
key the serializer leaves out (a prescription without a note) stays out.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from yolvarex.api.answers import IsoDateTime
from yolvarex.content.schemas.exercise import LegLoad
from yolvarex.domain.perftest import Side, TestName
from yolvarex.domain.plan.adapt import Action
from yolvarex.domain.plan.model import BlockKind, Focus, Phase
from yolvarex.domain.plan.profile import Profile, RunKind
from yolvarex.domain.progression import Change
from yolvarex.domain.verdict import Verdict


class PrescriptionOut(BaseModel):
    exercise: str
    sets: int
    reps: list[int] | None = Field(description="A range [low, high]; null for a timed hold.")
    seconds: int | None
    per_side: bool
    tempo: str | None
    rest_s: int
    rpe_target: float | None
    note: str | None = None
    load_kg: float | None = None


class BlockOut(BaseModel):
    kind: BlockKind
    routine: str | None
    exercises: list[PrescriptionOut]


class SessionOut(BaseModel):
    date: dt.date
    weekday: str
    run_day: RunKind
    focus: Focus
    lower_body_load: LegLoad
    minutes: int
    blocks: list[BlockOut]


class WeekOut(BaseModel):
    week: int
    start: dt.date
    phase: Phase
    sessions: list[SessionOut]


class PlanWarningOut(BaseModel):
    code: str
    weeks: list[int]
    message: str


class PlanOut(BaseModel):
    format: int = Field(description="The stored plan format; older plans are upgraded on read.")
    profile: Profile
    warnings: list[PlanWarningOut]
    weeks: list[WeekOut]


class AdaptationOut(BaseModel):
    date: dt.date
    verdict: Verdict
    action: Action
    reason: str
    moved_to: dt.date | None
    session: SessionOut | None = Field(description="The session as it will now be done.")


class StoredPlanOut(PlanOut):
    id: int
    athlete_id: int
    created_by: int | None
    created_at: IsoDateTime
    adaptations: list[AdaptationOut]


class PlannedDayOut(BaseModel):
    date: dt.date
    run_day: RunKind | None
    planned: str | None = Field(description="The rest trees' `planned` fact for the day.")
    session: SessionOut | None
    plan_id: int | None
    adaptation: AdaptationOut | None


class SetOut(BaseModel):
    exercise: str
    reps: int | None
    seconds: float | None
    load_kg: float | None
    side: str | None
    rpe: float | None
    completed: bool
    notes: str | None


class StrengthSessionOut(BaseModel):
    id: int
    date: dt.date
    minutes: float | None
    rpe: float | None
    plan_session: str | None
    notes: str | None
    sets: list[SetOut]


class NextStepOut(BaseModel):
    prescription: PrescriptionOut
    change: Change
    reason: str
    based_on: dt.date | None


class ProgressionOut(NextStepOut):
    planned: PrescriptionOut


class WorkoutOut(PlannedDayOut):
    progression: list[ProgressionOut] = Field(
        description="Each planned exercise's next prescription, judged on the log.")
    logged: list[StrengthSessionOut]


class TestOut(BaseModel):
    __test__ = False
    test: TestName
    side: Side
    value: float


class TestResultOut(TestOut):
    id: int | None = None
    date: dt.date


class ExerciseNextOut(NextStepOut):
    exercise: str


class LoggedSessionOut(StrengthSessionOut):
    tests: list[TestOut]
    next: list[ExerciseNextOut] = Field(description="The next prescription for each exercise.")


class ImbalanceOut(BaseModel):
    test: TestName
    date: dt.date
    left: float
    right: float
    gap: float
    flagged: bool


class PerformanceTestsOut(BaseModel):
    results: list[TestResultOut]
    imbalances: list[ImbalanceOut]
