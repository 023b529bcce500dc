"""The first run: a three-step wizard after sign-up (skippable, resumable), then a plan, the
first check-in, an invitation to import and a short tour. A coach gets a short version that
ends on the board. The answers and the plan are made by `services/setup.py`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from yolvarex import clock
from yolvarex.domain.plan.profile import RunKind
from yolvarex.domain.units import UNITS
from yolvarex.errors import Invalid
from yolvarex.services import setup
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.plan_labels import (
    AREA_LABELS,
    DAY_NAMES,
    DISTANCE_LABELS,
    EQUIPMENT_LABELS,
    EXPERIENCE_LABELS,
)

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

STEP_TITLES = {"week": "Your running week", "strength": "Strength at home",
               "body": "Heart rate, weight and watch"}


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def step_answers(step: str, form: FormData) -> dict[str, Any]:
    """The answers one step's form sends, named as `services/setup.py` reads them."""
    if step == "week":
        answers: dict[str, Any] = {
            "run_week": {d: _text(form, f"run_{d}") for d in DAY_NAMES if _text(form, f"run_{d}")},
            "timezone": _text(form, "timezone"), "units": _text(form, "units")}
        race_date = _text(form, "race_date")
        answers["race"] = {"date": race_date, "distance": _text(form, "race_distance") or "other"} \
            if race_date else None
        return answers
    if step == "strength":
        return {"experience": _text(form, "experience"),
                "equipment": [v for v in form.getlist("equipment") if isinstance(v, str)],
                "sessions_per_week": _text(form, "sessions_per_week"),
                "minutes_per_session": _text(form, "minutes_per_session"),
                "injury_history": [v for v in form.getlist("injury_history") if isinstance(v, str)]}
    return {"max_hr": _text(form, "max_hr"), "resting_hr": _text(form, "resting_hr"),
            "body_weight": _text(form, "body_weight"),
            "running_dynamics": _text(form, "running_dynamics") or None}


def _page(request: Request, actor: Actor, step: str, answers: dict[str, Any],
          errors: list[str] | None = None, status: int = 200) -> Response:
    values = setup.answers_with_defaults(answers)
    values.setdefault("timezone", actor.timezone)
    steps = ("week",) if actor.is_coach else setup.STEPS
    return core.render(request, "welcome/step.html", {
        "step": step, "steps": steps, "number": steps.index(step) + 1, "titles": STEP_TITLES,
        "values": values, "errors": errors or [], "weekdays": DAY_NAMES,
        "run_kinds": [k.value for k in RunKind], "equipment": EQUIPMENT_LABELS,
        "areas": AREA_LABELS, "distances": DISTANCE_LABELS, "experiences": EXPERIENCE_LABELS,
        "unit_systems": UNITS, "zones": clock.zone_names(),
        "units": values.get("units")}, status_code=status)  # the answer, before it is stored


@router.get("/welcome")
def welcome(request: Request, step: str = "", actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        state = setup.state_of(db, actor)
    if state.done and not step:
        return core.redirect("/welcome/done")
    chosen = step if step in setup.STEPS else (state.step or setup.STEPS[0])
    if actor.is_coach:
        chosen = "week"
    return _page(request, actor, chosen, state.answers)


@router.post("/welcome/{step}")
async def welcome_step(request: Request, step: str,
                       actor: Actor = Depends(core.login_required)) -> Response:
    if step not in setup.STEPS:
        raise Invalid(f"unknown step {step!r}")
    form = await request.form()
    answers = step_answers(step, form)
    rt = core.runtime(request)
    if _text(form, "action") == "skip":
        with rt.db.session() as db:
            setup.save_step(db, actor, answers, step)
            setup.skip(db, actor)
        return core.redirect("/coach" if actor.is_coach else "/today",
                             "Setup skipped. Finish it any time from Settings.")
    steps = ("week",) if actor.is_coach else setup.STEPS
    if _text(form, "action") == "back" and steps.index(step) > 0:
        previous = steps[steps.index(step) - 1]
        with rt.db.session() as db:
            setup.save_step(db, actor, answers, previous)
        return core.redirect(f"/welcome?step={previous}")
    if step != steps[-1]:
        following = steps[steps.index(step) + 1]
        with rt.db.session() as db:
            setup.save_step(db, actor, answers, following)
        return core.redirect(f"/welcome?step={following}")
    try:
        with rt.db.session() as db:
            everything = {**setup.state_of(db, actor).answers, **answers}
            setup.finish(db, actor, everything, rt.library, clock.today(actor.timezone))
    except Invalid as exc:
        with rt.db.session() as db:
            setup.save_step(db, actor, answers, step)
        return _page(request, actor, step, everything, exc.details or [exc.message], status=422)
    return core.redirect("/welcome/done")


@router.post("/welcome")
def welcome_again(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    """Run the wizard again from Settings, at the step it was left on."""
    with core.runtime(request).db.session() as db:
        state = setup.resume(db, actor)
    return core.redirect(f"/welcome?step={state.step or setup.STEPS[0]}")


@router.get("/welcome/done")
def done(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    from yolvarex.services import plans

    with core.runtime(request).db.session() as db:
        stored = None if actor.is_coach else plans.current_plan(db, actor)
    first = next((s for s in stored.plan.sessions()
                  if s.date >= clock.today(actor.timezone)), None) if stored else None
    return core.render(request, "welcome/done.html", {"stored": stored, "first": first})
