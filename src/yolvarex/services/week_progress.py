"""One week against its plan, and how the training load moved, for Today and the weekly summary.

Weeks run Monday to Sunday in the athlete's local days; "done" counts what is logged through
the given day, "planned" what the strength plan's running week and sessions say (None without
a plan covering the week).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from yolvarex.domain.plan.model import Focus
from yolvarex.domain.plan.model import Session as PlanSession
from yolvarex.domain.plan.profile import RunKind
from yolvarex.services import history, load_report, plans
from yolvarex.store.access import Actor


@dataclass(frozen=True)
class WeekProgress:
    monday: dt.date
    through: dt.date  # the last day counted as done
    runs_planned: int | None
    runs_done: int
    run_km: float
    run_minutes: float
    other_minutes: float
    strength_planned: int | None
    strength_done: int
    routines_done: int

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)


@dataclass(frozen=True)
class WeekLoad:
    """A week's training load (arbitrary units: minutes x effort) and the acute:chronic ratio
    at its last day; None when not known yet."""

    monday: dt.date
    load: float | None
    acwr: float | None


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_progress(db: Session, actor: Actor, day: dt.date,
                  athlete_id: int | None = None) -> WeekProgress:
    """The week holding `day`, done through `day`."""
    monday = monday_of(day)
    sunday = monday + dt.timedelta(days=6)
    (done,) = history.week_totals(db, actor, 1, day, athlete_id)
    routines = history.routine_completions(db, actor, monday, day, athlete_id)
    stored = plans.current_plan(db, actor, athlete_id)
    runs_planned = strength_planned = None
    if stored is not None:
        profile = stored.plan.profile
        days = [monday + dt.timedelta(days=i) for i in range(7)]
        covered = [d for d in days if profile.start <= d <= profile.end]
        if covered:
            runs_planned = sum(1 for d in covered if profile.kind_on(d) is not RunKind.REST)
            strength_planned = sum(1 for s in stored.plan.sessions() if monday <= s.date <= sunday)
    return WeekProgress(
        monday=monday, through=day, runs_planned=runs_planned, runs_done=done.runs,
        run_km=round(done.run_km, 1), run_minutes=round(done.run_minutes),
        other_minutes=round(done.other_minutes),
        strength_planned=strength_planned, strength_done=done.strength_sessions,
        routines_done=len({r.day for r in routines}))


def load_trend(db: Session, actor: Actor, day: dt.date, weeks: int = 4,
               athlete_id: int | None = None) -> tuple[WeekLoad, ...]:
    """The load of the last `weeks` weeks, oldest first, ending with the week of `day`."""
    report = load_report.report(db, actor, day, weeks, athlete_id)
    return tuple(WeekLoad(dt.date.fromisoformat(w["monday"]), w["load"], w["acwr"])
                 for w in report["weeks"])


def next_test(db: Session, actor: Actor, day: dt.date,
              athlete_id: int | None = None) -> PlanSession | None:
    """The plan's next performance-test session on or after `day`."""
    stored = plans.current_plan(db, actor, athlete_id)
    if stored is None:
        return None
    return next((s for s in stored.plan.sessions() if s.date >= day and s.focus is Focus.TEST),
                None)
