"""The verdict scenario table (tests/verdict_scenarios.py) through the stateless decision:
today's check-in and the context facts straight to the shipped trees, as `yolvarex decide`."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.verdict_scenarios import DAY, SCENARIOS, Scenario
from yolvarex.content import load_library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import Context, Facts
from yolvarex.domain.trees import Decision
from yolvarex.services import verdict

LIBRARY, _ = load_library()
TOPICS = ("red-flags", "illness", "pain", "readiness", "overreaching", "load")


def decide(scenario: Scenario) -> Decision:
    context = Context.model_validate(scenario.context)
    if scenario.today is None:  # no check-in today: the facts come from the context alone
        return verdict.shipped_engine().decide(Facts.build(DAY, None, context))
    return verdict.decide_stateless(CheckIn(date=DAY, **scenario.today), context)


def test_the_table_is_large_sourced_and_covers_every_rule() -> None:
    assert len(SCENARIOS) >= 60
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)
    assert {s.source for s in SCENARIOS} <= set(LIBRARY.evidence)
    per_tree = Counter(s.tree for s in SCENARIOS)
    assert all(per_tree[t] >= 5 for t in TOPICS), per_tree
    sources = {s.source for s in SCENARIOS}
    for source in ("acsm-2021", "eichner-1993", "schwellnus-2016", "silbernagel-2007",
                   "warden-2014", "kiviniemi-2007", "vesterinen-2016", "buchheit-2014",
                   "craven-2022", "watson-2015", "meeusen-2013", "gabbett-2016",
                   "williams-2017", "foster-1998"):
        assert source in sources, source


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_stateless_verdict_follows_the_source(scenario: Scenario) -> None:
    decision = decide(scenario)
    tree = decision.tree(scenario.tree)
    assert tree.verdict.value == (scenario.tree_verdict or scenario.verdict), tree.leaf
    assert decision.verdict.value == scenario.verdict, [(t.tree, t.leaf) for t in decision.deciding]
    assert scenario.source in tree.evidence, (tree.leaf, tree.evidence)
