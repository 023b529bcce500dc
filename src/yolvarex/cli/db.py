"""`yolvarex db ...`: database maintenance."""

from __future__ import annotations

import typer

from yolvarex.cli.common import checked_library, console, fail
from yolvarex.settings import load_settings
from yolvarex.store import migrate
from yolvarex.store.db import Database, DatabaseUnavailable, describe_url

app = typer.Typer(help="Create, migrate and inspect the database.", no_args_is_help=True)


def _database() -> Database:
    settings = load_settings()
    db = Database(settings.database_url)
    try:
        db.ping()
    except DatabaseUnavailable as exc:
        fail(str(exc))
    return db


@app.command()
def upgrade() -> None:
    """Create the database or migrate it to the newest schema."""
    checked_library()
    db = _database()
    try:
        migrate.upgrade(db)
    except DatabaseUnavailable as exc:
        fail(str(exc))
    console.print(f"Database at {describe_url(db.url)} is at revision {migrate.current_revision(db)}.")


@app.command()
def status() -> None:
    """Show where the database is and whether it needs migrating."""
    db = _database()
    current, head = migrate.current_revision(db), migrate.head_revision(db)
    console.print(f"Database: {describe_url(db.url)}")
    console.print(f"Revision: {current or '(empty)'}; newest: {head}")
    if current != head:
        console.print("Run `yolvarex db upgrade` (or start the app) to migrate.")
        raise typer.Exit(1)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="db")
