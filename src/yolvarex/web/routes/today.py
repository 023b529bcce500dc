"""Today: what the runner should know this morning, as `services.today` composes it (with the
coaches' notes for the day), and a coach's open invitation. A coach sees a coached athlete's
Today through `today_page` (see `web.viewing`)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from yolvarex.content import Library
from yolvarex.domain.trees import Decision
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
    return core.render(request, "today.html", {
        "page": page, "checkin": page.checkin, "strength": page.strength,
        "verdict_card": verdict_card(page.decision, library, seen.read_only),
        "drills": page.drills, "routine_suggestions": page.routines,
        "today": page.day, **coaching,
        **seen.context("today"), **(extra or {})},
        section=seen.section("today"), status_code=status_code)


#: The verdict card of the decisions read lately. A kept page is decoded once per process
#: (`services.today`), so the same decision object comes back while the day's state is
#: unchanged; its card (seven trees' paths in words, the largest part of the page) is then
#: drawn once, not on every request. Held by identity, with the decision itself, so an entry is
#: only ever used for the very object it was drawn from.
_CARDS: OrderedDict[tuple[int, bool], tuple[Decision, Markup]] = OrderedDict()
_CARDS_LOCK = threading.Lock()
CARDS_KEPT = 256


def verdict_card(decision: Decision | None, library: Library, read_only: bool) -> Markup:
    if decision is None:
        return Markup("")
    key = (id(decision), read_only)
    with _CARDS_LOCK:
        found = _CARDS.get(key)
        if found is not None and found[0] is decision:
            _CARDS.move_to_end(key)
            return found[1]
    card = Markup(core.templates.get_template("today/_verdict.html").render(  # noqa: S704 (autoescaped)
        verdict=decision_view(decision, library), read_only=read_only))
    with _CARDS_LOCK:
        _CARDS[key] = (decision, card)
        while len(_CARDS) > CARDS_KEPT:
            _CARDS.popitem(last=False)
    return card
