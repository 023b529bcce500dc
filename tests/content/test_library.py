"""The shipped library is valid, and broken content gets errors that say where and how to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_shipped_library_is_valid() -> None:
    library, errors = load_library()
    assert [str(e) for e in errors] == []
    assert all(n > 0 for n in library.counts().values())


def test_yes_and_no_stay_strings(data: Path) -> None:
    library, _ = load_library(data)
    tree = library.trees["red-flags"]
    question = tree.node(tree.root)
    assert question.yes == "stop-and-get-checked"  # type: ignore[union-attr]


def test_broken_yaml_names_file_and_line(data: Path) -> None:
    (data / "cues" / "broken.yaml").write_text("- id: x\n  text: [unclosed\n")
    _, errors = load_library(data)
    broken = [e for e in errors if e.file.endswith("broken.yaml")]
    assert broken and broken[0].line is not None and "not valid YAML" in broken[0].message


def test_wrong_field_names_entry_field_and_line(data: Path) -> None:
    (data / "exercises" / "extra.yaml").write_text(
        "- id: wall-sit\n  title: Wall sit\n  pattern: squatt\n  equipment: [bodyweight]\n")
    _, errors = load_library(data)
    mine = [e for e in errors if e.file.endswith("extra.yaml")]
    pattern = next(e for e in mine if e.field == "pattern")
    assert pattern.id == "wall-sit" and pattern.line == 3
    assert any(e.field == "muscles" and "missing" in e.message for e in mine)


def test_unknown_reference_and_duplicate_id(data: Path) -> None:
    (data / "ladders" / "more.yaml").write_text(
        "- id: bridge-ladder\n  title: Again\n  summary: A second ladder with the same id.\n"
        "  steps: [glute-bridge, glute-bridge]\n"
        "- id: pushup-ladder\n  title: Push-ups\n  summary: Wall to floor push-ups.\n"
        "  steps: [moon-push-up, glute-bridge]\n")
    _, errors = load_library(data)
    messages = [str(e) for e in errors]
    assert any("duplicate ladder id" in m for m in messages)
    assert any("'moon-push-up', which does not exist" in m for m in messages)


def test_one_way_links_are_reported(data: Path) -> None:
    text = (data / "faults" / "stride.yaml").read_text()
    (data / "faults" / "stride.yaml").write_text(text.replace("cues: [land-under-hips, quick-light-steps]",
                                                              "cues: [quick-light-steps]"))
    _, errors = load_library(data)
    assert any(e.id == "land-under-hips" and "does not list this cue back" in e.message for e in errors)


def test_tree_cycle_and_unreachable_node(data: Path) -> None:
    (data / "trees" / "loop.yaml").write_text("""
id: loop
title: A broken tree
summary: Goes round in circles.
root: a
nodes:
  - {id: a, kind: question, ask: "Is it known?", test: {fact: pain, op: known}, yes: b, no: a}
  - {id: b, kind: question, ask: "Is it high?", test: {fact: pain, op: ">", value: 5}, yes: a, no: a}
  - {id: orphan, kind: leaf, verdict: rest, advice: Rest today., evidence: [acsm-2021]}
""")
    _, errors = load_library(data)
    mine = [e for e in errors if e.id == "loop"]
    assert any("cycle" in e.message for e in mine)
    assert any(e.field == "nodes.orphan" and "no path" in e.message for e in mine)
