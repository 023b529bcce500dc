"""Load series for charts and the squad view, against the single-athlete facts and by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex.errors import NotFound
from yolvarex.services import training_load
from yolvarex.store import models
from yolvarex.store.models import CoachLink

TODAY = dt.date(2026, 11, 30)


def _run(db, user_id: int, day: dt.date, load: float) -> None:
    db.add(models.Activity(user_id=user_id, sport="running", duration_s=1800, load=load,
                           start=dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC), day=day, dynamics={}))


def test_series_window_before_the_first_day_and_while_warming_up(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        _run(db, ann.id, TODAY - dt.timedelta(days=3), 200)
        _run(db, ann.id, TODAY - dt.timedelta(days=1), 100)
    with rt.db.session() as db:
        series = training_load.load_series(db, ann, TODAY, days=7)
    assert series.days[0] == TODAY - dt.timedelta(days=6) and series.days[-1] == TODAY
    assert series.column("load") == [0, 0, 0, 200, 0, 100, 0]
    assert series.column("fitness") == [None] * 7  # warming up for 28 days
    assert series.column("days_since_rest") == [0, 0, 0, 1, 0, 1, 0]
    assert series.column("stretch_day") == [0, 0, 0, 1, 2, 3, 4]


def test_series_keeps_the_history_before_the_window(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for back in range(60, 0, -1):
            _run(db, ann.id, TODAY - dt.timedelta(days=back), 150.0)
    with rt.db.session() as db:
        series = training_load.load_series(db, ann, TODAY, days=7)
    assert series.column("fitness")[0] == pytest.approx(150.0)
    assert series.column("acwr")[-2] == pytest.approx(1.0)
    assert series.column("stretch_day")[-1] == 61


def test_series_morning_matches_the_facts_of_the_next_day(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for back in range(1, 60):
            if back % 5:
                _run(db, ann.id, TODAY - dt.timedelta(days=back), 150 + back)
    with rt.db.session() as db:
        series = training_load.load_series(db, ann, TODAY - dt.timedelta(days=1), days=30)
        facts = training_load.load_facts(db, ann, TODAY)
    assert series.column("acwr")[-1] == pytest.approx(facts.acwr, abs=1e-3)
    assert series.column("fitness")[-1] == pytest.approx(facts.fitness, abs=1e-3)
    assert series.column("monotony")[-1] == pytest.approx(facts.monotony, abs=1e-3)


def test_squad_facts_equal_each_athletes_facts(rt, make_user) -> None:
    coach = make_user("coach", role="coach")
    ann, bob, cat = make_user("ann"), make_user("bob"), make_user("cat")
    with rt.db.session() as db:
        for i, athlete in enumerate((ann, bob)):
            for back in range(1, 45 - 10 * i):
                if (back + i) % 4:
                    _run(db, athlete.id, TODAY - dt.timedelta(days=back), 100 + 20 * i + back)
        for athlete in (ann, bob, cat):
            db.add(CoachLink(coach_id=coach.id, athlete_id=athlete.id, status="active"))
    with rt.db.session() as db:
        squad = training_load.squad_load_facts(db, coach, [ann.id, bob.id, cat.id], TODAY)
        for athlete in (ann, bob, cat):
            assert squad[athlete.id] == training_load.load_facts(db, coach, TODAY, athlete.id)
    assert squad[cat.id].acwr is None and squad[ann.id].acwr is not None


def test_squad_needs_every_link(rt, make_user) -> None:
    coach = make_user("coach", role="coach")
    ann = make_user("ann")
    with rt.db.session() as db, pytest.raises(NotFound):
        training_load.squad_daily_loads(db, coach, [ann.id], TODAY, TODAY)
