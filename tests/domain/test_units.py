"""Numbers as a runner reads them: one formatter each for distance, weight and time."""

from __future__ import annotations

import pytest

from yolvarex.domain import units


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (45, "45 s"), (59.6, "1 min"), (450, "7 min 30 s"), (582, "9 min 42 s"),
    (3120, "52 min"), (3900, "1 h 5 min"), (7200, "2 h"), (None, "")])
def test_a_time_is_written_one_way(seconds: float | None, text: str) -> None:
    assert units.duration(seconds) == text


def test_minutes_are_written_like_any_other_time() -> None:
    assert units.minutes(7.5) == "7 min 30 s"  # never "7.5 min"
    assert units.minutes(None) == ""


def test_distances_in_km_or_miles() -> None:
    assert units.distance(10, "metric") == "10.0 km"
    assert units.distance(10, "imperial") == "6.2 mi"
    assert units.distance(42.195, "imperial", 2) == "26.22 mi"
    assert units.distance(None, "imperial") == ""
    assert units.km_from(1, "imperial") == pytest.approx(1.609344)
    assert units.km_from(5, "metric") == 5


def test_weights_in_kg_or_lb_to_the_half_unit() -> None:
    assert units.weight(12.5, "metric") == "12.5 kg"
    assert units.weight(10, "imperial") == "22 lb"
    assert units.weight(70, "imperial") == "154.5 lb"
    assert units.kg_from(154, "imperial") == pytest.approx(69.85, abs=0.01)


def test_an_unknown_preference_is_metric() -> None:
    assert units.units_of("imperial") == "imperial"
    assert units.units_of(None) == units.units_of("furlongs") == "metric"


def test_pace_per_km_or_per_mile() -> None:
    assert units.pace(347, "metric") == "5:47 /km"
    assert units.pace(347, "imperial") == "9:18 /mi"
    assert units.pace(None, "metric") == ""



def test_body_temperature_in_celsius_or_fahrenheit() -> None:
    assert units.temperature(38.0, "metric") == "38 °C"
    assert units.temperature(38.0, "imperial") == "100.4 °F"
    assert units.temperature(None, "imperial") == ""
    assert units.celsius_from(100.4, "imperial") == 38.0  # the fever line, both ways
    assert units.celsius_from(98.2, "imperial") == 36.78
    assert units.temperature_value(units.celsius_from(98.2, "imperial"), "imperial") == 98.2
    assert units.celsius_from(36.8, "metric") == 36.8


def test_a_dose_carries_its_load_in_the_runners_unit() -> None:
    from yolvarex.domain.plan.describe import dose
    from yolvarex.domain.plan.model import Prescription

    p = Prescription("goblet-squat", 3, (8, 12), None, False, None, 90, 7, load_kg=10)
    assert dose(p) == "3 x 8-12, 10 kg, 90 s rest, effort 7/10"
    assert dose(p, "imperial") == "3 x 8-12, 22 lb, 90 s rest, effort 7/10"


def test_the_checkin_temperature_range_follows_the_unit() -> None:
    from yolvarex.domain.checkin import temperature_range

    assert (temperature_range("metric").low, temperature_range("metric").unit) == (30, "°C")
    f = temperature_range("imperial")
    assert (f.low, f.high, f.unit, f.label) == (86.0, 113.0, "°F", "Temperature")
