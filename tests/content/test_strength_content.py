"""The strength library: enough exercises on every pattern, the ladders the issue asks for, and
checks that catch a ladder out of order or an alternative that is not one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR
from yolvarex.content.schemas.exercise import Equipment, Pattern
from yolvarex.domain.perftest import TESTS
from yolvarex.domain.plan.builder import SLOTS, TARGET_PATTERNS, WARMUP, WARMUP_SHORT

LIBRARY, ERRORS = load_library()


def test_sixty_exercises_across_all_eleven_patterns_each_doable_with_bodyweight() -> None:
    assert not ERRORS
    assert len(LIBRARY.exercises) >= 60
    for pattern in Pattern:
        mine = [e for e in LIBRARY.exercises.values() if e.pattern is pattern]
        assert len(mine) >= 3, pattern
        assert any(Equipment.BODYWEIGHT in e.equipment for e in mine), pattern
    assert {e for x in LIBRARY.exercises.values() for e in x.equipment + x.needs} == set(Equipment)
    for slot, accepts in SLOTS.items():
        assert any(accepts(e) and Equipment.BODYWEIGHT in e.equipment
                   for e in LIBRARY.exercises.values()), slot


@pytest.mark.parametrize(("first", "last"), [
    ("wall-push-up", "decline-push-up"), ("glute-bridge", "single-leg-hip-thrust"),
    ("split-squat", "pistol-squat"), ("double-leg-calf-raise", "weighted-single-leg-calf-raise"),
    ("bent-knee-calf-raise", "weighted-single-leg-bent-knee-calf-raise"),
    ("knee-plank", "body-saw-plank"), ("side-plank-knees", "copenhagen-plank"),
    ("dead-bug", "hollow-hold"), ("jumping-jacks", "single-leg-forward-hops"),
    ("squat-jump", "bounding"), ("doorway-row", "inverted-table-row"),
    ("good-morning", "weighted-single-leg-rdl")])
def test_the_ladders_the_issue_names(first: str, last: str) -> None:
    assert any(lad.steps[0] == first and lad.steps[-1] == last for lad in LIBRARY.ladders.values())


def test_at_least_twelve_ladders_and_the_existing_entries_kept() -> None:
    assert len(LIBRARY.ladders) >= 12
    assert {"glute-bridge", "single-leg-glute-bridge", "plank"} <= set(LIBRARY.exercises)
    assert "bridge-ladder" in LIBRARY.ladders


def test_every_injury_area_and_test_has_exercises_and_the_warmups_last_five_to_ten_minutes() -> None:
    for area, patterns in TARGET_PATTERNS.items():
        assert any(area in e.targets and e.pattern in patterns and Equipment.BODYWEIGHT in e.equipment
                   for e in LIBRARY.exercises.values()), area
    for spec in TESTS.values():
        assert all(p.exercise in LIBRARY.exercises for p in spec.protocols)
    for routine in (WARMUP, WARMUP_SHORT):
        assert 300 <= LIBRARY.routine_seconds(routine) <= 600


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_a_ladder_out_of_order_or_across_families_is_reported(data: Path) -> None:
    (data / "ladders" / "bad.yaml").write_text(
        "- id: backwards\n  title: Backwards\n  summary: Hardest rung first, then the easiest.\n"
        "  steps: [pistol-squat, split-squat]\n"
        "- id: mixed\n  title: Mixed\n  summary: A push-up and a squat on one ladder.\n"
        "  steps: [push-up, single-leg-box-squat]\n")
    _, errors = load_library(data)
    assert any(e.id == "backwards" and "order the rungs" in e.message for e in errors)
    assert any(e.id == "mixed" and "mixes pattern families" in e.message for e in errors)


def test_a_wrong_alternative_and_inconsistent_leg_load_are_reported(data: Path) -> None:
    text = (data / "exercises" / "upper.yaml").read_text()
    text = text.replace("alternatives: [push-up]", "alternatives: [split-squat]")
    (data / "exercises" / "upper.yaml").write_text(text)
    legs = (data / "exercises" / "legs.yaml").read_text().replace(
        "  lower_body: true\n  leg_load: light\n  targets: [knee]\n  summary: Sit down",
        "  lower_body: true\n  leg_load: none\n  targets: [knee]\n  summary: Sit down")
    (data / "exercises" / "legs.yaml").write_text(legs)
    _, errors = load_library(data)
    assert any(e.id == "dumbbell-floor-press" and "another pattern family" in e.message for e in errors)
    assert any(e.id == "chair-squat" and "leg_load is none exactly" in e.message for e in errors)


def test_tempo_agrees_with_the_instructions() -> None:
    """Tempo is seconds down, held at the top, and up: an entry whose steps lower slowly takes
    2 s or more down and never lowers faster than it lifts; one whose steps pause or hold at
    the top has a hold."""
    for exercise in LIBRARY.exercises.values():
        if exercise.dose.tempo is None:
            continue
        down, hold, up = (int(x) for x in exercise.dose.tempo.split("-"))
        steps = " ".join(exercise.instructions).lower()
        assert down >= up, (exercise.id, exercise.dose.tempo)
        if "slowly" in steps:
            assert down >= 2, (exercise.id, exercise.dose.tempo)
        if "pause at the top" in steps or "pause for a second at the top" in steps \
                or "hold the top" in steps:
            assert hold >= 1, (exercise.id, exercise.dose.tempo)


def test_tempo_is_shown_in_words() -> None:
    from yolvarex.domain.plan.describe import dose, tempo_words
    from yolvarex.domain.plan.model import Prescription

    assert tempo_words("3-0-1") == "3 s down, 1 s up"
    assert tempo_words("2-1-1") == "2 s down, 1 s up, hold 1 s at the top"
    clamshell = LIBRARY.exercises["clamshell"]
    p = Prescription("clamshell", 2, (12, 15), None, True, clamshell.dose.tempo, 30, 6)
    assert "2 s down, 1 s up, hold 1 s at the top" in dose(p)
    assert "-" not in dose(p).replace("12-15", "")


def test_leg_load_follows_the_muscles_worked() -> None:
    for exercise_id in ("copenhagen-plank", "side-plank-leg-lift"):
        exercise = LIBRARY.exercises[exercise_id]
        assert exercise.lower_body and exercise.leg_load.value == "full", exercise_id
    from yolvarex.content.schemas.exercise import LEG_MUSCLES, Exercise

    for exercise in LIBRARY.exercises.values():
        if {m.lower() for m in exercise.muscles} & LEG_MUSCLES:
            assert exercise.lower_body, exercise.id
    data = LIBRARY.exercises["copenhagen-plank"].model_dump()
    with pytest.raises(ValueError, match="adductors, a leg muscle"):
        Exercise.model_validate({**data, "lower_body": False, "leg_load": "none"})
