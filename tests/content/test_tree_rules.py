"""The tree validator: every mistake a tree writer can make is reported with tree, node and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR
from yolvarex.content.tree_rules import MAX_NODES, MAX_SOURCE_BYTES, parse_tree_source

LIBRARY, _ = load_library()

GOOD = """
id: hill-legs
title: Hill legs
summary: Easy day after hill repeats when the legs are very sore.
root: sore
nodes:
  - id: sore
    kind: question
    ask: Is your soreness 6 or more?
    test: {fact: soreness, op: ">=", value: 6}
    yes: easy
    no: fine
    unknown: fine
  - {id: easy, kind: leaf, verdict: modify, advice: Keep it easy today., evidence: [saw-2016],
     routines: [post-run-cool-down]}
  - {id: fine, kind: leaf, verdict: train, advice: Train as planned., evidence: [saw-2016]}
"""


def errors_of(text: str) -> list[str]:
    tree, errors = parse_tree_source(text, LIBRARY, owner="kim")
    assert (tree is None) == bool(errors)
    return [str(e) for e in errors]


def with_test(test: str, extra: str = "    unknown: fine\n") -> str:
    return GOOD.replace('    test: {fact: soreness, op: ">=", value: 6}\n', f"    test: {test}\n") \
        .replace("    unknown: fine\n", extra)


def test_a_good_tree_passes_and_gets_its_owner() -> None:
    tree, errors = parse_tree_source(GOOD, LIBRARY, owner="kim")
    assert errors == [] and tree is not None and tree.owner == "kim"


@pytest.mark.parametrize(("test", "expected"), [
    ('{fact: sorenes, op: ">=", value: 6}', "no fact called 'sorenes'; did you mean 'soreness'?"),
    ('{fact: soreness, op: ">=", value: "high"}', "soreness is a number"),
    ('{fact: soreness, op: ">=", value: true}', "soreness is a number"),
    ('{fact: soreness, op: ">=", value: 12}', "always between 0 and 10"),
    ('{fact: soreness, op: contains, value: 3}', "`contains` does not work on soreness"),
    ('{fact: symptoms, op: contains, value: flu}', "'flu' is not a possible value of symptoms"),
    ('{fact: pain_kind, op: "==", value: stabbing}', "'stabbing' is not a possible value"),
    ('{fact: pain_on_hop, op: "==", value: "yes"}', "pain_on_hop is true or false"),
    ('{fact: pain_on_hop, op: ">", value: true}', "`>` does not work on pain_on_hop"),
    ('{fact: planned, op: in, value: tempo}', "`in` needs a list of values"),
    ('{fact: soreness, op: ">="}', "needs a value"),
    ('{fact: soreness, op: known, value: 3}', "`known` takes no value"),
    ('{fact: soreness, op: "==", value: [1, 2]}', "use `in` for a list"),
    ('{fact: soreness, op: ">", value: {fact: planned}}', "cannot be compared"),
    ('{fact: soreness, op: ">", value: {fact: moood}}', "no fact called 'moood'"),
])
def test_wrong_facts_and_values_are_named(test: str, expected: str) -> None:
    found = errors_of(with_test(test))
    assert any(expected in e and "[hill-legs] nodes.sore.test" in e for e in found), found


def test_a_test_that_may_be_unknown_needs_an_unknown_branch() -> None:
    found = errors_of(with_test('{fact: soreness, op: ">=", value: 6}', extra=""))
    assert any("nodes.sore.unknown" in e and "may be unknown" in e and "no: fine" in e for e in found)


def test_a_test_that_is_never_unknown_must_not_have_one() -> None:
    found = errors_of(with_test("{fact: soreness, op: known}"))
    assert any("never be unknown" in e and "remove the `unknown` branch" in e for e in found)


def test_a_fact_tested_earlier_on_the_path_is_known_below() -> None:
    text = GOOD.replace("    yes: easy\n    no: fine\n    unknown: fine\n",
                        "    yes: very\n    no: fine\n    unknown: fine\n") + """
  - id: very
    kind: question
    ask: Is it 8 or more?
    test: {fact: soreness, op: ">=", value: 8}
    yes: easy
    no: fine
