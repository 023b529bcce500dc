"""The documented shapes of fuel and sleep guidance: after a session or a short night, and for
one run (the same advice with the run's numbers). The documents come from `FuelAdvice.as_dict`
and `RunFuelAdvice.as_dict`, the one serializer of each."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

Grams = list[int]  # [low, high]


class _Advice(BaseModel):
    occasion: str
    headline: str
    points: list[str]
    protein_per_day_g: Grams | None = Field(description="[low, high]; null without a body weight.")
    protein_serving_g: Grams
    carbohydrate_per_day_g: Grams | None
    sleep_hours: list[int] = Field(description="[low, high]")
    evidence: list[str]
    warning: str | None = Field(description="Signs that need a professional, read first.")
    disclaimer: str


class RunFuelOut(BaseModel):
    minutes: int
    band: Literal["short", "hard_hour", "steady", "long"]
    before_carbohydrate_g: Grams | None
    during_carbohydrate_g_per_hour: Grams | None
    after_carbohydrate_g_per_hour: Grams | None
    again_within_8_hours: bool


class FuelAdviceOut(_Advice):
    occasion: Literal["strength", "hard", "short_sleep", "week"]


class RunFuelAdviceOut(_Advice):
    occasion: Literal["run"]
    run: RunFuelOut


class FuelOut(BaseModel):
    advice: Annotated[RunFuelAdviceOut | FuelAdviceOut, Field(discriminator="occasion")] | None = \
        Field(description="null when there is nothing to say (a full night's sleep).")
    message: str | None = Field(description="What to say instead when there is no advice.")
