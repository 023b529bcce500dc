"""Create, store, regenerate and adapt an athlete's strength plan; say what is planned on a day.

The active plan lives in the `plans` table: the profile, the plan JSON (the generator's output
plus the day-by-day adaptations to rest verdicts) and who made it. A coach with an active link
may create and regenerate plans for an athlete (`Action.COACH`); anyone who may read the
athlete may read the plan.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.plan import Plan, Profile, generate_plan, profile_errors
from yolvarex.domain.plan.adapt import Action as Change
from yolvarex.domain.plan.adapt import Adaptation, adapt_day
from yolvarex.domain.plan.model import PlanFormatError
from yolvarex.domain.plan.model import Session as PlanSession
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Conflict, Invalid, NotFound, validated
from yolvarex.services import day_state
from yolvarex.services.days import today_of
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, scope, squad
from yolvarex.store.locks import hold_athlete


def parse_profile(data: Any) -> Profile:
    """A Profile from JSON-like data, or Invalid listing every field that is wrong and why."""
    return validated(Profile, data, "profile", details=profile_errors, mapping=(
        "A profile is a mapping of fields, for example {\"start\": \"2026-12-07\", ...}."))


def read_profile_text(text: str, name: str = "profile") -> dict[str, Any]:
    """The profile in a JSON or YAML file's text, or Invalid saying where the syntax breaks."""
    import yaml  # only here: a command that reads the day's plan parses no YAML

    try:
        data = json.loads(text) if name.lower().endswith(".json") else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise Invalid(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column "
                      f"{exc.colno}.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise Invalid(f"{name} is not valid YAML{where}: {getattr(exc, 'problem', exc)}.") from None
    if not isinstance(data, dict):
        raise Invalid(f"{name} must hold one profile: a mapping of fields such as start, weeks "
                      "and run_week.")
    return data


@dataclass(frozen=True)
class StoredPlan:
    id: int
    athlete_id: int
    plan: Plan
    created_by: int | None
    created_at: dt.datetime
    adaptations: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "athlete_id": self.athlete_id, "created_by": self.created_by,
                "created_at": self.created_at.isoformat(), **self.plan.to_json(),
                "adaptations": self.adaptations}


def _stored(row: models.Plan) -> StoredPlan:
    try:
        plan = Plan.from_json(row.plan)
    except PlanFormatError as exc:
        raise Conflict(str(exc)) from None
    return StoredPlan(id=row.id, athlete_id=row.user_id, plan=plan,
                      created_by=row.created_by, created_at=row.created_at,
                      adaptations=list(row.plan.get("adaptations", [])))


def _active_row(mine: Scope) -> models.Plan | None:
    return mine.db.scalar(mine.select(models.Plan).where(models.Plan.active.is_(True))
                     .order_by(models.Plan.created_at.desc(), models.Plan.id.desc()).limit(1))


def _store(mine: Scope, plan: Plan) -> StoredPlan:
    """The plan stored as the one active plan: the old one is switched off in the same
    transaction, under the athlete's lock, so two at once still leave exactly one active."""
    hold_athlete(mine.db, mine.athlete_id)
    mine.db.execute(mine.update(models.Plan).where(models.Plan.active.is_(True)).values(active=False))
    row = mine.new(models.Plan, profile=plan.profile.model_dump(mode="json"),
                   plan={**plan.to_json(), "adaptations": []}, active=True,
                   created_by=mine.actor.id)
    mine.db.add(row)
    mine.db.flush()
    return _stored(row)


def preview(profile: Profile | dict[str, Any], library: Library) -> Plan:
    """The plan a profile makes, not stored (the API's preview and `plan --no-save`)."""
    return generate_plan(profile if isinstance(profile, Profile) else parse_profile(profile), library)


def create_plan(db: Session, actor: Actor, profile: Profile | dict[str, Any], library: Library,
                athlete_id: int | None = None) -> StoredPlan:
    """Generate a plan from the profile and make it the athlete's active plan."""
    mine = scope(db, actor, athlete_id, Action.COACH)
    return _store(mine, preview(profile, library))


def current_plan(db: Session, actor: Actor, athlete_id: int | None = None) -> StoredPlan | None:
    mine = scope(db, actor, athlete_id)
    row = _active_row(mine)
    return _stored(row) if row is not None else None


def current_plan_json(db: Session, actor: Actor, athlete_id: int | None = None) -> dict[str, Any] | None:
    """The active plan's JSON (`StoredPlan.to_json`), kept as the day's state
    (`services.day_state`)."""
    mine = scope(db, actor, athlete_id)
    today = today_of(db, actor, mine.athlete_id)

    def fresh() -> dict[str, Any] | None:
        stored = current_plan(db, actor, mine.athlete_id)
        return None if stored is None else stored.to_json()

    found: dict[str, Any] | None = day_state.known(db, mine.athlete_id, today, today, "plan",
                                                   day_state.JSON, fresh)
    return found