"""
    assert errors_of(text) == []


def test_unreachable_nodes_and_cycles() -> None:
    orphan = GOOD + "  - {id: orphan, kind: leaf, verdict: rest, advice: Rest., evidence: [saw-2016]}\n"
    assert any("nodes.orphan" in e and "no path from the root" in e for e in errors_of(orphan))
    loop = GOOD.replace("    no: fine\n", "    no: sore\n")
    assert any("cycle" in e and "end in a verdict" in e for e in errors_of(loop))
    dangling = GOOD.replace("    yes: easy\n", "    yes: nowhere\n")
    assert any("nodes.sore.yes" in e and "'nowhere'" in e for e in errors_of(dangling))


def test_unknown_routines_and_evidence() -> None:
    text = GOOD.replace("evidence: [saw-2016],\n", "evidence: [made-up-2020],\n") \
        .replace("routines: [post-run-cool-down]", "routines: [yoga-flow]")
    found = errors_of(text)
    assert any("evidence id 'made-up-2020'" in e and "nodes.easy.evidence" in e for e in found)
    assert any("routines id 'yoga-flow'" in e for e in found)


def test_a_branch_without_a_verdict_is_a_schema_error() -> None:
    text = GOOD.replace("kind: leaf, verdict: modify, ", "kind: leaf, ")
    assert any("verdict" in e and "missing" in e for e in errors_of(text))


def test_red_flags_cannot_be_softened() -> None:
    soft = with_test("{fact: red_flags, op: contains, value: chest_pain}")
    found = errors_of(soft)
    assert any("nodes.easy.verdict" in e and "red flags always win" in e for e in found)
    replace = GOOD.replace("id: hill-legs", "id: red-flags")
    assert any("cannot replace" in e for e in errors_of(replace))


def test_size_and_depth_limits() -> None:
    nodes = [{"id": f"q{i}", "kind": "question", "ask": f"Question {i}?",
              "test": {"fact": "soreness", "op": ">=", "value": i % 10}, "yes": "end",
              "no": f"q{i + 1}" if i + 1 < MAX_NODES else "end", "unknown": "end"}
             for i in range(MAX_NODES)]
    nodes.append({"id": "end", "kind": "leaf", "verdict": "train", "advice": "Fine.",
                  "evidence": ["saw-2016"]})
    big = yaml.safe_dump({"id": "big", "title": "Big tree", "summary": "Too many questions.",
                          "root": "q0", "nodes": nodes})
    found = errors_of(big)
    assert any("at most 80" in e for e in found) and any("at most 25 are allowed" in e for e in found)
    deep = with_test("{not: {not: {not: {not: {fact: soreness, op: known}}}}}", extra="")
    assert any("nested more than 4 deep" in e for e in errors_of(deep))
    huge = GOOD + "# " + "x" * MAX_SOURCE_BYTES
    assert any("larger than" in e for e in errors_of(huge))


def test_not_yaml_and_not_a_mapping() -> None:
    assert any("not valid YAML" in e for e in errors_of("id: [unclosed"))
    assert any("a tree is a mapping" in e for e in errors_of("- just\n- a list\n"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_shipped_trees_are_checked_with_the_same_rules(data: Path) -> None:
    path = data / "trees" / "pain.yaml"
    path.write_text(path.read_text().replace("    unknown: mild-steady\n", ""))
    _, errors = load_library(data)
    assert any(e.id == "pain" and e.field == "nodes.mild-next-morning.unknown" for e in errors)


def test_the_red_flags_tree_must_ship(data: Path) -> None:
    (data / "trees" / "red-flags.yaml").unlink()
    _, errors = load_library(data)
    assert any("red-flags tree is missing" in str(e) for e in errors)


def test_every_shipped_leaf_cites_evidence_or_is_marked_convention() -> None:
    for tree in LIBRARY.trees.values():
        for node in tree.nodes:
            if getattr(node, "kind", None) == "leaf":
                assert node.evidence or node.basis == "convention", (tree.id, node.id)
