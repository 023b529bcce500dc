"""A decision tree drawn for a phone: numbered boxes in reading order, one under the other,
each question followed by its answers and the step each one leads to.

The wide diagram (`tree_svg.py`) needs 500 to 1,500 px; this one is drawn at the width it is
shown (positions in percent, text never scaled), so its text is real 12-13 px on a 390 px
screen and nothing pans sideways. The path of the day is marked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from yolvarex.content.schemas.tree import Leaf, Question, Tree
from yolvarex.domain.trees.render import VERDICT_COLORS, edges, path_nodes, taken_edges
from yolvarex.web.tree_svg import HIGHLIGHT, layout

CHARS = 33  # a line of 13 px text in the narrowest box (about 290 px)
LINE = 17
PAD = 10
ANSWER = 20
GAP = 12


def _wrap(text: str, width: int = CHARS) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _words(node: Question | Leaf) -> tuple[str | None, list[str]]:
    """The box's heading (a verdict's label) and its wrapped text."""
    if isinstance(node, Question):
        return None, _wrap(node.ask)
    first = re.split(r"(?<=[.!?])\s", node.advice, maxsplit=1)[0]
    return node.verdict.label.upper(), _wrap(first)


def tree_stack_svg(tree: Tree, path: Sequence[tuple[str, str]] = (), *,
                   label: str | None = None) -> str:
    """The tree as numbered steps for a narrow screen; `path` as for `tree_svg`."""
    boxes = layout(tree)
    order = sorted(boxes, key=lambda i: (boxes[i].layer, boxes[i].x))
    number = {node_id: n for n, node_id in enumerate(order, start=1)}
    on_path = path_nodes(tree, path)
    taken = taken_edges(tree, path)
    answers: dict[str, list[tuple[str, str]]] = {}
    for a, b, text in edges(tree):
        answers.setdefault(a, []).append((b, text))
    title_id = f"tree-{re.sub(r'[^a-z0-9-]', '-', tree.id)}-steps-title"
    described = (label or f"Decision tree: {tree.title}") + ", as numbered steps"
    if path:
        described += ". Today's path is marked in orange."
    body: list[str] = []
    y = 3.0
    for node_id in order:
        node = boxes[node_id].node
        head, lines = _words(node)
        mine = node_id in on_path
        if isinstance(node, Question):
            fill, ink, stroke = "#ffffff", "#1b2430", "#6b7683"
            full = node.ask
        else:
            fill = ink = stroke = VERDICT_COLORS[node.verdict.value]
            ink = "#ffffff"
            full = f"{node.verdict.label}: {node.advice}"
        rows = len(lines) + (1 if head else 0)
        h = rows * LINE + 2 * PAD
        cls = "tree-step-node taken" if mine else "tree-step-node"
        out = [f'<g class="{cls}" data-node="{escape(node_id)}"><title>{escape(full)}</title>',
               f'<rect x="0" y="{y:.0f}" width="100%" height="{h}" rx="8" '
               f'fill="{fill}" stroke="{HIGHLIGHT if mine else stroke}" '
               f'stroke-width="{4 if mine else 1.2}"/>',
               f'<text x="14" y="{y + PAD + LINE - 4:.0f}" font-size="12" font-weight="700" '
               f'fill="{ink}">{number[node_id]}</text>']
        row = 0
        if head:
            out.append(f'<text x="40" y="{y + PAD + LINE - 4:.0f}" font-size="12" '
                       f'font-weight="700" fill="{ink}">{escape(head)}</text>')
            row = 1
        for i, line in enumerate(lines):
            out.append(f'<text x="40" y="{y + PAD + (row + i + 1) * LINE - 4:.0f}" font-size="13" '
                       f'fill="{ink}">{escape(line)}</text>')
        out.append("</g>")
        body += out
        y += h + 4
        for target, text in answers.get(node_id, []):
            go = boxes[target].node
            where = f"step {number[target]}" + (f": {go.verdict.label}" if isinstance(go, Leaf) else "")
            mark = (node_id, target) in taken
            weight = ' font-weight="700"' if mark else ""
            body.append(f'<g class="tree-step-answer{" taken" if mark else ""}">'
                        f'<path d="M22,{y:.0f} v{ANSWER - 6} h12" fill="none" '
                        f'stroke="{HIGHLIGHT if mark else "#6b7683"}" '
                        f'stroke-width="{3 if mark else 1.5}"/>'
                        f'<text x="40" y="{y + ANSWER - 4:.0f}" font-size="13" fill="#1b2430"'
                        f'{weight}>{escape(text)} → {escape(where)}</text></g>')
            y += ANSWER
        y += GAP
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="tree-stack-svg" role="img" '
            f'aria-labelledby="{title_id}" width="100%" height="{y:.0f}" overflow="visible" '
            f'font-family="system-ui, sans-serif"><title id="{title_id}">{escape(described)}'
            f'</title>{"".join(body)}</svg>')
