"""The coach's board: every athlete who accepted, with today's verdict, load and compliance,
those who need attention first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.domain.trees import Decision
from yolvarex.domain.verdict import Verdict
from yolvarex.services import decisions, plans, strength_log, training_load
from yolvarex.store import models
from yolvarex.store.access import Actor, coached_athlete_ids

COMPLIANCE_DAYS = 14
#: An athlete with no check-in for this many days (or never) needs a word from the coach.
QUIET_DAYS = 3
LOAD_TREE = "load"
#: The load tree's leaves in a coach's words (tests/services/test_coach_board.py keeps every
#: leaf of the shipped tree here).
LOAD_WORDS = {
    "rest-streak": "two weeks without rest",
    "rest-monotony": "uniform weeks, high strain",
    "cross-streak": "ten days without rest",
    "easy-spike": "sudden jump in load",
    "steady": "steady",
    "short-history": "too little history",
}


class Show(StrEnum):
    """The board's filters."""

    ATTENTION = "attention"
    QUIET = "quiet"
    ALL = "all"


@dataclass(frozen=True)
class LoadFlag:
    level: str  # ok | watch | high | unknown: the colour; `words` say the same in words
    words: str


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
    load: LoadFlag
    reasons: tuple[str, ...] = ()  # why the athlete needs attention, most urgent first
    urgency: int = 99  # lower is more urgent; 99: nothing to look at

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons)

    @property
    def quiet(self) -> bool:
        return self.last_checkin is None or (self.today - self.last_checkin).days >= QUIET_DAYS

    def as_json(self) -> dict[str, object]:
        return {
            "athlete_id": self.athlete_id, "name": self.name, "today": self.today.isoformat(),
            "verdict": self.verdict.value if self.verdict else None,
            "last_checkin": self.last_checkin.isoformat() if self.last_checkin else None,
            "acwr": self.acwr, "days_since_rest": self.days_since_rest,
            "strength_planned": self.planned_sessions, "strength_done": self.done_sessions,
            "load": {"level": self.load.level, "words": self.load.words},
            "needs_attention": self.needs_attention, "reasons": list(self.reasons),
        }


def load_flag(decision: Decision) -> LoadFlag:
    """The load tree's answer for the day, as a colour and words."""
    result = next((r for r in decision.trees if r.tree == LOAD_TREE), None)
    if result is None:
        return LoadFlag("unknown", "no load figures")
    words = LOAD_WORDS.get(result.leaf, result.verdict.label)
    if result.verdict is Verdict.TRAIN:
        return LoadFlag("unknown" if result.missing() else "ok", words)
    return LoadFlag("watch" if result.verdict is Verdict.MODIFY else "high", words)


def attention(decision: Decision, shown: bool, today: dt.date, last_checkin: dt.date | None,
              load: LoadFlag) -> tuple[tuple[str, ...], int]:
    """Why an athlete needs the coach's eye today, most urgent first, and how urgent (0 first)."""
    found: list[tuple[int, str]] = []
    if shown:
        facts = decision.facts
        if facts.get("red_flags"):
            found.append((0, "warning signs reported"))
        if decision.verdict is Verdict.SEE_PROFESSIONAL:
            found.append((0, "told to stop and get checked"))
        elif decision.verdict is Verdict.REST:
            found.append((1, "rest day"))
        pain = facts.get("pain")
        if isinstance(pain, int) and pain > 0:
            found.append((2, f"pain {pain}/10"))
        if decision.verdict is Verdict.CROSS_TRAIN:
            found.append((3, "no running today"))
    if last_checkin is None:
        found.append((4, "has never checked in"))
    elif (today - last_checkin).days >= QUIET_DAYS:
        found.append((4, f"no check-in for {(today - last_checkin).days} days"))
    if load.level == "high":
        found.append((5, f"load: {load.words}"))
    found.sort(key=lambda f: f[0])
    return tuple(reason for _, reason in found), (found[0][0] if found else 99)


def board(db: Session, coach: Actor, show: Show = Show.ALL) -> list[AthleteStatus]:
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
        decision, shown = decisions.day_decision(db, coach, today, user.id, load)
        flag = load_flag(decision)
        reasons, urgency = attention(decision, shown, today, last, flag)
        stored = plans.current_plan(db, coach, user.id)
        planned = {s.date for w in stored.plan.weeks for s in w.sessions
                   if since <= s.date < today} if stored else set()
        logged = {s.date for s in strength_log.sessions(db, coach, since, today - dt.timedelta(days=1),
                                                         user.id)}
        rows.append(AthleteStatus(user.id, user.name, today, decision.verdict if shown else None,
                                  last, load.acwr, load.days_since_rest, len(planned),
                                  len(planned & logged), flag, reasons, urgency))
    rows.sort(key=lambda r: (r.urgency, -(r.verdict.rank if r.verdict else -1), r.name))
    if show is Show.ATTENTION:
        return [r for r in rows if r.needs_attention]
    if show is Show.QUIET:
        return [r for r in rows if r.quiet]
    return rows
