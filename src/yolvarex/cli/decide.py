"""`yolvarex decide` (stateless, from JSON files) and `yolvarex check-in` (asks, stores, decides)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    checked_library,
    console,
    day_given,
    err,
    fail,
    print_json,
    user_errors,
)
from yolvarex.cli.common import runtime as open_app
from yolvarex.content import Library
from yolvarex.content.schemas.tree import Tree
from yolvarex.content.tree_rules import parse_tree_source
from yolvarex.domain.checkin import NextMorning, PainKind, PainTrend, RedFlag, Symptom
from yolvarex.domain.trees import Decision
from yolvarex.services import checkins, decisions

T = TypeVar("T")
STYLE = {"train": "green", "modify": "yellow", "cross_train": "blue", "rest": "magenta",
         "see_professional": "bold red"}


def read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"cannot read the {what} file {path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"the {what} file {path} is not UTF-8 text")
    except json.JSONDecodeError as exc:
        fail(f"the {what} file {path} is not valid JSON: {exc.msg} at line {exc.lineno}, "
             f"column {exc.colno}")


def print_decision(decision: Decision, lib: Library) -> None:
    verdict = decision.verdict
    body = escape("\n".join(f"- {a}" for a in decision.advice))
    console.print(Panel(body, title=f"[{STYLE[verdict.value]}]{verdict.label}[/] ({verdict.value})",
                        subtitle=decision.day.isoformat(), border_style=STYLE[verdict.value]))
    table = Table("tree", "verdict", "path", title="Why: every tree's path", show_lines=True)
    for result in decision.trees:
        steps = "\n".join(f"{s.test} -> {s.result}" for s in result.path)
        table.add_row(escape(result.title),
                      f"[{STYLE[result.verdict.value]}]{result.verdict.value}[/]", escape(steps))
    console.print(table)
    if decision.routines:
        names = [lib.routines[r].title if r in lib.routines else r for r in decision.routines]
        console.print("[bold]Suggested routines:[/] " + ", ".join(names), highlight=False)
    if decision.evidence:
        shorts = [lib.evidence[e].short if e in lib.evidence else e for e in decision.evidence]
        console.print("[bold]Evidence:[/] " + "; ".join(shorts), highlight=False)
    if decision.missing_facts:
        console.print("[bold]Not known today:[/] " + ", ".join(decision.missing_facts),
                      highlight=False)
    console.print(f"[dim]{decision.disclaimer}[/]", highlight=False)


def decide(checkin: Path = typer.Option(..., "--checkin", help="A check-in as JSON (the API's "
                                        "field names; `date` is required)."),
           context: Path | None = typer.Option(None, "--context", help="Context facts as JSON, "
                                               "e.g. {\"acwr\": 1.3, \"planned\": \"tempo\"}."),
           tree: list[Path] = typer.Option([], "--tree", help="Also apply this tree (YAML); "
                                           "repeat for several."),
           as_json: bool = JsonOption) -> None:
    """Decide today's verdict from files, without a database (for scripts)."""
    lib = checked_library()
    with user_errors():
        data = read_json(checkin, "check-in")
        if not isinstance(data, dict):
            fail(f"the check-in file {checkin} must hold a JSON object")
        parsed = checkins.parse_checkin(data)
        ctx = decisions.parse_context(read_json(context, "context")) if context else None
        extra: list[Tree] = []
        for path in tree:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                fail(f"cannot read the tree file {path}: {exc}")
            found, errors = parse_tree_source(text, lib, file=str(path), owner="local")
            if found is None:
                fail(f"the tree in {path} has errors", details=[str(e) for e in errors])
            extra.append(found)
        decision = decisions.decide_stateless(parsed, ctx, extra)
    if as_json:
        print_json(decision.as_json())
    else:
        print_decision(decision, lib)


# --- the interactive check-in ----------------------------------------------------------------


class _Asker:
    """Prompts on stdout for people, or on stderr when stdout carries JSON."""

    def __init__(self, to_stderr: bool) -> None:
        self.to_stderr = to_stderr
        self.out = err if to_stderr else console

    def __call__(self, text: str, parse: Callable[[str], T]) -> T | None:
        """Ask until the answer parses; an empty answer skips the question."""
        while True:
            answer = str(typer.prompt(text, default="", show_default=False,
                                      err=self.to_stderr)).strip()
            if not answer:
                return None
            try:
                return parse(answer)
            except ValueError as exc:
                self.out.print(f"[red]{exc}[/]", highlight=False)

    def menu(self, title: str, labels: Iterable[str]) -> None:
        self.out.print(f"[bold]{title}[/]")
        for i, label in enumerate(labels, start=1):
            self.out.print(f"  {i}. {label}", highlight=False)


def _number(low: float, high: float, whole: bool = False) -> Callable[[str], float | int]:
    def parse(text: str) -> float | int:
        try:
            value: float | int = int(text) if whole else float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"Type a {'whole ' if whole else ''}number from {low:g} to {high:g}, "
                             "or press Enter to skip.") from None
        if not low <= value <= high:
            raise ValueError(f"Type a {'whole ' if whole else ''}number from {low:g} to {high:g}, "
                             "or press Enter to skip.")
        return value
    return parse


def _yes_no(text: str) -> bool:
    value = text.lower()
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise ValueError("Type y or n, or press Enter to skip.")


