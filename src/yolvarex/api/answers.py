"""The documented shapes of API answers that services give as JSON documents.

Each model is declared as an endpoint's `response_model`, so the OpenAPI document describes the
answer and FastAPI checks every answer against it (the schemathesis test fuzzes both). The
documents themselves come from one serializer each (`Decision.as_json`, `load_report.report`,
...), which the CLI's `--json` prints too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from yolvarex.domain.verdict import Verdict
from yolvarex.services.training_load import LoadFacts


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
