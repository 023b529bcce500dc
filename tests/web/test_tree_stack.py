"""The tree for a phone: every node a numbered step, every answer says where it leads, the
day's path marked, text never scaled."""

from __future__ import annotations

import re

from yolvarex.content import load_library
from yolvarex.domain.trees.render import edges
from yolvarex.web.tree_stack import tree_stack_svg

LIBRARY, _ = load_library()


def test_every_node_is_a_numbered_step_and_every_answer_is_drawn() -> None:
    for tree in LIBRARY.trees.values():
        svg = tree_stack_svg(tree)
        assert svg.count('class="tree-step-node"') == len(tree.nodes), tree.id
        assert svg.count('class="tree-step-answer"') == len(edges(tree)), tree.id
        assert "viewBox" not in svg and 'width="100%"' in svg  # drawn at the width shown
        sizes = {int(s) for s in re.findall(r'font-size="(\d+)"', svg)}
        assert sizes and min(sizes) >= 12


def test_the_days_path_is_marked() -> None:
    tree = LIBRARY.trees["illness"]
    svg = tree_stack_svg(tree, [("fever-reported", "no")], label="Illness")
    assert svg.count('class="tree-step-node taken"') == 2
    assert svg.count('class="tree-step-answer taken"') == 1
    assert "path is marked in orange" in svg
