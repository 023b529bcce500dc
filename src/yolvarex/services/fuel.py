"""Fuel and sleep guidance for a runner: the pure rules of `domain.fuel` with their body weight
(an optional profile setting, `body_weight_kg`) so grams can be shown. Faces call these and
render the typed `FuelAdvice`; the weekly summary calls `week_fuel`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from yolvarex.domain.fuel import (
    HARD_RUN_TYPES,
    FuelAdvice,
    FuelOccasion,
    after_session,
    after_short_sleep,
    for_week,
)
from yolvarex.domain.fuel_run import RUN_MINUTES, RunFuelAdvice
from yolvarex.domain.fuel_run import for_run as _for_run
from yolvarex.errors import Invalid
from yolvarex.services.athlete import body_weight_kg
from yolvarex.store.access import Actor, scope

__all__ = ["ASKED", "FuelAdvice", "FuelOccasion", "RunFuelAdvice", "after_hard_run",
           "after_logged", "after_strength", "answer", "asked", "for_run", "short_sleep",
           "week_fuel"]

#: What a runner can ask about, in `GET /fuel?after=` and `yolvarex fuel AFTER`.
ASKED = ("strength", "hard-run", "short-sleep", "run")


def _weight(db: Session, actor: Actor, athlete_id: int) -> float | None:
    return body_weight_kg(db, scope(db, actor, athlete_id).athlete_id)


def after_strength(db: Session, actor: Actor, athlete_id: int) -> FuelAdvice:
    return after_session(FuelOccasion.STRENGTH, _weight(db, actor, athlete_id))


def after_hard_run(db: Session, actor: Actor, athlete_id: int) -> FuelAdvice:
    return after_session(FuelOccasion.HARD, _weight(db, actor, athlete_id))


def after_logged(db: Session, actor: Actor, athlete_id: int, sport: str,
                 run_type: str | None) -> FuelAdvice | None:
    """Guidance after a logged session that warrants it: a strength session, or a long, tempo,
    speed or race run; None after an easy run or other cross-training."""
    if sport == "strength":
        return after_strength(db, actor, athlete_id)
    if sport == "running" and run_type in HARD_RUN_TYPES:
        return after_hard_run(db, actor, athlete_id)
    return None


def short_sleep(db: Session, actor: Actor, athlete_id: int, hours: float | None) -> FuelAdvice | None:
    """Sleep guidance when last night was under 7 hours; None when it was not, or not given."""
    if hours is None:
        return None
    return after_short_sleep(hours, _weight(db, actor, athlete_id))


def week_fuel(db: Session, actor: Actor, athlete_id: int, hard_days: int, strength_days: int,
              short_nights: int = 0) -> FuelAdvice:
    """The week's guidance: protein in grams when the weight is known, what to eat after the
    week's strength sessions and on its hard days, and sleep."""
    return for_week(_weight(db, actor, athlete_id), hard_days, strength_days, short_nights)


def for_run(db: Session, actor: Actor, athlete_id: int, minutes: int,
            again_soon: bool = False) -> RunFuelAdvice:
    """Before, during and after a run of `minutes` (grams once the weight is known);
    `again_soon`: another hard session within about 8 hours."""
    low, high = RUN_MINUTES
    if not low <= minutes <= high:
        raise Invalid(f"A run of {minutes} minutes: give its length as {low}-{high} minutes.")
    return _for_run(minutes, _weight(db, actor, athlete_id), again_soon)


def asked(db: Session, actor: Actor, athlete_id: int, after: str, *, hours: float = 6.0,
          minutes: int = 90, again_soon: bool = False) -> FuelAdvice | RunFuelAdvice | None:
    """The guidance for one of `ASKED`: after a strength session or a hard run, after a night
    of `hours`, or for a run of `minutes`. None after a full night."""
    if after == "run":
        return for_run(db, actor, athlete_id, minutes, again_soon)
    if after == "strength":
        return after_strength(db, actor, athlete_id)
    if after == "hard-run":
        return after_hard_run(db, actor, athlete_id)
    if after == "short-sleep":
        return short_sleep(db, actor, athlete_id, hours)
    raise Invalid(f"Ask about one of: {', '.join(ASKED)}.")


def answer(advice: FuelAdvice | RunFuelAdvice | None, hours: float) -> dict[str, Any]:
    """The one JSON answer of `asked` (the API's and `yolvarex fuel --json`'s)."""
    if advice is None:
        return {"advice": None,
                "message": f"{hours:g} hours is a full night: keep aiming for 7-9 hours."}
    return {"advice": advice.as_dict(), "message": None}
