"""The store on both databases: migrations match the models, SQLite settings, ownership rules."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from yolvarex.domain.checkin import CheckIn
from yolvarex.errors import NotFound
from yolvarex.services import accounts, checkins
from yolvarex.services.runtime import Runtime
from yolvarex.store import migrate, models
from yolvarex.store.access import Action, allowed, owned
from yolvarex.store.db import SQLITE_BUSY_TIMEOUT_MS, Database, DatabaseUnavailable


def test_models_and_migrations_agree(rt: Runtime) -> None:
    assert migrate.current_revision(rt.db) == migrate.head_revision(rt.db)
    migrate.check(rt.db)  # raises if autogenerate would produce any operation


def test_upgrade_twice_is_a_no_op(rt: Runtime) -> None:
    migrate.upgrade(rt.db)
    migrate.upgrade(rt.db)
    assert migrate.current_revision(rt.db) == migrate.head_revision(rt.db)


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a' / 'b.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_unopenable_database_gives_a_clear_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseUnavailable, match="cannot create the data directory"):
        Database(f"sqlite:///{blocker / 'db.sqlite3'}")
    with pytest.raises(DatabaseUnavailable, match="not a database URL"):
        Database("nonsense")
    db = Database("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none")
    with pytest.raises(DatabaseUnavailable, match="cannot open the database"):
        db.ping()


def test_timestamps_come_back_timezone_aware(rt: Runtime, make_user) -> None:
    runner = make_user()
    with rt.db.session() as db:
        db.add(models.Activity(user_id=runner.id, sport="running", duration_s=60,
                               start=dt.datetime(2026, 11, 1, 7, tzinfo=dt.timezone(dt.timedelta(hours=2))),
                               day=dt.date(2026, 11, 1)))
    with rt.db.session() as db:
        row = db.query(models.Activity).one()
        assert row.start == dt.datetime(2026, 11, 1, 5, tzinfo=dt.UTC)


def test_athletes_never_see_each_other(rt: Runtime, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        checkins.save_checkin(db, ann, CheckIn(date=dt.date(2026, 11, 2), pain=2))
        with pytest.raises(NotFound):
            checkins.get_checkin(db, bob, dt.date(2026, 11, 2), athlete_id=ann.id)
        with pytest.raises(NotFound):
            checkins.save_checkin(db, bob, CheckIn(date=dt.date(2026, 11, 2)), athlete_id=ann.id)
        row_id = db.query(models.CheckIn).one().id
        with pytest.raises(NotFound):
            owned(db, bob, models.CheckIn, row_id)
        assert owned(db, ann, models.CheckIn, row_id).id == row_id


def test_coach_sees_an_athlete_only_after_acceptance_and_until_revocation(rt: Runtime, make_user) -> None:
    coach, ann = make_user("coach-kim", role="coach"), make_user("ann")
    with rt.db.session() as db:
        invitation = accounts.invite_athlete(db, coach, "ann")
        assert not allowed(db, coach, ann.id)
        link = accounts.accept_coach(db, ann, invitation.id)
        assert allowed(db, coach, ann.id, Action.READ)
        assert allowed(db, coach, ann.id, Action.COACH)
        assert not allowed(db, coach, ann.id, Action.WRITE)
        accounts.revoke_coach(db, ann, link.id)
        assert not allowed(db, coach, ann.id)


def test_an_athlete_cannot_accept_someone_elses_invitation(rt: Runtime, make_user) -> None:
    coach, ann, bob = make_user("coach-kim", role="coach"), make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, coach, "ann")
        with pytest.raises(NotFound):
            accounts.accept_coach(db, bob, link.id)
        assert not allowed(db, coach, bob.id)
        assert not allowed(db, ann, bob.id)


def test_deleting_a_user_deletes_their_rows(rt: Runtime, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        checkins.save_checkin(db, ann, CheckIn(date=dt.date(2026, 11, 2)))
    with rt.db.session() as db:
        db.delete(db.get(models.User, ann.id))
    with rt.db.session() as db:
        assert db.query(models.CheckIn).count() == 0
