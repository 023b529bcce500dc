"""Recovery routines for a stored athlete: log what was done, the streak, and today's suggestions.

Every read and write goes through `store.access` with the acting user. Suggestions take the
day's verdict and planned sessions as inputs (from the decision and plan services, or from the
person asking); what the store knows (the latest check-in, runs and routines done recently) is
filled in here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.recovery.areas import normalise_areas
from yolvarex.domain.recovery.streak import Streak, streak
from yolvarex.domain.recovery.suggest import (
    Done,
    Run,
    SessionKind,
    Situation,
    Suggestion,
    area_cover,
    suggest,
)
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import decisions, history, plans
from yolvarex.services.days import zone_of
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, scope

SOURCES = ("web", "cli", "api")
#: A second report of the same routine this soon after the first is the same completion.
SAME_COMPLETION = dt.timedelta(minutes=2)
MAX_SECONDS = 6 * 3600
#: Sore areas from a check-in older than this no longer count.
SORE_AREAS_DAYS = 1


def routine_or_404(library: Library, routine_id: str) -> None:
    if routine_id not in library.routines:
        raise NotFound(f"There is no routine called {routine_id!r}; see the routine library for "
                       "the ones there are.")


def routine_summary(library: Library, routine_id: str) -> dict[str, Any]:
    """A routine in a few fields, for lists (CLI JSON and the API)."""
    routine = library.routines[routine_id]
    movements = [library.movements[s.movement] for s in routine.steps]
    return {
        "id": routine.id, "title": routine.title, "purpose": routine.purpose,
        "when": routine.when, "suits": [o.value for o in routine.suits],
        "also_suits": [o.value for o in routine.also_suits],
        "total_seconds": library.routine_seconds(routine_id), "steps": len(routine.steps),
        "body_areas": sorted({a for m in movements for a in m.body_areas}),
        "equipment": sorted({g.value for m in movements for g in m.equipment} - {"none"}),
    }


def routine_detail(library: Library, routine_id: str) -> dict[str, Any]:
    """A routine in full with its timeline (CLI JSON and the API)."""
    data = library.routines[routine_id].model_dump(mode="json", exclude_none=True)
    data.update(routine_summary(library, routine_id))
    data["timeline"] = [
        {"index": s.index, "step": s.step, "movement": s.movement, "title": s.title, "cue": s.cue,
         "side": s.side.value if s.side else None, "seconds": s.seconds, "reps": s.reps,
         "start": s.start} for s in library.routine_timeline(routine_id)]
    return data


def browse(library: Library, occasion: str | None = None,
           area: str | None = None) -> list[dict[str, Any]]:
    """Routine summaries, filtered by occasion and body area (free text, normalised).

    With an area, the routines that work most on it come first, each with `area_seconds`; an
    area that is not in the vocabulary raises Invalid.
    """
    rows = [routine_summary(library, r) for r in library.routines]
    if occasion:
        rows = [r for r in rows if occasion in r["suits"] + r["also_suits"]]
    if not area:
        return sorted(rows, key=lambda r: (not r["suits"], r["title"]))
    wanted = normalise_areas([area]).known
    if not wanted:
        raise Invalid(f"{area!r} is not a body area yolvarex knows; try calves, hips or lower back.")
    ranked = []
    for row in rows:
        cover = area_cover(library, row["id"], wanted)
        if cover.seconds_on:
            ranked.append((-cover.rank, row["title"], {**row, "area_seconds": cover.seconds_on}))
    return [row for *_, row in sorted(ranked, key=lambda t: (t[0], t[1]))]


def log_completion(db: Session, actor: Actor, library: Library, routine_id: str, *,
                   seconds: float | None = None, source: str = "web",
                   completed_at: dt.datetime | None = None,
                   athlete_id: int | None = None) -> models.RoutineCompletion:
    """Record a finished routine. Reporting the same routine again within two minutes (a double
    tap, a retried request) returns the first record instead of adding a second one."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    routine_or_404(library, routine_id)
    if source not in SOURCES:
        raise Invalid(f"source must be one of {', '.join(SOURCES)}.")
    if seconds is None:
        seconds = float(library.routine_seconds(routine_id))
    if not 0 < seconds <= MAX_SECONDS:
        raise Invalid("seconds must be more than 0 and at most six hours.")
    now = clock.now()
    when = completed_at or now
    if when.tzinfo is None:
        raise Invalid("completed_at needs a time zone, for example 2026-11-25T07:30:00Z.")
    if when > now + dt.timedelta(minutes=5):
        raise Invalid("completed_at is in the future; give the time you finished.")
    earlier = db.scalar(mine.select(models.RoutineCompletion).where(
        models.RoutineCompletion.routine == routine_id,
        models.RoutineCompletion.completed_at >= when - SAME_COMPLETION,
        models.RoutineCompletion.completed_at <= when + SAME_COMPLETION))
    if earlier is not None:
        return earlier
    row = mine.new(models.RoutineCompletion, routine=routine_id, completed_at=when,
                   day=clock.local_day(when, zone_of(db, mine.athlete_id)),
                   seconds=round(seconds, 1), source=source)
    db.add(row)
    db.flush()
    return row


def completion_days(db: Session, actor: Actor, athlete_id: int | None = None) -> list[dt.date]:
    """Every local day with at least one finished routine, oldest first."""
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.RoutineCompletion.day).distinct()
                           .order_by(models.RoutineCompletion.day)))


def streak_for(db: Session, actor: Actor, today: dt.date, athlete_id: int | None = None) -> Streak:
    return streak(completion_days(db, actor, athlete_id), today)


