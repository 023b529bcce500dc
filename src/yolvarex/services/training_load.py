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
    loads: np.ndarray = squad_daily_loads(db, actor, [athlete_id], start, end)[0]
    return loads


def squad_daily_loads(db: Session, actor: Actor, athlete_ids: list[int], start: dt.date,
                      end: dt.date) -> np.ndarray:
    """Daily loads of many athletes at once: shape (athletes, days), one query per table."""
    for athlete_id in athlete_ids:
        require(db, actor, athlete_id)
    days = max((end - start).days + 1, 0)
    out = np.zeros((len(athlete_ids), days))
    if not athlete_ids or not days:
        return out
    row_of = {a: i for i, a in enumerate(athlete_ids)}
    for user_id, day, value in db.execute(select(
            models.Activity.user_id, models.Activity.day, models.Activity.load).where(
            models.Activity.user_id.in_(athlete_ids), models.Activity.day >= start,
            models.Activity.day <= end)):
        if value:
            out[row_of[user_id], (day - start).days] += value
    for user_id, day, rpe, minutes in db.execute(select(
            models.StrengthSession.user_id, models.StrengthSession.date, models.StrengthSession.rpe,
            models.StrengthSession.minutes).where(
            models.StrengthSession.user_id.in_(athlete_ids),
            models.StrengthSession.date >= start, models.StrengthSession.date <= end)):
        if rpe and minutes:
            out[row_of[user_id], (day - start).days] += load.session_load(rpe, minutes)
    return out


def first_logged_day(db: Session, athlete_id: int) -> dt.date | None:
    first_activity = db.scalar(select(models.Activity.day).where(
        models.Activity.user_id == athlete_id).order_by(models.Activity.day).limit(1))
    first_session = db.scalar(select(models.StrengthSession.date).where(
        models.StrengthSession.user_id == athlete_id).order_by(models.StrengthSession.date).limit(1))
    days = [d for d in (first_activity, first_session) if d]
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


@dataclass(frozen=True)
class LoadSeries:
    """One athlete's load series for charts and tables, as of the end of each day.

    The averages start from the first logged day (at most `HISTORY_DAYS` before the window),
    so the window's first values already carry the history before it.
    """

    days: list[dt.date]
    analysis: load.LoadAnalysis
    known_from: dt.date | None  # first logged day; ACWR is shown from 28 days after it

    def column(self, name: str) -> list[float | None]:
        values = getattr(self.analysis, name)[0]
        return [None if math.isnan(v) else round(float(v), 3) for v in values]


def load_series(db: Session, actor: Actor, end: dt.date, days: int = 84,
                athlete_id: int | None = None) -> LoadSeries:
    athlete_id = actor.id if athlete_id is None else athlete_id
    require(db, actor, athlete_id)
    first = first_logged_day(db, athlete_id)
    window_start = end - dt.timedelta(days=days - 1)
    calc_start = window_start
    if first is not None and first < window_start:
        calc_start = max(first, window_start - dt.timedelta(days=HISTORY_DAYS))
    elif first is not None and first <= end:
        calc_start = first
    loads = squad_daily_loads(db, actor, [athlete_id], calc_start, end)
    analysis = load.analyse(loads)
    if first is None or first > end:
        analysis = load.analyse(np.zeros((1, (end - calc_start).days + 1)))
    skip = (window_start - calc_start).days
    if skip > 0:
        analysis = load.LoadAnalysis(**{k: v[:, skip:] for k, v in vars(analysis).items()})
    elif skip < 0:  # nothing logged before `first`: pad the window's start with unknowns
        pad = np.full((1, -skip), np.nan)
        zeros = np.zeros((1, -skip))
        analysis = load.LoadAnalysis(**{
            k: np.concatenate([zeros if k in ("load", "days_since_rest") else pad, v], axis=1)
            for k, v in vars(analysis).items()})
    return LoadSeries(days=[window_start + dt.timedelta(days=i) for i in range(days)],
                      analysis=analysis, known_from=first)


def squad_load_facts(db: Session, actor: Actor, athlete_ids: list[int],
                     day: dt.date) -> dict[int, LoadFacts]:
    """The load facts of many athletes on one morning, computed in one vectorised pass."""
    if not athlete_ids:
        return {}
    firsts = {a: first_logged_day(db, a) for a in athlete_ids}
    yesterday = day - dt.timedelta(days=1)
    start = day - dt.timedelta(days=HISTORY_DAYS)
    series = squad_daily_loads(db, actor, athlete_ids, start, yesterday)
    out: dict[int, LoadFacts] = {}
    for i, athlete_id in enumerate(athlete_ids):
        first = firsts[athlete_id]
        if first is None or first > yesterday:
            out[athlete_id] = LoadFacts(day, *([None] * 9))
            continue
        # each athlete's averages start on their own first logged day (as in `load_facts`)
        offset = max((first - start).days, 0)
        row = series[i:i + 1, offset:]
        acute, chronic, ratio = load.acute_chronic(row)
        monotony, strain = load.monotony_strain(row)
        fitness, fatigue, form = load.fitness_fatigue(row)
        since_rest = load.days_since_rest(np.c_[row, [[0.0]]])[0, -1]
        enough = (yesterday - first).days + 1 >= load.CHRONIC_DAYS
        out[athlete_id] = LoadFacts(
            day=day, acwr=_known(ratio[0, -1]) if enough else None,
            acute=_known(acute[0, -1]), chronic=_known(chronic[0, -1]) if enough else None,
            monotony=_known(monotony[0, -1]), strain=_known(strain[0, -1]),
            days_since_rest=int(since_rest), fitness=_known(fitness[0, -1]),
            fatigue=_known(fatigue[0, -1]), form=_known(form[0, -1]))
    return out
