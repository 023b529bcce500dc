"""Rules that must hold for every possible day (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.trees_support import DAY, engine
from yolvarex.domain.facts import CATALOG, Facts, FactSpec, FactType
from yolvarex.domain.verdict import Verdict

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RED_FLAGS = CATALOG["red_flags"].choices
SYMPTOMS = CATALOG["symptoms"].choices
WIDE = {"strain": 20000.0, "days_since_rest": 30, "soreness_days": 20, "symptom_free_days": 40,
        "acwr": 4.0, "monotony": 6.0, "strain_vs_usual": 4.0, "resting_hr_delta": 30.0}


def _value(spec: FactSpec) -> st.SearchStrategy[Any]:
    if spec.type is FactType.INTEGER:
        return st.integers(int(spec.low or 0), int(min(spec.high or 0, WIDE.get(spec.name, 1e9))))
    if spec.type is FactType.NUMBER:
        low = spec.low or 0.0
        if spec.name == "resting_hr_delta":
            low = -30.0
        if spec.name.startswith("hrv_ln"):
            return st.floats(3.0, 5.5, allow_nan=False)
        return st.floats(low, min(spec.high or 0.0, WIDE.get(spec.name, 1e9)), allow_nan=False)
    if spec.type is FactType.BOOLEAN:
        return st.booleans()
    if spec.type is FactType.CHOICE:
        return st.sampled_from(spec.choices)
    if spec.type is FactType.CHOICES:
        return st.lists(st.sampled_from(spec.choices), unique=True, max_size=4).map(tuple)
    if spec.type is FactType.TEXT:
        return st.sampled_from(["calf", "knee", "shin"])
    return st.lists(st.sampled_from(["calves", "quads"]), unique=True).map(tuple)


@st.composite
def facts_values(draw: st.DrawFn) -> dict[str, Any]:
    values = {}
    for name, spec in CATALOG.items():
        if draw(st.booleans()):
            values[name] = draw(_value(spec))
    return values


def rank(values: dict[str, Any]) -> int:
    return engine().decide(Facts(DAY, values)).verdict.rank


@SETTINGS
@given(facts_values(), st.lists(st.sampled_from(RED_FLAGS), min_size=1, unique=True))
def test_any_red_flag_means_see_a_professional(values: dict[str, Any], flags: list[str]) -> None:
    values["red_flags"] = tuple(flags)
    assert engine().decide(Facts(DAY, values)).verdict is Verdict.SEE_PROFESSIONAL


@SETTINGS
@given(facts_values(), st.one_of(st.just(None), st.floats(38.0, 42.0)))
def test_fever_means_at_least_rest(values: dict[str, Any], temperature: float | None) -> None:
    if temperature is None:
        values["symptoms"] = tuple(sorted(set(values.get("symptoms", ())) | {"fever"}))
    else:
        values["temperature_c"] = temperature
    assert rank(values) >= Verdict.REST.rank


@SETTINGS
@given(facts_values(), st.lists(st.sampled_from(SYMPTOMS), unique=True),
       st.lists(st.sampled_from(SYMPTOMS), min_size=1, unique=True))
def test_adding_symptoms_never_lowers_the_verdict(values: dict[str, Any], before: list[str],
                                                  added: list[str]) -> None:
    values["symptoms"] = tuple(before)
    low = rank(values)
    values["symptoms"] = tuple(sorted(set(before) | set(added)))
    assert rank(values) >= low


@SETTINGS
@given(facts_values(), st.integers(0, 10), st.integers(0, 10))
def test_raising_pain_never_lowers_the_verdict(values: dict[str, Any], a: int, b: int) -> None:
    values["pain"] = min(a, b)
    low = rank(values)
    values["pain"] = max(a, b)
    assert rank(values) >= low


@SETTINGS
@given(facts_values(), st.lists(st.sampled_from(RED_FLAGS), unique=True),
       st.lists(st.sampled_from(RED_FLAGS), min_size=1, unique=True))
def test_adding_red_flags_never_lowers_the_verdict(values: dict[str, Any], before: list[str],
                                                   added: list[str]) -> None:
    values["red_flags"] = tuple(before)
    low = rank(values)
    values["red_flags"] = tuple(sorted(set(before) | set(added)))
    assert rank(values) >= low


def benign(name: str, values: dict[str, Any]) -> Any:
    """A reassuring known value for a fact, given the others."""
    if name == "hrv_ln_mean_7d":
        return values["hrv_ln_normal_low"] + 0.1 if "hrv_ln_normal_low" in values else 4.2
    if name == "hrv_ln_normal_low":
        return values["hrv_ln_mean_7d"] - 0.1 if "hrv_ln_mean_7d" in values else 4.0
    if name == "hrv_ln_normal_high":
        return values["hrv_ln_mean_7d"] + 0.1 if "hrv_ln_mean_7d" in values else 4.4
    return {
        "sleep_hours": 8.0, "sleep_quality": 4, "soreness": 0, "sore_areas": (), "pain": 0,
        "pain_area": "calf", "pain_kind": "dull", "pain_trend_in_run": "better",
        "pain_changes_gait": False, "pain_at_rest": False, "pain_at_night": False,
        "pain_on_hop": False, "pain_next_morning": "settled", "symptoms": (),
        "temperature_c": 36.7, "mood": 4, "stress": 2, "motivation": 4, "resting_hr": 50,
        "hrv_rmssd": 70.0, "red_flags": (), "resting_hr_baseline": 50.0, "resting_hr_delta": 0.0,
        "short_sleep_nights_3d": 0, "soreness_days": 0, "days_since_rest": 0, "acwr": 1.0,
        "monotony": 1.0, "strain": 1000.0, "strain_vs_usual": 1.0, "performance_trend": "stable",
        "symptom_free_days": 30, "carried_symptoms": (), "planned": "easy",
    }[name]


@SETTINGS
@given(facts_values(), st.sampled_from(sorted(CATALOG)))
def test_unknown_is_never_less_careful_than_a_reassuring_value(values: dict[str, Any],
                                                              name: str) -> None:
    values.pop(name, None)
    unknown = rank(values)
    known = rank({**values, name: benign(name, values)})
    assert unknown >= known


def test_the_benign_values_are_really_benign() -> None:
    """Guard for the property above: all benign values together give `train`."""
    values: dict[str, Any] = {}
    for name in CATALOG:
        values[name] = benign(name, values)
    assert rank(values) == Verdict.TRAIN.rank
