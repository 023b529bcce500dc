"""Migration 0005_coach on a database with data: an open invitation of the old kind (a
coach link waiting as 'invited') becomes an invitation by name the athlete can still accept."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import BACKEND
from yolvarex.services import invitations
from yolvarex.store import migrate
from yolvarex.store.access import Actor, allowed
from yolvarex.store.db import Database
from yolvarex.store.models import User

pytestmark = pytest.mark.db


def test_old_open_invitations_move_and_links_stay(empty_db: Database) -> None:
    command.upgrade(migrate.alembic_config(empty_db), "0004")
    now = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    if BACKEND == "sqlite":
        now = now.replace(tzinfo=None)
    with empty_db.engine.begin() as conn:
        for uid, name, role in ((1, "kim", "coach"), (2, "ann", "athlete"), (3, "bob", "athlete")):
            conn.execute(text("INSERT INTO users (id, name, role, settings, timezone, created_at) "
                              "VALUES (:i, :n, :r, '{}', 'UTC', :t)"),
                         {"i": uid, "n": name, "r": role, "t": now})
        conn.execute(text("INSERT INTO coach_links (id, coach_id, athlete_id, status, created_at) "
                          "VALUES (1, 1, 2, 'invited', :t), (2, 1, 3, 'active', :t)"), {"t": now})
    migrate.upgrade(empty_db)
    with empty_db.session() as db:
        kim, ann, bob = (Actor.of(db.get(User, i)) for i in (1, 2, 3))  # type: ignore[arg-type]
        waiting = invitations.open_for(db, ann)
        assert [(c.name, i.status) for i, c in waiting] == [("kim", "pending")]
        assert allowed(db, kim, bob.id) and not allowed(db, kim, ann.id)
        invitations.accept(db, ann, waiting[0][0].id)
        assert allowed(db, kim, ann.id)
