"""Issue 12, item 3: one readiness rule, stated once, that every tree agrees with.

The rule (README, "Decisions"): HRV's 7-day average below its normal range eases the day on
its own (Kiviniemi 2007, Vesterinen 2016); a resting heart rate 5 bpm or more above baseline
does when HRV is not measured (Buchheit 2014); so does a night under 6 hours, last night
(Craven 2022) or two of the last three (Watson 2015). Only the readiness tree tests these
signals; the planned-session tree no longer has a stricter copy for hard sessions.
"""

from __future__ import annotations

import pytest

from tests.domain.trees_support import decide
from yolvarex.content import load_library
from yolvarex.content.schemas.tree import Leaf, Op, Question
from yolvarex.domain.history import SHORT_SLEEP_HOURS
from yolvarex.domain.trees.logic import compares, threshold

LIBRARY, _ = load_library()
SIGNALS = {"hrv_ln_mean_7d", "hrv_ln_normal_low", "hrv_ln_normal_high", "hrv_rmssd",
           "resting_hr", "resting_hr_delta", "resting_hr_baseline", "sleep_hours",
           "sleep_quality", "short_sleep_nights_3d"}
HRV_LOW = {"hrv_ln_mean_7d": 3.9, "hrv_ln_normal_low": 4.0, "hrv_ln_normal_high": 4.4}
HRV_OK = {"hrv_ln_mean_7d": 4.2, "hrv_ln_normal_low": 4.0, "hrv_ln_normal_high": 4.4}
SESSIONS = ["speed", "tempo", "long", "easy", "recovery", "race", "strength", "rest", None]


def test_only_the_readiness_tree_judges_the_readiness_signals() -> None:
    judged = {}
    for tree in LIBRARY.trees.values():
        for node in tree.nodes:
            if isinstance(node, Question):
                for c in compares(node.test):
                    if c.op is not Op.KNOWN and c.fact in SIGNALS:
                        judged.setdefault(tree.id, set()).add(c.fact)
    assert set(judged) == {"readiness"}, judged


def test_the_readiness_thresholds() -> None:
    tree = LIBRARY.trees["readiness"]
    assert threshold(tree, "resting_hr_delta") == 5  # what the chart band draws
    assert threshold(tree, "sleep_hours") == SHORT_SLEEP_HOURS  # what the fact counts
    with pytest.raises(ValueError, match="no number"):
        threshold(tree, "hrv_ln_mean_7d")  # compared with another fact, not a number


@pytest.mark.parametrize(("name", "facts", "verdict"), [
    ("HRV below its range alone", {**HRV_LOW, "resting_hr_delta": 0}, "modify"),
    ("HRV below its range, resting HR unknown", HRV_LOW, "modify"),
    ("resting HR +6, HRV unknown", {"resting_hr_delta": 6}, "modify"),
    ("resting HR +6, HRV in range", {**HRV_OK, "resting_hr_delta": 6}, "train"),
    ("resting HR +3 alone", {"resting_hr_delta": 3}, "train"),
    ("last night 5.5 h", {"sleep_hours": 5.5}, "modify"),
    ("one short night two days ago, 7.5 h last night",
     {"sleep_hours": 7.5, "short_sleep_nights_3d": 1}, "train"),
    ("two short nights of three", {"sleep_hours": 7.5, "short_sleep_nights_3d": 2}, "modify"),
    ("poor sleep quality alone", {"sleep_quality": 2, "sleep_hours": 7.5}, "train"),
])
@pytest.mark.parametrize("planned", SESSIONS)
def test_every_session_gets_the_same_readiness_call(name, facts, verdict, planned) -> None:
    """The readiness signals ease the day the same way whatever is planned."""
    values = {**facts, "soreness": 2, **({"planned": planned} if planned else {})}
    decision = decide(**values)
    assert decision.tree("readiness").verdict.value == verdict
    assert decision.verdict.value == verdict
    assert decision.tree("planned-session").verdict.value == "train"


@pytest.mark.parametrize(("leaf", "names"), [
    ("easy-hrv", ["HRV"]),
    ("easy-hrv-and-heart", ["HRV", "resting heart rate"]),
    ("easy-heart", ["resting heart rate", "HRV could not be checked"]),
    ("easy-short-night", ["under 6 hours last night"]),
    ("easy-sleep", ["under 6 hours on two of the last three nights"]),
])
def test_the_advice_names_the_signal_that_fired(leaf, names) -> None:
    node = LIBRARY.trees["readiness"].node(leaf)
    assert isinstance(node, Leaf) and node.verdict.value == "modify"
    assert all(n in " ".join(node.advice.split()) for n in names), node.advice


@pytest.mark.parametrize(("facts", "leaf"), [
    ({**HRV_LOW, "resting_hr_delta": 1}, "easy-hrv"),
    ({**HRV_LOW, "resting_hr_delta": 7}, "easy-hrv-and-heart"),
    ({"resting_hr_delta": 7}, "easy-heart"),
    ({"sleep_hours": 4.0}, "easy-short-night"),
    ({"short_sleep_nights_3d": 2, "sleep_hours": 5.0}, "easy-sleep"),
])
def test_each_signal_reaches_its_own_leaf(facts, leaf) -> None:
    assert decide(**facts).tree("readiness").leaf == leaf


def test_a_hard_session_moves_for_sore_legs_and_says_so() -> None:
    decision = decide(planned="tempo", soreness=5)
    assert decision.tree("planned-session").leaf == "move-hard"
    assert "sore" in decision.tree("planned-session").advice


def test_a_hard_session_without_the_readiness_facts_says_what_was_missing() -> None:
    unchecked = decide(planned="speed")
    checked = decide(planned="speed", sleep_hours=8.0, soreness=1, resting_hr_delta=0)
    assert unchecked.tree("planned-session").leaf == "hard-goes-ahead-unchecked"
    assert checked.tree("planned-session").leaf == "hard-goes-ahead"
