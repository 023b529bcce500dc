"""The one place that decides who may read or write an athlete's rows.

Every query for athlete-owned data goes through `require()` or `owned()` with the acting user.
An athlete reaches only their own rows. A coach reaches an athlete's rows to read them, and to
write plans and trees for them, only while the athlete has accepted the coach's invitation.
Anything else looks exactly like a row that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex.errors import NotFound
from yolvarex.store.models import CoachLink, OwnedMixin, User

Row = TypeVar("Row", bound=OwnedMixin)


class Action(StrEnum):
    READ = "read"  # see the athlete's data
    WRITE = "write"  # change the athlete's own log, check-ins, settings
    COACH = "coach"  # assign plans and trees to the athlete


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    role: str = "athlete"
    timezone: str = "UTC"  # the IANA zone the actor's own days are cut in

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(id=user.id, name=user.name, role=user.role, timezone=user.timezone or "UTC")

    @property
    def is_coach(self) -> bool:
        return self.role == "coach"


def coached_athlete_ids(db: Session, actor: Actor) -> list[int]:
    if not actor.is_coach:
        return []
    return list(db.scalars(select(CoachLink.athlete_id).where(
        CoachLink.coach_id == actor.id, CoachLink.status == "active")))


def allowed(db: Session, actor: Actor, athlete_id: int, action: Action = Action.READ) -> bool:
    if athlete_id == actor.id:
        return True
    if action is Action.WRITE or not actor.is_coach:
        return False
    return athlete_id in coached_athlete_ids(db, actor)


def require(db: Session, actor: Actor, athlete_id: int, action: Action = Action.READ) -> None:
    if not allowed(db, actor, athlete_id, action):
        raise NotFound("no such athlete")


def require_all(db: Session, actor: Actor, athlete_ids: list[int]) -> None:
    """`require(READ)` for many athletes in one query (a coach's squad)."""
    others = set(athlete_ids) - {actor.id}
    if others and (not actor.is_coach or not others <= set(coached_athlete_ids(db, actor))):
        raise NotFound("no such athlete")


def owned(db: Session, actor: Actor, model: type[Row], row_id: int,
          action: Action = Action.READ) -> Row:
    """Load one athlete-owned row by id, or raise NotFound when it is missing or not yours."""
    row = db.get(model, row_id)
    if row is None or not allowed(db, actor, row.user_id, action):
        raise NotFound(f"no such {model.__tablename__.rstrip('s').replace('_', ' ')}")  # type: ignore[attr-defined]
    return row
