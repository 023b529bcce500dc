"""`yolvarex week`: the week in review (the same summary as the Week page and the API)."""

from __future__ import annotations

import typer
from rich.markup import escape

from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    console,
    day_given,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.services import days, week_summary
from yolvarex.services.week_summary import WeekSummary


def week(user: str | None = UserOption,
         day: str | None = typer.Option(None, "--date", help="Any day of the week: YYYY-MM-DD, "
                                        "today, yesterday, a weekday or -N (default: today)."),
         as_json: bool = JsonOption) -> None:
    """The week in review: done against the plan, load, plan changes, next week's focus."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        when = day_given(day, actor)
        summary = week_summary.week_summary(db, actor, rt.library, when, days.today_of(db, actor))
    if as_json:
        print_json(week_summary.summary_json(summary))
    else:
        _print(summary)


def _of(done: int, planned: int | None) -> str:
    return f"{done} of {planned}" if planned is not None else str(done)


def _print(s: WeekSummary) -> None:
    d = s.done
    state = "" if s.complete else f" (so far, through {s.through:%A})"
    console.print(f"[bold]Week of {s.monday:%d %B %Y}[/]{state}", highlight=False)
    console.print(f"Runs: {_of(d.runs_done, d.runs_planned)} · {d.run_km:.1f} km · "
                  f"{d.run_minutes:.0f} min running · strength sessions: "
                  f"{_of(d.strength_done, d.strength_planned)} · days with a routine: "
                  f"{d.routines_done}", highlight=False)
    console.print(f"[bold]Load:[/] {escape(s.load.words)}", highlight=False)
    if s.plan_changes:
        console.print("[bold]What changed in the plan:[/]")
        for c in s.plan_changes:
            console.print(f"  {c.day:%a %d %b}: {c.verdict.label}. {escape(c.reason)}", highlight=False)
    elif s.verdicts:
        console.print("[bold]Days the verdict held you back:[/]")
        for v in s.verdicts:
            console.print(f"  {v.day:%a %d %b}: {v.verdict.label}. {escape(v.reason)}", highlight=False)
    else:
        console.print("No changes to the plan this week.")
    for label, focus in (("Form focus", s.form_focus), ("Strength focus", s.strength_focus)):
        console.print(f"[bold]{label} for next week:[/] {escape(focus.title)}", highlight=False)
        for reason in focus.reasons:
            console.print(f"  - {escape(reason)}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("week")(week)