def current_plans(db: Session, actor: Actor, athlete_ids: list[int]) -> dict[int, StoredPlan]:
    """`current_plan` of many athletes in one query (those without a plan are left out)."""
    athletes = squad(db, actor, athlete_ids)
    found: dict[int, StoredPlan] = {}
    for row in db.scalars(athletes.select(models.Plan).where(models.Plan.active.is_(True))
                          .order_by(models.Plan.created_at.desc(), models.Plan.id.desc())):
        if row.user_id not in found:
            found[row.user_id] = _stored(row)
    return found


def regenerate(db: Session, actor: Actor, library: Library, athlete_id: int | None = None,
               start: dt.date | None = None) -> StoredPlan:
    """Build the active plan again from its profile (after content changes, or from a new start)."""
    mine = scope(db, actor, athlete_id, Action.COACH)
    row = _active_row(mine)
    if row is None:
        raise NotFound("There is no plan to regenerate yet; create one from a profile first.")
    data = dict(row.profile)
    if start is not None:
        data["start"] = start.isoformat()
    return create_plan(db, actor, data, library, mine.athlete_id)


def rest_of_plan(data: dict[str, Any], current: StoredPlan | None, today: dt.date) -> dict[str, Any]:
    """A changed profile (a new running week, new equipment) applied from `today` to the end of
    the current plan: only what is ahead is built again; the sessions already done stay in the
    strength log (the old plan row stays too, inactive). Without a current plan that has
    started, or with a race (which sets the length itself), the profile is unchanged."""
    if current is None or current.plan.profile.start >= today or current.plan.profile.end < today:
        return data
    changed = {**data, "start": today.isoformat()}
    if not data.get("race"):
        left = (current.plan.profile.end - today).days + 1
        changed["weeks"] = max(1, -(-left // 7))
    return changed


@dataclass(frozen=True)
class PlannedDay:
    """What the plan says about one day: the run-day kind and the strength session, if any."""

    date: dt.date
    run_day: str | None
    session: PlanSession | None
    plan_id: int | None = None
    adaptation: dict[str, Any] | None = None
    in_plan: bool = False  # the day falls between the plan's first and last day

    @property
    def planned(self) -> str | None:
        """The rest trees' `planned` fact: the run-day kind, or `strength` on a day with only
        a strength session."""
        if self.session is not None and self.run_day in (None, "rest"):
            return "strength"
        return self.run_day

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "run_day": self.run_day, "planned": self.planned,
                "session": self.session.to_json() if self.session else None,
                "plan_id": self.plan_id, "adaptation": self.adaptation}


def planned_for(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> PlannedDay:
    """The day's planned strength session (or None) and its run-day kind from the profile.

    Without a plan both are None. Days outside the plan's weeks still get the run-day kind of
    the usual running week, but no session.
    """
    return plan_day(current_plan(db, actor, athlete_id), day)


def plan_day(stored: StoredPlan | None, day: dt.date) -> PlannedDay:
    """`planned_for` from a plan already read."""
    if stored is None:
        return PlannedDay(day, None, None)
    plan = stored.plan
    adaptation = next((a for a in reversed(stored.adaptations)
                       if a["date"] == day.isoformat() or a.get("moved_to") == day.isoformat()),
                      None)
    return PlannedDay(day, plan.profile.kind_on(day).value, plan.session_on(day), stored.id,
                      adaptation, plan.profile.start <= day <= plan.profile.end)


def apply_verdict(db: Session, actor: Actor, day: dt.date, verdict: Verdict, library: Library,
                  athlete_id: int | None = None) -> Adaptation:
    """Adapt the active plan to the day's verdict and keep the change; idempotent per day and
    verdict (the same verdict again changes nothing more)."""
    mine = scope(db, actor, athlete_id, Action.COACH)
    row = _active_row(mine)
    if row is None:
        raise NotFound("There is no plan to adapt; create one from a profile first.")
    done = [a for a in row.plan.get("adaptations", [])
            if a["date"] == day.isoformat() and a["verdict"] == verdict.value]
    plan = Plan.from_json(row.plan)
    if done:
        moved = done[-1].get("moved_to")
        session = plan.session_on(dt.date.fromisoformat(moved)) if moved else plan.session_on(day)
        return Adaptation(day, verdict, Change(done[-1]["action"]), done[-1]["reason"], session,
                          dt.date.fromisoformat(moved) if moved else None)
    new_plan, adaptation = adapt_day(plan, day, verdict, library)
    if new_plan is not plan:
        record = {k: v for k, v in adaptation.to_json().items() if k != "session"}
        row.plan = {**new_plan.to_json(),
                    "adaptations": [*row.plan.get("adaptations", []), record]}
        db.flush()
    return adaptation
