"""`yolvarex tree ...`: list, show, render, validate and walk the decision trees."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from yolvarex.cli.common import JsonOption, acting_user, checked_library, console, err, fail, print_json
from yolvarex.cli.common import runtime as open_app
from yolvarex.cli.decide import STYLE
from yolvarex.content.schemas.tree import Leaf, Question, describe
from yolvarex.content.tree_rules import parse_tree_source
from yolvarex.domain.facts import CATALOG
from yolvarex.domain.trees import paths
from yolvarex.domain.trees.render import FORMATS, edges, render
from yolvarex.services import decisions
from yolvarex.services.runtime import ContentInvalid, library

tree_app = typer.Typer(help="The decision trees behind the daily verdict.", no_args_is_help=True)
USER_HELP = "Also include the coach trees that apply to this user."


def _trees(user: str | None) -> list[decisions.TreeInfo]:
    checked_library()
    if user is None:
        return decisions.shipped_trees()
    rt = open_app()
    with rt.db.session() as db:
        return decisions.trees_for(db, acting_user(db, rt.settings, user))


def _tree(tree_id: str, user: str | None) -> decisions.TreeInfo:
    for info in _trees(user):
        if info.id == tree_id:
            return info
    hint = "" if user or "/" not in tree_id else " (a coach's tree needs --user NAME)"
    fail(f"there is no tree called {tree_id!r}{hint}; see `yolvarex tree list`")


@tree_app.command("list")
def list_trees(as_json: bool = JsonOption,
               user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP)) -> None:
    """Every tree that decides the verdict."""
    infos = _trees(user)
    if as_json:
        print_json([i.summary() for i in infos])
        return
    table = Table("id", "title", "questions", "about", title=f"Decision trees ({len(infos)})")
    for info in infos:
        questions = sum(1 for n in info.tree.nodes if isinstance(n, Question))
        table.add_row(info.id, escape(info.title), str(questions), escape(info.tree.summary))
    console.print(table)


@tree_app.command("show")
def show(tree_id: str = typer.Argument(..., help="A tree id, e.g. pain."), as_json: bool = JsonOption,
         user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP)) -> None:
    """Every question and verdict of one tree."""
    info = _tree(tree_id, user)
    tree = info.tree
    if as_json:
        print_json(info.document())
        return
    console.print(f"[bold]{escape(tree.title)}[/] [dim]({info.id})[/]\n{escape(tree.summary)}",
                  highlight=False)
    lib = library()
    for node in tree.nodes:
        if isinstance(node, Question):
            console.print(f"\n[bold]{node.id}[/]: {escape(node.ask)}", highlight=False)
            console.print(f"  test: {escape(describe(node.test))}", highlight=False)
            branches = [(b, getattr(node, b)) for b in ("yes", "no", "unknown") if getattr(node, b)]
            console.print("  " + "; ".join(f"{b} -> {t}" for b, t in branches), highlight=False)
        else:
            style = STYLE[node.verdict.value]
            console.print(f"\n[bold]{node.id}[/]: [{style}]{node.verdict.label}[/] ({node.verdict.value})",
                          highlight=False)
            console.print(f"  {escape(node.advice)}", highlight=False)
            if node.routines:
                console.print("  routines: " + ", ".join(node.routines), highlight=False)
            console.print("  evidence: " + "; ".join(
                lib.evidence[e].short if e in lib.evidence else e for e in node.evidence),
                highlight=False)


@tree_app.command("render")
def render_tree(tree_id: str = typer.Argument(..., help="A tree id, e.g. pain."),
                fmt: str = typer.Option("mermaid", "--format", help="mermaid or dot."),
                user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP)) -> None:
    """Print a tree as a Mermaid or Graphviz (DOT) diagram."""
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", code=2)
    typer.echo(render(_tree(tree_id, user).tree, fmt), nl=False)


@tree_app.command("validate")
def validate(file: Path = typer.Argument(..., help="A tree in YAML."), as_json: bool = JsonOption) -> None:
    """Check a tree written for a coach, with the same rules as the shipped trees."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {exc}")
    try:
        lib = library()
    except ContentInvalid:
        fail("the content library has errors; run `yolvarex content check`")
    tree, errors = parse_tree_source(text, lib, file=str(file))
    if as_json:
        print_json({"valid": tree is not None, "errors": [e.as_dict() for e in errors]})
    elif tree is not None:
        questions = sum(1 for n in tree.nodes if isinstance(n, Question))
        console.print(f"[green]{file} is a valid tree[/]: {tree.id}, {questions} questions, "
                      f"{len(tree.nodes) - questions} verdicts, {len(edges(tree))} arrows.",
                      highlight=False)
    else:
        for e in errors:
            err.print(f"[red]x[/] {escape(str(e))}", highlight=False)
        err.print(f"[bold red]{len(errors)} error(s)[/]: fix them and validate again.")
    if tree is None:
        raise typer.Exit(1)


@tree_app.command("walk")
def walk(tree_id: str = typer.Argument(..., help="A tree id, e.g. illness."),
         user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP)) -> None:
    """Walk a tree question by question: answer y, n, or ? when you do not know."""
    tree = _tree(tree_id, user).tree
    console.print(f"[bold]{tree.title}[/]. Answer y (yes), n (no) or ? (don't know).",
                  highlight=False)
    answers: list[str] = []
    node: Question | Leaf = tree.node(tree.root)
    while isinstance(node, Question):
        choices = "y/n/?" if node.unknown else "y/n"
        typed = str(typer.prompt(f"{node.ask} ({choices})")).strip().lower()
        branch = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "?": "unknown",
                  "u": "unknown", "unknown": "unknown"}.get(typed, "")
        taken, reached = paths.answered(tree, [*answers, branch])
        if len(taken) > len(answers):
            answers.append(branch)
            node = reached
        else:
            console.print(f"[red]Type {' or '.join(choices.split('/'))}.[/]", highlight=False)
    assert isinstance(node, Leaf)
    style = STYLE[node.verdict.value]
    console.print(f"\n[{style}]{node.verdict.label}[/] ({node.verdict.value})", highlight=False)
    console.print(escape(node.advice), highlight=False)


@tree_app.command("facts")
def facts(as_json: bool = JsonOption) -> None:
    """Every fact a tree may test, with its type and allowed values."""
    rows = [{"name": s.name, "type": s.type.value, "source": s.source, "label": s.label,
             "unit": s.unit or None, "low": s.low, "high": s.high, "choices": list(s.choices)}
            for s in CATALOG.values()]
    if as_json:
        print_json(rows)
        return
    table = Table(title="Facts trees can test")
    table.add_column("fact", no_wrap=True)
    for name in ("type", "from", "values", "meaning"):
        table.add_column(name)
    for spec in CATALOG.values():
        table.add_row(spec.name, spec.type.value, spec.source, spec.describe(), spec.label)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(tree_app, name="tree")

