"""`yolvarex plan ...`: make a strength plan from a profile, show it, adapt it to a verdict."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from yolvarex import clock
from yolvarex.cli.common import (
    DAY_HELP,
    JsonOption,
    UserOption,
    acting_user,
    console,
    day_given,
    err,
    fail,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.content import Library
from yolvarex.domain.plan import Plan, format_weeks
from yolvarex.domain.plan.describe import BLOCK_TITLES, dose
from yolvarex.domain.units import Units
from yolvarex.domain.verdict import Verdict
from yolvarex.services import athlete, plans, strength_log
from yolvarex.services.runtime import library as shipped_library

app = typer.Typer(help="Strength plans around your running week.")


def _read_profile(path: Path) -> dict[str, object]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    with user_errors():
        return plans.read_profile_text(text, path.name)
    raise AssertionError("unreachable")  # pragma: no cover


def _write_ics(plan: Plan, library: Library, path: Path, units: Units = "metric") -> None:
    from yolvarex.export.ics import plan_to_ics  # (icalendar: only for a calendar)

    try:
        path.write_bytes(plan_to_ics(plan, library, clock.now(), units=units))
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}")


def _overview(plan: Plan, library: Library) -> None:
    profile = plan.profile
    console.print(f"[bold]Strength plan[/] from {profile.start:%a %d %b %Y}, {profile.weeks} weeks, "
                  f"{profile.sessions_per_week} sessions of up to {profile.minutes_per_session} min "
                  f"({profile.placement.value.replace('_', ' ')}).", highlight=False)
    for w in plan.warnings:
        where = f"weeks {format_weeks(w.weeks)}: " if w.weeks else ""
        console.print(f"[yellow]Note[/] {where}{w.message}", highlight=False)
    wide = console.width >= 120
    table = Table("week", "phase", "date", "run", "session", "legs", "min",
                  "exercises" if wide else "n")
    for week in plan.weeks:
        if not week.sessions:
            table.add_row(str(week.week), week.phase.value, "", "", "[dim]no session[/]", "", "", "")
        for i, s in enumerate(week.sessions):
            items = [library.exercises[p.exercise].title for p in s.prescriptions()]
            table.add_row(str(week.week) if i == 0 else "", week.phase.value if i == 0 else "",
                          f"{s.date:%a %d %b}", s.run_day.value, s.focus.value.replace("_", " "),
                          s.lower_body_load.value, str(s.minutes),
                          ", ".join(items) if wide else str(len(items)))
    console.print(table)


def _week_detail(plan: Plan, library: Library, number: int, shown: Units = "metric") -> None:
    week = next((w for w in plan.weeks if w.week == number), None)
    if week is None:
        fail(f"the plan has weeks 1 to {len(plan.weeks)}")
    console.print(f"[bold]Week {week.week}[/] ({week.phase.value}), from {week.start:%a %d %b}")
    for s in week.sessions:
        console.print(f"\n[bold]{s.date:%a %d %b}[/] - {s.focus.label}, about {s.minutes} min "
                      f"(run day: {s.run_day.value}, legs: {s.lower_body_load.value})", highlight=False)
        for block in s.blocks:
            if block.routine:
                title = library.routines[block.routine].title if block.routine in library.routines \
                    else block.routine
                console.print(f"  [cyan]{BLOCK_TITLES[block.kind]}[/]: {title}", highlight=False)
                continue
            console.print(f"  [cyan]{BLOCK_TITLES[block.kind]}[/]")
            for p in block.exercises:
                console.print(f"    - {library.exercises[p.exercise].title}: {dose(p, shown)}",
                              highlight=False)


@app.callback(invoke_without_command=True)
def plan(ctx: typer.Context,
         profile: Path | None = typer.Option(None, "--profile", help="Profile as a JSON or YAML file."),
         as_json: bool = JsonOption,
         ics: Path | None = typer.Option(None, "--ics", help="Also write the plan as an iCalendar file."),
         save: bool = typer.Option(True, "--save/--no-save",
                                   help="Store it as your active plan (default), or only print it."),
         user: str | None = UserOption) -> None:
    """Make a strength plan from a profile (JSON or YAML) and store it as your active plan."""
    if ctx.invoked_subcommand is not None:
        return
    if profile is None:
        console.print(ctx.get_help())
        fail("give a profile with --profile FILE, or see your stored plan with `yolvarex plan show`")
    data = _read_profile(profile)
    if not save:
        library = shipped_library()
        with user_errors():
            result = plans.preview(data, library)
        body: dict[str, object] = result.to_json()
    else:
        rt = runtime()
        library = rt.library
        with user_errors(), rt.db.session() as db:
            actor = acting_user(db, rt.settings, user)
            stored = plans.create_plan(db, actor, data, library)
            result, body = stored.plan, stored.to_json()
    if ics is not None:
        _write_ics(result, library, ics)
    if as_json:
        print_json(body)
        return
    _overview(result, library)
    if save:
        console.print("Stored as your active plan. See a week in full with "
                      "`yolvarex plan show --week 1`.")
    if ics is not None:
        console.print(f"Calendar written to {ics}.")


def _write_pdf(plan: Plan, library: Library, athlete: str, path: Path,
               units: Units = "metric") -> None:
    from yolvarex.export.plan_print import PdfUnavailable, plan_document, to_pdf  # (Jinja)

    try:
        data = to_pdf(plan_document(plan, library, athlete, units))
    except PdfUnavailable as exc:
        fail(str(exc))
    try:
        path.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}")
    err.print(f"Wrote the printable plan to {path}.", highlight=False)


@app.command("show")
def show(week: int | None = typer.Option(None, "--week", help="Show this week in full."),
         ics: Path | None = typer.Option(None, "--ics", help="Also write the plan as an iCalendar file."),
         pdf: Path | None = typer.Option(None, "--pdf", help="Also write the printable plan as a PDF "
                                         "(one week per page; needs the pdf extra)."),
         as_json: bool = JsonOption, user: str | None = UserOption) -> None:
    """Show your stored plan: an overview, or one week in full."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        stored = plans.current_plan(db, actor)
        shown = athlete.units_for(db, actor.id)
    if stored is None:
        fail("there is no plan yet; make one with `yolvarex plan --profile FILE`")
    if ics is not None:
        _write_ics(stored.plan, rt.library, ics, shown)
    if pdf is not None:
        _write_pdf(stored.plan, rt.library, actor.name, pdf, shown)
    if as_json:
        print_json(stored.to_json())
    elif week is not None:
        _week_detail(stored.plan, rt.library, week, shown)
    else:
        _overview(stored.plan, rt.library)


