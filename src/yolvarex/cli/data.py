"""`yolvarex export` and `yolvarex restore`: everything a runner owns, in one archive."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from yolvarex import clock
from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    console,
    fail,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.services import calendar_feed, data_archive
from yolvarex.store.models import User

export_app = typer.Typer(help="Export your data.", invoke_without_command=True)


@export_app.callback()
def export(ctx: typer.Context,
           out: Path | None = typer.Option(None, "--out", "-o", help="Where to write the zip archive "
                                           "(default: yolvarex-NAME-DATE.zip here)."),
           user: str | None = UserOption) -> None:
    """Export everything you own to one zip archive: profile, check-ins, runs with their
    samples, strength sessions, tests, plans, routines, assessments, coach trees and notes."""
    if ctx.invoked_subcommand is not None:
        return
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        data = data_archive.export_archive(db, actor)
    target = out or Path(data_archive.archive_name(actor.name, clock.today(actor.timezone)))
    try:
        target.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror}")
    console.print(f"Exported [bold]{actor.name}[/]'s data to {target} ({len(data) / 1024:.0f} kB).",
                  highlight=False)


@export_app.command("ics")
def export_ics(out: Path | None = typer.Option(None, "--out", "-o", help="Write the calendar here "
                                               "(default: print it)."),
               user: str | None = UserOption) -> None:
    """Your training calendar as an .ics file: strength sessions, drill blocks and suggested
    routines, two weeks back to eight weeks ahead (the same events as the calendar feed)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        owner = db.get(User, actor.id)
        assert owner is not None
        body = calendar_feed.calendar_for(db, owner, rt.library)
    if out is None:
        sys.stdout.write(body.decode())
        return
    try:
        out.write_bytes(body)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
    console.print(f"Wrote {body.count(b'BEGIN:VEVENT')} events to {out}.", highlight=False)


def restore(archive: Path = typer.Argument(..., help="A zip archive made by `yolvarex export`."),
            user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Restore an export into your account. Records already there (same stable id) are left as
    they are, so restoring twice adds nothing; it is all restored or nothing is."""
    try:
        data = archive.read_bytes()
    except OSError as exc:
        fail(f"cannot read {archive}: {exc.strerror}")
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        report = data_archive.restore_archive(db, actor, data, limit=max(
            rt.settings.max_upload_bytes, len(data)))
    if as_json:
        print_json(report.to_json())
        return
    added = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in report.added.items()) or "nothing new"
    console.print(f"Restored into [bold]{actor.name}[/]: {added}.", highlight=False)
    skipped = sum(report.already_there.values())
    if skipped:
        console.print(f"{skipped} record(s) were already here and were left as they are.")
    kept = sum(report.kept_yours.values())
    if kept:
        console.print(f"{kept} record(s) clash with yours (same day or tree id); yours were kept.")


def register(root: typer.Typer) -> None:
    root.add_typer(export_app, name="export")
    root.command()(restore)