def _checkin_near(mine: Scope, today: dt.date) -> CheckIn | None:
    """The latest check-in from today or up to SORE_AREAS_DAYS before."""
    row = mine.db.scalar(mine.select(models.CheckIn).where(models.CheckIn.date <= today,
        models.CheckIn.date >= today - dt.timedelta(days=SORE_AREAS_DAYS))
        .order_by(models.CheckIn.date.desc()).limit(1))
    return CheckIn.model_validate(row.data) if row else None


@dataclass(frozen=True)
class TodaysRoutines:
    situation: Situation
    suggestions: tuple[Suggestion, ...]
    unknown_areas: tuple[str, ...]  # sore areas as typed that the vocabulary does not know
    checkin_day: dt.date | None  # where the sore areas came from


def planned_kinds(day: plans.PlannedDay) -> tuple[SessionKind, ...]:
    """The plan's day as session kinds: the run-day kind, plus strength when a session is set."""
    kinds = [SessionKind(day.run_day)] if day.run_day and day.run_day != "rest" else []
    if day.session is not None:
        kinds.append(SessionKind.STRENGTH)
    return tuple(kinds)


def situation_for(db: Session, actor: Actor, today: dt.date, *, verdict: Verdict | None = None,
                  planned: Sequence[SessionKind] = (), sore_areas: Sequence[str] | None = None,
                  athlete_id: int | None = None) -> tuple[Situation, dt.date | None]:
    """What the store knows about today; `sore_areas` replaces the check-in's when given.

    Without a given verdict, today's decision counts once today's check-in exists; without
    given sessions, the stored plan's run day and strength session count.
    """
    mine = scope(db, actor, athlete_id)
    checkin = _checkin_near(mine, today)
    yesterday = today - dt.timedelta(days=1)
    runs = tuple(Run(day=a.day, kind=a.run_type)
                 for a in history.activities(db, actor, yesterday, today, mine.athlete_id)
                 if a.sport == "running")
    done = tuple(Done(routine=c.routine, day=c.day)
                 for c in history.routine_completions(db, actor, yesterday, today, mine.athlete_id))
    todays = checkin if checkin is not None and checkin.date == today else None
    if verdict is None:
        decision = decisions.todays_decision(db, actor, today, mine.athlete_id)
        verdict = None if decision is None else decision.verdict
    if not planned:
        planned = planned_kinds(plans.planned_for(db, actor, today, mine.athlete_id))
    situation = Situation(
        today=today, verdict=verdict, planned=tuple(planned), runs=runs, done=done,
        sore_areas=tuple(sore_areas) if sore_areas is not None else (
            checkin.sore_areas if checkin else ()),
        sleep_hours=todays.sleep_hours if todays else None,
        stress=todays.stress if todays else None)
    source_day = checkin.date if checkin is not None and sore_areas is None else None
    return situation, source_day


def suggestions_for(db: Session, actor: Actor, library: Library, today: dt.date, *,
                    verdict: Verdict | None = None, planned: Sequence[SessionKind] = (),
                    sore_areas: Sequence[str] | None = None, limit: int = 5,
                    athlete_id: int | None = None) -> TodaysRoutines:
    situation, checkin_day = situation_for(db, actor, today, verdict=verdict, planned=planned,
                                           sore_areas=sore_areas, athlete_id=athlete_id)
    return _result(situation, library, limit, checkin_day)


def suggestions_stateless(library: Library, today: dt.date, *, verdict: Verdict | None = None,
                          planned: Sequence[SessionKind] = (), sore_areas: Sequence[str] = (),
                          limit: int = 5) -> TodaysRoutines:
    """Suggestions from what the caller says alone, with no stored user."""
    situation = Situation(today=today, verdict=verdict, planned=tuple(planned),
                          sore_areas=tuple(sore_areas))
    return _result(situation, library, limit, None)


def _result(situation: Situation, library: Library, limit: int,
            checkin_day: dt.date | None) -> TodaysRoutines:
    if not 1 <= limit <= 20:
        raise Invalid("limit must be between 1 and 20.")
    unknown = normalise_areas(situation.sore_areas).unknown
    return TodaysRoutines(situation=situation, suggestions=suggest(situation, library, limit),
                          unknown_areas=unknown, checkin_day=checkin_day)


def parse_verdict(value: str | None) -> Verdict | None:
    if value is None or not value.strip():
        return None
    try:
        return Verdict(value.strip().lower())
    except ValueError:
        raise Invalid(f"unknown verdict {value!r}; use one of: "
                      f"{', '.join(v.value for v in Verdict)}.") from None


def parse_planned(values: Sequence[str] | str | None) -> tuple[SessionKind, ...]:
    """Session kinds from 'speed', 'strength,easy' or a list of them."""
    if values is None:
        return ()
    items = values.split(",") if isinstance(values, str) else [
        part for v in values for part in v.split(",")]
    out: list[SessionKind] = []
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        try:
            kind = SessionKind(item.replace("-", "_"))
        except ValueError:
            raise Invalid(f"unknown planned session {item!r}; use one of: "
                          f"{', '.join(k.value for k in SessionKind)}.") from None
        if kind not in out:
            out.append(kind)
    return tuple(out)


def parse_areas(values: Sequence[str] | str | None) -> tuple[str, ...] | None:
    """Free-text areas from 'calves, hamstrings' or a list; None when not given at all."""
    if values is None:
        return None
    items = values.split(",") if isinstance(values, str) else [
        part for v in values for part in v.split(",")]
    return tuple(i.strip() for i in items if i.strip())
