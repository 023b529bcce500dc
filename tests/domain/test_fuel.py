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
