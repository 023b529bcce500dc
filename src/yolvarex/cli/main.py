"""The `yolvarex` command and its sub-commands.

The commands are loaded when they are used: `yolvarex --version` and `yolvarex --help` import
Typer and this module only, and `yolvarex load` imports the module that defines `load` (and
what it needs), not the web app or the other commands. `COMMANDS` names each top-level command,
the module that registers it and its one-line help for `yolvarex --help`;
`tests/cli/test_cli_start.py` checks that the list and the commands agree and that the heavy
modules stay out of the start-up.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
import typer.core
import typer.main

#: Every top-level command in the order `yolvarex --help` lists them (Typer puts commands
#: before groups): its module in `yolvarex.cli` (whose `register(app)` adds it) and its help.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("serve", "Serve the web app and the REST API (migrates the database first)."),
    "demo": ("demo", "Create or refresh the demo runner so every page has data (safe to run "
             "again)."),
    "decide": ("decide", "Decide today's verdict from files, without a database (for scripts)."),
    "check-in": ("checkin", "Answer the morning check-in in the terminal; it is stored and "
                 "today's verdict printed."),
    "import": ("imports", "Import activities from watch files, folders and zip archives (a "
               "Strava export too)."),
    "load": ("load", "Today's load figures (ACWR, monotony, strain, fitness, fatigue, form) and "
             "weekly totals."),
    "drills": ("form", "A warm-up drill block for your next run: from your latest run and "
               "self-assessment, or for one fault."),
    "restore": ("data", "Restore an export into your account. Records already there (same "
                "stable id) are left as they are, so restoring twice adds nothing; it is all "
                "restored or nothing is."),
    "week": ("week", "The week in review: done against the plan, load, plan changes, next "
             "week's focus."),
    "setup": ("setup", "Set up a runner: running week, goal race, strength, body, watch; then "
                       "make the plan."),
    "fuel": ("fuel", "Fuel and sleep guidance after a strength session, a hard run or a short "
                     "night, or before, during and after a run."),
    "records": ("runs", "Your fastest 400 m, 1 km, 1 mile, 5 km, 10 km, half and marathon inside "
                        "any run."),
    "db": ("db", "Create, migrate and inspect the database."),
    "content": ("content", "Check the content library."),
    "library": ("content", "Browse the content library."),
    "user": ("users", "Create and manage local users."),
    "token": ("users", "Create and revoke API tokens."),
    "tree": ("trees", "The decision trees behind the daily verdict."),
    "log": ("log", "Log training by hand, and list, edit or delete it."),
    "form": ("form", "Running form: analyze a run file, take the self-assessment."),
    "routine": ("routines", "Recovery and mobility routines with a guided timer."),
    "plan": ("plan", "Strength plans around your running week."),
    "export": ("data", "Export your data."),
    "gear": ("runs", "Your shoes: add a pair, see how far each has gone, assign runs, retire."),
    "coach": ("coach", "Coaching: invite athletes, answer invitations, see athletes, leave notes."),
}

_loaded: dict[str, dict[str, Any]] = {}


def load_module_commands(module: str) -> dict[str, Any]:
    """The click commands one CLI module registers, by name (imported once)."""
    if module not in _loaded:
        holder = typer.Typer()
        importlib.import_module(f"yolvarex.cli.{module}").register(holder)
        group = typer.main.get_group(holder)
        _loaded[module] = dict(group.commands)
    return _loaded[module]


class _Commands(MutableMapping[str, Any]):
    """The root's commands: names known up front, each command imported on first use."""

    def __init__(self) -> None:
        self.extra: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name in self.extra:
            return self.extra[name]
        if name not in COMMANDS:
            raise KeyError(name)
        return load_module_commands(COMMANDS[name][0])[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.extra[name] = command

    def __delitem__(self, name: str) -> None:
        del self.extra[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (n for n in self.extra if n not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(1 for n in self.extra if n not in COMMANDS)


class LazyGroup(typer.core.TyperGroup):
    """The root group: lists every command from `COMMANDS` and imports one only to run it (or
    to show its own help). The root's `--help` shows the one-line helps without importing."""

    describing = False

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self.describing and cmd_name in COMMANDS:
            text = COMMANDS[cmd_name][1]
            return typer.core.TyperCommand(cmd_name, help=text, short_help=text)
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.describing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.describing = False


app = typer.Typer(
    name="yolvarex",
    cls=LazyGroup,
    help="A self-hosted training companion for runners and their coaches.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # the root's help in plain text: loading Rich would double the start
)


def _version(value: bool) -> None:
    if value:
        from yolvarex import __version__

        typer.echo(f"yolvarex {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Run `yolvarex COMMAND --help` for the options of each command."""


def main() -> None:
    try:
        app()
    except Exception as exc:
        # a setting read outside `runtime()`, or the content library found broken when a
        # command first used it: still a message, no traceback (each module is loaded if it
        # raised)
        settings = sys.modules.get("yolvarex.settings")
        runtime = sys.modules.get("yolvarex.services.runtime")
        if settings is not None and isinstance(exc, settings.InvalidSetting):
            from yolvarex.cli.common import err

            err.print(f"[bold red]Error:[/] {exc}", highlight=False)
            raise SystemExit(1) from None
        if runtime is not None and isinstance(exc, runtime.ContentInvalid):
            from yolvarex.cli.common import err

            err.print(f"[bold red]Error:[/] the content library has {len(exc.errors)} error(s); "
                      "run `yolvarex content check`", highlight=False)
            for line in exc.errors[:20]:
                err.print(f"  - {line}", highlight=False, markup=False)
            raise SystemExit(1) from None
        raise
