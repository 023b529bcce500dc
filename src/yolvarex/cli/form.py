"""`yolvarex form analyze|assess` and `yolvarex drills`: running form from the terminal."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from sqlalchemy import select

from yolvarex import clock
from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    checked_library,
    console,
    fail,
    print_json,
    read_config,
    runtime,
    user_errors,
)
from yolvarex.content import Library
from yolvarex.domain import units
from yolvarex.domain.form.metrics import BAND_TEXT, METRICS, Metric
from yolvarex.errors import UserError
from yolvarex.services import accounts, athlete, form
from yolvarex.services.runtime import Runtime, open_runtime
from yolvarex.settings import load_settings
from yolvarex.store.access import Actor
from yolvarex.store.db import DatabaseUnavailable
from yolvarex.store.models import User

form_app = typer.Typer(help="Running form: analyze a run file, take the self-assessment.",
                       no_args_is_help=True)

GRADE_STYLE = {"purple": "magenta", "blue": "blue", "green": "green", "orange": "dark_orange",
               "red": "red"}
PERCENTILES_NOTE = ("Colors are Garmin's population percentiles for a chest strap, not targets; "
                    "your own trend at the same pace matters more (Van Hooren 2024).")


def _baseline_runtime(user: str | None) -> tuple[Runtime, Actor] | None:
    """The database and the runner to compare with, when one can be found without asking.

    `--user` must exist; without it the usual chain ($YOLVAREX_USER, the default user, the only
    user) is tried, and when it finds nobody the file is analyzed on its own."""
    try:
        rt = open_runtime(load_settings())
    except DatabaseUnavailable as exc:
        if user:
            fail(str(exc))
        return None
    with rt.db.session() as db:
        if user:
            return rt, acting_user(db, rt.settings, user)
        name = rt.settings.default_user or read_config(rt.settings).get("default_user")
        if name:
            try:
                return rt, Actor.of(accounts.user_named(db, str(name)))
            except UserError:
                return None
        rows = list(db.scalars(select(User).limit(2)))
        return (rt, Actor.of(rows[0])) if len(rows) == 1 else None


def _fmt(metric: Metric, value: float) -> str:
    return f"{value:.{METRICS[metric].digits}f}"


@form_app.command("analyze")
def analyze(file: Path = typer.Argument(..., help="A FIT, TCX or GPX file of a run (.gz too)."),
            user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Grade a run's cadence, ground contact, bounce and balance; find faults, cues and drills."""
    lib = checked_library()
    if not file.is_file():
        fail(f"there is no file at {file}")
    data = file.read_bytes()
    with user_errors():
        found = _baseline_runtime(user)
        shown: units.Units = "metric"
        if found is None:
            report = form.analyse_file(lib, file.name, data)
        else:
            rt, actor = found
            with rt.db.session() as db:
                report = form.analyse_file(lib, file.name, data, db, actor)
                shown = athlete.units_for(db, actor.id)
    if as_json:
        print_json(form.report_json(report))
        return
    _print_report(report, lib, with_baseline=found is not None, shown=shown)


def _print_report(report: form.FormReport, lib: Library, with_baseline: bool,
                  shown: units.Units = "metric") -> None:
    a = report.analysis
    head = f"[bold]{report.file}[/] · {a.sport.value} · {units.duration(a.duration_s)}"
    if a.distance_m:
        head += f" · {units.distance(a.distance_m / 1000, shown, 2)}"
    if a.pace_s_per_km:
        head += f" · moving pace {units.pace(a.pace_s_per_km, shown)}"
    console.print(head, highlight=False)
    console.print(f"[dim]Used {a.used} of {a.records} records ({units.duration(a.moving_s)} "
                  f"running; {units.duration(a.walking_s)} walking or standing and "
                  f"{units.duration(a.paused_s)} paused left out).[/]", highlight=False)
    if a.metrics:
        table = Table("metric", "mean", "p10-p90", "grade", "band", "your usual", title="Running form")
        for metric, s in a.metrics.items():
            spec = METRICS[metric]
            grade = s.grade.value if s.grade else "-"
            style = GRADE_STYLE.get(grade, "")
            band = BAND_TEXT.get(metric, {}).get(s.grade, "") if s.grade else ""
            usual = report.baseline.of(metric) if report.baseline else None
            table.add_row(f"{spec.label} ({spec.unit})", _fmt(metric, s.mean),
                          f"{_fmt(metric, s.p10)}-{_fmt(metric, s.p90)}",
                          f"[{style}]{grade}[/]" if style else grade, band,
                          _fmt(metric, usual.usual) if usual else "-")
        console.print(table)
        console.print(f"[dim]{PERCENTILES_NOTE}[/]")
    d = a.drift
    if any(v is not None for v in (d.cadence_pct, d.ground_contact_pct, d.vertical_oscillation_pct)):
        parts = [f"{label} {v:+.1f}%" for label, v in (
            ("cadence", d.cadence_pct), ("ground contact", d.ground_contact_pct),
            ("vertical oscillation", d.vertical_oscillation_pct)) if v is not None]
        console.print("Drift, first to last quarter: " + ", ".join(parts), highlight=False)
        if d.pace_matched and d.note:
            console.print(f"[dim]Compared at the same pace: {d.note}.[/]", highlight=False)
    elif d.note:
        console.print(f"[dim]No drift figures: {d.note}.[/]", highlight=False)
    if a.missing:
        console.print("[dim]Not in this file: " + ", ".join(METRICS[m].label.lower() for m in a.missing)
                      + ".[/]", highlight=False)
    if not with_baseline:
        console.print("[dim]Not compared with earlier runs: no runner chosen (use --user).[/]")
    elif report.baseline is None and a.metrics:
        console.print("[dim]Not enough earlier runs at a similar pace to compare with yet.[/]")
    if not report.findings:
        console.print("[green]Nothing stands out in this run.[/]" if a.metrics else
                      "This file has no running dynamics to grade.")
        return
    console.print("\n[bold]What to work on[/]")
    for f in report.findings:
        cue = lib.cues[f.cue].text if f.cue else "-"
        drills = ", ".join(lib.drills[d].title for d in f.drills)
        console.print(f"[bold]{lib.faults[f.fault].title}[/]: {f.because}", highlight=False)
        console.print(f"  cue for your next run: [italic]{cue}[/]   drills: {drills}", highlight=False)


