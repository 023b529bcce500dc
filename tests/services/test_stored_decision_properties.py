"""Properties of the stored path (a real database, random histories): missing data is never
less careful than good data, and a symptom never softens a verdict.

Each example writes random check-ins for the last five days (today included) to the database,
sometimes with a run of a given type logged today (which makes it today's planned session),
for two athletes whose histories differ in one place, and compares the verdicts
`services.decisions.decide_day` gives them today:

- a day's check-in removed is never less careful than that day's check-in being all good;
- a signal removed from a check-in is never less careful than that signal being good;
- a symptom added to any day's check-in never makes today's verdict softer.

Resting heart rate and HRV are personal baselines: removing a day moves the runner's normal up
or down, which is neither careful nor careless. So past days carry a steady baseline (the same
readings every morning, when there is one) and only today's readings vary; removing a day
then changes how many readings the baseline has, never what it says.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from yolvarex.domain.checkin import CheckIn
from yolvarex.services import decisions
from yolvarex.services.accounts import create_user
from yolvarex.services.checkins import save_checkin
from yolvarex.store import models
from yolvarex.store.access import Actor

DAY = dt.date(2026, 11, 25)
RECENT = 5  # days with random check-ins: today and the four before it
BASELINE_DAYS = 60
STEADY = {"resting_hr": 50, "hrv_rmssd": 60.0}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
ILLNESS = ["runny_nose", "sore_throat", "cough", "body_aches", "stomach_upset", "fever",
           "fatigue"]
SIGNALS: dict[str, st.SearchStrategy[Any]] = {
    "sleep_hours": st.sampled_from([4.0, 5.5, 7.5, 8.0]),
    "sleep_quality": st.integers(1, 5),
    "soreness": st.sampled_from([0, 3, 5, 7]),
    "pain": st.sampled_from([0, 2, 4, 6]),
    "pain_kind": st.sampled_from(["dull", "sharp"]),
    "pain_trend_in_run": st.sampled_from(["better", "same", "worse"]),
    "pain_next_morning": st.sampled_from(["settled", "same", "worse"]),
    "pain_on_hop": st.booleans(),
    "pain_at_night": st.booleans(),
    "pain_at_rest": st.booleans(),
    "pain_changes_gait": st.booleans(),
    "symptoms": st.lists(st.sampled_from(ILLNESS), unique=True, max_size=2),
    "temperature_c": st.sampled_from([36.8, 37.6, 38.5]),
    "mood": st.integers(1, 5),
    "stress": st.integers(1, 5),
    "motivation": st.integers(1, 5),
    "red_flags": st.sampled_from([[], [], [], ["palpitations"]]),
}
TODAY_ONLY: dict[str, st.SearchStrategy[Any]] = {
    "resting_hr": st.sampled_from([50, 53, 58]),
    "hrv_rmssd": st.sampled_from([60.0, 45.0, 30.0]),
}
# The reassuring answer to every question (lists are never "removed": absent means empty).
GOOD: dict[str, Any] = {
    "sleep_hours": 8.0, "sleep_quality": 4, "soreness": 1, "pain": 0, "pain_kind": "dull",
    "pain_trend_in_run": "better", "pain_next_morning": "settled", "pain_on_hop": False,
    "pain_at_night": False, "pain_at_rest": False, "pain_changes_gait": False,
    "symptoms": [], "temperature_c": 36.8, "mood": 4, "stress": 2, "motivation": 4,
    "red_flags": [], **STEADY,
}
REMOVABLE = sorted(set(GOOD) - {"symptoms", "red_flags"})

History = dict[int, dict[str, Any]]  # days back -> check-in fields (0 is today)
PLANNED = st.sampled_from([None, None, "speed", "tempo", "long", "easy"])


@st.composite
def checkin(draw: st.DrawFn, back: int) -> dict[str, Any]:
    pool = {**SIGNALS, **(TODAY_ONLY if back == 0 else {})}
    names = draw(st.lists(st.sampled_from(sorted(pool)), unique=True, max_size=8))
    return {name: draw(pool[name]) for name in names}


@st.composite
def histories(draw: st.DrawFn) -> tuple[History, bool, str | None]:
    """Random check-ins on some of the last five days; with or without a steady baseline;
    with or without a session of some type logged today."""
    steady = draw(st.booleans())
    history: History = {}
    if steady:
        history = {back: dict(STEADY) for back in range(1, BASELINE_DAYS + 1)}
    for back in range(RECENT):
        if draw(st.integers(0, 3)):  # three days in four have a check-in
            history[back] = {**history.get(back, {}), **draw(checkin(back))}
    return history, steady, draw(PLANNED)


_names = itertools.count()


def rank(rt, history: History, planned: str | None) -> int:
    """Store the history for a new athlete and return the rank of today's verdict."""
    with rt.db.session() as db:
        athlete = Actor.of(create_user(db, f"runner{next(_names)}", None))
        for back, fields in history.items():
            save_checkin(db, athlete, CheckIn(date=DAY - dt.timedelta(days=back), **fields))
        if planned is not None:
            db.add(models.Activity(user_id=athlete.id, sport="running", run_type=planned,
                                   day=DAY,
                                   start=dt.datetime.combine(DAY, dt.time(7), tzinfo=dt.UTC),
                                   duration_s=2700.0, rpe=6.0, load=270.0))
    with rt.db.session() as db:
        return decisions.decide_day(db, athlete, DAY).verdict.rank


