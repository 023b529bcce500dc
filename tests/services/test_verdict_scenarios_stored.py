"""The verdict scenario table (tests/verdict_scenarios.py) through the stored path: check-ins
and runs written to a real database, then `services.decisions.decide_day`, which derives the
context facts itself. The stored facts must also agree with the table's context facts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.verdict_scenarios import DAY, SCENARIOS, Scenario
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import decisions
from yolvarex.services.checkins import save_checkin
from yolvarex.store import models
from yolvarex.store.access import Actor


def store(db, athlete: Actor, scenario: Scenario) -> None:
    for back, fields in scenario.past.items():
        save_checkin(db, athlete, CheckIn(date=DAY - dt.timedelta(days=back), **fields))
    if scenario.today is not None:
        save_checkin(db, athlete, CheckIn(date=DAY, **scenario.today))
    for back, minutes, load, run_type, km, hr in scenario.runs:
        day = DAY - dt.timedelta(days=back)
        db.add(models.Activity(
            user_id=athlete.id, sport="running", run_type=run_type, day=day,
            start=dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC),
            duration_s=minutes * 60, distance_m=None if km is None else km * 1000, avg_hr=hr,
            rpe=round(load / minutes, 2), load=load))


def agrees(name: str, stored: object, expected: object) -> bool:
    """Whether a stored fact matches the table's context fact (numbers on the same side of
    the shipped thresholds they are compared with)."""
    if isinstance(expected, list):
        return stored == tuple(expected)
    if isinstance(expected, float) or name in ("acwr", "monotony", "strain"):
        limits = {"acwr": 1.5, "monotony": 2.0, "strain": 6000}
        if name in limits and stored is not None:
            return (float(stored) > limits[name]) == (float(expected) > limits[name])
        return stored is not None
    return stored == expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_stored_verdict_follows_the_source(rt, make_user, scenario: Scenario) -> None:
    athlete = make_user("ann", password=None)
    with rt.db.session() as db:
        store(db, athlete, scenario)
    with rt.db.session() as db:
        decision = decisions.decide_day(db, athlete, DAY)
    facts = decision.facts
    wrong = {k: (facts.get(k), v) for k, v in scenario.context.items()
             if k.startswith("hrv") is False and not agrees(k, facts.get(k), v)}
    assert wrong == {}
    if "hrv_ln_mean_7d" in scenario.context:
        low = scenario.context["hrv_ln_mean_7d"] < scenario.context["hrv_ln_normal_low"]
        assert (facts.get("hrv_ln_mean_7d") < facts.get("hrv_ln_normal_low")) == low
    tree = decision.tree(scenario.tree)
    assert tree.verdict.value == (scenario.tree_verdict or scenario.verdict), tree.leaf
    assert decision.verdict.value == scenario.verdict, [(t.tree, t.leaf) for t in decision.deciding]
    assert scenario.source in tree.evidence
