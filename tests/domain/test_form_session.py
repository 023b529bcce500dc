"""The warm-up drill block: fits the minutes, gentlest first, one cue per drill."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yolvarex.content import load_library
from yolvarex.domain.form.content import STAGE_ORDER
from yolvarex.domain.form.session import GENERAL_FOCUS, build_session

LIB, _ = load_library()


def test_block_for_cadence_findings() -> None:
    s = build_session(["low-cadence", "overstriding", "long-ground-contact"], 10, LIB)
    assert s.focus == ("low-cadence", "overstriding", "long-ground-contact") and not s.general
    assert 8 <= s.minutes <= 10
    assert {i.fault for i in s.items} == set(s.focus)  # every focus fault gets a drill
    assert "metronome-cadence-run" in [i.drill for i in s.items]
    assert s.run_cue == "step-on-the-beat"
    assert [i.order for i in s.items] == list(range(1, len(s.items) + 1))


def test_general_block_without_findings() -> None:
    s = build_session([], 8, LIB)
    assert s.general and s.focus == GENERAL_FOCUS and s.items
    assert s.run_cue == "quick-light-steps"


def test_in_run_drills_are_named_for_fatigue() -> None:
    s = build_session(["fatigue-breakdown"], 6, LIB)
    assert "form-reset-intervals" in s.in_run
    assert all(LIB.drills[i.drill].when == "warm_up" for i in s.items)


@pytest.mark.parametrize("minutes", [4, 16, 0])
def test_minutes_outside_5_to_15_are_refused(minutes: int) -> None:
    with pytest.raises(ValueError, match="5-15 minutes"):
        build_session([], minutes, LIB)


def test_beginners_get_no_level_three_drills() -> None:
    s = build_session(["overstriding", "left-right-asymmetry"], 15, LIB, max_level=1)
    assert all(LIB.drills[i.drill].level == 1 for i in s.items)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(LIB.faults)), max_size=5), st.integers(5, 15),
       st.integers(1, 3))
def test_block_rules_always_hold(focus: list[str], minutes: int, level: int) -> None:
    s = build_session(focus, minutes, LIB, max_level=level)
    assert s.minutes <= minutes + 1e-9
    drills = [i.drill for i in s.items]
    assert len(drills) == len(set(drills))
    stages = [STAGE_ORDER.index(LIB.drills[d].stage) for d in drills]
    assert stages == sorted(stages)
    for item in s.items:
        drill = LIB.drills[item.drill]
        assert item.fault in s.focus and item.fault in drill.faults
        assert item.cue in drill.cues
        assert drill.level <= level and drill.when == "warm_up"
        assert 1 <= item.sets <= drill.dose.sets and item.sets * 2 >= drill.dose.sets
    if s.items:
        assert s.minutes >= min(minutes, 5) * 0.5
