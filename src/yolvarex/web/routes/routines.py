"""Recovery routines on the web: the library by occasion and body area, one routine, the player."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from yolvarex import clock
from yolvarex.domain.recovery.areas import AREA_LABELS
from yolvarex.domain.recovery.occasions import Occasion
from yolvarex.domain.recovery.timeline import format_clock, format_duration
from yolvarex.errors import Invalid
from yolvarex.services import routines as service
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

# Templates anywhere (Today, Progress) can write {{ seconds|duration }}.
core.templates.env.filters.setdefault("duration", format_duration)


@router.get("/routines")
def index(request: Request, occasion: str = "", area: str = "") -> Response:
    lib = core.runtime(request).library
    try:
        rows = service.browse(lib, occasion or None, area or None)
    except Invalid:
        rows = []
    return core.render(request, "routines/index.html", {
        "rows": rows, "occasions": [(o.value, o.label) for o in Occasion],
        "areas": sorted(AREA_LABELS.items(), key=lambda kv: kv[1]), "occasion": occasion,
        "area": area, "area_labels": AREA_LABELS}, section="library")


def _steps(request: Request, routine_id: str) -> list[dict[str, Any]]:
    lib = core.runtime(request).library
    timeline = lib.routine_timeline(routine_id)
    out = []
    for n, step in enumerate(lib.routines[routine_id].steps):
        movement = lib.movements[step.movement]
        out.append({"movement": movement, "step": step,
                    "seconds": sum(s.seconds for s in timeline if s.step == n)})
    return out


@router.get("/routines/{routine_id}")
def show(request: Request, routine_id: str) -> Response:
    lib = core.runtime(request).library
    service.routine_or_404(lib, routine_id)
    return core.render(request, "routines/show.html", {
        "routine": lib.routines[routine_id], "info": service.routine_summary(lib, routine_id),
        "steps": _steps(request, routine_id), "lib": lib, "area_labels": AREA_LABELS},
        section="library")


@router.get("/routines/{routine_id}/play")
def play(request: Request, routine_id: str, actor: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    service.routine_or_404(lib, routine_id)
    timeline = lib.routine_timeline(routine_id)
    data = {
        "id": routine_id, "title": lib.routines[routine_id].title,
        "total": lib.routine_seconds(routine_id),
        "segments": [{"label": s.label, "title": s.title, "side": s.side.value if s.side else None,
                      "movement": s.movement,
                      "cue": s.cue, "seconds": s.seconds, "dose": s.dose, "start": s.start}
                     for s in timeline],
    }
    return core.render(request, "routines/play.html", {
        "routine": lib.routines[routine_id], "data": data, "first": timeline[0],
        "next": timeline[1] if len(timeline) > 1 else None, "steps": _steps(request, routine_id),
        "movements": list(dict.fromkeys(s.movement for s in timeline)),
        "clock": format_clock}, section="library")


@router.post("/routines/{routine_id}/complete")
async def complete(request: Request, routine_id: str,
                   actor: Actor = Depends(core.login_required)) -> Response:
    """Log a finished routine: JSON from the player, or the no-JavaScript form."""
    wants_json = request.headers.get("content-type", "").startswith("application/json")
    seconds: float | None = None
    if wants_json:
        try:
            body = await request.json()
        except ValueError:
            raise Invalid("Send a JSON object, for example {\"seconds\": 300}.") from None
        raw = body.get("seconds") if isinstance(body, dict) else None
        if raw is not None and not isinstance(raw, int | float):
            raise Invalid("seconds must be a number.")
        seconds = float(raw) if raw is not None else None
    lib = core.runtime(request).library
    with core.runtime(request).db.session() as db:
        row = service.log_completion(db, actor, lib, routine_id, seconds=seconds, source="web")
        now = service.streak_for(db, actor, clock.today(actor.timezone))
        logged = {"logged": True, "id": row.id, "routine": routine_id, "seconds": row.seconds,
                  "streak": now.days}
    if wants_json:
        return JSONResponse(logged, status_code=201)
    title = lib.routines[routine_id].title
    return core.redirect(f"/routines/{routine_id}",
                         f"{title} logged. Your routine streak is {now.days}.")
