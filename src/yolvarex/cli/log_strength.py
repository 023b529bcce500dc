"""`yolvarex log strength`: log a strength session (sets and performance tests) from the terminal.

Each `--set` is one line of what you did, in any order after the exercise id:
  "split-squat 10 x3 left rpe7"   10 reps, 3 sets, left side, effort 7
  "plank 45s x3"                   3 holds of 45 s
  "goblet-squat 12 @10kg x3"       with 10 kg ("@22lb" is kept as 9.98 kg)
  "push-up 6 missed"               a set you could not finish
A one-sided exercise without a side is logged for the left and the right leg.
Each `--test` is "TEST [left|right] VALUE", e.g. "single_leg_squat left 9" or "push_ups 22".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from yolvarex.cli.common import (
    DAY_HELP,
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
from yolvarex.content import Library
from yolvarex.domain.plan.describe import dose
from yolvarex.domain.units import Units, kg_from
from yolvarex.errors import Invalid
from yolvarex.services import athlete, plans, strength_log

SIDES = ("left", "right", "both")


def parse_set(spec: str, library: Library) -> list[dict[str, Any]]:
    """The sets one `--set` line stands for, or Invalid naming the part it cannot read."""
    words = spec.split()
    if not words:
        raise Invalid("An empty --set; write for example --set \"split-squat 10 x3\".")
    exercise, rest = words[0], words[1:]
    known = library.exercises.get(exercise)
    if known is None:
        raise Invalid(f"{exercise!r} is not an exercise id; see `yolvarex library list exercises`.")
    one: dict[str, Any] = {"exercise": exercise}
    count, side = 1, None
    for word in rest:
        low = word.lower()
        if m := re.fullmatch(r"x(\d+)", low):
            count = int(m.group(1))
        elif m := re.fullmatch(r"(\d+(?:\.\d+)?)s", low):
            one["seconds"] = float(m.group(1))
        elif m := re.fullmatch(r"@(\d+(?:\.\d+)?)(kg|lb)", low):
            typed = float(m.group(1))
            one["load_kg"] = round(kg_from(typed, "imperial"), 2) if m.group(2) == "lb" else typed
        elif m := re.fullmatch(r"rpe(\d+(?:\.\d+)?)", low):
            one["rpe"] = float(m.group(1))
        elif low.isdigit():
            one["reps"] = int(low)
        elif low in SIDES:
            side = low
        elif low == "missed":
            one["completed"] = False
        else:
            raise Invalid(f"cannot read {word!r} in --set \"{spec}\"; use REPS, SECONDSs, xSETS, "
                          "@KGkg or @LBlb, left/right, rpeN or missed")
    if not 1 <= count <= 20:
        raise Invalid(f"x{count} in --set \"{spec}\": give between 1 and 20 sets")
    sides = [side] if side else (["left", "right"] if known.unilateral else ["both"])
    return [{**one, "side": s} for _ in range(count) for s in sides]


def parse_test(spec: str) -> dict[str, Any]:
    words = spec.split()
    if len(words) not in (2, 3) or (len(words) == 3 and words[1] not in SIDES):
        raise Invalid(f"cannot read --test \"{spec}\"; write TEST [left|right] VALUE, "
                      "e.g. \"single_leg_squat left 9\"")
    try:
        value = float(words[-1])
    except ValueError:
        raise Invalid(f"the value in --test \"{spec}\" is not a number") from None
    return {"test": words[0], "side": words[1] if len(words) == 3 else "both", "value": value}


def strength(set_: list[str] = typer.Option([], "--set", help="One set line; repeat it."),
             test: list[str] = typer.Option([], "--test", help="A test result; repeat it."),
             planned: bool = typer.Option(False, "--planned",
                                          help="Log the day's planned session as prescribed."),
             file: Path | None = typer.Option(None, "--file", help="The session as JSON or YAML."),
             date: str | None = typer.Option(None, "--date", help=DAY_HELP),
             rpe: float | None = typer.Option(None, "--rpe", help="Session effort, 0-10."),
             minutes: float | None = typer.Option(None, "--minutes", help="How long it took."),
             notes: str | None = typer.Option(None, "--notes"),
             as_json: bool = JsonOption, user: str | None = UserOption) -> None:
    """Log a strength session: sets, effort and test results; prints the next prescriptions."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        when = day_given(date, actor)
        if file is not None:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                fail(f"cannot read {file}: {exc.strerror}")
            data = plans.read_profile_text(text, file.name)
        else:
            data = {"date": when.isoformat(), "sets": [], "tests": []}
            for spec in set_:
                data["sets"] += parse_set(spec, rt.library)
            data["tests"] = [parse_test(spec) for spec in test]
            if planned:
                day = strength_log.workout(db, actor, when, rt.library)
                if day.day.session is None:
                    raise Invalid(f"No strength session is planned on {when:%A %d %B}.")
                data["plan_session"] = when.isoformat()
                data["minutes"] = day.day.session.minutes
                for _, step in day.steps:
                    p = step.prescription
                    for _i in range(p.sets):
                        for side in (("left", "right") if p.per_side else ("both",)):
                            data["sets"].append({
                                "exercise": p.exercise, "side": side, "load_kg": p.load_kg,
                                "reps": p.reps[1] if p.reps else None,
                                "seconds": p.seconds if p.reps is None else None,
                                "completed": p.reps is not None or p.seconds is not None})
            for key, value in (("rpe", rpe), ("minutes", minutes), ("notes", notes)):
                if value is not None:
                    data[key] = value
        session = strength_log.parse_session(data)
        row = strength_log.log_session(db, actor, session, rt.library)
        logged = strength_log.session_json(row)
        # the table in the runner's kg or lb; the JSON stays in kilograms, as the API does
        shown: Units = "metric" if as_json else athlete.units_for(db, actor.id)
        following = strength_log.next_steps(db, actor, session.date, rt.library, units=shown)
    if as_json:
        print_json({"session": logged, "tests": [t.model_dump(mode="json") for t in session.tests],
                    "next": [{"exercise": p.exercise, **step.to_json()} for p, step in following]})
        return
    console.print(f"Logged {len(session.sets)} set(s) and {len(session.tests)} test result(s) "
                  f"on {session.date:%A %d %B}.")
    if following:
        table = Table("exercise", "next time", "why", title="Next time")
        for _, step in following:
            table.add_row(rt.library.exercises[step.prescription.exercise].title,
                          dose(step.prescription, shown), step.reason)
        console.print(table)
