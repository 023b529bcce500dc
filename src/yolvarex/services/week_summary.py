"""The weekly summary: what was done against the plan, how the load moved, what changed in the
plan and why, and one form focus and one strength focus for next week, each with its reasons.

One typed result that the web page, the API and `yolvarex week --json` all render; the JSON
is `summary_json`, so the API and the CLI give the same answer to the same question.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.plan.model import Focus
from yolvarex.domain.verdict import Verdict
from yolvarex.services import checkins, day_state, decisions, plans, training_load
from yolvarex.services import form as form_service
from yolvarex.services.days import today_of
from yolvarex.services.week_progress import WeekProgress, monday_of, week_progress
from yolvarex.store.access import Actor, scope

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class LoadMove:
    """This week's load so far and the week before's over the same days (minutes x effort), and
    the acute:chronic ratio at the last counted day; None where it is not known yet."""

    this_week: float | None
    previous_week: float | None
    change_pct: float | None
    acwr: float | None
    words: str


@dataclass(frozen=True)
class PlanChange:
    """A change to the plan this week: the day's verdict and what it did, in words."""

    day: dt.date
    verdict: Verdict
    action: str
    reason: str
    moved_to: dt.date | None = None


@dataclass(frozen=True)
class VerdictDay:
    day: dt.date
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Focus1:
    """One focus for next week and why."""

    title: str
    reasons: tuple[str, ...]
    link: str | None = None


@dataclass(frozen=True)
class WeekSummary:
    monday: dt.date
    sunday: dt.date
    through: dt.date  # the last day counted (today while the week is running)
    complete: bool
    done: WeekProgress
    previous: WeekProgress
    load: LoadMove
    plan_changes: tuple[PlanChange, ...]
    verdicts: tuple[VerdictDay, ...]  # days this week whose verdict held training back
    form_focus: Focus1
    strength_focus: Focus1


_ADAPTER: TypeAdapter[WeekSummary] = TypeAdapter(WeekSummary)
_KEPT = day_state.Codec(lambda s: _ADAPTER.dump_json(s).decode(), _ADAPTER.validate_json)


def summary_json(summary: WeekSummary) -> dict[str, Any]:
    """The one JSON form of a summary (API response and `yolvarex week --json`)."""
    data: dict[str, Any] = _ADAPTER.dump_python(summary, mode="json")
    return data


def _load_move(db: Session, actor: Actor, monday: dt.date, through: dt.date,
               athlete_id: int | None) -> LoadMove:
    """This week's load so far against the same days of the week before (a week still running
    is not compared with a whole one)."""
    days = max((through - monday).days + 1, 1)
    series = training_load.load_series(db, actor, monday + dt.timedelta(days=days - 1), 7 + days,
                                       athlete_id)
    loads = [v or 0.0 for v in series.column("load")]
    before, now = round(sum(loads[:days]), 1), round(sum(loads[7:]), 1)
    acwr_now = series.column("acwr")[-1]
    acwr = None if acwr_now is None else round(acwr_now, 2)
    change = round((now - before) / before * 100) if before else None
    last = monday + dt.timedelta(days=days - 1)
    span = "the week before" if days == 7 else (
        f"{monday:%A} of the week before" if days == 1 else
        f"{monday:%A} to {last:%A} of the week before")
    if not now and not before:
        words = "No training logged this week or last, so there is no load to compare yet."
    elif not now and days < 7:
        words = (f"Nothing logged yet this week; by this day the week before had a load of "
                 f"{before:.0f}.")
    elif change is None:
        words = f"Nothing logged in {span}, so this week's load has nothing to compare with."
    elif abs(change) < 10:
        words = f"About the same load as {span} ({change:+d}%)."
    else:
        words = f"{abs(change)}% {'more' if change > 0 else 'less'} load than {span}."
    if acwr is not None:
        words += f" Acute:chronic ratio {acwr:.2f}"
        words += (" (above 1.5: a sharp rise; ease the next week)." if acwr > 1.5 else
                  " (below 0.8: less than usual)." if acwr < 0.8 else ".")
    return LoadMove(now, before, change, acwr, words)


def _plan_changes(db: Session, actor: Actor, monday: dt.date, sunday: dt.date,
                  athlete_id: int | None) -> tuple[PlanChange, ...]:
    stored = plans.current_plan(db, actor, athlete_id)
    if stored is None:
        return ()
    out = []
    for a in stored.adaptations:
        day = dt.date.fromisoformat(a["date"])
        if monday <= day <= sunday:
            moved = a.get("moved_to")
            out.append(PlanChange(day, Verdict(a["verdict"]), str(a["action"]), str(a["reason"]),
                                  dt.date.fromisoformat(moved) if moved else None))
    return tuple(out)


