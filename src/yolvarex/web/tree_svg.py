"""A decision tree drawn on the server as SVG, with a path optionally marked.

Layout: each node sits on the layer of its longest path from the root, so every arrow points
down; nodes in a layer are ordered by the average position of the nodes above them and placed
as close to that position as the spacing allows. Questions are white boxes, verdicts boxes in
the verdict's color with its words (color is never the only cue). What every box and arrow
shares (stroke, font, corner radius) is in the stylesheet (`.tree-svg` in app.css), not on
each element. Every box carries a <title>
with its full text; the page shows the same tree as text next to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from yolvarex.content.schemas.tree import Leaf, Question, Tree
from yolvarex.domain.trees.render import VERDICT_COLORS, edges, path_nodes, taken_edges

BOX_W = 184
GAP_X = 22
GAP_Y = 46
LINE = 15
PAD = 9
MARGIN = 12
CHARS = 27
HIGHLIGHT = "#f5a524"


@dataclass
class _Box:
    node: Question | Leaf
    layer: int = 0
    order: float = 0.0
    x: float = 0.0
    y: float = 0.0
    lines: list[str] = field(default_factory=list)

    @property
    def h(self) -> float:
        return len(self.lines) * LINE + 2 * PAD

    @property
    def cx(self) -> float:
        return self.x + BOX_W / 2


def _wrap(text: str, width: int = CHARS, max_lines: int = 6) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _lines(node: Question | Leaf) -> list[str]:
    if isinstance(node, Question):
        return _wrap(node.ask, max_lines=8)
    first = re.split(r"(?<=[.!?])\s", node.advice, maxsplit=1)[0]
    return [node.verdict.label.upper(), *_wrap(first, max_lines=3)]


def layout(tree: Tree) -> dict[str, _Box]:
    """Layers by longest path; x by a contour-based tidy layout of a spanning tree."""
    boxes = {n.id: _Box(n, lines=_lines(n)) for n in tree.nodes}
    children: dict[str, list[str]] = {}
    parents: dict[str, list[str]] = {}
    for a, b, _ in edges(tree):
        children.setdefault(a, []).append(b)
        parents.setdefault(b, []).append(a)
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in seen:
            return
        seen.add(node_id)
        for child in children.get(node_id, []):
            visit(child)
        order.append(node_id)

    visit(tree.root)
    order.reverse()  # topological: every parent before its children
    for node_id in order:
        for child in children.get(node_id, []):
            boxes[child].layer = max(boxes[child].layer, boxes[node_id].layer + 1)
    # each node hangs under its deepest parent (the one on the layer right above, if any)
    primary: dict[str, list[str]] = {}
    for node_id in order[1:]:
        parent = max(parents[node_id], key=lambda p: (boxes[p].layer, -order.index(p)))
        primary.setdefault(parent, []).append(node_id)

    def place(node_id: str) -> tuple[dict[str, float], dict[int, tuple[float, float]]]:
        kids = primary.get(node_id, [])
        layer = boxes[node_id].layer
        if not kids:
            return {node_id: 0.0}, {layer: (0.0, BOX_W)}
        xs: dict[str, float] = {}
        contour: dict[int, tuple[float, float]] = {}
        previous: float | None = None
        for kid in kids:
            kid_xs, kid_contour = place(kid)
            shift = 0.0
            if previous is not None:
                shared = [d for d in kid_contour if d in contour]
                shift = max([contour[d][1] + GAP_X - kid_contour[d][0] for d in shared]
                            + [previous + (BOX_W + GAP_X) / 2 - kid_xs[kid]])
            xs.update({k: v + shift for k, v in kid_xs.items()})
            for d, (lo, hi) in kid_contour.items():
                old = contour.get(d)
                contour[d] = (lo + shift, hi + shift) if old is None else (
                    min(old[0], lo + shift), max(old[1], hi + shift))
            previous = xs[kid]
        here = (xs[kids[0]] + xs[kids[-1]]) / 2
        xs[node_id] = here
        contour[layer] = (here, here + BOX_W)
        return xs, contour

    xs, _ = place(tree.root)
    left = min(xs.values())
    heights: dict[int, float] = {}
    for node_id in xs:
        box = boxes[node_id]
        box.x = xs[node_id] - left + MARGIN
        heights[box.layer] = max(heights.get(box.layer, 0.0), box.h)
    tops: dict[int, float] = {}
    y = float(MARGIN)
    for depth in sorted(heights):
        tops[depth] = y
        y += heights[depth] + GAP_Y
    for node_id in xs:
        boxes[node_id].y = tops[boxes[node_id].layer]
    return {i: boxes[i] for i in order}


def _n(value: float) -> str:
    """A coordinate to a tenth of a pixel, without a trailing `.0` (drawings stay small)."""
    return f"{round(value, 1):g}"


def _edge(a: _Box, b: _Box, label: str, index: int, count: int, taken: bool) -> str:
    x1 = a.x + BOX_W * (index + 1) / (count + 1)
    y1 = a.y + a.h
    x2, y2 = b.cx, b.y
    mid = (y1 + y2) / 2
    path = f"M{_n(x1)},{_n(y1)} C{_n(x1)},{_n(mid)} {_n(x2)},{_n(mid)} {_n(x2)},{_n(y2 - 2)}"
    cls = "tree-edge taken" if taken else "tree-edge"
    lx, ly = x1 + (x2 - x1) * 0.25, y1 + (y2 - y1) * 0.28
    text_w = 7 * len(label) + 8
    return (f'<g class="{cls}"><path d="{path}" marker-end="url(#arrow{"-taken" if taken else ""})"/>'
            f'<rect x="{_n(lx - text_w / 2)}" y="{_n(ly - 9)}" width="{text_w}" height="16"/>'
            f'<text x="{_n(lx)}" y="{_n(ly + 3)}">{escape(label)}</text></g>')


def _node(box: _Box, taken: bool, root: bool = False, titles: bool = True) -> str:
    node = box.node
    if isinstance(node, Question):
        full, colour = node.ask, ""
    else:
        full = f"{node.verdict.label}: {node.advice}"
        fill = VERDICT_COLORS[node.verdict.value]
        colour = f' fill="{fill}"' + ("" if taken else f' stroke="{fill}"')
    cls = ("tree-node taken" if taken else "tree-node") + (" root" if root else "")
    kind = "question" if isinstance(node, Question) else f"leaf {node.verdict.value}"
    spans = []
    for i, line in enumerate(box.lines):
        step = f' dy="{LINE}"' if i else ""
        head = ' class="head"' if i == 0 and isinstance(node, Leaf) else ""
        spans.append(f'<tspan x="{_n(box.cx)}"{step}{head}>{escape(line)}</tspan>')
    lines = "".join(spans)
    title = f"<title>{escape(full)}</title>" if titles else ""
    return (f'<g class="{cls} {kind}" data-node="{escape(node.id)}">{title}'
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{BOX_W}" height="{_n(box.h)}"{colour}/>'
            f'<text y="{_n(box.y + PAD + LINE - 3)}">{lines}</text></g>')


def tree_svg(tree: Tree, path: Sequence[tuple[str, str]] = (), *, label: str | None = None,
             titles: bool = True) -> str:
    """The tree as an inline SVG element; `path` is (question id, result) pairs to mark.

    `titles` gives each box a tooltip with its full text; a page that shows many trees leaves
    them out (each tree's own page has them) to stay light."""
    boxes = layout(tree)
    on_path = path_nodes(tree, path)
    taken = taken_edges(tree, path)
    width = max(b.x + BOX_W for b in boxes.values()) + MARGIN
    height = max(b.y + b.h for b in boxes.values()) + MARGIN
    title_id = f"tree-{re.sub(r'[^a-z0-9-]', '-', tree.id)}-title"
    described = label or f"Decision tree: {tree.title}"
    if path:
        described += ". Today's path is marked in orange."
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="tree-svg" role="img" '
             f'aria-labelledby="{title_id}" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="system-ui, sans-serif">',
             f'<title id="{title_id}">{escape(described)}</title>',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
             'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
             '<path d="M0,0 L10,5 L0,10 z" fill="#6b7683"/></marker>'
             '<marker id="arrow-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" '
             'markerHeight="12" markerUnits="userSpaceOnUse" orient="auto">'
             f'<path d="M0,0 L10,5 L0,10 z" fill="{HIGHLIGHT}"/></marker></defs>']
    by_source: dict[str, list[tuple[str, str]]] = {}
    for a, b, text in edges(tree):
        if a in boxes and b in boxes:
            by_source.setdefault(a, []).append((b, text))
    drawn_last: list[str] = []
    for a, targets in by_source.items():
        ordered = sorted(targets, key=lambda t: boxes[t[0]].cx)
        for i, (b, text) in enumerate(ordered):
            svg = _edge(boxes[a], boxes[b], text, i, len(ordered), (a, b) in taken)
            (drawn_last if (a, b) in taken else parts).append(svg)
    parts += drawn_last  # marked arrows on top
    parts += [_node(box, box.node.id in on_path, box.node.id == tree.root, titles)
              for box in boxes.values()]
    parts.append("</svg>")
    return "".join(parts)
