from __future__ import annotations

import datetime as dt

import pytest

from yolvarex.errors import NotFound
from yolvarex.services import training_load
from yolvarex.store import models


def _run(db, user_id: int, day: dt.date, load: float) -> None:
    db.add(models.Activity(user_id=user_id, sport="running", duration_s=1800, load=load,
                           start=dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC), day=day))


def test_daily_loads_sum_runs_and_strength(rt, make_user) -> None:
    ann = make_user("ann")
    day = dt.date(2026, 11, 2)
    with rt.db.session() as db:
        _run(db, ann.id, day, 200)
        _run(db, ann.id, day, 100)
        db.add(models.StrengthSession(user_id=ann.id, date=day + dt.timedelta(days=1), rpe=6, minutes=30))
    with rt.db.session() as db:
        series = training_load.daily_loads(db, ann, day, day + dt.timedelta(days=2))
    assert series.tolist() == [300, 180, 0]


def test_facts_are_unknown_without_history_and_known_with_it(rt, make_user) -> None:
    ann = make_user("ann")
    today = dt.date(2026, 11, 30)
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, today)
        assert facts.acwr is None and facts.days_since_rest is None
        for back in range(1, 41):
            if back % 7:
                _run(db, ann.id, today - dt.timedelta(days=back), 300)
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, today)
    assert facts.acwr == pytest.approx(1.0, abs=0.1)
    assert facts.days_since_rest == 6
    assert facts.monotony is not None and facts.strain is not None


def test_load_of_another_athlete_is_unreachable(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    with rt.db.session() as db, pytest.raises(NotFound):
        training_load.load_facts(db, bob, dt.date(2026, 11, 30), athlete_id=ann.id)