def _verdicts(db: Session, actor: Actor, monday: dt.date, through: dt.date,
              athlete_id: int | None) -> tuple[VerdictDay, ...]:
    out = []
    for checkin in checkins.list_checkins(db, actor, monday, through, athlete_id):
        decision = decisions.todays_decision(db, actor, checkin.date, athlete_id)
        if decision is not None and decision.verdict is not Verdict.TRAIN:
            reason = decision.advice[0] if decision.advice else decision.verdict.label
            out.append(VerdictDay(checkin.date, decision.verdict, reason))
    return tuple(out)


def _form_focus(db: Session, actor: Actor, library: Library, next_monday: dt.date,
                athlete_id: int | None) -> Focus1:
    block = form_service.plan_session(db, actor, library, 10, next_monday, athlete_id=athlete_id)
    session = block.session
    if session.general or not session.focus:
        return Focus1("A general drill block before your runs", (
            "No form findings yet: import a run with running dynamics or do the form "
            "self-assessment, and next week's focus follows what they find.",), "/form")
    fault = library.faults[session.focus[0]]
    reasons = [f"From {block.source}.", fault.summary]
    if session.run_cue:
        reasons.append(f"One cue for your runs: \u201c{library.cues[session.run_cue].text}\u201d")
    return Focus1(fault.title, tuple(reasons), f"/form/faults/{fault.id}")


def _strength_focus(db: Session, actor: Actor, done: WeekProgress, next_monday: dt.date,
                    athlete_id: int | None) -> Focus1:
    stored = plans.current_plan(db, actor, athlete_id)
    if stored is None:
        return Focus1("Set up a strength plan", (
            "Two short sessions a week around your runs make you a sturdier, more economical "
            "runner; the plan fits them around your running week.",), "/plan/profile")
    coming = [s for s in stored.plan.sessions() if next_monday <= s.date < next_monday + WEEK]
    if not coming:
        return Focus1("Plan the next block", (
            "Your strength plan has no sessions next week.",), "/plan/profile")
    tests = [s for s in coming if s.focus is Focus.TEST]
    lead = tests[0] if tests else max(coming, key=lambda s: (s.volume, -s.date.toordinal()))
    days = ", ".join(f"{s.date:%A} ({s.focus.label.lower()})" for s in coming)
    reasons = [f"{len(coming)} session{'s' if len(coming) != 1 else ''} next week: {days}."]
    if not tests and len(coming) > 1:
        reasons.append(f"{lead.date:%A}'s {lead.focus.label.lower()} session is the week's "
                       "biggest.")
    if tests:
        reasons.append("A performance-test week: the results show how your strength moved.")
    if done.through >= done.sunday and done.strength_planned \
            and done.strength_done < done.strength_planned:
        reasons.append(f"This week you did {done.strength_done} of {done.strength_planned} "
                       "planned sessions: keep next week's to the plan rather than adding the "
                       "missed ones.")
    return Focus1(lead.focus.label, tuple(reasons), "/plan")


def week_summary(db: Session, actor: Actor, library: Library, day: dt.date, today: dt.date,
                 athlete_id: int | None = None) -> WeekSummary:
    """The summary of the Monday-to-Sunday week holding `day`, counted through `today` while the
    week is still running (`today` is the athlete's local day); kept as the day's state
    (`services.day_state`)."""
    mine = scope(db, actor, athlete_id)
    summary: WeekSummary = day_state.known(
        db, mine.athlete_id, today_of(db, actor, mine.athlete_id), day,
        f"week:{monday_of(day).isoformat()}:{today.isoformat()}", _KEPT,
        lambda: _summary(db, actor, library, day, today, mine.athlete_id))
    return summary


def _summary(db: Session, actor: Actor, library: Library, day: dt.date, today: dt.date,
             athlete_id: int) -> WeekSummary:
    monday = monday_of(day)
    sunday = monday + dt.timedelta(days=6)
    through = min(sunday, max(today, monday - dt.timedelta(days=1)))
    counted = max(through, monday)
    done = week_progress(db, actor, counted, athlete_id) if through >= monday else \
        _empty(week_progress(db, actor, monday, athlete_id))
    previous = week_progress(db, actor, monday - dt.timedelta(days=1), athlete_id)
    next_monday = monday + WEEK
    return WeekSummary(
        monday=monday, sunday=sunday, through=through, complete=through >= sunday, done=done,
        previous=previous, load=_load_move(db, actor, monday, through, athlete_id),
        plan_changes=_plan_changes(db, actor, monday, sunday, athlete_id),
        verdicts=_verdicts(db, actor, monday, through, athlete_id),
        form_focus=_form_focus(db, actor, library, next_monday, athlete_id),
        strength_focus=_strength_focus(db, actor, done, next_monday, athlete_id))


def _empty(progress: WeekProgress) -> WeekProgress:
    """A week that has not started: the plan's numbers, nothing done."""
    return WeekProgress(progress.monday, progress.monday - dt.timedelta(days=1),
                        progress.runs_planned, 0, 0.0, 0.0, 0.0, progress.strength_planned, 0, 0)
