"""Coaching over the API: invitations (by name or code) and their answers, links either side
ends, the coach's board, and a coach's notes for an athlete's day."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex.api.answers import IsoDateTime
from yolvarex.api.auth import api_actor, db_session
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid
from yolvarex.services import coach_board, coach_notes, invitations
from yolvarex.store.access import Actor
from yolvarex.store.models import CoachInvitation, CoachLink, User

router = APIRouter(prefix="/api/v1", tags=["coaching"])


class InvitationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    athlete: str | None = Field(None, max_length=60, description="The athlete's user name")
    code: bool = Field(False, description="True: make a single-use code instead of naming anyone")


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=40, description="The invitation code the coach gave you")


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=4000, description="The note; empty removes it")


class InvitationOut(BaseModel):
    id: int
    athlete: str | None = Field(description="The invited user name; null for a code.")
    by_code: bool
    status: str = Field(description="pending, accepted, declined or cancelled")
    expires_at: IsoDateTime
    coach: str | None = Field(None, description="The inviting coach (an athlete's view).")
    code: str | None = Field(None, description="The single-use code, only when it is made.")
    message: str | None = None


class LinkOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: int
    with_: str = Field(alias="with", description="The other person's user name.")
    user_id: int
    status: Literal["active", "ended"]


class LoadFlagOut(BaseModel):
    level: Literal["ok", "watch", "high", "unknown"] = Field(description="The flag's color.")
    words: str = Field(description="The same in words.")


class AthleteRowOut(BaseModel):
    athlete_id: int
    name: str
    today: dt.date = Field(description="The athlete's own today, in their time zone.")
    verdict: Verdict | None = Field(description="null until the athlete has checked in today.")
    last_checkin: dt.date | None
    acwr: float | None
    days_since_rest: int | None
    strength_planned: int = Field(description="Strength sessions planned in the last two weeks.")
    strength_done: int = Field(description="Of those, the ones logged.")
    load: LoadFlagOut
    needs_attention: bool
    reasons: list[str] = Field(description="Why the athlete needs attention, most urgent first.")


class NoteOut(BaseModel):
    date: dt.date
    coach: str
    text: str = Field(description="Empty when the note was removed.")


def _invitation(i: CoachInvitation, coach: User | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": i.id, "athlete": i.invitee_name, "by_code": i.code_hash is not None,
                           "status": i.status, "expires_at": i.expires_at.isoformat()}
    if coach is not None:
        out["coach"] = coach.name
    return out


def _link(link: CoachLink, other: User) -> dict[str, Any]:
    return {"id": link.id, "with": other.name, "user_id": other.id,
            "status": "active" if link.status == "active" else "ended"}


@router.get("/coach/athletes", summary="Your athletes today, those who need attention first",
            response_model=list[AthleteRowOut])
def athletes(show: coach_board.Show = Query(coach_board.Show.ALL),
             actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> list[dict[str, object]]:
    if not actor.is_coach:
        raise Invalid("Only coach accounts have athletes.")
    return [row.as_json() for row in coach_board.board(db, actor, show)]


@router.get("/coach/invitations",
            summary="A coach's open and declined invitations; an athlete's open ones",
            response_model=list[InvitationOut], response_model_exclude_unset=True)
def list_invitations(actor: Actor = Depends(api_actor),
                     db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    if actor.is_coach:
        return [_invitation(i) for i in invitations.sent_by(db, actor)]
    return [_invitation(i, coach) for i, coach in invitations.open_for(db, actor)]


@router.post("/coach/invitations", status_code=201,
             summary="Invite an athlete by user name, or make a single-use code. The answer "
                     "is the same whether or not the name exists.",
            response_model=InvitationOut, response_model_exclude_unset=True)
def invite(body: InvitationIn = Body(...), actor: Actor = Depends(api_actor),
           db: Session = Depends(db_session)) -> dict[str, Any]:
    if body.code == bool(body.athlete):
        raise Invalid("Send either `athlete` (a user name) or `code: true`.")
    if body.code:
        new = invitations.new_code(db, actor)
        db.commit()
        return {**_invitation(new.invitation), "code": new.code,
                "message": f"Give this code to one athlete; it works once, for "
                           f"{invitations.CODE_HOURS} hours."}
    invitation = invitations.invite_by_name(db, actor, body.athlete or "")
    db.commit()
    return {**_invitation(invitation),
            "message": invitations.sent_message(invitation.invitee_name or "")}


@router.delete("/coach/invitations/{invitation_id}", status_code=204,
               summary="Cancel one of your open invitations")
def cancel(invitation_id: int, actor: Actor = Depends(api_actor),
           db: Session = Depends(db_session)) -> Response:
    invitations.cancel(db, actor, invitation_id)
    db.commit()
    return Response(status_code=204)


@router.post("/coach/invitations/{invitation_id}/accept", summary="Accept a coach's invitation",
            response_model=LinkOut)
def accept(invitation_id: int, actor: Actor = Depends(api_actor),
           db: Session = Depends(db_session)) -> dict[str, Any]:
    link = invitations.accept(db, actor, invitation_id)
    coach = db.get(User, link.coach_id)
    db.commit()
    assert coach is not None
    return _link(link, coach)


@router.post("/coach/invitations/{invitation_id}/decline",
             summary="Decline a coach's invitation; that coach cannot invite you by name again",
            response_model=InvitationOut, response_model_exclude_unset=True)
def decline(invitation_id: int, actor: Actor = Depends(api_actor),
            db: Session = Depends(db_session)) -> dict[str, Any]:
    invitation = invitations.decline(db, actor, invitation_id)
    db.commit()
    return _invitation(invitation)


@router.post("/coach/join", summary="Accept an invitation with the code your coach gave you",
            response_model=LinkOut)
def join(body: CodeIn = Body(...), actor: Actor = Depends(api_actor),
         db: Session = Depends(db_session)) -> dict[str, Any]:
    link = invitations.accept_code(db, actor, body.code)
    coach = db.get(User, link.coach_id)
    db.commit()
    assert coach is not None
    return _link(link, coach)


@router.get("/coach/links", summary="Your coaching links (as coach or athlete), active and ended",
            response_model=list[LinkOut])
def list_links(actor: Actor = Depends(api_actor),
               db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    return [_link(link, other) for link, other in invitations.links(db, actor)]


@router.delete("/coach/links/{link_id}", status_code=204,
               summary="End coaching (either side); the coach loses access at once")
def end(link_id: int, actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> Response:
    invitations.end_link(db, actor, link_id)
    db.commit()
    return Response(status_code=204)


@router.put("/coach/athletes/{athlete_id}/notes/{day}",
            summary="Write (or with empty text remove) your note for an athlete's day",
            response_model=NoteOut)
def put_note(athlete_id: int, day: dt.date, body: NoteIn = Body(...),
             actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    note = coach_notes.write(db, actor, athlete_id, day, body.text)
    db.commit()
    return note.as_json() if note else {"date": day.isoformat(), "coach": actor.name, "text": ""}


@router.get("/notes", summary="Coach notes for your days (or, as a coach, yours for an athlete)",
            response_model=list[NoteOut])
def notes(start: dt.date | None = Query(None, description="First day; default: today"),
          end: dt.date | None = Query(None, description="Last day; default: the first day"),
          athlete_id: int | None = Query(None, description="A coached athlete's id (coaches)"),
          actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> list[dict[str, str]]:
    return [n.as_json() for n in coach_notes.notes(db, actor, athlete_id, start, end)]
