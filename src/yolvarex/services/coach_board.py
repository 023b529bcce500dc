"""The coach's board: every athlete who accepted, with today's verdict, load and compliance,
those who need attention first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import Facts
from yolvarex.domain.trees import Decision
from yolvarex.domain.verdict import Verdict
from yolvarex.services import custom_trees, decisions, facts, plans, training_load
from yolvarex.store import access, models
from yolvarex.store.access import Actor

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

    One batched computation: the rows every athlete's verdict, load and compliance need are read
    for the whole squad at once (a fixed number of queries, however many athletes), and each
    athlete's facts are composed from them by the same functions the athlete's own Today uses
    (`facts.compose_facts`, `decisions.engine_with`, `decisions.shown`)."""
    ids = list(access.squad(db, coach).athlete_ids)
    users = sorted(db.scalars(select(models.User).where(models.User.id.in_(ids))),
                   key=lambda u: u.id)
    todays = {u.id: clock.today(u.timezone) for u in users}
    if not todays:
        return []
    squad = _Squad.read(db, coach, todays)
    rows = []
    for user in users:
        today = todays[user.id]
        decision = decisions.engine_with(squad.trees[user.id]).decide(squad.facts_of(user.id, today))
        shown = decisions.shown(decision, any(c.date == today for c in squad.checkins[user.id]))
        rows.append(status(user, today, decision, shown, squad.loads[user.id],
                           squad.last_checkins.get(user.id), squad.plans.get(user.id),
                           squad.strength_days[user.id]))
    rows.sort(key=lambda r: (r.urgency, -(r.verdict.rank if r.verdict else -1), r.name))
    return only(rows, show)


def only(rows: list[AthleteStatus], show: Show) -> list[AthleteStatus]:
    """The board's rows that `show` keeps, in the board's order."""
    if show is Show.ATTENTION:
        return [r for r in rows if r.needs_attention]
    if show is Show.QUIET:
        return [r for r in rows if r.quiet]
    return rows


def counts(rows: list[AthleteStatus]) -> dict[Show, int]:
    """How many of the whole board's rows each filter keeps (the filter tabs' numbers)."""
    return {show: len(only(rows, show)) for show in Show}


def status(user: models.User, today: dt.date, decision: Decision, shown: bool,
           load: training_load.LoadFacts, last_checkin: dt.date | None,
           plan: plans.StoredPlan | None, strength_days: set[dt.date]) -> AthleteStatus:
    """One athlete's line on the board from their day's decision and what they logged."""
    since = today - dt.timedelta(days=COMPLIANCE_DAYS)
    flag = load_flag(decision)
    reasons, urgency = attention(decision, shown, today, last_checkin, flag)
    planned = {s.date for w in plan.plan.weeks for s in w.sessions
               if since <= s.date < today} if plan else set()
    return AthleteStatus(user.id, user.name, today, decision.verdict if shown else None,
                         last_checkin, load.acwr, load.days_since_rest, len(planned),
                         len(planned & strength_days), flag, reasons, urgency)


@dataclass(frozen=True)
class _Squad:
    """What the board reads for every athlete at once, by athlete id."""

    loads: dict[int, training_load.LoadFacts]
    checkins: dict[int, list[CheckIn]]  # from `facts.history_start` to the athlete's today
    sessions: dict[int, list[facts.LoggedSession]]  # likewise
    plans: dict[int, plans.StoredPlan]
    trees: dict[int, list[custom_trees.StoredTree]]
    last_checkins: dict[int, dt.date]
    strength_days: dict[int, set[dt.date]]  # days with strength logged, last two weeks

    @classmethod
    def read(cls, db: Session, coach: Actor, todays: dict[int, dt.date]) -> _Squad:
        ids = list(todays)
        athletes = access.squad(db, coach, ids)
        loads: dict[int, training_load.LoadFacts] = {}
        for day in sorted(set(todays.values())):  # one pass per local date (at most three)
            loads.update(training_load.squad_load_facts(
                db, coach, [a for a, d in todays.items() if d == day], day))
        first, last = min(todays.values()), max(todays.values())
        since = {a: facts.history_start(d) for a, d in todays.items()}  # check-ins, sessions
        found = cls(loads, {a: [] for a in ids}, {a: [] for a in ids},
                    plans.current_plans(db, coach, ids),
                    custom_trees.applying_to_squad(db, coach, ids),
                    {}, {a: set() for a in ids})
        c = models.CheckIn
        for user_id, day, data in db.execute(
                athletes.select(c.user_id, c.date, c.data).where(
                    c.date >= facts.history_start(first)[0], c.date <= last)
                .order_by(c.date)):
            if since[user_id][0] <= day <= todays[user_id]:
                found.checkins[user_id].append(CheckIn.model_validate(data))
        a = models.Activity
        for row in db.execute(
                athletes.select(a.user_id, a.day, a.sport, a.run_type, a.distance_m, a.duration_s,
                                a.avg_hr)
                .where(a.day >= facts.history_start(first)[1], a.day <= last)
                .order_by(a.start)):
            if since[row.user_id][1] <= row.day <= todays[row.user_id]:
                found.sessions[row.user_id].append(row)
        for user_id, last_checkin in db.execute(
                athletes.select(c.user_id, func.max(c.date)).group_by(c.user_id)):
            found.last_checkins[user_id] = last_checkin
        s = models.StrengthSession
        for user_id, day in db.execute(athletes.select(s.user_id, s.date).where(
                s.date >= first - dt.timedelta(days=COMPLIANCE_DAYS), s.date < last)):
            if todays[user_id] - dt.timedelta(days=COMPLIANCE_DAYS) <= day < todays[user_id]:
                found.strength_days[user_id].add(day)
        return found

    def facts_of(self, athlete_id: int, day: dt.date) -> Facts:
        return facts.compose_facts(day, self.checkins[athlete_id], self.loads[athlete_id],
                                   self.sessions[athlete_id],
                                   plans.plan_day(self.plans.get(athlete_id), day))
