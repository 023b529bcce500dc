"""`yolvarex log ...`: the training log group; each pillar adds its commands to it."""

from __future__ import annotations

import typer

from yolvarex.cli import log_runs, log_strength

log_app = typer.Typer(help="Log training by hand, and list, edit or delete it.", no_args_is_help=True)
log_runs.add_commands(log_app)
log_app.command("strength")(log_strength.strength)


def register(app: typer.Typer) -> None:
    app.add_typer(log_app, name="log")
