"""Adapt a day's session to the day's verdict from the rest pillar.

- `train`: the session goes ahead as planned.
- `modify`: the session stays, with less leg work: no plyometrics, full-load leg exercises down
  to one set, other leg exercises one set fewer, and a lower effort target.
- `rest` or `cross_train`: the session moves to the next legal day of the same plan week that
  has no session yet (the placement rules still hold, and a full leg session stays 48 h from the
  others, and no exercise or leg muscle lands on consecutive days). If only a lighter version
  fits, that version moves; if nothing fits, it is skipped.
- `see_professional`: no strength work until you have been checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from yolvarex.content.schemas.exercise import LegLoad
from yolvarex.domain.plan.builder import leg_load_of
from yolvarex.domain.plan.catalog import Exercises, SessionParts
from yolvarex.domain.plan.estimate import minutes, session_seconds
from yolvarex.domain.plan.model import Block, BlockKind, Plan, Session, Week
from yolvarex.domain.plan.rules import FULL_GAP_DAYS, DayRules, clash
from yolvarex.domain.verdict import Verdict

DAY = dt.timedelta(days=1)
DAY_WORDS = {Verdict.REST: "a rest day", Verdict.CROSS_TRAIN: "a cross-training day"}


class Action(StrEnum):
    NONE = "none"  # no session that day
    KEEP = "keep"
    REDUCE = "reduce"
    MOVE = "move"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Adaptation:
    date: dt.date
    verdict: Verdict
    action: Action
    reason: str
    session: Session | None = None  # the session as it will now be done
    moved_to: dt.date | None = None

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "verdict": self.verdict.value,
                "action": self.action.value, "reason": self.reason,
                "moved_to": self.moved_to.isoformat() if self.moved_to else None,
                "session": self.session.to_json() if self.session else None}


def reduce_legs(session: Session, parts: SessionParts) -> Session:
    """The same session with less leg work, for a `modify` day."""
    blocks = []
    for block in session.blocks:
        if block.kind is BlockKind.PLYOMETRIC:
            continue
        prescriptions = []
        for p in block.exercises:
            exercise = parts.exercises[p.exercise]
            if exercise.leg_load is LegLoad.FULL:
                p = replace(p, sets=1)
            elif exercise.lower_body:
                p = replace(p, sets=max(1, p.sets - 1))
            if p.rpe_target is not None:
                p = replace(p, rpe_target=min(p.rpe_target, 6))
            prescriptions.append(p)
        blocks.append(Block(block.kind, tuple(prescriptions), block.routine))
    reduced = replace(session, blocks=tuple(blocks))
    load = leg_load_of(list(reduced.prescriptions()), parts.exercises)
    reduced = replace(reduced, lower_body_load=load)
    return replace(reduced, minutes=minutes(session_seconds(reduced, parts)))


def _replace_session(plan: Plan, old: Session, new: Session | None) -> Plan:
    weeks = []
    for week in plan.weeks:
        sessions = [s for s in week.sessions if s is not old]
        if new is not None and week.start <= new.date < week.start + 7 * DAY:
            sessions.append(new)
        sessions.sort(key=lambda s: s.date)
        weeks.append(Week(week.week, week.start, week.phase, tuple(sessions)))
    return replace(plan, weeks=tuple(weeks))


def _fits(plan: Plan, rules: DayRules, session: Session, day: dt.date, moving: Session,
          exercises: Exercises) -> bool:
    if not rules.any_ok(day) or day > plan.profile.end:
        return False
    others = [s for s in plan.sessions() if s is not moving]
    if any(clash(session.on(day), s, exercises) for s in others):
        return False
    heavy = session.lower_body_load is LegLoad.FULL or any(
        b.kind is BlockKind.PLYOMETRIC for b in session.blocks)
    if not heavy:
        return True
    if not rules.heavy_ok(day):
        return False
    return all(abs((s.date - day).days) >= FULL_GAP_DAYS for s in others
               if s.lower_body_load is LegLoad.FULL)


def adapt_day(plan: Plan, day: dt.date, verdict: Verdict,
              parts: SessionParts) -> tuple[Plan, Adaptation]:
    """The plan after the day's verdict, and what changed (in words)."""
    session = plan.session_on(day)
    if session is None:
        return plan, Adaptation(day, verdict, Action.NONE, "No strength session is planned today.")
    if verdict is Verdict.TRAIN:
        return plan, Adaptation(day, verdict, Action.KEEP, "Train as planned.", session)
    if verdict is Verdict.MODIFY:
        reduced = reduce_legs(session, parts)
        return _replace_session(plan, session, reduced), Adaptation(
            day, verdict, Action.REDUCE,
            "Keep it easy today: no jumping, and the leg exercises drop to fewer sets at an "
            "effort of 6 out of 10. Upper body and core stay as planned.", reduced)
    if verdict is Verdict.SEE_PROFESSIONAL:
        return _replace_session(plan, session, None), Adaptation(
            day, verdict, Action.SKIP,
            "No strength work until you have been checked; the session is taken off the plan.")
    rules = DayRules(plan.profile)
    week = plan.week_of(day)
    last = week.start + 6 * DAY if week else day
    lighter = reduce_legs(session, parts)
    candidate = day + DAY
    while candidate <= last:
        for version in (session, lighter):
            if _fits(plan, rules, version, candidate, session, parts.exercises):
                moved = version.on(candidate)
                moved = replace(moved, run_day=rules.kind(candidate))
                what = "" if version is session else " with less leg work so the rules still hold"
                return _replace_session(plan, session, moved), Adaptation(
                    day, verdict, Action.MOVE,
                    f"Today is {DAY_WORDS[verdict]}, so the session moves to "
                    f"{candidate:%A %d %B}{what}.", moved, candidate)
        candidate += DAY
    return _replace_session(plan, session, None), Adaptation(
        day, verdict, Action.SKIP,
        f"Today is {DAY_WORDS[verdict]}, and no later day this week can take the session "
        "without breaking the placement rules, so it is skipped. Pick up the plan with the next "
        "session.")
