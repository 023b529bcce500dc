"""`yolvarex demo`: load a demo runner with eight weeks of history."""

from __future__ import annotations

import typer

from yolvarex.cli.common import console, runtime, user_errors
from yolvarex.services.demo import DEMO_PASSWORD, load_demo


def demo(user: str = typer.Option("demo", "--user", "-u", help="Name of the demo runner.")) -> None:
    """Create or refresh the demo runner so every page has data (safe to run again)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        name = load_demo(db, rt.library, None, user).name
    console.print(f"Demo runner [bold]{name}[/] is ready: eight weeks of check-ins, runs and "
                  f"strength sessions. Log in as [bold]{name}[/] / [bold]{DEMO_PASSWORD}[/].")


def register(app: typer.Typer) -> None:
    app.command()(demo)
