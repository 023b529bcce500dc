"""Writes for one athlete that must not interleave: a duplicate check and the insert after it.

`hold_athlete` locks the athlete's `users` row until the transaction ends, so a second request
for the same athlete (a double submit, two tabs, a second worker) waits and then sees the first
one's rows. PostgreSQL takes a row lock (`SELECT ... FOR UPDATE`); SQLite has no row locks, and
a no-op write takes its database write lock (waiting up to the busy timeout) instead.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from yolvarex.store.models import User


def hold_athlete(db: Session, athlete_id: int) -> None:
    """Lock the athlete's row for the rest of the transaction (see the module doc)."""
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text("UPDATE users SET id = id WHERE id = :id"), {"id": athlete_id})
    else:
        db.execute(select(User.id).where(User.id == athlete_id).with_for_update())
