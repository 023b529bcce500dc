"""Coaching: the coach's board and invitations (by name or code); the athlete's answers; either
side ends coaching at any time."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex.errors import UserError
from yolvarex.services import coach_board, invitations
from yolvarex.services.invitations import NewCode
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

SHOW_LABELS = {coach_board.Show.ATTENTION: "Needs attention",
               coach_board.Show.QUIET: f"No check-in for {coach_board.QUIET_DAYS}+ days",
               coach_board.Show.ALL: "All athletes"}


def _page(request: Request, actor: Actor, error: str | None = None, status: int = 200,
          show: coach_board.Show = coach_board.Show.ALL, code: NewCode | None = None,
          name: str = "") -> Response:
    context: dict[str, Any] = {"error": error, "code": code, "name": name}
    with core.runtime(request).db.session() as db:
        context["links"] = invitations.links(db, actor)
        if actor.is_coach:
            everyone = coach_board.board(db, actor)
            context["board"] = coach_board.only(everyone, show)
            context["counts"] = coach_board.counts(everyone)
            context["sent"] = invitations.sent_by(db, actor)
        else:
            context["invitations"] = invitations.open_for(db, actor)
    context.update(show=show, show_labels=SHOW_LABELS, code_hours=invitations.CODE_HOURS,
                   quiet_days=coach_board.QUIET_DAYS)
    return core.render(request, "coach.html", context, status_code=status, section="coach")


@router.get("/coach")
def coach(request: Request, show: str = "all", actor: Actor = Depends(core.login_required)) -> Response:
    try:
        chosen = coach_board.Show(show)
    except ValueError:
        chosen = coach_board.Show.ALL
    return _page(request, actor, show=chosen)


@router.post("/coach/invite")
def invite(request: Request, athlete: str = Form(""),
           actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            invitation = invitations.invite_by_name(db, actor, athlete)
            name = invitation.invitee_name or ""
    except UserError as exc:
        return _page(request, actor, exc.message, status=exc.status, name=athlete)
    return core.redirect("/coach", invitations.sent_message(name))


@router.post("/coach/codes")
def new_code(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            code = invitations.new_code(db, actor)
    except UserError as exc:
        return _page(request, actor, exc.message, status=exc.status)
    return _page(request, actor, code=code)


@router.post("/coach/invitations/{invitation_id}/cancel")
def cancel(request: Request, invitation_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        invitations.cancel(db, actor, invitation_id)
    return core.redirect("/coach", "Invitation cancelled.")


@router.post("/coach/invitations/{invitation_id}/accept")
def accept(request: Request, invitation_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        invitations.accept(db, actor, invitation_id)
    return core.redirect("/coach", "You accepted. Your coach can now see your training; you can "
                                   "end it here at any time.")


@router.post("/coach/invitations/{invitation_id}/decline")
def decline(request: Request, invitation_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        invitations.decline(db, actor, invitation_id)
    return core.redirect("/coach", "Declined. That coach cannot invite you by name again.")


@router.get("/coach/join/{code}")
def join_page(request: Request, code: str, actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            _, coach_user = invitations.by_code(db, actor, code)
            coach_name = coach_user.name
    except UserError as exc:
        return core.render(request, "coach_join.html", {"error": exc.message, "code": code},
                           status_code=exc.status, section="coach")
    return core.render(request, "coach_join.html", {"coach": coach_name, "code": code},
                       section="coach")


@router.post("/coach/join")
def join(request: Request, code: str = Form(""), actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            invitations.accept_code(db, actor, code[:40])
    except UserError as exc:
        return core.render(request, "coach_join.html", {"error": exc.message, "code": code},
                           status_code=exc.status, section="coach")
    return core.redirect("/coach", "You accepted. Your coach can now see your training; you can "
                                   "end it here at any time.")


@router.post("/coach/links/{link_id}/end")
def end(request: Request, link_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        link = invitations.end_link(db, actor, link_id)
        ended_by_coach = link.coach_id == actor.id
    return core.redirect("/coach", "Coaching ended. You no longer see that athlete's training."
                         if ended_by_coach else "Done. That coach can no longer see your training.")

