"""The week in review, as `services.week_summary` gives it."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.services import days, week_summary
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/week")
def week(request: Request, day: dt.date | None = None,
         actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        today = days.today_of(db, actor)
        summary = week_summary.week_summary(db, actor, core.runtime(request).library,
                                            day or today, today)
    return core.render(request, "week.html", {
        "s": summary, "previous_week": summary.monday - dt.timedelta(days=7),
        "next_week": summary.monday + dt.timedelta(days=7) if summary.sunday < today else None},
        section="week")
