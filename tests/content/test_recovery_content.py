"""The recovery library: enough of it, every step's movement exists, totals computed, checks bite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR
from yolvarex.content.schemas.recovery import Gear, MovementKind
from yolvarex.domain.recovery.areas import BODY_AREAS
from yolvarex.domain.recovery.occasions import Occasion

LIBRARY, ERRORS = load_library()
NAMED_ROUTINES = [
    "pre-run-warm-up", "post-run-cool-down", "pre-strength-warm-up", "hip-mobility",
    "ankles-and-calves", "hamstrings-and-posterior-chain", "thoracic-and-shoulders", "foam-rolling",
    "full-body-recovery", "after-the-long-run", "desk-day-reset", "travel-day", "sleep-wind-down",
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_the_library_is_big_enough_and_keeps_its_shipped_ids() -> None:
    assert ERRORS == []
    assert len(LIBRARY.movements) >= 50 and len(LIBRARY.routines) >= 15
    assert {"leg-swing-front-back", "calf-stretch-wall", "box-breathing"} <= set(LIBRARY.movements)
    assert set(NAMED_ROUTINES) <= set(LIBRARY.routines)


RECOVERY_FILES = ["mobility", "dynamic", "stretches", "foam-rolling", "activation", "breathing"]


@pytest.mark.parametrize("name", RECOVERY_FILES)
def test_recovery_movements_follow_the_content_guide(name: str) -> None:
    """3-6 steps and 2-4 mistakes with fixes (CONTENT-GUIDE.md), a feel line, no filler words."""
    raw = yaml.safe_load((DATA_DIR / "movements" / f"{name}.yaml").read_text())
    assert raw
    for record in raw:
        movement = LIBRARY.movements[record["id"]]
        assert 3 <= len(movement.how) <= 6, movement.id
        assert 2 <= len(movement.mistakes) <= 4, movement.id
        text = " ".join([*movement.how, movement.feel, *(m.fix for m in movement.mistakes)]).lower()
        for filler in (" simply ", " just ", " easy "):
            assert filler not in f" {text} ", (movement.id, filler)


def test_every_kind_area_and_piece_of_equipment_is_covered() -> None:
    movements = LIBRARY.movements.values()
    assert {m.kind for m in movements} == set(MovementKind)
    used = {g for m in movements for g in m.equipment}
    assert {Gear.NONE, Gear.FOAM_ROLLER, Gear.BAND, Gear.WALL, Gear.STEP} <= used
    assert {a for m in movements for a in m.body_areas} == BODY_AREAS
    assert any(m.per_side for m in movements) and any(not m.per_side for m in movements)


def test_every_step_names_a_movement_that_exists_and_every_movement_is_used() -> None:
    used = set()
    for routine in LIBRARY.routines.values():
        for step in routine.steps:
            assert step.movement in LIBRARY.movements, (routine.id, step.movement)
            used.add(step.movement)
    assert used == set(LIBRARY.movements)


def test_every_occasion_has_exactly_one_routine() -> None:
    for occasion in Occasion:
        assert len([r for r in LIBRARY.routines.values() if occasion in r.suits]) == 1, occasion
    assert Occasion.REST_DAY in LIBRARY.routines["full-body-recovery"].suits
    assert Occasion.BEFORE_STRENGTH in LIBRARY.routines["pre-strength-warm-up"].suits
    assert Occasion.AFTER_LONG_RUN in LIBRARY.routines["after-the-long-run"].suits
    assert Occasion.BEFORE_HARD_RUN in LIBRARY.routines["pre-run-warm-up"].suits


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_totals_are_computed_from_the_steps_with_both_sides_counted(routine_id: str) -> None:
    expected = 0
    for step in LIBRARY.routines[routine_id].steps:
        movement = LIBRARY.movements[step.movement]
        one = step.seconds if step.seconds is not None else round(step.reps * movement.seconds_per_rep)
        expected += one * (2 if movement.per_side else 1)
    assert LIBRARY.routine_seconds(routine_id) == expected
    assert 60 <= expected <= 20 * 60  # every routine fits a real day


def test_changing_a_step_changes_the_total(data: Path) -> None:
    path = data / "routines" / "basics.yaml"
    before = load_library(data)[0].routine_seconds("post-run-cool-down")
    text = path.read_text()
    marker = "    - movement: calf-stretch-wall\n      seconds: 30\n"
    assert marker in text
    path.write_text(text.replace(marker, "    - movement: calf-stretch-wall\n      seconds: 45\n", 1))
    library, errors = load_library(data)
    assert errors == []
    assert library.routine_seconds("post-run-cool-down") == before + 2 * 15  # per side


def test_the_loader_lays_every_routine_out_once_and_the_library_only_holds_it() -> None:
    assert set(LIBRARY.timelines) == set(LIBRARY.routines)
    assert all(LIBRARY.routine_timeline(r) is LIBRARY.timelines[r] for r in LIBRARY.routines)


def test_a_step_naming_a_missing_movement_is_an_error_not_a_crash(data: Path) -> None:
    path = data / "routines" / "basics.yaml"
    path.write_text(path.read_text().replace("movement: calf-stretch-wall", "movement: no-such-move", 1))
    library, errors = load_library(data)
    assert any("no-such-move" in str(e) and e.id == "post-run-cool-down" for e in errors)
    assert "post-run-cool-down" not in library.timelines
    assert "desk-day-reset" in library.timelines


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def test_an_unknown_body_area_names_the_file_line_and_the_choices(data: Path) -> None:
    _append(data / "movements" / "breathing.yaml", """
