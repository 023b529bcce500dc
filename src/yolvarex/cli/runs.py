"""`yolvarex records` and `yolvarex gear add|list|assign|retire|default`: records and shoes."""

from __future__ import annotations

import typer
from rich.table import Table

from yolvarex import clock
from yolvarex.cli.common import JsonOption, UserOption, acting_user, console, print_json, runtime, user_errors
from yolvarex.services import gear, records
from yolvarex.services.run_text import duration_text, pace_text
from yolvarex.services.training_log import parse

gear_app = typer.Typer(help="Your shoes: add a pair, see how far each has gone, assign runs, retire.",
                       no_args_is_help=True)


def records_command(user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Your fastest 400 m, 1 km, 1 mile, 5 km, 10 km, half and marathon inside any run."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        found = records.records(db, actor)
    if as_json:
        print_json([r.to_json() for r in found])
        return
    if not found:
        console.print("No records yet: import runs from your watch (`yolvarex import FILES`).")
        return
    table = Table(title="Your records")
    for head in ("Distance", "Time", "Pace /km", "Date", "Run"):
        table.add_column(head)
    for r in found:
        table.add_row(r.name, duration_text(r.seconds), pace_text(r.pace_s_per_km),
                      r.day.isoformat(), f"#{r.activity_id} {r.run_name or ''}".strip())
    console.print(table)


@gear_app.command("add")
def add(name: str = typer.Argument(..., help="What you call the pair."),
        start_km: float = typer.Option(0.0, "--start-km", help="Distance already run in them."),
        retire_at_km: float = typer.Option(None, "--retire-at-km",
                                           help="Distance at which to replace them (e.g. 700)."),
        default_for: str = typer.Option(None, "--default-for",
                                        help="New runs go in this pair: all, or a run type."),
        user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Add a pair of shoes."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        shoe = gear.add_shoe(db, actor, parse(gear.ShoeIn, {
            "name": name, "start_km": start_km, "retire_at_km": retire_at_km,
            "default_for": default_for}, "shoe"))
        out = shoe.to_json()
    if as_json:
        print_json(out)
    else:
        console.print(f"Added [bold]{out['name']}[/] (#{out['id']}), {out['distance_km']:g} km so far.")


@gear_app.command("list")
def list_shoes(user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Your shoes with their distance so far, active ones first."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        found = [s.to_json() for s in gear.shoes(db, actor)]
    if as_json:
        print_json(found)
        return
    if not found:
        console.print("No shoes yet: `yolvarex gear add NAME --retire-at-km 700 --default-for all`.")
        return
    table = Table(title="Your shoes")
    for head in ("#", "Name", "Distance", "Retire at", "Runs", "Default for", "State"):
        table.add_column(head)
    for s in found:
        state = f"retired {s['retired_on']}" if s["retired_on"] else (
            "near its limit" if s["near_limit"] else "active")
        table.add_row(str(s["id"]), s["name"], f"{s['distance_km']:.0f} km",
                      f"{s['retire_at_km']:.0f} km" if s["retire_at_km"] else "-", str(s["runs"]),
                      s["default_for"] or "-", state)
    console.print(table)


@gear_app.command("assign")
def assign(activity_id: int = typer.Argument(..., help="The run's number (see `yolvarex log list`)."),
           shoe_id: int = typer.Argument(None, help="The shoe's number; leave out for no shoe."),
           user: str | None = UserOption) -> None:
    """Set the shoe a run was in."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        gear.assign(db, actor, activity_id, shoe_id)
    console.print(f"Run #{activity_id} is now in " + (f"shoe #{shoe_id}." if shoe_id else "no shoe."))


@gear_app.command("retire")
def retire(shoe_id: int = typer.Argument(..., help="The shoe's number (see `yolvarex gear list`)."),
           user: str | None = UserOption) -> None:
    """Retire a pair: it keeps its runs and distance and is no longer a default."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        shoe = gear.retire(db, actor, shoe_id, clock.today(actor.timezone))
    console.print(f"Retired [bold]{shoe.name}[/] at {shoe.distance_km:.0f} km.")


def register(app: typer.Typer) -> None:
    app.command("records")(records_command)
    app.add_typer(gear_app, name="gear")
