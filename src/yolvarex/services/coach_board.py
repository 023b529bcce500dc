"""The coach's board: every athlete who accepted, with today's verdict, load and compliance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.domain.verdict import Verdict
from yolvarex.services import decisions, plans, strength_log, training_load
from yolvarex.store import models
from yolvarex.store.access import Actor, coached_athlete_ids

COMPLIANCE_DAYS = 14


@dataclass(frozen=True)
class AthleteStatus:
    athlete_id: int
    name: str
    today: dt.date  # the athlete's own today, in their time zone
    verdict: Verdict | None  # None until the athlete has checked in today
    last_checkin: dt.date | None
    acwr: float | None
    days_since_rest: int | None
    planned_sessions: int  # strength sessions the plan had in the last two weeks
    done_sessions: int  # of those, the ones logged


def board(db: Session, coach: Actor) -> list[AthleteStatus]:
    """The athletes with an active link, most in need of attention first; each athlete's day is
    their own (a runner in Sydney is a day ahead of one in California for part of the day)."""
    rows = []
    for athlete_id in coached_athlete_ids(db, coach):
        user = db.get(models.User, athlete_id)
        if user is None:
            continue
        today = clock.today(user.timezone)
        since = today - dt.timedelta(days=COMPLIANCE_DAYS)
        last = db.scalar(select(models.CheckIn.date).where(models.CheckIn.user_id == athlete_id)
                         .order_by(models.CheckIn.date.desc()).limit(1))
        verdict = decisions.decide_day(db, coach, today, athlete_id).verdict if last == today else None
        load = training_load.load_facts(db, coach, today, athlete_id)
        stored = plans.current_plan(db, coach, athlete_id)
        planned = {s.date for w in stored.plan.weeks for s in w.sessions
                   if since <= s.date < today} if stored else set()
        logged = {s.date for s in strength_log.sessions(db, coach, since, today - dt.timedelta(days=1),
                                                         athlete_id)}
        rows.append(AthleteStatus(athlete_id, user.name, today, verdict, last, load.acwr,
                                  load.days_since_rest, len(planned), len(planned & logged)))
    return sorted(rows, key=lambda r: (-(r.verdict.rank if r.verdict else -1), r.name))
