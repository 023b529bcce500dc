"""Read an athlete's recorded training: activities, strength sessions, routines, tests."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_
from sqlalchemy.orm import Session, selectinload

from yolvarex.errors import Invalid
from yolvarex.services import training_load
from yolvarex.store import models
from yolvarex.store.access import Actor, scope


def activities(db: Session, actor: Actor, start: dt.date, end: dt.date,
               athlete_id: int | None = None) -> list[models.Activity]:
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.Activity).where(models.Activity.day >= start,
        models.Activity.day <= end).order_by(models.Activity.start)))


def strength_sessions(db: Session, actor: Actor, start: dt.date, end: dt.date,
                      athlete_id: int | None = None) -> list[models.StrengthSession]:
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.StrengthSession).options(
        selectinload(models.StrengthSession.sets)).where(models.StrengthSession.date >= start,
        models.StrengthSession.date <= end).order_by(models.StrengthSession.date)))


def routine_completions(db: Session, actor: Actor, start: dt.date, end: dt.date,
                        athlete_id: int | None = None) -> list[models.RoutineCompletion]:
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.RoutineCompletion).where(models.RoutineCompletion.day >= start,
        models.RoutineCompletion.day <= end).order_by(models.RoutineCompletion.completed_at)))


@dataclass(frozen=True)
class WeekTotals:
    """What was done in a Monday-to-Sunday week (through its last counted day): every face's
    week totals come from here. `load` is the sum of the days' training loads (as the load
    charts count them, strength sessions included)."""

    monday: dt.date
    runs: int
    run_km: float
    run_minutes: float
    other_minutes: float
    strength_sessions: int
    other_sessions: int  # cross-training
    load: float

    @property
    def minutes(self) -> float:
        """Running and cross-training."""
        return self.run_minutes + self.other_minutes

    @property
    def sessions(self) -> int:
        return self.runs + self.strength_sessions + self.other_sessions


def week_totals(db: Session, actor: Actor, weeks: int, today: dt.date,
                athlete_id: int | None = None) -> list[WeekTotals]:
    """Totals per Monday-to-Sunday week, oldest first, ending with the week of `today` counted
    through `today`."""
    this_monday = today - dt.timedelta(days=today.weekday())
    first = this_monday - dt.timedelta(weeks=weeks - 1)
    acts = activities(db, actor, first, today, athlete_id)
    sessions = strength_sessions(db, actor, first, today, athlete_id)
    loads = training_load.daily_loads(db, actor, first, today, athlete_id)
    out = []
    for w in range(weeks):
        monday = first + dt.timedelta(weeks=w)
        sunday = monday + dt.timedelta(days=6)
        in_week = [a for a in acts if monday <= a.day <= sunday]
        runs = [a for a in in_week if a.sport == "running"]
        out.append(WeekTotals(
            monday=monday, runs=len(runs),
            run_km=sum((a.distance_m or 0) for a in runs) / 1000,
            run_minutes=sum(a.duration_s for a in runs) / 60,
            other_minutes=sum(a.duration_s for a in in_week if a.sport != "running") / 60,
            strength_sessions=sum(1 for s in sessions if monday <= s.date <= sunday),
            other_sessions=len(in_week) - len(runs),
            load=float(loads[w * 7:w * 7 + 7].sum())))
    return out


def _cursor(row: models.Activity) -> str:
    return base64.urlsafe_b64encode(f"{row.start.isoformat()}|{row.id}".encode()).decode().rstrip("=")


def _after(cursor: str) -> tuple[dt.datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        start, row_id = raw.split("|")
        when = dt.datetime.fromisoformat(start)
        if when.tzinfo is None:
            raise ValueError(start)
        return when, int(row_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Invalid("The cursor is not one this list gave out.",
                      details=["cursor: pass the `next_cursor` of the previous page as it was"]) from exc


def activities_page(db: Session, actor: Actor, start: dt.date | None, end: dt.date | None,
                    limit: int, cursor: str | None = None,
                    athlete_id: int | None = None) -> tuple[list[models.Activity], str | None]:
    """One page of activities, oldest first, in an optional date range of any length, and the
    cursor of the next page (None on the last page). The cursor is the position after the last
    row (start and id), so rows added or deleted meanwhile do not shift the pages."""
    mine = scope(db, actor, athlete_id)
    query = mine.select(models.Activity)
    if start is not None:
        query = query.where(models.Activity.day >= start)
    if end is not None:
        query = query.where(models.Activity.day <= end)
    if cursor:
        when, row_id = _after(cursor)
        query = query.where(or_(models.Activity.start > when,
                                and_(models.Activity.start == when, models.Activity.id > row_id)))
    rows = list(db.scalars(query.order_by(models.Activity.start, models.Activity.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (_cursor(rows[-1]) if more and rows else None)
