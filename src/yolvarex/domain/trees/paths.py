"""The paths through a tree: a walk by hand's answers, what is known on arriving at a node,
the verdicts below a node, and the most questions a path asks. The tree rules
(`content.tree_rules`) turn these into errors an author can act on; the walks themselves are
pure and live here.

Branch targets that are not nodes of the tree are skipped (the structure check reports them).
"""

from __future__ import annotations

from yolvarex.content.schemas.tree import Leaf, Question, Tree
from yolvarex.domain.trees.logic import known_after


def known_on_arrival(tree: Tree) -> dict[str, frozenset[str]]:
    """For each reachable node, the facts known on every path to it (tree must be acyclic).

    A fact becomes known on a `yes` or `no` branch of a test that read it (an unknown value
    would have taken the `unknown` branch), and on the `yes` branch of `fact known`.
    """
    by_id = {n.id: n for n in tree.nodes}
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in seen or node_id not in by_id:
            return
        seen.add(node_id)
        node = by_id[node_id]
        if isinstance(node, Question):
            for target in (node.yes, node.no, node.unknown):
                if target is not None:
                    visit(target)
        order.append(node_id)

    visit(tree.root)
    arrival: dict[str, frozenset[str]] = {tree.root: frozenset()}
    for node_id in reversed(order):
        node = by_id[node_id]
        if not isinstance(node, Question) or node_id not in arrival:
            continue
        here = arrival[node_id]
        outgoing = [(node.yes, here | known_after(node.test, True)),
                    (node.no, here | known_after(node.test, False)), (node.unknown, here)]
        for target, known in outgoing:
            if target is not None:
                arrival[target] = arrival[target] & known if target in arrival else known
    return arrival


def leaves_below(tree: Tree, start: str) -> list[Leaf]:
    """Every verdict reachable from the node `start` (itself included, if it is a verdict)."""
    by_id = {n.id: n for n in tree.nodes}
    seen: set[str] = set()
    stack = [start]
    leaves: list[Leaf] = []
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id not in by_id:
            continue
        seen.add(node_id)
        node = by_id[node_id]
        if isinstance(node, Leaf):
            leaves.append(node)
        else:
            stack += [t for t in (node.yes, node.no, node.unknown) if t is not None]
    return leaves


def longest_path(tree: Tree) -> int:
    """The most questions any path from the root asks before its verdict (on a cycle, the walk
    stops once a path is longer than the tree has nodes)."""
    by_id = {n.id: n for n in tree.nodes}
    memo: dict[str, int] = {}

    def depth(node_id: str, guard: int) -> int:
        node = by_id.get(node_id)
        if node is None or isinstance(node, Leaf) or guard > len(by_id):
            return 0
        if node_id not in memo:
            memo[node_id] = 1 + max(depth(t, guard + 1) for t in (node.yes, node.no, node.unknown)
                                    if t is not None)
        return memo[node_id]
    return depth(tree.root, 0)


def answered(tree: Tree, answers: list[str]) -> tuple[list[tuple[Question, str]], Question | Leaf]:
    """Walk a tree by hand from its root: the questions answered with each answer, and the node
    reached. Stops at the first answer that is not yes, no or unknown, or that the question
    does not offer (a question may have no `unknown` branch)."""
    node = tree.node(tree.root)
    steps: list[tuple[Question, str]] = []
    for answer in answers:
        if not isinstance(node, Question) or answer not in ("yes", "no", "unknown"):
            break
        target = getattr(node, answer)
        if target is None:
            break
        steps.append((node, answer))
        node = tree.node(target)
    return steps, node
