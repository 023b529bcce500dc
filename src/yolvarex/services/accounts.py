"""Sign up, log in, web sessions, API tokens and coach links."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yolvarex.errors import Conflict, Invalid, NotFound, Unauthorized
from yolvarex.services.days import checked_zone
from yolvarex.store.access import Actor
from yolvarex.store.models import ApiToken, CoachLink, User, WebSession
from yolvarex.store.types import utcnow

ROLES = ("athlete", "coach")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,38}[a-z0-9]$")
MIN_PASSWORD = 8
SESSION_DAYS = 30

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, used to keep timing even")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_name(name: str) -> str:
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise Invalid("A user name is 3-40 characters: lowercase letters, digits, '.', '-' or '_',"
                      " starting and ending with a letter or digit.")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Choose a password of at least {MIN_PASSWORD} characters.")
    if len(password) > 1024:
        raise Invalid("That password is too long; use at most 1024 characters.")


def create_user(db: Session, name: str, password: str | None, role: str = "athlete",
                timezone: str | None = None) -> User:
    """A new user; `timezone` (an IANA name) defaults to the server's zone."""
    name = normalise_name(name)
    zone = checked_zone(timezone)
    if role not in ROLES:
        raise Invalid(f"Role must be one of: {', '.join(ROLES)}.")
    if password is not None:
        check_password(password)
    if db.scalar(select(User.id).where(User.name == name)) is not None:
        raise Conflict(f"The user name {name!r} is taken; choose another.")
    user = User(name=name, role=role, settings={}, timezone=zone,
                password_hash=_hasher.hash(password) if password is not None else None)
    db.add(user)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise Conflict(f"The user name {name!r} is taken; choose another.") from None
    return user


def set_password(db: Session, user: User, password: str) -> None:
    check_password(password)
    user.password_hash = _hasher.hash(password)


def user_named(db: Session, name: str) -> User:
    user = db.scalar(select(User).where(User.name == name.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user called {name!r}; create one with "
                       f"`yolvarex user create {name}`.")
    return user


def authenticate(db: Session, name: str, password: str) -> User:
    """The user whose name and password these are, or Unauthorized (same message either way)."""
    user = db.scalar(select(User).where(User.name == name.strip().lower()))
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
        ok = user is not None and user.password_hash is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        raise Unauthorized("That user name and password do not match. Check both and try again.")
    if _hasher.check_needs_rehash(stored):
        user.password_hash = _hasher.hash(password)
    return user


# Web sessions ---------------------------------------------------------------------------------

def start_web_session(db: Session, user: User) -> tuple[str, WebSession]:
    token = secrets.token_urlsafe(32)
    session = WebSession(user_id=user.id, token_hash=_digest(token),
                         csrf_token=secrets.token_urlsafe(32),
                         expires_at=utcnow() + dt.timedelta(days=SESSION_DAYS))
    db.add(session)
    db.flush()
    return token, session


def web_session(db: Session, token: str | None) -> tuple[WebSession, User] | None:
    if not token:
        return None
    row = db.scalar(select(WebSession).where(WebSession.token_hash == _digest(token)))
    if row is None or row.expires_at <= utcnow():
        return None
    user = db.get(User, row.user_id)
    return (row, user) if user is not None else None


def end_web_session(db: Session, token: str | None) -> None:
    if token:
        row = db.scalar(select(WebSession).where(WebSession.token_hash == _digest(token)))
        if row is not None:
            db.delete(row)


# API tokens -----------------------------------------------------------------------------------

TOKEN_PREFIX = "yvx_"  # noqa: S105 - a visible prefix, not a secret


def create_api_token(db: Session, user: User, label: str = "") -> tuple[str, ApiToken]:
    """A new token; only its hash is stored, so the caller must show it now or never."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=_digest(token), label=label.strip()[:80])
    db.add(row)
    db.flush()
    return token, row


def user_for_token(db: Session, token: str) -> User:
    row = db.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None or row.revoked_at is not None:
        raise Unauthorized("This API token is not valid or was revoked; create a new one with "
                           "`yolvarex token create NAME`.")
    row.last_used_at = utcnow()
    user = db.get(User, row.user_id)
    if user is None:
        raise Unauthorized("This API token's user no longer exists.")
    return user


def list_api_tokens(db: Session, actor: Actor) -> list[ApiToken]:
    return list(db.scalars(select(ApiToken).where(ApiToken.user_id == actor.id)
                           .order_by(ApiToken.created_at.desc())))


def revoke_api_token(db: Session, actor: Actor, token_id: int) -> None:
    row = db.get(ApiToken, token_id)
    if row is None or row.user_id != actor.id:
        raise NotFound("no such API token")
    if row.revoked_at is None:
        row.revoked_at = utcnow()


# Coach links ----------------------------------------------------------------------------------

def invite_athlete(db: Session, coach: Actor, athlete_name: str) -> CoachLink:
    if not coach.is_coach:
        raise Invalid("Only coach accounts can invite athletes.")
    athlete = user_named(db, athlete_name)
    if athlete.id == coach.id:
        raise Invalid("You cannot coach yourself.")
    link = db.scalar(select(CoachLink).where(CoachLink.coach_id == coach.id,
                                             CoachLink.athlete_id == athlete.id))
    if link is None:
        link = CoachLink(coach_id=coach.id, athlete_id=athlete.id, status="invited")
        db.add(link)
    elif link.status == "active":
        raise Conflict(f"{athlete.name} already trains with you.")
    else:
        link.status, link.responded_at = "invited", None
    db.flush()
    return link


def _my_link(db: Session, athlete: Actor, link_id: int) -> CoachLink:
    link = db.get(CoachLink, link_id)
    if link is None or link.athlete_id != athlete.id:
        raise NotFound("no such invitation")
    return link


def accept_coach(db: Session, athlete: Actor, link_id: int) -> CoachLink:
    link = _my_link(db, athlete, link_id)
    if link.status != "invited":
        raise Conflict("This invitation is no longer open.")
    link.status, link.responded_at = "active", utcnow()
    return link


def revoke_coach(db: Session, athlete: Actor, link_id: int) -> CoachLink:
    """The athlete declines an invitation or ends coaching; the coach loses access at once."""
    link = _my_link(db, athlete, link_id)
    link.status, link.responded_at = "revoked", utcnow()
    return link


def links_for(db: Session, actor: Actor) -> list[tuple[CoachLink, User]]:
    """Invitations and coaching relationships involving this user, with the other person."""
    if actor.is_coach:
        rows = db.execute(select(CoachLink, User).join(User, User.id == CoachLink.athlete_id)
                          .where(CoachLink.coach_id == actor.id).order_by(User.name))
    else:
        rows = db.execute(select(CoachLink, User).join(User, User.id == CoachLink.coach_id)
                          .where(CoachLink.athlete_id == actor.id).order_by(User.name))
    return [(link, user) for link, user in rows]


def compare_tokens(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
