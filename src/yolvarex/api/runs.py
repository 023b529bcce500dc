"""/api/v1 for one run's page, its files, records, heart-rate zones and shoes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.api.answers import ActivityOut
from yolvarex.api.auth import api_actor, db_session
from yolvarex.api.bodies import read_by
from yolvarex.api.run_answers import RunPageOut, ShoeOut
from yolvarex.services import activity_files, athlete, gear, records, run_page, zone_weeks
from yolvarex.services.training_log import entry_json, parse
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1")


class RecordOut(BaseModel):
    name: str = Field(description="400 m, 1 km, 1 mile, 5 km, 10 km, half marathon, marathon")
    distance_m: float
    seconds: float
    pace_s_per_km: float
    activity_id: int
    date: dt.date
    run: str | None


class ZonesOut(BaseModel):
    method: str = Field(description="reserve, max or custom")
    floors: list[int] = Field(description="The lowest heart rate of zones 1-5.")
    rest: int
    max: int
    ranges: list[list[int | None]] = Field(
        description="Each zone's [lowest, highest] heart rate; zone 5 has no highest (null).")


class ZoneWeekOut(BaseModel):
    week: dt.date = Field(description="The week's Monday.")
    seconds: list[int] = Field(description="Time in zones 1-5.")
    minutes: list[float]
    activities_with_hr: int


class ActivityShoeOut(ActivityOut):
    shoe_id: int | None


@router.get("/activities/{activity_id}/analysis", tags=["runs"],
            summary="The run page: summary, route outline, chart series, splits, laps, zones, "
                    "best efforts, shoe (computed once and kept)", response_model=RunPageOut)
def analysis(activity_id: int, actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> dict[str, Any]:
    return run_page.run_page(db, actor, activity_id)  # the answer leaves out `athlete_id`


@router.get("/activities/{activity_id}/original", tags=["runs"], response_class=Response,
            summary="The file the activity was imported from, as uploaded",
            responses={200: {"content": {"application/octet-stream": {}}}})
def original(activity_id: int, actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> Response:
    name, data = activity_files.original(db, actor, activity_id)
    safe = "".join(c for c in name if c.isalnum() or c in "._-") or "activity"
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{safe}"'})


@router.get("/activities/{activity_id}/export", tags=["runs"], response_class=Response,
            summary="The activity as GPX, TCX or FIT (a hand-logged one: its summary only)",
            responses={200: {"content": {"application/gpx+xml": {}, "application/vnd.garmin.tcx+xml": {},
                                         "application/vnd.ant.fit": {}}}})
def export(activity_id: int, format: str = Query("gpx", pattern="^(gpx|tcx|fit)$"),
           actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> Response:
    name, content = activity_files.export(db, actor, activity_id, format)
    return Response(content, media_type=activity_files.EXPORT_FORMATS[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


class ShoeChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    shoe_id: int | None = Field(description="The shoe worn, or null for none")


@router.put("/activities/{activity_id}/shoe", tags=["shoes"], summary="Set the shoe a run was in",
            response_model=ActivityShoeOut)
def set_shoe(activity_id: int, body: ShoeChoice, actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> dict[str, Any]:
    row = gear.assign(db, actor, activity_id, body.shoe_id)
    db.commit()
    return entry_json(row) | {"shoe_id": row.shoe_id}


@router.get("/records", tags=["runs"],
            summary="Your fastest 400 m, 1 km, 1 mile, 5 km, 10 km, half and marathon inside any run",
            response_model=list[RecordOut])
def records_list(actor: Actor = Depends(api_actor),
                 db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    found = records.records(db, actor)
    return [r.to_json() for r in found]


class ZoneSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    method: str = Field(description="reserve (heart-rate reserve), max (percent of maximum) or custom")
    floors: list[int] | None = Field(None, description="custom: the lowest heart rate of zones 1-5")


def _zones_json(db: Session, actor: Actor) -> dict[str, Any]:
    zones = athlete.athlete_zones(db, actor)
    return {"method": zones.method, "floors": list(zones.floors), "rest": round(zones.rest),
            "max": round(zones.max), "ranges": [list(r) for r in zones.ranges()]}


@router.get("/zones", tags=["zones"], summary="Your five heart-rate zones and how they are cut",
            response_model=ZonesOut)
def zones_get(actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    return _zones_json(db, actor)


@router.put("/zones", tags=["zones"], summary="Choose how your zones are cut (or set them by hand)",
            response_model=ZonesOut)
def zones_put(body: ZoneSettings, actor: Actor = Depends(api_actor),
              db: Session = Depends(db_session)) -> dict[str, Any]:
    athlete.save_zone_settings(db, actor.id, body.method, list(body.floors or []))
    db.commit()
    return _zones_json(db, actor)


@router.get("/zones/weeks", tags=["zones"], summary="Time in each zone per week, oldest first",
            response_model=list[ZoneWeekOut])
def zones_weeks(weeks: int = Query(12, ge=1, le=104), actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    today = clock.today(actor.timezone)
    found = zone_weeks.zone_weeks(db, actor, today - dt.timedelta(days=today.weekday()), weeks)
    return [w.to_json() for w in found]


@router.get("/shoes", tags=["shoes"], summary="Your shoes with their distance so far",
            response_model=list[ShoeOut])
def shoes_list(actor: Actor = Depends(api_actor),
               db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    return [s.to_json() for s in gear.shoes(db, actor)]


@router.post("/shoes", tags=["shoes"], status_code=201,
             summary="Add shoes (name, start_km, retire_at_km, default_for: all or a run type)",
            response_model=ShoeOut)
def shoes_add(body: Annotated[gear.ShoeIn, read_by(lambda sent: parse(gear.ShoeIn, sent, "shoe"))],
              actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    shoe = gear.add_shoe(db, actor, body)
    db.commit()
    return shoe.to_json()


class DefaultChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    default_for: str | None = Field(description="all, a run type, or null")


@router.put("/shoes/{shoe_id}/default", tags=["shoes"], summary="Make a shoe the default for runs",
            response_model=ShoeOut)
def shoes_default(shoe_id: int, body: DefaultChoice, actor: Actor = Depends(api_actor),
                  db: Session = Depends(db_session)) -> dict[str, Any]:
    shoe = gear.set_default(db, actor, shoe_id, body.default_for)
    db.commit()
    return shoe.to_json()


@router.post("/shoes/{shoe_id}/retire", tags=["shoes"], summary="Retire a shoe (it keeps its runs)",
            response_model=ShoeOut)
def shoes_retire(shoe_id: int, actor: Actor = Depends(api_actor),
                 db: Session = Depends(db_session)) -> dict[str, Any]:
    shoe = gear.retire(db, actor, shoe_id, clock.today(actor.timezone))
    db.commit()
    return shoe.to_json()
