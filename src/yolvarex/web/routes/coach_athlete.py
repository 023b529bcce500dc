"""One coached athlete as they see themselves: their own Today, Log, Plan, Progress and run
pages (the same route functions, services and templates), rendered for the athlete under
`/coach/athletes/{id}/...` in read-only mode (see `web.viewing`), plus the two things a coach
changes: the athlete's strength plan and a private note for one of their days.

Everything is read through the access scope with the coach as the actor: once the athlete
ends coaching, every page here answers 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from yolvarex.errors import Invalid, UserError
from yolvarex.services import coach_notes, days, plans
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.routes import log as log_pages
from yolvarex.web.routes import plan as plan_pages
from yolvarex.web.routes import progress as progress_pages
from yolvarex.web.routes import runs as run_pages
from yolvarex.web.routes import today as today_pages
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

NOTE_DAYS_AHEAD = 14


def _seen(request: Request, coach: Actor, athlete_id: int) -> Viewing:
    with core.runtime(request).db.session() as db:
        return viewing.coached(db, coach, athlete_id)


@router.get("/coach/athletes/{athlete_id}")
def athlete_home(athlete_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    """A name on the board opens the athlete's Today."""
    return core.redirect(f"/coach/athletes/{athlete_id}/today")


@router.get("/coach/athletes/{athlete_id}/today")
def athlete_today(request: Request, athlete_id: int,
                  actor: Actor = Depends(core.login_required)) -> Response:
    return _today(request, actor, _seen(request, actor, athlete_id))


def _today(request: Request, coach: Actor, seen: Viewing, note_error: str | None = None,
           note_text: str = "", note_day: str | None = None) -> Response:
    """The athlete's Today with the coach's note form and the notes written ahead."""
    with core.runtime(request).db.session() as db:
        day = days.today_for(db, seen.athlete_id)
        upcoming = coach_notes.notes(db, coach, seen.athlete_id, day,
                                     day + dt.timedelta(days=NOTE_DAYS_AHEAD))
    extra: dict[str, Any] = {"note_error": note_error, "note_text": note_text,
                             "note_day": note_day or day.isoformat(), "upcoming_notes": upcoming,
                             "note_max": coach_notes.MAX_CHARS}
    return today_pages.today_page(request, coach, seen, extra, 422 if note_error else 200)


@router.get("/coach/athletes/{athlete_id}/log")
def athlete_log(request: Request, athlete_id: int, week: dt.date | None = None,
                actor: Actor = Depends(core.login_required)) -> Response:
    return log_pages.log_page(request, actor, _seen(request, actor, athlete_id), week)


@router.get("/coach/athletes/{athlete_id}/plan")
def athlete_plan(request: Request, athlete_id: int, print_view: int = Query(0, alias="print"),
                 actor: Actor = Depends(core.login_required)) -> Response:
    return plan_pages.plan_page(request, actor, _seen(request, actor, athlete_id), bool(print_view))


@router.get("/coach/athletes/{athlete_id}/progress")
def athlete_progress(request: Request, athlete_id: int,
                     actor: Actor = Depends(core.login_required)) -> Response:
    return progress_pages.progress_page(request, actor, _seen(request, actor, athlete_id))


@router.get("/coach/athletes/{athlete_id}/runs/{activity_id}")
def athlete_run(request: Request, athlete_id: int, activity_id: int, splits: str | None = None,
                actor: Actor = Depends(core.login_required)) -> Response:
    return run_pages.run_view(request, actor, activity_id, splits,
                              _seen(request, actor, athlete_id))


@router.post("/coach/athletes/{athlete_id}/notes")
def write_note(request: Request, athlete_id: int, day: str = Form(""), text: str = Form(""),
               actor: Actor = Depends(core.login_required)) -> Response:
    seen = _seen(request, actor, athlete_id)
    try:
        when = _parse_day(day)
        with core.runtime(request).db.session() as db:
            note = coach_notes.write(db, actor, athlete_id, when, text)
    except UserError as exc:
        return _today(request, actor, seen, exc.message, text, day)
    said = f"Note saved for {when.strftime('%a %d %b')}." if note else "Note removed."
    return core.redirect(f"{seen.base}/today", said)


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Invalid("Choose the day the note is for.") from None


@router.get("/coach/athletes/{athlete_id}/plan/profile")
def plan_form(request: Request, athlete_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    seen = _seen(request, actor, athlete_id)
    with core.runtime(request).db.session() as db:
        stored = plans.current_plan(db, actor, athlete_id)
        day = days.today_for(db, athlete_id)
    return _plan_form(request, seen, plan_pages.form_values(stored, day), [])


def _plan_form(request: Request, seen: Viewing, values: dict[str, Any], errors: list[str],
               status: int = 200) -> Response:
    return plan_pages.profile_page(request, values, errors, status,
                                   action=f"{seen.base}/plan/profile", for_name=seen.name)


@router.post("/coach/athletes/{athlete_id}/plan/profile")
async def plan_submit(request: Request, athlete_id: int,
                      actor: Actor = Depends(core.login_required)) -> Response:
    seen = _seen(request, actor, athlete_id)
    data = plan_pages.profile_data(await request.form())
    try:
        with core.runtime(request).db.session() as db:
            stored = plans.create_plan(db, actor, data, core.runtime(request).library, athlete_id)
            weeks = stored.plan.profile.weeks
    except Invalid as exc:
        return _plan_form(request, seen, {**data, "race": data.get("race") or {}},
                          exc.details or [exc.message], status=422)
    return core.redirect(f"{seen.base}/plan",
                         f"{seen.name}'s {weeks}-week plan is ready; they see it on their Plan page.")
