"""The strength plan around the running week: the profile form, the plan as a calendar (also
printable and as an .ics file), workout mode on the phone, and adapting a day to a verdict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain.perftest import TEST_BY_EXERCISE, TESTS
from yolvarex.domain.plan.model import BlockKind, Focus
from yolvarex.domain.plan.profile import WEEKDAYS, Placement, RunKind
from yolvarex.domain.units import kg_from
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid
from yolvarex.export.ics import plan_to_ics
from yolvarex.export.plan_print import PdfUnavailable, plan_document, to_pdf
from yolvarex.services import decisions, fuel, plans, strength_log
from yolvarex.services import form as form_service
from yolvarex.services.plans import StoredPlan
from yolvarex.services.strength_today import verdict_preview
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.plan_labels import (
    AREA_LABELS,
    DAY_NAMES,
    DISTANCE_LABELS,
    EQUIPMENT_LABELS,
    EXPERIENCE_LABELS,
)
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

SHORT_FOCUS = {Focus.LOWER: "Legs", Focus.UPPER_CORE: "Upper + core", Focus.FULL: "Full body",
               Focus.PLYO_LOWER: "Jumps + legs", Focus.TEST: "Tests", Focus.MAINTENANCE: "Light"}
TINY_FOCUS = {Focus.LOWER: "Legs", Focus.UPPER_CORE: "Upper", Focus.FULL: "Full",
              Focus.PLYO_LOWER: "Legs", Focus.TEST: "Test", Focus.MAINTENANCE: "Light"}
TINY_RUN = {"recovery": "recov"}
DEFAULT_WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                "sat": "long", "sun": "rest"}


def _db(request: Request) -> Any:
    return core.runtime(request).db.session()


def _library(request: Request) -> Library:
    return core.runtime(request).library


# -- the profile form ------------------------------------------------------------------------

def profile_data(form: FormData) -> dict[str, Any]:
    """The profile fields of the form, as the JSON the service validates; blanks left out."""
    def text(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    data: dict[str, Any] = {}
    for key in ("start", "experience", "placement"):
        if text(key):
            data[key] = text(key)
    # with a race, the weeks follow from its date (the profile works them out)
    for key in (("sessions_per_week", "minutes_per_session") if text("race_date")
                else ("weeks", "sessions_per_week", "minutes_per_session")):
        if text(key):
            data[key] = int(text(key)) if text(key).isdigit() else text(key)
    data["equipment"] = [v for v in form.getlist("equipment") if isinstance(v, str)]
    data["injury_history"] = [v for v in form.getlist("injury_history") if isinstance(v, str)]
    data["run_week"] = {day: text(f"run_{day}") for day in WEEKDAYS if text(f"run_{day}")}
    if text("race_date"):
        data["race"] = {"date": text("race_date"), "distance": text("race_distance") or "other"}
    return data


def form_values(stored: StoredPlan | None, today: dt.date) -> dict[str, Any]:
    if stored is not None:
        return stored.plan.profile.model_dump(mode="json")
    return {"start": today.isoformat(), "weeks": 12, "experience": "some",
            "equipment": ["bodyweight", "chair", "step", "table"], "sessions_per_week": 2,
            "minutes_per_session": 30,
            "run_week": DEFAULT_WEEK, "injury_history": [], "placement": "easy_days"}


def profile_page(request: Request, values: dict[str, Any], errors: list[str],
                 status: int = 200, running: bool = False, action: str = "/plan/profile",
                 for_name: str | None = None) -> Response:
    """The profile form; a coach's copy posts to `action` and names the athlete (`for_name`)."""
    field_errors: dict[str, str] = {}
    shown = []
    for line in errors:
        field, _, message = line.partition(": ")
        message = _sentence(message or field)
        top = field.split(".")[0]
        field_errors[top] = f"{field_errors[top]} {message}" if top in field_errors else message
        shown.append(message)
    return core.render(request, "plan/profile.html", {
        "values": values, "errors": shown, "field_errors": field_errors,
        "weekdays": DAY_NAMES, "run_kinds": [k.value for k in RunKind],
        "equipment": EQUIPMENT_LABELS, "areas": AREA_LABELS, "distances": DISTANCE_LABELS,
        "experiences": EXPERIENCE_LABELS, "placements": [p.value for p in Placement],
        "running": running, "action": action, "for_name": for_name},
        status_code=status, section="coach" if for_name else "plan")


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


