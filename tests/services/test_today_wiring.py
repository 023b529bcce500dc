"""The pillars read each other: today's verdict and the plan's day drive routines and drills."""

from __future__ import annotations

import datetime as dt

from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.verdict import Verdict
from yolvarex.services import checkins, form, plans, routines
from yolvarex.services.runtime import library

TODAY = dt.date(2026, 12, 8)  # a Tuesday


def _plan(db, actor, run_week: dict[str, str]) -> None:
    plans.create_plan(db, actor, {
        "start": "2026-12-07", "weeks": 4, "experience": "some", "equipment": ["bodyweight"],
        "sessions_per_week": 2, "minutes_per_session": 30, "run_week": run_week}, library())


WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "long",
        "sun": "rest"}


def test_planned_speed_day_suggests_the_dynamic_warm_up(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        _plan(db, ann, WEEK)
        result = routines.suggestions_for(db, ann, library(), TODAY)
    assert "speed" in [k.value for k in result.situation.planned]
    assert result.suggestions[0].id == "pre-run-warm-up"


def test_a_fever_makes_it_a_rest_day_for_routines_and_drills(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        _plan(db, ann, WEEK)
        checkins.save_checkin(db, ann, CheckIn(date=TODAY, symptoms=("fever",), temperature_c=38.6))
        result = routines.suggestions_for(db, ann, library(), TODAY)
        assert result.situation.verdict is not None and result.situation.verdict.rank >= Verdict.REST.rank
        assert "pre-run-warm-up" not in [s.id for s in result.suggestions]
        assert form.today_card(db, ann, library(), TODAY, result.situation.verdict) is None
        assert form.today_card(db, ann, library(), TODAY, Verdict.TRAIN) is not None


def test_no_drill_block_on_the_plans_rest_day(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        _plan(db, ann, WEEK)
        assert form.today_card(db, ann, library(), dt.date(2026, 12, 10)) is None  # thursday: rest
        assert form.today_card(db, ann, library(), dt.date(2026, 12, 9)) is not None
