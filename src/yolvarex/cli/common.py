"""Shared by every command: opening the app, choosing the acting user, errors and JSON output.

The store (SQLAlchemy and the models) is imported when a command opens the database: a command
that reads only files (`yolvarex decide`) never loads it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

from yolvarex import clock, logs
from yolvarex.errors import UserError
from yolvarex.services.runtime import ContentInvalid, Runtime, keep_library_in, library, open_runtime
from yolvarex.settings import ENV_USER, InvalidSetting, Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from yolvarex.content import Library
    from yolvarex.store.access import Actor

console = Console()
err = Console(stderr=True)

UserOption = typer.Option(None, "--user", "-u", help=f"Act as this local user (default: ${ENV_USER}, "
                          "then `yolvarex user default`, then the only user).")
DAY_HELP = "The day, in your time zone: YYYY-MM-DD, today, yesterday, a weekday or -N (default: today)."
TIME_HELP = "HH:MM start time on your own clock, in your time zone (default 07:00)."
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts instead of tables.")


def fail(message: str, code: int = 1, details: list[str] | None = None) -> NoReturn:
    err.print(f"[bold red]Error:[/] {message}", highlight=False, markup=True)
    for line in details or []:
        err.print(f"  - {line}", highlight=False, markup=False)
    raise typer.Exit(code)


def _jsonable(value: Any) -> Any:
    """A typed result as the API writes it: dataclasses and models as objects, dates in ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def print_json(data: Any) -> None:
    """Print a result as JSON: the same document the API gives for the same question."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_jsonable) + "\n")


def config_path(settings: Settings) -> Path:
    return settings.data_dir / "config.json"


def read_config(settings: Settings) -> dict[str, Any]:
    try:
        data = json.loads(config_path(settings).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_config(settings: Settings, data: dict[str, Any]) -> None:
    path = config_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _content_invalid(exc: ContentInvalid) -> NoReturn:
    fail(f"the content library has {len(exc.errors)} error(s); run `yolvarex content check`",
         details=[str(e) for e in exc.errors[:20]])


def keep_library(settings: Settings) -> None:
    """Each command is a new process: keep the checked library in the data directory, so it is
    parsed and checked again only when the content or the code changes (`content.kept`)."""
    keep_library_in(settings.data_dir / "cache")


def checked_library() -> Library:
    """The shipped content library, or exit listing its errors: the app never runs on a broken one."""
    try:
        keep_library(load_settings())
        return library()
    except ContentInvalid as exc:
        _content_invalid(exc)


def runtime() -> Runtime:
    """Open the app (database migrated) or exit with a clear message. The content library is
    checked when a command first uses it (a broken one stops the command: see `cli.main`)."""
    from yolvarex.store.db import DatabaseUnavailable

    try:
        settings = load_settings()
        logs.configure(settings.log_level or "warning")
        keep_library(settings)
        return open_runtime(settings, check_content=False)
    except InvalidSetting as exc:
        fail(str(exc))
    except ContentInvalid as exc:
        _content_invalid(exc)
    except DatabaseUnavailable as exc:
        fail(str(exc))


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an error a person can fix into a message and exit code 1, never a traceback."""
    try:
        yield
    except UserError as exc:
        fail(exc.message, details=exc.details)


def acting_user(db: Session, settings: Settings, name: str | None) -> Actor:
    """The user a command acts for: --user, $YOLVAREX_USER, the configured default, the only one."""
    from sqlalchemy import func, select

    from yolvarex.store.access import Actor
    from yolvarex.store.models import User

    name = name or settings.default_user or read_config(settings).get("default_user")
    with user_errors():
        if name:
            from yolvarex.services import accounts  # (argon2 and all: only when needed)

            return Actor.of(accounts.user_named(db, name))
    count = db.scalar(select(func.count()).select_from(User)) or 0
    if count == 1:
        only = db.scalar(select(User))
        assert only is not None
        return Actor.of(only)
    if count == 0:
        fail("there are no users yet; create one with `yolvarex user create NAME` or load the "
             "demo runner with `yolvarex demo`")
    fail("several users exist; say which with --user NAME, or set one with "
         "`yolvarex user default NAME`")


def day_given(text: str | None, actor: Actor | None, option: str = "--date") -> dt.date:
    """The day a person typed (YYYY-MM-DD, today, yesterday, a weekday, -N), in the acting
    user's time zone; no text is today. A day that cannot be read exits with one sentence."""
    today = clock.today(actor.timezone if actor else None)
    if not text:
        return today
    try:
        return clock.parse_day(text, today)
    except ValueError as exc:
        fail(f"{option}: {exc}")
