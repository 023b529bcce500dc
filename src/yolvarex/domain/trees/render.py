"""A tree as diagram source text: Mermaid flowchart or Graphviz DOT.

Questions show what they ask; leaves show their verdict. Branches are labelled yes, no or
unknown; two branches to the same node share one arrow ("no / unknown"). When a path is
given, its nodes and arrows are marked (class `taken` in Mermaid, bold in DOT).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from yolvarex.content.schemas.tree import Leaf, Question, Tree

FORMATS = ("mermaid", "dot")
VERDICT_COLORS = {
    "train": "#1d7a3a", "modify": "#8a5a00", "cross_train": "#1f5fa8", "rest": "#5b4a9e",
    "see_professional": "#b3261e",
}


def edges(tree: Tree) -> list[tuple[str, str, str]]:
    """(from, to, label) for every arrow, branches to the same node merged, in node order."""
    out: list[tuple[str, str, str]] = []
    for node in tree.nodes:
        if not isinstance(node, Question):
            continue
        targets: dict[str, list[str]] = {}
        for branch in ("yes", "no", "unknown"):
            target = getattr(node, branch)
            if target is not None:
                targets.setdefault(target, []).append(branch)
        out += [(node.id, target, " / ".join(labels)) for target, labels in targets.items()]
    return out


def taken_edges(tree: Tree, path: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """(from, to) pairs of a path given as (question id, result) pairs."""
    taken = set()
    for node_id, result in path:
        node = tree.node(node_id)
        if isinstance(node, Question):
            target = getattr(node, result, None)
            if target:
                taken.add((node_id, target))
    return taken


def path_nodes(tree: Tree, path: Sequence[tuple[str, str]]) -> set[str]:
    nodes = {tree.root} if path else set()
    for a, b in taken_edges(tree, path):
        nodes |= {a, b}
    return nodes


def _label(node: Question | Leaf) -> str:
    if isinstance(node, Question):
        return node.ask
    return f"{node.verdict.label} ({node.verdict.value})"


def _mermaid_id(node_id: str) -> str:
    return "n_" + re.sub(r"[^a-zA-Z0-9]", "_", node_id)


def _mermaid_text(text: str) -> str:
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(tree: Tree, path: Sequence[tuple[str, str]] = ()) -> str:
    lines = ["flowchart TD"]
    for node in tree.nodes:
        label = _mermaid_text(_label(node))
        shape = f'{{"{label}"}}' if isinstance(node, Question) else f'(["{label}"])'
        lines.append(f"  {_mermaid_id(node.id)}{shape}")
    arrows = edges(tree)
    for a, b, label in arrows:
        lines.append(f"  {_mermaid_id(a)} -->|{label}| {_mermaid_id(b)}")
    for verdict, color in VERDICT_COLORS.items():
        lines.append(f"  classDef {verdict} fill:{color},color:#ffffff,stroke:{color}")
    for node in tree.nodes:
        if isinstance(node, Leaf):
            lines.append(f"  class {_mermaid_id(node.id)} {node.verdict.value}")
    if path:
        on_path = path_nodes(tree, path)
        taken = taken_edges(tree, path)
        lines.append("  classDef taken stroke:#f5a524,stroke-width:4px")
        lines += [f"  class {_mermaid_id(n.id)} taken" for n in tree.nodes if n.id in on_path]
        indexes = [str(i) for i, (a, b, _) in enumerate(arrows) if (a, b) in taken]
        if indexes:
            lines.append(f"  linkStyle {','.join(indexes)} stroke:#f5a524,stroke-width:4px")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _wrap(text: str, width: int = 32) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def dot(tree: Tree, path: Sequence[tuple[str, str]] = ()) -> str:
    on_path = path_nodes(tree, path)
    taken = taken_edges(tree, path)
    lines = [f'digraph "{_dot_text(tree.id)}" {{',
             f'  label="{_dot_text(tree.title)}"; labelloc=t; rankdir=TB;',
             '  node [fontname="Helvetica", fontsize=11];',
             '  edge [fontname="Helvetica", fontsize=10];']
    for node in tree.nodes:
        label = _dot_text(_wrap(_label(node)))
        bold = ', penwidth=3, color="#f5a524"' if node.id in on_path else ""
        if isinstance(node, Question):
            lines.append(f'  "{node.id}" [shape=box, style=rounded, label="{label}"{bold}];')
        else:
            color = VERDICT_COLORS[node.verdict.value]
            lines.append(f'  "{node.id}" [shape=box, style="rounded,filled", fillcolor="{color}", '
                         f'fontcolor="#ffffff", label="{label}"{bold}];')
    for a, b, label in edges(tree):
        bold = ', penwidth=3, color="#f5a524"' if (a, b) in taken else ""
        lines.append(f'  "{a}" -> "{b}" [label="{label}"{bold}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(tree: Tree, fmt: str, path: Iterable[tuple[str, str]] = ()) -> str:
    steps = list(path)
    if fmt == "mermaid":
        return mermaid(tree, steps)
    if fmt == "dot":
        return dot(tree, steps)
    raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
