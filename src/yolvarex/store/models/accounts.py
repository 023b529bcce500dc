"""People and how they prove who they are: users, web sessions, API tokens, coach links and
the invitations that lead to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yolvarex.store.models.base import Base
from yolvarex.store.types import JsonType, UTCDateTime, utcnow


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10), default="athlete")
    settings: Mapped[dict[str, object]] = mapped_column(JsonType, default=dict)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")  # IANA name: the athlete's day
    #: SHA-256 of the private calendar subscription token (/cal/<token>.ics); None: no feed
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: bumped in the same transaction by every write to what this athlete's advice is computed
    #: from (`store.revisions`); the day's stored state is used only while it matches
    advice_revision: Mapped[int] = mapped_column(default=0, server_default="0")


class WebSession(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CoachLink(Base):
    """A coach and an athlete; the coach sees the athlete only while `active`. An accepted
    invitation makes the link; either side ends it (`revoked`). (`invited` is the old way of
    inviting, before `CoachInvitation`; migration 0005 moved those rows there.)"""

    __tablename__ = "coach_links"
    __table_args__ = (UniqueConstraint("coach_id", "athlete_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="invited")  # invited|active|revoked
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CoachInvitation(Base):
    """A coach's invitation, by user name or by a single-use code (only its hash is stored).

    An invitation by name is stored whether or not the name exists, so what the coach sees never
    tells which names do. `status`: pending|accepted|declined|cancelled; a pending one past
    `expires_at` is over.
    """

    __tablename__ = "coach_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invitee_name: Mapped[str | None] = mapped_column(String(40), index=True)
    code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    responded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: who answered (for a code: whoever redeemed it)
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                                   index=True)


class CoachNote(Base):
    """A coach's private note to one athlete for one of the athlete's days."""

    __tablename__ = "coach_notes"
    __table_args__ = (UniqueConstraint("athlete_id", "coach_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LoginThrottle(Base):
    """Failed logins for one key (`user:NAME` or `addr:IP`), so every worker refuses the same
    guesses: after a few failures each further one waits longer (`blocked_until`)."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    blocked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
