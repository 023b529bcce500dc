"""Coaching: a coach invites athletes; an athlete accepts, declines or ends it at any time."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex.errors import UserError
from yolvarex.services import accounts, coach_board
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


def _page(request: Request, actor: Actor, error: str | None = None, status: int = 200) -> Response:
    with core.runtime(request).db.session() as db:
        links = accounts.links_for(db, actor)
        statuses = coach_board.board(db, actor) if actor.is_coach else []
    return core.render(request, "coach.html", {"links": links, "error": error, "board": statuses},
                       status_code=status, section="coach")


@router.get("/coach")
def coach(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return _page(request, actor)


@router.post("/coach/invite")
def invite(request: Request, athlete: str = Form(""),
           actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            accounts.invite_athlete(db, actor, athlete)
    except UserError as exc:
        return _page(request, actor, exc.message, status=exc.status)
    return core.redirect("/coach", f"Invitation sent to {athlete.strip().lower()}.")


@router.post("/coach/links/{link_id}/accept")
def accept(request: Request, link_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        accounts.accept_coach(db, actor, link_id)
    return core.redirect("/coach", "You accepted the invitation. Your coach can now see your training.")


@router.post("/coach/links/{link_id}/revoke")
def revoke(request: Request, link_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        accounts.revoke_coach(db, actor, link_id)
    return core.redirect("/coach", "Done. That coach can no longer see your training.")
