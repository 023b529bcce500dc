"""The `yolvarex` command and its sub-commands."""

from __future__ import annotations

import typer

from yolvarex import __version__
from yolvarex.cli import (
    content,
    data,
    db,
    decide,
    demo,
    form,
    fuel,
    imports,
    load,
    log,
    plan,
    serve,
    trees,
    users,
)
from yolvarex.cli import routines as routine_cli
from yolvarex.cli.common import err
from yolvarex.settings import InvalidSetting

app = typer.Typer(
    name="yolvarex",
    help="A self-hosted training companion for runners and their coaches.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"yolvarex {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Run `yolvarex COMMAND --help` for the options of each command."""


for module in (serve, db, content, users, demo, decide, trees, imports, log, load, form, routine_cli,
               plan, data, fuel):
    module.register(app)


def main() -> None:
    try:
        app()
    except InvalidSetting as exc:  # read outside `runtime()`: still one sentence, no traceback
        err.print(f"[bold red]Error:[/] {exc}", highlight=False)
        raise SystemExit(1) from None
