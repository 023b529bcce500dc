"""Store and read the daily check-in of an athlete, always through the ownership check."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from yolvarex.domain.checkin import CheckIn
from yolvarex.errors import NotFound
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope
from yolvarex.store.types import utcnow


def save_checkin(db: Session, actor: Actor, checkin: CheckIn, athlete_id: int | None = None) -> CheckIn:
    """Create or replace the check-in for its date.

    One statement (an upsert on the athlete and date), so two saves for a new day at once (a
    double click, two tabs) both succeed and the later one wins, on SQLite and PostgreSQL.
    """
    mine = scope(db, actor, athlete_id, Action.WRITE)
    data = checkin.model_dump(mode="json", exclude_none=True)
    db.flush()
    now = utcnow()
    stmt = mine.upsert(models.CheckIn, date=checkin.date, data=data, updated_at=now)
    db.execute(stmt.on_conflict_do_update(index_elements=["user_id", "date"],
                                          set_={"data": data, "updated_at": now}))
    for obj in list(db.identity_map.values()):
        if isinstance(obj, models.CheckIn) and obj.user_id == mine.athlete_id \
                and obj.date == checkin.date:
            db.expire(obj)
    return checkin


def has_checkin(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> bool:
    """Is there a check-in for this day already?"""
    mine = scope(db, actor, athlete_id)
    return db.scalar(mine.select(models.CheckIn.id).where(models.CheckIn.date == day)) is not None


def get_checkin(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> CheckIn:
    mine = scope(db, actor, athlete_id)
    row = db.scalar(mine.select(models.CheckIn).where(models.CheckIn.date == day))
    if row is None:
        raise NotFound(f"No check-in for {day.isoformat()}.")
    return CheckIn.model_validate(row.data)


def list_checkins(db: Session, actor: Actor, start: dt.date, end: dt.date,
                  athlete_id: int | None = None) -> list[CheckIn]:
    """Check-ins from `start` to `end` inclusive, oldest first."""
    mine = scope(db, actor, athlete_id)
    rows = db.scalars(mine.select(models.CheckIn).where(
        models.CheckIn.date >= start, models.CheckIn.date <= end).order_by(models.CheckIn.date))
    return [CheckIn.model_validate(r.data) for r in rows]
