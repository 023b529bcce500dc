"""Sign up, log in, web sessions, API tokens and coach links."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Engine, bindparam, delete, event, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, SessionTransaction

from yolvarex import logs
from yolvarex.errors import Busy, Conflict, Invalid, NotFound, Unauthorized
from yolvarex.services import login_throttle
from yolvarex.services.days import checked_zone
from yolvarex.store.access import Actor
from yolvarex.store.models import ApiToken, CoachInvitation, CoachLink, User, WebSession
from yolvarex.store.types import utcnow

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("athlete", "coach")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,38}[a-z0-9]$")
MIN_PASSWORD = 8
SESSION_DAYS = 30


@cache
def _hasher() -> PasswordHasher:
    """argon2, loaded by the first password hashed or checked (not by every CLI command)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


_dummy: list[str] = []
_dummy_lock = threading.Lock()


def _dummy_hash() -> str:
    """A hash to check unknown names against, so they take as long as known ones. Made once, on
    the first login with an unknown name, not at import (every CLI command imports this module);
    made under the lock and a hashing slot, so a crowd of first logins makes it once, not once
    each (each hash takes 64 MiB)."""
    with _dummy_lock:
        if not _dummy:
            _dummy.append(hash_password("not a real password, used to keep timing even"))
        return _dummy[0]


#: Password hashes computed at once in this process. Each argon2 hash takes 64 MiB and a core
#: for up to half a second; unbounded, 32 wrong passwords at once took a gigabyte and the
#: health check 12 s. A caller that cannot get a slot within HASH_WAIT_S is told to retry.
HASH_SLOTS = max(1, min(4, os.cpu_count() or 1))
HASH_WAIT_S = 5.0
_hash_slots = threading.BoundedSemaphore(HASH_SLOTS)

#: How often an API token's `last_used_at` is written at most.
TOKEN_USE_RESOLUTION = dt.timedelta(minutes=1)

log = logs.log


