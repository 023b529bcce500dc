"""Running form under /api/v1: analyse a run, query the form library, the self-assessment and
the warm-up drill block."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from yolvarex import clock, uploads
from yolvarex.api.answers import AssessmentOut, AssessmentQuestionOut
from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.bodies import read_by
from yolvarex.api.form_answers import AnalysableRunOut, DrillSessionOut, FormReportOut
from yolvarex.content.schemas.form import Cue, Drill, Fault
from yolvarex.errors import Invalid, NotFound, validated
from yolvarex.services import form, form_library
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1/form", tags=["form"])


@router.post("/analyze", summary="Analyze an uploaded run file (FIT, TCX, GPX, .gz): grades, "
             "drift, baseline against your earlier runs, findings", response_model=FormReportOut)
async def analyze_upload(request: Request, file: UploadFile = File(...),
                         athlete_id: int | None = Query(None, description="A coached athlete's id"),
                         actor: Actor = Depends(api_actor),
                         rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    limit = rt.settings.max_upload_bytes
    uploads.check_length(request, limit)
    ((name, data),) = await uploads.read_files([file], limit)
    def work() -> dict[str, Any]:  # in a thread: the analysis must not hold the event loop
        with rt.db.session() as db:
            return form.report_json(form.analyse_file(rt.library, name, data, db, actor,
                                                      athlete_id), extended=True)

    return await run_in_threadpool(work)


@router.get("/runs", summary="Runs in the log that carry samples to analyse, newest first",
            response_model=list[AnalysableRunOut])
def runs(athlete_id: int | None = None, limit: int = Query(30, ge=1, le=200),
         actor: Actor = Depends(api_actor),
         db: Session = Depends(db_session)) -> list[AnalysableRunOut]:
    return [AnalysableRunOut.of(r) for r in form.analysable_runs(db, actor, athlete_id, limit)]


@router.get("/runs/{activity_id}", summary="Analyze a run from the log",
            response_model=FormReportOut)
def analyze_stored(activity_id: int, actor: Actor = Depends(api_actor),
                   db: Session = Depends(db_session),
                   rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    return form.report_json(form.analyse_stored(db, actor, rt.library, activity_id), extended=True)


@router.get("/faults", summary="Form faults, filtered by words and body area",
            response_model=list[Fault])
def faults(q: str = "", body_area: str | None = None,
           rt: Runtime = Depends(runtime), _: Actor = Depends(api_actor)) -> list[Fault]:
    return form_library.faults(rt.library, q, body_area)


@router.get("/cues", summary="Cues, filtered by words, fault and focus (external or internal)",
            response_model=list[Cue])
def cues(q: str = "", fault: str | None = None, focus: str | None = None,
         rt: Runtime = Depends(runtime), _: Actor = Depends(api_actor)) -> list[Cue]:
    return form_library.cues(rt.library, q, fault, focus)


@router.get("/drills", summary="Drills, filtered by words, fault, body area, hardest level, the "
            "equipment you have and the minutes available", response_model=list[Drill])
def drills(q: str = "", fault: str | None = None, body_area: str | None = None,
           level: int | None = None, stage: str | None = None,
           equipment: list[str] = Query(default=[], description="Gear you have; `none` for none"),
           minutes: float | None = None, rt: Runtime = Depends(runtime),
           _: Actor = Depends(api_actor)) -> list[Drill]:
    f = form_library.DrillFilter(q=q, fault=fault, body_area=body_area, level=level,
                                 equipment=tuple(equipment), minutes=minutes, stage=stage)
    return form_library.drills(rt.library, f)


@router.get("/assessment/questions", summary="The self-assessment questions and their options",
            response_model=list[AssessmentQuestionOut])
def questions(rt: Runtime = Depends(runtime), _: Actor = Depends(api_actor)) -> list[dict[str, Any]]:
    return [{"id": q.id, "title": q.title, "ask": q.ask, "way": q.way.value, "how": q.how,
             "options": [{"id": o.id, "label": o.label} for o in q.options]}
            for q in rt.library.questions.values()]


class AssessmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: dict[Annotated[str, Field(max_length=80)], Annotated[str, Field(max_length=80)]] = \
        Field(max_length=100, description="Question id -> the option chosen (see the questions).",
              examples=[{"foot-ahead-of-knee": "clearly", "loud-landing": "sometimes"}])
    date: dt.date | None = Field(None, description="The day it is for; default: today.")


SEND_ANSWERS = "Send {\"answers\": {\"question-id\": \"option-id\", ...}}."


def _answers_sent(sent: dict[str, Any]) -> AssessmentIn:
    answers = sent.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(v, str) for v in answers.values()):
        raise Invalid(SEND_ANSWERS)
    day = sent.get("date")
    try:
        date = dt.date.fromisoformat(day) if isinstance(day, str) else None
    except ValueError:
        raise Invalid("date must be YYYY-MM-DD.") from None
    return validated(AssessmentIn, {**sent, "date": date}, "self-assessment")


@router.post("/assessment", status_code=201, summary="Answer the self-assessment: likely faults "
             "ranked with reasons, saved for your next drill block",
             response_model=AssessmentOut)
def take_assessment(body: Annotated[AssessmentIn, read_by(_answers_sent)],
                    actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
                    rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    result = form.save_assessment(db, actor, rt.library, body.answers,
                                  body.date or clock.today(actor.timezone))
    db.commit()
    return form.assessment_json(result)


@router.get("/assessment/latest", summary="Your latest self-assessment result",
             response_model=AssessmentOut)
def latest(athlete_id: int | None = None, actor: Actor = Depends(api_actor),
           db: Session = Depends(db_session)) -> dict[str, Any]:
    result = form.latest_assessment(db, actor, athlete_id)
    if result is None:
        raise NotFound("No self-assessment yet; take it with POST /api/v1/form/assessment.")
    return form.assessment_json(result)


@router.get("/drill-session", summary="A 5-15 minute warm-up drill block from your latest run "
            "and self-assessment, or for one fault", response_model=DrillSessionOut)
def drill_session(minutes: int = 10, fault: str | None = None, level: int = 2,
                  athlete_id: int | None = None, actor: Actor = Depends(api_actor),
                  db: Session = Depends(db_session), rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    plan = form.plan_session(db, actor, rt.library, minutes, clock.today(actor.timezone), fault=fault,
                             level=level, athlete_id=athlete_id)
    return form.session_json(plan, rt.library)
