"""The private calendar feed (/cal/<token>.ics); its settings are on the Account page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from yolvarex.services import calendar_feed
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
ICS = "text/calendar; charset=utf-8"


@router.get("/cal/{token}.ics")
def feed(request: Request, token: str) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        body = calendar_feed.feed(db, rt.library, token, str(request.base_url).rstrip("/"))
    return Response(body, media_type=ICS, headers={"Cache-Control": "private, no-store"})