@contextmanager
def _hashing(recheck: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold one of the HASH_SLOTS. While waiting, `recheck` runs now and then (a login's
    throttle: once the account is refused, the attempts queued behind are refused too)."""
    deadline = time.monotonic() + HASH_WAIT_S
    while True:
        if recheck is not None:
            recheck()
        left = deadline - time.monotonic()
        if _hash_slots.acquire(timeout=max(0.0, min(0.5, left))):
            break
        if left <= 0.5:
            raise Busy("The server is busy checking other passwords; try again in a few "
                       "seconds.", retry_after=2)
    try:
        if recheck is not None:
            recheck()
        yield
    finally:
        _hash_slots.release()


def hash_password(password: str) -> str:
    with _hashing():
        return _hasher().hash(password)


def _verify(stored: str, password: str, recheck: Callable[[], None] | None = None) -> bool:
    """Whether the password matches the hash (see `_hashing` for `recheck`)."""
    with _hashing(recheck):
        return _matches(stored, password)


def _matches(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


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
                password_hash=hash_password(password) if password is not None else None)
    db.add(user)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise Conflict(f"The user name {name!r} is taken; choose another.") from None
    return user


@dataclass(frozen=True)
class PasswordChanged:
    sessions_ended: int
    tokens_revoked: int


def set_password(db: Session, user: User, password: str,
                 keep_session_id: int | None = None) -> PasswordChanged:
    """A new password; every web session but `keep_session_id` (the one changing it) ends, and
    every API token is revoked: whoever knew the old password may have made one."""
    check_password(password)
    user.password_hash = hash_password(password)
    ended = end_other_sessions(db, user.id, keep_session_id)
    now = utcnow()
    revoked = db.execute(update(ApiToken).where(ApiToken.user_id == user.id,
                                                ApiToken.revoked_at.is_(None))
                         .values(revoked_at=now).execution_options(synchronize_session="fetch"))
    db.flush()
    return PasswordChanged(sessions_ended=ended, tokens_revoked=_rowcount(revoked))


def _rowcount(result: object) -> int:
    count = getattr(result, "rowcount", 0)
    return int(count) if isinstance(count, int) and count > 0 else 0


def change_password(db: Session, user: User, current: str, new: str,
                    keep_session_id: int | None = None,
                    address: str | None = None) -> PasswordChanged:
    """The web's password change: the current password first (`confirm_password`), then as
    `set_password`."""
    if not user.password_hash:
        raise Invalid("This account has no password to change; set one with "
                      f"`yolvarex user password {user.name}`.")
    try:
        confirm_password(db, user, current, address)
    except Unauthorized:
        raise Invalid("Your current password is not that; type it again.") from None
    return set_password(db, user, new, keep_session_id)


def confirm_password(db: Session, user: User, password: str, address: str | None = None) -> None:
    """A signed-in user confirms an action with their password: checked as a login is, and
    throttled with the logins (a session someone else holds must not become a way to guess it
    at the hashing's speed). Unauthorized when it is not theirs; TooManyRequests while waiting."""
    authenticate(db, user.name, password, address)


def user_named(db: Session, name: str) -> User:
    user = db.scalar(select(User).where(User.name == name.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user called {name!r}; create one with "
                       f"`yolvarex user create {name}`.")
    return user


def authenticate(db: Session, name: str, password: str, address: str | None = None) -> User:
    """The user whose name and password these are, or Unauthorized (same message either way).

    Throttled per account and per address (`login_throttle`): while either waits, the attempt
    is refused with TooManyRequests before any hashing.
    """
    engine = db.get_bind()
    assert isinstance(engine, Engine)
    login_throttle.check(engine, name, address)
    # Read on a short connection of its own: no connection is held while waiting to hash.
    with engine.connect() as conn:
        found = conn.execute(select(User.id, User.password_hash)
                             .where(User.name == name.strip().lower())).first()
    stored = found.password_hash if found is not None and found.password_hash else _dummy_hash()
    ok = _verify(stored, password[:1024], recheck=lambda: login_throttle.check(engine, name, address)) \
        and found is not None and found.password_hash is not None
    user = None
    if ok and found is not None:
        # before the session takes a connection: none is held while waiting for another
        login_throttle.record_success(engine, name)
        user = db.get(User, found.id)  # None when deleted since it was read
    if user is None:
        login_throttle.record_failure(engine, name, address)
        logs.event("login refused", logging.WARNING, name=name.strip().lower()[:40],
                   address=address, known_user=found is not None)
        raise Unauthorized("That user name and password do not match. Check both and try again.")
    if _hasher().check_needs_rehash(stored):
        user.password_hash = hash_password(password)
    return user


# Web sessions ---------------------------------------------------------------------------------

def start_web_session(db: Session, user: User) -> tuple[str, WebSession]:
    """A new session with its own CSRF token (so a login rotates it); expired sessions of
    everyone are deleted on the way."""
    db.execute(delete(WebSession).where(WebSession.expires_at <= utcnow()))
    token = secrets.token_urlsafe(32)
    session = WebSession(user_id=user.id, token_hash=_digest(token),
                         csrf_token=secrets.token_urlsafe(32),
                         expires_at=utcnow() + dt.timedelta(days=SESSION_DAYS))
    db.add(session)
    db.flush()
    return token, session


#: Read on every request (a page's session, an API call's token): built once, only the values vary.
_WEB_SESSION = select(WebSession, User).join(User, User.id == WebSession.user_id).where(
    WebSession.token_hash == bindparam("digest"), WebSession.expires_at > bindparam("now"))
_API_TOKEN = select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(
    ApiToken.token_hash == bindparam("digest"))


def web_session(db: Session, token: str | None) -> tuple[WebSession, User] | None:
    if not token:
        return None
    found = db.execute(_WEB_SESSION, {"digest": _digest(token), "now": utcnow()}).first()
    return None if found is None else (found[0], found[1])


def end_other_sessions(db: Session, user_id: int, keep_session_id: int | None) -> int:
    """End every web session of the user except `keep_session_id`; how many ended."""
    stmt = delete(WebSession).where(WebSession.user_id == user_id)
    if keep_session_id is not None:
        stmt = stmt.where(WebSession.id != keep_session_id)
    return _rowcount(db.execute(stmt.execution_options(synchronize_session="fetch")))


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


_USES_TO_NOTE = "accounts.token_uses"


def user_for_token(db: Session, token: str) -> User:
    """The token's user. Reading does not write: `last_used_at` is recorded at most once per
    `TOKEN_USE_RESOLUTION`, in its own short transaction once the caller's unit of work has
    ended and given back its connection (`_note_token_uses`; taking a second pooled connection
    while holding one, 15 requests at once with a token unused for a minute held the whole pool
    and waited for each other until the pool timed out)."""
    found = db.execute(_API_TOKEN, {"digest": _digest(token)}).first()
    if found is None or found[0].revoked_at is not None:
        raise Unauthorized("This API token is not valid or was revoked; create a new one with "
                           "`yolvarex token create NAME`.")
    row, user = found[0], found[1]
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at >= TOKEN_USE_RESOLUTION:
        db.info.setdefault(_USES_TO_NOTE, {})[row.id] = now
    return user


def _note_token_uses(db: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None or _USES_TO_NOTE not in db.info:
        return  # a savepoint ended, or no token to note
    engine = db.get_bind()
    assert isinstance(engine, Engine)
    for token_id, now in db.info.pop(_USES_TO_NOTE).items():
        note_token_use(engine, token_id, now)


event.listen(Session, "after_transaction_end", _note_token_uses)


def note_token_use(engine: Engine, token_id: int, now: dt.datetime) -> bool:
    """Record a token's use unless another request did within the last minute; best effort (a
    busy database costs the record, never the request). Whether this call wrote it."""
    try:
        with engine.begin() as conn:
            result = conn.execute(update(ApiToken).where(
                ApiToken.id == token_id,
                (ApiToken.last_used_at.is_(None))
                | (ApiToken.last_used_at <= now - TOKEN_USE_RESOLUTION)).values(last_used_at=now))
            return _rowcount(result) > 0
    except SQLAlchemyError as exc:
        log.warning("could not record the use of API token %s: %s", token_id, exc)
        return False


def list_api_tokens(db: Session, actor: Actor) -> list[ApiToken]:
    return list(db.scalars(select(ApiToken).where(ApiToken.user_id == actor.id)
                           .order_by(ApiToken.created_at.desc())))


def revoke_api_token(db: Session, actor: Actor, token_id: int) -> None:
    row = db.get(ApiToken, token_id)
    if row is None or row.user_id != actor.id:
        raise NotFound("no such API token")
    if row.revoked_at is None:
        row.revoked_at = utcnow()


# Coach links (see `invitations`; these keep the older names) ----------------------------------

def invite_athlete(db: Session, coach: Actor, athlete_name: str) -> CoachInvitation:
    from yolvarex.services import invitations

    return invitations.invite_by_name(db, coach, athlete_name)


def accept_coach(db: Session, athlete: Actor, invitation_id: int) -> CoachLink:
    from yolvarex.services import invitations

    return invitations.accept(db, athlete, invitation_id)


def revoke_coach(db: Session, actor: Actor, link_id: int) -> CoachLink:
    """Either side ends coaching; the coach loses access at once."""
    from yolvarex.services import invitations

    return invitations.end_link(db, actor, link_id)


def compare_tokens(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
