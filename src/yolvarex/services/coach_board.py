"""The coach's board: every athlete who accepted, with today's verdict, load and compliance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
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
    their own (a runner in Sydney is a day ahead of one in California for part of the day).
    Load facts come from one batched computation per local day, not one per athlete."""
    users = [u for u in (db.get(models.User, a) for a in coached_athlete_ids(db, coach)) if u]
    todays = {u.id: clock.today(u.timezone) for u in users}
    loads: dict[int, training_load.LoadFacts] = {}
    for day in set(todays.values()):
        ids = [a for a, d in todays.items() if d == day]
        loads.update(training_load.squad_load_facts(db, coach, ids, day))
    last_checkins = dict(db.execute(select(models.CheckIn.user_id, func.max(models.CheckIn.date))
                                    .where(models.CheckIn.user_id.in_(list(todays)))
                                    .group_by(models.CheckIn.user_id)).all())
    rows = []
    for user in users:
        today, load = todays[user.id], loads[user.id]
        since = today - dt.timedelta(days=COMPLIANCE_DAYS)
        last = last_checkins.get(user.id)
        decision = decisions.todays_decision(db, coach, today, user.id, load)
        verdict = None if decision is None else decision.verdict
        stored = plans.current_plan(db, coach, user.id)
        planned = {s.date for w in stored.plan.weeks for s in w.sessions
                   if since <= s.date < today} if stored else set()
        logged = {s.date for s in strength_log.sessions(db, coach, since, today - dt.timedelta(days=1),
                                                         user.id)}
        rows.append(AthleteStatus(user.id, user.name, today, verdict, last, load.acwr,
                                  load.days_since_rest, len(planned), len(planned & logged)))
    return sorted(rows, key=lambda r: (-(r.verdict.rank if r.verdict else -1), r.name))
