"""The weekly summary under /api/v1 (the same JSON as `yolvarex week --json`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.services import days, week_summary
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1", tags=["week"])


@router.get("/week", response_model=week_summary.WeekSummary,
            summary="The week in review: done against the plan, load, plan changes, next week's focus")
def week(day: dt.date | None = Query(None, description="Any day of the week (default: today, in "
                                     "the athlete's time zone)."),
         athlete_id: int | None = Query(None, description="An athlete you coach (default: you)."),
         actor: Actor = Depends(api_actor), db: Session = Depends(db_session),
         rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    today = days.today_of(db, actor, athlete_id)
    summary = week_summary.week_summary(db, actor, rt.library, day or today, today, athlete_id)
    return week_summary.summary_json(summary)
