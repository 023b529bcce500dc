"""Turn HTML form fields into the plain data the services validate."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from yolvarex.domain.units import celsius_from

LIST_FIELDS = ("symptoms", "red_flags")
BOOL_FIELDS = ("pain_changes_gait", "pain_at_rest", "pain_at_night", "pain_on_hop")
SKIP = {"csrf_token", "offline"}  # `offline`: sent later by the page (web/routes/checkin.py)
ASKED, SHARP = "pain_signs_asked", "pain_sharp"
#: The temperature typed in °F by a runner who chose imperial units (stored in °C).
FAHRENHEIT = "temperature_f"


def checkin_data(form: FormData) -> dict[str, Any]:
    """Empty fields are left out (unknown), lists come from repeated fields, yes/no become
    booleans, a temperature in °F becomes °C (the check-in is validated in °C)."""
    data: dict[str, Any] = {}
    for key in set(form.keys()) - SKIP - {ASKED, SHARP}:
        if key in LIST_FIELDS:
            data[key] = [v for v in form.getlist(key) if isinstance(v, str) and v]
            continue
        value = form.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        if key == "sore_areas":
            data[key] = [a.strip().lower() for a in value.split(",") if a.strip()]
        elif key in BOOL_FIELDS:
            data[key] = {"yes": True, "no": False}.get(value, value)
        elif key == FAHRENHEIT:
            try:
                data["temperature_c"] = celsius_from(float(value), "imperial")
            except ValueError:  # not a number: the check-in's validation says so
                data["temperature_c"] = value
        else:
            data[key] = value
    if form.get(SHARP) == "yes":
        data["pain_kind"] = "sharp"
    if form.get(ASKED) == "yes":
        for key in BOOL_FIELDS:
            data.setdefault(key, False)
    return data
