"""The rules every decision tree must follow, shipped or written by a coach.

On top of the schema and the structure check (`checks.tree_structure_errors`: root, branch
targets, cycles, unreachable nodes, so every path ends in a verdict), a tree must:

- test only facts that exist, with an operator and a value that fit the fact's type;
- say where to go when a test may be unknown (an `unknown` branch), and not have one when the
  test can never be unknown;
- keep red-flag precedence: when a test can only hold while a red flag is present, every
  verdict below its `yes` branch is `see_professional`; and a coach's tree never takes the id of
  a shipped tree (it is added to them, it cannot replace the red-flags tree);
- refer only to routines and evidence that exist (trees from users are checked here; shipped
  ones by `checks.check_refs`);
- stay within size and depth limits when a user supplies it.

Every error names the tree, the node and what to change. The walks over a tree's paths that
these rules read are pure and live in `domain.trees.paths`.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yolvarex.content.kinds import kind_named
from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError, line_of, parse_entry, read_yaml
from yolvarex.content.schemas.tree import Compare, FactRef, Leaf, Op, Question, Tree
from yolvarex.domain.facts import CATALOG, FactSpec, FactType
from yolvarex.domain.trees.logic import compares, depth_of, facts_of, may_be_unknown
from yolvarex.domain.trees.paths import known_on_arrival, leaves_below, longest_path

RED_FLAGS_TREE = "red-flags"
MAX_SOURCE_BYTES = 64_000
MAX_NODES = 80
MAX_PATH_QUESTIONS = 25
MAX_CONDITION_DEPTH = 4
MAX_CONDITION_TERMS = 12

_ORDER_OPS = frozenset({Op.LT, Op.LE, Op.GT, Op.GE})
_EQ_OPS = frozenset({Op.EQ, Op.NE})
_ALLOWED_OPS: dict[FactType, frozenset[Op]] = {
    FactType.NUMBER: _ORDER_OPS | _EQ_OPS | {Op.IN},
    FactType.INTEGER: _ORDER_OPS | _EQ_OPS | {Op.IN},
    FactType.BOOLEAN: _EQ_OPS,
    FactType.CHOICE: _EQ_OPS | {Op.IN},
    FactType.CHOICES: frozenset({Op.CONTAINS}),
    FactType.TEXT: _EQ_OPS | {Op.IN},
    FactType.TEXTS: frozenset({Op.CONTAINS}),
}


def _err(file: str, tree: Tree, field: str, message: str) -> ContentError:
    return ContentError(file, id=tree.id, field=field, message=message)


def _fact_hint(name: str) -> str:
    close = difflib.get_close_matches(name, list(CATALOG), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return "see the list of facts with `yolvarex tree facts`"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _value_problem(spec: FactSpec, op: Op, value: Any) -> str | None:
    """Why `value` does not fit `spec` under `op`, or None when it does."""
    if spec.is_number:
        if not _is_number(value):
            return f"{spec.name} is a number, but {value!r} is not; write a number"
        assert spec.low is not None and spec.high is not None
        if op in _ORDER_OPS | _EQ_OPS and not spec.low <= value <= spec.high:
            return (f"{spec.name} is always between {spec.low:g} and {spec.high:g}, so comparing "
                    f"it with {value} is pointless; use a value inside that range")
        return None
    if spec.type is FactType.BOOLEAN:
        return None if isinstance(value, bool) else (
            f"{spec.name} is true or false, not {value!r}; write `value: true` or `value: false`")
    if not isinstance(value, str):
        return f"{spec.name} holds text, not {value!r}; write a word"
    if spec.choices and value not in spec.choices:
        return (f"{value!r} is not a possible value of {spec.name}; use one of "
                f"{', '.join(spec.choices)}")
    return None


def _compare_errors(c: Compare) -> Iterator[str]:
    spec = CATALOG.get(c.fact)
    if spec is None:
        yield f"there is no fact called {c.fact!r}; {_fact_hint(c.fact)}"
        return
    if c.op is Op.KNOWN:
        if c.value is not None:
            yield "`known` takes no value; remove `value`"
        return
    if c.op not in _ALLOWED_OPS[spec.type]:
        allowed = ", ".join(sorted(o.value for o in _ALLOWED_OPS[spec.type] | {Op.KNOWN}))
        yield f"`{c.op.value}` does not work on {c.fact} ({spec.type.value}); use one of: {allowed}"
        return
    if isinstance(c.value, FactRef):
        other = CATALOG.get(c.value.fact)
        if other is None:
            yield f"there is no fact called {c.value.fact!r}; {_fact_hint(c.value.fact)}"
        elif c.op not in _ORDER_OPS | _EQ_OPS:
            yield f"`{c.op.value}` cannot compare two facts; use <, <=, >, >=, == or !="
        elif not ((spec.is_number and other.is_number) or (
                spec.type == other.type and spec.choices == other.choices)):
            yield f"{c.fact} and {c.value.fact} hold different kinds of value; they cannot be compared"
        return
    if c.value is None:
        yield f"`{c.op.value}` needs a value to compare {c.fact} with; add `value`"
        return
    if c.op is Op.IN:
        if not isinstance(c.value, tuple) or not c.value:
            yield f"`in` needs a list of values, e.g. `value: [a, b]`; {c.fact} is {spec.describe()}"
            return
        for item in c.value:
            problem = _value_problem(spec, Op.IN, item)
            if problem:
                yield problem
        return
    if c.op is Op.CONTAINS:
        items = c.value if isinstance(c.value, tuple) else (c.value,)
        if not items:
            yield "`contains` needs a value or a non-empty list of values"
        for item in items:
            problem = _value_problem(spec, Op.CONTAINS, item)
            if problem:
                yield problem
        return
    if isinstance(c.value, tuple):
        yield f"`{c.op.value}` compares with one value, not a list; use `in` for a list"
        return
    problem = _value_problem(spec, c.op, c.value)
    if problem:
        yield problem


def type_errors(tree: Tree, file: str) -> list[ContentError]:
    """Unknown facts, operators that do not fit a fact, and values of the wrong type."""
    errors = []
    for node in tree.nodes:
        if isinstance(node, Question):
            for c in compares(node.test):
                errors += [_err(file, tree, f"nodes.{node.id}.test", m) for m in _compare_errors(c)]
    return errors


def unknown_branch_errors(tree: Tree, file: str) -> list[ContentError]:
    """An `unknown` branch exactly where a test can be unknown on some path to it."""
    errors = []
    arrival = known_on_arrival(tree)
    for node in tree.nodes:
        if not isinstance(node, Question) or node.id not in arrival:
            continue
        known = arrival[node.id]
        if may_be_unknown(node.test, known) and node.unknown is None:
            facts = sorted({f for c in compares(node.test) if c.op is not Op.KNOWN
                            for f in facts_of(c) if f not in known})
            errors.append(_err(file, tree, f"nodes.{node.id}.unknown",
                               f"this test reads {', '.join(facts)}, which may be unknown here; "
                               f"add `unknown: <node id>` to say where to go then (often the "
                               f"same node as `no: {node.no}`)"))
        elif not may_be_unknown(node.test, known) and node.unknown is not None:
            errors.append(_err(file, tree, f"nodes.{node.id}.unknown",
                               "this test can never be unknown here (it only asks whether facts "
                               "are known, or they are known on every path to it); remove the "
                               "`unknown` branch"))
    return errors


def red_flag_errors(tree: Tree, file: str) -> list[ContentError]:
    """Below a test that holds only with a red flag present, every verdict is see_professional."""
    from yolvarex.domain.trees.logic import implies_red_flag

    errors = []
    for node in tree.nodes:
        if isinstance(node, Question) and implies_red_flag(node.test):
            for leaf in leaves_below(tree, node.yes):
                if leaf.verdict.value != "see_professional":
                    errors.append(_err(
                        file, tree, f"nodes.{leaf.id}.verdict",
                        f"reached from {node.id!r} with a red flag present, so it must be "
                        f"see_professional: red flags always win; change the verdict or the path"))
    return errors


def limit_errors(tree: Tree, file: str) -> list[ContentError]:
    errors = []
    if len(tree.nodes) > MAX_NODES:
        errors.append(_err(file, tree, "nodes", f"has {len(tree.nodes)} nodes; a tree may have at "
                                                f"most {MAX_NODES}; split it into smaller trees"))
    longest = longest_path(tree)
    if longest > MAX_PATH_QUESTIONS:
        errors.append(_err(file, tree, "nodes", f"a path asks {longest} questions; at most "
                                                f"{MAX_PATH_QUESTIONS} are allowed; shorten it"))
    for node in tree.nodes:
        if isinstance(node, Question):
            terms = sum(1 for _ in compares(node.test))
            if depth_of(node.test) > MAX_CONDITION_DEPTH:
                errors.append(_err(file, tree, f"nodes.{node.id}.test",
                                   f"all/any/not are nested more than {MAX_CONDITION_DEPTH} deep; "
                                   "split the test over several questions"))
            if terms > MAX_CONDITION_TERMS:
                errors.append(_err(file, tree, f"nodes.{node.id}.test",
                                   f"the test has {terms} comparisons; at most "
                                   f"{MAX_CONDITION_TERMS} are allowed; split it"))
    return errors


def ref_errors(tree: Tree, library: Library, file: str) -> list[ContentError]:
    errors = []
    for kind, ref, field in tree.refs():
        if ref not in library.of_kind(kind):
            errors.append(ContentError(file, id=tree.id, field=field,
                                       message=f"refers to {kind} id {ref!r}, which does not "
                                               f"exist; use an id from `yolvarex library list {kind}`"))
    return errors


def rule_errors(tree: Tree, file: str) -> list[ContentError]:
    """Types, unknown branches and red-flag precedence (the structure is checked elsewhere)."""
    return type_errors(tree, file) + unknown_branch_errors(tree, file) + red_flag_errors(tree, file)


def validate_user_tree(tree: Tree, library: Library, file: str) -> list[ContentError]:
    """Everything a coach's tree must pass before it is stored or used."""
    from yolvarex.content.checks import tree_structure_errors

    errors = []
    if tree.id in library.trees:
        errors.append(_err(file, tree, "id", f"{tree.id!r} is a shipped tree; a coach's tree is "
                                             "added next to the shipped ones and cannot replace "
                                             "them; choose another id"))
    errors += limit_errors(tree, file)
    structure = tree_structure_errors(tree, file)
    errors += structure
    errors += type_errors(tree, file)
    if not structure:
        errors += unknown_branch_errors(tree, file) + red_flag_errors(tree, file)
    errors += ref_errors(tree, library, file)
    return errors


