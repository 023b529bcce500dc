"""An athlete's daily training load from the store, and the load facts of one day.

Daily load is the sum of the day's session loads: each activity's stored `load` (session RPE x
minutes, see `domain.load`), plus each strength session's RPE x minutes. A day with nothing
logged counts as a rest day with zero load.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex.domain import load
from yolvarex.store import models
from yolvarex.store.access import Actor, require

HISTORY_DAYS = 120


def daily_loads(db: Session, actor: Actor, start: dt.date, end: dt.date,
                athlete_id: int | None = None) -> np.ndarray:
    """Load per day from `start` to `end` inclusive, as a float array."""
    athlete_id = actor.id if athlete_id is None else athlete_id
    require(db, actor, athlete_id)
    days = (end - start).days + 1
    out = np.zeros(max(days, 0))
    lo = dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    for started, value in db.execute(select(models.Activity.start, models.Activity.load).where(
            models.Activity.user_id == athlete_id, models.Activity.start >= lo,
            models.Activity.start < hi)):
        if value:
            out[(started.date() - start).days] += value
    for day, rpe, minutes in db.execute(select(
            models.StrengthSession.date, models.StrengthSession.rpe, models.StrengthSession.minutes)
            .where(models.StrengthSession.user_id == athlete_id,
                   models.StrengthSession.date >= start, models.StrengthSession.date <= end)):
        if rpe and minutes:
            out[(day - start).days] += load.session_load(rpe, minutes)
    return out


def first_logged_day(db: Session, athlete_id: int) -> dt.date | None:
    first_activity = db.scalar(select(models.Activity.start).where(
        models.Activity.user_id == athlete_id).order_by(models.Activity.start).limit(1))
    first_session = db.scalar(select(models.StrengthSession.date).where(
        models.StrengthSession.user_id == athlete_id).order_by(models.StrengthSession.date).limit(1))
    days = [d for d in (first_activity.date() if first_activity else None, first_session) if d]
    return min(days) if days else None


@dataclass(frozen=True)
class LoadFacts:
    """Load figures as of the morning of `day` (the day's own training not yet done).

    A figure is None when it is not known: ACWR needs 28 days of logged history, monotony a
    week with some training.
    """

    day: dt.date
    acwr: float | None
    acute: float | None
    chronic: float | None
    monotony: float | None
    strain: float | None
    days_since_rest: int | None
    fitness: float | None
    fatigue: float | None
    form: float | None


def _known(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 3)


def load_facts(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> LoadFacts:
    athlete_id = actor.id if athlete_id is None else athlete_id
    require(db, actor, athlete_id)
    first = first_logged_day(db, athlete_id)
    yesterday = day - dt.timedelta(days=1)
    if first is None or first > yesterday:
        return LoadFacts(day, *([None] * 9))
    start = max(first, day - dt.timedelta(days=HISTORY_DAYS))
    series = daily_loads(db, actor, start, yesterday, athlete_id)[np.newaxis, :]
    acute, chronic, ratio = load.acute_chronic(series)
    monotony, strain = load.monotony_strain(series)
    fitness, fatigue, form = load.fitness_fatigue(series)
    since_rest = load.days_since_rest(np.c_[series, [[0.0]]])[0, -1]
    enough = (yesterday - first).days + 1 >= load.CHRONIC_DAYS
    return LoadFacts(
        day=day,
        acwr=_known(ratio[0, -1]) if enough else None,
        acute=_known(acute[0, -1]), chronic=_known(chronic[0, -1]) if enough else None,
        monotony=_known(monotony[0, -1]), strain=_known(strain[0, -1]),
        days_since_rest=int(since_rest),
        fitness=_known(fitness[0, -1]), fatigue=_known(fatigue[0, -1]), form=_known(form[0, -1]))
