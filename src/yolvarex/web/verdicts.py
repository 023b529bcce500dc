"""A decision made readable for the web pages: labels, answers in words, linked evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yolvarex.content import Library
from yolvarex.domain.facts import CATALOG
from yolvarex.domain.trees import Decision, Step, TreeResult
from yolvarex.domain.verdict import Verdict

ANSWERS = {"yes": "Yes", "no": "No", "unknown": "Not known"}


def fact_value(name: str, value: Any) -> str:
    """A fact's value in words: `not known`, `none`, `yes`, `7.5 h`..."""
    if value is None:
        return "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(v).replace("_", " ") for v in value) if value else "none"
    spec = CATALOG.get(name)
    unit = f" {spec.unit}" if spec and spec.unit else ""
    if isinstance(value, float):
        value = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{str(value).replace('_', ' ')}{unit}"


def fact_label(name: str) -> str:
    spec = CATALOG.get(name)
    return spec.label if spec else name.replace("_", " ")


@dataclass(frozen=True)
class StepView:
    node: str
    ask: str
    test: str
    answer: str
    result: str
    values: list[tuple[str, str]]  # (label, value in words)


@dataclass(frozen=True)
class TreeView:
    id: str
    title: str
    verdict: Verdict
    leaf: str
    advice: str
    steps: list[StepView]
    evidence: list[tuple[str, str]]  # (id, short citation)
    routines: list[tuple[str, str]]


def _step(step: Step) -> StepView:
    pairs = step.value.items() if isinstance(step.value, dict) else [(step.facts[0], step.value)]
    return StepView(step.node, step.ask, step.test, ANSWERS[step.result], step.result,
                    [(fact_label(n), fact_value(n, v)) for n, v in pairs])


def _evidence(ids: tuple[str, ...], lib: Library) -> list[tuple[str, str]]:
    return [(e, lib.evidence[e].short if e in lib.evidence else e) for e in ids]


def _routines(ids: tuple[str, ...], lib: Library) -> list[tuple[str, str]]:
    return [(r, lib.routines[r].title if r in lib.routines else r) for r in ids]


def tree_view(result: TreeResult, lib: Library) -> TreeView:
    return TreeView(result.tree, result.title, result.verdict, result.leaf, result.advice,
                    [_step(s) for s in result.path], _evidence(result.evidence, lib),
                    _routines(result.routines, lib))


@dataclass(frozen=True)
class DecisionView:
    decision: Decision
    verdict: Verdict
    advice: tuple[str, ...]
    trees: list[TreeView]
    routines: list[tuple[str, str, int]]  # (id, title, minutes)
    evidence: list[tuple[str, str]]
    missing: list[str]
    disclaimer: str

    def tree(self, tree_id: str) -> TreeView | None:
        return next((t for t in self.trees if t.id == tree_id), None)


def decision_view(decision: Decision, lib: Library) -> DecisionView:
    routines = [(r, lib.routines[r].title, max(1, round(lib.routine_seconds(r) / 60)))
                for r in decision.routines if r in lib.routines]
    return DecisionView(decision, decision.verdict, decision.advice,
                        [tree_view(t, lib) for t in decision.trees], routines,
                        _evidence(decision.evidence, lib),
                        [fact_label(f) for f in decision.missing_facts], decision.disclaimer)
