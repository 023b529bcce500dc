"""Run one decision tree over the facts of a day and record the path it took.

A tree is compiled once (`CompiledTree.of(tree)`): question nodes point straight at the nodes
their branches lead to, and each test is a closure (see `logic`). Running it walks from the
root: a true test takes `yes`, a false one `no`, an unknown one `unknown`. Every question
answered on the way is kept as a `Step` with the test, the values it read and the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from yolvarex.content.schemas.tree import Leaf, Question, Tree, describe
from yolvarex.domain.trees.logic import Test, Values, compile_condition, facts_of
from yolvarex.domain.verdict import Verdict

YES, NO, UNKNOWN = "yes", "no", "unknown"


class Step(NamedTuple):
    """One question on a path: `value` is the fact's value (or {fact: value} for several)."""

    node: str
    test: str
    value: Any
    result: str  # yes | no | unknown
    ask: str
    facts: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"node": self.node, "test": self.test, "value": self.value, "result": self.result}


class CompiledLeaf:
    __slots__ = ("advice", "evidence", "id", "routines", "verdict")

    def __init__(self, leaf: Leaf) -> None:
        self.id = leaf.id
        self.verdict = leaf.verdict
        self.advice = leaf.advice
        self.routines = leaf.routines
        self.evidence = leaf.evidence


class CompiledQuestion:
    __slots__ = ("ask", "facts", "id", "no", "single", "test", "text", "unknown", "yes")

    def __init__(self, question: Question) -> None:
        self.id = question.id
        self.ask = question.ask
        self.text = describe(question.test)
        self.test: Test = compile_condition(question.test)
        self.facts = facts_of(question.test)
        self.single = self.facts[0] if len(self.facts) == 1 else None
        # the branch targets are linked by CompiledTree once every node exists
        self.yes: CompiledQuestion | CompiledLeaf
        self.no: CompiledQuestion | CompiledLeaf
        self.unknown: CompiledQuestion | CompiledLeaf | None = None

    def value(self, values: Values) -> Any:
        if self.single is not None:
            found = values.get(self.single)
            return list(found) if isinstance(found, tuple) else found
        return {f: (list(v) if isinstance(v := values.get(f), tuple) else v) for f in self.facts}


@dataclass(frozen=True, slots=True)
class TreeResult:
    """One tree's verdict and the path to it. The steps keep the questions and the facts they
    read, so each step's values are looked up only when the path is shown."""

    tree: str  # the tree's id; a coach's tree is shown as "coach/tree-id"
    title: str
    verdict: Verdict
    leaf: str
    steps: tuple[tuple[CompiledQuestion, str], ...]
    values: Values
    advice: str
    routines: tuple[str, ...]
    evidence: tuple[str, ...]
    owner: str | None = None

    @property
    def path(self) -> tuple[Step, ...]:
        values = self.values
        return tuple(Step(q.id, q.text, q.value(values), result, q.ask, q.facts)
                     for q, result in self.steps)

    def missing(self) -> list[str]:
        """The facts the questions on the path read that were unknown."""
        values = self.values
        return list(dict.fromkeys(f for q, _ in self.steps for f in q.facts if f not in values))

    def as_json(self) -> dict[str, Any]:
        return {"id": self.tree, "verdict": self.verdict.value,
                "path": [s.as_json() for s in self.path], "advice": self.advice}


class CompiledTree:
    """A validated tree, ready to run many times."""

    __slots__ = ("id", "owner", "questions", "root", "source", "title")

    def __init__(self, tree: Tree) -> None:
        self.source = tree
        self.owner = tree.owner
        self.id = f"{tree.owner}/{tree.id}" if tree.owner else tree.id
        self.title = tree.title
        nodes: dict[str, CompiledQuestion | CompiledLeaf] = {
            n.id: CompiledQuestion(n) if isinstance(n, Question) else CompiledLeaf(n)
            for n in tree.nodes}
        for node in tree.nodes:
            if isinstance(node, Question):
                compiled = nodes[node.id]
                assert isinstance(compiled, CompiledQuestion)
                compiled.yes = nodes[node.yes]
                compiled.no = nodes[node.no]
                compiled.unknown = nodes[node.unknown] if node.unknown else None
        self.root = nodes[tree.root]
        self.questions = {k: v for k, v in nodes.items() if isinstance(v, CompiledQuestion)}

    @classmethod
    def of(cls, tree: Tree) -> CompiledTree:
        return cls(tree)

    def run(self, values: Values) -> TreeResult:
        node = self.root
        steps: list[tuple[CompiledQuestion, str]] = []
        record = steps.append
        while type(node) is CompiledQuestion:
            result = node.test(values)
            if result is True:
                record((node, YES))
                node = node.yes
            elif result is False:
                record((node, NO))
                node = node.no
            else:
                record((node, UNKNOWN))
                if node.unknown is None:
                    raise ValueError(f"tree {self.id}: question {node.id!r} has no `unknown` "
                                     "branch; validate the tree before running it")
                node = node.unknown
        assert isinstance(node, CompiledLeaf)
        return TreeResult(self.id, self.title, node.verdict, node.id, tuple(steps), values,
                          node.advice, node.routines, node.evidence, self.owner)
