"""The morning check-in form."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.domain import units
from yolvarex.domain.checkin import (
    NUMBERS,
    PAIN_SIGNS,
    RED_FLAG_LABELS,
    SCALES,
    SYMPTOM_LABELS,
    NumberRange,
    temperature_range,
)
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import checkins, fuel, verdict
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.forms import FAHRENHEIT, checkin_data

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
CELSIUS = "temperature_c"


def _temperature(shown: units.Units) -> tuple[str, NumberRange, str]:
    """The temperature field in the runner's unit: its name, range and example. It is stored
    in °C; a runner who chose imperial units types °F into `temperature_f`."""
    if shown == "metric":
        return CELSIUS, temperature_range(shown), "e.g. 36.8"
    return FAHRENHEIT, temperature_range(shown), "e.g. 98.2"


def _page(request: Request, values: dict[str, object], errors: list[str], status: int = 200,
          sleep: fuel.FuelAdvice | None = None) -> Response:
    shown = core.shown_units(request)
    field, limits, example = _temperature(shown)
    celsius = values.get(CELSIUS)
    if field != CELSIUS and FAHRENHEIT not in values and isinstance(celsius, int | float):
        values = {**values, FAHRENHEIT: f"{units.temperature_value(celsius, shown):g}"}
    return core.render(request, "checkin.html", {
        "values": values, "errors": errors, "symptoms": SYMPTOM_LABELS,
        "red_flags": RED_FLAG_LABELS, "pain_signs": PAIN_SIGNS, "fuel": sleep,
        "lib": core.runtime(request).library, "temperature": (field, example),
        "numbers": {**NUMBERS, field: limits}, "scales": SCALES},
        status_code=status, section="checkin")


@router.get("/checkin")
def checkin_form(request: Request, day: dt.date | None = None,
                 actor: Actor = Depends(core.login_required)) -> Response:
    day = day or clock.today(actor.timezone)
    values: dict[str, object] = {"date": day.isoformat()}
    sleep = None
    try:
        with core.runtime(request).db.session() as db:
            saved = checkins.get_checkin(db, actor, day)
            values = saved.model_dump(mode="json", exclude_none=True)
            sleep = fuel.short_sleep(db, actor, actor.id, saved.sleep_hours)
    except NotFound:
        pass
    return _page(request, values, [], sleep=sleep)


@router.post("/checkin")
async def checkin_submit(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()
    data = checkin_data(form)
    try:
        checkin = verdict.parse_checkin(data)
    except Invalid as exc:
        return _page(request, data, exc.details, status=422)
    with core.runtime(request).db.session() as db:
        if form.get("offline") == "1" and checkins.has_checkin(db, actor, checkin.date):
            # Typed offline and sent later (static/js/app.js): the check-in already on the
            # server for that day stays; the runner is told rather than overwritten unseen.
            return Response(f"A check-in for {checkin.date:%A %d %B} was already saved, so the "
                            "one kept on this phone was not sent. Open the check-in to change "
                            "it.", status_code=409, media_type="text/plain")
        checkins.save_checkin(db, actor, checkin)
        sleep = fuel.short_sleep(db, actor, actor.id, checkin.sleep_hours)
    today = clock.today(actor.timezone)
    target = "/today#verdict" if checkin.date == today else f"/checkin?day={checkin.date}"
    message = f"Check-in for {checkin.date:%A %d %B} saved."
    if sleep is not None:  # after a short night, the sleep guidance comes with the confirmation
        message += f" {sleep.headline}. {sleep.points[0]}"
    return core.redirect(target, message)
