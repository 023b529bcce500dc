"""Fuel and sleep guidance: ranges from the position statements, grams from body weight."""

from __future__ import annotations

from yolvarex.content import load_library
from yolvarex.domain.fuel import FuelOccasion, Grams, after_session, after_short_sleep, for_week


def test_protein_in_grams_only_with_a_body_weight() -> None:
    known = after_session(FuelOccasion.STRENGTH, 60.0)
    assert known.protein_per_day == Grams(72, 96)  # 1.2-1.6 g per kg
    assert known.protein_serving == Grams(15, 20)
    assert "about 72-96 g of protein" in " ".join(known.points)
    unknown = after_session(FuelOccasion.STRENGTH, None)
    assert unknown.protein_per_day is None and unknown.protein_serving == Grams(20, 40)
    assert "add your weight on the Account page" in " ".join(unknown.points)


def test_hard_runs_get_carbohydrate_and_protein() -> None:
    hard = after_session(FuelOccasion.HARD, 70.0)
    assert hard.carbohydrate_per_day == Grams(350, 490)  # 5-7 g per kg
    assert "6-10 g per kg" in " ".join(hard.points)


def test_sleep_guidance_only_after_a_short_night() -> None:
    assert after_short_sleep(7.5) is None and after_short_sleep(7.0) is None
    short = after_short_sleep(5.5)
    assert short is not None and short.sleep_hours == (7, 9) and "5.5 hours" in short.points[0]


def test_week_and_every_source_is_in_the_library() -> None:
    week = for_week(80.0, hard_days=2, strength_days=2, short_nights=1)
    text = " ".join(week.points)
    assert "96-128 g" in text and "2 strength sessions" in text and "2 hard or long run days" in text
    assert "1 night under 7" in text
    library, _ = load_library()
    for advice in (week, after_session(FuelOccasion.HARD), after_short_sleep(4)):
        assert advice is not None and all(e in library.evidence for e in advice.evidence)


def test_a_run_gets_guidance_before_during_and_after_by_its_length() -> None:
    from yolvarex.domain.fuel_run import RunBand, for_run, run_band

    assert [run_band(m) for m in (30, 44, 45, 74, 75, 149, 150, 240)] == [
        RunBand.SHORT, RunBand.SHORT, RunBand.HARD_HOUR, RunBand.HARD_HOUR,
        RunBand.STEADY, RunBand.STEADY, RunBand.LONG, RunBand.LONG]
    short = for_run(40, 60.0)
    assert short.run.during_g_per_hour is None and short.run.before_carbohydrate is None
    assert "do not need to eat" in short.advice.points[1]
    long = for_run(120, 60.0)
    assert long.run.during_g_per_hour == (30, 60)
    assert "30-60 g of carbohydrate an hour" in long.advice.points[1]
    assert long.run.before_carbohydrate == Grams(60, 240)  # 1-4 g per kg
    assert "about 60-240 g of carbohydrate" in long.advice.points[0]
    ultra = for_run(200)
    assert ultra.run.during_g_per_hour == (30, 90) and "toward 90 g an hour" in ultra.advice.points[1]
    assert "1-4 g per kg of body weight" in ultra.advice.points[0]  # no weight: per kg


def test_a_quick_turnaround_refuels_by_the_hour() -> None:
    from yolvarex.domain.fuel_run import for_run

    soon = for_run(90, 70.0, again_soon=True)
    assert soon.run.after_carbohydrate_per_hour == Grams(70, 84)  # 1.0-1.2 g per kg an hour
    assert "about 70-84 g of carbohydrate an hour for the first four hours" in soon.advice.points[2]
    later = for_run(90, 70.0)
    assert later.run.after_carbohydrate_per_hour is None and "next couple of hours" in later.advice.points[2]


def test_run_guidance_carries_the_warning_signs_and_cited_sources() -> None:
    from yolvarex.domain.fuel_run import for_run

    library = load_library()[0]
    advice = for_run(100).advice
    assert advice.warning and "sports dietitian" in advice.warning and "REDs" in advice.warning
    assert all(e in library.evidence for e in advice.evidence)
    assert "mountjoy-2023" in advice.evidence
    data = for_run(100, 60.0).as_dict()
    assert data["occasion"] == "run" and data["run"]["during_carbohydrate_g_per_hour"] == [30, 60]
    assert data["warning"] == advice.warning
