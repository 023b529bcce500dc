"""Routines laid out in time: per-side steps twice, reps at the movement's pace, no gaps."""

from __future__ import annotations

import itertools

import pytest

from yolvarex.content import load_library
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.recovery.timeline import Side, format_clock, timeline, total_seconds
from yolvarex.domain.units import duration as format_duration

LIBRARY, _ = load_library()


def _movement(mid: str, per_side: bool, pace: float = 3.0) -> Movement:
    return Movement.model_validate({
        "id": mid, "title": mid.replace("-", " ").capitalize(), "kind": "dynamic",
        "how": ["Do one.", "Do two.", "Do three."], "feel": "Something.",
        "mistakes": [{"mistake": "One.", "fix": "Fix."}, {"mistake": "Two.", "fix": "Fix."}],
        "body_areas": ["hips"], "per_side": per_side, "seconds_per_rep": pace,
        "basis": "convention"})


def test_per_side_steps_become_left_then_right_and_reps_use_the_pace() -> None:
    movements = {"swing": _movement("swing", True, 1.5), "breathe": _movement("breathe", False)}
    routine = Routine.model_validate({
        "id": "r", "title": "Test", "purpose": "Testing.", "when": "Any time", "basis": "convention",
        "steps": [{"movement": "swing", "reps": 10, "cue": "Swing."},
                  {"movement": "breathe", "seconds": 45, "cue": "Breathe."}]})
    segments = timeline(routine, movements)
    assert [(s.side, s.seconds, s.start, s.step) for s in segments] == [
        (Side.LEFT, 15, 0, 0), (Side.RIGHT, 15, 15, 0), (None, 45, 30, 1)]
    assert segments[0].label == "Swing (left side)" and segments[2].label == "Breathe"
    assert segments[0].dose == "10 reps" and segments[2].dose == "45 s"
    assert total_seconds(segments) == 75


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_every_shipped_timeline_is_contiguous_and_sums_to_the_library_total(routine_id: str) -> None:
    segments = LIBRARY.routine_timeline(routine_id)
    assert segments[0].start == 0
    for before, after in itertools.pairwise(segments):
        assert after.start == before.end and after.index == before.index + 1
    assert total_seconds(segments) == LIBRARY.routine_seconds(routine_id)
    steps = LIBRARY.routines[routine_id].steps
    per_side = sum(LIBRARY.movements[s.movement].per_side for s in steps)
    assert len(segments) == len(steps) + per_side


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (45, "45 s"), (60, "1 min"), (90, "1 min 30 s"), (3600, "1 h"), (3900, "1 h 5 min"),
    (412.6, "6 min 53 s")])
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (0.2, "0:01"), (59.5, "1:00"), (61, "1:01"),
                                               (-3, "0:00")])
def test_format_clock_counts_down_in_whole_seconds(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text
