"""Which writes change an athlete's advice: each one bumps `users.advice_revision` of the
athletes concerned, in the same transaction, so what is stored about their day
(`services.day_state`) is never used after its inputs changed.

No write service has to remember it: every write through an ORM session is watched.

- A flush bumps, for each new, changed or deleted row, the athlete it belongs to: its
  `user_id` or `athlete_id`; a strength set, its session's athlete; a user's own row (settings,
  zones, heart rates, time zone, equipment, name), that user.
- A coach's row, a coach's tree or a coaching link also bumps the coach's athletes (a coach's
  trees decide for them, under the coach's name).
- A bulk statement run on a session (`insert`, `update`, `delete`) bumps the athletes its
  VALUES or WHERE name (`user_id == ...`, `user_id IN ...`); when they cannot be read from it,
  every athlete.

Tables nothing of the day is computed from are in `NOT_ADVICE`; `tests/store/test_revisions.py`
fails when a table is neither there nor has an owner this module knows how to find.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table, event, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, BooleanClauseList, ColumnElement

from yolvarex.store.models import Base, CoachLink, CustomTree, StrengthSession, StrengthSet, User

#: Rows no advice is computed from: logins, tokens, throttles, background jobs, kept original
#: files (their activity is the input), invitations (Today reads them live), the stored day
#: state itself.
NOT_ADVICE = frozenset({"web_sessions", "api_tokens", "login_throttle", "import_jobs",
                        "activity_files", "coach_invitations", "day_states"})
OWNER_COLUMNS = ("user_id", "athlete_id")
#: Tables whose owner is a coach whose athletes it also concerns.
COACHING = frozenset({"users", "custom_trees", "coach_links"})

_USERS: Table = User.__table__  # type: ignore[assignment]
_LINKS: Table = CoachLink.__table__  # type: ignore[assignment]
EVERYONE = None  # "every athlete": the owners of a write could not be read


def concerns(table: Table) -> bool:
    """Whether writes to this table can change an athlete's advice (and how to tell whose)."""
    return table.name not in NOT_ADVICE


def bump(db: Session, athletes: Iterable[int] | None, coaches: Iterable[int] = ()) -> None:
    """Move the advice revision of these athletes (None: everyone) and of the athletes these
    coaches coach, in the session's transaction."""
    conn = db.connection()
    statement = update(_USERS).values(advice_revision=_USERS.c.advice_revision + 1)
    if athletes is not EVERYONE:
        ids = set(athletes)
        coaches = set(coaches)
        if coaches:
            ids.update(conn.scalars(select(_LINKS.c.athlete_id).where(_LINKS.c.coach_id.in_(coaches))))
            ids.update(coaches)
        if not ids:
            return
        statement = statement.where(_USERS.c.id.in_(sorted(ids)))
    conn.execute(statement)


def _set_owner(db: Session, row: StrengthSet) -> int | None:
    if row.session is not None:
        return row.session.user_id
    return db.scalar(select(StrengthSession.user_id).where(StrengthSession.id == row.session_id))


def _row_owners(db: Session, row: object, athletes: set[int], coaches: set[int]) -> bool:
    """Add the row's athletes (and coaches to fan out to); False when they cannot be told."""
    table: Table = row.__table__  # type: ignore[attr-defined]
    if not concerns(table):
        return True
    if isinstance(row, User):
        if row.id is not None:  # a new account has no advice yet
            athletes.add(row.id)
            coaches.add(row.id)
        return True
    if isinstance(row, StrengthSet):
        owner = _set_owner(db, row)
        if owner is not None:
            athletes.add(owner)
        return owner is not None
    found = False
    for column in OWNER_COLUMNS:
        value = getattr(row, column, None)
        if isinstance(value, int):
            athletes.add(value)
            found = True
    if isinstance(row, CustomTree) and row.user_id is not None:
        coaches.add(row.user_id)
    if isinstance(row, CoachLink) and row.coach_id is not None:
        coaches.add(row.coach_id)
    return found


def _before_flush(db: Session, _flush: UOWTransaction, _instances: Any) -> None:
    athletes: set[int] = set()
    coaches: set[int] = set()
    known = True
    changed = [*db.new, *db.deleted, *(r for r in db.dirty if db.is_modified(r))]
    for row in changed:
        known = _row_owners(db, row, athletes, coaches) and known
    if not known:
        bump(db, EVERYONE)
    elif athletes or coaches:
        bump(db, athletes, coaches)


def _bound(value: Any) -> list[int] | None:
    if isinstance(value, BindParameter):
        value = value.effective_value
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) for v in value):
        return list(value)
    return None


def _where_owners(where: ColumnElement[Any] | None, table: Table) -> list[int] | None:
    """The owners a WHERE clause restricts the rows to (a top-level `owner == x` or
    `owner IN (...)`), or None when it does not."""
    if where is None:
        return None
    terms = list(where.clauses) if (isinstance(where, BooleanClauseList)
                                    and where.operator is operators.and_) else [where]
    keys = ("id",) if table.name == "users" else OWNER_COLUMNS
    for term in terms:
        if (isinstance(term, BinaryExpression) and term.operator in (operators.eq, operators.in_op)
                and getattr(getattr(term.left, "table", None), "name", None) == table.name
                and getattr(term.left, "key", None) in keys):
            ids = _bound(term.right)
            if ids is not None:
                return ids
    return None


def _values_owners(state: ORMExecuteState, table: Table) -> list[int] | None:
    rows: list[Mapping[str, Any]] = []
    params = state.parameters
    if isinstance(params, Mapping):
        rows.append(params)
    elif isinstance(params, (list, tuple)):
        rows.extend(p for p in params if isinstance(p, Mapping))
    statement: Any = state.statement
    rows.append(statement.compile(dialect=state.session.get_bind().dialect).params)
    found: list[int] = []
    for row in rows:
        for column in OWNER_COLUMNS:
            ids = _bound(row.get(column)) if column in table.c else None
            if ids:
                found += ids
    return found or None


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or not concerns(table):
        return
    if state.is_insert:
        owners = _values_owners(state, table)
    else:
        owners = _where_owners(state.statement.whereclause, table)  # type: ignore[attr-defined]
    coaches = owners if owners is not None and table.name in COACHING else ()
    bump(state.session, owners, coaches)


def watched_tables() -> list[Table]:
    """Every table whose writes bump a revision."""
    return [t for t in Base.metadata.sorted_tables if concerns(t)]


def install() -> None:
    """Watch every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "do_orm_execute", _on_execute)
