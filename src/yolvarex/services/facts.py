"""The facts of a day for a stored athlete: today's check-in plus what the history says.

- check-ins of the last 67 days give the resting-HR and HRV baselines, short-sleep nights,
  soreness days and symptom-free days (see `domain.history`);
- the training log gives the load facts (`services.training_load.load_facts`) and the
  performance trend over the last six weeks of runs (`domain.performance`);
- today's planned session comes from `planned_session` (below).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.orm import Session

from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import Facts, Planned
from yolvarex.domain.history import HISTORY_DAYS, History, history_context
from yolvarex.domain.history import planned_from_run_types as _from_run_types
from yolvarex.domain.performance import RECENT_DAYS, REFERENCE_DAYS, RunSummary, performance_trend
from yolvarex.services import checkins, history, training_load
from yolvarex.services.plans import PlannedDay, planned_for
from yolvarex.store.access import Actor, scope

MAX_ACWR = 100.0


class LoggedSession(Protocol):
    """What the facts read of a logged session (an `Activity` row, or those columns of it)."""

    day: dt.date
    sport: str
    run_type: str | None
    distance_m: float | None
    duration_s: float
    avg_hr: float | None


def planned_session(db: Session, actor: Actor, day: dt.date, athlete_id: int) -> Planned | None:
    """Today's planned session: from the strength plan's running week (the run-day kind, or
    `strength` on a day with only a strength session); without a plan, the type of a run
    already logged today; else unknown."""
    return planned_of(planned_for(db, actor, day, athlete_id),
                      history.activities(db, actor, day, day, athlete_id))


def planned_of(plan_day: PlannedDay, logged: Sequence[LoggedSession]) -> Planned | None:
    """`planned_session` from the day's plan and the sessions logged that day."""
    if plan_day.planned is not None:
        return Planned(plan_day.planned)
    return _from_run_types([a.run_type for a in logged if a.sport == "running" and a.day == plan_day.date])


def history_start(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of check-ins and of logged sessions that the facts of `day` read."""
    return (day - dt.timedelta(days=HISTORY_DAYS - 1),
            day - dt.timedelta(days=RECENT_DAYS + REFERENCE_DAYS))


def facts_for_day(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None,
                  load: training_load.LoadFacts | None = None) -> Facts:
    """The facts of a stored day; `load` passes load facts already computed (a squad's)."""
    mine = scope(db, actor, athlete_id)
    checkins_from, sessions_from = history_start(day)
    if load is None or load.day != day:
        load = training_load.load_facts(db, actor, day, mine.athlete_id)
    return compose_facts(day, checkins.list_checkins(db, actor, checkins_from, day, mine.athlete_id),
                         load, history.activities(db, actor, sessions_from, day, mine.athlete_id),
                         planned_for(db, actor, day, mine.athlete_id))


def compose_facts(day: dt.date, recent: Sequence[CheckIn], load: training_load.LoadFacts,
                  sessions: Sequence[LoggedSession], plan_day: PlannedDay) -> Facts:
    """The facts of `day` from the rows `facts_for_day` reads (`history_start`): the check-ins
    and logged sessions since then up to the day, its load facts and its plan. The coach's board
    reads these rows for a whole squad at once and composes each athlete's facts here."""
    today = next((c for c in recent if c.date == day), None)
    runs = [RunSummary(day=a.day, distance_m=a.distance_m, duration_s=a.duration_s,
                       avg_hr=a.avg_hr, run_type=a.run_type)
            for a in sessions if a.sport == "running" and a.day < day]
    context = history_context(
        History.from_checkins(list(recent), day),
        acwr=None if load.acwr is None else min(load.acwr, MAX_ACWR),
        monotony=load.monotony, strain=load.strain, strain_vs_usual=load.strain_vs_usual,
        days_since_rest=load.days_since_rest,
        performance_trend=performance_trend(runs, day),
        planned=planned_of(plan_day, sessions))
    return Facts.build(day, today, context)
