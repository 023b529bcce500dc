"""The next prescription from the log, as the seed describes progressive overload.

Judged on the most recent session that logged this exercise (or another rung of its ladder):
- Half or more of the sets missed: step back from the dose that was missed (the easier rung,
  less load at the same reps, or fewer reps).
- Any set missed, or an effort of 9-10: hold the same dose that was done (same reps, sets and
  load, never today's higher plan).
- Every set at the top of the range at an effort of 8 or less: progress, in this order:
  reps up toward 15-20; then more resistance where the runner has weights; then a slower
  lowering (3 s down, 1 s up); then the next rung of the ladder.
- Holds grow by 10 s from what was held, up to a minute, then climb the ladder; at the top,
  a static hold on flat ground may get a less stable version (its own `less_stable` text).
  Exercises that move, or stand on a step edge, never get eyes-closed or unstable versions.
- Otherwise: hold, aiming for one more rep.
- A new block that moves to a harder rung waits while the last session on the old rung was
  incomplete or very hard.
The effort of a set is its own RPE, else the session's RPE. Every change carries its reason in
words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from yolvarex.content.schemas.exercise import Equipment, Exercise
from yolvarex.domain.plan.describe import tempo_words
from yolvarex.domain.plan.ladders import Ladders
from yolvarex.domain.plan.model import Prescription
from yolvarex.domain.units import Units, weight

TOP_REPS = 20
REPS_BEFORE_LOAD = 15
LONGEST_HOLD = 60
HARD_RPE = 9
EASY_ENOUGH_RPE = 8
WEIGHTS = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL})


class Change(StrEnum):
    PLAN = "plan"
    HOLD = "hold"
    MORE_REPS = "more_reps"
    LONGER_HOLD = "longer_hold"
    MORE_LOAD = "more_load"
    SLOWER_LOWERING = "slower_lowering"
    NEXT_RUNG = "next_rung"
    LESS_STABILITY = "less_stability"
    STEP_BACK = "step_back"
    EASIER_RUNG = "easier_rung"


@dataclass(frozen=True, slots=True)
class LoggedSet:
    exercise: str
    reps: int | None = None
    seconds: float | None = None
    load_kg: float | None = None
    side: str = "both"
    rpe: float | None = None
    completed: bool = True


@dataclass(frozen=True, slots=True)
class LoggedSession:
    date: dt.date
    sets: tuple[LoggedSet, ...]
    rpe: float | None = None  # the whole session's effort, used for sets logged without one


@dataclass(frozen=True, slots=True)
class NextStep:
    prescription: Prescription
    change: Change
    reason: str
    based_on: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {"prescription": self.prescription.to_json(), "change": self.change.value,
                "reason": self.reason,
                "based_on": self.based_on.isoformat() if self.based_on else None}


def _title(exercise: Exercise) -> str:
    return exercise.title


def _on(exercise: Exercise, base: Prescription, done: Prescription | None = None) -> Prescription:
    """A prescription for another exercise, keeping the session's sets, rest and effort; the
    dose the runner last did on it (`done`) when there is one, else its starting dose."""
    if done is not None and done.exercise == exercise.id:
        return replace(base, exercise=exercise.id, reps=done.reps, seconds=done.seconds,
                       per_side=exercise.unilateral, tempo=done.tempo, load_kg=done.load_kg,
                       note=None)
    dose = exercise.dose
    return replace(base, exercise=exercise.id, reps=dose.reps, seconds=dose.seconds,
                   per_side=exercise.unilateral, tempo=dose.tempo, load_kg=None, note=None)


def _same_dose(base: Prescription, before: Prescription, load: float | None) -> Prescription:
    """Today's prescription holding the dose that was done last time: its reps or hold, its
    tempo, its load, and no more sets than either asks."""
    return replace(base, reps=before.reps if before.reps is not None else base.reps,
                   seconds=before.seconds if before.seconds is not None else base.seconds,
                   tempo=before.tempo, sets=min(base.sets, before.sets), load_kg=load)


def next_prescription(planned: Prescription, history: Sequence[LoggedSession], ladders: Ladders,
                      planned_before: Mapping[tuple[dt.date, str], Prescription] | None = None,
                      units: Units = "metric") -> NextStep:
    """What to do today for `planned`, given earlier sessions (any order, all before today);
    a weight in the reason is written in `units` (kg or lb)."""
    exercises = ladders.book.exercises
    if planned.reps is None and planned.seconds is None:
        return NextStep(planned, Change.PLAN, "A test: do your best with good form.")
    ladder = ladders.ladder_of(planned.exercise)
    family = set(ladder.steps) if ladder else {planned.exercise}
    found = next(((session, [s for s in session.sets if s.exercise in family])
                  for session in sorted(history, key=lambda s: s.date, reverse=True)
                  if any(s.exercise in family for s in session.sets)), None)
    if found is None:
        return NextStep(planned, Change.PLAN, "Nothing logged for this exercise yet: start with "
                                              "the planned dose and note how hard it felt.")
    session, done = found
    logged_id = done[0].exercise
    done = [s for s in done if s.exercise == logged_id]
    exercise = exercises.get(logged_id)
    if exercise is None:
        return NextStep(planned, Change.PLAN, "The logged exercise is no longer in the library.")
    if session.rpe is not None:
        done = [s if s.rpe is not None else replace(s, rpe=session.rpe) for s in done]
    if logged_id != planned.exercise and (session.date, logged_id) in (planned_before or {}):
        # the runner did what the plan asked then; the plan changes the rung now, unless the
        # old rung was not yet mastered
        then = (planned_before or {})[(session.date, logged_id)]
        judged = _judge(_on(exercise, planned, then), then, done, exercise, ladders, units)
        today = exercises.get(planned.exercise)
        name = today.title if today else planned.exercise
        if judged.change in (Change.HOLD, Change.STEP_BACK, Change.EASIER_RUNG) and _climbs(
                ladders, logged_id, planned.exercise):
            return replace(judged, reason=f"{judged.reason} The new block moves to {name} once "
                                          f"{exercise.title} is complete.",
                           based_on=session.date)
        return NextStep(planned, Change.PLAN,
                        f"New block: the plan changes {exercise.title} to {name}. Start at the "
                        "low end of the range and note how hard it feels.", session.date)
    before = (planned_before or {}).get((session.date, logged_id))
    base = planned if logged_id == planned.exercise else _on(exercise, planned, before)
    step = _judge(base, before or base, done, exercise, ladders, units)
    return replace(step, based_on=session.date)


def _climbs(ladders: Ladders, old: str, new: str) -> bool:
    """Is `new` a harder rung of the same ladder as `old`?"""
    ladder = ladders.ladder_of(old)
    return ladder is not None and old in ladder.steps and new in ladder.steps \
        and ladder.steps.index(new) > ladder.steps.index(old)


def _judge(base: Prescription, before: Prescription, done: list[LoggedSet], exercise: Exercise,
           ladders: Ladders, units: Units) -> NextStep:
    completed = [s for s in done if s.completed]
    rpes = [s.rpe for s in done if s.rpe is not None]
    top_rpe = max(rpes) if rpes else None
    if before.seconds is not None or (before.reps is None and any(s.seconds for s in done)):
        target = before.seconds or base.seconds or 30
        short = [s for s in completed if (s.seconds or 0) < target * 0.9]
        missed = len(done) - len(completed) + len(short)
        achieved = min((s.seconds or 0 for s in completed), default=0.0)
        return _holds(_same_dose(base, before, None), exercise, ladders, missed, len(done),
                      top_rpe, target, achieved)
    lo, hi = before.reps or base.reps or (8, 12)
    short = [s for s in completed if (s.reps or 0) < lo]
    missed = len(done) - len(completed) + len(short)
    weakest = min((s.reps or 0 for s in completed), default=0)
    loads = [s.load_kg for s in done if s.load_kg]
    load = max(loads) if loads else None
    title = _title(exercise)
    same = _same_dose(base, before, load)
    if missed * 2 >= len(done):
        easier = ladders.easier(exercise.id)
        why = f"You missed {missed} of {len(done)} sets of {title} last time"
        if load:
            lighter = round(load * 0.9 * 2) / 2
            return NextStep(replace(same, load_kg=lighter), Change.STEP_BACK,
                            f"{why}, so the weight drops to {weight(lighter, units)} for the same "
                            f"{lo}-{hi} reps.")
        if easier is not None:
            return NextStep(_on(easier, base), Change.EASIER_RUNG,
                            f"{why}, so step down to {_title(easier)} and build back up.")
        fewer = (max(1, lo - 2), max(1, hi - 2))
        return NextStep(replace(same, reps=fewer), Change.STEP_BACK,
                        f"{why}, so aim for {fewer[0]}-{fewer[1]} reps this time.")
    if missed:
        return NextStep(same, Change.HOLD,
                        f"You missed {missed} of {len(done)} sets last time: repeat the same "
                        f"{lo}-{hi} reps until every set is complete.")
    if top_rpe is not None and top_rpe >= HARD_RPE:
        return NextStep(same, Change.HOLD,
                        f"Last time felt very hard (effort {top_rpe:g}/10): repeat the same "
                        f"{lo}-{hi} reps until it feels like 7 or 8.")
    if weakest < hi or (top_rpe is not None and top_rpe > EASY_ENOUGH_RPE):
        top = base.reps[1] if base.reps else hi
        if weakest >= top:
            return NextStep(replace(base, load_kg=load), Change.HOLD,
                            f"You did {weakest} reps on every set last time; today's range tops "
                            f"out at {top}, so make every rep smooth and keep the tempo.")
        aim = min(weakest + 1, top)
        return NextStep(replace(base, load_kg=load), Change.HOLD,
                        f"You did at least {weakest} reps on every set: aim for {aim} this time.")
    return _progress(base, exercise, ladders, lo, hi, load, units)


def _at_least(reps: tuple[int, int], planned: tuple[int, int] | None) -> tuple[int, int]:
    """Never below what the plan already asks for today."""
    if planned is None:
        return reps
    return (max(reps[0], planned[0]), max(reps[1], planned[1]))


def _progress(base: Prescription, exercise: Exercise, ladders: Ladders, lo: int, hi: int,
              load: float | None, units: Units) -> NextStep:
    why = f"You did {hi} reps on every set at a comfortable effort"
    if exercise.plyometric:
        dose_hi = exercise.dose.reps[1] if exercise.dose.reps else hi
        if hi < dose_hi + 4:
            more = _at_least((lo + 2, hi + 2), base.reps)
            return NextStep(replace(base, reps=more), Change.MORE_REPS,
                            f"{why}: add two contacts per set, keeping each one quick and quiet.")
        harder = ladders.harder(exercise.id)
        if harder is not None:
            return NextStep(_on(harder, base), Change.NEXT_RUNG,
                            f"{why}: move up to {_title(harder)}.")
        return NextStep(base, Change.HOLD, f"{why}: this is the top of the ladder, so keep it "
                                           "crisp rather than adding more.")
    if hi < REPS_BEFORE_LOAD:
        more = _at_least((min(lo + 2, TOP_REPS - 2), min(hi + 2, TOP_REPS)), base.reps)
        return NextStep(replace(base, reps=more, load_kg=load), Change.MORE_REPS,
                        f"{why}: reps go up to {more[0]}-{more[1]} before anything else changes.")
    weights = WEIGHTS & set(exercise.equipment) & ladders.equipment
    if weights:
        added = 2.0 if (load or 0) < 20 else 2.5
        heavier = (load or 0) + added
        reps = exercise.dose.reps or (8, 12)
        return NextStep(replace(base, load_kg=heavier, reps=reps), Change.MORE_LOAD,
                        f"{why}: hold {weight(heavier, units)} (dumbbells, a kettlebell or filled water "
                        f"bottles) and go back to {reps[0]}-{reps[1]} reps.")
    if base.tempo is None or int(base.tempo.split("-")[0]) < 3:
        rest = base.tempo.split("-")[1:] if base.tempo else ["0", "1"]
        slower = "-".join(["3", *rest])
        return NextStep(replace(base, tempo=slower), Change.SLOWER_LOWERING,
                        f"{why}: take 3 seconds to lower on every rep ({tempo_words(slower)}).")
    harder = ladders.harder(exercise.id)
    if harder is not None:
        return NextStep(_on(harder, base), Change.NEXT_RUNG,
                        f"{why}: time for the next rung, {_title(harder)}.")
    return NextStep(base, Change.HOLD, f"{why}: you are at the top of this ladder, so keep the "
                                       "dose and enjoy being strong.")


def _holds(base: Prescription, exercise: Exercise, ladders: Ladders, missed: int, total: int,
           top_rpe: float | None, target: float, achieved: float) -> NextStep:
    title = _title(exercise)
    if missed * 2 >= total:
        easier = ladders.easier(exercise.id)
        if easier is not None:
            return NextStep(_on(easier, base), Change.EASIER_RUNG,
                            f"You fell short on {missed} of {total} holds of {title}, so step down "
                            f"to {_title(easier)} for now.")
        shorter = max(10, int(target) - 10)
        return NextStep(replace(base, seconds=shorter), Change.STEP_BACK,
                        f"You fell short on {missed} of {total} holds, so hold {shorter} s this time.")
    if missed or (top_rpe is not None and top_rpe >= HARD_RPE):
        return NextStep(replace(base, seconds=int(target)), Change.HOLD,
                        f"Repeat {int(target)} s holds until every one feels steady.")
    held = int(max(target, achieved))
    if held < LONGEST_HOLD:
        longer = min(LONGEST_HOLD, held + 10)
        return NextStep(replace(base, seconds=longer), Change.LONGER_HOLD,
                        f"You held {achieved:g} s on every set: go for {longer} s.")
    harder = ladders.harder(exercise.id)
    if harder is not None:
        return NextStep(_on(harder, base), Change.NEXT_RUNG,
                        f"A minute is easy now: move up to {_title(harder)}.")
    if exercise.less_stable:
        return NextStep(replace(base, seconds=LONGEST_HOLD, note=exercise.less_stable),
                        Change.LESS_STABILITY, "You are at the top of this ladder: make the hold "
                                               "less stable rather than longer.")
    return NextStep(replace(base, seconds=LONGEST_HOLD), Change.HOLD,
                    "A minute is steady and this is the top of the ladder: keep the minute and "
                    "enjoy being strong.")
