"""An athlete's daily training load from the store, and the load facts of one day.

Daily load is the sum of the day's session loads: each activity's stored `load` (see
`domain.session_load`), plus each strength session's load (`strength_session_load`: its RPE x
minutes, else the typical strength RPE x minutes, as `log cross --sport strength` does). A day
with anything logged is a training day, whatever its load; a day with nothing logged is a rest
day with zero load.

Every figure of a day is computed from the start of the continuous stretch the day belongs to
(`domain.load.stretch_start`), so it is the same whichever window is displayed, and history
older than the last 28-day gap cannot change it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yolvarex.domain import load
from yolvarex.domain.session_load import strength_session_load
from yolvarex.store import models
from yolvarex.store.access import Actor, Scope, Squad, scope, squad


def daily_loads(db: Session, actor: Actor, start: dt.date, end: dt.date,
                athlete_id: int | None = None) -> np.ndarray:
    """Load per day from `start` to `end` inclusive, as a float array."""
    loads: np.ndarray = _daily_loads(scope(db, actor, athlete_id).as_squad(), start, end)[0][0]
    return loads


def squad_daily_loads(db: Session, actor: Actor, athlete_ids: list[int], start: dt.date,
                      end: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """Daily loads of many athletes at once, shape (athletes, days), and which days had any
    training logged (same shape, bool); one query per table."""
    return _daily_loads(squad(db, actor, athlete_ids), start, end)


def _daily_loads(athletes: Squad, start: dt.date, end: dt.date) -> tuple[np.ndarray, np.ndarray]:
    db, athlete_ids = athletes.db, athletes.athlete_ids
    days = max((end - start).days + 1, 0)
    out = np.zeros((len(athlete_ids), days))
    trained = np.zeros((len(athlete_ids), days), dtype=bool)
    if not athlete_ids or not days:
        return out, trained
    row_of = {a: i for i, a in enumerate(athlete_ids)}
    for user_id, day, value in db.execute(athletes.select(
            models.Activity.user_id, models.Activity.day, models.Activity.load).where(
            models.Activity.day >= start,
            models.Activity.day <= end)):
        index = (day - start).days
        trained[row_of[user_id], index] = True
        if value:
            out[row_of[user_id], index] += value
    set_count = (select(func.count(models.StrengthSet.id)).where(
        models.StrengthSet.session_id == models.StrengthSession.id,
        models.StrengthSet.completed.is_(True)).correlate(models.StrengthSession).scalar_subquery())
    for user_id, day, rpe, minutes, sets in db.execute(athletes.select(
            models.StrengthSession.user_id, models.StrengthSession.date, models.StrengthSession.rpe,
            models.StrengthSession.minutes, set_count).where(
            models.StrengthSession.date >= start, models.StrengthSession.date <= end)):
        index = (day - start).days
        trained[row_of[user_id], index] = True
        out[row_of[user_id], index] += strength_session_load(minutes, rpe, sets or 0).load
    return out, trained


def training_days(mine: Scope, end: dt.date) -> list[dt.date]:
    """Every day up to `end` with anything logged, in order."""
    return squad_training_days(mine.as_squad(), end)[mine.athlete_id]


def squad_training_days(athletes: Squad, end: dt.date) -> dict[int, list[dt.date]]:
    """`training_days` of many athletes, one query per table."""
    db, athlete_ids = athletes.db, athletes.athlete_ids
    days: dict[int, set[dt.date]] = {a: set() for a in athlete_ids}
    for user_id, day in db.execute(athletes.select(models.Activity.user_id, models.Activity.day)
                                   .distinct().where(models.Activity.day <= end)):
        days[user_id].add(day)
    for user_id, day in db.execute(athletes.select(models.StrengthSession.user_id,
                                                   models.StrengthSession.date)
                                   .where(models.StrengthSession.date <= end)):
        days[user_id].add(day)
    return {a: sorted(d for d in found if d <= end) for a, found in days.items()}


def stretch_start(days: list[dt.date], day: dt.date) -> dt.date | None:
    """The first day of the continuous stretch `day` belongs to (see `domain.load`)."""
    start = load.stretch_start([d.toordinal() for d in days], day.toordinal())
    return None if start is None else dt.date.fromordinal(start)


@dataclass(frozen=True)
class LoadFacts:
    """Load figures as of the morning of `day` (the day's own training not yet done).

    A figure is None when it is not known: the averages (ACWR, acute, chronic, fitness,
    fatigue, form) need 28 days of continuous recent training (`known_from` is the first
    morning they will be known), monotony and strain a week of it with some variation.
    `stretch_start` is the first day of the current continuous stretch (None: no training in
    the last 28 days). `note` says in words why a figure is unknown.
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
    stretch_start: dt.date | None = None
    known_from: dt.date | None = None
    note: str | None = None
    strain_vs_usual: float | None = None  # this week's strain against the runner's own usual


def _known(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 3)


def _note(day: dt.date, logged: bool, start: dt.date | None, known_from: dt.date | None,
          monotony_unknown: bool, stretch_days: int) -> str | None:
    if not logged:
        return "No training logged yet: the load figures appear once you log or import sessions."
    if start is None:
        return (f"No training logged in the last {load.GAP_DAYS} days, so there is no recent "
                "load to judge; the figures start again with your next session.")
    parts = []
    if known_from is not None and known_from > day:
        parts.append(f"The acute:chronic ratio, fitness, fatigue and form need "
                     f"{load.WARM_UP_DAYS} days of continuous training (since "
                     f"{start.isoformat()}); they are known from {known_from.isoformat()}.")
    if monotony_unknown and stretch_days >= load.MONOTONY_DAYS:
        parts.append("Monotony is not defined for this week: its days were all the same, or "
                     "it had no load.")
    return " ".join(parts) or None


def load_facts(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> LoadFacts:
    mine = scope(db, actor, athlete_id)
    return _load_facts(mine.as_squad(), day)[mine.athlete_id]


def squad_load_facts(db: Session, actor: Actor, athlete_ids: list[int],
                     day: dt.date) -> dict[int, LoadFacts]:
    """The load facts of many athletes on one morning, in one vectorised pass from the earliest
    of their stretch starts (each athlete's own stretch restarts their figures, so the result
    is the same as one athlete at a time)."""
    return _load_facts(squad(db, actor, athlete_ids), day)


def _load_facts(athletes: Squad, day: dt.date) -> dict[int, LoadFacts]:
    athlete_ids = athletes.athlete_ids
    yesterday = day - dt.timedelta(days=1)
    out: dict[int, LoadFacts] = {}
    starts: dict[int, dt.date] = {}
    every_day = squad_training_days(athletes, yesterday)
    for athlete_id in athlete_ids:
        logged = every_day[athlete_id]
        start = stretch_start(logged, yesterday)
        if start is None:
            out[athlete_id] = LoadFacts(
                day, acwr=None, acute=None, chronic=None, monotony=None, strain=None,
                days_since_rest=0 if logged else None, fitness=None, fatigue=None, form=None,
                note=_note(day, bool(logged), None, None, False, 0))
        else:
            starts[athlete_id] = start
    if starts:
        active = list(starts)
        loads, trained = _daily_loads(athletes.among(active),
                                      min(starts.values()), yesterday)
        a = load.analyse(loads, trained)
        usual = load.strain_vs_usual(a.strain)
        for i, athlete_id in enumerate(active):
            start = starts[athlete_id]
            known_from = start + dt.timedelta(days=load.WARM_UP_DAYS)  # the morning after day 28
            monotony = _known(a.monotony[i, -1])
            out[athlete_id] = LoadFacts(
                day=day, acwr=_known(a.acwr[i, -1]), acute=_known(a.acute[i, -1]),
                chronic=_known(a.chronic[i, -1]), monotony=monotony, strain=_known(a.strain[i, -1]),
                days_since_rest=int(a.days_since_rest[i, -1]), fitness=_known(a.fitness[i, -1]),
                fatigue=_known(a.fatigue[i, -1]), form=_known(a.form[i, -1]), stretch_start=start,
                known_from=known_from, strain_vs_usual=_known(usual[i]),
                note=_note(day, True, start, known_from, monotony is None, int(a.stretch_day[i, -1])))
    return {athlete_id: out[athlete_id] for athlete_id in athlete_ids}


@dataclass(frozen=True)
class LoadSeries:
    """One athlete's load series for charts and tables, as of the end of each day.

    The computation starts at the first day of the continuous stretch the window's first day
    belongs to, so each day's figures are the same whatever the window.
    """

    days: list[dt.date]
    analysis: load.LoadAnalysis
    known_from: dt.date | None  # first logged day (None: nothing logged yet)

    def column(self, name: str) -> list[float | None]:
        values = getattr(self.analysis, name)[0]
        return [None if math.isnan(v) else round(float(v), 3) for v in values]


def load_series(db: Session, actor: Actor, end: dt.date, days: int = 84,
                athlete_id: int | None = None) -> LoadSeries:
    mine = scope(db, actor, athlete_id)
    window_start = end - dt.timedelta(days=days - 1)
    logged = training_days(mine, end)
    calc_start = min(stretch_start(logged, window_start) or window_start, window_start)
    loads, trained = _daily_loads(mine.as_squad(), calc_start, end)
    analysis = load.analyse(loads, trained)
    skip = (window_start - calc_start).days
    if skip > 0:
        analysis = load.LoadAnalysis(**{k: v[:, skip:] for k, v in vars(analysis).items()})
    return LoadSeries(days=[window_start + dt.timedelta(days=i) for i in range(days)],
                      analysis=analysis, known_from=logged[0] if logged else None)
