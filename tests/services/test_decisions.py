"""Decisions from the store: baselines from stored history, load, trend, coach trees, ownership."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import Context
from yolvarex.errors import Conflict, Forbidden, Invalid, NotFound
from yolvarex.services import accounts, custom_trees, decisions, verdict
from yolvarex.services.checkins import save_checkin
from yolvarex.services.facts import facts_for_day
from yolvarex.store import models

TODAY = dt.date(2026, 11, 25)

COACH_TREE = """
id: hill-legs
title: Hill legs
summary: Easy day when the legs are sore after hills.
root: sore
nodes:
  - id: sore
    kind: question
    ask: Is your soreness 4 or more?
    test: {fact: soreness, op: ">=", value: 4}
    yes: easy
    no: fine
    unknown: fine
  - {id: easy, kind: leaf, verdict: cross_train, advice: Bike instead of running today., evidence: [saw-2016]}
  - {id: fine, kind: leaf, verdict: train, advice: Train as planned., evidence: [saw-2016]}
"""


def day(back: int) -> dt.date:
    return TODAY - dt.timedelta(days=back)


def _run(db, user_id: int, on: dt.date, minutes: float, km: float, hr: float, load: float,
         run_type: str | None = "easy") -> None:
    db.add(models.Activity(user_id=user_id, sport="running", run_type=run_type,
                           start=dt.datetime.combine(on, dt.time(7), tzinfo=dt.UTC), day=on,
                           duration_s=minutes * 60, distance_m=km * 1000, avg_hr=hr, load=load))


def test_baselines_come_from_stored_history(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for back in range(60, 0, -1):
            low = 0.4 if back <= 6 else 0.0  # the last week's HRV is clearly lower
            save_checkin(db, ann, CheckIn(date=day(back), resting_hr=50 + back % 2,
                                          hrv_rmssd=math.exp(4.2 + 0.05 * (back % 3 - 1) - low),
                                          sleep_hours=5.5 if back == 1 else 7.5, soreness=2))
        save_checkin(db, ann, CheckIn(date=TODAY, resting_hr=58, hrv_rmssd=math.exp(3.7),
                                      sleep_hours=5.0, soreness=3, symptoms=[]))
    with rt.db.session() as db:
        facts = facts_for_day(db, ann, TODAY)
        decision = decisions.decide_day(db, ann, TODAY)
    assert facts.get("resting_hr_baseline") == pytest.approx(50.5, abs=0.1)
    assert facts.get("resting_hr_delta") == pytest.approx(7.5, abs=0.1)
    assert facts.get("hrv_ln_mean_7d") < facts.get("hrv_ln_normal_low")
    assert facts.get("short_sleep_nights_3d") == 2
    assert facts.get("soreness_days") == 0 and facts.get("symptom_free_days") == 30
    assert decision.tree("readiness").leaf == "easy-hrv-and-heart"
    assert decision.verdict.value == "modify"


def test_illness_soreness_and_planned_from_the_log(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        save_checkin(db, ann, CheckIn(date=day(3), symptoms=["cough"], soreness=6))
        save_checkin(db, ann, CheckIn(date=day(2), symptoms=[], soreness=6))
        save_checkin(db, ann, CheckIn(date=day(1), soreness=5))
        save_checkin(db, ann, CheckIn(date=TODAY, soreness=6, symptoms=[]))
        _run(db, ann.id, TODAY, 40, 8, 150, 240, run_type="tempo")
    with rt.db.session() as db:
        facts = facts_for_day(db, ann, TODAY)
        decision = decisions.decide_day(db, ann, TODAY)
    assert facts.get("soreness_days") == 4 and facts.get("symptom_free_days") == 3
    assert facts.get("planned") == "tempo"
    assert decision.tree("planned-session").leaf == "move-hard"


def test_load_and_performance_trend_from_stored_runs(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for back in range(45, 0, -1):
            if back % 7 == 0:
                continue
            recent = back <= 14
            minutes = 75 if back <= 7 else 30  # the last week is much bigger
            km = minutes / 60 * (10.5 if recent else 11.5)  # slower at the same heart rate
            _run(db, ann.id, day(back), minutes, km, 145, minutes * 5)
        save_checkin(db, ann, CheckIn(date=TODAY, mood=2, soreness=2))
    with rt.db.session() as db:
        facts = facts_for_day(db, ann, TODAY)
        decision = decisions.decide_day(db, ann, TODAY)
    assert facts.get("performance_trend") == "declining"
    assert facts.get("acwr") > 1.5 and facts.get("days_since_rest") == 6
    # the week more than doubled, six alike days: monotony above 2 at a strain twice the
    # runner's usual asks for a rest day before the ratio's "keep it easy" (Foster 1998)
    assert facts.get("monotony") > 2 and facts.get("strain_vs_usual") > 1.25
    assert decision.tree("load").leaf == "rest-monotony"
    assert decision.tree("overreaching").leaf == "easy-watch"  # slower and low mood


def test_no_checkin_and_no_history_is_all_unknown(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        decision = decisions.decide_day(db, ann, TODAY)
    assert decision.verdict.value == "train"
    assert "red_flags" in decision.missing_facts and "pain" in decision.missing_facts
    assert decision.facts.values == {}


def test_another_athletes_day_is_not_found_and_a_coach_needs_acceptance(rt, make_user) -> None:
    ann, bob, kim = make_user("ann"), make_user("bob"), make_user("kim", role="coach")
    with rt.db.session() as db:
        save_checkin(db, ann, CheckIn(date=TODAY, pain=7))
    with rt.db.session() as db, pytest.raises(NotFound):
        decisions.decide_day(db, bob, TODAY, athlete_id=ann.id)
    with rt.db.session() as db, pytest.raises(NotFound):
        decisions.decide_day(db, kim, TODAY, athlete_id=ann.id)
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, kim, "ann")
        accounts.accept_coach(db, ann, link.id)
    with rt.db.session() as db:
        assert decisions.decide_day(db, kim, TODAY, athlete_id=ann.id).verdict.value == "see_professional"


def test_coach_trees_apply_to_active_athletes_only(rt, make_user) -> None:
    ann, bob, kim = make_user("ann"), make_user("bob"), make_user("kim", role="coach")
    with rt.db.session() as db:
        custom_trees.save(db, kim, COACH_TREE)
        link = accounts.invite_athlete(db, kim, "ann")
        accounts.invite_athlete(db, kim, "bob")
        save_checkin(db, ann, CheckIn(date=TODAY, soreness=4))
        save_checkin(db, bob, CheckIn(date=TODAY, soreness=4))
    with rt.db.session() as db:
        assert [t.tree for t in decisions.decide_day(db, ann, TODAY).trees][-1] == "planned-session"
        accounts.accept_coach(db, ann, link.id)
    with rt.db.session() as db:
        ann_decision = decisions.decide_day(db, ann, TODAY)
        bob_decision = decisions.decide_day(db, bob, TODAY)
        ann_trees = [t.id for t in decisions.trees_for(db, ann)]
        assert decisions.tree_named(db, ann, "kim/hill-legs").title == "Hill legs"
        with pytest.raises(NotFound):
            decisions.tree_named(db, bob, "kim/hill-legs")
    assert ann_decision.tree("kim/hill-legs").verdict.value == "cross_train"
    assert ann_decision.verdict.value == "cross_train"
    assert "kim/hill-legs" not in [t.tree for t in bob_decision.trees]
    assert ann_trees[0] == "red-flags" and ann_trees[-1] == "kim/hill-legs"


def test_coach_tree_crud_and_errors(rt, make_user) -> None:
    ann, kim = make_user("ann"), make_user("kim", role="coach")
    with rt.db.session() as db:
        with pytest.raises(Forbidden):
            custom_trees.save(db, ann, COACH_TREE)
        with pytest.raises(Invalid) as bad:
            custom_trees.save(db, kim, COACH_TREE.replace("soreness, op", "sorenes, op"))
        assert any("did you mean 'soreness'" in d for d in bad.value.details)
        custom_trees.save(db, kim, COACH_TREE)
        with pytest.raises(Conflict):
            custom_trees.save(db, kim, COACH_TREE)
        renamed = COACH_TREE.replace("id: hill-legs", "id: hilly-legs")
        custom_trees.save(db, kim, renamed, replace="hill-legs")
        assert [s.tree_id for s in custom_trees.list_own(db, kim)] == ["hilly-legs"]
        assert custom_trees.get_own(db, kim, "hilly-legs").valid
        with pytest.raises(NotFound):
            custom_trees.get_own(db, ann, "hilly-legs")
        custom_trees.delete(db, kim, "hilly-legs")
        assert custom_trees.list_own(db, kim) == []
        with pytest.raises(NotFound):
            custom_trees.delete(db, kim, "hilly-legs")


def test_a_stored_tree_that_became_invalid_is_skipped(rt, make_user) -> None:
    kim = make_user("kim", role="coach")
    with rt.db.session() as db:
        db.add(models.CustomTree(user_id=kim.id, tree_id="broken",
                                 source=COACH_TREE.replace("saw-2016", "gone-2019")))
        save_checkin(db, kim, CheckIn(date=TODAY, soreness=5))
    with rt.db.session() as db:
        stored = custom_trees.list_own(db, kim)
        decision = decisions.decide_day(db, kim, TODAY)
    assert not stored[0].valid and "gone-2019" in str(stored[0].errors[0])
    assert all(not t.tree.startswith("kim/") for t in decision.trees)


def test_stateless_decision_and_context_errors() -> None:
    checkin = CheckIn(date=TODAY, resting_hr=60)
    decision = verdict.decide_stateless(checkin, Context(resting_hr_baseline=52, acwr=1.7))
    assert decision.verdict.value == "modify"
    assert decision.facts.get("resting_hr_delta") == 8
    with pytest.raises(Invalid) as bad:
        verdict.parse_context({"acwr": -1, "planed": "tempo"})
    assert any(d.startswith("planed: unknown field") for d in bad.value.details)
    assert any(d.startswith("acwr:") for d in bad.value.details)


def test_a_carried_illness_shows_on_today_the_plan_and_the_board_without_a_check_in(
        rt, make_user, client) -> None:
    from tests.conftest import web_login
    from yolvarex import clock
    from yolvarex.services import accounts, coach_board

    ann, kim = make_user("ann"), make_user("kim", role="coach")
    today = clock.today(ann.timezone)
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, kim, "ann").id)
        assert decisions.todays_decision(db, ann, today) is None  # nothing yet: it waits
        save_checkin(db, ann, CheckIn(date=today - dt.timedelta(days=1), symptoms=("fever",),
                                      temperature_c=39.2))
    with rt.db.session() as db:
        decision = decisions.todays_decision(db, ann, today)
        assert decision is not None and decision.verdict.value == "rest"
        board = coach_board.board(db, kim)
    assert board[0].verdict is not None and board[0].verdict.value == "rest"
    web_login(client, "ann")
    assert 'id="verdict"' in client.get("/today").text
