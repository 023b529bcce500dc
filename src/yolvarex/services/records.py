"""Personal records: the fastest 400 m to marathon found inside any of the athlete's runs.

Each run's best efforts are kept with it (`run_analysis`); a record is the fastest of them
per distance. An import sets a "new best" when one of its runs beats every other run's effort
over the same distance (the first run to cover a distance sets its first record too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.domain.run.efforts import EFFORT_DISTANCES
from yolvarex.services.run_analysis import refresh_athlete
from yolvarex.store import models
from yolvarex.store.access import Actor, Scope, scope


@dataclass(frozen=True)
class Record:
    name: str
    distance_m: float
    seconds: float
    activity_id: int
    day: dt.date
    run_name: str | None

    @property
    def pace_s_per_km(self) -> float:
        return self.seconds / self.distance_m * 1000

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "distance_m": self.distance_m, "seconds": self.seconds,
                "pace_s_per_km": round(self.pace_s_per_km, 1), "activity_id": self.activity_id,
                "date": self.day.isoformat(), "run": self.run_name}


def _efforts(mine: Scope) -> list[tuple[int, dt.date, str | None, dict[str, Any]]]:
    rows = mine.db.execute(mine.select(models.Activity.id, models.Activity.day, models.Activity.name,
                                       models.Activity.efforts).where(
        models.Activity.sport == "running",
        models.Activity.efforts.is_not(None)).order_by(models.Activity.start))
    return [(int(i), day, name, e) for i, day, name, e in rows if isinstance(e, dict)]


def _best(rows: list[tuple[int, dt.date, str | None, dict[str, Any]]],
          skip: int | None = None) -> dict[str, Record]:
    best: dict[str, Record] = {}
    metres = dict(EFFORT_DISTANCES)
    for activity_id, day, name, efforts in rows:
        if activity_id == skip:
            continue
        for effort, seconds in efforts.items():
            if effort not in metres or not isinstance(seconds, int | float):
                continue
            held = best.get(effort)
            if held is None or seconds < held.seconds:  # the earlier run keeps a tie
                best[effort] = Record(effort, metres[effort], float(seconds), activity_id, day, name)
    return best


def records(db: Session, actor: Actor, athlete_id: int | None = None) -> list[Record]:
    """The athlete's record at each distance they have covered, shortest distance first."""
    best = _best(_efforts(scope(db, actor, athlete_id)))
    return [best[name] for name, _ in EFFORT_DISTANCES if name in best]


def new_bests(mine: Scope, activity: models.Activity) -> list[str]:
    """The distances at which this run beats every other run of the athlete (the caller has
    reached the activity through the access scope and kept its efforts); an import is a write,
    so runs kept before efforts were are analysed here too."""
    refresh_athlete(mine)
    others = _best(_efforts(mine), skip=activity.id)
    efforts = activity.efforts or {}
    return [name for name, _ in EFFORT_DISTANCES
            if isinstance(efforts.get(name), int | float)
            and (name not in others or efforts[name] < others[name].seconds)]


def held_by(mine: Scope, activity: models.Activity) -> list[str]:
    """The records this run holds now, shortest distance first."""
    best = _best(_efforts(mine))
    return [name for name, _ in EFFORT_DISTANCES
            if name in best and best[name].activity_id == activity.id]
