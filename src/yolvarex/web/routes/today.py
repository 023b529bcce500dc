"""Today: what the runner should know this morning."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.errors import NotFound
from yolvarex.services import checkins, coach_notes, decisions, history, invitations
from yolvarex.services import form as form_service
from yolvarex.services import routines as routine_service
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.routes.plan import strength_card
from yolvarex.web.verdicts import decision_view

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/today")
def today(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    day = clock.today(actor.timezone)
    with core.runtime(request).db.session() as db:
        try:
            checkin = checkins.get_checkin(db, actor, day)
        except NotFound:
            checkin = None
        decision = decisions.todays_decision(db, actor, day)
        verdict = None if decision is None else decision_view(decision, core.runtime(request).library)
        week = history.week_totals(db, actor, 1, day)[0]
        recent = history.activities(db, actor, day - dt.timedelta(days=6), day)[::-1][:5]
        strength = strength_card(db, actor, day, core.runtime(request).library,
                                 verdict.verdict if verdict else None)
        drills = form_service.today_card(db, actor, core.runtime(request).library, day,
                                         verdict.verdict if verdict else None)
        routine_suggestions = routine_service.suggestions_for(
            db, actor, core.runtime(request).library, day, limit=3,
            verdict=verdict.verdict if verdict else None)
        coaching = {"invitations": invitations.open_for(db, actor),
                    "coach_notes": coach_notes.for_day(db, actor, actor.id, day)}
    return core.render(request, "today.html", {
        "checkin": checkin, "week": week, "recent": recent, "verdict": verdict,
        "strength": strength, "drills": drills, "routine_suggestions": routine_suggestions,
        "welcome": request.query_params.get("welcome"), **coaching}, section="today")
