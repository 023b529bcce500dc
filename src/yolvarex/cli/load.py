"""`yolvarex load`: today's training-load figures and the last weeks."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from yolvarex import clock
from yolvarex.cli.common import JsonOption, UserOption, acting_user, console, print_json, runtime, user_errors
from yolvarex.services import load_report


def load(weeks: int = typer.Option(6, "--weeks", "-w", min=1, max=104, help="How many weeks to show."),
         user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Today's load figures (ACWR, monotony, strain, fitness, fatigue, form) and weekly totals."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        report = load_report.report(db, actor, clock.today(actor.timezone), weeks)
    if as_json:
        print_json(report)
        return
    _print(report)


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _print(report: dict[str, Any]) -> None:
    today = report["today"]
    if report["first_logged_day"] is None:
        console.print("No training logged yet, so there is no load to show. Import your watch "
                      "files with `yolvarex import PATH` or log a run with `yolvarex log run`.")
        return
    table = Table(title=f"Load this morning, {today['day']}", show_header=False)
    for key, label, digits in (("acwr", "Acute:chronic ratio (EWMA 7/28 d)", 2),
                               ("acute", "Acute load (7-day EWMA)", 0),
                               ("chronic", "Chronic load (28-day EWMA)", 0),
                               ("monotony", "Monotony (7 days)", 2), ("strain", "Strain (7 days)", 0),
                               ("fitness", "Fitness (42 days)", 0), ("fatigue", "Fatigue (7 days)", 0),
                               ("form", "Form (fitness - fatigue)", 0),
                               ("days_since_rest", "Training days in a row", 0)):
        table.add_row(label, _fmt(today[key], digits))
    console.print(table)
    if today["note"]:
        console.print(today["note"])
    weekly = Table(title="Last weeks")
    for col in ("week of", "sessions", "load", "ACWR", "monotony", "strain", "form"):
        weekly.add_column(col, justify="left" if col == "week of" else "right")
    for w in report["weeks"]:
        weekly.add_row(w["monday"], str(w["sessions"]), _fmt(w["load"], 0), _fmt(w["acwr"]),
                       _fmt(w["monotony"]), _fmt(w["strain"], 0), _fmt(w["form"], 0))
    console.print(weekly)
    console.print("ACWR is one signal among several and its use is debated; read it with how "
                  "you feel.", style="dim")


def register(app: typer.Typer) -> None:
    app.command("load")(load)
