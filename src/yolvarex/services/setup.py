"""The first run: what a new runner tells yolvarex once, and the plan it makes from it.

The web wizard (`/welcome`) and `yolvarex setup` ask the same questions and end here:
`finish` stores the time zone, units, body settings and watch (through `services/athlete.py`
and `services/days.py`) and makes the first strength plan (`services/plans.py`), all in the
caller's transaction, so a wrong answer leaves nothing half-saved. Until then the wizard keeps
its answers and the step it is on in `User.settings["setup"]`, so it can be left and resumed;
skipping marks it skipped (Settings can run it again).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.plan.profile import WEEKDAYS
from yolvarex.domain.units import kg_from, units_of
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import athlete, days, plans
from yolvarex.store import models
from yolvarex.store.access import Actor

#: The wizard's steps in order; a coach only sets the first (zone and units) and then the board.
STEPS = ("week", "strength", "body")
DEFAULT_WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                "sat": "long", "sun": "rest"}
DEFAULTS: dict[str, Any] = {
    "run_week": DEFAULT_WEEK, "experience": "new", "equipment": ["bodyweight"],
    "sessions_per_week": 2, "minutes_per_session": 30, "injury_history": [], "units": "metric"}
#: What `finish` reads from the answers (anything else is ignored).
PLAN_FIELDS = ("run_week", "race", "experience", "equipment", "sessions_per_week",
               "minutes_per_session", "injury_history")
BODY = ("max_hr", "resting_hr")


@dataclass(frozen=True)
class SetupState:
    step: str | None  # the step to show next; None when finished or skipped
    answers: dict[str, Any]
    done: bool
    skipped: bool

    @property
    def pending(self) -> bool:
        """Whether the runner should still be offered the wizard."""
        return not self.done and not self.skipped


def _user(db: Session, actor: Actor) -> models.User:
    user = db.get(models.User, actor.id)
    if user is None:
        raise NotFound("no such user")
    return user


def state(user: models.User) -> SetupState:
    """Where the runner is in the first run. A user made before the wizard existed, or one
    who already has a plan, counts as done (set by `finish`); a new user starts at the first step."""
    raw = (user.settings or {}).get("setup")
    if not isinstance(raw, dict):
        return SetupState(STEPS[0], {}, False, False)
    answers = raw.get("answers") if isinstance(raw.get("answers"), dict) else {}
    step = raw.get("step") if raw.get("step") in STEPS else STEPS[0]
    done, skipped = bool(raw.get("done")), bool(raw.get("skipped"))
    return SetupState(None if done or skipped else step, dict(answers or {}), done, skipped)


def state_of(db: Session, actor: Actor) -> SetupState:
    return state(_user(db, actor))


def _write(user: models.User, **fields: Any) -> None:
    settings = dict(user.settings or {})
    known = settings.get("setup")
    setup: dict[str, Any] = dict(known) if isinstance(known, dict) else {}
    setup.update(fields)
    settings["setup"] = setup
    user.settings = settings


def save_step(db: Session, actor: Actor, answers: dict[str, Any], next_step: str) -> SetupState:
    """Keep the answers given so far and the step to resume at (nothing is applied yet)."""
    if next_step not in STEPS:
        raise Invalid(f"unknown step {next_step!r}; the steps are {', '.join(STEPS)}")
    user = _user(db, actor)
    merged = {**state(user).answers, **answers}
    _write(user, answers=merged, step=next_step, skipped=False)
    return state(user)


def skip(db: Session, actor: Actor) -> None:
    """The runner chose to skip; the answers stay so the wizard resumes where it was."""
    _write(_user(db, actor), skipped=True)


def resume(db: Session, actor: Actor) -> SetupState:
    """Offer the wizard again (from Settings), at the step it was left on."""
    user = _user(db, actor)
    _write(user, skipped=False, done=False)
    return state(user)


def answers_with_defaults(answers: dict[str, Any]) -> dict[str, Any]:
    return {**DEFAULTS, **{k: v for k, v in answers.items() if v not in (None, "")}}


def profile_of(answers: dict[str, Any], start: dt.date) -> dict[str, Any]:
    """The plan profile the answers describe, starting on `start` (12 weeks, or to the race)."""
    full = answers_with_defaults(answers)
    profile: dict[str, Any] = {k: full[k] for k in PLAN_FIELDS if k in full}
    profile["start"] = start.isoformat()
    if not profile.get("race"):
        profile.pop("race", None)
        profile["weeks"] = 12
    return profile


@dataclass(frozen=True)
class SetupResult:
    plan: plans.StoredPlan | None
    units: str
    timezone: str


def finish(db: Session, actor: Actor, answers: dict[str, Any], library: Library,
           today: dt.date) -> SetupResult:
    """Apply every answer and make the first plan (an athlete) starting today.

    Weight is given in the runner's units (`body_weight` with `units`) or in kg
    (`body_weight_kg`). Every wrong answer is listed together; on any error nothing is kept
    (the caller's transaction rolls back)."""
    user = _user(db, actor)
    full = answers_with_defaults(answers)
    problems: list[str] = []
    zone = user.timezone or "UTC"
    if full.get("timezone"):
        try:
            zone = days.set_timezone(db, actor, str(full["timezone"]))
        except Invalid as exc:
            problems.append(f"timezone: {exc.message}")
    try:
        prefs = {"units": full["units"]}
        if "running_dynamics" in full:
            prefs["running_dynamics"] = full["running_dynamics"]
        athlete.save_preferences(db, actor.id, prefs)
    except Invalid as exc:
        problems.extend(exc.details)
    body: dict[str, str | float | None] = {k: full.get(k) for k in BODY}
    weight = full.get("body_weight")
    if weight not in (None, ""):
        try:
            body["body_weight_kg"] = kg_from(float(weight), units_of(full["units"]))
        except (TypeError, ValueError):
            problems.append("body_weight: give a number")
    elif full.get("body_weight_kg") not in (None, ""):
        body["body_weight_kg"] = full["body_weight_kg"]
    try:
        athlete.save_body_settings(db, actor.id, body)
    except Invalid as exc:
        problems.extend(exc.details)
    stored = None
    if not actor.is_coach:
        try:
            stored = plans.create_plan(db, actor, profile_of(full, today), library)
        except Invalid as exc:
            problems.extend(exc.details or [exc.message])
    if problems:
        raise Invalid("Some answers need another look.", details=problems)
    _write(user, done=True, skipped=False, step=None, answers={})
    return SetupResult(stored, units_of(full["units"]), zone)


def parse_run_week(text: str) -> dict[str, str]:
    """`mon=easy,tue=speed,...` (days left out are rest days) as a run week."""
    week = dict.fromkeys(WEEKDAYS, "rest")
    for part in filter(None, (p.strip() for p in text.split(","))):
        day, _, kind = part.partition("=")
        day = day.strip().lower()[:3]
        if day not in week or not kind.strip():
            raise Invalid(f"run week: {part!r} is not day=kind, for example tue=speed")
        week[day] = kind.strip().lower()
    return week
