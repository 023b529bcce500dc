"""The coach board: each athlete's own today, load facts from one batched pass that agree with
the one-athlete computation."""

from __future__ import annotations

import datetime as dt

from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import accounts, checkins, coach_board, days, training_load, training_log
from yolvarex.store.access import Actor


def _athlete(rt, coach: Actor, name: str, zone: str) -> Actor:
    with rt.db.session() as db:
        user = accounts.create_user(db, name, None, timezone=zone)
        athlete = Actor.of(user)
        accounts.accept_coach(db, athlete, accounts.invite_athlete(db, coach, name).id)
        for back in range(1, 40, 2):
            day = clock.today(zone) - dt.timedelta(days=back)
            training_log.log_entry(db, athlete, training_log.parse(training_log.RunEntry, {
                "date": day.isoformat(), "minutes": 30 + back, "rpe": 4}, "entry"))
    return athlete


def test_each_athlete_on_their_own_day_and_load_as_one_at_a_time(rt, make_user) -> None:
    coach = make_user("cora", role="coach")
    with clock.frozen(dt.datetime(2026, 12, 1, 20, 0, tzinfo=dt.UTC)):  # Sydney is already on the 2nd
        sydney = _athlete(rt, coach, "syd", "Australia/Sydney")
        la = _athlete(rt, coach, "lou", "America/Los_Angeles")
        with rt.db.session() as db:
            checkins.save_checkin(db, sydney, CheckIn(date=dt.date(2026, 12, 2), sleep_hours=8))
            checkins.save_checkin(db, la, CheckIn(date=dt.date(2026, 12, 1), sleep_hours=8))
            rows = {r.name: r for r in coach_board.board(db, coach)}
            one_by_one = {a.name: training_load.load_facts(db, coach, days.today_for(db, a.id), a.id)
                          for a in (sydney, la)}
    assert rows["syd"].today == dt.date(2026, 12, 2) and rows["lou"].today == dt.date(2026, 12, 1)
    assert rows["syd"].verdict is not None and rows["lou"].verdict is not None
    for name, facts in one_by_one.items():
        assert rows[name].acwr == facts.acwr and rows[name].days_since_rest == facts.days_since_rest
