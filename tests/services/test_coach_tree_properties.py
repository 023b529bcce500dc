"""A coach's tree can add caution, never take it away (hypothesis, issue 15).

Trees are drawn at random (a question on any catalog fact, any comparison, leaves with any
verdict, even one that claims the red-flags tree's id), stored through the same validator and
compiler a coach's YAML goes through, and run next to the shipped trees on random days.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.test_decision_properties import RED_FLAGS, facts_values
from tests.domain.trees_support import DAY, engine
from yolvarex.domain.facts import CATALOG, Facts, FactType
from yolvarex.domain.verdict import Verdict
from yolvarex.services import custom_trees

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMERIC = [n for n, s in CATALOG.items() if s.type in (FactType.INTEGER, FactType.NUMBER)]
VERDICTS = [v.value for v in Verdict]


@st.composite
def coach_tree(draw: st.DrawFn) -> str:
    fact = draw(st.sampled_from(NUMERIC))
    spec = CATALOG[fact]
    value = draw(st.integers(int(spec.low or 0), int(spec.high or 10)))
    leaf = {"kind": "leaf", "advice": "Coach's call.", "evidence": ["saw-2016"]}
    tree = {
        "id": draw(st.sampled_from(["my-tree", "red-flags", "load"])),
        "title": "Coach's tree", "summary": "Drawn at random.", "root": "q",
        "nodes": [
            {"id": "q", "kind": "question", "ask": "Is it so?",
             "test": {"fact": fact, "op": draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="])),
                      "value": value},
             "yes": "a", "no": "b", "unknown": draw(st.sampled_from(["a", "b"]))},
            {"id": "a", **leaf, "verdict": draw(st.sampled_from(VERDICTS))},
            {"id": "b", **leaf, "verdict": draw(st.sampled_from(VERDICTS))},
        ],
    }
    return yaml.safe_dump(tree, sort_keys=False)


def _with_coach(source: str) -> Any:
    compiled = custom_trees.compiled(source, "coach-kim")
    return engine() if compiled is None else engine().with_compiled([compiled])


@SETTINGS
@given(coach_tree(), facts_values(), st.lists(st.sampled_from(RED_FLAGS), min_size=1, unique=True))
def test_a_red_flag_wins_whatever_the_coach_wrote(source: str, values: dict[str, Any],
                                                  flags: list[str]) -> None:
    values["red_flags"] = tuple(flags)
    decision = _with_coach(source).decide(Facts(DAY, values))
    assert decision.verdict is Verdict.SEE_PROFESSIONAL
    assert any(t.tree == "red-flags" and t.owner is None and t.verdict is Verdict.SEE_PROFESSIONAL
               for t in decision.trees)


@SETTINGS
@given(coach_tree(), facts_values())
def test_a_coach_tree_never_softens_the_shipped_verdict(source: str, values: dict[str, Any]) -> None:
    facts = Facts(DAY, values)
    assert _with_coach(source).decide(facts).verdict.rank >= engine().decide(facts).verdict.rank


def test_the_drawn_trees_do_reach_the_engine() -> None:
    """The properties are not empty: a coach's tree runs; one that claims a shipped tree's id
    is refused (it could only ever be added next to it)."""
    source = yaml.safe_dump({
        "id": "red-flags", "title": "Coach's tree", "summary": "Rest whatever happens.",
        "root": "q", "nodes": [
            {"id": "q", "kind": "question", "ask": "Is soreness 4 or more?",
             "test": {"fact": "soreness", "op": ">=", "value": 4}, "yes": "a", "no": "a",
             "unknown": "a"},
            {"id": "a", "kind": "leaf", "verdict": "rest", "advice": "Rest today.",
             "evidence": ["saw-2016"]}]})
    assert custom_trees.compiled(source, "coach-kim") is None
    source = source.replace("id: red-flags", "id: always-rest")
    assert custom_trees.compiled(source, "coach-kim") is not None
    decision = _with_coach(source).decide(Facts(DAY, {}))
    assert decision.verdict is Verdict.REST
