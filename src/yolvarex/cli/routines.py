"""`yolvarex routine ...`: browse routines, play one with a live timer, get today's suggestions."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table
from sqlalchemy import func, select

from yolvarex import clock
from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    checked_library,
    console,
    err,
    fail,
    print_json,
    read_config,
    runtime,
    user_errors,
)
from yolvarex.content import Library
from yolvarex.domain.recovery.occasions import Occasion
from yolvarex.domain.recovery.streak import GRACE_DAYS
from yolvarex.domain.recovery.timeline import format_duration
from yolvarex.services import routines as service
from yolvarex.services.routines import TodaysRoutines
from yolvarex.settings import load_settings
from yolvarex.store.access import Actor
from yolvarex.store.models import User

app = typer.Typer(help="Recovery and mobility routines with a guided timer.", no_args_is_help=True)


def _routine(library: Library, routine_id: str) -> None:
    if routine_id not in library.routines:
        fail(f"there is no routine with id {routine_id!r}; see `yolvarex routine list`")


@app.command("list")
def list_routines(
        occasion: str | None = typer.Option(None, "--occasion", help="Only routines for this "
                                            "occasion: " + ", ".join(o.value for o in Occasion)),
        area: str | None = typer.Option(None, "--area", help="Only routines that work on this "
                                        "body area, e.g. calves."),
        as_json: bool = JsonOption) -> None:
    """Every routine with its computed total time."""
    library = checked_library()
    with user_errors():
        rows = service.browse(library, occasion, area)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Routines ({len(rows)})")
    table.add_column("id", overflow="fold", min_width=12)
    for name in ("title", "time", "when"):
        table.add_column(name)
    for r in rows:
        table.add_row(r["id"], r["title"], format_duration(r["total_seconds"]), r["when"])
    console.print(table)


@app.command("show")
def show(routine_id: str = typer.Argument(..., help="The routine's id."),
         as_json: bool = JsonOption) -> None:
    """One routine step by step, with per-side times and cues."""
    library = checked_library()
    _routine(library, routine_id)
    data = service.routine_detail(library, routine_id)
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{data['title']}[/] [dim]({routine_id})[/]  "
                  f"{format_duration(data['total_seconds'])}", highlight=False)
    console.print(data["purpose"], highlight=False)
    console.print(f"[dim]When:[/] {data['when']}", highlight=False)
    if data["equipment"]:
        console.print(f"[dim]You need:[/] {', '.join(data['equipment']).replace('_', ' ')}")
    table = Table("#", "movement", "dose", "time", "cue")
    for n, step in enumerate(library.routines[routine_id].steps, 1):
        movement = library.movements[step.movement]
        each = " each side" if movement.per_side else ""
        dose = f"{step.reps} reps{each}" if step.reps else f"{step.seconds} s{each}"
        seconds = sum(s.seconds for s in library.routine_timeline(routine_id) if s.step == n - 1)
        table.add_row(str(n), movement.title, dose, format_duration(seconds), step.cue)
    console.print(table)


def _player_user(name: str | None) -> tuple[Any, Actor | None]:
    """The runtime and the user to log for: --user or the usual default; None with no users."""
    rt = runtime()
    with rt.db.session() as db:
        settings = load_settings()
        explicit = name or settings.default_user or read_config(settings).get("default_user")
        if not explicit and not db.scalar(select(func.count()).select_from(User)):
            return rt, None
        return rt, acting_user(db, settings, name)


@app.command("play")
def play(routine_id: str = typer.Argument(..., help="The routine's id."),
         speed: float = typer.Option(1.0, "--speed", min=0.1, max=1000,
                                     help="Run the clock this many times faster (demos, tests)."),
         user: str | None = UserOption,
         no_log: bool = typer.Option(False, "--no-log", help="Do not log the completion."),
         quiet: bool = typer.Option(False, "--quiet", help="No terminal bell at each change.")) -> None:
    """Play a routine with a live timer; logs it for the user when it ends."""
    from yolvarex.cli.player import Keys, run

    library = checked_library()
    _routine(library, routine_id)
    rt, actor = (None, None) if no_log else _player_user(user)
    if actor is None and not no_log:
        err.print("No user yet, so this routine will not be logged. Create one with "
                  "`yolvarex user create NAME`.", highlight=False)
    routine = library.routines[routine_id]
    with Keys() as keys:
        outcome = run(library.routine_timeline(routine_id), routine.title, console=console,
                      keys=keys, speed=speed, bell=not quiet)
    if outcome.quit:
        console.print(f"Stopped after {format_duration(outcome.state.played)}; nothing logged.")
        return
    console.print(f"[bold green]Done:[/] {routine.title}, {format_duration(outcome.state.played)}.",
                  highlight=False)
    if rt is not None and actor is not None:
        with user_errors(), rt.db.session() as db:
            service.log_completion(db, actor, library, routine_id, source="cli",
                                   seconds=max(1.0, outcome.state.played))
            now = service.streak_for(db, actor, clock.today(actor.timezone))
        console.print(f"Logged for {actor.name}. Routine streak: {now.days}.", highlight=False)


@app.command("done")
def done(routine_id: str = typer.Argument(..., help="The routine's id."),
         minutes: float | None = typer.Option(None, "--minutes", help="How long it took "
                                              "(default: the routine's total time)."),
         user: str | None = UserOption) -> None:
    """Log a routine you did without the player."""
    library = checked_library()
    _routine(library, routine_id)
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        service.log_completion(db, actor, library, routine_id, source="cli",
                               seconds=None if minutes is None else minutes * 60)
        now = service.streak_for(db, actor, clock.today(actor.timezone))
    console.print(f"Logged {library.routines[routine_id].title} for {actor.name}. "
                  f"Routine streak: {now.days}.", highlight=False)


def _print_suggestions(result: TodaysRoutines, as_json: bool) -> None:
    items = [{"id": s.id, "title": s.title, "reason": s.reason, "score": s.score,
              "total_seconds": s.seconds} for s in result.suggestions]
    if as_json:
        print_json(items)
        return
    table = Table("#", "routine", "time", "why", title="Suggested routines")
    for n, s in enumerate(result.suggestions, 1):
        table.add_row(str(n), f"{s.title}\n[dim]{s.id}[/]", format_duration(s.seconds), s.reason)
    console.print(table)
    if result.unknown_areas:
        err.print(f"Not a body area yolvarex knows: {', '.join(result.unknown_areas)}.",
                  highlight=False)


@app.command("suggest")
def suggest(user: str | None = UserOption,
            verdict: str | None = typer.Option(None, "--verdict", help="Today's verdict: train, "
                                               "modify, cross_train, rest, see_professional."),
            sore_areas: str | None = typer.Option(None, "--sore-areas", help="Sore body areas, "
                                                  "comma separated (replaces the check-in's)."),
            planned: str | None = typer.Option(None, "--planned", help="Today's planned sessions, "
                                               "comma separated: rest, easy, recovery, speed, "
                                               "tempo, long, race, strength, cross_train."),
            limit: int = typer.Option(5, "--limit", min=1, max=20, help="How many to show."),
            as_json: bool = JsonOption) -> None:
    """Routines for today, ranked, each with its reason.

    With --user (or a default user) it also uses your latest check-in and what you did
    recently; without, it works from the options alone.
    """
    library = checked_library()
    settings = load_settings()
    stored = user or settings.default_user or read_config(settings).get("default_user")
    with user_errors():
        kinds = service.parse_planned(planned)
        the_verdict = service.parse_verdict(verdict)
        areas = service.parse_areas(sore_areas)
        if not stored:
            result = service.suggestions_stateless(library, clock.today(None), verdict=the_verdict,
                                                   planned=kinds, sore_areas=areas or (),
                                                   limit=limit)
        else:
            rt = runtime()
            with rt.db.session() as db:
                actor = acting_user(db, rt.settings, user)
                result = service.suggestions_for(db, actor, library, clock.today(actor.timezone),
                                                 verdict=the_verdict, planned=kinds,
                                                 sore_areas=areas, limit=limit)
    _print_suggestions(result, as_json)


@app.command("streak")
def show_streak(user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Your forgiving routine streak: missed days never wipe it out."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        now = service.streak_for(db, actor, clock.today(actor.timezone))
    if as_json:
        print_json(now)
        return
    console.print(f"Routine streak: [bold]{now.days}[/] (best {now.best}).", highlight=False)
    if now.keep_by is not None:
        console.print(f"Do a routine by {now.keep_by:%A %d %B} to keep it from dropping.",
                      highlight=False)
    console.print(f"[dim]Up to {GRACE_DAYS} missed days in a row cost nothing; after that each "
                  "missed day takes one off.[/]")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="routine")
