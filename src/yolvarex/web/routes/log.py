"""The training log: a week at a time, with forms to log, edit and delete sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain import units
from yolvarex.domain.units import units_of
from yolvarex.errors import Conflict, Invalid
from yolvarex.services import fuel, history, plans, training_log
from yolvarex.services.days import local_time
from yolvarex.services.training_log import CROSS_SPORTS, RUN_TYPES, CrossEntry, EntryChanges, RunEntry
from yolvarex.services.zone_weeks import zone_weeks
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
FIELDS = ("date", "time", "minutes", "distance_km", "run_type", "sport", "rpe", "avg_hr", "name", "notes")


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week(request: Request, actor: Actor, seen: Viewing, monday: dt.date) -> dict[str, Any]:
    sunday = monday + dt.timedelta(days=6)
    athlete = seen.athlete_id
    with core.runtime(request).db.session() as db:
        acts = history.activities(db, actor, monday, sunday, athlete)
        sessions = history.strength_sessions(db, actor, monday, sunday, athlete)
        routines = history.routine_completions(db, actor, monday, sunday, athlete)
        planned = [plans.planned_for(db, actor, monday + dt.timedelta(days=i), athlete)
                   for i in range(7)]
        (zones,) = zone_weeks(db, actor, monday, 1, athlete)
        (totals,) = history.week_totals(db, actor, 1, sunday, athlete)
    days: list[dict[str, Any]] = [{"date": monday + dt.timedelta(days=i), "items": [], "planned": []}
                                  for i in range(7)]
    shown = _shown_units(request)
    for a in acts:
        kind = "run" if a.sport == "running" else "cross"
        detail = [units.duration(a.duration_s)]
        if a.distance_m:
            detail.append(units.distance(a.distance_m / 1000, shown))
        if a.avg_hr:
            detail.append(f"{a.avg_hr:.0f} bpm")
        if a.load is not None:
            detail.append(f"load {a.load:.0f}")
        days[(a.day - monday).days]["items"].append({
            "kind": kind, "id": a.id, "title": training_log.display_name(a),
            "detail": " · ".join(detail), "rpe": a.rpe,
            "time": local_time(a).strftime("%H:%M"),
            "source": a.source, "sport": a.sport})
    for s in sessions:
        parts = [f"{len({x.exercise for x in s.sets})} exercises", f"{len(s.sets)} sets"]
        if s.minutes:
            parts.append(units.minutes(s.minutes))
        days[(s.date - monday).days]["items"].append({
            "kind": "strength", "id": None, "title": "Strength session", "detail": " · ".join(parts),
            "rpe": s.rpe, "time": "", "source": "log", "sport": "strength"})
    for r in routines:
        days[(r.day - monday).days]["items"].append({
            "kind": "routine", "id": None, "title": _routine_title(core.runtime(request).library, r.routine),
            "detail": f"{units.duration(r.seconds or 0)} routine", "rpe": None,
            "time": r.completed_at.astimezone(clock.zone(seen.timezone)).strftime("%H:%M"),
            "source": r.source, "sport": "routine"})
    for day, plan_day in zip(days, planned, strict=True):
        kinds = {item["kind"] for item in day["items"]}
        if plan_day.in_plan and plan_day.run_day not in (None, "rest"):  # only where the plan existed
            day["planned"].append({"what": f"{plan_day.run_day} run", "done": "run" in kinds})
        if plan_day.session is not None:
            day["planned"].append({"what": f"{plan_day.session.focus.label.lower()} strength",
                                   "done": "strength" in kinds})
    return {"days": days, "totals": totals, "zones": zones}


@router.get("/log")
def log(request: Request, week: dt.date | None = None,
        actor: Actor = Depends(core.login_required)) -> Response:
    return log_page(request, actor, viewing.own(actor), week)


def log_page(request: Request, actor: Actor, seen: Viewing, week: dt.date | None) -> Response:
    """The week's log of `seen` athlete (the runner's own, or read-only for their coach)."""
    today = clock.today(seen.timezone)
    monday = _monday(week or today)
    context = _week(request, actor, seen, monday) | {
        "monday": monday, "sunday": monday + dt.timedelta(days=6), "today": today,
        "previous": monday - dt.timedelta(weeks=1), "next": monday + dt.timedelta(weeks=1),
        "is_current": monday == _monday(today), **seen.context("log")}
    return core.render(request, "log.html", context, section=seen.section("log"))


def _form_data(form: Any) -> dict[str, Any]:
    return {k: (form.get(k) or "").strip() for k in FIELDS if k in form}


def _shown_units(request: Request) -> units.Units:
    login = core.current_login(request)
    return units_of(login.units if login else None)


def _metric(request: Request, values: dict[str, Any]) -> dict[str, Any]:
    """The form's values with the distance typed in the runner's unit given in km."""
    typed = values.get("distance_km")
    if not typed or _shown_units(request) == "metric":
        return values
    try:
        return values | {"distance_km": f"{units.km_from(float(typed), 'imperial'):.3f}"}
    except ValueError:
        return values  # the service says what is wrong with it


def _form_page(request: Request, kind: str, values: dict[str, Any], errors: list[str],
               activity_id: int | None = None, status: int = 200) -> Response:
    return core.render(request, "log/form.html", {
        "kind": kind, "values": values, "errors": errors, "activity_id": activity_id,
        "run_types": RUN_TYPES, "sports": CROSS_SPORTS}, status_code=status, section="log")


@router.get("/log/new/{kind}")
def new_entry(request: Request, kind: str, date: dt.date | None = None,
              actor: Actor = Depends(core.login_required)) -> Response:
    if kind not in ("run", "cross"):
        return core.redirect("/log")
    values = {"date": (date or clock.today(actor.timezone)).isoformat(), "time": "07:00",
              "run_type": "easy", "sport": "cycling"}
    return _form_page(request, kind, values, [])


@router.post("/log/new/{kind}")
async def create_entry(request: Request, kind: str, actor: Actor = Depends(core.login_required)) -> Response:
    values = _form_data(await request.form())
    model = RunEntry if kind == "run" else CrossEntry
    data = {k: v for k, v in _metric(request, values).items()
            if k != ("sport" if kind == "run" else "run_type")}
    try:
        entry = training_log.parse(model, data, "entry")
    except Invalid as exc:
        return _form_page(request, kind, values, exc.details, status=422)
    try:
        with core.runtime(request).db.session() as db:
            row = training_log.log_entry(db, actor, entry)
            title, day = training_log.display_name(row), row.day
            advice = fuel.after_logged(db, actor, actor.id, row.sport, row.run_type)
    except Conflict as exc:  # the same entry logged twice
        return _form_page(request, kind, values, [exc.message], status=409)
    message = f"{title} on {day:%A %d %B} logged."
    if advice is not None:  # after a hard run or a strength session, what to eat next
        message += f" {advice.headline}. {advice.points[0]}"
    return core.redirect(f"/log?week={day.isoformat()}", message)


@router.get("/log/{activity_id}/edit")
def edit_entry(request: Request, activity_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        data = training_log.entry_json(training_log.get_entry(db, actor, activity_id))
    km = data["distance_km"]
    shown = round(units.distance_value(km, _shown_units(request)), 2) if km is not None else None
    values = {k: data.get(k) for k in FIELDS} | {
        "time": data["local_start"][11:16], "distance_km": shown}
    kind = "run" if data["sport"] == "running" else "cross"
    return _form_page(request, kind, {k: ("" if v is None else v) for k, v in values.items()}, [],
                      activity_id)


@router.post("/log/{activity_id}/edit")
async def update_entry(request: Request, activity_id: int,
                       actor: Actor = Depends(core.login_required)) -> Response:
    values = _form_data(await request.form())
    kind = "run" if values.get("sport", "running") == "running" else "cross"
    try:
        changes = training_log.parse(EntryChanges, _metric(request, values), "change",
                                     keep_empty=True)
    except Invalid as exc:
        return _form_page(request, kind, values, exc.details, activity_id, status=422)
    with core.runtime(request).db.session() as db:
        row = training_log.update_entry(db, actor, activity_id, changes)
        title, day = training_log.display_name(row), row.day
    return core.redirect(f"/log?week={day.isoformat()}", f"{title} on {day:%A %d %B} saved.")


@router.post("/log/{activity_id}/rpe")
async def rate_entry(request: Request, activity_id: int,
                     actor: Actor = Depends(core.login_required)) -> Response:
    """The RPE prompt after a session: set only how hard it felt."""
    form = await request.form()
    raw = form.get("rpe")
    target = core.safe_next(str(form.get("next") or "/log"))
    changes = training_log.parse(EntryChanges, {"rpe": raw if isinstance(raw, str) else ""},
                                 "effort rating", keep_empty=True)
    with core.runtime(request).db.session() as db:
        row = training_log.update_entry(db, actor, activity_id, changes)
        title = training_log.display_name(row)
    message = f"Effort for {title} saved." if changes.rpe is not None else f"Effort for {title} cleared."
    return core.redirect(target, message)


@router.get("/log/{activity_id}/delete")
def confirm_delete(request: Request, activity_id: int,
                   actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        row = training_log.get_entry(db, actor, activity_id)
        entry = {"id": row.id, "title": training_log.display_name(row), "start": local_time(row),
                 "minutes": row.duration_s / 60, "source": row.source}
    return core.render(request, "log/delete.html", {"entry": entry}, section="log")


@router.post("/log/{activity_id}/delete")
def delete_entry(request: Request, activity_id: int,
                 actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        row = training_log.get_entry(db, actor, activity_id)
        title, day = training_log.display_name(row), row.day
        training_log.delete_entry(db, actor, activity_id)
    return core.redirect(f"/log?week={day.isoformat()}", f"{title} on {day:%A %d %B} deleted.")


def _routine_title(library: Library, routine_id: str) -> str:
    known = library.routines.get(routine_id)
    return known.title if known else routine_id.replace("-", " ").capitalize()
