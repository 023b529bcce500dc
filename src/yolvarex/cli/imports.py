"""`yolvarex import PATH...`: import watch files, folders and archives into the log."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from yolvarex.cli.common import JsonOption, UserOption, acting_user, console, print_json, runtime, user_errors
from yolvarex.services import imports, training_log
from yolvarex.services.imports import FileResult, ImportReport

MAX_RPE_PROMPTS = 5


def import_files(paths: list[Path] = typer.Argument(..., help="Files, folders or zip archives "
                                                     "(FIT, GPX, TCX, .gz, Strava bulk export)."),
                 user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Import activities from watch files, folders and zip archives (a Strava export too)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        imports.check_paths(paths)
        if as_json:
            report = imports.import_sources(db, actor, imports.path_sources(paths))
            print_json(report.summary())
        else:
            # a progress bar on a terminal; a pipe or a log file gets the summary only
            report = _with_progress(db, actor, paths) if console.is_terminal else \
                imports.import_sources(db, actor, imports.path_sources(paths))
            _print(report)
            if sys.stdin.isatty():
                _ask_rpe(db, actor, report)
    if report.failed and not report.imported and not report.duplicates:
        raise typer.Exit(1)


def _with_progress(db, actor, paths: list[Path]) -> ImportReport:  # type: ignore[no-untyped-def]
    """Files done, MB read and the time left (from the MB per second so far), on one line."""
    batch = imports.measure(paths)
    columns = (TextColumn("[bold]Importing"), BarColumn(),
               TextColumn("{task.fields[files_done]} of {task.fields[files]} files"),
               TextColumn("{task.fields[mb]}"), TimeRemainingColumn(), TextColumn("left"),
               TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=max(batch.bytes, 1), files=batch.files, files_done=0,
                            mb=_mb(0, batch.bytes))
        done = {"files": 0, "bytes": 0}

        def path_done(_path: Path, size: int) -> None:
            done["files"] += 1
            done["bytes"] += size
            bar.update(task, completed=done["bytes"], files_done=done["files"],
                       mb=_mb(done["bytes"], batch.bytes))

        def file_done(result: FileResult) -> None:
            bar.update(task, description=Path(result.file).name)

        return imports.import_sources(db, actor, imports.path_sources(paths, on_path=path_done),
                                      on_file=file_done)


def _mb(done: int, total: int) -> str:
    return f"{done / 1e6:.1f} of {total / 1e6:.1f} MB"


def _print(report: ImportReport) -> None:
    table = Table(title="Import", show_header=False, box=None)
    table.add_row("Imported", str(report.imported),
                  f"({report.imported - report.cross_training} runs, {report.cross_training} cross-training)")
    table.add_row("Already in your log", str(report.duplicates), "")
    table.add_row("Failed", str(len(report.failed)), "")
    console.print(table)
    for result in report.files:
        for remark in dict.fromkeys(result.remarks):
            console.print(f"[yellow]![/] {result.file}: {remark}", highlight=False)
        if result.new_bests:
            console.print(f"[green]★[/] {result.file}: new best over {', '.join(result.new_bests)}",
                          highlight=False)
    for failure in report.failed:
        console.print(f"[red]✗[/] {failure['file']}: {failure['reason']}", highlight=False)


def _ask_rpe(db, actor, report: ImportReport) -> None:  # type: ignore[no-untyped-def]
    """After a small import, ask how hard each new session felt (Enter skips)."""
    ids = [i for f in report.files for i in f.activity_ids]
    if not ids or len(ids) > MAX_RPE_PROMPTS:
        return
    console.print("How hard did each session feel, as a whole? 0 = rest, 10 = maximal. "
                  "Press Enter to skip.")
    for activity_id in ids:
        row = training_log.get_entry(db, actor, activity_id)
        label = f"{training_log.display_name(row)} on {row.start:%a %d %b}"
        answer = typer.prompt(f"  {label}", default="", show_default=False).strip()
        if not answer:
            continue
        try:
            changes = training_log.EntryChanges(rpe=float(answer))
        except ValueError:
            console.print("  [yellow]Skipped:[/] give a number from 0 to 10.")
            continue
        training_log.update_entry(db, actor, activity_id, changes)
        db.commit()


def register(app: typer.Typer) -> None:
    app.command("import")(import_files)
