"""The facts of a day for a stored athlete: today's check-in plus what the history says.

- check-ins of the last 67 days give the resting-HR and HRV baselines, short-sleep nights,
  soreness days and symptom-free days (see `domain.facts`);
- the training log gives the load facts (`services.training_load.load_facts`) and the
  performance trend over the last six weeks of runs (`domain.performance`);
- today's planned session comes from `planned_session` (below).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from yolvarex.domain.facts import HISTORY_DAYS, Facts, History, Planned, history_context
from yolvarex.domain.facts import planned_from_run_types as _from_run_types
from yolvarex.domain.performance import RECENT_DAYS, REFERENCE_DAYS, RunSummary, performance_trend
from yolvarex.services import checkins, history, training_load
from yolvarex.services.plans import planned_for
from yolvarex.store.access import Actor, require

MAX_ACWR = 100.0


def planned_session(db: Session, actor: Actor, day: dt.date, athlete_id: int) -> Planned | None:
    """Today's planned session: from the strength plan's running week (the run-day kind, or
    `strength` on a day with only a strength session); without a plan, the type of a run
    already logged today; else unknown."""
    from_plan = planned_for(db, actor, day, athlete_id).planned
    if from_plan is not None:
        return Planned(from_plan)
    runs = history.activities(db, actor, day, day, athlete_id)
    return _from_run_types([a.run_type for a in runs if a.sport == "running"])


def run_summaries(db: Session, actor: Actor, day: dt.date, athlete_id: int) -> list[RunSummary]:
    start = day - dt.timedelta(days=RECENT_DAYS + REFERENCE_DAYS)
    return [RunSummary(day=a.day, distance_m=a.distance_m, duration_s=a.duration_s,
                       avg_hr=a.avg_hr, run_type=a.run_type)
            for a in history.activities(db, actor, start, day - dt.timedelta(days=1), athlete_id)
            if a.sport == "running"]


def facts_for_day(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
                  load: training_load.LoadFacts | None = None) -> Facts:
    """The facts of a stored day; `load` passes load facts already computed (a squad's)."""
    athlete_id = actor.id if athlete_id is None else athlete_id
    require(db, actor, athlete_id)
    start = day - dt.timedelta(days=HISTORY_DAYS - 1)
    recent = checkins.list_checkins(db, actor, start, day, athlete_id)
    today = next((c for c in recent if c.date == day), None)
    if load is None or load.day != day:
        load = training_load.load_facts(db, actor, day, athlete_id)
    context = history_context(
        History.from_checkins(recent, day),
        acwr=None if load.acwr is None else min(load.acwr, MAX_ACWR),
        monotony=load.monotony, strain=load.strain, strain_vs_usual=load.strain_vs_usual,
        days_since_rest=load.days_since_rest,
        performance_trend=performance_trend(run_summaries(db, actor, day, athlete_id), day),
        planned=planned_session(db, actor, day, athlete_id))
    return Facts.build(day, today, context)
