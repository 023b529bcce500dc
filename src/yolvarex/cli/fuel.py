"""`yolvarex fuel`: what to eat after a strength session or a hard run, and sleep after a short
night, in grams when your body weight is set."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.markup import escape

from yolvarex.cli.common import JsonOption, UserOption, acting_user, console, print_json, runtime, user_errors
from yolvarex.services import fuel


class After(StrEnum):
    STRENGTH = "strength"
    HARD_RUN = "hard-run"
    SHORT_SLEEP = "short-sleep"
    RUN = "run"


def fuel_command(after: After = typer.Argument(
                     After.STRENGTH, help="strength, hard-run, short-sleep or run."),
                 hours: float = typer.Option(6.0, "--hours", min=0, max=24,
                                             help="Hours slept, for short-sleep."),
                 minutes: int = typer.Option(90, "--minutes", min=10, max=600,
                                             help="The run's length, for run."),
                 again_soon: bool = typer.Option(
                     False, "--again-soon", help="For run: another hard session within 8 hours."),
                 user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Fuel and sleep guidance after a strength session, a hard run or a short night, or
    before, during and after a run."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        asked = fuel.asked(db, actor, actor.id, after.value, hours=hours, minutes=minutes,
                           again_soon=again_soon)
    if as_json:
        print_json(fuel.answer(asked, hours))
        return
    advice = asked.advice if isinstance(asked, fuel.RunFuelAdvice) else asked
    if advice is None:
        console.print(fuel.answer(None, hours)["message"])
        return
    console.print(f"[bold]{escape(advice.headline)}[/]")
    if advice.warning:
        console.print(f"[yellow]{escape(advice.warning)}[/]", highlight=False)
    for point in advice.points:
        console.print(f"- {escape(point)}", highlight=False)
    sources = ", ".join(rt.library.evidence[e].short for e in advice.evidence if e in rt.library.evidence)
    console.print(f"[dim]Sources: {escape(sources)}. {escape(advice.disclaimer)}[/]", highlight=False)


def register(root: typer.Typer) -> None:
    root.command("fuel")(fuel_command)
