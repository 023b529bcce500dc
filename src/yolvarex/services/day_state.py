"""What is already known about an athlete's day: a computed result is kept in the store
(`day_states`) with the inputs it was computed from, and served while they have not changed.

A result is kept under the athlete's local today and a part name (`"today"`,
`"decision:2026-11-30"`, ...), with two stamps:

- `revision`: the athlete's `users.advice_revision`, which every write to what their advice is
  computed from moves in the same transaction (`store.revisions`);
- `build`: a digest of the code and content that computed it (a new version, a changed library).

`known()` reads the part in one query that also compares both stamps; a match is decoded and
returned. Otherwise it reads the athlete's revision first, then computes from the store, and the
result is kept under that revision: a write that commits meanwhile moves the revision, so a
result that may have missed it is never served. A new local day starts with nothing known
(older days' parts are removed when the first part of the day is kept). The state lives in the
database, so every worker and every process (web, API, CLI) shares it.

A part that is not kept yet is computed once per process for all who ask at once
(`_computed_once`): requests for the same part of the same athlete's day, at the same revision
and on the same database, wait for the first one's result instead of each computing it (50
first reads of a new day at once would otherwise compute it 50 times and queue for pooled
connections). The result is handed over as soon as it is computed, not when it is kept; each
waiting request decodes it with its own codec. A request at another revision never shares it
(it reads its own stamp first, and the stamp is part of the key). A waiting request keeps its
database connection for at most one computation's worth (`WAIT_SECONDS`); when the first one
fails or takes longer, each computes for itself, so waiting never makes an answer wrong, stale
or an error. Across worker processes nothing is shared in memory: each worker computes a new
part at most once, and the first to commit keeps it for all.

A read keeps what it computed, and that is a write, so it is made so that it cannot fail the
read, duplicate a row, or hold up other requests:

- it is made last, when the read's unit of work commits (`_keep_pending`, a `before_commit`
  hook), so no lock is taken while the rest of the request computes; a unit of work that rolls
  back keeps nothing (what it computed may have seen its own writes);
- it is one upsert of the unit's parts in key order (`INSERT ... ON CONFLICT DO UPDATE ... WHERE
  revision <= excluded.revision`): two requests keeping the same part at once both succeed and
  leave one row, the newer stamp winning, and two units take their row locks in the same order;
- it runs in a savepoint: when the store is busy (SQLite's write lock, a PostgreSQL deadlock or
  a user deleted meanwhile) it is simply not kept, and the next read computes it again.

Only days near today are kept (`WINDOW_DAYS`); a part for another day is computed each time.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import and_, bindparam, delete, event, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.build import build
from yolvarex.store.models import DayState, User
from yolvarex.store.upsert import upsert

T = TypeVar("T")

#: Parts are kept for days this close to the athlete's today; others are computed each time.
WINDOW_DAYS = 14
#: How long a request waits for another one computing the same part before computing it itself.
WAIT_SECONDS = 10.0


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


#: The kept payload of a part when both stamps still match, built once (only the values vary).
_KEPT = select(DayState.payload).join(User, and_(
    User.id == DayState.user_id, User.advice_revision == DayState.revision)).where(
    DayState.user_id == bindparam("athlete"), DayState.day == bindparam("today"),
    DayState.part == bindparam("part"), DayState.build == bindparam("build"))
_PENDING = "day_state.pending"


@dataclass
class _Pending:
    """What a unit of work computed and will keep when it commits: (athlete, today, part) to
    (revision it was computed at, payload)."""

    transaction: object
    parts: dict[tuple[int, dt.date, str], tuple[int, str]]


def kept(db: Session, athlete_id: int, today: dt.date, part: str) -> str | None:
    """The kept payload of a part when its stamps still match (one query), else None."""
    return db.scalar(_KEPT, {"athlete": athlete_id, "today": today, "part": part, "build": build()})


def _pending(db: Session) -> _Pending:
    """This unit of work's parts to keep (a new unit starts with none)."""
    root = db.get_transaction()
    found = db.info.get(_PENDING)
    if not isinstance(found, _Pending) or found.transaction is not root:
        found = db.info[_PENDING] = _Pending(root, {})
    return found


