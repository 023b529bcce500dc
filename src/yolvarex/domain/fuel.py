"""Fuel and sleep guidance after training and after short nights: protein, carbohydrate and
sleep ranges from published position statements, turned into grams when the runner gave a body
weight. Guidance, not a meal plan. Pure: no database, no web.

Sources (evidence ids): protein 1.2-2.0 g/kg a day with some soon after training and
carbohydrate by the day's training (`thomas-2016`); 1.4-2.0 g/kg and servings of 20-40 g every
few hours, one around training (`jager-2017`); 7-9 hours of sleep (`hirshkowitz-2015`,
`watson-2015`); one short night lowers the next day's performance (`craven-2022`). The daily
protein band of 1.2-1.6 g/kg is our convention for runners: inside the position statements'
ranges, at their lower end, as endurance runners are not trying to add muscle mass.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PROTEIN_G_PER_KG_DAY = (1.2, 1.6)
PROTEIN_G_PER_KG_SERVING = (0.25, 0.3)
PROTEIN_G_SERVING = (20, 40)  # when no body weight is known
CARBOHYDRATE_G_PER_KG = {"light": (3, 5), "hour": (5, 7), "long": (6, 10)}
SLEEP_HOURS = (7, 9)
SHORT_NIGHT_HOURS = 7.0  # under the lower end of the adult recommendation
#: Runs after which carbohydrate and protein guidance is worth showing.
HARD_RUN_TYPES = frozenset({"long", "tempo", "speed", "race"})
DISCLAIMER = ("Guidance, not a meal plan. With a medical condition, an eating disorder or "
              "special needs, see a doctor or a registered dietitian.")


class FuelOccasion(StrEnum):
    STRENGTH = "strength"  # after a strength session
    HARD = "hard"  # after a speed, tempo or long run
    SHORT_SLEEP = "short_sleep"  # after a night under 7 hours
    WEEK = "week"  # the week's overview
    RUN = "run"  # before, during and after one run (`domain.fuel_run`)


@dataclass(frozen=True)
class Grams:
    low: int
    high: int

    def __str__(self) -> str:
        return f"{self.low}-{self.high} g"


@dataclass(frozen=True)
class FuelAdvice:
    occasion: FuelOccasion
    headline: str
    points: tuple[str, ...]
    protein_per_day: Grams | None  # None without a body weight
    protein_serving: Grams
    carbohydrate_per_day: Grams | None  # None without a body weight or when not relevant
    sleep_hours: tuple[int, int]
    evidence: tuple[str, ...]
    disclaimer: str = DISCLAIMER
    warning: str | None = None  # signs that need a professional, shown before the points

    def as_dict(self) -> dict[str, object]:
        return {"occasion": self.occasion.value, "headline": self.headline,
                "points": list(self.points),
                "protein_per_day_g": _pair(self.protein_per_day),
                "protein_serving_g": _pair(self.protein_serving),
                "carbohydrate_per_day_g": _pair(self.carbohydrate_per_day),
                "sleep_hours": list(self.sleep_hours), "evidence": list(self.evidence),
                "warning": self.warning, "disclaimer": self.disclaimer}


def _pair(g: Grams | None) -> list[int] | None:
    return [g.low, g.high] if g else None


def grams(per_kg: tuple[float, float], weight_kg: float | None) -> Grams | None:
    if weight_kg is None:
        return None
    return Grams(round(per_kg[0] * weight_kg), round(per_kg[1] * weight_kg))


def serving(weight_kg: float | None) -> Grams:
    if weight_kg is None:
        return Grams(*PROTEIN_G_SERVING)
    per_kg = grams(PROTEIN_G_PER_KG_SERVING, weight_kg) or Grams(*PROTEIN_G_SERVING)
    return Grams(max(15, per_kg.low), max(20, per_kg.high))


def protein_line(weight_kg: float | None) -> str:
    day = grams(PROTEIN_G_PER_KG_DAY, weight_kg)
    if day is None:
        return ("Across the day, aim for about 1.2-1.6 g of protein per kg of body weight; add "
                "your weight on the Account page to see it in grams.")
    return f"Across the day, aim for about {day} of protein (1.2-1.6 g per kg)."


def after_session(kind: FuelOccasion, weight_kg: float | None = None) -> FuelAdvice:
    """What to eat after a strength session or a hard or long run."""
    protein = serving(weight_kg)
    if kind is FuelOccasion.STRENGTH:
        carbs = grams(CARBOHYDRATE_G_PER_KG["light"], weight_kg)
        points = (f"Have a meal or snack with about {protein} of protein in the next couple of "
                  "hours: milk, yogurt, eggs, fish, meat, tofu or beans all count.",
                  protein_line(weight_kg),
                  "Spread the rest over your meals, a serving every few hours, rather than "
                  "in one large portion.",
                  "On a day with a run as well, eat carbohydrate with that meal too: rice, "
                  "bread, potatoes, pasta or fruit.")
        headline = "Fuel the repair: protein after your strength session"
    else:
        carbs = grams(CARBOHYDRATE_G_PER_KG["hour"], weight_kg)
        points = ("Eat a meal with carbohydrate and protein in the next couple of hours, to "
                  "refill your muscles' fuel and start the repair.",
                  ("On a day like this, carbohydrate of about "
                   f"{carbs} (5-7 g per kg) covers an hour or so of hard running; a long run "
                   "of one to three hours needs more, about 6-10 g per kg.") if carbs else
                  ("Carbohydrate should rise with the day's training: about 5-7 g per kg of "
                   "body weight for an hour or so of hard running, more for a long run."),
                  f"Include about {protein} of protein in that meal.",
                  protein_line(weight_kg))
        headline = "Refuel after a hard run: carbohydrate and protein"
    return FuelAdvice(kind, headline, points, grams(PROTEIN_G_PER_KG_DAY, weight_kg), protein,
                      carbs, SLEEP_HOURS, ("thomas-2016", "jager-2017"))


def after_short_sleep(hours: float, weight_kg: float | None = None) -> FuelAdvice | None:
    """Sleep guidance after a night under 7 hours; None after a full night."""
    if hours >= SHORT_NIGHT_HOURS:
        return None
    points = (f"You slept {hours:g} hours. Adults are advised to sleep 7-9 hours, and one short "
              "night lowers the next day's performance in hard and long sessions.",
              "Tonight, go to bed early enough to give yourself a full 7-9 hours.",
              "Keep today's training easy if the readiness check says so, and eat regular "
              "meals: a short night is not a reason to skip them.")
    return FuelAdvice(FuelOccasion.SHORT_SLEEP, "Sleep tonight: aim for 7-9 hours", points,
                      grams(PROTEIN_G_PER_KG_DAY, weight_kg), serving(weight_kg), None,
                      SLEEP_HOURS, ("hirshkowitz-2015", "watson-2015", "craven-2022"))


def for_week(weight_kg: float | None, hard_days: int, strength_days: int,
             short_nights: int = 0) -> FuelAdvice:
    """The week's fuel and sleep in a few lines, for the weekly summary."""
    points = [protein_line(weight_kg)]
    if strength_days:
        points.append(f"After each of your {strength_days} strength session"
                      f"{'s' if strength_days != 1 else ''}, have about {serving(weight_kg)} "
                      "of protein within a couple of hours.")
    if hard_days:
        points.append(f"On your {hard_days} hard or long run day{'s' if hard_days != 1 else ''}, "
                      "eat more carbohydrate than on easy days (about 5-7 g per kg for an hour "
                      "of hard running, 6-10 g per kg for one to three hours).")
    if short_nights:
        points.append(f"You had {short_nights} night{'s' if short_nights != 1 else ''} under 7 "
                      "hours; aim for 7-9 hours, it is when training turns into fitness.")
    else:
        points.append("Keep aiming for 7-9 hours of sleep a night.")
    carbs = grams(CARBOHYDRATE_G_PER_KG["hour"], weight_kg) if hard_days else None
    return FuelAdvice(FuelOccasion.WEEK, "Fuel and sleep this week", tuple(points),
                      grams(PROTEIN_G_PER_KG_DAY, weight_kg), serving(weight_kg), carbs,
                      SLEEP_HOURS, ("thomas-2016", "jager-2017", "hirshkowitz-2015"))
