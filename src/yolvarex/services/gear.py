"""Shoes: what each pair has covered, which pair a run was in, and when to retire one.

A shoe's distance is its starting distance (what it had before it came into yolvarex) plus the
distance of every activity it is assigned to, summed when asked, so deleting or editing a run
changes it at once. An imported or logged run takes the runner's default shoe: the active
shoe that is the default for its run type, else the active one that is the default for all
runs. A shoe is "near its limit" from `NEAR_SHARE` of its retire-at distance (a coaching
convention: shoes are commonly retired somewhere between 500 and 800 km).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func
from sqlalchemy.orm import Session

from yolvarex.domain.run.kinds import RUN_TYPES
from yolvarex.errors import Invalid
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, owned, reach, scope

NEAR_SHARE = 0.9
DEFAULT_CHOICES = ("all", *RUN_TYPES)


class ShoeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    start_km: float = Field(default=0.0, ge=0, le=10000)
    retire_at_km: float | None = Field(default=None, gt=0, le=10000)
    default_for: str | None = None


@dataclass(frozen=True)
class ShoeView:
    id: int
    name: str
    distance_km: float
    runs: int
    retire_at_km: float | None
    default_for: str | None
    retired_on: dt.date | None

    @property
    def used_share(self) -> float | None:
        return self.distance_km / self.retire_at_km if self.retire_at_km else None

    @property
    def near_limit(self) -> bool:
        share = self.used_share
        return self.retired_on is None and share is not None and share >= NEAR_SHARE

    @property
    def left_km(self) -> float | None:
        return self.retire_at_km - self.distance_km if self.retire_at_km else None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "distance_km": round(self.distance_km, 1),
                "runs": self.runs, "retire_at_km": self.retire_at_km,
                "default_for": self.default_for,
                "retired_on": self.retired_on.isoformat() if self.retired_on else None,
                "near_limit": self.near_limit,
                "left_km": round(self.left_km, 1) if self.left_km is not None else None}


def _check_default(value: str | None) -> str | None:
    if value in (None, "", "none"):
        return None
    if value not in DEFAULT_CHOICES:
        raise Invalid("Choose which runs this shoe is the default for.",
                      details=[f"default_for: one of {', '.join(DEFAULT_CHOICES)}, or none"])
    return value


def _clear_default(mine: Scope, default_for: str | None, keep: int | None) -> None:
    """One default per choice: the new default replaces an older one."""
    if default_for is None:
        return
    for shoe in mine.db.scalars(mine.select(models.Shoe).where(
            models.Shoe.default_for == default_for)):
        if shoe.id != keep:
            shoe.default_for = None


def add_shoe(db: Session, actor: Actor, shoe: ShoeIn, athlete_id: int | None = None) -> ShoeView:
    mine = scope(db, actor, athlete_id, Action.WRITE)
    default_for = _check_default(shoe.default_for)
    _clear_default(mine, default_for, None)
    row = mine.new(models.Shoe, name=shoe.name.strip(), start_m=shoe.start_km * 1000,
                   retire_at_m=shoe.retire_at_km * 1000 if shoe.retire_at_km else None,
                   default_for=default_for)
    db.add(row)
    db.flush()
    return _view(mine, row)


def set_default(db: Session, actor: Actor, shoe_id: int, default_for: str | None) -> ShoeView:
    mine, row = reach(db, actor, models.Shoe, shoe_id, Action.WRITE)
    value = _check_default(default_for)
    _clear_default(mine, value, row.id)
    row.default_for = value
    db.flush()
    return _view(mine, row)


def retire(db: Session, actor: Actor, shoe_id: int, day: dt.date) -> ShoeView:
    """Retire a shoe: it keeps its runs and distance but is no longer anyone's default."""
    mine, row = reach(db, actor, models.Shoe, shoe_id, Action.WRITE)
    row.retired_on = day
    row.default_for = None
    db.flush()
    return _view(mine, row)


def assign(db: Session, actor: Actor, activity_id: int, shoe_id: int | None) -> models.Activity:
    """Put a run in a shoe (None: in no shoe); both must belong to the same athlete."""
    mine, activity = reach(db, actor, models.Activity, activity_id, Action.WRITE)
    if shoe_id is not None:
        owned(db, actor, models.Shoe, shoe_id, Action.WRITE)  # NotFound when not the actor's
        if mine.find(models.Shoe, shoe_id) is None:
            raise Invalid("That shoe belongs to someone else.")
    activity.shoe_id = shoe_id
    db.flush()
    return activity


def default_shoe_id(mine: Scope, run_type: str | None) -> int | None:
    """The shoe a new run of this type goes in: its type's default, else the all-runs default."""
    rows = {s.default_for: s.id for s in mine.db.scalars(mine.select(models.Shoe).where(
        models.Shoe.retired_on.is_(None),
        models.Shoe.default_for.is_not(None)))}
    return rows.get(run_type or "") or rows.get("all")


def _totals(mine: Scope) -> dict[int, tuple[float, int]]:
    metres = func.coalesce(func.sum(models.Activity.distance_m), 0.0)
    rows = mine.db.execute(mine.select(models.Activity.shoe_id, metres, func.count()).where(
        models.Activity.shoe_id.is_not(None))
        .group_by(models.Activity.shoe_id))
    return {int(shoe_id or 0): (float(total or 0.0), int(count)) for shoe_id, total, count in rows}


def _view(mine: Scope, row: models.Shoe, totals: dict[int, tuple[float, int]] | None = None) -> ShoeView:
    metres, runs = (totals if totals is not None else _totals(mine)).get(row.id, (0.0, 0))
    return ShoeView(id=row.id, name=row.name, distance_km=(row.start_m + metres) / 1000, runs=runs,
                    retire_at_km=row.retire_at_m / 1000 if row.retire_at_m else None,
                    default_for=row.default_for, retired_on=row.retired_on)


def shoes(db: Session, actor: Actor, athlete_id: int | None = None) -> list[ShoeView]:
    """The athlete's shoes, active ones first, each with its distance so far."""
    mine = scope(db, actor, athlete_id)
    totals = _totals(mine)
    rows = db.scalars(mine.select(models.Shoe)
                      .order_by(models.Shoe.retired_on.is_not(None), models.Shoe.name))
    return [_view(mine, row, totals) for row in rows]


def get_shoe(db: Session, actor: Actor, shoe_id: int) -> ShoeView:
    return _view(*reach(db, actor, models.Shoe, shoe_id))


def shoes_near_limit(db: Session, actor: Actor, athlete_id: int | None = None) -> list[ShoeView]:
    """Active shoes at or past `NEAR_SHARE` of their retire-at distance (for a Today reminder)."""
    return [s for s in shoes(db, actor, athlete_id) if s.near_limit]


def shoe_name(mine: Scope, activity: models.Activity) -> str | None:
    """The name of the shoe a run of this athlete was in (None for no shoe or not theirs)."""
    row = mine.find(models.Shoe, activity.shoe_id)
    return row.name if row is not None else None
