"""Numbers as a runner reads them: distances in km or miles, weights in kg or lb, times one way.

Everything is stored metric (metres, kilograms, seconds, degrees Celsius); a runner's `units`
preference ("metric" or "imperial", in `User.settings`) only changes how numbers are shown and
how typed values are read: km or miles, kg or lb, °C or °F. The API always speaks metric. Pure:
no database, no web.
"""

from __future__ import annotations

from typing import Literal

Units = Literal["metric", "imperial"]
UNITS: tuple[Units, ...] = ("metric", "imperial")
KM_PER_MILE = 1.609344
KG_PER_LB = 0.45359237


def units_of(value: object) -> Units:
    """A stored preference as a known system; anything else is metric."""
    return "imperial" if value == "imperial" else "metric"


def distance_unit(units: Units) -> str:
    return "mi" if units == "imperial" else "km"


def weight_unit(units: Units) -> str:
    return "lb" if units == "imperial" else "kg"


def distance_value(km: float, units: Units) -> float:
    """A distance in kilometres, in the runner's unit."""
    return km / KM_PER_MILE if units == "imperial" else km


def km_from(value: float, units: Units) -> float:
    """A distance the runner typed in their unit, in kilometres."""
    return value * KM_PER_MILE if units == "imperial" else value


def pace_value(seconds_per_km: float, units: Units) -> float:
    """A pace in seconds per kilometre, per the runner's unit of distance."""
    return seconds_per_km * KM_PER_MILE if units == "imperial" else seconds_per_km


def weight_value(kg: float, units: Units) -> float:
    return kg / KG_PER_LB if units == "imperial" else kg


def kg_from(value: float, units: Units) -> float:
    return value * KG_PER_LB if units == "imperial" else value


def temperature_unit(units: Units) -> str:
    return "°F" if units == "imperial" else "°C"


def temperature_value(celsius: float, units: Units) -> float:
    """A body temperature in °C, in the runner's unit (to a tenth)."""
    return round(celsius * 9 / 5 + 32, 1) if units == "imperial" else celsius


def celsius_from(value: float, units: Units) -> float:
    """A temperature the runner typed in their unit, in °C (to a hundredth, so 100.4 °F is
    38.0 °C and a typed value shows back as typed)."""
    return round((value - 32) * 5 / 9, 2) if units == "imperial" else value


def temperature(celsius: float | None, units: Units) -> str:
    """`38.2 °C` or `100.8 °F`; no temperature is an empty string."""
    if celsius is None:
        return ""
    return f"{temperature_value(celsius, units):g} {temperature_unit(units)}"


def distance(km: float | None, units: Units, decimals: int = 1) -> str:
    """`12.3 km` or `7.6 mi`; no distance is an empty string."""
    if km is None:
        return ""
    return f"{distance_value(km, units):.{decimals}f} {distance_unit(units)}"


def weight(kg: float | None, units: Units) -> str:
    """`12.5 kg` or `27.5 lb` (to the half unit, the steps plates and dumbbells come in)."""
    if kg is None:
        return ""
    value = round(weight_value(kg, units) * 2) / 2
    return f"{value:g} {weight_unit(units)}"


def pace(seconds_per_km: float | None, units: Units) -> str:
    """`5:47 /km` or `9:18 /mi`; no pace is an empty string."""
    if not seconds_per_km:
        return ""
    total = round(seconds_per_km * KM_PER_MILE if units == "imperial" else seconds_per_km)
    return f"{total // 60}:{total % 60:02d} /{distance_unit(units)}"


def duration(seconds: float | None) -> str:
    """A time written one way everywhere: `45 s`, `7 min 30 s`, `52 min`, `1 h 5 min` (whole
    seconds; never `7.5 min`)."""
    if seconds is None:
        return ""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    if mins:
        return f"{mins} min {secs} s" if secs else f"{mins} min"
    return f"{secs} s"


def minutes(value: float | None) -> str:
    """A duration given in minutes, written like `duration`."""
    return "" if value is None else duration(value * 60)
