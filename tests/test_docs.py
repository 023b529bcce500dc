"""Documentation that cannot drift: the README names every setting, command and make target."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from yolvarex.cli.main import app
from yolvarex.settings import DOCUMENTED

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "yolvarex") -> list[str]:
    names = []
    for command in group.registered_commands:
        names.append(f"{prefix} {command.name or command.callback.__name__.replace('_', '-')}")
    for sub in group.registered_groups:
        names += _commands(sub.typer_instance, f"{prefix} {sub.name}")
    return names


def _variables_the_code_reads() -> set[str]:
    """Every YOLVAREX_* name written in the source, wherever it is read."""
    source = ROOT / "src" / "yolvarex"
    return {name for path in source.rglob("*.py")
            for name in re.findall(r"YOLVAREX_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8"))}


def test_every_setting_the_code_reads_is_documented() -> None:
    read = _variables_the_code_reads()
    assert "YOLVAREX_DATABASE_URL" in read and "YOLVAREX_SKIP_MIGRATE" in read
    table = README.split("### Settings", 1)[1].split("\n## ", 1)[0]
    assert sorted(name for name in read if f"`{name}`" not in table) == []
    assert sorted(read - set(DOCUMENTED)) == []


def test_every_cli_command_is_documented() -> None:
    missing = [c for c in _commands(app) if c not in README]
    assert missing == []


def test_readme_has_exactly_the_two_setup_commands_and_the_make_targets() -> None:
    assert "make run" in README and "make test" in README and "make bench" in README
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    assert {"run", "test", "bench"} <= targets


def test_ci_runs_the_readme_test_command_only() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    commands = [line for line in script.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test"]


def test_the_readme_command_table_is_generated_from_the_cli() -> None:
    from yolvarex.cli.reference import with_table

    assert with_table(README) == README, "run `python -m yolvarex.cli.reference --write`"


def test_every_shipped_tree_and_its_sources_are_in_the_decisions_section() -> None:
    """Each tree's rule is described under "Decisions", naming the sources its leaves cite."""
    from yolvarex.content import load_library
    from yolvarex.content.schemas.tree import Leaf

    library, _ = load_library()
    section = README[README.index("## Decisions"):]
    section = " ".join(section[:section.index("\n## ")].split())
    for tree in library.trees.values():
        assert f"(`{tree.id}`)" in section, tree.id
        for node in tree.nodes:
            if isinstance(node, Leaf):
                for ref in node.evidence:
                    evidence = library.evidence[ref]
                    assert evidence.short.split(" et al.")[0].split(" ")[0] in section, ref


def test_every_image_the_readme_shows_exists() -> None:
    """The screenshots come from tests/web/test_readme_screenshots.py; a renamed or lost one
    fails here, not as a broken image on the project page."""
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"", README)
    paths = [a or b for a, b in images]
    assert len(paths) >= 7
    assert [p for p in paths if not (ROOT / p).is_file()] == []
