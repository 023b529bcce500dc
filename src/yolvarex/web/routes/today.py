"""Today: what the runner should know this morning, as `services.today` composes it (with the
coaches' notes for the day), and a coach's open invitation."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.services import days, invitations
from yolvarex.services import today as today_service
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.verdicts import decision_view

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/today")
def today(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    library = core.runtime(request).library
    with core.runtime(request).db.session() as db:
        page = today_service.today_page(db, actor, library, days.today_of(db, actor))
        coaching = {"invitations": invitations.open_for(db, actor), "coach_notes": page.coach_notes}
    verdict = None if page.decision is None else decision_view(page.decision, library)
    return core.render(request, "today.html", {
        "page": page, "checkin": page.checkin, "verdict": verdict, "strength": page.strength,
        "drills": page.drills, "routine_suggestions": page.routines,
        "welcome": request.query_params.get("welcome"), **coaching}, section="today")