def parse_tree_source(text: str, library: Library, file: str = "tree.yaml",
                      owner: str | None = None) -> tuple[Tree | None, list[ContentError]]:
    """Parse and validate a tree a user wrote in YAML; the tree only when there is no error."""
    if len(text.encode("utf-8")) > MAX_SOURCE_BYTES:
        return None, [ContentError(file, f"the tree is larger than {MAX_SOURCE_BYTES // 1000} KB; "
                                         "split it into smaller trees")]
    raw, errors = read_yaml(Path(file), text)
    if errors:
        return None, errors
    if not isinstance(raw, dict):
        return None, [ContentError(file, "a tree is a mapping with id, title, summary, root and "
                                         "nodes; see `yolvarex tree show red-flags` for an example")]
    entry, errors = parse_entry(kind_named("trees"), raw, file)
    if entry is None:
        return None, errors
    assert isinstance(entry, Tree)
    tree = entry.model_copy(update={"owner": owner}) if owner else entry
    errors = [_located(e, raw) for e in validate_user_tree(tree, library, file)]
    return (None if errors else tree), errors


def _located(error: ContentError, raw: dict[str, Any]) -> ContentError:
    """The error with the line its field is on: `nodes.ID...` names a node by its id."""
    if error.line is not None or not error.field:
        return error
    parts: list[int | str] = [int(p) if p.isdigit() else p for p in error.field.split(".")]
    nodes = raw.get("nodes")
    if len(parts) >= 2 and parts[0] == "nodes" and isinstance(nodes, list):
        index = next((i for i, n in enumerate(nodes) if isinstance(n, dict)
                      and n.get("id") == parts[1]), None)
        if index is not None:
            parts[1] = index
    line = line_of(raw, tuple(parts))
    return dataclasses.replace(error, line=line) if line is not None else error


def check_tree_rules(library: Library) -> list[ContentError]:
    """The shipped trees follow the rules, and the red-flags tree is there and can stop you."""
    from yolvarex.content.checks import tree_structure_errors

    file = "data/trees"
    errors = []
    red = library.trees.get(RED_FLAGS_TREE)
    if red is None:
        errors.append(ContentError(file, id=RED_FLAGS_TREE, message="the red-flags tree is missing; "
                                   "it is always evaluated and must be shipped"))
    elif not any(isinstance(n, Leaf) and n.verdict.value == "see_professional" for n in red.nodes):
        errors.append(ContentError(file, id=RED_FLAGS_TREE, field="nodes",
                                   message="the red-flags tree needs a see_professional leaf"))
    for tree in library.trees.values():
        if tree.owner is not None:
            errors.append(_err(file, tree, "owner", "shipped trees have no owner; remove it"))
        if tree_structure_errors(tree, file):
            errors += type_errors(tree, file)
        else:
            errors += rule_errors(tree, file)
    return errors