- id: elbow-circles
  title: Elbow circles
  kind: dynamic
  how: [Bend your elbows., Draw circles., Reverse.]
  feel: Loose elbows.
  mistakes: [{mistake: Too fast., fix: Slow down.}, {mistake: Shrugging., fix: Drop them.}]
  body_areas: [elbows]
  per_side: false
""")
    _, errors = load_library(data)
    bad = [e for e in errors if e.id == "elbow-circles"]
    assert bad and bad[0].field == "body_areas" and bad[0].line is not None
    assert "unknown body area 'elbows'" in bad[0].message and "calves" in bad[0].message


def test_body_area_synonyms_are_stored_under_their_canonical_name(data: Path) -> None:
    path = data / "movements" / "mobility.yaml"
    text = path.read_text().replace("  body_areas: [calves]\n", "  body_areas: [calf, Achilles]\n", 1)
    path.write_text(text)
    library, errors = load_library(data)
    assert errors == []
    assert library.movements["calf-stretch-wall"].body_areas == ("calves", "ankles")


def test_held_movements_need_seconds_and_occasions_need_one_routine(data: Path) -> None:
    path = data / "routines" / "days.yaml"
    text = path.read_text()
    held = "    - movement: childs-pose\n      seconds: 60\n      cue: Let everything go heavy."
    counted = held.replace("seconds: 60", "reps: 6")
    path.write_text(text.replace(held, counted, 1)
                    .replace("  suits: [travel_day]\n", "  suits: [desk_day]\n", 1))
    _, errors = load_library(data)
    messages = {(e.id, e.field): e.message for e in errors}
    assert "give seconds, not reps" in messages[("full-body-recovery", "steps.9")]
    assert any(e.field == "suits" and "no routine suits 'travel_day'" in e.message for e in errors)
    assert any(e.id == "travel-day" and "already suits 'desk_day'" in e.message for e in errors)


def test_a_step_with_a_missing_movement_is_reported(data: Path) -> None:
    path = data / "routines" / "basics.yaml"
    path.write_text(path.read_text().replace("movement: box-breathing", "movement: box-breath", 1))
    _, errors = load_library(data)
    assert any(e.id == "post-run-cool-down" and "'box-breath', which does not exist" in e.message
               for e in errors)


def test_foam_rolling_needs_a_roller_or_a_ball(data: Path) -> None:
    path = data / "movements" / "foam-rolling.yaml"
    path.write_text(path.read_text().replace("  equipment: [foam_roller]\n", "  equipment: [none]\n", 1))
    _, errors = load_library(data)
    assert any(e.id == "foam-roll-calves" and "foam_roller or a ball" in e.message for e in errors)
