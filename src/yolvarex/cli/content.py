"""`yolvarex content check` and `yolvarex library list|show`."""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from yolvarex.cli.common import JsonOption, console, err, fail, print_json
from yolvarex.content import Library, load_library
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.domain.plan.describe import starting_dose
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
    library, errors = load_library()
    if errors:
        fail("the content library has errors; run `yolvarex content check`")
    return name, library


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
    records = []
    for entry in found:
        data = entry.model_dump(mode="json", by_alias=True)
        if name == "routines":
            data["total_seconds"] = library.routine_seconds(entry.id)
        records.append(data)
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
        print_json({"query": result.query, "total": result.total, "groups": [
            {"kind": g.kind, "hits": [{"id": h.id, "title": h.title, "about": h.blurb,
                                       "score": h.score} for h in g.hits]}
            for g in result.groups]})
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
         as_json: bool = JsonOption) -> None:
    """Show one entry in full."""
    name, library = _entries(kind)
    entries = library.of_kind(name)
    if entry_id not in entries:
        fail(f"there is no {kind_named(name).singular} with id {entry_id!r}; see "
             f"`yolvarex library list {name}`")
    data = entries[entry_id].model_dump(mode="json", by_alias=True, exclude_none=True)
    if as_json:
        print_json(data)
        return
    entry = entries[entry_id]
    if isinstance(entry, Exercise):
        data["dose"] = starting_dose(entry)  # tempo in words, not 3-0-1
    console.print(f"[bold]{_label(data)}[/] [dim]({name}: {entry_id})[/]")
    for key, value in data.items():
        if key in ("id", "title"):
            continue
        if isinstance(value, list):
            console.print(f"[bold]{key.replace('_', ' ')}[/]:")
            for item in value:
                text = ", ".join(f"{k}: {v}" for k, v in item.items()) if isinstance(item, dict) else item
                console.print(f"  - {text}", highlight=False)
        else:
            console.print(f"[bold]{key.replace('_', ' ')}[/]: {value}", highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(content_app, name="content")
    root.add_typer(library_app, name="library")
