"""The recommendation table: which routine comes first, and why, for each kind of day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yolvarex.content import load_library
from yolvarex.domain.recovery.areas import SYNONYMS
from yolvarex.domain.recovery.suggest import Done, Run, SessionKind, Situation, area_cover, suggest
from yolvarex.domain.verdict import Verdict

LIBRARY, _ = load_library()
TODAY = dt.date(2026, 11, 25)
YESTERDAY = TODAY - dt.timedelta(days=1)
S = SessionKind


def _first(situation: Situation) -> tuple[str, str]:
    top = suggest(situation, LIBRARY)[0]
    return top.id, top.reason


TABLE = [
    # (what the day holds, the routine that comes first, words its reason must contain)
    (Situation(TODAY, verdict=Verdict.REST), "full-body-recovery", "rest day"),
    (Situation(TODAY, verdict=Verdict.REST, planned=(S.SPEED,)), "full-body-recovery", "rest day"),
    (Situation(TODAY, verdict=Verdict.SEE_PROFESSIONAL, sore_areas=("calves",), planned=(S.SPEED,)),
     "calm-breathing", "Get checked"),
    (Situation(TODAY, sore_areas=("calves",)), "ankles-and-calves", "Sore calves"),
    (Situation(TODAY, sore_areas=("calf",)), "ankles-and-calves", "Sore calves"),
    (Situation(TODAY, sore_areas=("Achilles",)), "ankles-and-calves", "Sore calves and ankles"),
    (Situation(TODAY, sore_areas=("hamstring",)), "hamstrings-and-posterior-chain", "Sore hamstrings"),
    (Situation(TODAY, sore_areas=("hips",)), "hip-mobility", "Sore hips"),
    (Situation(TODAY, sore_areas=("quads",)), "quads-and-hip-flexors", "Sore quads"),
    (Situation(TODAY, sore_areas=("low back",)), "lower-back-ease", "Sore lower back"),
    (Situation(TODAY, sore_areas=("upper back",)), "thoracic-and-shoulders", "Sore upper back"),
    (Situation(TODAY, sore_areas=("feet",)), "feet-and-shins", "Sore feet"),
    (Situation(TODAY, sore_areas=("shins",)), "feet-and-shins", "Sore shins"),
    (Situation(TODAY, planned=(S.SPEED,)), "pre-run-warm-up", "Speed session today"),
    (Situation(TODAY, planned=(S.TEMPO,)), "pre-run-warm-up", "Tempo run today"),
    (Situation(TODAY, planned=(S.RACE,)), "pre-run-warm-up", "Race today"),
    (Situation(TODAY, verdict=Verdict.TRAIN, planned=(S.STRENGTH,)), "pre-strength-warm-up",
     "Strength session today"),
    (Situation(TODAY, planned=(S.LONG,)), "after-the-long-run", "Long run today"),
    (Situation(TODAY, runs=(Run(TODAY, "long"),)), "after-the-long-run", "You ran long today"),
    (Situation(TODAY, runs=(Run(YESTERDAY, "long"),)), "after-the-long-run", "ran long yesterday"),
    (Situation(TODAY, runs=(Run(TODAY, "easy"),)), "post-run-cool-down", "You ran today"),
    (Situation(TODAY, planned=(S.EASY,)), "post-run-cool-down", "Easy run today"),
    (Situation(TODAY, verdict=Verdict.MODIFY, planned=(S.SPEED,)), "quick-pre-run-primer",
     "keep it easy"),
    (Situation(TODAY, verdict=Verdict.MODIFY, planned=(S.LONG,)), "post-run-cool-down",
     "shorter and easy"),
    (Situation(TODAY, verdict=Verdict.CROSS_TRAIN), "hip-mobility", "No running today"),
    (Situation(TODAY, planned=(S.REST,)), "full-body-recovery", "Your plan has a rest day"),
    (Situation(TODAY, sleep_hours=5.5), "sleep-wind-down", "You slept 5.5 hours"),
    (Situation(TODAY, stress=5), "calm-breathing", "stressed"),
    (Situation(TODAY), "post-run-cool-down", "after any run"),
    (Situation(TODAY, sore_areas=("elbow",)), "post-run-cool-down", "after any run"),
]


@pytest.mark.parametrize(("situation", "first", "words"), TABLE)
def test_recommendation_table(situation: Situation, first: str, words: str) -> None:
    top, reason = _first(situation)
    assert top == first
    assert words in reason


def test_a_routine_done_today_drops_down_and_says_so() -> None:
    fresh = suggest(Situation(TODAY, verdict=Verdict.REST), LIBRARY)
    done = suggest(Situation(TODAY, verdict=Verdict.REST,
                             done=(Done("full-body-recovery", TODAY),)), LIBRARY)
    assert fresh[0].id == "full-body-recovery" and done[0].id != "full-body-recovery"
    again = next(s for s in done if s.id == "full-body-recovery")
    assert "already did it today" in again.reason and again.score < fresh[0].score


def test_done_yesterday_counts_a_little_and_done_last_week_not_at_all() -> None:
    base = suggest(Situation(TODAY, planned=(S.SPEED,)), LIBRARY)[0]
    yesterday = suggest(Situation(TODAY, planned=(S.SPEED,),
                                  done=(Done("pre-run-warm-up", YESTERDAY),)), LIBRARY)[0]
    last_week = suggest(Situation(TODAY, planned=(S.SPEED,),
                                  done=(Done("pre-run-warm-up", TODAY - dt.timedelta(days=7)),)),
                        LIBRARY)[0]
    assert yesterday.id == base.id and yesterday.score < base.score
    assert "yesterday too" in yesterday.reason
    assert last_week == base


def test_see_professional_suggests_only_calm_breathing_and_a_wind_down() -> None:
    result = suggest(Situation(TODAY, verdict=Verdict.SEE_PROFESSIONAL, planned=(S.LONG, S.STRENGTH),
                               sore_areas=("calves", "hips"), runs=(Run(TODAY, "long"),)), LIBRARY)
    assert {s.id for s in result} == {"calm-breathing", "sleep-wind-down"}


def test_a_rest_verdict_cancels_the_warm_ups_of_the_planned_sessions() -> None:
    ids = {s.id for s in suggest(Situation(TODAY, verdict=Verdict.REST,
                                           planned=(S.SPEED, S.STRENGTH)), LIBRARY)}
    assert not ids & {"pre-run-warm-up", "pre-strength-warm-up", "quick-pre-run-primer"}


def test_several_signals_on_one_routine_add_up_and_every_reason_is_kept() -> None:
    both = suggest(Situation(TODAY, planned=(S.LONG,), runs=(Run(YESTERDAY, "long"),)), LIBRARY)[0]
    assert both.id == "after-the-long-run" and len(both.reasons) == 2
    assert both.score == 85 + 5
    assert both.reason == " ".join(both.reasons)


def test_soreness_never_suggests_a_warm_up() -> None:
    for area in ("hips", "hamstrings", "calves", "glutes", "core", "ankles"):
        for s in suggest(Situation(TODAY, sore_areas=(area,)), LIBRARY):
            assert s.id not in {"pre-run-warm-up", "quick-pre-run-primer", "pre-strength-warm-up",
                                "hip-and-glute-activation"}


def test_a_dedicated_routine_covers_its_area_more_than_a_broad_one() -> None:
    calves = area_cover(LIBRARY, "ankles-and-calves", ["calves"])
    broad = area_cover(LIBRARY, "full-body-recovery", ["calves"])
    assert calves.rank > broad.rank and calves.covered == ("calves",)
    assert area_cover(LIBRARY, "calm-breathing", ["calves"]).seconds_on == 0


SITUATIONS = st.builds(
    Situation,
    today=st.just(TODAY),
    verdict=st.none() | st.sampled_from(list(Verdict)),
    sore_areas=st.lists(st.sampled_from(sorted(SYNONYMS)) | st.text(max_size=8), max_size=3).map(tuple),
    planned=st.lists(st.sampled_from(list(SessionKind)), max_size=3, unique=True).map(tuple),
    runs=st.lists(st.builds(Run, day=st.sampled_from([TODAY, YESTERDAY]),
                            kind=st.sampled_from([None, "easy", "long", "speed"])), max_size=2).map(tuple),
    done=st.lists(st.builds(Done, routine=st.sampled_from(sorted(LIBRARY.routines)),
                            day=st.sampled_from([TODAY, YESTERDAY])), max_size=3).map(tuple),
    sleep_hours=st.none() | st.floats(min_value=0, max_value=12),
    stress=st.none() | st.integers(min_value=1, max_value=5),
)


@settings(max_examples=150, deadline=None)
@given(SITUATIONS, st.integers(min_value=1, max_value=8))
def test_suggestions_are_always_ranked_unique_real_and_explained(situation: Situation, limit: int) -> None:
    result = suggest(situation, LIBRARY, limit)
    assert 1 <= len(result) <= limit
    assert len({s.id for s in result}) == len(result)
    assert [s.score for s in result] == sorted((s.score for s in result), reverse=True)
    for s in result:
        assert s.id in LIBRARY.routines and s.title == LIBRARY.routines[s.id].title
        assert s.reasons and all(r.endswith(".") for r in s.reasons)
        assert s.seconds == LIBRARY.routine_seconds(s.id)
    if situation.verdict is Verdict.SEE_PROFESSIONAL:
        assert {s.id for s in result} <= {"calm-breathing", "sleep-wind-down"}
    if situation.verdict is Verdict.REST and not any(d.routine == "full-body-recovery"
                                                     and d.day == TODAY for d in situation.done):
        assert result[0].id == "full-body-recovery"


def test_a_second_rest_day_in_a_row_still_starts_with_the_rest_day_routine() -> None:
    """Found by hypothesis: yesterday's discount once let a sore-area routine overtake it."""
    situation = Situation(TODAY, verdict=Verdict.REST, sore_areas=("breathing",),
                          done=(Done(routine="full-body-recovery", day=TODAY - dt.timedelta(days=1)),))
    assert suggest(situation, LIBRARY, 1)[0].id == "full-body-recovery"
