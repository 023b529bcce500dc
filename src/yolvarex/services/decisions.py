"""The verdict of a stored athlete's day, with every tree's path (the day's facts from the store,
the coach trees that apply); other pillars call `decide_day(db, actor, day, athlete_id)`. A day
decided from what is passed in, with the same engine, is `verdict.decide_stateless`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.facts import Facts
from yolvarex.domain.trees import Decision, Engine
from yolvarex.errors import NotFound
from yolvarex.services import custom_trees, day_state, days
from yolvarex.services.facts import facts_for_day
from yolvarex.services.training_load import LoadFacts
from yolvarex.services.verdict import shipped_engine
from yolvarex.store import models
from yolvarex.store.access import Actor, scope


def engine_with(coach_trees: Sequence[custom_trees.StoredTree]) -> Engine:
    """The shipped trees and the coach trees that apply to an athlete (invalid ones skipped)."""
    return _engine_with([(s.owner, s.source) for s in coach_trees])


def _engine_with(trees: Sequence[tuple[str, str]]) -> Engine:
    """The shipped engine plus coach trees given as (owner, YAML source)."""
    extra = [c for owner, source in trees if (c := custom_trees.compiled(source, owner)) is not None]
    engine = shipped_engine()
    return engine.with_compiled(extra) if extra else engine


@dataclass(frozen=True)
class DayInputs:
    """What a stored day's decision is made from: the day's facts, the coach trees that apply
    (owner, YAML source), and whether the runner checked in that day. Kept as the day's state
    (`services.day_state`); deciding again from it runs every tree, red flags first among
    equals, exactly as a fresh decision does."""

    facts: Facts
    trees: tuple[tuple[str, str], ...]
    checked_in: bool

    def decide(self) -> Decision:
        return _engine_with(self.trees).decide(self.facts)

    def to_json(self) -> str:
        facts = {k: list(v) if isinstance(v, tuple) else v for k, v in self.facts.values.items()}
        return json.dumps({"day": self.facts.day.isoformat(), "facts": facts,
                           "trees": self.trees, "checked_in": self.checked_in})

    @classmethod
    def from_json(cls, text: str) -> DayInputs:
        data = json.loads(text)
        facts = {k: tuple(v) if isinstance(v, list) else v for k, v in data["facts"].items()}
        return cls(Facts(dt.date.fromisoformat(data["day"]), facts),
                   tuple((owner, source) for owner, source in data["trees"]), data["checked_in"])


INPUTS = day_state.Codec(DayInputs.to_json, DayInputs.from_json)


def day_inputs(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
               load: LoadFacts | None = None) -> DayInputs:
    """A stored athlete's day as the trees read it: kept as the day's state unless `load` (a
    squad's load facts) is given."""
    mine = scope(db, actor, athlete_id)
    athlete_id = mine.athlete_id

    def fresh() -> DayInputs:
        checked_in = db.scalar(
            mine.select(models.CheckIn.id).where(models.CheckIn.date == day)) is not None
        trees = tuple((s.owner, s.source) for s in custom_trees.applying_to(db, actor, athlete_id))
        return DayInputs(facts_for_day(db, actor, day, athlete_id, load), trees, checked_in)

    if load is not None:
        return fresh()
    today = days.today_of(db, actor, athlete_id)
    return day_state.known(db, athlete_id, today, day, f"decision:{day.isoformat()}", INPUTS, fresh)


def decide_day(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
               load: LoadFacts | None = None) -> Decision:
    """The decision for a stored athlete's day: their check-in, history, and coach trees
    (`load`: that day's load facts when the caller computed them for a squad)."""
    return day_inputs(db, actor, day, athlete_id, load).decide()


def todays_decision(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
                    load: LoadFacts | None = None) -> Decision | None:
    """The day's decision as the faces show it: once the runner has checked in that day, or
    without a check-in when an illness reported at the last one is carried forward (a fever
    yesterday is not forgotten because today's check-in is missing). Otherwise None: the
    verdict waits for the check-in. The one rule for Today, the Plan page, the coach's board
    and the routine suggestions."""
    decision, shown = day_decision(db, actor, day, athlete_id, load)
    return decision if shown else None


def day_decision(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
                 load: LoadFacts | None = None) -> tuple[Decision, bool]:
    """The day's full decision, and whether it is shown as the day's verdict (see
    `todays_decision`); the coach's board reads the load tree's path from it either way."""
    inputs = day_inputs(db, actor, day, athlete_id, load)
    decision = inputs.decide()
    return decision, shown(decision, inputs.checked_in)


def shown(decision: Decision, checked_in: bool) -> bool:
    """Whether the day's decision is its verdict: after the day's check-in, or with an illness
    carried forward from the last one (see `todays_decision`)."""
    return bool(checked_in or decision.facts.values.get("carried_symptoms"))


@dataclass(frozen=True)
class TreeInfo:
    id: str  # "red-flags" for a shipped tree, "kim/hill-legs" for a coach's tree
    tree: Tree

    @property
    def title(self) -> str:
        return self.tree.title

    @property
    def owner(self) -> str | None:
        return self.tree.owner

    def summary(self) -> TreeSummary:
        return TreeSummary(id=self.id, title=self.title, summary=self.tree.summary, owner=self.owner)

    def document(self) -> dict[str, Any]:
        """The whole tree as JSON, under the id it is known by here."""
        return {"id": self.id, **self.tree.model_dump(mode="json", by_alias=True, exclude={"id"})}


@dataclass(frozen=True)
class TreeSummary:
    id: str
    title: str
    summary: str
    owner: str | None  # the coach who wrote it; None for a shipped tree


def shipped_trees() -> list[TreeInfo]:
    return [TreeInfo(c.id, c.source) for c in shipped_engine().trees]


def trees_for(db: Session, actor: Actor, athlete_id: int | None = None) -> list[TreeInfo]:
    """Every tree that decides for this athlete: the shipped ones, then their coaches'."""
    own = [TreeInfo(f"{s.owner}/{s.tree_id}", s.tree)
           for s in custom_trees.applying_to(db, actor, athlete_id) if s.tree is not None]
    return shipped_trees() + own


def tree_named(db: Session | None, actor: Actor | None, tree_id: str) -> TreeInfo:
    """A shipped tree by id, or (with a user) a coach's tree that applies to them."""
    for info in shipped_trees():
        if info.id == tree_id:
            return info
    if db is not None and actor is not None:
        for info in trees_for(db, actor):
            if info.id == tree_id:
                return info
    raise NotFound(f"There is no tree called {tree_id!r}.")

