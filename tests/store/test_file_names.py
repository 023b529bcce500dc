"""An imported file keeps its own name, never the folders it was read from on the server."""

from __future__ import annotations

import shutil

import pytest
from alembic import command
from sqlalchemy import select, text

from tests.conftest import ACTIVITIES
from yolvarex.services import activity_files, imports
from yolvarex.store import migrate, models
from yolvarex.store.db import Database
from yolvarex.store.models.training import file_name

pytestmark = pytest.mark.db


@pytest.mark.parametrize(("given", "kept"), [
    ("/home/ann/watch/2026/run.fit", "run.fit"), ("C:\\Users\\Ann\\run.gpx", "run.gpx"),
    ("export.zip/activities/123.fit", "123.fit"), ("run.tcx", "run.tcx"), (None, None),
    ("/srv/" + "x" * 300 + ".fit", ("x" * 300 + ".fit")[-255:])])
def test_a_file_is_known_by_its_name(given, kept) -> None:
    assert file_name(given) == kept


def test_a_server_import_stores_no_folders(rt, make_user, tmp_path) -> None:
    ann = make_user("ann")
    folder = tmp_path / "private" / "watch exports"
    folder.mkdir(parents=True)
    shutil.copy(ACTIVITIES / "garmin-fenix-5-run.fit", folder / "morning.fit")
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.path_sources([folder]))
    assert report.summary()["imported"] == 1
    with rt.db.session() as db:
        run = db.scalars(select(models.Activity)).one()
        assert run.source_name == "morning.fit"
        assert db.scalars(select(models.ActivityFile.name)).one() == "morning.fit"
        assert activity_files.original(db, ann, run.id)[0] == "morning.fit"


def test_upgrading_strips_the_folders_kept_before(empty_db: Database) -> None:
    command.upgrade(migrate.alembic_config(empty_db), "0007_day_state")
    with empty_db.engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, name, role, settings, timezone, created_at, "
                          "advice_revision) VALUES (1, 'ann', 'athlete', '{}', 'UTC', :t, 0)"),
                     {"t": "2026-11-01 08:00:00"})
        for i, name in enumerate(["/srv/imports/ann/a.fit", "C:\\runs\\b.gpx", "c.tcx", None], 1):
            conn.execute(text(
                "INSERT INTO activities (id, uid, user_id, sport, start, day, duration_s, dynamics, "
                "source, source_name, created_at) VALUES (:i, :u, 1, 'running', :t, '2026-11-01', "
                "1800, '{}', 'fit', :n, :t)"),
                {"i": i, "u": f"u{i}", "t": f"2026-11-0{i} 08:00:00", "n": name})
        conn.execute(text("INSERT INTO activity_files (id, uid, user_id, activity_id, name, size, content, "
                          "created_at) VALUES (1, 'f1', 1, 1, '/srv/imports/ann/a.fit', 1, :c, :t)"),
                     {"c": b"x", "t": "2026-11-01 08:00:00"})
    migrate.upgrade(empty_db)
    with empty_db.engine.connect() as conn:
        names = conn.execute(text("SELECT source_name FROM activities ORDER BY id")).scalars().all()
        kept = conn.execute(text("SELECT name FROM activity_files")).scalars().all()
    assert names == ["a.fit", "b.gpx", "c.tcx", None]
    assert kept == ["a.fit"]
