"""Strength plans and the strength log over the API: create, read, regenerate and adapt plans;
log sessions and performance tests. A coach passes `athlete_id` for a linked athlete."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.bodies import read_by
from yolvarex.api.params import DayRange, day_range
from yolvarex.api.plan_answers import (
    AdaptationOut,
    LoggedSessionOut,
    PerformanceTestsOut,
    PlanOut,
    StoredPlanOut,
    StrengthSessionOut,
    TestResultOut,
    WorkoutOut,
)
from yolvarex.domain.perftest import Side, TestName, latest_imbalances
from yolvarex.domain.plan.profile import Profile
from yolvarex.domain.strength_log import SessionIn
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import NotFound
from yolvarex.export.ics import plan_to_ics
from yolvarex.services import plans, strength_log
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1", tags=["strength"])

PROFILE_EXAMPLE = {
    "start": "2026-12-07", "weeks": 12, "experience": "some",
    "equipment": ["bodyweight", "bands"], "sessions_per_week": 2, "minutes_per_session": 30,
    "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                 "sat": "long", "sun": "rest"},
    "race": {"date": "2027-02-28", "distance": "half_marathon"},
    "injury_history": ["knee"], "placement": "easy_days"}
SESSION_EXAMPLE = {"date": "2026-12-09", "rpe": 7, "minutes": 30, "plan_session": "2026-12-09",
                   "sets": [{"exercise": "split-squat", "reps": 10, "side": "left", "rpe": 7}],
                   "tests": [{"test": "push_ups", "value": 21}]}
#: A strength profile, read by the plan service (`plans.parse_profile`, its own error wording).
ProfileBody = Annotated[Profile, read_by(plans.parse_profile), Body(examples=[PROFILE_EXAMPLE])]
Athlete = Query(None, description="A linked athlete's user id (coaches); default: yourself.")


def _current(db: Session, actor: Actor, athlete_id: int | None) -> plans.StoredPlan:
    stored = plans.current_plan(db, actor, athlete_id)
    if stored is None:
        raise NotFound("There is no plan yet; create one with POST /api/v1/plans.")
    return stored


@router.post("/plans", status_code=201, summary="Create the active plan from a profile",
             response_model=StoredPlanOut, response_model_exclude_unset=True)
def create_plan(profile: ProfileBody, athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session), rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    stored = plans.create_plan(db, actor, profile, rt.library, athlete_id)
    db.commit()
    return stored.to_json()


@router.post("/plans/preview", summary="Generate a plan from a profile without storing it",
             response_model=PlanOut, response_model_exclude_unset=True)
def preview_plan(profile: ProfileBody, actor: Actor = Depends(api_actor),
                 rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    return plans.preview(profile, rt.library).to_json()


@router.get("/plans/current", summary="The active plan",
             response_model=StoredPlanOut, response_model_exclude_unset=True)
def current_plan(athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
                 db: Session = Depends(db_session)) -> dict[str, Any]:
    found = plans.current_plan_json(db, actor, athlete_id)
    if found is None:
        raise NotFound("There is no plan yet; create one with POST /api/v1/plans.")
    return found


@router.get("/plans/current.ics", summary="The active plan as an iCalendar file",
            response_class=Response,
            responses={200: {"content": {"text/calendar": {}}, "description": "RFC 5545"}})
def current_plan_ics(athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
                     db: Session = Depends(db_session), rt: Runtime = Depends(runtime)) -> Response:
    stored = _current(db, actor, athlete_id)
    body = plan_to_ics(stored.plan, rt.library, stored.created_at)
    return Response(body, media_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="strength-plan.ics"'})


class Regenerate(BaseModel):
    start: dt.date | None = None


@router.post("/plans/current/regenerate", summary="Build the active plan again from its profile",
             response_model=StoredPlanOut, response_model_exclude_unset=True)
def regenerate_plan(body: Regenerate | None = None, athlete_id: int | None = Athlete,
                    actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                    rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    stored = plans.regenerate(db, actor, rt.library, athlete_id, body.start if body else None)
    db.commit()
    return stored.to_json()


@router.get("/plans/day/{day}", summary="A day's planned session with the next prescriptions",
             response_model=WorkoutOut, response_model_exclude_unset=True)
def plan_day(day: dt.date, athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session), rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    return strength_log.workout_json(db, actor, day, rt.library, athlete_id)


class VerdictIn(BaseModel):
    verdict: Verdict


@router.post("/plans/day/{day}/verdict", summary="Adapt the plan to the day's rest verdict",
             response_model=AdaptationOut, response_model_exclude_unset=True)
def plan_verdict(day: dt.date, body: VerdictIn, athlete_id: int | None = Athlete,
                 actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                 rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    adaptation = plans.apply_verdict(db, actor, day, body.verdict, rt.library, athlete_id)
    db.commit()
    return adaptation.to_json()


@router.post("/strength-sessions", status_code=201, summary="Log a strength session",
             response_model=LoggedSessionOut, response_model_exclude_unset=True)
def log_session(session: Annotated[SessionIn, read_by(strength_log.parse_session),
                                   Body(examples=[SESSION_EXAMPLE])],
                actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    row = strength_log.log_session(db, actor, session, rt.library)
    following = strength_log.next_steps(db, actor, session.date, rt.library)
    result = {**strength_log.session_json(row),
              "tests": [t.model_dump(mode="json") for t in session.tests],
              "next": [{"exercise": p.exercise, **step.to_json()} for p, step in following]}
    db.commit()
    return result


@router.get("/strength-sessions", summary="Logged strength sessions in a date range",
             response_model=list[StrengthSessionOut], response_model_exclude_unset=True)
def list_sessions(days: DayRange = Depends(day_range),
                  athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
                  db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    return [strength_log.session_json(r)
            for r in strength_log.sessions(db, actor, days.start, days.end, athlete_id)]


@router.delete("/strength-sessions/{session_id}", status_code=204,
               summary="Delete a logged strength session", response_class=Response)
def delete_session(session_id: int, actor: Actor = Depends(api_actor),
                   db: Session = Depends(db_session)) -> Response:
    strength_log.delete_session(db, actor, session_id)
    db.commit()
    return Response(status_code=204)


class TestResultIn(BaseModel):
    __test__ = False
    date: dt.date
    test: TestName
    side: Side = Side.BOTH
    value: float


@router.post("/performance-tests", status_code=201, summary="Log a performance test result",
             response_model=TestResultOut)
def log_test(body: TestResultIn, actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> dict[str, Any]:
    row = strength_log.log_test(db, actor, body.date, body.test, body.side, body.value)
    db.commit()
    return {"id": row.id, "date": row.date.isoformat(), "test": row.test, "side": row.side,
            "value": row.value}


@router.get("/performance-tests", summary="Performance test results and left-right imbalances",
             response_model=PerformanceTestsOut, response_model_exclude_unset=True)
def list_tests(athlete_id: int | None = Athlete, actor: Actor = Depends(api_actor),
               db: Session = Depends(db_session)) -> dict[str, Any]:
    results = strength_log.performance_tests(db, actor, athlete_id)
    return {"results": [{"date": r.date.isoformat(), "test": r.test.value, "side": r.side.value,
                         "value": r.value} for r in results],
            "imbalances": [{"test": i.test.value, "date": i.date.isoformat(), "left": i.left,
                            "right": i.right, "gap": round(i.gap, 3), "flagged": i.flagged}
                           for i in latest_imbalances(results)]}
