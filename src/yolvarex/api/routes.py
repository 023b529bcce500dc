"""The API shell: who am I, the content library, and check-ins. Pillars add their routers here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, Depends, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.params import DayRange, day_range
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.domain.checkin import CheckIn
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import checkins, days
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1")


class Me(BaseModel):
    id: int
    name: str
    role: str
    timezone: str = Field(description="IANA time zone; the user's days are cut on its clock")
    today: dt.date = Field(description="Today's date in that zone")

    @classmethod
    def of(cls, actor: Actor) -> Me:
        return cls(id=actor.id, name=actor.name, role=actor.role, timezone=actor.timezone,
                   today=clock.today(actor.timezone))


class MeChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timezone: str = Field(description="An IANA time zone name, such as Europe/Berlin",
                          max_length=64)


@router.get("/me", response_model=Me, tags=["accounts"], summary="The user this token belongs to")
def me(actor: Actor = Depends(api_actor)) -> Me:
    return Me.of(actor)


@router.patch("/me", response_model=Me, tags=["accounts"],
              summary="Change your settings: your time zone (earlier days keep their dates)")
def change_me(changes: MeChanges, actor: Actor = Depends(api_actor),
              db: Session = Depends(db_session)) -> Me:
    zone = days.set_timezone(db, actor, changes.timezone)
    return Me.of(dataclasses.replace(actor, timezone=zone))


def _kind(kind: str) -> str:
    try:
        return kind_named(kind).name
    except ValueError as exc:
        raise NotFound(str(exc)) from None


@router.get("/library", tags=["library"], summary="How many entries of each kind the library has")
def library_counts(rt: Runtime = Depends(runtime)) -> dict[str, int]:
    return rt.library.counts()


@router.get("/library/{kind}", tags=["library"],
            summary=f"Every entry of one kind ({', '.join(k.name for k in KINDS)})")
def library_list(kind: str, rt: Runtime = Depends(runtime)) -> list[dict[str, Any]]:
    entries = rt.library.of_kind(_kind(kind))
    return [e.model_dump(mode="json", by_alias=True) for e in entries.values()]


@router.get("/library/{kind}/{entry_id}", tags=["library"], summary="One entry of the library")
def library_show(kind: str, entry_id: str, rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    entries = rt.library.of_kind(_kind(kind))
    if entry_id not in entries:
        raise NotFound(f"There is no {kind} with id {entry_id!r}.")
    return entries[entry_id].model_dump(mode="json", by_alias=True)


@router.get("/library/{kind}/{entry_id}/figure.svg", tags=["library"], response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}}},
            summary="The illustration of an exercise, drill or movement (animated SVG)")
def library_figure(kind: str, entry_id: str, rt: Runtime = Depends(runtime)) -> Response:
    from yolvarex.export.figure_svg import entry_svg

    name = _kind(kind)
    if entry_id not in rt.library.of_kind(name):
        raise NotFound(f"There is no {kind} with id {entry_id!r}.")
    drawing = entry_svg(rt.library, name, entry_id)
    if drawing is None:
        raise NotFound(f"{name.capitalize()} have no illustrations; exercises, drills and "
                       "movements do.")
    return Response(drawing, media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=3600"})


@router.put("/checkins/{day}", tags=["check-ins"], response_model=CheckIn,
            response_model_exclude_none=True, summary="Create or replace the check-in for a date")
def put_checkin(day: dt.date, body: dict[str, Any] = Body(...),
                actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    body = {**body, "date": body.get("date", day.isoformat())}
    checkin = checkins.parse_checkin(body)
    if checkin.date != day:
        raise Invalid("The date in the body differs from the date in the URL.")
    checkins.save_checkin(db, actor, checkin)
    db.commit()
    return checkin.model_dump(mode="json", exclude_none=True)


@router.get("/checkins/{day}", tags=["check-ins"], response_model=CheckIn,
            response_model_exclude_none=True, summary="The check-in for a date")
def get_checkin(day: dt.date, actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session)) -> dict[str, Any]:
    return checkins.get_checkin(db, actor, day).model_dump(mode="json", exclude_none=True)


@router.get("/checkins", tags=["check-ins"], response_model=list[CheckIn],
            response_model_exclude_none=True, summary="Check-ins in a date range, oldest first")
def list_checkins(days: DayRange = Depends(day_range),
                  actor: Actor = Depends(api_actor),
                  db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json", exclude_none=True)
            for c in checkins.list_checkins(db, actor, days.start, days.end)]
