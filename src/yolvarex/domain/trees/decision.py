"""The decision of a day: every tree runs, the most conservative verdict wins.

The red-flags tree is always part of the set and cannot be replaced: a coach's trees are added
next to the shipped ones under their own ids, and since the most conservative verdict wins,
no tree can ever soften another one's verdict.

The decision keeps each tree's verdict and path. Its advice and routines come from the trees
that reached the winning verdict; its evidence from every leaf reached; `missing_facts` lists
the facts the paths asked about that were unknown, so the runner knows what would sharpen it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.facts import CATALOG, Facts
from yolvarex.domain.trees.engine import CompiledTree, TreeResult
from yolvarex.domain.verdict import Verdict, most_conservative

RED_FLAGS_TREE = "red-flags"
DISCLAIMER = ("This is coaching guidance, not medical advice. If something feels wrong, a "
              "symptom is severe, or it is getting worse, stop and see a doctor or "
              "physiotherapist.")
_CATALOG_ORDER = {name: i for i, name in enumerate(CATALOG)}


@dataclass(frozen=True)
class Decision:
    day: dt.date
    verdict: Verdict
    trees: tuple[TreeResult, ...]
    advice: tuple[str, ...]
    routines: tuple[str, ...]
    evidence: tuple[str, ...]
    facts: Facts
    disclaimer: str = DISCLAIMER

    @cached_property
    def missing_facts(self) -> tuple[str, ...]:
        """Facts the paths read that were unknown, in catalog order (derived when asked)."""
        missing = {fact for result in self.trees for fact in result.missing()}
        return tuple(sorted(missing, key=_CATALOG_ORDER.__getitem__))

    def as_json(self) -> dict[str, Any]:
        """The public JSON shape (CLI `decide --json`, API)."""
        return {
            "date": self.day.isoformat(),
            "verdict": self.verdict.value,
            "trees": [t.as_json() for t in self.trees],
            "advice": list(self.advice),
            "routines": list(self.routines),
            "evidence": list(self.evidence),
            "missing_facts": list(self.missing_facts),
            "disclaimer": self.disclaimer,
        }

    def tree(self, tree_id: str) -> TreeResult:
        for result in self.trees:
            if result.tree == tree_id:
                return result
        raise KeyError(tree_id)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class Engine:
    """A compiled set of trees: the shipped ones (red flags included) plus any extra ones."""

    def __init__(self, shipped: Sequence[Tree], extra: Sequence[Tree] = ()) -> None:
        ids = [t.id for t in shipped]
        if RED_FLAGS_TREE not in ids:
            raise ValueError("the shipped trees must include the red-flags tree")
        if any(t.owner is None for t in extra):
            raise ValueError("extra trees must name their owner")
        ordered = sorted(shipped, key=lambda t: (t.id != RED_FLAGS_TREE, t.order, t.id))
        self.trees: tuple[CompiledTree, ...] = tuple(CompiledTree.of(t) for t in ordered) + tuple(
            CompiledTree.of(t) for t in extra)

    def with_extra(self, extra: Sequence[Tree]) -> Engine:
        """The same shipped trees plus `extra`, which must name their owner."""
        if any(t.owner is None for t in extra):
            raise ValueError("extra trees must name their owner")
        return self.with_compiled([CompiledTree.of(t) for t in extra])

    def with_compiled(self, extra: Sequence[CompiledTree]) -> Engine:
        """The same shipped trees (reused, not recompiled) plus already compiled extra ones."""
        engine = Engine.__new__(Engine)
        shipped = tuple(t for t in self.trees if t.owner is None)
        engine.trees = shipped + tuple(t for t in extra if t.owner is not None)
        return engine

    def decide(self, facts: Facts) -> Decision:
        values = facts.lookup
        results = [tree.run(values) for tree in self.trees]
        verdict = most_conservative(r.verdict for r in results)
        winners = [r for r in results if r.verdict is verdict]
        return Decision(
            day=facts.day, verdict=verdict, trees=tuple(results),
            advice=_unique(r.advice for r in winners),
            routines=_unique(x for r in winners for x in r.routines),
            evidence=_unique([x for r in winners for x in r.evidence]
                             + [x for r in results for x in r.evidence]),
            facts=facts)