def keep(db: Session, rows: dict[tuple[int, dt.date, str], tuple[int, str]]) -> None:
    """Keep parts (athlete, today, part) computed at a revision: one upsert in key order that
    never replaces a newer stamp, after removing those athletes' older days; not at all when the
    store is busy."""
    if not rows:
        return
    now, stamp = clock.now(), build()
    values = [{"user_id": athlete, "day": today, "part": part, "revision": revision,
               "build": stamp, "payload": payload, "computed_at": now}
              for (athlete, today, part), (revision, payload) in sorted(rows.items())]
    try:
        with db.begin_nested():
            for athlete, today in sorted({(a, t) for a, t, _ in rows}):
                db.execute(delete(DayState).where(DayState.user_id == athlete, DayState.day != today))
            statement = upsert(db.get_bind().dialect, DayState).values(values)
            db.execute(statement.on_conflict_do_update(
                index_elements=["user_id", "day", "part"],
                set_={k: statement.excluded[k] for k in ("revision", "build", "payload", "computed_at")},
                where=DayState.revision <= statement.excluded.revision))
    except (OperationalError, IntegrityError):
        return  # busy: the next read computes it again


def _keep_pending(db: Session) -> None:
    if db.in_nested_transaction():  # a savepoint is released: the unit of work goes on
        return
    found = db.info.pop(_PENDING, None)
    if isinstance(found, _Pending) and found.transaction is db.get_transaction():
        keep(db, found.parts)


def _drop_pending(db: Session, *_args: Any) -> None:
    db.info.pop(_PENDING, None)


def known(db: Session, athlete_id: int, today: dt.date, day: dt.date, part: str,
          codec: Codec[T], compute: Callable[[], T]) -> T:
    """The part for `day` (as of the athlete's `today`): kept, or computed (and kept when the
    unit of work commits). The caller has checked that the actor may read this athlete."""
    if abs((day - today).days) > WINDOW_DAYS:
        return compute()
    payload = kept(db, athlete_id, today, part)
    if payload is not None:
        return codec.load(payload)
    stamp = revision(db, athlete_id)  # before reading any input (see the module doc)
    waiting = _pending(db).parts.get((athlete_id, today, part))
    if waiting is not None and waiting[0] == stamp:  # computed earlier in this unit of work
        return codec.load(waiting[1])
    result, payload = _computed_once((db.get_bind(), athlete_id, today, part, stamp), codec, compute)
    _pending(db).parts[(athlete_id, today, part)] = (stamp, payload)
    return result


@dataclass
class _Flight:
    """A part being computed: by which thread, and its payload once computed (None: failed)."""

    leader: int
    done: threading.Event = field(default_factory=threading.Event)
    payload: str | None = None


_flights: dict[Hashable, _Flight] = {}
_flights_lock = threading.Lock()


def _computed_once(key: Hashable, codec: Codec[T], compute: Callable[[], T]) -> tuple[T, str]:
    """The result of `compute` and its payload, computed by the first of the requests asking for
    `key` at once and handed to the others (see the module doc)."""
    me = threading.get_ident()
    with _flights_lock:
        flight = _flights.get(key)
        leading = flight is None
        if flight is None:
            flight = _flights[key] = _Flight(me)
    # Wait for the first one (unless this is it, asking again); when it fails or is slow, the
    # part is computed here too, and kept by whichever unit of work commits.
    if (not leading and flight.leader != me and flight.done.wait(WAIT_SECONDS)
            and flight.payload is not None):
        return codec.load(flight.payload), flight.payload
    try:
        result = compute()
        payload = codec.dump(result)
        if leading:
            flight.payload = payload
        return result, payload
    finally:
        if leading:
            with _flights_lock:
                del _flights[key]
            flight.done.set()


def forget(db: Session, athlete_id: int | None = None) -> None:
    """Drop kept parts (an athlete's, or everyone's): never needed for correctness."""
    statement = delete(DayState)
    if athlete_id is not None:
        statement = statement.where(DayState.user_id == athlete_id)
    db.execute(statement)


def install() -> None:
    """Keep what each unit of work computed when it commits (idempotent)."""
    if not event.contains(Session, "before_commit", _keep_pending):
        event.listen(Session, "before_commit", _keep_pending)
        event.listen(Session, "after_soft_rollback", _drop_pending)


install()