@router.get("/plan/profile")
def profile_form(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with _db(request) as db:
        stored = plans.current_plan(db, actor)
    today = clock.today(actor.timezone)
    return profile_page(request, form_values(stored, today), [],
                        running=stored is not None and stored.plan.profile.start < today
                        <= stored.plan.profile.end)


@router.post("/plan/profile")
async def profile_submit(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()
    data = profile_data(form)
    try:
        with _db(request) as db:
            if form.get("from_today"):
                data = plans.rest_of_plan(data, plans.current_plan(db, actor),
                                          clock.today(actor.timezone))
            stored = plans.create_plan(db, actor, data, _library(request))
    except Invalid as exc:
        values = {**data, "race": data.get("race") or {}}
        return profile_page(request, values, exc.details or [exc.message], status=422)
    count = sum(len(w.sessions) for w in stored.plan.weeks)
    return core.redirect("/plan", f"Your {stored.plan.profile.weeks}-week plan is ready: "
                                  f"{count} sessions.")


# -- the plan as a calendar ------------------------------------------------------------------

@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    run_day: str
    session: Any


def _calendar(stored: StoredPlan) -> list[tuple[Any, list[CalendarDay]]]:
    profile = stored.plan.profile
    weeks = []
    for week in stored.plan.weeks:
        days = []
        for i in range(7):
            day = week.start + dt.timedelta(days=i)
            session = next((s for s in week.sessions if s.date == day), None)
            days.append(CalendarDay(day, profile.kind_on(day).value, session))
        weeks.append((week, days))
    return weeks


@router.get("/plan")
def plan(request: Request, print_view: int = Query(0, alias="print"),
         actor: Actor = Depends(core.login_required)) -> Response:
    return plan_page(request, actor, viewing.own(actor), bool(print_view))


def plan_page(request: Request, actor: Actor, seen: Viewing, print_view: bool = False) -> Response:
    """The plan of `seen` athlete (the runner's own, or read-only for their coach, who sees
    every week in full since workout mode is the athlete's)."""
    athlete = seen.athlete_id
    today = clock.today(seen.timezone)
    with _db(request) as db:
        stored = plans.current_plan(db, actor, athlete)
        logged = set()
        if stored is not None:
            logged = {s.date for s in strength_log.sessions(
                db, actor, stored.plan.profile.start, stored.plan.profile.end, athlete)}
        decided = decisions.todays_decision(db, actor, today, athlete) \
            if stored is not None and stored.plan.session_on(today) is not None else None
        preview = verdict_preview(stored, today, decided.verdict, _library(request)) \
            if decided is not None else None
        drills = form_service.run_day_card(db, actor, _library(request), today, athlete) \
            if stored is not None else None
    context: dict[str, Any] = {"stored": stored, "print_view": print_view, "logged": logged,
                               "preview": preview, "drills": drills,
                               "lib": _library(request), "short_focus": SHORT_FOCUS,
                               "tiny_focus": TINY_FOCUS, "tiny_run": TINY_RUN,
                               "today_date": today, **seen.context("plan")}
    if stored is not None:
        context["calendar"] = _calendar(stored)
        context["profile"] = stored.plan.profile
        context["detailed"] = {w.week for w in stored.plan.weeks} \
            if print_view or seen.read_only else detailed_weeks(stored, today)
    return core.render(request, "plan/index.html", context, section=seen.section("plan"))


def detailed_weeks(stored: StoredPlan, today: dt.date) -> set[int]:
    """The weeks whose sessions the Plan page shows in full: this week and the next (before the
    plan starts, its first two). The other weeks show their calendar, each session a link to
    workout mode, which keeps the page light; the printable plan shows every week in full."""
    weeks = stored.plan.weeks
    if not weeks:
        return set()
    current = next((w.week for w in weeks if w.start <= today < w.start + dt.timedelta(days=7)),
                   None)
    if current is None:
        return {weeks[0].week, weeks[0].week + 1} if today < weeks[0].start else set()
    return {current, current + 1}


@router.get("/plan.ics")
def plan_ics(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with _db(request) as db:
        stored = plans.current_plan(db, actor)
    if stored is None:
        return core.redirect("/plan", "There is no plan to export yet.")
    body = plan_to_ics(stored.plan, _library(request), stored.created_at,
                      units=core.shown_units(request))
    return Response(body, media_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="strength-plan.ics"'})


@router.get("/plan.pdf")
def plan_pdf(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with _db(request) as db:
        stored = plans.current_plan(db, actor)
    if stored is None:
        return core.redirect("/plan", "There is no plan to print yet.")
    try:
        body = to_pdf(plan_document(stored.plan, _library(request), actor.name,
                                   core.shown_units(request)))
    except PdfUnavailable as exc:
        return core.render(request, "error.html", {
            "status": 503, "title": "PDF is not set up on this server",
            "message": "This server cannot make PDF files yet. Use the printable plan and your "
                       "browser's Print to PDF instead.", "details": [str(exc)]}, status_code=503)
    return Response(body, media_type="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="strength-plan.pdf"'})


@router.post("/plan/regenerate")
def regenerate(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with _db(request) as db:
        plans.regenerate(db, actor, _library(request))
    return core.redirect("/plan", "Your plan was built again from your profile.")


@router.post("/plan/day/{day}/verdict")
async def day_verdict(request: Request, day: dt.date,
                      actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()
    raw = form.get("verdict")
    try:
        verdict = Verdict(raw if isinstance(raw, str) else "")
    except ValueError:
        raise Invalid("Choose a verdict: train, modify, cross_train, rest or see_professional.") from None
    with _db(request) as db:
        result = plans.apply_verdict(db, actor, day, verdict, _library(request))
    back = form.get("next")
    target = core.safe_next(back if isinstance(back, str) else "/plan")
    return core.redirect(target, result.reason)


# -- workout mode ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SetRow:
    index: int
    exercise: str
    side: str
    number: int
    reps: int | None
    seconds: float | None
    load: float | None
    done: bool = False
    missed: bool = False


def _set_rows(steps: list[Any], sent: dict[int, dict[str, Any]] | None = None,
              ) -> dict[str, list[SetRow]]:
    """One row per set (and side) to tick; `sent` holds what the runner already entered."""
    rows: dict[str, list[SetRow]] = {}
    index = 0
    for _, step in steps:
        p = step.prescription
        if p.reps is None and p.seconds is None:
            continue
        for number in range(1, p.sets + 1):
            for side in (("left", "right") if p.per_side else ("both",)):
                row = SetRow(index, p.exercise, side, number, p.reps[1] if p.reps else None,
                             p.seconds, p.load_kg)
                given = (sent or {}).get(index)
                if given is not None and given["exercise"] == p.exercise:
                    row = replace(row, reps=given["reps"] if p.reps else None,
                                  seconds=given["seconds"] if p.reps is None else None,
                                  load=given["load_kg"], done=given["status"] == "done",
                                  missed=given["status"] == "missed")
                rows.setdefault(p.exercise, []).append(row)
                index += 1
    return rows


def _workout_page(request: Request, db: Session, actor: Actor, day: dt.date,
                  errors: list[str] | None = None, done: bool = False, status: int = 200,
                  sent: dict[str, Any] | None = None, unmarked: int = 0) -> Response:
    library = _library(request)
    shown = core.shown_units(request)
    workout = strength_log.workout(db, actor, day, library, units=shown)
    following = strength_log.next_steps(db, actor, day, library, units=shown) if done else []
    fuel_advice = fuel.after_strength(db, actor, actor.id) if done else None
    session = workout.day.session
    rows = {i: s for i, s in enumerate((sent or {}).get("sets", []))}
    return core.render(request, "plan/workout.html", {
        "day": day, "workout": workout, "session": session,
        "rows": _set_rows(workout.steps, rows),
        "steps": {p.exercise: step for p, step in workout.steps}, "lib": library,
        "tests": {e: TESTS[t] for e, t in TEST_BY_EXERCISE.items()}, "errors": errors or [],
        "done": done, "following": following, "block_test": BlockKind.TEST,
        "sent": sent or {}, "unmarked": unmarked, "total_sets": len(rows), "fuel": fuel_advice},
        status_code=status, section="plan")


@router.get("/plan/workout/{day}")
def workout(request: Request, day: dt.date, done: int = 0,
            actor: Actor = Depends(core.login_required)) -> Response:
    with _db(request) as db:
        return _workout_page(request, db, actor, day, done=bool(done))


def workout_data(form: FormData, day: dt.date) -> dict[str, Any]:
    """What workout mode sent: each set `done` (ticked), `missed` (marked missed) or `unmarked`.

    `unmarked` sets count as done or missed only when the runner says which (the `unmarked`
    button of the question the page asks); until then nothing is assumed."""
    def text(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    def number(name: str) -> float | None:
        try:
            return float(text(name)) if text(name) else None
        except ValueError:
            return None

    sets = []
    i = 0
    while text(f"set-{i}-exercise"):
        reps, seconds = number(f"set-{i}-reps"), number(f"set-{i}-seconds")
        status = "done" if text(f"set-{i}-done") else (
            "missed" if text(f"set-{i}-missed") else "unmarked")
        sets.append({"exercise": text(f"set-{i}-exercise"), "side": text(f"set-{i}-side") or "both",
                     "reps": int(reps) if reps is not None else None, "seconds": seconds,
                     "load_kg": number(f"set-{i}-load"), "status": status})
        i += 1
    tests = []
    for key in form:
        if key.startswith("test-") and text(key):
            _, name, side = key.split("-", 2)
            tests.append({"test": name, "side": side, "value": number(key)})
    data: dict[str, Any] = {"date": day.isoformat(), "sets": sets, "tests": tests,
                            "plan_session": day.isoformat()}
    for key in ("rpe", "minutes"):
        if number(key) is not None:
            data[key] = number(key)
    if text("notes"):
        data["notes"] = text("notes")
    if text("unmarked") in ("done", "missed"):
        data["unmarked"] = text("unmarked")
    return data


def logged_session(data: dict[str, Any]) -> dict[str, Any]:
    """The session to log from `workout_data` once every set is accounted for."""
    choice = data.get("unmarked")
    sets = []
    for s in data["sets"]:
        status = choice if s["status"] == "unmarked" else s["status"]
        sets.append({k: v for k, v in s.items() if k != "status"} | {"completed": status == "done"})
    return {k: v for k, v in data.items() if k != "unmarked"} | {"sets": sets}


@router.post("/plan/workout/{day}")
async def workout_submit(request: Request, day: dt.date,
                         actor: Actor = Depends(core.login_required)) -> Response:
    data = workout_data(await request.form(), day)
    shown = core.shown_units(request)
    for s in data["sets"]:  # typed in the runner's unit, kept in kg
        if s["load_kg"] is not None:
            s["load_kg"] = round(kg_from(s["load_kg"], shown), 2)
    unmarked = sum(1 for s in data["sets"] if s["status"] == "unmarked")
    if unmarked and "unmarked" not in data:
        with _db(request) as db:
            return _workout_page(request, db, actor, day, status=422, sent=data,
                                 unmarked=unmarked)
    try:
        with _db(request) as db:
            strength_log.log_session(db, actor, strength_log.parse_session(logged_session(data)),
                                     _library(request))
    except Invalid as exc:
        with _db(request) as db:
            return _workout_page(request, db, actor, day, exc.details or [exc.message], status=422,
                                 sent=data)
    return core.redirect(f"/plan/workout/{day.isoformat()}?done=1", "Workout saved. Well done.")
