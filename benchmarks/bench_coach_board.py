"""The coach's board for 50 athletes, against the same lines computed one athlete at a time.

Ours: `services.coach_board.board`, one batched computation (a fixed number of queries, the
same for 5 athletes as for 50). Baseline: what the board did before, each athlete's decision,
load, plan and strength log read through the one-athlete services (`decisions.day_decision`,
`plans.current_plan`, `strength_log.sessions`), measured in the same run on the same SQLite
file. Both give the same lines (checked). Target: the board for 50 athletes in under 0.5 s and
at least 3x faster than the baseline. Run: `.venv/bin/python benchmarks/bench_coach_board.py`.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from common import median_seconds, report
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import accounts, checkins, coach_board, decisions, plans, strength_log
from yolvarex.services.runtime import library
from yolvarex.store import migrate, models
from yolvarex.store.access import Actor
from yolvarex.store.db import Database

ATHLETES = 50
WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "long",
        "sun": "rest"}


def squad(db: Database) -> Actor:
    """A coach and 50 athletes, each with six weeks of runs, check-ins, and half with a plan."""
    chance = random.Random(7)
    today = clock.today("UTC")
    with db.session() as s:
        coach = Actor.of(accounts.create_user(s, "coach", None, "coach"))
        for i in range(ATHLETES):
            athlete = Actor.of(accounts.create_user(s, f"runner-{i:02d}", None))
            s.add(models.CoachLink(coach_id=coach.id, athlete_id=athlete.id, status="active"))
            for back in range(1, 43):
                day = today - dt.timedelta(days=back)
                if chance.random() < 0.6:
                    minutes = chance.randint(25, 80)
                    s.add(models.Activity(
                        user_id=athlete.id, sport="running", run_type="easy", day=day,
                        start=dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC),
                        duration_s=minutes * 60, distance_m=minutes * 180, avg_hr=145,
                        rpe=4, load=minutes * 4))
                if back % 2:
                    checkins.save_checkin(s, athlete, CheckIn(
                        date=day, sleep_hours=chance.choice((6, 7, 8)), soreness=chance.randint(0, 5)))
            checkins.save_checkin(s, athlete, CheckIn(date=today, sleep_hours=7,
                                                      pain=chance.choice((0, 0, 3))))
            if i % 2:
                plans.create_plan(s, athlete, {
                    "start": (today - dt.timedelta(days=14)).isoformat(), "weeks": 6,
                    "experience": "some", "equipment": ["bodyweight"], "sessions_per_week": 2,
                    "minutes_per_session": 30, "run_week": WEEK}, library())
    return coach


def one_at_a_time(db: Database, coach: Actor) -> list[coach_board.AthleteStatus]:
    with db.session() as s:
        rows = []
        for user in s.query(models.User).filter(models.User.role == "athlete").order_by(models.User.id):
            today = clock.today(user.timezone)
            load = coach_board.training_load.load_facts(s, coach, today, user.id)
            decision, shown = decisions.day_decision(s, coach, today, user.id, load)
            since = today - dt.timedelta(days=coach_board.COMPLIANCE_DAYS)
            logged = {x.date for x in strength_log.sessions(s, coach, since,
                                                             today - dt.timedelta(days=1), user.id)}
            last = max((c.date for c in checkins.list_checkins(s, coach, since - dt.timedelta(days=365),
                                                                today, user.id)), default=None)
            rows.append(coach_board.status(user, today, decision, shown, load, last,
                                           plans.current_plan(s, coach, user.id), logged))
        return rows


def batched(db: Database, coach: Actor) -> list[coach_board.AthleteStatus]:
    with db.session() as s:
        return coach_board.board(s, coach)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        migrate.upgrade(db)
        coach = squad(db)
        ours, theirs = batched(db, coach), one_at_a_time(db, coach)
        assert sorted(ours, key=lambda r: r.athlete_id) == theirs  # the same lines
        fast = median_seconds(lambda: batched(db, coach), repeat=5)
        slow = median_seconds(lambda: one_at_a_time(db, coach), repeat=3)
        ratio = report(f"coach board, {ATHLETES} athletes", fast, "one athlete at a time", slow,
                       target="under 0.5 s and 3x faster")
        print(f"speed-up {1 / ratio:.1f}x, {fast * 1000:.0f} ms, {fast / ATHLETES * 1000:.1f} ms an athlete")
        db.engine.dispose()


if __name__ == "__main__":
    main()
