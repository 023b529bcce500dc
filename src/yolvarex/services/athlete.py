"""What the app knows about an athlete's body from their own data: heart rates for TRIMP."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yolvarex.domain.session_load import DEFAULT_MAX_HR, DEFAULT_REST_HR, HeartRates
from yolvarex.errors import Invalid, NotFound
from yolvarex.services.days import today_for
from yolvarex.store import models

REST_HR_DAYS = 60
MAX_HR_DAYS = 365
MIN_CREDIBLE_MAX_HR = 150.0
#: Recorded maxima above this are taken as sensor errors unless the runner sets a maximum.
MAX_CREDIBLE_MAX_HR = 220.0


def athlete_heart_rates(db: Session, athlete_id: int, today: dt.date | None = None) -> HeartRates:
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
    today = today or today_for(db, athlete_id)
    user = db.get(models.User, athlete_id)
    settings = (user.settings if user else None) or {}
    rest_values = [row.get("resting_hr") for row in db.scalars(select(models.CheckIn.data).where(
        models.CheckIn.user_id == athlete_id,
        models.CheckIn.date >= today - dt.timedelta(days=REST_HR_DAYS),
        models.CheckIn.date <= today))]
    rests = [float(v) for v in rest_values if isinstance(v, int | float)]
    setting = settings.get("resting_hr")
    rest = sum(rests) / len(rests) if rests else (
        float(setting) if isinstance(setting, int | float) else DEFAULT_REST_HR)
    max_hr = settings.get("max_hr")
    if not isinstance(max_hr, int | float):
        seen = db.scalar(select(func.max(models.Activity.max_hr)).where(
            models.Activity.user_id == athlete_id,
            models.Activity.day >= today - dt.timedelta(days=MAX_HR_DAYS), models.Activity.day < today,
            models.Activity.max_hr <= MAX_CREDIBLE_MAX_HR))
        max_hr = seen if seen and seen >= MIN_CREDIBLE_MAX_HR else DEFAULT_MAX_HR
    if float(max_hr) <= rest:
        max_hr = DEFAULT_MAX_HR
    return HeartRates(rest=rest, max=float(max_hr), female=settings.get("sex") == "female")


BODY_FIELDS = {"max_hr": (120, 230), "resting_hr": (30, 110), "body_weight_kg": (30, 250)}
#: The unit each body field is given in; heart rates in beats per minute.
BODY_UNITS = {"body_weight_kg": "kg"}
SEXES = ("female", "male")


def save_body_settings(db: Session, actor_id: int,
                       values: dict[str, str | float | None]) -> dict[str, object]:
    """Store the athlete's own maximum and resting heart rate and sex (for TRIMP), and their
    optional body weight (to turn protein per kg into grams); a blank value removes a setting so
    it is worked out from the data again (or, for body weight, left out). Every bad value is
    listed."""
    user = db.get(models.User, actor_id)
    if user is None:
        raise NotFound("no such user")
    settings = dict(user.settings or {})
    problems = []
    for name, (low, high) in BODY_FIELDS.items():
        raw = values.get(name)
        if raw in (None, ""):
            settings.pop(name, None)
            continue
        unit = BODY_UNITS.get(name, "beats per minute")
        try:
            number = float(raw)
        except (TypeError, ValueError):
            problems.append(f"{name}: give a number of {unit}")
            continue
        if not low <= number <= high:
            problems.append(f"{name}: give a value between {low} and {high} {unit}")
        else:
            settings[name] = round(number, 1) if name in BODY_UNITS else round(number)
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


def body_weight_kg(db: Session, athlete_id: int) -> float | None:
    """The athlete's own body weight in kg, when they gave it."""
    user = db.get(models.User, athlete_id)
    value = (user.settings or {}).get("body_weight_kg") if user is not None else None
    return float(value) if isinstance(value, int | float) else None