@form_app.command("assess")
def assess(answer: list[str] = typer.Option(None, "--answer", "-a",
                                            help="QUESTION=OPTION, repeatable; without it the "
                                                 "questions are asked one by one."),
           user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Take the form self-assessment: likely faults, each with its reasons."""
    lib = checked_library()
    answers: dict[str, str] = {}
    if answer:
        for item in answer:
            question, sep, option = item.partition("=")
            if not sep:
                fail(f"write each answer as QUESTION=OPTION, not {item!r}")
            answers[question.strip()] = option.strip()
    else:
        answers = _ask(lib)
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        result = form.save_assessment(db, actor, lib, answers, clock.today(actor.timezone))
        db.commit()
    if as_json:
        print_json(form.assessment_json(result))
        return
    if not result.ranking:
        console.print("Your answers point at no particular fault. Film a short run from the side "
                      "and from behind and try again, or analyze a run file.")
        return
    table = Table("fault", "points", "how likely", "why", title="Likely faults", show_lines=True)
    for r in result.ranking:
        table.add_row(lib.faults[r.fault].title, str(r.score), r.likelihood, "\n".join(r.reasons))
    console.print(table)
    console.print("Saved. `yolvarex drills` builds your warm-up block from it.")


def _ask(lib: Library) -> dict[str, str]:
    answers: dict[str, str] = {}
    questions = list(lib.questions.values())
    console.print("Answer what you can; press Enter to skip a question.\n")
    for n, q in enumerate(questions, 1):
        console.print(f"[bold]{n}/{len(questions)} {q.title}[/]: {q.ask}", highlight=False)
        if q.how:
            console.print(f"[dim]{q.how}[/]", highlight=False)
        for i, option in enumerate(q.options, 1):
            console.print(f"  {i}. {option.label}", highlight=False)
        while True:
            raw = typer.prompt("Your answer", default="", show_default=False).strip()
            if not raw:
                break
            if raw.isdigit() and 1 <= int(raw) <= len(q.options):
                answers[q.id] = q.options[int(raw) - 1].id
                break
            console.print(f"Type a number from 1 to {len(q.options)}, or press Enter to skip.")
    return answers


def drills(fault: str | None = typer.Option(None, "--fault", "-f", help="Build the block for "
                                            "this fault (see `yolvarex library list faults`)."),
           minutes: int = typer.Option(10, "--minutes", "-m", help="Minutes you have, 5-15."),
           level: int = typer.Option(2, "--level", help="Hardest drill level: 1, 2 or 3."),
           user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """A warm-up drill block for your next run: from your latest run and self-assessment, or
    for one fault."""
    lib = checked_library()
    with user_errors():
        if fault is not None:
            plan = form.plan_session(None, None, lib, minutes, clock.today(None), fault=fault,
                                     level=level)
        else:
            rt = runtime()
            with rt.db.session() as db:
                actor = acting_user(db, rt.settings, user)
                plan = form.plan_session(db, actor, lib, minutes, clock.today(actor.timezone), level=level)
    data = form.session_json(plan, lib)
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]Warm-up drill block[/] · {data['minutes']:g} of {minutes} min · "
                  f"from {plan.source}", highlight=False)
    table = Table("#", "drill", "dose", "min", "cue")
    for d in data["drills"]:
        table.add_row(str(d["order"]), d["title"], d["dose"], f"{d['minutes']:g}", d["cue_text"] or "-")
    console.print(table)
    if data["run_cue_text"]:
        console.print(f"One cue for the run itself: [italic]{data['run_cue_text']}[/]", highlight=False)
    if data["in_run"]:
        console.print("During or after the run: " + ", ".join(lib.drills[d].title for d in data["in_run"]),
                      highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(form_app, name="form")
    root.command("drills")(drills)
