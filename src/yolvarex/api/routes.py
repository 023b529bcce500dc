"""The API shell: who am I, the content library, and check-ins. Pillars add their routers here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.bodies import read_by
from yolvarex.api.fuel_answers import FuelOut
from yolvarex.api.library_answers import EntryOut, SearchOut
from yolvarex.api.params import DayRange, day_range
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.common import Entry
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.units import units_of
from yolvarex.errors import Invalid, NotFound, validated
from yolvarex.services import athlete, checkins, days, fuel, library_search
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor
from yolvarex.store.models import User

router = APIRouter(prefix="/api/v1")


class Me(BaseModel):
    id: int
    name: str
    role: str
    timezone: str = Field(description="IANA time zone; the user's days are cut on its clock")
    today: dt.date = Field(description="Today's date in that zone")
    units: Literal["metric", "imperial"] = Field(
        "metric", description="How the web pages and the CLI show numbers (km and kg, or miles "
                              "and lb). The API itself always speaks metric: metres, "
                              "kilometres (`distance_km`), kilograms (`load_kg`), seconds.")
    running_dynamics: bool | None = Field(
        None, description="Whether the runner's watch records cadence, ground contact and "
                          "vertical oscillation; null when not answered")
    body_weight_kg: float | None = Field(None, description="Body weight in kilograms, if given")

    @classmethod
    def of(cls, actor: Actor, settings: dict[str, Any] | None = None) -> Me:
        known = settings or {}
        return cls(id=actor.id, name=actor.name, role=actor.role, timezone=actor.timezone,
                   today=clock.today(actor.timezone), units=units_of(known.get("units")),
                   running_dynamics=known.get("running_dynamics"),
                   body_weight_kg=known.get("body_weight_kg"))


class MeChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timezone: str | None = Field(None, description="An IANA time zone name, such as Europe/Berlin",
                                 max_length=64)
    units: Literal["metric", "imperial"] | None = Field(
        None, description="How pages and the CLI show numbers; the API stays metric")
    running_dynamics: bool | None = Field(None, description="Whether the watch records them")
    body_weight_kg: float | None = Field(None, description="Body weight in kilograms, 30 to 250")


def _settings(db: Session, actor: Actor) -> dict[str, Any]:
    user = db.get(User, actor.id)
    return dict(user.settings or {}) if user else {}


@router.get("/me", response_model=Me, tags=["accounts"], summary="The user this token belongs to")
def me(actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> Me:
    return Me.of(actor, _settings(db, actor))


@router.patch("/me", response_model=Me, tags=["accounts"],
              summary="Change your settings: time zone (earlier days keep their dates), units, "
                      "watch, body weight; only the fields sent change")
def change_me(changes: MeChanges, actor: Actor = Depends(api_actor),
              db: Session = Depends(db_session)) -> Me:
    if changes.timezone is not None:
        actor = dataclasses.replace(actor, timezone=days.set_timezone(db, actor, changes.timezone))
    sent = changes.model_dump(exclude_unset=True)
    preferences: dict[str, object] = {k: sent[k] for k in ("units", "running_dynamics") if k in sent}
    if preferences:
        athlete.save_preferences(db, actor.id, preferences)
    if "body_weight_kg" in sent:
        athlete.save_body_settings(db, actor.id, {"body_weight_kg": sent["body_weight_kg"]})
    return Me.of(actor, _settings(db, actor))


def _kind(kind: str) -> str:
    try:
        return kind_named(kind).name
    except ValueError as exc:
        raise NotFound(str(exc)) from None


@router.get("/library", tags=["library"], response_model=dict[str, int],
            summary="How many entries of each kind the library has (kind -> count)")
def library_counts(rt: Runtime = Depends(runtime)) -> dict[str, int]:
    return rt.library.counts()


class LibraryFilters(BaseModel):
    """Filters shared by search and listing; each applies to the kinds that have it."""

    pattern: str | None = Field(None, max_length=60, description="Exercise pattern, e.g. hinge")
    equipment: str | None = Field(None, max_length=60, description="e.g. bands, foam_roller")
    level: str | None = Field(None, max_length=2, description="1 beginner, 2 intermediate, 3 advanced")
    body_area: str | None = Field(None, max_length=60, description="e.g. calves, hips, lower back")
    muscle: str | None = Field(None, max_length=60, description="e.g. hamstrings")
    occasion: str | None = Field(None, max_length=60, description="Routines: e.g. after_run")
    duration: str | None = Field(None, max_length=10, description="The most minutes you have")


@router.get("/library/search", tags=["library"], response_model=SearchOut,
            summary="Search every kind at once; results grouped by kind, best match first")
def library_search_all(q: str = Query("", max_length=200),
                       f: LibraryFilters = Depends(),
                       rt: Runtime = Depends(runtime)) -> SearchOut:
    return SearchOut.of(library_search.find(rt.library, q,
                                            library_search.filters_from(f.model_dump())))


@router.get("/library/{kind}", tags=["library"],
            summary=f"Every entry of one kind ({', '.join(k.name for k in KINDS)}), filtered",
            response_model=list[EntryOut])
def library_list(kind: str, q: str = Query("", max_length=200), f: LibraryFilters = Depends(),
                 rt: Runtime = Depends(runtime)) -> list[Entry]:
    return library_search.entries(rt.library, _kind(kind), q,
                                  library_search.filters_from(f.model_dump()))


@router.get("/library/{kind}/{entry_id}", tags=["library"], summary="One entry of the library",
            response_model=EntryOut)
def library_show(kind: str, entry_id: str, rt: Runtime = Depends(runtime)) -> Entry:
    entries = rt.library.of_kind(_kind(kind))
    if entry_id not in entries:
        raise NotFound(f"There is no {kind} with id {entry_id!r}.")
    return entries[entry_id]


@router.get("/library/{kind}/{entry_id}/figure.svg", tags=["library"], response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}}},
            summary="The illustration of an exercise, drill or movement (animated SVG)")
def library_figure(kind: str, entry_id: str,
                   style: Literal["animated", "keys", "still"] = Query(
                       "animated", description="animated; keys: every key position side by side "
                       "(for reduced motion and print); still: the first position"),
                   rt: Runtime = Depends(runtime)) -> Response:
    from yolvarex.export.figure_svg import entry_svg

    name = _kind(kind)
    if entry_id not in rt.library.of_kind(name):
        raise NotFound(f"There is no {kind} with id {entry_id!r}.")
    drawing = entry_svg(rt.library, name, entry_id, style=style)
    if drawing is None:
        raise NotFound(f"{name.capitalize()} have no illustrations; exercises, drills and "
                       "movements do.")
    return Response(drawing, media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=3600"})


@router.get("/fuel", tags=["fuel"], response_model=FuelOut,
            summary="Fuel and sleep guidance after a strength session, a hard run or a short "
                    "night, or before, during and after a run")
def get_fuel(after: str = Query("strength", pattern="^(strength|hard-run|short-sleep|run)$"),
             hours: float = Query(6.0, ge=0, le=24, description="Hours slept, for short-sleep"),
             minutes: int = Query(90, ge=10, le=600, description="The run's length, for run"),
             again_soon: bool = Query(False, description=(
                 "For run: another hard session within about 8 hours")),
             actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    return fuel.answer(fuel.asked(db, actor, actor.id, after, hours=hours, minutes=minutes,
                                  again_soon=again_soon), hours)


class CheckInIn(CheckIn):
    """A check-in as sent to its date's URL: `date` may be left out."""

    date: dt.date | None = Field(  # type: ignore[assignment]  # the URL gives it
        None, description="Default: the date in the URL; when given, it must be that date.")


def _checkin_sent(sent: dict[str, Any]) -> CheckInIn:
    """The check-in's own rules and wording (`verdict.parse_checkin`), the date left open."""
    return validated(CheckInIn, sent, "check-in")


@router.put("/checkins/{day}", tags=["check-ins"], response_model=CheckIn,
            response_model_exclude_none=True, summary="Create or replace the check-in for a date")
def put_checkin(day: dt.date, body: Annotated[CheckInIn, read_by(_checkin_sent)],
                actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    if body.date not in (None, day):
        raise Invalid("The date in the body differs from the date in the URL.")
    checkin = CheckIn.model_validate(body.model_dump() | {"date": day})
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