def good_day(steady: bool) -> dict[str, Any]:
    good = dict(GOOD)
    if not steady:
        for name in STEADY:
            good.pop(name)
    return good


# Issue 12, as reported: 4.0 h last night with speed work planned, yesterday's 7.5 h night
# known or not; and a fever with body aches yesterday, today's clean check-in there or not.
ISSUE_SLEEP = ({0: {"sleep_hours": 4.0}, 1: {"sleep_hours": 7.5}}, False, "speed")
ISSUE_FEVER = ({0: {}, 1: {"symptoms": ["body_aches"], "temperature_c": 39.2}}, False, None)


@SETTINGS
@given(histories(), st.integers(0, RECENT - 1))
@example(ISSUE_SLEEP, 1)
@example(ISSUE_FEVER, 0)
def test_a_missing_check_in_is_never_less_careful_than_a_good_one(rt, drawn, back) -> None:
    history, steady, planned = drawn
    with_good = {**history, back: good_day(steady)}
    without = {k: v for k, v in history.items() if k != back}
    assert rank(rt, without, planned) >= rank(rt, with_good, planned)


@SETTINGS
@given(histories(), st.integers(0, RECENT - 1), st.sampled_from(REMOVABLE))
@example(ISSUE_SLEEP, 1, "sleep_hours")
def test_a_missing_signal_is_never_less_careful_than_a_good_one(rt, drawn, back, name) -> None:
    history, steady, planned = drawn
    if name in STEADY and not (steady or back == 0):
        name = "sleep_hours"  # without a baseline, past days carry no heart readings
    day = history.get(back, {})
    with_good = {**history, back: {**day, name: GOOD[name]}}
    without = {**history, back: {k: v for k, v in day.items() if k != name}}
    assert rank(rt, without, planned) >= rank(rt, with_good, planned)


@SETTINGS
@given(histories(), st.integers(0, RECENT - 1), st.sampled_from(ILLNESS))
def test_adding_a_symptom_never_softens_the_verdict(rt, drawn, back, symptom) -> None:
    history, _, planned = drawn
    if back not in history:
        history = {**history, back: {}}
    day = history[back]
    before = rank(rt, history, planned)
    added = {**history, back: {**day, "symptoms": sorted({*day.get("symptoms", []), symptom})}}
    assert rank(rt, added, planned) >= before
