"""What is already known about an athlete's day: a computed result is kept in the store
(`day_states`) with the inputs it was computed from, and served while they have not changed.

A result is kept under the athlete's local today and a part name (`"today"`,
`"decision:2026-11-30"`, ...), with two stamps:

- `revision`: the athlete's `users.advice_revision`, which every write to what their advice is
  computed from moves in the same transaction (`store.revisions`);
- `build`: a digest of the code and content that computed it (a new version, a changed library).

`known()` reads the part in one query that also compares both stamps; a match is decoded and
returned. Otherwise it reads the athlete's revision first, then computes from the store, then
keeps the result under that revision: a write that commits meanwhile moves the revision, so a
result that may have missed it is never served. A new local day starts with nothing known
(older days' parts are removed when the first part of the day is kept). The state lives in the
database, so every worker and every process (web, API, CLI) shares it.

Only days near today are kept (`WINDOW_DAYS`); a part for another day is computed each time.
Keeping a part never fails a read: when the store is busy it is simply not kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import and_, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.build import build
from yolvarex.store.models import DayState, User

T = TypeVar("T")

#: Parts are kept for days this close to the athlete's today; others are computed each time.
WINDOW_DAYS = 14


@dataclass(frozen=True)
class Codec(Generic[T]):
    """How a result is kept: to text and back (the typed result, equal to what was kept)."""

    dump: Callable[[T], str]
    load: Callable[[str], T]


def typed(kind: Any) -> Codec[Any]:
    """A codec for any type pydantic can validate (dataclasses, models, tuples, enums, dates)."""
    adapter: TypeAdapter[Any] = TypeAdapter(kind)
    return Codec(lambda value: adapter.dump_json(value).decode(), adapter.validate_json)


JSON: Codec[Any] = Codec(lambda value: json.dumps(value, separators=(",", ":")), json.loads)


def revision(db: Session, athlete_id: int) -> int:
    return db.scalar(select(User.advice_revision).where(User.id == athlete_id)) or 0


def kept(db: Session, athlete_id: int, today: dt.date, part: str) -> str | None:
    """The kept payload of a part when its stamps still match (one query), else None."""
    return db.scalar(select(DayState.payload).join(User, and_(
        User.id == DayState.user_id, User.advice_revision == DayState.revision)).where(
        DayState.user_id == athlete_id, DayState.day == today, DayState.part == part,
        DayState.build == build()))


def keep(db: Session, athlete_id: int, today: dt.date, part: str, stamp: int, payload: str) -> None:
    """Keep a part computed at revision `stamp`, unless the store is busy or a newer one is kept."""
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    row = {"user_id": athlete_id, "day": today, "part": part, "revision": stamp,
           "build": build(), "payload": payload, "computed_at": clock.now()}
    try:
        with db.begin_nested():
            db.execute(delete(DayState).where(DayState.user_id == athlete_id, DayState.day != today))
            statement = insert(DayState).values(**row)
            db.execute(statement.on_conflict_do_update(
                index_elements=["user_id", "day", "part"],
                set_={k: statement.excluded[k] for k in ("revision", "build", "payload", "computed_at")},
                where=DayState.revision <= statement.excluded.revision))
    except (OperationalError, IntegrityError):
        return  # busy: the next read computes it again


def known(db: Session, athlete_id: int, today: dt.date, day: dt.date, part: str,
          codec: Codec[T], compute: Callable[[], T]) -> T:
    """The part for `day` (as of the athlete's `today`): kept, or computed and kept. The caller
    has checked that the actor may read this athlete."""
    if abs((day - today).days) > WINDOW_DAYS:
        return compute()
    payload = kept(db, athlete_id, today, part)
    if payload is not None:
        return codec.load(payload)
    stamp = revision(db, athlete_id)  # before reading any input (see the module doc)
    result = compute()
    keep(db, athlete_id, today, part, stamp, codec.dump(result))
    return result


def forget(db: Session, athlete_id: int | None = None) -> None:
    """Drop kept parts (an athlete's, or everyone's): never needed for correctness."""
    statement = delete(DayState)
    if athlete_id is not None:
        statement = statement.where(DayState.user_id == athlete_id)
    db.execute(statement)
