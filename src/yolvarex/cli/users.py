"""`yolvarex user ...` and `yolvarex token ...`: local accounts and API tokens."""

from __future__ import annotations

import sys

import typer
from rich.table import Table
from sqlalchemy import select

from yolvarex import clock
from yolvarex.cli.common import (
    JsonOption,
    console,
    fail,
    print_json,
    read_config,
    runtime,
    user_errors,
    write_config,
)
from yolvarex.services import account_data, accounts, days
from yolvarex.store.access import Actor
from yolvarex.store.models import User

ZONE_HELP = "IANA time zone, e.g. Europe/Berlin (default: the server's zone)."
user_app = typer.Typer(help="Create and manage local users.", no_args_is_help=True)
token_app = typer.Typer(help="Create and revoke API tokens.", no_args_is_help=True)


def _password(from_stdin: bool) -> str | None:
    if from_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
        if not value:
            fail("no password on standard input")
        return value
    if sys.stdin.isatty():
        return str(typer.prompt("Password (at least 8 characters)", hide_input=True,
                                confirmation_prompt=True))
    return None


@user_app.command("create")
def create(name: str, password_stdin: bool = typer.Option(False, "--password-stdin",
                                                          help="Read the password from standard input."),
           role: str = typer.Option("athlete", help="athlete or coach"),
           timezone: str | None = typer.Option(None, "--timezone", help=ZONE_HELP)) -> None:
    """Create a user. Without a password the user works in the CLI but cannot log in on the web."""
    password = _password(password_stdin)
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        user = accounts.create_user(db, name, password, role, timezone=timezone)
        name, zone = user.name, user.timezone
    console.print(f"Created {role} [bold]{name}[/] (time zone {zone}).", highlight=False)
    if password is None:
        console.print("No password set; add one with `yolvarex user password "
                      f"{name}` to log in on the web.")


@user_app.command("password")
def password(name: str, password_stdin: bool = typer.Option(False, "--password-stdin")) -> None:
    """Set or change a user's password; their web sessions end and their API tokens are revoked."""
    value = _password(password_stdin)
    if value is None:
        fail("give the password on a terminal or with --password-stdin")
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        done = accounts.set_password(db, accounts.user_named(db, name), value)
    console.print(f"Password changed. {done.sessions_ended} web session(s) logged out and "
                  f"{done.tokens_revoked} API token(s) revoked; create new tokens with "
                  f"`yolvarex token create {name}`.")


@user_app.command("list")
def list_users(as_json: bool = JsonOption) -> None:
    """List the users of this instance."""
    rt = runtime()
    with rt.db.session() as db:
        users = [(u.name, u.role, u.timezone, u.created_at.date().isoformat())
                 for u in db.scalars(select(User).order_by(User.name))]
    if as_json:
        print_json([{"name": n, "role": r, "timezone": z, "created": c} for n, r, z, c in users])
        return
    table = Table("name", "role", "time zone", "created")
    for row in users:
        table.add_row(*row)
    console.print(table)


@user_app.command("set")
def set_settings(name: str, timezone: str = typer.Option(..., "--timezone", help=ZONE_HELP)) -> None:
    """Change a user's settings: the time zone their days follow (earlier days keep their dates)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = Actor.of(accounts.user_named(db, name))
        zone = days.set_timezone(db, actor, timezone)
    console.print(f"[bold]{actor.name}[/] now lives on {zone} time: today there is "
                  f"{clock.today(zone):%A %d %B}.", highlight=False)


@user_app.command("delete")
def delete_user(name: str, yes: bool = typer.Option(False, "--yes", help="Do not ask first.")) -> None:
    """Delete a user and every record they own (check-ins, log, plans, tests, routines, trees,
    sessions, tokens, coach links and notes). It cannot be undone; `yolvarex export` first to keep a copy."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        user = accounts.user_named(db, name)
        if not yes and not typer.confirm(f"Delete {user.name} and all their data for good?"):
            fail("nothing was deleted")
        removed = account_data.delete_account(db, user)
    what = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in removed.items() if n) or "no records"
    console.print(f"Deleted [bold]{name}[/] and {what}.", highlight=False)


@user_app.command("default")
def default(name: str) -> None:
    """Make NAME the user that commands act for when --user is not given."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        name = accounts.user_named(db, name).name
    config = read_config(rt.settings)
    config["default_user"] = name
    write_config(rt.settings, config)
    console.print(f"Commands now act as [bold]{name}[/] unless you pass --user.")


@token_app.command("create")
def token_create(name: str, label: str = typer.Option("cli", help="What the token is for.")) -> None:
    """Create an API token for NAME and print it (it is shown only once)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        token, _ = accounts.create_api_token(db, accounts.user_named(db, name), label)
    typer.echo(token)


@token_app.command("list")
def token_list(name: str, as_json: bool = JsonOption) -> None:
    """List NAME's tokens (never the secrets themselves)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = Actor.of(accounts.user_named(db, name))
        rows = [{"id": t.id, "label": t.label, "created": t.created_at.isoformat(),
                 "revoked": t.revoked_at is not None} for t in accounts.list_api_tokens(db, actor)]
    if as_json:
        print_json(rows)
        return
    table = Table("id", "label", "created", "revoked")
    for r in rows:
        table.add_row(str(r["id"]), str(r["label"]), str(r["created"])[:16],
                      "yes" if r["revoked"] else "")
    console.print(table)


@token_app.command("revoke")
def token_revoke(name: str, token_id: int) -> None:
    """Revoke one of NAME's tokens by its id (see `yolvarex token list NAME`)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = Actor.of(accounts.user_named(db, name))
        accounts.revoke_api_token(db, actor, token_id)
    console.print("Token revoked.")


def register(root: typer.Typer) -> None:
    root.add_typer(user_app, name="user")
    root.add_typer(token_app, name="token")
