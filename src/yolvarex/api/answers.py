"""The documented shapes of API answers that services give as JSON documents.

Each model is declared as an endpoint's `response_model`, so the OpenAPI document describes the
answer and FastAPI checks every answer against it (the schemathesis test fuzzes both). The
documents themselves come from one serializer each (`Decision.as_json`, `load_report.report`,
...), which the CLI's `--json` prints too.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, PlainSerializer

from yolvarex.content.schemas.assessment import Way
from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.verdict import Verdict
from yolvarex.services.training_load import LoadFacts

#: A date-time written as the services write it (`isoformat`, "+00:00" rather than "Z"), so
#: the API answer and the CLI's `--json` stay the same text.
IsoDateTime = Annotated[dt.datetime, PlainSerializer(dt.datetime.isoformat, return_type=str)]


class StepOut(BaseModel):
    node: str = Field(description="The question's id in its tree.")
    test: str = Field(description="The question's test in words.")
    value: Any = Field(description="The fact's value, or {fact: value} for several; null: unknown.")
    result: Literal["yes", "no", "unknown"]


class TreeResultOut(BaseModel):
    id: str
    verdict: Verdict
    path: list[StepOut] = Field(description="Every question answered on the way to the leaf.")
    advice: str


class DecisionOut(BaseModel):
    date: dt.date
    verdict: Verdict = Field(description="The most conservative verdict of all the trees.")
    trees: list[TreeResultOut]
    advice: list[str] = Field(description="From the trees that reached the winning verdict.")
    routines: list[str]
    evidence: list[str] = Field(description="Evidence ids of every leaf reached.")
    missing_facts: list[str] = Field(description="Facts the paths asked about that were unknown.")
    disclaimer: str


class ContentErrorOut(BaseModel):
    file: str
    line: int | None
    id: str | None
    field: str | None
    message: str


class ValidationOut(BaseModel):
    valid: bool
    errors: list[ContentErrorOut]


class DayLoadOut(BaseModel):
    day: dt.date
    load: float | None


class WeekLoadOut(BaseModel):
    monday: dt.date
    sessions: int
    load: float | None
    acwr: float | None
    monotony: float | None
    strain: float | None
    fitness: float | None
    fatigue: float | None
    form: float | None


class LoadReportOut(BaseModel):
    today: LoadFacts = Field(description="This morning's figures; null while not known (see note).")
    first_logged_day: dt.date | None
    days: list[DayLoadOut] = Field(description="The load of each of the last seven local days.")
    weeks: list[WeekLoadOut]


class RankedFaultOut(BaseModel):
    fault: str
    score: int
    likelihood: Literal["likely", "possible", "worth a look"]
    reasons: list[str]


class AssessmentOut(BaseModel):
    id: int
    date: dt.date
    answers: dict[str, str] = Field(description="Question id -> the option chosen.")
    ranking: list[RankedFaultOut] = Field(description="Likely faults, most likely first.")


class QuestionOptionOut(BaseModel):
    id: str
    label: str


class AssessmentQuestionOut(BaseModel):
    id: str
    title: str
    ask: str
    way: Way = Field(description="How a runner finds the answer.")
    how: str | None
    options: list[QuestionOptionOut]


class ActivityOut(BaseModel):
    """An activity without its samples (see the run page for those)."""

    id: int
    sport: str
    run_type: str | None
    name: str | None
    start: IsoDateTime = Field(description="In UTC.")
    local_start: IsoDateTime = Field(description="In the runner's time zone when it started.")
    date: dt.date = Field(description="The local day it counts for.")
    minutes: float
    moving_minutes: float | None
    distance_km: float | None
    ascent_m: float | None
    avg_hr: float | None
    max_hr: float | None
    avg_cadence_spm: float | None
    rpe: float | None
    load: float | None
    load_method: str | None = Field(description="How `load` was computed, in words.")
    dynamics: dict[str, Any] = Field(description="Running dynamics averages, when recorded.")
    source: str
    source_name: str | None
    notes: str | None
    has_samples: bool


class LoadSeriesOut(BaseModel):
    """Daily series, one value per day in `days` (end of each day); null while not known."""

    days: list[dt.date]
    load: list[float | None]
    acute: list[float | None]
    chronic: list[float | None]
    acwr: list[float | None]
    monotony: list[float | None]
    strain: list[float | None]
    fitness: list[float | None]
    fatigue: list[float | None]
    form: list[float | None]
    days_since_rest: list[float | None]


class CoachTreeOut(BaseModel):
    id: str
    title: str | None = Field(description="null while the tree does not validate.")
    valid: bool
    errors: list[ContentErrorOut]
    updated_at: IsoDateTime
    source: str | None = Field(None, description="The YAML, when one tree is asked for.")


class TreeDocumentOut(Tree):
    """A whole tree, under the id it is known by where it is asked (`decisions.TreeInfo.document`)."""

    id: str = Field(description="A shipped tree's id, or owner/id for a coach's tree.")
