"""The weekly summary and the Today page as typed results from services (any face renders them)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.plan.profile import RunKind
from yolvarex.domain.verdict import Verdict
from yolvarex.services import checkins, plans, today, training_log, week_summary
from yolvarex.services.runtime import library
from yolvarex.services.training_log import RunEntry

WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
        "sat": "long", "sun": "rest"}


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _plan(db, actor, start: dt.date) -> None:
    plans.create_plan(db, actor, {
        "start": start.isoformat(), "weeks": 4, "experience": "some", "equipment": ["bodyweight"],
        "sessions_per_week": 2, "minutes_per_session": 30, "run_week": WEEK}, library())


@pytest.mark.any_day
def test_the_week_against_its_plan_with_load_changes_and_next_weeks_focus(rt, make_user) -> None:
    ann = make_user("ann")
    now = clock.today(None)
    monday = _monday(now)
    with rt.db.session() as db:
        _plan(db, ann, monday - dt.timedelta(days=7))
        for back in (7, 5, 3):  # three runs the week before
            training_log.log_entry(db, ann, RunEntry(date=monday - dt.timedelta(days=back),
                                                     minutes=40, distance_km=8, rpe=4))
        training_log.log_entry(db, ann, RunEntry(date=monday, minutes=30, distance_km=6, rpe=4))
        checkins.save_checkin(db, ann, CheckIn(date=monday, symptoms=("fever",), temperature_c=38.6))
        stored = plans.current_plan(db, ann)
        session_day = next(x.date for x in stored.plan.sessions() if x.date >= monday)
        plans.apply_verdict(db, ann, session_day, Verdict.REST, library())
        summary = week_summary.week_summary(db, ann, library(), now, now)
    assert dataclasses.is_dataclass(summary) and summary.monday == monday
    assert summary.through == now and summary.complete is (now.weekday() == 6)
    assert summary.done.runs_planned == 5 and summary.done.runs_done == 1  # 5 run days a week
    assert summary.done.run_km == 6.0 and summary.previous.runs_done == 3
    assert summary.done.strength_planned == 2
    # 30 min x RPE 4 against the same days of the week before (40 min x RPE 4 on its Monday,
    # Wednesday and Friday): a week still running is not compared with a whole one.
    days = now.weekday() + 1
    before = 160.0 * sum(1 for d in (0, 2, 4) if d < days)
    assert summary.load.this_week == 120.0 and summary.load.previous_week == before
    assert summary.load.change_pct == round((120 - before) / before * 100)
    assert f"{abs(summary.load.change_pct)}% less load than" in summary.load.words
    assert [c.day for c in summary.plan_changes] == [session_day]
    assert summary.plan_changes[0].verdict is Verdict.REST and summary.plan_changes[0].reason
    assert [(v.day, v.verdict.rank >= Verdict.REST.rank) for v in summary.verdicts] == [(monday, True)]
    assert summary.strength_focus.title and summary.strength_focus.reasons
    assert "next week" in summary.strength_focus.reasons[0]
    assert summary.form_focus.reasons  # no findings yet: says what would give one
    data = week_summary.summary_json(summary)
    assert data["monday"] == monday.isoformat() and data["plan_changes"][0]["verdict"] == "rest"


def test_a_new_runner_gets_an_empty_week_that_says_what_to_do(rt, make_user) -> None:
    ann = make_user("ann")
    now = clock.today(None)
    with rt.db.session() as db:
        summary = week_summary.week_summary(db, ann, library(), now, now)
    assert summary.done.runs_planned is None and summary.done.runs_done == 0
    assert summary.load.change_pct is None and "no load to compare" in summary.load.words
    assert summary.plan_changes == () and summary.verdicts == ()
    assert summary.strength_focus.title == "Set up a strength plan"
    assert summary.strength_focus.link == "/plan/profile"


def test_a_week_still_to_come_counts_nothing_done(rt, make_user) -> None:
    ann = make_user("ann")
    now = clock.today(None)
    with rt.db.session() as db:
        _plan(db, ann, _monday(now))
        summary = week_summary.week_summary(db, ann, library(), now + dt.timedelta(days=7), now)
    assert summary.through < summary.monday and not summary.complete
    assert summary.done.runs_done == 0 and summary.done.runs_planned == 5


def test_today_is_one_typed_result_with_the_run_adapted_to_the_verdict(rt, make_user) -> None:
    ann = make_user("ann")
    day = dt.date(2026, 12, 8)  # a Tuesday: speed day
    with rt.db.session() as db:
        _plan(db, ann, _monday(day))
        plain = today.today_page(db, ann, library(), day)
        checkins.save_checkin(db, ann, CheckIn(date=day, soreness=8, sleep_hours=6.9))
        sore = today.today_page(db, ann, library(), day)
    assert isinstance(plain, today.TodayPage) and dataclasses.is_dataclass(plain)
    assert plain.checkin is None and plain.run is not None and plain.run.kind is RunKind.SPEED
    assert plain.run.note is None and plain.drills is not None
    assert plain.week.runs_planned == 5 and plain.week.strength_planned == 2
    assert sore.checkin is not None and sore.checkin.sleep_hours == 6.9
    assert sore.decision is not None and sore.decision.verdict is not Verdict.TRAIN
    assert sore.run is not None and sore.run.note  # the verdict changed the run, in words
