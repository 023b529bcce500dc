"""Log strength sessions, their sets and performance tests; read them back; and work out today's
workout from the plan and the log (the next prescription for each exercise, with its reason)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session, selectinload

from yolvarex.content import Library
from yolvarex.content.schemas.exercise import Equipment
from yolvarex.domain.perftest import Side, TestName, TestResult
from yolvarex.domain.plan.ladders import Ladders
from yolvarex.domain.plan.model import Prescription
from yolvarex.domain.progression import LoggedSession, LoggedSet, NextStep, next_prescription
from yolvarex.domain.strength_log import SessionIn, TestIn
from yolvarex.domain.units import Units
from yolvarex.errors import Invalid, validated
from yolvarex.services import day_state
from yolvarex.services.days import today_of
from yolvarex.services.plans import PlannedDay, current_plan, planned_for
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, owned, scope

HISTORY_DAYS = 120


def parse_session(data: Any) -> SessionIn:
    """A logged session from JSON-like data, or Invalid listing every wrong field and why."""
    return validated(SessionIn, data, "strength session",
                     mapping="A strength session is a mapping with date and sets.")


def log_session(db: Session, actor: Actor, session: SessionIn, library: Library,
                athlete_id: int | None = None) -> models.StrengthSession:
    """Store one session with its sets and test results, all or nothing."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    unknown = sorted({s.exercise for s in session.sets} - set(library.exercises))
    if unknown:
        raise Invalid("Some exercises are not in the library.",
                      details=[f"{e}: no such exercise; see `yolvarex library list exercises`"
                               for e in unknown])
    row = mine.new(
        models.StrengthSession, date=session.date, minutes=session.minutes, rpe=session.rpe,
        plan_session=session.plan_session.isoformat() if session.plan_session else None,
        notes=session.notes)
    for position, s in enumerate(session.sets, start=1):
        row.sets.append(models.StrengthSet(
            position=position, exercise=s.exercise, reps=s.reps, seconds=s.seconds,
            load_kg=s.load_kg, side=s.side.value, rpe=s.rpe, completed=s.completed,
            notes=s.notes))
    db.add(row)
    for t in session.tests:
        db.add(mine.new(models.PerformanceTest, date=session.date, test=t.test.value,
                        side=t.side.value, value=t.value))
    db.flush()
    return row


def delete_session(db: Session, actor: Actor, session_id: int) -> None:
    row = owned(db, actor, models.StrengthSession, session_id, Action.WRITE)
    db.delete(row)
    db.flush()


def sessions(db: Session, actor: Actor, start: dt.date, end: dt.date,
             athlete_id: int | None = None) -> list[models.StrengthSession]:
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.StrengthSession).options(
        selectinload(models.StrengthSession.sets)).where(models.StrengthSession.date >= start,
        models.StrengthSession.date <= end).order_by(models.StrengthSession.date,
                                                     models.StrengthSession.id)))


def session_json(row: models.StrengthSession) -> dict[str, Any]:
    return {"id": row.id, "date": row.date.isoformat(), "minutes": row.minutes, "rpe": row.rpe,
            "plan_session": row.plan_session, "notes": row.notes,
            "sets": [{"exercise": s.exercise, "reps": s.reps, "seconds": s.seconds,
                      "load_kg": s.load_kg, "side": s.side, "rpe": s.rpe,
                      "completed": s.completed, "notes": s.notes} for s in row.sets]}


def log_test(db: Session, actor: Actor, day: dt.date, test: TestName, side: Side, value: float,
             athlete_id: int | None = None) -> models.PerformanceTest:
    mine = scope(db, actor, athlete_id, Action.WRITE)
    try:
        checked = TestIn(test=test, side=side, value=value)
    except ValidationError as exc:
        raise Invalid.of("test result", exc) from None
    row = mine.new(models.PerformanceTest, date=day, test=checked.test.value,
                   side=checked.side.value, value=checked.value)
    db.add(row)
    db.flush()
    return row


def performance_tests(db: Session, actor: Actor, athlete_id: int | None = None) -> list[TestResult]:
    mine = scope(db, actor, athlete_id)
    rows = db.scalars(mine.select(models.PerformanceTest).order_by(models.PerformanceTest.date,
                                                               models.PerformanceTest.id))
    out = []
    for r in rows:
        try:
            out.append(TestResult(r.date, TestName(r.test), Side(r.side), r.value))
        except ValueError:
            continue  # a test name this version does not know
    return out


