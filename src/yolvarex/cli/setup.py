"""`yolvarex setup`: the first run in the terminal, the same questions as the web wizard.

Each answer can be given as an option (for scripts and tests); whatever is missing is asked,
unless `--no-input`, which takes the defaults. `services/setup.py` applies the answers and
makes the plan."""

from __future__ import annotations

from typing import Any

import typer

from yolvarex import clock
from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    console,
    fail,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.domain import units
from yolvarex.domain.plan.profile import WEEKDAYS
from yolvarex.errors import Invalid
from yolvarex.services import setup

TOUR = (
    ("When to rest", "`yolvarex check-in` each morning gives one verdict for the day, with reasons."),
    ("Form cues and drills", "`yolvarex form analyze RUN.fit` and `yolvarex drills` for your warm-up."),
    ("Recovery", "`yolvarex routine suggest` and `yolvarex routine play ID` with a live timer."),
    ("Strength at home", "`yolvarex plan show` and `yolvarex plan day` for today's session."),
)


def _list(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def _ask(value: Any, question: str, default: Any, interactive: bool) -> Any:
    if value is not None or not interactive:
        return value
    answer = typer.prompt(question, default="" if default is None else str(default),
                          show_default=default not in (None, ""))
    return answer.strip() if isinstance(answer, str) else answer


def setup_command(
        user: str | None = UserOption,
        run_week: str = typer.Option(None, "--run-week", help="Your usual week: mon=easy,tue=speed,"
                                     "thu=tempo,sat=long (days left out are rest days)."),
        race_date: str = typer.Option(None, "--race-date", help="Goal race day, YYYY-MM-DD (optional)."),
        race_distance: str = typer.Option(None, "--race-distance",
                                          help="5k, 10k, half_marathon, marathon, ultra or other."),
        experience: str = typer.Option(None, "--experience", help="Strength work: new, some or experienced."),
        equipment: str = typer.Option(None, "--equipment", help="At home, comma-separated: "
                                      "bodyweight,bands,dumbbells,kettlebell."),
        sessions: int = typer.Option(None, "--sessions", help="Strength sessions a week: 2 or 3."),
        minutes: int = typer.Option(None, "--minutes", help="Minutes per session, 20 to 45."),
        injuries: str = typer.Option(None, "--injuries", help="Past injuries, comma-separated: knee,hip,"
                                     "it_band,shin,achilles_calf,plantar_fascia,low_back (or none)."),
        timezone: str = typer.Option(None, "--timezone", help="IANA time zone, e.g. Europe/Berlin."),
        unit_system: str = typer.Option(None, "--units", metavar="UNITS",
                                        help="metric (km, kg) or imperial (miles, lb)."),
        max_hr: int = typer.Option(None, "--max-hr", help="Maximum heart rate (optional)."),
        resting_hr: int = typer.Option(None, "--resting-hr", help="Resting heart rate (optional)."),
        weight: float = typer.Option(None, "--weight", help="Body weight in your units (optional)."),
        running_dynamics: bool = typer.Option(None, "--running-dynamics/--no-running-dynamics",
                                              help="Whether your watch records cadence, ground contact "
                                                   "and bounce."),
        no_input: bool = typer.Option(False, "--no-input", help="Ask nothing; missing answers take "
                                      "the defaults."),
        as_json: bool = JsonOption) -> None:
    """Set up a runner: running week, goal race, strength, body, watch; then make the plan."""
    rt = runtime()
    ask = not no_input and not as_json
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        if ask:
            console.print(f"Setting up [bold]{actor.name}[/]. Press Enter to keep a default; "
                          "leave optional answers blank.", highlight=False)
        answers: dict[str, Any] = {}
        zone = _ask(timezone, "Time zone", actor.timezone, ask)
        answers["timezone"] = zone
        answers["units"] = _ask(unit_system, "Units (metric or imperial)", "metric", ask) or "metric"
        if not actor.is_coach:
            default_week = ",".join(f"{d}={k}" for d, k in setup.DEFAULT_WEEK.items() if k != "rest")
            week_text = _ask(run_week, f"Running week ({', '.join(WEEKDAYS)}=kind)", default_week, ask)
            if week_text:
                try:
                    answers["run_week"] = setup.parse_run_week(week_text)
                except Invalid as exc:
                    fail(exc.message)
            day = _ask(race_date, "Goal race day (YYYY-MM-DD, optional)", None, ask)
            if day:
                answers["race"] = {"date": day, "distance": _ask(
                    race_distance, "Race distance (5k, 10k, half_marathon, marathon, ultra, other)",
                    "other", ask) or "other"}
            answers["experience"] = _ask(experience, "Strength experience (new, some, experienced)",
                                         "new", ask)
            gear = _ask(equipment, "Equipment at home (bodyweight, bands, dumbbells, kettlebell)",
                        "bodyweight", ask)
            answers["equipment"] = _list(gear) if gear else None
            answers["sessions_per_week"] = _ask(sessions, "Sessions a week (2 or 3)", 2, ask)
            answers["minutes_per_session"] = _ask(minutes, "Minutes per session (20 to 45)", 30, ask)
            hurt = _ask(injuries, "Past injuries (knee, hip, it_band, shin, achilles_calf, "
                                  "plantar_fascia, low_back; optional)", None, ask)
            answers["injury_history"] = [] if hurt in (None, "none") else _list(hurt)
            answers["max_hr"] = _ask(max_hr, "Maximum heart rate (optional)", None, ask)
            answers["resting_hr"] = _ask(resting_hr, "Resting heart rate (optional)", None, ask)
            shown = units.units_of(answers["units"])
            answers["body_weight"] = _ask(weight, f"Body weight in {units.weight_unit(shown)} "
                                                  "(optional)", None, ask)
            if running_dynamics is None and ask:
                running_dynamics = typer.confirm("Does your watch record running dynamics "
                                                 "(cadence, ground contact)?", default=False)
            answers["running_dynamics"] = running_dynamics
        result = setup.finish(db, actor, answers, rt.library, clock.today(zone or actor.timezone))
        summary = _summary(result, answers)
    if as_json:
        print_json(summary)
        return
    _print(summary, actor.is_coach)


def _summary(result: setup.SetupResult, answers: dict[str, Any]) -> dict[str, Any]:
    stored = result.plan
    sessions = list(stored.plan.sessions()) if stored else []
    first = sessions[0] if sessions else None
    return {"timezone": result.timezone, "units": result.units,
            "plan": None if stored is None else {
                "id": stored.id, "weeks": stored.plan.profile.weeks,
                "sessions": len(sessions),
                "first_session": None if first is None else {
                    "date": first.date.isoformat(), "focus": first.focus.value,
                    "minutes": first.minutes}},
            "running_dynamics": answers.get("running_dynamics"),
            "next": ["yolvarex check-in", "yolvarex import PATH"]}


def _print(summary: dict[str, Any], coach: bool) -> None:
    unit_words = "miles and lb" if summary["units"] == "imperial" else "km and kg"
    console.print(f"[bold green]Set up.[/] Time zone {summary['timezone']}; numbers in "
                  f"{unit_words}.", highlight=False)
    if coach:
        console.print("Invite athletes on the Coach page of the web app; your board lists them "
                      "once they accept.")
        return
    plan = summary["plan"]
    first = plan["first_session"]
    console.print(f"Your plan: {plan['weeks']} weeks, {plan['sessions']} strength sessions"
                  + (f"; the first on {first['date']}, about {units.minutes(first['minutes'])}."
                     if first else "."), highlight=False)
    console.print("\n[bold]Next[/]\n  1. Check in for today: `yolvarex check-in`\n"
                  "  2. Bring your watch files: `yolvarex import PATH` (FIT, GPX, TCX, a Strava export)")
    console.print("\n[bold]Four things yolvarex does[/]")
    for title, text in TOUR:
        console.print(f"  [bold]{title}[/]: {text}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("setup")(setup_command)
