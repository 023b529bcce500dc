"""Fuel for one run: before, during (in grams an hour) and after, by how long the run is.

Sources (evidence ids): the carbohydrate amounts around a session are the joint position
statement's (`thomas-2016`): 1-4 g per kg in the 1-4 hours before a session of more than an
hour; nothing needed during one under about 45 minutes, small amounts or a mouth rinse in a
hard one of 45-75 minutes, 30-60 g an hour for 1-2.5 hours and up to 90 g an hour beyond that;
1.0-1.2 g per kg an hour for the first four hours when the next hard session comes within
about 8 hours. Protein after is `jager-2017`'s serving (see `domain.fuel`). The warning signs
of eating too little for the training (low energy availability, REDs) are `mountjoy-2023`'s.
Which band a run falls in is decided here once (`run_band`); faces render the result.
Pure: no database, no web.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from yolvarex.domain.fuel import (
    PROTEIN_G_PER_KG_DAY,
    SLEEP_HOURS,
    FuelAdvice,
    FuelOccasion,
    Grams,
    grams,
    protein_line,
    serving,
)

BEFORE_G_PER_KG = (1, 4)  # in the 1-4 hours before a run of more than an hour
BEFORE_FROM_MIN = 60
RINSE_FROM_MIN = 45  # below this, nothing is needed during the run
STEADY_FROM_MIN = 75  # from here, 30-60 g an hour
LONG_FROM_MIN = 150  # beyond about 2.5 hours, up to 90 g an hour
DURING_G_PER_HOUR = {"steady": (30, 60), "long": (30, 90)}
QUICK_REFUEL_G_PER_KG_HOUR = (1.0, 1.2)  # for 4 hours, when the next hard session is soon
QUICK_REFUEL_HOURS = 8
RUN_MINUTES = (10, 600)
WARNING = ("See a doctor or a sports dietitian if your periods have stopped or become "
           "irregular, you have had a bone stress injury, you are ill often, or you are losing "
           "weight or getting slower without trying: these can be signs of eating too little "
           "for your training (relative energy deficiency in sport, REDs).")
EVIDENCE = ("thomas-2016", "jager-2017", "mountjoy-2023")


class RunBand(StrEnum):
    SHORT = "short"  # under 45 minutes: nothing needed during
    HARD_HOUR = "hard_hour"  # 45-75 minutes: a little, or a mouth rinse, if it is hard
    STEADY = "steady"  # 75-150 minutes: 30-60 g an hour
    LONG = "long"  # 150 minutes or more: up to 90 g an hour


def run_band(minutes: int) -> RunBand:
    if minutes < RINSE_FROM_MIN:
        return RunBand.SHORT
    if minutes < STEADY_FROM_MIN:
        return RunBand.HARD_HOUR
    if minutes < LONG_FROM_MIN:
        return RunBand.STEADY
    return RunBand.LONG


@dataclass(frozen=True)
class RunFuel:
    """The numbers behind a run's guidance; None where they do not apply or need a weight."""

    minutes: int
    band: RunBand
    before_carbohydrate: Grams | None  # over an hour, with a body weight
    during_g_per_hour: tuple[int, int] | None  # 75 minutes or more
    after_carbohydrate_per_hour: Grams | None  # next hard session soon, with a body weight
    again_soon: bool

    def as_dict(self) -> dict[str, object]:
        def pair(g: Grams | None) -> list[int] | None:
            return [g.low, g.high] if g else None

        return {"minutes": self.minutes, "band": self.band.value,
                "before_carbohydrate_g": pair(self.before_carbohydrate),
                "during_carbohydrate_g_per_hour": (list(self.during_g_per_hour)
                                                   if self.during_g_per_hour else None),
                "after_carbohydrate_g_per_hour": pair(self.after_carbohydrate_per_hour),
                "again_within_8_hours": self.again_soon}


def _before(minutes: int, weight_kg: float | None) -> tuple[str, Grams | None]:
    if minutes <= BEFORE_FROM_MIN:
        return ("Before: your usual meals are enough for a run of an hour or less; if you run "
                "soon after waking, a small snack you know sits well is fine (our convention)."), None
    carbs = grams(BEFORE_G_PER_KG, weight_kg)
    amount = f"about {carbs}" if carbs else "about 1-4 g per kg of body weight"
    return (f"Before: in the 1-4 hours before, eat {amount} of carbohydrate: rice, bread, "
            "oats, potatoes, pasta or fruit."), carbs


def _during(band: RunBand) -> tuple[str, tuple[int, int] | None]:
    if band is RunBand.SHORT:
        return "During: you do not need to eat on a run this short; drink if you are thirsty.", None
    if band is RunBand.HARD_HOUR:
        return ("During: an easy run this long needs no food; in a hard one, a little sports "
                "drink, or rinsing it round your mouth, can help."), None
    if band is RunBand.STEADY:
        low, high = DURING_G_PER_HOUR["steady"]
        return (f"During: take {low}-{high} g of carbohydrate an hour, in small amounts "
                "through the run: a gel, a sports drink or a few sweets."), (low, high)
    low, high = DURING_G_PER_HOUR["long"]
    return (f"During: take {low}-60 g of carbohydrate an hour, rising toward {high} g an hour on "
            "runs beyond about two and a half hours, from products that mix glucose and "
            "fructose. Practice it on long training runs before a race (our convention)."), (low, high)


def _after(weight_kg: float | None, again_soon: bool) -> tuple[str, Grams | None]:
    protein = serving(weight_kg)
    if again_soon:
        per_hour = grams(QUICK_REFUEL_G_PER_KG_HOUR, weight_kg)
        amount = f"about {per_hour}" if per_hour else "about 1.0-1.2 g per kg of body weight"
        return (f"After: with another hard session within {QUICK_REFUEL_HOURS} hours, eat "
                f"{amount} of carbohydrate an hour for the first four hours, with about "
                f"{protein} of protein."), per_hour
    return (f"After: a meal with carbohydrate and about {protein} of protein in the next couple "
            "of hours refills your fuel and starts the repair."), None


@dataclass(frozen=True)
class RunFuelAdvice:
    """What a runner reads (`advice`, rendered like all fuel guidance) and its numbers."""

    advice: FuelAdvice
    run: RunFuel

    def as_dict(self) -> dict[str, object]:
        return {**self.advice.as_dict(), "run": self.run.as_dict()}


def for_run(minutes: int, weight_kg: float | None = None,
            again_soon: bool = False) -> RunFuelAdvice:
    """Guidance for a run of `minutes`: before, during and after, and the warning signs of
    eating too little for the training. `again_soon`: another hard session within 8 hours."""
    low, high = RUN_MINUTES
    if not low <= minutes <= high:
        raise ValueError(f"a run of {minutes} minutes: give {low}-{high} minutes")
    band = run_band(minutes)
    before, before_g = _before(minutes, weight_kg)
    during, during_g = _during(band)
    after, after_g = _after(weight_kg, again_soon)
    numbers = RunFuel(minutes, band, before_g, during_g, after_g, again_soon)
    points = (before, during, after, protein_line(weight_kg))
    advice = FuelAdvice(FuelOccasion.RUN, f"Fuel for a {minutes}-minute run", points,
                        grams(PROTEIN_G_PER_KG_DAY, weight_kg), serving(weight_kg), None,
                        SLEEP_HOURS, EVIDENCE, warning=WARNING)
    return RunFuelAdvice(advice, numbers)
