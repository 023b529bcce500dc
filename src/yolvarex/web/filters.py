"""Every Jinja filter and global the pages use, registered once by the app factory.

Numbers go through `domain/units.py`: a filter reads the page's `units` (the runner's
preference, put in every page's context by `core.render`) so a template writes
`{{ km|distance }}`, `{{ kg|weight }}`, `{{ prescription|dose }}` or `{{ seconds|duration }}`
and never a unit itself.
`static_url` comes from `web/assets.py`.
"""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from yolvarex.domain import units
from yolvarex.domain.plan.describe import BLOCK_TITLES, LOAD_WORDS, dose, run_day_words
from yolvarex.domain.plan.generate import format_weeks
from yolvarex.domain.plan.model import Prescription
from yolvarex.services.days import local_time
from yolvarex.services.run_text import pace_text
from yolvarex.web.assets import static_url


def _units(context: Context) -> units.Units:
    return units.units_of(context.get("units"))


@pass_context
def distance_filter(context: Context, km: float | None, decimals: int = 1) -> str:
    return units.distance(km, _units(context), decimals)


@pass_context
def metres_filter(context: Context, metres: float | None, decimals: int = 1) -> str:
    return units.distance(None if metres is None else metres / 1000, _units(context), decimals)


@pass_context
def pace_filter(context: Context, seconds_per_km: float | None) -> str:
    """A pace as m:ss per the runner's unit of distance (the unit itself is `distance_unit()`)."""
    if seconds_per_km is None:
        return pace_text(None)
    return pace_text(units.pace_value(seconds_per_km, _units(context)))


@pass_context
def weight_filter(context: Context, kg: float | None) -> str:
    return units.weight(kg, _units(context))


@pass_context
def weight_number(context: Context, kg: float | None) -> str:
    """A weight as a bare number in the runner's unit (to the half unit), for a form field."""
    if kg is None:
        return ""
    return f"{round(units.weight_value(kg, _units(context)) * 2) / 2:g}"


@pass_context
def dose_filter(context: Context, prescription: Prescription) -> str:
    """A prescription in words, its load in the runner's unit."""
    return dose(prescription, _units(context))


@pass_context
def distance_unit(context: Context) -> str:
    return units.distance_unit(_units(context))


@pass_context
def weight_unit(context: Context) -> str:
    return units.weight_unit(_units(context))


def register(env: Environment) -> None:
    """Put every filter and global on the pages' environment (called once, in `create_app`)."""
    env.filters.update(
        local_start=local_time,  # an activity's start on its own wall clock
        dose=dose_filter, run_day_words=run_day_words,
        duration=units.duration, minutes=units.minutes,
        distance=distance_filter, metres=metres_filter, weight=weight_filter,
        pace=pace_filter,
        weight_number=weight_number)
    env.globals.update(
        block_titles={k.value: v for k, v in BLOCK_TITLES.items()}, load_words=LOAD_WORDS,
        format_weeks=format_weeks, static_url=static_url,
        distance_unit=distance_unit, weight_unit=weight_unit)
