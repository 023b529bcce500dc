"""Recovery routines over the API: the library, suggestions for today, completions and streak."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.params import DayRange, day_range
from yolvarex.domain.recovery.streak import Streak
from yolvarex.services import history
from yolvarex.services import routines as service
from yolvarex.services.runtime import Runtime
from yolvarex.store import models
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1/routines", tags=["routines"])


class RoutineSummaryOut(BaseModel):
    id: str
    title: str
    purpose: str
    when: str
    suits: list[str] = Field(description="The occasions it is made for.")
    also_suits: list[str]
    total_seconds: int | float = Field(description="Both sides counted.")
    steps: int
    body_areas: list[str]
    equipment: list[str]
    area_seconds: int | float | None = Field(None, description="Time on the asked body area.")


class TimelineStepOut(BaseModel):
    index: int
    step: int
    movement: str
    title: str
    cue: str
    side: str | None
    seconds: int
    reps: int | None
    start: int = Field(description="Seconds from the routine's start.")


class RoutineDetailOut(RoutineSummaryOut):
    """The summary, the routine's own fields as in the library, and its timeline."""

    model_config = ConfigDict(extra="allow")

    timeline: list[TimelineStepOut]


class SuggestionOut(BaseModel):
    id: str
    title: str
    reason: str
    reasons: list[str]
    score: float
    total_seconds: int


class SuggestionsOut(BaseModel):
    suggestions: list[SuggestionOut]
    unknown_areas: list[str] = Field(description="Sore areas that are not in the vocabulary.")
    sore_areas: list[str]
    verdict: str | None
    planned: list[str]


class CompletionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seconds: float | None = Field(None, gt=0, le=6 * 3600,
                                  description="How long it took; default the routine's total.")
    completed_at: dt.datetime | None = Field(None, description="When it ended; default now.")


class CompletionOut(BaseModel):
    id: int
    routine: str
    completed_at: dt.datetime
    seconds: float | None
    source: str

    @classmethod
    def of(cls, row: models.RoutineCompletion) -> CompletionOut:
        return cls(id=row.id, routine=row.routine, completed_at=row.completed_at,
                   seconds=row.seconds, source=row.source)


@router.get("", summary="Every routine with its computed total time",
            response_model=list[RoutineSummaryOut], response_model_exclude_unset=True)
def list_routines(occasion: str | None = Query(None, description="Only routines for this occasion."),
                  area: str | None = Query(None, description="Only routines that work on this "
                                           "body area (e.g. calves), those working it most first."),
                  rt: Runtime = Depends(runtime)) -> list[dict[str, Any]]:
    return service.browse(rt.library, occasion, area)


@router.get("/suggestions", response_model=SuggestionsOut,
            summary="Today's routines, ranked, each with its reason")
def suggestions(verdict: str | None = Query(None, description="Today's verdict, if known."),
                sore_areas: str | None = Query(None, description="Comma separated; replaces "
                                               "the latest check-in's sore areas."),
                planned: str | None = Query(None, description="Comma separated session kinds."),
                limit: int = Query(5, ge=1, le=20), day: dt.date | None = None,
                actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                rt: Runtime = Depends(runtime)) -> SuggestionsOut:
    result = service.suggestions_for(
        db, actor, rt.library, day or clock.today(actor.timezone), verdict=service.parse_verdict(verdict),
        planned=service.parse_planned(planned), sore_areas=service.parse_areas(sore_areas),
        limit=limit)
    return SuggestionsOut(
        suggestions=[SuggestionOut(id=s.id, title=s.title, reason=s.reason,
                                   reasons=list(s.reasons), score=s.score,
                                   total_seconds=s.seconds) for s in result.suggestions],
        unknown_areas=list(result.unknown_areas), sore_areas=list(result.situation.sore_areas),
        verdict=result.situation.verdict.value if result.situation.verdict else None,
        planned=[k.value for k in result.situation.planned])


@router.get("/completions", response_model=list[CompletionOut],
            summary="Routines you finished in a date range, oldest first")
def completions(days: DayRange = Depends(day_range),
                actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session)) -> list[CompletionOut]:
    return [CompletionOut.of(r) for r in history.routine_completions(db, actor, days.start, days.end)]


@router.get("/streak", response_model=Streak,
            summary="The forgiving routine streak (missed days never wipe it out)")
def streak(actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> Streak:
    return service.streak_for(db, actor, clock.today(actor.timezone))


@router.get("/{routine_id}", summary="One routine with its steps laid out per side in time",
            response_model=RoutineDetailOut, response_model_exclude_unset=True)
def show(routine_id: str, rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    service.routine_or_404(rt.library, routine_id)
    return service.routine_detail(rt.library, routine_id)


@router.post("/{routine_id}/completions", response_model=CompletionOut, status_code=201,
             summary="Log a finished routine (a repeat within two minutes is the same one)")
def log_completion(routine_id: str, body: CompletionIn = Body(default_factory=CompletionIn),
                   actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                   rt: Runtime = Depends(runtime)) -> CompletionOut:
    row = service.log_completion(db, actor, rt.library, routine_id, seconds=body.seconds,
                                 completed_at=body.completed_at, source="api")
    db.commit()
    return CompletionOut.of(row)