def _one_of(options: list[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.lower()
        for option in options:
            if value in (option, option[0]):
                return option
        raise ValueError(f"Type one of {', '.join(options)}, or press Enter to skip.")
    return parse


def _pick(options: list[str]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        picked = []
        for part in text.replace(" ", ",").split(","):
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= len(options):
                raise ValueError(f"Type numbers from 1 to {len(options)} separated by commas, "
                                 "or press Enter for none.")
            picked.append(options[int(part) - 1])
        return list(dict.fromkeys(picked))
    return parse


RED_FLAG_LABELS = {RedFlag.CHEST_PAIN: "chest pain or pressure when exercising",
                   RedFlag.FAINTING: "fainting or nearly fainting",
                   RedFlag.PALPITATIONS: "a racing or irregular heartbeat",
                   RedFlag.BREATHLESSNESS: "unusual breathlessness"}
SYMPTOM_LABELS = {s: s.value.replace("_", " ") for s in Symptom}
SHARP = "sharp"
PAIN_SIGN_LABELS = {"pain_on_hop": "it hurts when you hop on that leg",
                    "pain_at_night": "it hurts at night",
                    "pain_at_rest": "it hurts at rest",
                    "pain_changes_gait": "it changes how you run",
                    SHARP: "a sharp pain you can point to with one finger"}


def ask_checkin(day: dt.date, to_stderr: bool = False) -> dict[str, Any]:
    """Ask every check-in question in the terminal; Enter skips (unknown, never zero)."""
    _ask = _Asker(to_stderr)
    _ask.out.print(f"[bold]Check-in for {day:%A %d %B}[/]. Press Enter to skip any question.")
    data: dict[str, Any] = {"date": day.isoformat()}

    def put(name: str, value: Any) -> None:
        if value is not None:
            data[name] = value

    _ask.menu("Since your last run, during or after exercise, have you had:", RED_FLAG_LABELS.values())
    data["red_flags"] = _ask("Numbers (Enter for none)", _pick([r.value for r in RED_FLAG_LABELS])) or []
    put("sleep_hours", _ask("Hours slept last night", _number(0, 24)))
    put("sleep_quality", _ask("Sleep quality, 1 (very poor) to 5 (excellent)", _number(1, 5, True)))
    put("soreness", _ask("Muscle soreness, 0 (none) to 10 (worst)", _number(0, 10, True)))
    areas = _ask("Sore areas, comma separated (e.g. calves, quads)",
                 lambda t: [a.strip().lower() for a in t.split(",") if a.strip()])
    data["sore_areas"] = areas or []
    pain = _ask("Pain (not soreness), 0 (none) to 10 (worst)", _number(0, 10, True))
    put("pain", pain)
    # Bone-stress warning signs count whatever the pain score, so they are always asked.
    _ask.menu("Anything that hurts in one of these ways, whatever its score?",
              PAIN_SIGN_LABELS.values())
    signs = _ask("Numbers (Enter for none)", _pick(list(PAIN_SIGN_LABELS))) or []
    for name in PAIN_SIGN_LABELS:
        if name != SHARP:
            data[name] = name in signs
    if SHARP in signs:
        data["pain_kind"] = PainKind.SHARP.value
    if pain or signs:
        put("pain_area", _ask("Where does it hurt?", str))
    if pain:
        if SHARP not in signs:
            put("pain_kind", _ask("Dull or sharp?", _one_of([k.value for k in PainKind])))
        put("pain_trend_in_run", _ask("During your last run it got: better, same or worse?",
                                      _one_of([k.value for k in PainTrend])))
        put("pain_next_morning", _ask("The morning after, it had: settled, same or worse?",
                                      _one_of([k.value for k in NextMorning])))
    _ask.menu("Illness symptoms:", SYMPTOM_LABELS.values())
    data["symptoms"] = _ask("Numbers (Enter for none)", _pick([s.value for s in SYMPTOM_LABELS])) or []
    put("temperature_c", _ask("Temperature in °C", _number(30, 45)))
    put("mood", _ask("Mood, 1 (very low) to 5 (great)", _number(1, 5, True)))
    put("stress", _ask("Stress, 1 (very calm) to 5 (very stressed)", _number(1, 5, True)))
    put("motivation", _ask("Motivation, 1 (none) to 5 (eager)", _number(1, 5, True)))
    put("resting_hr", _ask("Resting heart rate (bpm)", _number(20, 220, True)))
    put("hrv_rmssd", _ask("HRV, rMSSD in ms", _number(1, 500)))
    return data


def check_in(user: str | None = UserOption,
             day: str | None = typer.Option(None, "--date", help="The day: YYYY-MM-DD, today, "
                                            "yesterday, a weekday or -N (default: today)."),
             as_json: bool = JsonOption) -> None:
    """Answer the morning check-in in the terminal; it is stored and today's verdict printed."""
    rt = open_app()
    with rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        when = day_given(day, actor)
    data = ask_checkin(when, to_stderr=as_json)
    with user_errors(), rt.db.session() as db:
        checkins.save_checkin(db, actor, checkins.parse_checkin(data))
        decision = decisions.decide_day(db, actor, when)
    if as_json:
        print_json(decision.as_json())
    else:
        console.print("[green]Check-in saved.[/]")
        print_decision(decision, rt.library)


def register(app: typer.Typer) -> None:
    app.command()(decide)
    app.command("check-in")(check_in)
