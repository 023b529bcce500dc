"""The board is one batched computation: the same number of SQL statements for 5 athletes as
for 50, and for every athlete the same line as the one-athlete path (each service called for
that athlete alone) gives, in every state the squad is made to be in."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from tests.services.test_decisions import COACH_TREE
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import (
    accounts,
    checkins,
    coach_board,
    custom_trees,
    decisions,
    plans,
    strength_log,
    training_log,
)
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Actor

WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "long",
        "sun": "rest"}
ZONES = ("UTC", "Australia/Sydney", "America/Los_Angeles", "Europe/Berlin")
STATES = (
    CheckIn(date=dt.date(2000, 1, 1), sleep_hours=8, pain=0),
    CheckIn(date=dt.date(2000, 1, 1), red_flags=("chest_pain",)),
    CheckIn(date=dt.date(2000, 1, 1), pain=4, sleep_hours=7),
    CheckIn(date=dt.date(2000, 1, 1), symptoms=("fever",), temperature_c=38.4),
    CheckIn(date=dt.date(2000, 1, 1), soreness=4, sleep_hours=6),
    CheckIn(date=dt.date(2000, 1, 1), sleep_hours=5, stress=4),
)


def _squad(rt, coach: Actor, count: int, seed: int = 7, zones: tuple[str, ...] = ("UTC",)) -> None:
    """`count` athletes in assorted states: runs and strength logged over six weeks or not at
    all, a plan or none, today's check-in of one kind, an older one, or none, a second coach
    whose tree applies too."""
    chance = random.Random(seed)
    with rt.db.session() as db:
        other = Actor.of(accounts.create_user(db, f"other-{seed}", None, "coach"))
        custom_trees.save(db, coach, COACH_TREE)
        custom_trees.save(db, other, COACH_TREE.replace("hill-legs", "other-legs"))
        for i in range(count):
            zone = zones[i % len(zones)]
            athlete = Actor.of(accounts.create_user(db, f"a{seed}-{i:02d}", None, timezone=zone))
            # linked as an accepted invitation links them (invitations are throttled per day)
            db.add(models.CoachLink(coach_id=coach.id, athlete_id=athlete.id, status="active"))
            if chance.random() < 0.3:
                db.add(models.CoachLink(coach_id=other.id, athlete_id=athlete.id, status="active"))
            today = clock.today(zone)
            if chance.random() < 0.8:
                for back in range(1, chance.choice((10, 45))):
                    if chance.random() < 0.55:
                        training_log.log_entry(db, athlete, training_log.parse(
                            training_log.RunEntry, {
                                "date": (today - dt.timedelta(days=back)).isoformat(),
                                "minutes": chance.randint(20, 90), "rpe": chance.randint(2, 9),
                                "run_type": chance.choice(("easy", "long", "tempo"))}, "entry"))
            if chance.random() < 0.5:
                plans.create_plan(db, athlete, {
                    "start": (today - dt.timedelta(days=12)).isoformat(), "weeks": 4,
                    "experience": "some", "equipment": ["bodyweight"], "sessions_per_week": 2,
                    "minutes_per_session": 30, "run_week": WEEK}, library())
                for back in range(1, 14, 3):
                    strength_log.log_session(db, athlete, strength_log.parse_session({
                        "date": (today - dt.timedelta(days=back)).isoformat(), "minutes": 25,
                        "rpe": 6, "sets": [{"exercise": "glute-bridge", "reps": 10}]}), library())
            when = chance.choice((0, 0, 0, 1, 4, None))
            if when is not None:
                state = chance.choice(STATES)
                checkins.save_checkin(db, athlete, state.model_copy(
                    update={"date": today - dt.timedelta(days=when)}))


def _one_at_a_time(db, coach: Actor) -> dict[int, coach_board.AthleteStatus]:
    """Each athlete's line from the services for one athlete (what the board did before)."""
    out = {}
    for user in db.query(models.User).filter(models.User.role == "athlete"):
        today = clock.today(user.timezone)
        load = coach_board.training_load.load_facts(db, coach, today, user.id)
        decision, shown = decisions.day_decision(db, coach, today, user.id)
        since = today - dt.timedelta(days=coach_board.COMPLIANCE_DAYS)
        logged = {s.date for s in strength_log.sessions(db, coach, since,
                                                         today - dt.timedelta(days=1), user.id)}
        last = max((c.date for c in checkins.list_checkins(db, coach, dt.date(2000, 1, 1), today,
                                                            user.id)), default=None)
        out[user.id] = coach_board.status(user, today, decision, shown, load, last,
                                          plans.current_plan(db, coach, user.id), logged)
    return out


@contextlib.contextmanager
def _statements(rt) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    engine = rt.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _board_statements(rt, count: int, seed: int) -> int:
    with rt.db.session() as db:
        coach = Actor.of(accounts.create_user(db, f"coach-{seed}", None, "coach"))
    _squad(rt, coach, count, seed)
    with rt.db.session() as db:
        db.get(models.User, coach.id)  # the session's first statements are not the board's
        with _statements(rt) as seen:
            rows = coach_board.board(db, coach)
    assert len(rows) == count
    return len(seen)


def test_the_board_reads_as_much_for_fifty_athletes_as_for_five(rt) -> None:
    five, fifty = _board_statements(rt, 5, 1), _board_statements(rt, 50, 2)
    assert five == fifty, (five, fifty)
    assert fifty <= 20


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_every_line_is_the_one_the_one_athlete_path_gives(rt, seed: int) -> None:
    with rt.db.session() as db:
        coach = Actor.of(accounts.create_user(db, "cora", None, "coach"))
    _squad(rt, coach, 14, seed, zones=ZONES)
    with rt.db.session() as db:
        board = {r.athlete_id: r for r in coach_board.board(db, coach)}
        expected = _one_at_a_time(db, coach)
    assert board == expected
    states = {(r.verdict, r.load.level, bool(r.planned_sessions)) for r in board.values()}
    assert len(states) >= 4  # the squad covers several different days
