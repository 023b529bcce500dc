"""Facts: unknown is distinct from zero, and history becomes context facts."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from pydantic import ValidationError

from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import CATALOG, Context, Facts
from yolvarex.domain.history import (
    History,
    history_context,
    planned_from_run_types,
    short_sleep_nights,
    soreness_streak,
    symptom_free,
)
from yolvarex.domain.performance import RunSummary, performance_trend

DAY = dt.date(2026, 11, 25)
NAN = math.nan


def test_catalog_has_exactly_the_names_of_the_issue() -> None:
    checkin = {"sleep_hours", "sleep_quality", "soreness", "sore_areas", "pain", "pain_area",
               "pain_kind", "pain_trend_in_run", "pain_changes_gait", "pain_at_rest",
               "pain_at_night", "pain_on_hop", "pain_next_morning", "symptoms", "temperature_c",
               "mood", "stress", "motivation", "resting_hr", "hrv_rmssd", "red_flags"}
    context = {"resting_hr_baseline", "resting_hr_delta", "hrv_ln_mean_7d", "hrv_ln_normal_low",
               "hrv_ln_normal_high", "short_sleep_nights_3d", "soreness_days", "days_since_rest",
               "acwr", "monotony", "strain", "strain_vs_usual", "performance_trend", "symptom_free_days",
               "carried_symptoms", "planned"}
    assert set(CATALOG) == checkin | context
    assert set(Context.model_fields) == context
    assert CATALOG["planned"].choices == ("rest", "easy", "recovery", "speed", "tempo", "long",
                                          "race", "strength")


def test_unknown_is_absent_never_zero() -> None:
    facts = Facts.build(DAY, CheckIn(date=DAY, pain=0, symptoms=[]))
    assert facts.get("pain") == 0 and facts.known("pain")
    assert not facts.known("soreness") and facts.get("soreness") is None
    assert facts.get("symptoms") == () and facts.known("symptoms")
    assert facts.as_json()["soreness"] is None and facts.as_json()["symptoms"] == []
    no_checkin = Facts.build(DAY)
    assert not no_checkin.known("symptoms") and not no_checkin.known("red_flags")
    assert set(no_checkin.missing()) == set(CATALOG)


def test_a_checkin_of_another_day_is_ignored() -> None:
    facts = Facts.build(DAY, CheckIn(date=DAY - dt.timedelta(days=1), pain=3))
    assert not facts.known("pain")


def test_delta_comes_from_baseline_and_todays_resting_hr() -> None:
    facts = Facts.build(DAY, CheckIn(date=DAY, resting_hr=58), Context(resting_hr_baseline=51.5))
    assert facts.get("resting_hr_delta") == 6.5
    given = Facts.build(DAY, CheckIn(date=DAY, resting_hr=58),
                        Context(resting_hr_baseline=51.5, resting_hr_delta=2))
    assert given.get("resting_hr_delta") == 2


def test_context_rejects_unknown_names_and_out_of_range_values() -> None:
    with pytest.raises(ValidationError):
        Context.model_validate({"acwr_ratio": 1.2})
    with pytest.raises(ValidationError):
        Context.model_validate({"short_sleep_nights_3d": 4})
    with pytest.raises(ValidationError):
        Context.model_validate({"planned": "marathon"})
    with pytest.raises(ValueError, match="not a fact"):
        Facts(DAY, {"mystery": 1})


def test_short_sleep_counts_nights_under_six_hours() -> None:
    assert short_sleep_nights(np.array([7, 5.5, 5.9])) == 2
    assert short_sleep_nights(np.array([5, 6.0, 8])) == 1
    assert short_sleep_nights(np.array([5, NAN, 5])) == 2
    assert short_sleep_nights(np.array([5, NAN, NAN])) is None


def test_soreness_streak_ends_at_a_gap_or_a_lower_day() -> None:
    assert soreness_streak(np.array([6, 4, 5, 7, 5])) == 3
    assert soreness_streak(np.array([6, NAN, 5, 5])) == 2
    assert soreness_streak(np.array([6, 6, 3])) == 0
    assert soreness_streak(np.array([6, 6, NAN])) is None


def test_symptom_free_days() -> None:
    assert symptom_free(np.array([0, 1, 1, 0, 0])) == 2
    assert symptom_free(np.array([0, 0, 1])) == 0
    assert symptom_free(np.zeros(50)) == 30
    assert symptom_free(np.array([NAN, NAN])) is None


def test_illness_carries_over_days_without_a_check_in() -> None:
    """A missed day keeps the state of the last check-in: it is never symptom-free by default."""
    assert symptom_free(np.array([0, 1, NAN, 0])) == 1
    assert symptom_free(np.array([0, 1, NAN, NAN])) == 0  # ill yesterday, nothing since
    assert symptom_free(np.array([1, 0, NAN])) == 2  # clean yesterday carries to today
    assert symptom_free(np.array([NAN, 0, NAN, NAN])) == 30


def _checkins(days: int, **fields) -> list[CheckIn]:
    return [CheckIn(date=DAY - dt.timedelta(days=back), **{k: (v(back) if callable(v) else v)
                                                           for k, v in fields.items()})
            for back in range(days)]


def test_history_gives_resting_hr_and_hrv_baselines() -> None:
    rng = np.random.default_rng(7)
    noise = rng.normal(0, 0.08, 70)
    checkins = _checkins(
        70, resting_hr=lambda back: 60 if back == 0 else 50,
        hrv_rmssd=lambda back: round(float(np.exp(4.2 + noise[back] - (0.5 if back < 7 else 0))), 1),
        sleep_hours=lambda back: 5.5 if back < 2 else 7.5, soreness=lambda back: 6 if back < 3 else 2)
    context = history_context(History.from_checkins(checkins, DAY), acwr=1.2, days_since_rest=3,
                              performance_trend="stable", planned="tempo")
    assert context.resting_hr_baseline == 50 and context.resting_hr_delta == 10
    assert context.hrv_ln_mean_7d is not None and context.hrv_ln_normal_low is not None
    assert context.hrv_ln_mean_7d < context.hrv_ln_normal_low < context.hrv_ln_normal_high
    assert context.short_sleep_nights_3d == 2 and context.soreness_days == 3
    assert context.symptom_free_days == 30 and context.acwr == 1.2
    facts = Facts.build(DAY, checkins[0], context)
    assert facts.get("planned") == "tempo" and facts.get("performance_trend") == "stable"


def test_short_history_uses_the_seven_day_baseline_then_nothing() -> None:
    week = _checkins(5, resting_hr=lambda back: 55 if back == 0 else 50)
    context = history_context(History.from_checkins(week, DAY))
    assert context.resting_hr_baseline == 50 and context.resting_hr_delta == 5
    assert context.hrv_ln_mean_7d is None and context.hrv_ln_normal_low is None
    two = _checkins(2, resting_hr=50)
    assert history_context(History.from_checkins(two, DAY)).resting_hr_baseline is None


def test_illness_in_history_sets_symptom_free_days() -> None:
    checkins = _checkins(10, symptoms=lambda back: ["cough"] if back in (2, 3) else [])
    assert history_context(History.from_checkins(checkins, DAY)).symptom_free_days == 2
    tired = _checkins(5, symptoms=lambda back: ["fatigue"])
    assert history_context(History.from_checkins(tired, DAY)).symptom_free_days == 30
    feverish = _checkins(3, temperature_c=lambda back: 38.4 if back == 1 else 36.8)
    assert history_context(History.from_checkins(feverish, DAY)).symptom_free_days == 1


def _runs(day_speed: dict[int, float]) -> list[RunSummary]:
    return [RunSummary(DAY - dt.timedelta(days=back), distance_m=speed * 40, duration_s=2400,
                       avg_hr=145, run_type="easy") for back, speed in day_speed.items()]


def test_performance_trend_compares_two_weeks_with_the_four_before() -> None:
    steady = {b: 180.0 for b in range(1, 42, 3)}
    assert performance_trend(_runs(steady), DAY) == "stable"
    slower = {b: (170.0 if b <= 14 else 180.0) for b in range(1, 42, 3)}
    assert performance_trend(_runs(slower), DAY) == "declining"
    faster = {b: (190.0 if b <= 14 else 180.0) for b in range(1, 42, 3)}
    assert performance_trend(_runs(faster), DAY) == "improving"
    assert performance_trend(_runs({1: 150, 2: 150, 20: 180}), DAY) is None


def test_hard_sessions_and_short_runs_do_not_count_for_the_trend() -> None:
    base = {b: 180.0 for b in range(15, 42, 3)}
    hard = [RunSummary(DAY - dt.timedelta(days=b), 6000, 1800, 170, "speed") for b in (1, 4, 7)]
    short = [RunSummary(DAY - dt.timedelta(days=b), 2000, 600, 140, "easy") for b in (2, 5, 8)]
    assert performance_trend(_runs(base) + hard + short, DAY) is None


def test_planned_from_logged_run_types() -> None:
    assert planned_from_run_types([None, "tempo"]) == "tempo"
    assert planned_from_run_types(["parkrun"]) is None
