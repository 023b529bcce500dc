"""Leg strength in real weeks, deloads and the taper, over random realistic profiles.

The share of training weeks with real leg work is also printed by
`benchmarks/bench_plan_legs.py` over a larger sample.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hypothesis import HealthCheck, given, settings

from tests.domain.plan_strategies import COMMON_WEEK, SEED_WEEK, realistic_profile, realistic_profiles
from tests.domain.test_plan_rules import _plan, check_placement, check_spacing, library
from yolvarex.domain.plan import Plan

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)


def training_weeks(plan: Plan) -> list[Any]:
    """Weeks that are neither a deload nor the race week (when heavy work has stopped)."""
    race = plan.profile.race
    return [w for w in plan.weeks if w.phase.value != "deload"
            and not (race and w.start <= race.date < w.start + dt.timedelta(days=7))]


def with_legs(week: Any) -> bool:
    return any(s.lower_body_load.value == "full" for s in week.sessions)


@SETTINGS
@given(realistic_profiles)
def test_realistic_plans_keep_every_rule(data: dict[str, Any]) -> None:
    plan = _plan(data)
    check_placement(plan)
    check_spacing(plan)


def test_at_least_95_percent_of_training_weeks_have_real_leg_work() -> None:
    rng = random.Random(13)
    weeks = legs = 0
    for _ in range(150):
        plan = _plan(realistic_profile(rng))
        check_placement(plan)
        for week in training_weeks(plan):
            weeks += 1
            legs += with_legs(week)
    assert legs / weeks >= 0.95, (legs, weeks)


def test_the_seed_and_common_weeks_have_legs_in_every_training_week() -> None:
    for run_week in (SEED_WEEK, COMMON_WEEK):
        for sessions in (2, 3):
            plan = _plan({"start": "2026-12-07", "weeks": 12, "experience": "some",
                          "sessions_per_week": sessions, "minutes_per_session": 30,
                          "run_week": run_week})
            assert all(with_legs(w) for w in training_weeks(plan)), run_week


def _leg_exercises(sessions: Any, tests: bool = False) -> set[str]:
    lib = library()
    return {p.exercise for s in sessions for p in s.prescriptions()
            if lib.exercises[p.exercise].lower_body and (tests or s.focus.value != "test")}


@SETTINGS
@given(realistic_profiles)
def test_deloads_are_clearly_lighter_and_bring_nothing_new(data: dict[str, Any]) -> None:
    plan = _plan(data)
    block: list[Any] = []
    before: Any = None
    for week in plan.weeks:
        if week.phase.value == "deload" and before is not None and block:
            done = sum(s.volume for s in before.sessions)
            now = sum(s.volume for s in week.sessions)
            assert now <= 0.7 * done, (week.week, now, done)
            tested = any(s.focus.value == "test" for s in week.sessions)
            same = sorted(s.focus for s in week.sessions) == sorted(s.focus for s in before.sessions)
            if same and not tested:
                assert now >= 0.45 * done, (week.week, now, done)
            new = _leg_exercises(week.sessions) - _leg_exercises(block, tests=True)
            assert not new, (week.week, new)
        if week.phase.value in ("base", "build", "peak"):
            block += week.sessions
            before = week
        else:
            block, before = [], None


def test_new_runners_do_fewer_sets_in_a_deload_than_in_base() -> None:
    plan = _plan({"start": "2026-12-07", "weeks": 6, "experience": "new",
                  "sessions_per_week": 2, "minutes_per_session": 30, "run_week": SEED_WEEK})
    base, deload = plan.weeks[1], plan.weeks[2]
    assert deload.phase.value == "deload" and base.phase.value in ("base", "build")
    sets = {p.exercise: p.sets for s in base.sessions for p in s.prescriptions()}
    lighter = [p for s in deload.sessions for p in s.prescriptions() if p.exercise in sets]
    assert lighter and all(p.sets <= sets[p.exercise] for p in lighter)
    assert sum(p.sets for p in lighter) <= 0.7 * sum(sets[p.exercise] for p in lighter)


@SETTINGS
@given(realistic_profiles)
def test_heavy_work_ends_seven_to_ten_days_before_the_race(data: dict[str, Any]) -> None:
    plan = _plan(data)
    race = plan.profile.race
    if race is None:
        return
    heavy = [s.date for s in plan.sessions()
             if s.date < race.date and s.lower_body_load.value == "full"]
    assert all((race.date - d).days >= 7 for d in heavy)
    window = [race.date - dt.timedelta(days=n) for n in range(7, 11)]
    rules_allow = [d for d in window if d >= plan.profile.start
                   and d.strftime("%a").lower() in {k for k, v in data["run_week"].items()
                                                    if v in ("easy", "recovery", "rest")}]
    if heavy and rules_allow and (race.date - plan.profile.start).days >= 21:
        assert (race.date - heavy[-1]).days <= 13, (heavy[-1], race.date)
