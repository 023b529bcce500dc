"""The private calendar feed (/cal/<token>.ics) and its settings on the Account page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex.errors import UserError
from yolvarex.services import calendar_feed
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
ICS = "text/calendar; charset=utf-8"


def feed_url(request: Request, token: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/cal/{token}.ics"


@router.get("/cal/{token}.ics")
def feed(request: Request, token: str) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        body = calendar_feed.feed(db, rt.library, token, str(request.base_url).rstrip("/"))
    return Response(body, media_type=ICS, headers={"Cache-Control": "private, no-store"})


@router.post("/account/calendar")
def calendar_settings(request: Request, action: str = Form(""), training_time: str = Form(""),
                      actor: Actor = Depends(core.login_required)) -> Response:
    from yolvarex.web.routes.account import account_page

    new_url = None
    try:
        with core.runtime(request).db.session() as db:
            if action == "rotate":
                new_url = feed_url(request, calendar_feed.rotate_token(db, actor))
            elif action == "revoke":
                calendar_feed.revoke_token(db, actor)
            else:
                calendar_feed.set_training_time(db, actor, training_time)
    except UserError as exc:
        return account_page(request, actor, calendar_error=exc.message, status=422)
    if new_url:
        return account_page(request, actor, calendar_url=new_url)
    message = "Calendar feed turned off; the old address shows nothing now." if action == "revoke" \
        else "Training time saved; calendar events follow it."
    return core.redirect("/account#calendar-h", message)
