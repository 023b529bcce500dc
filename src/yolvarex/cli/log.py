"""`yolvarex log ...`: log training by hand."""

from __future__ import annotations

import typer

from yolvarex.cli import log_strength

app = typer.Typer(help="Log training by hand.", no_args_is_help=True)
app.command("strength")(log_strength.strength)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="log")
