"""What the app knows about an athlete's body from their own data: heart rates for TRIMP."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy.orm import Session

from yolvarex.domain.session_load import DEFAULT_MAX_HR, DEFAULT_REST_HR, HeartRates
from yolvarex.domain.units import UNITS, Units, units_of
from yolvarex.errors import Invalid, NotFound
from yolvarex.services.days import today_for
from yolvarex.store import models
from yolvarex.store.access import Actor, Scope, scope

if TYPE_CHECKING:
    from yolvarex.domain.run.zones import Zones

REST_HR_DAYS = 60
MAX_HR_DAYS = 365
MIN_CREDIBLE_MAX_HR = 150.0
#: Recorded maxima above this are taken as sensor errors unless the runner sets a maximum.
MAX_CREDIBLE_MAX_HR = 220.0


def athlete_heart_rates(mine: Scope, today: dt.date | None = None) -> HeartRates:
    """Resting and maximum heart rate for TRIMP, from the athlete's own data.

    - maximum: the athlete's setting `max_hr` when set; else the highest maximum heart rate of
      their activities in the year before `today`, when it is at least 150 (lower values are more
      likely easy sessions than a true maximum) and at most 220 (above is a sensor error: the
      readers already keep only a rate held for several samples, so a single spike does not
      count); else 190;
    - resting: the mean of the resting heart rates in their check-ins of the 60 days up to
      `today`; else the setting `resting_hr`; else 60;

    `today` is the day the rates are wanted for: a session's load uses the rates of its own day.
    - sex from the setting `sex` (female uses Banister's female weighting).
    """
    db = mine.db
    today = today or today_for(db, mine.athlete_id)
    user = db.get(models.User, mine.athlete_id)
    settings = (user.settings if user else None) or {}
    rest_values = [row.get("resting_hr") for row in db.scalars(mine.select(models.CheckIn.data).where(
        models.CheckIn.date >= today - dt.timedelta(days=REST_HR_DAYS),
        models.CheckIn.date <= today))]
    rests = [float(v) for v in rest_values if isinstance(v, int | float)]
    setting = settings.get("resting_hr")
    rest = sum(rests) / len(rests) if rests else (
        float(setting) if isinstance(setting, int | float) else DEFAULT_REST_HR)
    max_hr = settings.get("max_hr")
    if not isinstance(max_hr, int | float):
        seen = db.scalar(mine.select(func.max(models.Activity.max_hr), model=models.Activity).where(
            models.Activity.day >= today - dt.timedelta(days=MAX_HR_DAYS), models.Activity.day < today,
            models.Activity.max_hr <= MAX_CREDIBLE_MAX_HR))
        max_hr = seen if seen and seen >= MIN_CREDIBLE_MAX_HR else DEFAULT_MAX_HR
    if float(max_hr) <= rest:
        max_hr = DEFAULT_MAX_HR
    return HeartRates(rest=rest, max=float(max_hr), female=settings.get("sex") == "female")


#: Body settings a runner may type: (lowest, highest, unit words); blank removes the setting.
BODY_FIELDS: dict[str, tuple[int, int, str]] = {
    "max_hr": (120, 230, "beats per minute"), "resting_hr": (30, 110, "beats per minute"),
    "body_weight_kg": (30, 250, "kilograms")}
SEXES = ("female", "male")
#: Preferences that are not numbers: how numbers are shown, whether the watch records running
#: dynamics (cadence, ground contact, vertical oscillation) so form analysis can be offered.
PREFERENCES = ("units", "running_dynamics")


def _user(db: Session, actor_id: int) -> models.User:
    user = db.get(models.User, actor_id)
    if user is None:
        raise NotFound("no such user")
    return user


def save_body_settings(db: Session, actor_id: int,
                       values: dict[str, str | float | None]) -> dict[str, object]:
    """Store the athlete's own maximum and resting heart rate and sex (for TRIMP) and body
    weight; a blank value removes a setting so it is worked out from the data again (or not
    used). Only the fields given change. Every bad value is listed."""
    user = _user(db, actor_id)
    settings = dict(user.settings or {})
    problems = []
    for name, (low, high, unit) in BODY_FIELDS.items():
        if name not in values:
            continue
        raw = values.get(name)
        if raw in (None, ""):
            settings.pop(name, None)
            continue
        try:
            number = float(raw)
        except (TypeError, ValueError):
            problems.append(f"{name}: give a number of {unit}")
            continue
        if not low <= number <= high:
            problems.append(f"{name}: give a value between {low} and {high} {unit}")
        else:
            settings[name] = round(number, 2) if name == "body_weight_kg" else round(number)
    if "sex" in values:
        sex = values.get("sex")
        if sex in (None, ""):
            settings.pop("sex", None)
        elif sex in SEXES:
            settings["sex"] = sex
        else:
            problems.append("sex: choose female, male, or leave it blank")
    if problems:
        raise Invalid("Some body settings are not valid.", details=problems)
    user.settings = settings
    return {k: settings.get(k) for k in (*BODY_FIELDS, "sex")}


def save_preferences(db: Session, actor_id: int, values: dict[str, object]) -> dict[str, object]:
    """Store `units` ("metric" or "imperial") and `running_dynamics` (true or false); only the
    fields given change."""
    user = _user(db, actor_id)
    settings = dict(user.settings or {})
    problems = []
    if "units" in values:
        if values["units"] in UNITS:
            settings["units"] = values["units"]
        else:
            problems.append("units: choose metric (km, kg) or imperial (miles, lb)")
    if "running_dynamics" in values:
        flag = values["running_dynamics"]
        if isinstance(flag, str):
            flag = {"true": True, "yes": True, "1": True, "on": True,
                    "false": False, "no": False, "0": False, "": False}.get(flag.lower(), flag)
        if isinstance(flag, bool):
            settings["running_dynamics"] = flag
        else:
            problems.append("running_dynamics: answer yes or no")
    if problems:
        raise Invalid("Some preferences are not valid.", details=problems)
    user.settings = settings
    return preferences(user)


def preferences(user: models.User) -> dict[str, object]:
    """The runner's display preferences with their defaults (metric; running dynamics unknown)."""
    settings = user.settings or {}
    return {"units": units_of(settings.get("units")),
            "running_dynamics": settings.get("running_dynamics")}


def units_for(db: Session, athlete_id: int) -> Units:
    """How numbers are shown to this runner (metric unless they chose imperial)."""
    user = db.get(models.User, athlete_id)
    return units_of((user.settings or {}).get("units") if user else None)


ZONE_METHODS = ("reserve", "max", "custom")


def athlete_zones(db: Session, actor: Actor, athlete_id: int | None = None,
                  today: dt.date | None = None) -> Zones:
    """`zones_in` for the athlete a request is about (the actor's own by default)."""
    return zones_in(scope(db, actor, athlete_id), today)


def zones_in(mine: Scope, today: dt.date | None = None) -> Zones:
    """The athlete's five heart-rate zones on a day: from `athlete_heart_rates` by the method
    in their settings (`hr_zone_method`: heart-rate reserve by default, or percent of maximum),
    or the floors they set by hand (`hr_zone_floors`)."""
    from yolvarex.domain.run.zones import zones_from  # (with numpy: only when zones are asked for)

    hr = athlete_heart_rates(mine, today)
    user = mine.db.get(models.User, mine.athlete_id)
    settings = (user.settings if user else None) or {}
    method = settings.get("hr_zone_method")
    floors = settings.get("hr_zone_floors")
    custom = tuple(int(v) for v in floors) if isinstance(floors, list) and len(floors) == 5 else None
    if method == "custom" and custom is not None:
        return zones_from(hr.rest, hr.max, "custom", custom)
    return zones_from(hr.rest, hr.max, "max" if method == "max" else "reserve")


def save_zone_settings(db: Session, actor_id: int, method: str,
                       floors: list[int | float | str] | None = None) -> dict[str, object]:
    """Store how the athlete's zones are cut: "reserve", "max", or "custom" with five rising
    floors (beats per minute) for zones 1-5."""
    user = db.get(models.User, actor_id)
    if user is None:
        raise NotFound("no such user")
    if method not in ZONE_METHODS:
        raise Invalid("Choose how to set your zones.",
                      details=["method: choose reserve, max or custom"])
    settings = dict(user.settings or {})
    settings["hr_zone_method"] = method
    if method == "custom":
        try:
            values = [round(float(v)) for v in (floors or [])]
        except (TypeError, ValueError):
            values = []
        if len(values) != 5 or any(not 40 <= v <= 230 for v in values) or \
                any(b <= a for a, b in itertools.pairwise(values)):
            raise Invalid("Zones set by hand need five rising floors.",
                          details=["floors: give five numbers of beats per minute between 40 and "
                                   "230, each higher than the one before (zone 1 to zone 5)"])
        settings["hr_zone_floors"] = values
    user.settings = settings
    return {"method": method, "floors": settings.get("hr_zone_floors")}


def body_weight_kg(db: Session, athlete_id: int) -> float | None:
    """The athlete's own body weight in kg, when they gave it."""
    user = db.get(models.User, athlete_id)
    value = (user.settings or {}).get("body_weight_kg") if user is not None else None
    return float(value) if isinstance(value, int | float) else None
