"""`yolvarex content check` and `yolvarex library list|show`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from yolvarex.cli.common import JsonOption, checked_library, console, err, fail, print_json
from yolvarex.content import Library, load_library
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.domain.plan.describe import starting_dose

content_app = typer.Typer(help="Check the content library.", no_args_is_help=True)
library_app = typer.Typer(help="Browse the content library.", no_args_is_help=True)
KIND_HELP = "One of: " + ", ".join(k.name for k in KINDS) + "."


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
def list_entries(kind: str = typer.Argument(..., help=KIND_HELP), as_json: bool = JsonOption) -> None:
    """List every entry of one kind."""
    name, library = _entries(kind)
    records = []
    for entry in library.of_kind(name).values():
        data = entry.model_dump(mode="json", by_alias=True)
        if name == "routines":
            data["total_seconds"] = library.routine_seconds(entry.id)
        records.append(data)
    if as_json:
        print_json(records)
        return
    table = Table("id", "title", "about", title=f"{name} ({len(records)})", show_lines=False)
    for data in sorted(records, key=_label):
        table.add_row(data["id"], _label(data), _summary(data))
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
