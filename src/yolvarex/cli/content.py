"""`yolvarex content check` and `yolvarex library list|show`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from yolvarex.cli.common import JsonOption, checked_library, console, err, fail, print_json
from yolvarex.content import Library, load_library, words
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.errors import UserError
from yolvarex.services import library_search

content_app = typer.Typer(help="Check the content library.", no_args_is_help=True)
library_app = typer.Typer(help="Browse the content library.", no_args_is_help=True)
KIND_HELP = "One of: " + ", ".join(k.name for k in KINDS) + "."
FILTER_HELP = ("key=value, repeatable; keys: " + ", ".join(library_search.FACETS)
               + " (duration is the minutes you have), e.g. --filter equipment=bands.")
FilterOption = typer.Option([], "--filter", "-f", help=FILTER_HELP)


@content_app.command("check")
def check(as_json: bool = JsonOption) -> None:
    """Validate every content file; exit 0 when the library is sound."""
    library, errors = load_library()
    if as_json:
        print_json({"counts": library.counts(), "errors": [e.as_dict() for e in errors]})
    else:
        table = Table("kind", "entries", title="Content library")
        for kind, n in library.counts().items():
            table.add_row(kind, str(n))
        console.print(table)
        for e in errors:
            err.print(f"[red]x[/] {escape(str(e))}", highlight=False)
        if errors:
            err.print(f"[bold red]{len(errors)} error(s)[/] - fix them and run this again.")
        else:
            console.print("[green]The library is valid.[/]")
    if errors:
        raise typer.Exit(1)


def _entries(kind: str) -> tuple[str, Library]:
    try:
        name = kind_named(kind).name
    except ValueError as exc:
        fail(str(exc), code=2)
    return name, checked_library()


def _label(data: dict[str, Any]) -> str:
    return str(data.get("title") or data.get("text") or data["id"])


def _summary(data: dict[str, Any]) -> str:
    for key in ("summary", "purpose", "explanation", "finding", "feel"):
        if data.get(key):
            return str(data[key])
    return ""


@library_app.command("list")
def list_entries(kind: str = typer.Argument(..., help=KIND_HELP),
                 filters: list[str] = FilterOption, as_json: bool = JsonOption) -> None:
    """List the entries of one kind, optionally filtered."""
    name, library = _entries(kind)
    try:
        found = library_search.entries(library, name, "", library_search.filters_from(filters))
    except UserError as exc:
        fail(exc.message, details=exc.details)
    records = [entry.model_dump(mode="json", by_alias=True) for entry in found]
    if as_json:
        print_json(records)
        return
    table = Table("id", "title", "about", title=f"{name} ({len(records)})", show_lines=False)
    for data in records:
        table.add_row(data["id"], _label(data), _summary(data))
    console.print(table)


@library_app.command("search")
def search(text: str = typer.Argument(..., help="Words to look for, e.g. \"hamstring stretch\"."),
           filters: list[str] = FilterOption, as_json: bool = JsonOption) -> None:
    """Search exercises, drills, movements, routines, cues, faults and trees at once."""
    _, library = _entries("exercises")
    try:
        result = library_search.find(library, text, library_search.filters_from(filters))
    except UserError as exc:
        fail(exc.message, details=exc.details)
    if as_json:
        print_json(result.as_json())
        return
    if not result.groups:
        console.print(f"Nothing in the library matches {escape(text)!r}; try fewer or shorter "
                      "words, or `yolvarex library list KIND`.", highlight=False)
        return
    for group in result.groups:
        table = Table("id", "title", "about", title=f"{group.kind} ({len(group.hits)})")
        for hit in group.hits:
            table.add_row(hit.id, hit.title, hit.blurb)
        console.print(table)


@library_app.command("show")
def show(kind: str = typer.Argument(..., help=KIND_HELP), entry_id: str = typer.Argument(...),
         as_json: bool = JsonOption,
         svg: Path | None = typer.Option(None, "--svg", metavar="FILE", help="Write the "
                                         "illustration (exercises, drills, movements) to FILE.")
         ) -> None:
    """Show one entry in full."""
    name, library = _entries(kind)
    entries = library.of_kind(name)
    if entry_id not in entries:
        fail(f"there is no {kind_named(name).singular} with id {entry_id!r}; see "
             f"`yolvarex library list {name}`")
    if svg is not None:
        _write_svg(library, name, entry_id, svg)
        return
    if as_json:
        print_json(entries[entry_id].model_dump(mode="json", by_alias=True))
        return
    data = entries[entry_id].model_dump(mode="json", by_alias=True, exclude_none=True)
    entry = entries[entry_id]
    console.print(f"[bold]{escape(_label(data))}[/] [dim]({name}: {entry_id})[/]")
    about = _summary(data)
    if about:
        console.print(escape(about), highlight=False)
    for label, text in words.facts(entry, library):
        console.print(f"[bold]{escape(label)}[/]: {escape(text)}", highlight=False)
    for field, heading in (("instructions", "How to do it"), ("how", "How to do it"),
                           ("steps", "Steps"), ("signs", "Signs")):
        items = data.get(field)
        if isinstance(items, list) and items:
            console.print(f"[bold]{heading}[/]:")
            for n, item in enumerate(items, 1):
                console.print(f"  {n}. {escape(_step_text(item, library))}", highlight=False)
    for m in data.get("mistakes") or []:
        console.print(f"[bold]Mistake[/]: {escape(m['mistake'])} [bold]Fix[/]: {escape(m['fix'])}",
                      highlight=False)
    for line in _neighbour_lines(entry, library):
        console.print(escape(line), highlight=False)
    for evidence_id in data.get("evidence") or []:
        ev = library.evidence.get(evidence_id)
        if ev is not None:
            console.print(f"[bold]Evidence[/]: {escape(ev.short)}: {escape(ev.finding)}",
                          highlight=False)


def _step_text(item: object, library: Library) -> str:
    if isinstance(item, dict) and "movement" in item:
        move = library.movements.get(str(item["movement"]))
        amount = f"{item['seconds']} s" if item.get("seconds") else f"{item.get('reps')} reps"
        side = " each side" if move is not None and move.per_side else ""
        return f"{move.title if move else item['movement']}, {amount}{side}: {item.get('cue', '')}"
    if isinstance(item, str) and item in library.exercises:  # a ladder's rungs
        return library.exercises[item].title
    return str(item)


def _neighbour_lines(entry: object, library: Library) -> list[str]:
    lines = []
    if isinstance(entry, Exercise):
        for ladder in library.ladders.values():
            if entry.id in ladder.steps:
                i = ladder.steps.index(entry.id)
                easier = library.exercises[ladder.steps[i - 1]].title if i > 0 else "none"
                harder = (library.exercises[ladder.steps[i + 1]].title
                          if i + 1 < len(ladder.steps) else "none")
                lines.append(f"On the ladder {ladder.title}: easier {easier}; harder {harder}.")
    for field, name in (("regression", "Easier"), ("progression", "Harder")):
        target = getattr(entry, field, None)
        if isinstance(target, str) and target in library.drills:
            lines.append(f"{name}: {library.drills[target].title}")
    return lines


def _write_svg(library: Library, kind: str, entry_id: str, path: Path) -> None:
    from yolvarex.export.figure_svg import entry_svg

    drawing = entry_svg(library, kind, entry_id)
    if drawing is None:
        fail(f"{kind} have no illustrations; exercises, drills and movements do", code=2)
    try:
        path.write_text(drawing, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    console.print(f"Wrote the illustration of {entry_id} to {path}.", highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(content_app, name="content")
    root.add_typer(library_app, name="library")