@app.command("regenerate")
def regenerate(start: str | None = typer.Option(None, "--start", help="A new first day: YYYY-MM-DD, "
                                                "today, a weekday or +N (default: keep it)."),
               as_json: bool = JsonOption, user: str | None = UserOption) -> None:
    """Build your active plan again from its profile, optionally from a new start date."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        stored = plans.regenerate(db, actor, rt.library,
                                  start=day_given(start, actor, "--start") if start else None)
    if as_json:
        print_json(stored.to_json())
    else:
        _overview(stored.plan, rt.library)


@app.command("day")
def day(date: str | None = typer.Argument(None, help=DAY_HELP),
        as_json: bool = JsonOption, user: str | None = UserOption) -> None:
    """Show a day's planned session with the next prescription for each exercise from your log."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        when = day_given(date, actor, "DATE")
        # text in the runner's kg or lb; the JSON stays in kilograms, as the API does
        shown: Units = "metric" if as_json else athlete.units_for(db, actor.id)
        workout = strength_log.workout(db, actor, when, rt.library, units=shown)
    if as_json:
        print_json(workout.to_json())
        return
    planned = workout.day
    run = f"run day: {planned.run_day}" if planned.run_day else "no plan yet"
    if planned.session is None:
        console.print(f"{when:%A %d %B}: no strength session planned ({run}).")
        return
    s = planned.session
    console.print(f"[bold]{when:%A %d %B}[/]: {s.focus.label}, about {s.minutes} min ({run}).",
                  highlight=False)
    table = Table("exercise", "today", "why")
    for _, step in workout.steps:
        table.add_row(rt.library.exercises[step.prescription.exercise].title,
                      dose(step.prescription, shown), step.reason)
    console.print(table)
    console.print("Log it with `yolvarex log strength --planned` when you are done.")


@app.command("adapt")
def adapt(verdict: Verdict = typer.Argument(..., help="train, modify, cross_train, rest or "
                                                      "see_professional."),
          date: str | None = typer.Option(None, "--date", help=DAY_HELP),
          as_json: bool = JsonOption, user: str | None = UserOption) -> None:
    """Adapt the plan to a day's rest verdict: move, lighten or keep that day's session."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        result = plans.apply_verdict(db, actor, day_given(date, actor), verdict, rt.library)
    if as_json:
        print_json(result.to_json())
    else:
        console.print(result.reason, highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="plan")

