"""`yolvarex check-in`: the morning check-in asked in the terminal, stored, and the day's verdict
printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import typer

from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    console,
    day_given,
    err,
    print_json,
    user_errors,
)
from yolvarex.cli.common import runtime as open_app
from yolvarex.cli.decide import print_decision
from yolvarex.domain.checkin import (
    NUMBERS,
    PAIN_SIGNS,
    RED_FLAG_LABELS,
    SCALES,
    SYMPTOM_LABELS,
    NextMorning,
    NumberRange,
    PainKind,
    PainTrend,
    temperature_range,
)
from yolvarex.domain.units import Units, celsius_from
from yolvarex.services import athlete, checkins, decisions, verdict

T = TypeVar("T")


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


def _number(name: str, r: NumberRange | None = None) -> Callable[[str], float | int]:
    """Parse a typed-in number against the check-in's own range for `name` (or `r`, the range
    in the unit the runner types)."""
    r = r or NUMBERS[name]
    kind = "whole number" if r.whole else "number"
    above = "above" if r.above_low else "from"
    hint = f"Type a {kind} {above} {r.low:g} to {r.high:g}, or press Enter to skip."

    def parse(text: str) -> float | int:
        try:
            value: float | int = int(text) if r.whole else float(text.replace(",", "."))
        except ValueError:
            raise ValueError(hint) from None
        if not r.accepts(value):
            raise ValueError(hint)
        return value
    return parse


def _scale(name: str) -> Callable[[str], float | int]:
    sc = SCALES[name]

    def parse(text: str) -> int:
        if not text.isdigit() or not sc.low <= int(text) <= sc.high:
            raise ValueError(f"Type a whole number from {sc.low} to {sc.high}, or press Enter "
                             "to skip.")
        return int(text)
    return parse


def _scale_prompt(name: str) -> str:
    sc = SCALES[name]
    return f"{sc.label}, {sc.low} ({sc.low_words}) to {sc.high} ({sc.high_words})"


def _number_prompt(name: str, r: NumberRange | None = None) -> str:
    r = r or NUMBERS[name]
    return f"{r.label} ({r.unit})" if r.unit else r.label


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


SHARP = "pain_sharp"  # stands for pain_kind: sharp
PAIN_SIGN_LABELS = PAIN_SIGNS


def ask_checkin(day: dt.date, to_stderr: bool = False, shown: Units = "metric") -> dict[str, Any]:
    """Ask every check-in question in the terminal; Enter skips (unknown, never zero). The
    temperature is asked in the runner's °C or °F and kept in °C."""
    _ask = _Asker(to_stderr)
    _ask.out.print(f"[bold]Check-in for {day:%A %d %B}[/]. Press Enter to skip any question.")
    data: dict[str, Any] = {"date": day.isoformat()}

    def put(name: str, value: Any) -> None:
        if value is not None:
            data[name] = value

    _ask.menu("Since your last run, during or after exercise, have you had:", RED_FLAG_LABELS.values())
    data["red_flags"] = _ask("Numbers (Enter for none)", _pick([r.value for r in RED_FLAG_LABELS])) or []
    put("sleep_hours", _ask(_number_prompt("sleep_hours"), _number("sleep_hours")))
    put("sleep_quality", _ask(_scale_prompt("sleep_quality"), _scale("sleep_quality")))
    put("soreness", _ask(_scale_prompt("soreness"), _scale("soreness")))
    areas = _ask("Sore areas, comma separated (e.g. calves, quads)",
                 lambda t: [a.strip().lower() for a in t.split(",") if a.strip()])
    data["sore_areas"] = areas or []
    pain = _ask(_scale_prompt("pain") + " (pain, not soreness)", _scale("pain"))
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
    typed = temperature_range(shown)
    temperature = _ask(_number_prompt("temperature_c", typed), _number("temperature_c", typed))
    put("temperature_c", None if temperature is None else celsius_from(temperature, shown))
    put("mood", _ask(_scale_prompt("mood"), _scale("mood")))
    put("stress", _ask(_scale_prompt("stress"), _scale("stress")))
    put("motivation", _ask(_scale_prompt("motivation"), _scale("motivation")))
    put("resting_hr", _ask(_number_prompt("resting_hr"), _number("resting_hr")))
    put("hrv_rmssd", _ask(_number_prompt("hrv_rmssd"), _number("hrv_rmssd")))
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
        shown = athlete.units_for(db, actor.id)
    data = ask_checkin(when, to_stderr=as_json, shown=shown)
    with user_errors(), rt.db.session() as db:
        checkins.save_checkin(db, actor, verdict.parse_checkin(data))
        decision = decisions.decide_day(db, actor, when)
    if as_json:
        print_json(decision.as_json())
    else:
        console.print("[green]Check-in saved.[/]")
        print_decision(decision, rt.library)


def register(app: typer.Typer) -> None:
    app.command("check-in")(check_in)
