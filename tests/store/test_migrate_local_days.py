"""Migration 0002 on a database with data: instants stay, days are recomputed in local time."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import BACKEND
from yolvarex import clock
from yolvarex.store import migrate
from yolvarex.store.db import Database

pytestmark = pytest.mark.db


def test_upgrading_recomputes_days_in_the_athletes_zone(empty_db: Database, monkeypatch) -> None:
    command.upgrade(migrate.alembic_config(empty_db), "0001")
    evening = dt.datetime(2026, 11, 21, 2, 30, tzinfo=dt.UTC)  # 18:30 on 20 November in California
    if BACKEND == "sqlite":
        evening = evening.replace(tzinfo=None)  # how the app stores instants in SQLite
    with empty_db.engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, name, role, settings, created_at) "
                          "VALUES (1, 'ann', 'athlete', '{}', :t)"), {"t": evening})
        conn.execute(text(
            "INSERT INTO activities (id, user_id, sport, start, duration_s, dynamics, source, created_at) "
            "VALUES (1, 1, 'running', :t, 1800, '{}', 'manual', :t)"), {"t": evening})
        conn.execute(text(
            "INSERT INTO routine_completions (id, user_id, routine, completed_at, source, created_at) "
            "VALUES (1, 1, 'post-run-cool-down', :t, 'web', :t)"),
            {"t": evening + dt.timedelta(minutes=40)})
    monkeypatch.setenv(clock.ENV_TIMEZONE, "America/Los_Angeles")  # where this server stands
    migrate.upgrade(empty_db)
    assert migrate.current_revision(empty_db) == migrate.head_revision(empty_db)
    with empty_db.engine.connect() as conn:
        assert conn.execute(text("SELECT timezone FROM users")).scalar_one() == "America/Los_Angeles"
        start, day, offset = conn.execute(text(
            "SELECT start, day, utc_offset_min FROM activities")).one()
        done_day = conn.execute(text("SELECT day FROM routine_completions")).scalar_one()
    assert str(day) == "2026-11-20" and offset == -480 and str(done_day) == "2026-11-20"
    assert str(start).startswith("2026-11-21 02:30")  # the instant itself is untouched
    migrate.check(empty_db)