def logged_history(db: Session, actor: Actor, before: dt.date,
                   athlete_id: int | None = None) -> list[LoggedSession]:
    """Logged sessions of the last months before `before`, for the progression rules."""
    rows = sessions(db, actor, before - dt.timedelta(days=HISTORY_DAYS),
                    before - dt.timedelta(days=1), athlete_id)
    return [LoggedSession(r.date, tuple(LoggedSet(
        exercise=s.exercise, reps=s.reps, seconds=s.seconds, load_kg=s.load_kg, side=s.side,
        rpe=s.rpe, completed=s.completed) for s in r.sets), rpe=r.rpe) for r in rows]


@dataclass(frozen=True)
class Workout:
    """A day's planned session with each exercise's next prescription from the log."""

    day: PlannedDay
    steps: list[tuple[Prescription, NextStep]]
    logged: list[models.StrengthSession]

    def to_json(self) -> dict[str, Any]:
        return {**self.day.to_json(),
                "progression": [{"planned": p.to_json(), **step.to_json()}
                                for p, step in self.steps],
                "logged": [session_json(r) for r in self.logged]}


def workout(db: Session, actor: Actor, day: dt.date, library: Library,
            athlete_id: int | None = None, units: Units = "metric") -> Workout:
    """The day's planned session with today's next step for each exercise (its reason's
    weights in `units`: the web and CLI pass the runner's, the API keeps kilograms)."""
    planned = planned_for(db, actor, day, athlete_id)
    logged = sessions(db, actor, day, day, athlete_id)
    if planned.session is None:
        return Workout(planned, [], logged)
    stored = current_plan(db, actor, athlete_id)
    assert stored is not None
    history = logged_history(db, actor, day, athlete_id)
    before = {(s.date, p.exercise): p for s in stored.plan.sessions() for p in s.prescriptions()}
    ladders = Ladders(library, frozenset(stored.plan.profile.equipment))
    steps = [(p, next_prescription(p, history, ladders, before, units))
             for p in planned.session.prescriptions()]
    return Workout(planned, steps, logged)


def workout_json(db: Session, actor: Actor, day: dt.date, library: Library,
                 athlete_id: int | None = None) -> dict[str, Any]:
    """`workout(...).to_json()`, kept as the day's state (`services.day_state`)."""
    mine = scope(db, actor, athlete_id)
    found: dict[str, Any] = day_state.known(
        db, mine.athlete_id, today_of(db, actor, mine.athlete_id), day, f"workout:{day.isoformat()}",
        day_state.JSON, lambda: workout(db, actor, day, library, mine.athlete_id).to_json())
    return found


def next_steps(db: Session, actor: Actor, day: dt.date, library: Library,
               athlete_id: int | None = None, units: Units = "metric",
               ) -> list[tuple[Prescription, NextStep]]:
    """After a day's session is logged: the next prescription for each exercise it had, judged
    on the log up to and including that day (weights in the reasons in `units`)."""
    stored = current_plan(db, actor, athlete_id)
    equipment = frozenset(stored.plan.profile.equipment) if stored else frozenset(Equipment)
    ladders = Ladders(library, equipment)
    planned = stored.plan.session_on(day) if stored else None
    if planned is not None:
        bases = list(planned.prescriptions())
    else:
        bases = []
        for row in sessions(db, actor, day, day, athlete_id):
            for s in row.sets:
                exercise = library.exercises.get(s.exercise)
                if exercise is None or any(b.exercise == s.exercise for b in bases):
                    continue
                count = sum(1 for x in row.sets if x.exercise == s.exercise)
                sets = max(1, count // 2 if exercise.unilateral else count)
                d = exercise.dose
                bases.append(Prescription(exercise.id, sets, d.reps, d.seconds, exercise.unilateral,
                                          d.tempo, d.rest_s, None))
    history = logged_history(db, actor, day + dt.timedelta(days=1), athlete_id)
    before = {(s.date, p.exercise): p for s in stored.plan.sessions()
              for p in s.prescriptions()} if stored else {}
    return [(p, next_prescription(p, history, ladders, before, units)) for p in bases
            if p.reps is not None or p.seconds is not None]
