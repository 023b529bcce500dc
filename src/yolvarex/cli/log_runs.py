"""`yolvarex log run|cross|list|edit|delete`: the manual training log."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import typer
from rich.table import Table

from yolvarex import clock
from yolvarex.cli.common import (
    DAY_HELP,
    TIME_HELP,
    JsonOption,
    UserOption,
    acting_user,
    console,
    day_given,
    fail,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.domain import units
from yolvarex.services import athlete, history, training_log
from yolvarex.services.training_log import CrossEntry, EntryChanges, RunEntry

RPE_HELP = "Session RPE, 0 (rest) to 10 (maximal): how hard the whole session felt."


def _ask_rpe(rpe: float | None, as_json: bool) -> float | None:
    """The RPE prompt after a session, when a person is at the terminal and did not give one."""
    if rpe is not None or as_json or not sys.stdin.isatty():
        return rpe
    answer = typer.prompt("How hard did the whole session feel, 0-10? (Enter to skip)",
                          default="", show_default=False).strip()
    try:
        return float(answer) if answer else None
    except ValueError:
        fail("RPE must be a number from 0 to 10")


def _save(data: dict[str, Any], model: type[RunEntry] | type[CrossEntry], user: str | None,
          as_json: bool) -> None:
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        data = {**data, "date": day_given(data.get("date"), actor).isoformat()}
        entry = training_log.parse(model, data, "entry")
        row = training_log.log_entry(db, actor, entry)
        out = training_log.entry_json(row) | {"title": training_log.display_name(row)}
    if as_json:
        print_json(out)
    else:
        console.print(f"Logged [bold]{out['title']}[/] on {out['date']} "
                      f"(#{out['id']}): {out['minutes']:g} min, load {out['load']:g} "
                      f"({out['load_method'].replace('_', ' ')}).")


def run(minutes: float = typer.Option(..., "--minutes", "-m", help="Duration in minutes."),
        date: str = typer.Option(None, "--date", help=DAY_HELP),
        time: str = typer.Option(None, "--time", help=TIME_HELP),
        distance: float = typer.Option(None, "--km", help="Distance in kilometers."),
        run_type: str = typer.Option("easy", "--type", "-t",
                                     help="easy, recovery, long, tempo, speed or race."),
        rpe: float = typer.Option(None, "--rpe", help=RPE_HELP),
        hr: float = typer.Option(None, "--hr", help="Average heart rate, bpm."),
        name: str = typer.Option(None, "--name"), notes: str = typer.Option(None, "--notes"),
        user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Log a run by hand."""
    _save({"date": date, "time": time, "minutes": minutes,
           "distance_km": distance, "run_type": run_type, "rpe": _ask_rpe(rpe, as_json),
           "avg_hr": hr, "name": name, "notes": notes}, RunEntry, user, as_json)


def cross(minutes: float = typer.Option(..., "--minutes", "-m", help="Duration in minutes."),
          sport: str = typer.Option("cycling", "--sport", "-s",
                                    help="cycling, swimming, walking, hiking, strength or other."),
          date: str = typer.Option(None, "--date", help=DAY_HELP),
          time: str = typer.Option(None, "--time", help=TIME_HELP),
          distance: float = typer.Option(None, "--km", help="Distance in kilometers."),
          rpe: float = typer.Option(None, "--rpe", help=RPE_HELP),
          hr: float = typer.Option(None, "--hr", help="Average heart rate, bpm."),
          name: str = typer.Option(None, "--name"), notes: str = typer.Option(None, "--notes"),
          user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Log cross-training (a ride, swim, walk...) by hand."""
    _save({"date": date, "time": time, "minutes": minutes,
           "distance_km": distance, "sport": sport, "rpe": _ask_rpe(rpe, as_json), "avg_hr": hr, "name": name,
           "notes": notes}, CrossEntry, user, as_json)


def list_entries(weeks: int = typer.Option(4, "--weeks", "-w", min=1, max=520),
                 user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Runs and cross-training of the last weeks, newest first."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        today = clock.today(actor.timezone)
        rows = history.activities(db, actor, today - dt.timedelta(weeks=weeks), today)[::-1]
        entries = [training_log.entry_json(r) | {"title": training_log.display_name(r)} for r in rows]
        shown = athlete.units_for(db, actor.id)
    if as_json:
        print_json(entries)
        return
    if not entries:
        console.print("Nothing logged yet. Import your watch files with `yolvarex import PATH` "
                      "or log a run with `yolvarex log run --minutes 40`.")
        return
    table = Table(title=f"Log, last {weeks} weeks")
    for col in ("#", "date", "session", "time", "distance", "RPE", "avg HR", "load"):
        table.add_column(col, justify="left" if col in ("date", "session") else "right")
    for e in entries:
        table.add_row(str(e["id"]), e["date"], e["title"], units.minutes(e["minutes"]),
                      units.distance(e["distance_km"], shown, 2) if e["distance_km"] is not None
                      else "-",
                      f"{e['rpe']:g}" if e["rpe"] is not None else "-",
                      f"{e['avg_hr']:.0f}" if e["avg_hr"] else "-",
                      f"{e['load']:.0f}" if e["load"] is not None else "-")
    console.print(table)


def edit(activity_id: int = typer.Argument(..., help="The number shown by `yolvarex log list`."),
         date: str = typer.Option(None, "--date"), time: str = typer.Option(None, "--time"),
         minutes: float = typer.Option(None, "--minutes", "-m"),
         distance: float = typer.Option(None, "--km"),
         run_type: str = typer.Option(None, "--type", "-t"),
         sport: str = typer.Option(None, "--sport", "-s"),
         rpe: float = typer.Option(None, "--rpe", help=RPE_HELP),
         hr: float = typer.Option(None, "--hr"), name: str = typer.Option(None, "--name"),
         notes: str = typer.Option(None, "--notes"),
         user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Change a logged or imported session (only the options you give change)."""
    given = {"date": date, "time": time, "minutes": minutes, "distance_km": distance,
             "run_type": run_type, "sport": sport, "rpe": rpe, "avg_hr": hr, "name": name,
             "notes": notes}
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        if date:
            given["date"] = day_given(date, actor).isoformat()
        changes = training_log.parse(EntryChanges, given, "change")
        out = training_log.entry_json(training_log.update_entry(db, actor, activity_id, changes))
    if as_json:
        print_json(out)
    else:
        console.print(f"Updated #{out['id']}: load now {out['load']:g}.")


def delete(activity_id: int = typer.Argument(..., help="The number shown by `yolvarex log list`."),
           yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
           user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Delete a logged or imported session, after confirmation."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        row = training_log.get_entry(db, actor, activity_id)
        label = f"{training_log.display_name(row)} on {row.start:%a %d %b %Y}"
        if not yes:
            if not sys.stdin.isatty() and as_json:
                fail("add --yes to delete without a prompt")
            if not typer.confirm(f"Delete {label} (#{activity_id})?", default=False):
                console.print("Nothing deleted.")
                raise typer.Exit(1)
        training_log.delete_entry(db, actor, activity_id)
    if as_json:
        print_json({"deleted": activity_id})
    else:
        console.print(f"Deleted {label}.")


def add_commands(group: typer.Typer) -> None:
    group.command("run")(run)
    group.command("cross")(cross)
    group.command("list")(list_entries)
    group.command("edit")(edit)
    group.command("delete")(delete)
