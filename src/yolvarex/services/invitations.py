"""A coach's invitations and the links they lead to.

A coach invites by user name or with a single-use code (shown once, stored as a hash) that
expires after `CODE_HOURS`. An invitation by name is stored whether or not anyone has that name
and the answer is the same either way, so inviting never tells which names exist. The athlete
sees open invitations (on Today and the Coach page) and accepts or declines; a declined
invitation is not sent again. The coach can cancel an open invitation; either side ends a link
at any time. A coach sends at most `PER_DAY` invitations in any 24 hours, counted from the
stored invitations, so every worker counts the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from yolvarex.errors import Conflict, Invalid, NotFound, TooManyRequests
from yolvarex.store.access import Actor
from yolvarex.store.models import CoachInvitation, CoachLink, User
from yolvarex.store.types import utcnow

NAME_DAYS = 14  # an invitation by name stays open this long
CODE_HOURS = 72  # a code works this long, once
PER_DAY = 30
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
_CODE_LENGTH = 12  # about 59 bits


def sent_message(name: str) -> str:
    """What the coach is told after inviting by name, whether or not the name exists."""
    return (f"Invitation recorded for {name}. If {name} has an account, they see it on their "
            f"Today page for the next {NAME_DAYS} days.")


@dataclass(frozen=True)
class NewCode:
    invitation: CoachInvitation
    code: str  # shown once; only its hash is stored


def _hash(code: str) -> str:
    plain = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(plain.encode()).hexdigest()


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def is_open(invitation: CoachInvitation, now: dt.datetime | None = None) -> bool:
    return invitation.status == "pending" and _as_utc(invitation.expires_at) > (now or utcnow())


def _require_coach(coach: Actor) -> None:
    if not coach.is_coach:
        raise Invalid("Only coach accounts can invite athletes.")


def _throttle(db: Session, coach: Actor) -> None:
    since = utcnow() - dt.timedelta(days=1)
    recent = list(db.scalars(select(CoachInvitation.created_at).where(
        CoachInvitation.coach_id == coach.id, CoachInvitation.created_at > since)
        .order_by(CoachInvitation.created_at)))
    if len(recent) >= PER_DAY:
        free_at = _as_utc(recent[len(recent) - PER_DAY]) + dt.timedelta(days=1)
        seconds = max(1, math.ceil((free_at - utcnow()).total_seconds()))
        raise TooManyRequests(
            f"You have sent {PER_DAY} invitations in the last 24 hours, the most we send in a "
            f"day; try again in {math.ceil(seconds / 3600)} hours.", retry_after=seconds)


def invite_by_name(db: Session, coach: Actor, name: str) -> CoachInvitation:
    """Record an invitation for `name` (normalised); the open one if there is one already.
    The result looks the same whether or not the name exists."""
    from yolvarex.services.accounts import normalise_name

    _require_coach(coach)
    name = normalise_name(name)
    if name == coach.name:
        raise Invalid("You cannot coach yourself.")
    athlete_id = db.scalar(select(User.id).where(User.name == name))
    if athlete_id is not None and db.scalar(select(CoachLink.id).where(
            CoachLink.coach_id == coach.id, CoachLink.athlete_id == athlete_id,
            CoachLink.status == "active")) is not None:
        raise Conflict(f"{name} already trains with you.")
    earlier = list(db.scalars(select(CoachInvitation).where(
        CoachInvitation.coach_id == coach.id, CoachInvitation.invitee_name == name)
        .order_by(CoachInvitation.created_at.desc())))
    if any(i.status == "declined" for i in earlier):
        # Only a real account can decline, so this tells the coach nothing they were not told.
        raise Conflict(f"{name} declined your invitation; it is not sent again. If they change "
                       "their mind, give them an invitation code instead.")
    for invitation in earlier:
        if is_open(invitation):
            return invitation
    _throttle(db, coach)
    invitation = CoachInvitation(coach_id=coach.id, invitee_name=name, status="pending",
                                 expires_at=utcnow() + dt.timedelta(days=NAME_DAYS))
    db.add(invitation)
    db.flush()
    return invitation


def new_code(db: Session, coach: Actor) -> NewCode:
    """A single-use invitation code, valid for `CODE_HOURS`."""
    _require_coach(coach)
    _throttle(db, coach)
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    code = "-".join(raw[i:i + 4] for i in range(0, _CODE_LENGTH, 4))
    invitation = CoachInvitation(coach_id=coach.id, code_hash=_hash(code), status="pending",
                                 expires_at=utcnow() + dt.timedelta(hours=CODE_HOURS))
    db.add(invitation)
    db.flush()
    return NewCode(invitation, code)


def by_code(db: Session, athlete: Actor, code: str) -> tuple[CoachInvitation, User]:
    """The open invitation a code stands for, with its coach; NotFound for a code that is
    wrong, used, cancelled or expired (one answer for all four)."""
    invitation = db.scalar(select(CoachInvitation).where(CoachInvitation.code_hash == _hash(code)))
    coach = db.get(User, invitation.coach_id) if invitation is not None else None
    if invitation is None or coach is None or not is_open(invitation):
        raise NotFound("That invitation code is not valid: it may be mistyped, used or expired. "
                       "Ask your coach for a new one.")
    if coach.id == athlete.id:
        raise Invalid("This is your own invitation code; give it to the athlete you coach.")
    return invitation, coach


def _for_athlete(db: Session, athlete: Actor, invitation_id: int) -> CoachInvitation:
    invitation = db.get(CoachInvitation, invitation_id)
    if invitation is None or invitation.invitee_name != athlete.name:
        raise NotFound("no such invitation")
    if not is_open(invitation):
        raise Conflict("This invitation is no longer open.")
    return invitation


def _link_up(db: Session, invitation: CoachInvitation, athlete: Actor) -> CoachLink:
    now = utcnow()
    link = db.scalar(select(CoachLink).where(CoachLink.coach_id == invitation.coach_id,
                                             CoachLink.athlete_id == athlete.id))
    if link is None:
        link = CoachLink(coach_id=invitation.coach_id, athlete_id=athlete.id)
        db.add(link)
    link.status, link.responded_at = "active", now
    invitation.status, invitation.responded_at, invitation.athlete_id = "accepted", now, athlete.id
    # Other open invitations from the same coach to this athlete are answered by this one.
    for other in db.scalars(select(CoachInvitation).where(
            CoachInvitation.coach_id == invitation.coach_id,
            CoachInvitation.invitee_name == athlete.name, CoachInvitation.status == "pending")):
        other.status, other.responded_at, other.athlete_id = "accepted", now, athlete.id
    db.flush()
    return link


def accept(db: Session, athlete: Actor, invitation_id: int) -> CoachLink:
    return _link_up(db, _for_athlete(db, athlete, invitation_id), athlete)


def decline(db: Session, athlete: Actor, invitation_id: int) -> CoachInvitation:
    invitation = _for_athlete(db, athlete, invitation_id)
    invitation.status, invitation.responded_at, invitation.athlete_id = \
        "declined", utcnow(), athlete.id
    return invitation


def accept_code(db: Session, athlete: Actor, code: str) -> CoachLink:
    invitation, _ = by_code(db, athlete, code)
    return _link_up(db, invitation, athlete)


def cancel(db: Session, coach: Actor, invitation_id: int) -> CoachInvitation:
    """The coach withdraws an open invitation (by name or code)."""
    invitation = db.get(CoachInvitation, invitation_id)
    if invitation is None or invitation.coach_id != coach.id:
        raise NotFound("no such invitation")
    if not is_open(invitation):
        raise Conflict("This invitation is no longer open.")
    invitation.status, invitation.responded_at = "cancelled", utcnow()
    return invitation


def end_link(db: Session, actor: Actor, link_id: int) -> CoachLink:
    """Either side ends coaching; the coach loses access at once."""
    link = db.get(CoachLink, link_id)
    if link is None or actor.id not in (link.coach_id, link.athlete_id):
        raise NotFound("no such coaching link")
    link.status, link.responded_at = "revoked", utcnow()
    return link


#: Read on every Today page: built once, only the values vary.
_OPEN_FOR = (select(CoachInvitation, User).join(User, User.id == CoachInvitation.coach_id)
             .where(CoachInvitation.invitee_name == bindparam("name"),
                    CoachInvitation.status == "pending", CoachInvitation.expires_at > bindparam("now"))
             .order_by(CoachInvitation.created_at.desc()))


def open_for(db: Session, athlete: Actor) -> list[tuple[CoachInvitation, User]]:
    """Open invitations by name for this user, newest first, each with its coach."""
    rows = db.execute(_OPEN_FOR, {"name": athlete.name, "now": utcnow()})
    return [(invitation, coach) for invitation, coach in rows]


def sent_by(db: Session, coach: Actor) -> list[CoachInvitation]:
    """The coach's open invitations and the declined ones, newest first."""
    return list(db.scalars(select(CoachInvitation).where(
        CoachInvitation.coach_id == coach.id,
        ((CoachInvitation.status == "pending") & (CoachInvitation.expires_at > utcnow()))
        | (CoachInvitation.status == "declined")).order_by(CoachInvitation.created_at.desc())))



def links(db: Session, actor: Actor) -> list[tuple[CoachLink, User]]:
    """Coaching links involving this user (active and ended), with the other person."""
    other = CoachLink.athlete_id if actor.is_coach else CoachLink.coach_id
    mine = CoachLink.coach_id if actor.is_coach else CoachLink.athlete_id
    rows = db.execute(select(CoachLink, User).join(User, User.id == other)
                      .where(mine == actor.id, CoachLink.status != "invited").order_by(User.name))
    return [(link, user) for link, user in rows]
