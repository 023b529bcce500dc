"""Progressive overload from the log: each rule of the seed, with its reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from yolvarex.content import load_library
from yolvarex.content.schemas.exercise import Equipment
from yolvarex.domain.plan.ladders import Ladders
from yolvarex.domain.plan.model import Prescription
from yolvarex.domain.progression import Change, LoggedSession, LoggedSet, next_prescription

LIBRARY, _ = load_library()
# A runner with no equipment but a home: a chair, stairs and a table (the profile's default).
BODYWEIGHT = Ladders(LIBRARY, frozenset({Equipment.BODYWEIGHT, Equipment.CHAIR, Equipment.STEP,
                                         Equipment.TABLE}))
WEIGHTS = Ladders(LIBRARY, frozenset(Equipment))
DAY = dt.date(2026, 12, 1)


def planned(exercise: str, reps: tuple[int, int] | None = (8, 12), seconds: int | None = None,
            tempo: str | None = "2-0-1", sets: int = 3, per_side: bool = True) -> Prescription:
    return Prescription(exercise=exercise, sets=sets, reps=reps, seconds=seconds,
                        per_side=per_side, tempo=tempo, rest_s=60, rpe_target=7)


def logged(exercise: str, reps: list[int | None], rpe: float | None = 7, load: float | None = None,
           completed: list[bool] | None = None, seconds: list[float] | None = None) -> LoggedSession:
    sets = []
    for i, r in enumerate(reps):
        sets.append(LoggedSet(exercise=exercise, reps=r, rpe=rpe, load_kg=load,
                              seconds=seconds[i] if seconds else None,
                              completed=completed[i] if completed else True))
    return LoggedSession(DAY, tuple(sets))


def test_nothing_logged_keeps_the_plan() -> None:
    step = next_prescription(planned("split-squat"), [], BODYWEIGHT)
    assert step.change is Change.PLAN and "Nothing logged" in step.reason


def test_top_of_range_raises_reps_toward_twenty() -> None:
    step = next_prescription(planned("split-squat"), [logged("split-squat", [12, 12, 12])], BODYWEIGHT)
    assert step.change is Change.MORE_REPS and step.prescription.reps == (10, 14)
    assert "12 reps on every set" in step.reason and step.based_on == DAY


def test_in_range_holds_and_aims_for_one_more() -> None:
    step = next_prescription(planned("split-squat"), [logged("split-squat", [10, 9, 9])], BODYWEIGHT)
    assert step.change is Change.HOLD and "aim for 10" in step.reason


def test_at_fifteen_plus_with_weights_adds_load_and_resets_reps() -> None:
    p = planned("reverse-lunge", reps=(13, 16))
    step = next_prescription(p, [logged("reverse-lunge", [16, 16, 16], load=6)], WEIGHTS)
    assert step.change is Change.MORE_LOAD and step.prescription.load_kg == 8
    assert step.prescription.reps == (8, 12) and "water" in step.reason
    assert "hold 8 kg" in step.reason
    pounds = next_prescription(p, [logged("reverse-lunge", [16, 16, 16], load=6)], WEIGHTS,
                               units="imperial")
    assert pounds.prescription.load_kg == 8 and "hold 17.5 lb" in pounds.reason  # stored kg


def test_without_weights_the_lowering_slows_then_the_next_rung() -> None:
    p = planned("split-squat", reps=(13, 16), tempo="2-0-1")
    slower = next_prescription(p, [logged("split-squat", [16] * 3)], BODYWEIGHT)
    assert slower.change is Change.SLOWER_LOWERING and slower.prescription.tempo == "3-0-1"
    p = planned("split-squat", reps=(13, 16), tempo="3-0-1")
    harder = next_prescription(p, [logged("split-squat", [16] * 3)], BODYWEIGHT)
    assert harder.change is Change.NEXT_RUNG
    assert harder.prescription.exercise == "reverse-lunge"


@pytest.mark.parametrize("exercise", ["pistol-squat", "eccentric-heel-drop", "lateral-step-down",
                                      "single-leg-calf-raise-step", "weighted-single-leg-rdl"])
def test_exercises_that_move_or_stand_on_a_step_never_get_eyes_closed(exercise: str) -> None:
    p = planned(exercise, reps=(13, 16), tempo="3-0-1")
    step = next_prescription(p, [logged(exercise, [16] * 3)], BODYWEIGHT)
    assert step.change is not Change.LESS_STABILITY
    text = f"{step.reason} {step.prescription.note or ''}".lower()
    assert "eyes" not in text and "towel" not in text and "unstable" not in text


def test_only_static_holds_on_flat_ground_get_a_less_stable_version() -> None:
    p = planned("wall-sit", reps=None, seconds=60, tempo=None, per_side=False)
    step = next_prescription(p, [logged("wall-sit", [None] * 3, seconds=[60, 60, 60])], BODYWEIGHT)
    assert step.change is Change.LESS_STABILITY and "eyes" in (step.prescription.note or "")
    with_text = [e.id for e in LIBRARY.exercises.values() if e.less_stable]
    assert with_text and all(LIBRARY.exercises[i].dose.seconds for i in with_text)


def test_a_hold_repeats_the_dose_that_was_done_not_todays_higher_plan() -> None:
    before = planned("lateral-step-down", reps=(8, 12), sets=2)
    today = planned("lateral-step-down", reps=(10, 14), sets=3)
    history = [logged("lateral-step-down", [12, 12, 6], rpe=8,
                      completed=[True, True, False])]
    step = next_prescription(today, history, BODYWEIGHT, {(DAY, "lateral-step-down"): before})
    assert step.change is Change.HOLD and "same" in step.reason
    assert step.prescription.reps == (8, 12) and step.prescription.sets == 2


def test_a_step_back_lowers_the_weight_for_the_same_reps() -> None:
    before = Prescription("goblet-squat", 3, (8, 10), None, False, "3-0-1", 75, 7, load_kg=16)
    today = replace(before, reps=(10, 12))
    history = [logged("goblet-squat", [10, 5, 4], load=16)]
    step = next_prescription(today, history, WEIGHTS, {(DAY, "goblet-squat"): before})
    assert step.change is Change.STEP_BACK
    assert step.prescription.load_kg == 14.5 and step.prescription.reps == (8, 10)
    assert "14.5 kg for the same 8-10 reps" in step.reason
    pounds = next_prescription(today, history, WEIGHTS, {(DAY, "goblet-squat"): before}, "imperial")
    assert "32 lb for the same 8-10 reps" in pounds.reason


def test_a_failed_block_does_not_climb_to_the_next_rung() -> None:
    before = planned("split-squat", reps=(10, 14))
    today = planned("rear-foot-elevated-split-squat", reps=(6, 10))
    failed = [logged("split-squat", [8, 6, 5])]
    step = next_prescription(today, failed, BODYWEIGHT, {(DAY, "split-squat"): before})
    assert step.prescription.exercise == "split-squat" and step.change is Change.STEP_BACK
    assert "once Split squat is complete" in step.reason or "moves to" in step.reason
    done = [logged("split-squat", [14, 14, 14])]
    step = next_prescription(today, done, BODYWEIGHT, {(DAY, "split-squat"): before})
    assert step.change is Change.PLAN and step.prescription.exercise == today.exercise


def test_the_session_effort_counts_when_sets_carry_none() -> None:
    history = [replace(logged("split-squat", [12, 12, 12], rpe=None), rpe=9)]
    step = next_prescription(planned("split-squat"), history, BODYWEIGHT)
    assert step.change is Change.HOLD and "effort 9/10" in step.reason
    assert "comfortable" not in step.reason


def test_a_full_45_s_plank_asks_for_more_than_45_s() -> None:
    p = planned("plank", reps=None, seconds=30, tempo=None, per_side=False)
    history = [logged("plank", [None] * 3, seconds=[45, 45, 45])]
    step = next_prescription(p, history, BODYWEIGHT)
    assert step.change is Change.LONGER_HOLD and step.prescription.seconds == 55


def test_missed_sets_hold_and_many_missed_step_back() -> None:
    one = next_prescription(planned("push-up"), [logged("push-up", [10, 10, 6])], BODYWEIGHT)
    assert one.change is Change.HOLD and "missed 1 of 3" in one.reason
    many = next_prescription(planned("push-up"), [logged("push-up", [5, 4, 3])], BODYWEIGHT)
    assert many.change is Change.EASIER_RUNG and many.prescription.exercise == "incline-push-up"
    unfinished = next_prescription(planned("push-up"), [
        logged("push-up", [10, 10, 10], completed=[True, False, False])], BODYWEIGHT)
    assert unfinished.change is Change.EASIER_RUNG
    loaded = next_prescription(planned("reverse-lunge"), [logged("reverse-lunge", [4, 4, 4], load=10)],
                               WEIGHTS)
    assert loaded.change is Change.STEP_BACK and loaded.prescription.load_kg == 9


def test_very_hard_effort_holds_even_at_the_top() -> None:
    step = next_prescription(planned("split-squat"), [logged("split-squat", [12] * 3, rpe=9.5)],
                             BODYWEIGHT)
    assert step.change is Change.HOLD and "very hard" in step.reason


def test_holds_grow_to_a_minute_then_climb() -> None:
    p = planned("plank", reps=None, seconds=30, tempo=None, per_side=False)
    longer = next_prescription(p, [logged("plank", [None] * 3, seconds=[30, 32, 31])], BODYWEIGHT)
    assert longer.change is Change.LONGER_HOLD and longer.prescription.seconds == 40
    p = planned("plank", reps=None, seconds=60, tempo=None, per_side=False)
    climb = next_prescription(p, [logged("plank", [None] * 3, seconds=[60, 60, 61])], BODYWEIGHT)
    assert climb.change is Change.NEXT_RUNG and climb.prescription.exercise == "plank-leg-lift"


def test_a_rung_logged_since_the_plan_was_made_is_followed() -> None:
    """The runner moved up on their own: the next prescription starts from their rung."""
    step = next_prescription(planned("split-squat"), [
        LoggedSession(DAY - dt.timedelta(days=7), (LoggedSet("split-squat", 12),)),
        logged("rear-foot-elevated-split-squat", [7, 7, 6])], BODYWEIGHT)
    assert step.prescription.exercise == "rear-foot-elevated-split-squat"
    assert step.change is Change.HOLD


@pytest.mark.parametrize("exercise", ["pogo-hops"])
def test_plyometrics_add_contacts_then_climb(exercise: str) -> None:
    p = planned(exercise, reps=(15, 20), tempo=None, per_side=False)
    more = next_prescription(p, [logged(exercise, [20, 20, 20], rpe=6)], BODYWEIGHT)
    assert more.change is Change.MORE_REPS and more.prescription.reps == (17, 22)
    p = planned(exercise, reps=(19, 24), tempo=None, per_side=False)
    up = next_prescription(p, [logged(exercise, [24] * 3, rpe=6)], BODYWEIGHT)
    assert up.change is Change.NEXT_RUNG and up.prescription.exercise == "single-leg-pogo-hops"


def test_tests_are_not_progressed() -> None:
    p = Prescription("push-up", 1, None, None, False, None, 120, None)
    assert next_prescription(p, [logged("push-up", [20])], BODYWEIGHT).change is Change.PLAN


def test_a_new_rung_from_the_plan_is_kept_when_the_runner_followed_the_plan() -> None:
    before = {(DAY, "split-squat"): planned("split-squat")}
    step = next_prescription(planned("rear-foot-elevated-split-squat"),
                             [logged("split-squat", [12, 12, 12])], BODYWEIGHT, before)
    assert step.change is Change.PLAN and "New block" in step.reason
    assert step.prescription.exercise == "rear-foot-elevated-split-squat"
