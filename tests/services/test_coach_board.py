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


def _linked(rt, coach: Actor, name: str) -> Actor:
    with rt.db.session() as db:
        athlete = Actor.of(accounts.create_user(db, name, None, timezone="UTC"))
        accounts.accept_coach(db, athlete, accounts.invite_athlete(db, coach, name).id)
    return athlete


def test_those_who_need_attention_come_first_and_the_filters_pick_them(rt, make_user) -> None:
    coach = make_user("cora", role="coach")
    today = clock.today("UTC")
    fine, flagged, sore, quiet, _never = (_linked(rt, coach, n) for n in
                                         ("amy", "ben", "cat", "dan", "eve"))
    with rt.db.session() as db:
        checkins.save_checkin(db, fine, CheckIn(date=today, sleep_hours=8, pain=0))
        checkins.save_checkin(db, flagged, CheckIn(date=today, red_flags=("chest_pain",)))
        checkins.save_checkin(db, sore, CheckIn(date=today, pain=3, sleep_hours=8))
        checkins.save_checkin(db, quiet, CheckIn(date=today - dt.timedelta(days=4), sleep_hours=8))
        rows = coach_board.board(db, coach)
        attention = coach_board.board(db, coach, coach_board.Show.ATTENTION)
        quiet_rows = coach_board.board(db, coach, coach_board.Show.QUIET)
    assert [r.name for r in rows] == ["ben", "cat", "dan", "eve", "amy"]
    by_name = {r.name: r for r in rows}
    assert by_name["ben"].reasons[0] == "warning signs reported"
    assert "pain 3/10" in by_name["cat"].reasons
    assert by_name["dan"].reasons == ("no check-in for 4 days",) and by_name["dan"].verdict is None
    assert by_name["eve"].reasons == ("has never checked in",)
    assert by_name["amy"].reasons == () and not by_name["amy"].needs_attention
    assert [r.name for r in attention] == ["ben", "cat", "dan", "eve"]
    assert [r.name for r in quiet_rows] == ["dan", "eve"]
    assert all(r.load.level in ("ok", "watch", "high", "unknown") and r.load.words for r in rows)


def test_every_leaf_of_the_load_tree_has_words_on_the_board() -> None:
    from yolvarex.services.runtime import library

    tree = library().trees[coach_board.LOAD_TREE]
    leaves = {n.id for n in tree.nodes if n.kind == "leaf"}
    assert leaves == set(coach_board.LOAD_WORDS)
