"""The one door to an athlete's rows: a `Scope` says whose rows an actor reaches, and how.

`scope(db, actor, athlete_id, action)` checks once who may do what and returns the scope; every
query for athlete-owned data is built by it (`scope.select`, `scope.get`), so it is already
narrowed to that athlete's rows, and every new row is made by it (`scope.new`, `scope.upsert`),
so it already belongs to that athlete. An athlete reaches only their own rows. A coach reaches an
athlete's rows to read them, and to write plans and trees for them, only while the athlete has
accepted the coach's invitation. Anything else looks exactly like a row that does not exist.
`squad()` does the same for a coach's athletes at once; `owned()` reaches one row by id when the
owner is not known yet. `tests/test_access_door.py` fails on any query or new row that goes
around them.
A `Scope` or a `Squad` is made only here, after the check: built anywhere else, it refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, overload

from sqlalchemy import ColumnElement, Delete, Select, Update, delete, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from yolvarex.errors import NotFound
from yolvarex.store.models import CoachLink, OwnedMixin, User
from yolvarex.store.upsert import upsert

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

Row = TypeVar("Row", bound=OwnedMixin)

#: Held by every scope and squad made by this module's checks; one built elsewhere lacks it.
_CHECKED = object()


class Unchecked(TypeError):
    """A scope or a squad built around the access check (a programming error, never a user's)."""


def _made_here(checked: object) -> None:
    if checked is not _CHECKED:
        raise Unchecked("a Scope or Squad is made by access.scope(), reach() or squad(), "
                        "which check who may reach whom")


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


def _coached(db: Session, actor: Actor) -> list[int]:
    if not actor.is_coach:
        return []
    return list(db.scalars(select(CoachLink.athlete_id).where(
        CoachLink.coach_id == actor.id, CoachLink.status == "active")))


def _coaches_of(athlete_ids: Iterable[int]) -> Select[int]:
    return select(CoachLink.coach_id).where(CoachLink.athlete_id.in_(list(athlete_ids)),
                                            CoachLink.status == "active")


def allowed(db: Session, actor: Actor, athlete_id: int, action: Action = Action.READ) -> bool:
    if athlete_id == actor.id:
        return True
    if action is Action.WRITE or not actor.is_coach:
        return False
    return athlete_id in _coached(db, actor)


def _owned_of(entity: Any) -> type[OwnedMixin] | None:
    owner = entity.class_ if isinstance(entity, InstrumentedAttribute) else entity
    return owner if isinstance(owner, type) and issubclass(owner, OwnedMixin) else None


def _scoped(entities: tuple[Any, ...],
            model: type[OwnedMixin] | None) -> tuple[Select[Any], type[OwnedMixin]]:
    """`select(*entities)` and the athlete-owned model whose rows it reads: `model`, else the
    first owned model or owned model's column among the entities."""
    found = [m for m in map(_owned_of, entities) if m is not None]
    owner = model or (found[0] if found else None)
    if owner is None:
        raise TypeError("a scoped query selects an athlete-owned model or one of its columns")
    stmt = select(*entities)
    return (stmt if found else stmt.select_from(owner)), owner


def _label(model: type[OwnedMixin]) -> str:
    return str(model.__tablename__).rstrip("s").replace("_", " ")  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Scope:
    """One athlete's rows as one actor may reach them (checked when the scope was made)."""

    db: Session
    actor: Actor
    athlete_id: int
    action: Action = Action.READ
    checked: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        _made_here(self.checked)

    @property
    def is_own(self) -> bool:
        return self.athlete_id == self.actor.id

    def owns(self, model: type[OwnedMixin]) -> ColumnElement[bool]:
        """The condition that keeps `model`'s rows to this athlete (for a join's second model)."""
        return model.user_id == self.athlete_id

    @overload
    def select(self, entity: type[Row], /) -> Select[Row]: ...
    @overload
    def select(self, *entities: Any, model: type[OwnedMixin] | None = None) -> Select[Any]: ...
    def select(self, *entities: Any, model: type[OwnedMixin] | None = None) -> Select[Any]:
        """`select(*entities)` narrowed to this athlete's rows of `model` (found from entities)."""
        stmt, owner = _scoped(entities, model)
        return stmt.where(self.owns(owner))

    def from_coaches(self, model: type[Row]) -> Select[Row]:
        """Rows of `model` kept by the athlete's active coaches or by the athlete (a coach's
        decision trees apply to the athletes they coach)."""
        return select(model).where(or_(model.user_id == self.athlete_id,
                                       model.user_id.in_(_coaches_of([self.athlete_id]))))

    def _writes(self) -> None:
        if self.action is Action.READ and not self.is_own:
            raise NotFound("no such athlete")  # a read-only scope never changes their rows

    def delete(self, model: type[OwnedMixin]) -> Delete:
        self._writes()
        return delete(model).where(self.owns(model))

    def update(self, model: type[OwnedMixin]) -> Update:
        self._writes()
        return update(model).where(self.owns(model))

    def _owned_values(self, values: dict[str, Any]) -> dict[str, Any]:
        self._writes()
        if "user_id" in values:
            raise TypeError("a scope's new row belongs to the scope's athlete; give no user_id")
        return {"user_id": self.athlete_id, **values}

    def new(self, model: type[Row], /, **values: Any) -> Row:
        """A new row of `model` owned by this athlete (for the caller to add to the session)."""
        return model(**self._owned_values(values))

    def upsert(self, model: type[OwnedMixin], /, **values: Any) -> sqlite.Insert | postgresql.Insert:
        """The dialect's `insert(model)` of one row owned by this athlete, for the caller's
        `on_conflict_do_update` (one statement, so two writers of a new key both succeed)."""
        return upsert(self.db.get_bind().dialect, model).values(**self._owned_values(values))

    def as_squad(self) -> Squad:
        """The same reach as a squad of one (for queries written for many athletes)."""
        return Squad(self.db, self.actor, (self.athlete_id,), _CHECKED)

    def get(self, model: type[Row], row_id: int | None) -> Row:
        """This athlete's row by id; NotFound when it is missing or someone else's."""
        row = self.db.get(model, row_id) if row_id is not None else None
        if row is None or row.user_id != self.athlete_id:
            raise NotFound(f"no such {_label(model)}")
        return row

    def find(self, model: type[Row], row_id: int | None) -> Row | None:
        """Like `get`, but None for a row that is missing or not this athlete's."""
        try:
            return self.get(model, row_id)
        except NotFound:
            return None


def scope(db: Session, actor: Actor, athlete_id: int | None = None,
          action: Action = Action.READ) -> Scope:
    """The actor's reach into one athlete's rows (their own when `athlete_id` is None)."""
    athlete = actor.id if athlete_id is None else athlete_id
    if not allowed(db, actor, athlete, action):
        raise NotFound("no such athlete")
    return Scope(db, actor, athlete, action, _CHECKED)


def reach(db: Session, actor: Actor, model: type[Row], row_id: int,
          action: Action = Action.READ) -> tuple[Scope, Row]:
    """One athlete-owned row by id and the scope of its owner, or NotFound when the row is
    missing or not the actor's to reach."""
    row = db.get(model, row_id)
    if row is None or not allowed(db, actor, row.user_id, action):
        raise NotFound(f"no such {_label(model)}")
    return Scope(db, actor, row.user_id, action, _CHECKED), row


def owned(db: Session, actor: Actor, model: type[Row], row_id: int,
          action: Action = Action.READ) -> Row:
    """Load one athlete-owned row by id, or raise NotFound when it is missing or not yours."""
    return reach(db, actor, model, row_id, action)[1]


@dataclass(frozen=True)
class Squad:
    """Several athletes' rows read at once (a coach's squad), each reachable by the actor."""

    db: Session
    actor: Actor
    athlete_ids: tuple[int, ...]
    checked: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        _made_here(self.checked)

    def among(self, athlete_ids: Iterable[int]) -> Squad:
        """The same reach narrowed to some of its athletes (never widened)."""
        ids = tuple(athlete_ids)
        if not set(ids) <= set(self.athlete_ids):
            raise NotFound("no such athlete")
        return Squad(self.db, self.actor, ids, _CHECKED)

    def select(self, *entities: Any, model: type[OwnedMixin] | None = None) -> Select[Any]:
        stmt, owner = _scoped(entities, model)
        return stmt.where(owner.user_id.in_(self.athlete_ids))

    def from_coaches(self, model: type[Row]) -> Select[Row]:
        """`Scope.from_coaches` for every athlete of the squad."""
        return select(model).where(or_(model.user_id.in_(self.athlete_ids),
                                       model.user_id.in_(_coaches_of(self.athlete_ids))))


def squad(db: Session, actor: Actor, athlete_ids: Iterable[int] | None = None) -> Squad:
    """Read access to many athletes in one query; None means every athlete the actor coaches."""
    if athlete_ids is None:
        return Squad(db, actor, tuple(_coached(db, actor)), _CHECKED)
    ids = tuple(athlete_ids)
    others = set(ids) - {actor.id}
    if others and (not actor.is_coach or not others <= set(_coached(db, actor))):
        raise NotFound("no such athlete")
    return Squad(db, actor, ids, _CHECKED)
