"""Diagrams of every shipped tree (Mermaid and DOT) match their snapshots."""

from __future__ import annotations

import pytest

from tests.domain.trees_support import decide
from yolvarex.content import load_library
from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.trees.render import edges, render

LIBRARY, _ = load_library()


@pytest.mark.parametrize("tree_id", sorted(LIBRARY.trees))
@pytest.mark.parametrize(("fmt", "suffix"), [("mermaid", "mmd"), ("dot", "dot")])
def test_diagram_snapshot(tree_id: str, fmt: str, suffix: str, snapshot) -> None:
    snapshot(f"{tree_id}.{suffix}", render(LIBRARY.trees[tree_id], fmt))


@pytest.mark.parametrize(("fmt", "suffix"), [("mermaid", "mmd"), ("dot", "dot")])
def test_diagram_with_todays_path_snapshot(fmt: str, suffix: str, snapshot) -> None:
    result = decide(pain=4, pain_next_morning="settled").tree("pain")
    path = [(s.node, s.result) for s in result.path]
    snapshot(f"pain-path.{suffix}", render(LIBRARY.trees["pain"], fmt, path))


def test_every_node_and_branch_is_drawn() -> None:
    for tree in LIBRARY.trees.values():
        mermaid = render(tree, "mermaid")
        dot = render(tree, "dot")
        for node in tree.nodes:
            assert f'"{node.id}"' in dot and node.id.replace("-", "_") in mermaid
        assert len(edges(tree)) >= len(tree.nodes) - 1


def test_merged_branches_and_escaping() -> None:
    readiness = LIBRARY.trees["readiness"]
    assert ("last-night", "soreness", "no / unknown") in edges(readiness)
    quoted = Tree.model_validate({
        "id": "quotes", "title": 'A "quoted" tree', "summary": "Escaping check.", "root": "q",
        "nodes": [{"id": "q", "kind": "question", "ask": 'Is it "bad" <really>?',
                   "test": {"fact": "pain", "op": "known"}, "yes": "a", "no": "a"},
                  {"id": "a", "kind": "leaf", "verdict": "train", "advice": "Fine.",
                   "evidence": ["saw-2016"]}]})
    mermaid = render(quoted, "mermaid")
    assert "#quot;bad#quot; #lt;really#gt;" in mermaid and "-->|yes / no| n_a" in mermaid
    assert 'label="A \\"quoted\\" tree"' in render(quoted, "dot")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="mermaid, dot"):
        render(LIBRARY.trees["pain"], "png")
