"""Today: what the runner should know this morning, as `services.today` composes it (with the
coaches' notes for the day), and a coach's open invitation. A coach sees a coached athlete's
Today through `today_page` (see `web.viewing`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.services import days, invitations
from yolvarex.services import today as today_service
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.verdicts import decision_view
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/today")
def today(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return today_page(request, actor, viewing.own(actor))


def today_page(request: Request, actor: Actor, seen: Viewing,
               extra: dict[str, object] | None = None, status_code: int = 200) -> Response:
    library = core.runtime(request).library
    with core.runtime(request).db.session() as db:
        day = days.today_of(db, actor, seen.athlete_id)
        page = today_service.today_page(db, actor, library, day, seen.athlete_id)
        coaching = {"invitations": [] if seen.read_only else invitations.open_for(db, actor),
                    "coach_notes": page.coach_notes}
    verdict = None if page.decision is None else decision_view(page.decision, library)
    return core.render(request, "today.html", {
        "page": page, "checkin": page.checkin, "verdict": verdict, "strength": page.strength,
        "drills": page.drills, "routine_suggestions": page.routines,
        "today": page.day, **coaching,
        **seen.context("today"), **(extra or {})},
        section=seen.section("today"), status_code=status_code)
