"""The Today page in one call: the morning's check-in and verdict, the day's training adapted to
that verdict, and the week at a glance. The web route renders this and computes nothing."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, get_type_hints

from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.plan.model import Session as PlanSession
from yolvarex.domain.plan.profile import RunKind
from yolvarex.domain.plan.run_today import run_note
from yolvarex.domain.trees import Decision
from yolvarex.errors import NotFound
from yolvarex.services import checkins, coach_notes, day_state, days, decisions, gear, plans
from yolvarex.services import form as form_service
from yolvarex.services import routines as routine_service
from yolvarex.services.coach_notes import Note
from yolvarex.services.gear import ShoeView
from yolvarex.services.routines import TodaysRoutines
from yolvarex.services.strength_today import StrengthToday, strength_today
from yolvarex.services.week_progress import (
    WeekLoad,
    WeekProgress,
    load_trend,
    next_test,
    week_progress,
)
from yolvarex.store.access import Actor, scope


@dataclass(frozen=True)
class RunToday:
    """The plan's run for the day and, when the verdict changes it, what to do instead."""

    kind: RunKind
    note: str | None

    @property
    def is_run_day(self) -> bool:
        return self.kind is not RunKind.REST


@dataclass(frozen=True)
class TodayPage:
    day: dt.date
    checkin: CheckIn | None
    decision: Decision | None
    run: RunToday | None  # None without a plan (the plan's running week says the run)
    strength: StrengthToday
    drills: dict[str, Any] | None  # the warm-up drill block and the one cue, on running days
    routines: TodaysRoutines
    week: WeekProgress
    load: tuple[WeekLoad, ...]
    next_test: PlanSession | None
    shoes: tuple[ShoeView, ...] = ()  # active shoes near the distance their runner set
    coach_notes: tuple[Note, ...] = ()  # the runner's coaches' notes for the day


def today_page(db: Session, actor: Actor, library: Library, day: dt.date,
               athlete_id: int | None = None) -> TodayPage:
    """Everything the Today page shows for `day` (the athlete's local today); `athlete_id`: a
    coached athlete's page as their coach sees it. Kept as the day's state
    (`services.day_state`) and composed again only when its inputs changed; a coach's view is
    kept apart (a coach sees only their own notes)."""
    mine = scope(db, actor, athlete_id)
    athlete = mine.athlete_id
    today = days.today_of(db, actor, athlete)
    part = f"today:{day.isoformat()}" + ("" if mine.is_own else f":seen-by:{actor.id}")
    return day_state.known(db, athlete, today, day, part, _KEPT,
                           lambda: _compose(db, actor, library, day, athlete)).page


@dataclass(frozen=True)
class _Composed:
    page: TodayPage
    inputs: decisions.DayInputs  # what the decision is made from: kept instead of the decision


def _compose(db: Session, actor: Actor, library: Library, day: dt.date, athlete: int) -> _Composed:
    try:
        checkin: CheckIn | None = checkins.get_checkin(db, actor, day, athlete)
    except NotFound:
        checkin = None
    inputs = decisions.day_inputs(db, actor, day, athlete)
    decided = inputs.decide()
    decision = decided if decisions.shown(decided, inputs.checked_in) else None
    verdict = decision.verdict if decision is not None else None
    planned = plans.planned_for(db, actor, day, athlete)
    run = None
    if planned.run_day is not None:
        kind = RunKind(planned.run_day)
        run = RunToday(kind, run_note(kind, verdict))
    return _Composed(TodayPage(
        day=day, checkin=checkin, decision=decision, run=run,
        strength=strength_today(db, actor, day, library, verdict, athlete),
        drills=form_service.today_card(db, actor, library, day, verdict, athlete),
        routines=routine_service.suggestions_for(db, actor, library, day, limit=3, verdict=verdict,
                                                 athlete_id=athlete),
        week=week_progress(db, actor, day, athlete), load=load_trend(db, actor, day, athlete_id=athlete),
        next_test=next_test(db, actor, day, athlete), shoes=tuple(gear.shoes_near_limit(db, actor, athlete)),
        coach_notes=tuple(coach_notes.for_day(db, actor, athlete, day))), inputs)


_FIELDS = {f.name: TypeAdapter(kind) for f in fields(TodayPage)
           if (kind := get_type_hints(TodayPage)[f.name]) is not None and f.name != "decision"}


def _dump(composed: _Composed) -> str:
    page = composed.page
    kept = {name: adapter.dump_python(getattr(page, name), mode="json")
            for name, adapter in _FIELDS.items()}
    return json.dumps({"page": kept, "inputs": composed.inputs.to_json(),
                       "shown": page.decision is not None})


@lru_cache(maxsize=256)
def _load(text: str) -> _Composed:
    """The kept page, decoded and its decision made again from its inputs. The same kept text
    gives the same page, so it is decoded once per process and shared by the requests that read
    it (a page is frozen; nothing that renders it changes it)."""
    data = json.loads(text)
    inputs = decisions.DayInputs.from_json(data["inputs"])
    values = {name: adapter.validate_python(data["page"][name]) for name, adapter in _FIELDS.items()}
    page = TodayPage(decision=inputs.decide() if data["shown"] else None, **values)
    return _Composed(page, inputs)


_KEPT = day_state.Codec(_dump, _load)
