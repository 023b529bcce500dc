"""One coached athlete, read-only, as they see it (Today, log, plan, progress), plus the two
things a coach changes: the athlete's strength plan and a private note for one of their days.

Everything is read through the access scope with the coach as the actor: once the athlete
ends coaching, every page here answers 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.errors import Invalid, NotFound, UserError
from yolvarex.services import (
    checkins,
    coach_notes,
    days,
    decisions,
    history,
    plans,
    strength_log,
)
from yolvarex.services import progress as progress_data
from yolvarex.store import access
from yolvarex.store.access import Actor
from yolvarex.store.models import User
from yolvarex.web import core
from yolvarex.web.routes import plan as plan_pages
from yolvarex.web.routes.progress import load_charts, resting_hr_rise, wellness_charts
from yolvarex.web.verdicts import decision_view

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

VIEWS = {"today": "Today", "log": "Log", "plan": "Plan", "progress": "Progress"}
LOG_DAYS = 14
NOTE_DAYS_AHEAD = 14


def _athlete(db: Session, coach: Actor, athlete_id: int) -> User:
    """The athlete, if this coach coaches them now; NotFound otherwise (also for oneself)."""
    user = db.get(User, athlete_id)
    if not coach.is_coach or user is None or athlete_id == coach.id \
            or not access.allowed(db, coach, athlete_id):
        raise NotFound("no such athlete")
    return user


def _today_view(db: Session, coach: Actor, athlete_id: int, day: dt.date,
                request: Request) -> dict[str, Any]:
    try:
        checkin = checkins.get_checkin(db, coach, day, athlete_id)
    except NotFound:
        checkin = None
    decision = decisions.todays_decision(db, coach, day, athlete_id)
    return {
        "checkin": checkin,
        "verdict": decision_view(decision, core.runtime(request).library) if decision else None,
        "week": history.week_totals(db, coach, 1, day, athlete_id)[0],
        "coach_notes": coach_notes.for_day(db, coach, athlete_id, day),
        "upcoming": coach_notes.notes(db, coach, athlete_id, day,
                                      day + dt.timedelta(days=NOTE_DAYS_AHEAD)),
    }


def _log_view(db: Session, coach: Actor, athlete_id: int, day: dt.date) -> dict[str, Any]:
    start = day - dt.timedelta(days=LOG_DAYS - 1)
    return {"activities": history.activities(db, coach, start, day, athlete_id)[::-1],
            "strength": strength_log.sessions(db, coach, start, day, athlete_id)[::-1],
            "log_start": start}


def _plan_view(db: Session, coach: Actor, athlete_id: int, day: dt.date) -> dict[str, Any]:
    stored = plans.current_plan(db, coach, athlete_id)
    upcoming = [s for w in stored.plan.weeks for s in w.sessions if s.date >= day][:6] \
        if stored else []
    return {"stored": stored, "upcoming_sessions": upcoming}


def _progress_view(db: Session, coach: Actor, athlete_id: int, day: dt.date,
                   library: Library) -> dict[str, Any]:
    series = progress_data.load_window(db, coach, day, athlete_id=athlete_id)
    charts = load_charts(series) if series.known_from is not None else []
    charts += wellness_charts(progress_data.wellness(db, coach, day, athlete_id=athlete_id),
                              resting_hr_rise(library))
    return {"weeks": history.week_totals(db, coach, 8, day, athlete_id)[::-1],
            "charts": charts}


@router.get("/coach/athletes/{athlete_id}")
def athlete_page(request: Request, athlete_id: int, view: str = "today",
                 note_error: str | None = None,
                 actor: Actor = Depends(core.login_required)) -> Response:
    view = view if view in VIEWS else "today"
    with core.runtime(request).db.session() as db:
        user = _athlete(db, actor, athlete_id)
        day = days.today_for(db, athlete_id)
        builders = {"today": lambda: _today_view(db, actor, athlete_id, day, request),
                    "log": lambda: _log_view(db, actor, athlete_id, day),
                    "plan": lambda: _plan_view(db, actor, athlete_id, day),
                    "progress": lambda: _progress_view(db, actor, athlete_id, day,
                                                       core.runtime(request).library)}
        context = builders[view]()
    context.update(athlete=user, view=view, views=VIEWS, athlete_today=day,
                   note_error=note_error, lib=core.runtime(request).library)
    return core.render(request, "coach/athlete.html", context, section="coach",
                       status_code=422 if note_error else 200)


@router.post("/coach/athletes/{athlete_id}/notes")
def write_note(request: Request, athlete_id: int, day: str = Form(""), text: str = Form(""),
               actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            _athlete(db, actor, athlete_id)
            when = _parse_day(day)
            note = coach_notes.write(db, actor, athlete_id, when, text)
    except NotFound:
        raise
    except UserError as exc:
        return athlete_page(request, athlete_id, "today", exc.message, actor)
    said = f"Note saved for {when.strftime('%a %d %b')}." if note else "Note removed."
    return core.redirect(f"/coach/athletes/{athlete_id}", said)


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Invalid("Choose the day the note is for.") from None


@router.get("/coach/athletes/{athlete_id}/plan")
def plan_form(request: Request, athlete_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        user = _athlete(db, actor, athlete_id)
        stored = plans.current_plan(db, actor, athlete_id)
        day = days.today_for(db, athlete_id)
    return _plan_page(request, user, plan_pages.form_values(stored, day), [])


def _plan_page(request: Request, user: User, values: dict[str, Any], errors: list[str],
               status: int = 200) -> Response:
    return plan_pages.profile_page(request, values, errors, status,
                                   action=f"/coach/athletes/{user.id}/plan", for_name=user.name)


@router.post("/coach/athletes/{athlete_id}/plan")
async def plan_submit(request: Request, athlete_id: int,
                      actor: Actor = Depends(core.login_required)) -> Response:
    data = plan_pages.profile_data(await request.form())
    try:
        with core.runtime(request).db.session() as db:
            user = _athlete(db, actor, athlete_id)
            stored = plans.create_plan(db, actor, data, core.runtime(request).library, athlete_id)
            weeks = stored.plan.profile.weeks
    except Invalid as exc:
        with core.runtime(request).db.session() as db:
            user = _athlete(db, actor, athlete_id)
        return _plan_page(request, user, {**data, "race": data.get("race") or {}},
                          exc.details or [exc.message], status=422)
    return core.redirect(f"/coach/athletes/{athlete_id}?view=plan",
                         f"{user.name}'s {weeks}-week plan is ready; they see it on their Plan page.")
