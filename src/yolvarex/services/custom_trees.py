"""Decision trees a coach writes: stored as YAML, validated like the shipped ones, and applied
to the coach's active athletes (and to the coach), next to the shipped trees.

Only coaches write trees. A coach reads and changes only their own; an athlete reads the trees
of the coaches they have accepted. A stored tree that no longer passes the validator (say, an
evidence id was removed from the library) is skipped in decisions and shown with its errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.trees import CompiledTree
from yolvarex.errors import Conflict, Forbidden, Invalid, NotFound
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope, squad

if TYPE_CHECKING:
    from yolvarex.content.loader import ContentError

MAX_TREES_PER_COACH = 50


@dataclass(frozen=True)
class StoredTree:
    tree_id: str
    owner: str
    source: str
    updated_at: dt.datetime
    tree: Tree | None
    errors: tuple[ContentError, ...]

    @property
    def valid(self) -> bool:
        return self.tree is not None


@lru_cache(maxsize=1024)
def _parsed(source: str, owner: str) -> tuple[Tree | None, tuple[ContentError, ...]]:
    from yolvarex.content.tree_rules import parse_tree_source  # YAML, only for a coach's tree

    tree, errors = parse_tree_source(source, library(), file=f"{owner}'s tree", owner=owner)
    return tree, tuple(errors)


@lru_cache(maxsize=1024)
def compiled(source: str, owner: str) -> CompiledTree | None:
    tree, _ = _parsed(source, owner)
    return None if tree is None else CompiledTree.of(tree)


def validate_source(source: str, owner: str | None = None) -> tuple[Tree | None, list[ContentError]]:
    """Check a tree's YAML without storing it (the same rules as for the shipped trees)."""
    from yolvarex.content.tree_rules import parse_tree_source

    tree, errors = parse_tree_source(source, library(), file="tree.yaml", owner=owner)
    return tree, errors


def _stored(row: models.CustomTree, owner: str) -> StoredTree:
    tree, errors = _parsed(row.source, owner)
    return StoredTree(row.tree_id, owner, row.source, row.updated_at, tree, errors)


def _require_coach(actor: Actor) -> None:
    if not actor.is_coach:
        raise Forbidden("Only coaches write decision trees. Your trees would apply to the "
                        "athletes who accepted you as their coach.")


def list_own(db: Session, actor: Actor) -> list[StoredTree]:
    rows = db.scalars(scope(db, actor).select(models.CustomTree).order_by(models.CustomTree.tree_id))
    return [_stored(r, actor.name) for r in rows]


def _row(db: Session, actor: Actor, tree_id: str) -> models.CustomTree | None:
    return db.scalar(scope(db, actor).select(models.CustomTree).where(
        models.CustomTree.tree_id == tree_id))


def get_own(db: Session, actor: Actor, tree_id: str) -> StoredTree:
    row = _row(db, actor, tree_id)
    if row is None:
        raise NotFound(f"You have no tree called {tree_id!r}.")
    return _stored(row, actor.name)


def save(db: Session, actor: Actor, source: str, replace: str | None = None) -> Tree:
    """Store a valid tree. `replace` names the tree being edited (its id may change).

    Without `replace`, an existing tree with the same id is a conflict.
    """
    _require_coach(actor)
    mine = scope(db, actor, action=Action.WRITE)
    tree, errors = validate_source(source, owner=actor.name)
    if tree is None:
        raise Invalid("The tree has errors; nothing was saved.", details=[str(e) for e in errors])
    existing = _row(db, actor, tree.id)
    if existing is not None and replace != tree.id:
        raise Conflict(f"You already have a tree called {tree.id!r}; edit that one or choose "
                       "another id.")
    old = _row(db, actor, replace) if replace else None
    if replace and old is None:
        raise NotFound(f"You have no tree called {replace!r}.")
    if old is None:
        count = len(list(db.scalars(mine.select(models.CustomTree.id))))
        if count >= MAX_TREES_PER_COACH:
            raise Conflict(f"You have {count} trees, the most allowed; delete one first.")
        db.add(mine.new(models.CustomTree, tree_id=tree.id, source=source))
    else:
        old.tree_id = tree.id
        old.source = source
    db.flush()
    return tree


def delete(db: Session, actor: Actor, tree_id: str) -> None:
    _require_coach(actor)
    row = _row(db, actor, tree_id)
    if row is None:
        raise NotFound(f"You have no tree called {tree_id!r}.")
    db.delete(row)
    db.flush()


def _coaches_of(db: Session, athlete_id: int) -> list[models.User]:
    return list(db.scalars(select(models.User).join(
        models.CoachLink, models.CoachLink.coach_id == models.User.id).where(
        models.CoachLink.athlete_id == athlete_id, models.CoachLink.status == "active")))


def applying_to_squad(db: Session, actor: Actor, athlete_ids: list[int]) -> dict[int, list[StoredTree]]:
    """`applying_to` for many athletes, in two queries (their active coaches, those coaches' trees)."""
    athletes = squad(db, actor, athlete_ids)
    owners: dict[int, dict[int, str]] = {a: {} for a in athlete_ids}
    for athlete_id, owner_id, name in db.execute(
            select(models.CoachLink.athlete_id, models.User.id, models.User.name)
            .join(models.User, models.User.id == models.CoachLink.coach_id)
            .where(models.CoachLink.athlete_id.in_(athlete_ids), models.CoachLink.status == "active")):
        owners[athlete_id][owner_id] = name
    for user in db.scalars(select(models.User).where(models.User.id.in_(athlete_ids),
                                                     models.User.role == "coach")):
        owners[user.id][user.id] = user.name
    every_owner = {o for found in owners.values() for o in found}
    trees: dict[int, list[models.CustomTree]] = {o: [] for o in every_owner}
    for row in db.scalars(athletes.from_coaches(models.CustomTree).order_by(models.CustomTree.tree_id)):
        if row.user_id in trees:
            trees[row.user_id].append(row)
    return {a: [_stored(r, name) for o, name in sorted(found.items(), key=lambda f: f[1])
                for r in trees[o]] for a, found in owners.items()}


def applying_to(db: Session, actor: Actor, athlete_id: int | None = None) -> list[StoredTree]:
    """The coach trees that apply to an athlete: their active coaches' and, for a coach, their own."""
    mine = scope(db, actor, athlete_id)
    owners = _coaches_of(db, mine.athlete_id)
    athlete = db.get(models.User, mine.athlete_id)
    if athlete is not None and athlete.role == "coach":
        owners.append(athlete)
    kept: dict[int, list[models.CustomTree]] = {}
    for row in db.scalars(mine.from_coaches(models.CustomTree).order_by(models.CustomTree.tree_id)):
        kept.setdefault(row.user_id, []).append(row)
    out: list[StoredTree] = []
    for owner in sorted({o.id: o for o in owners}.values(), key=lambda u: u.name):
        out += [_stored(r, owner.name) for r in kept.get(owner.id, [])]
    return out
