"""`yolvarex decide`: a verdict from JSON files, stateless (no database is opened)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from yolvarex.cli.common import JsonOption, checked_library, console, fail, print_json, user_errors
from yolvarex.content import Library
from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.trees import Decision
from yolvarex.services import verdict

STYLE = {"train": "green", "modify": "yellow", "cross_train": "blue", "rest": "magenta",
         "see_professional": "bold red"}


def read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"cannot read the {what} file {path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"the {what} file {path} is not UTF-8 text")
    except json.JSONDecodeError as exc:
        fail(f"the {what} file {path} is not valid JSON: {exc.msg} at line {exc.lineno}, "
             f"column {exc.colno}")


def print_decision(decision: Decision, lib: Library) -> None:
    verdict = decision.verdict
    body = escape("\n".join(f"- {a}" for a in decision.advice))
    console.print(Panel(body, title=f"[{STYLE[verdict.value]}]{verdict.label}[/] ({verdict.value})",
                        subtitle=decision.day.isoformat(), border_style=STYLE[verdict.value]))
    table = Table("tree", "verdict", "path", title="Why: every tree's path", show_lines=True)
    for result in decision.trees:
        steps = "\n".join(f"{s.test} -> {s.result}" for s in result.path)
        table.add_row(escape(result.title),
                      f"[{STYLE[result.verdict.value]}]{result.verdict.value}[/]", escape(steps))
    console.print(table)
    if decision.routines:
        names = [lib.routines[r].title if r in lib.routines else r for r in decision.routines]
        console.print("[bold]Suggested routines:[/] " + ", ".join(names), highlight=False)
    if decision.evidence:
        shorts = [lib.evidence[e].short if e in lib.evidence else e for e in decision.evidence]
        console.print("[bold]Evidence:[/] " + "; ".join(shorts), highlight=False)
    if decision.missing_facts:
        console.print("[bold]Not known today:[/] " + ", ".join(decision.missing_facts),
                      highlight=False)
    console.print(f"[dim]{decision.disclaimer}[/]", highlight=False)


def decide(checkin: Path = typer.Option(..., "--checkin", help="A check-in as JSON (the API's "
                                        "field names; `date` is required)."),
           context: Path | None = typer.Option(None, "--context", help="Context facts as JSON, "
                                               "e.g. {\"acwr\": 1.3, \"planned\": \"tempo\"}."),
           tree: list[Path] = typer.Option([], "--tree", help="Also apply this tree (YAML); "
                                           "repeat for several."),
           as_json: bool = JsonOption) -> None:
    """Decide today's verdict from files, without a database (for scripts)."""
    lib = checked_library()
    with user_errors():
        data = read_json(checkin, "check-in")
        if not isinstance(data, dict):
            fail(f"the check-in file {checkin} must hold a JSON object")
        parsed = verdict.parse_checkin(data)
        ctx = verdict.parse_context(read_json(context, "context")) if context else None
        extra: list[Tree] = []
        for path in tree:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                fail(f"cannot read the tree file {path}: {exc}")
            from yolvarex.content.tree_rules import parse_tree_source  # (YAML: for --tree only)

            found, errors = parse_tree_source(text, lib, file=str(path), owner="local")
            if found is None:
                fail(f"the tree in {path} has errors", details=[str(e) for e in errors])
            extra.append(found)
        decision = verdict.decide_stateless(parsed, ctx, extra)
    if as_json:
        print_json(decision.as_json())
    else:
        print_decision(decision, lib)


def register(app: typer.Typer) -> None:
    app.command()(decide)
