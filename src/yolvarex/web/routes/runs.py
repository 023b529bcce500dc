"""The page of one run, its files, the records page and heart-rate zone settings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.domain import units
from yolvarex.domain.units import Units
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import activity_files, athlete, form_dynamics, gear, records, run_page
from yolvarex.services.activity_files import EXPORT_FORMATS
from yolvarex.services.run_text import pace_text
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.charts import ZONE_COLORS
from yolvarex.web.run_map import route_map
from yolvarex.web.run_svg import TrackChart, route_svg, track_chart
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
def charts(series: dict[str, Any] | None, shown: Units = "metric") -> list[TrackChart]:
    """The run's charts over distance, in the runner's unit of distance."""
    if not series:
        return []
    unit = units.distance_unit(shown)
    x = [units.distance_value(km, shown) for km in series["distance_km"]]
    pace = [None if v is None else units.pace_value(v, shown) for v in series["pace_s_per_km"]]
    found = [
        track_chart("pace", "Pace", f"min/{unit}", x, pace, "#0b6e69", invert=True,
                    label=pace_text, x_unit=unit),
        track_chart("hr", "Heart rate", "bpm", x, series["hr"], "#b3261e", x_unit=unit),
        track_chart("elevation", "Elevation", "m", x, series["elevation"], "#8a5a00", x_unit=unit),
        track_chart("cadence", "Cadence", "steps/min", x, series["cadence"], "#5b4a9e",
                    x_unit=unit)]
    return [c for c in found if c is not None]


@router.get("/runs/{activity_id}")
def show(request: Request, activity_id: int, splits: str | None = None,
         actor: Actor = Depends(core.login_required)) -> Response:
    return run_view(request, actor, activity_id, splits)


def run_view(request: Request, actor: Actor, activity_id: int, splits: str | None,
             seen: Viewing | None = None) -> Response:
    """One run's page: the runner's own, or a coached athlete's read-only for their coach
    (`seen`; without it, whose run it is decides)."""
    with core.runtime(request).db.session() as db:
        page = run_page.run_page(db, actor, activity_id)
        if seen is None:
            seen = viewing.own(actor) if page["athlete_id"] == actor.id else \
                viewing.coached(db, actor, page["athlete_id"])
        if page["athlete_id"] != seen.athlete_id:
            raise NotFound("no such activity")
        dynamics = form_dynamics.run_advice(db, actor, activity_id)
        shoes = [s for s in gear.shoes(db, actor, page["athlete_id"]) if s.retired_on is None
                 or s.id == (page["shoe"] or {}).get("id")] if page["athlete_id"] == actor.id else []
    analysis = page["analysis"]
    shown = core.shown_units(request)
    unit = splits if splits in ("km", "mile") else ("mile" if shown == "imperial" else "km")
    tiles = core.runtime(request).settings.map_tiles
    return core.render(request, "runs/show.html", {
        **page, "a": analysis, "charts": charts(analysis["series"], shown),
        "route": route_svg(analysis["outline"]) if analysis["outline"] else None,
        "route_map": route_map(analysis["outline"], tiles) if tiles and analysis["outline"] else None,
        "unit": unit, "splits": analysis["splits_mile" if unit == "mile" else "splits_km"],
        "shoes": shoes, "zone_colors": ZONE_COLORS, "own": page["athlete_id"] == actor.id,
        "dynamics": dynamics, **seen.context("run")}, section=seen.section("log"))


@router.get("/runs/{activity_id}/original")
def original(request: Request, activity_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        name, data = activity_files.original(db, actor, activity_id)
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{_safe(name)}"'})


@router.get("/runs/{activity_id}/export.{fmt}")
def export(request: Request, activity_id: int, fmt: str,
           actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        name, content = activity_files.export(db, actor, activity_id, fmt)
    return Response(content, media_type=EXPORT_FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{_safe(name)}"'})


def _safe(name: str) -> str:
    return "".join(c for c in name if c.isalnum() or c in "._-") or "activity"


@router.post("/runs/{activity_id}/shoe")
async def set_shoe(request: Request, activity_id: int,
                   actor: Actor = Depends(core.login_required)) -> Response:
    raw = str((await request.form()).get("shoe_id") or "")
    with core.runtime(request).db.session() as db:
        gear.assign(db, actor, activity_id, int(raw) if raw.isdigit() else None)
    return core.redirect(f"/runs/{activity_id}", "Shoe saved.")


@router.get("/records")
def records_page(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        found = records.records(db, actor)
    return core.render(request, "runs/records.html", {"records": found}, section="progress")


def _zones_page(request: Request, actor: Actor, errors: list[str], status: int = 200) -> Response:
    with core.runtime(request).db.session() as db:
        zones = athlete.athlete_zones(db, actor)
    return core.render(request, "runs/zones.html", {"zones": zones, "errors": errors,
                                                    "colors": ZONE_COLORS},
                       status_code=status, section="progress")


@router.get("/zones")
def zones_page(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return _zones_page(request, actor, [])


@router.post("/zones")
async def save_zones(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()
    floors = [str(form.get(f"z{i}") or "") for i in range(1, 6)]
    try:
        with core.runtime(request).db.session() as db:
            athlete.save_zone_settings(db, actor.id, str(form.get("method") or ""), list(floors))
    except Invalid as exc:
        return _zones_page(request, actor, [exc.message, *exc.details], 422)
    return core.redirect("/zones", "Heart-rate zones saved.")
