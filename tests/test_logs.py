"""Structured logs: one JSON line per request, imported file, refused login and migration."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import csrf_of, web_login
from yolvarex import logs
from yolvarex.services import imports
from yolvarex.settings import InvalidSetting, load_settings
from yolvarex.store import migrate
from yolvarex.store.db import Database

ACTIVITIES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "activities"


@pytest.fixture
def lines() -> io.StringIO:
    stream = io.StringIO()
    logs.configure("info", stream)
    return stream


def events(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_is_one_line_with_status_and_time(client, lines) -> None:
    logs.configure("info", lines)  # the app factory configured standard error; write here instead
    client.get("/healthz")
    client.get("/no-such-page")
    requests = [e for e in events(lines) if e["event"] == "request"]
    assert [(e["path"], e["status"]) for e in requests] == [("/healthz", 200), ("/no-such-page", 404)]
    assert all(isinstance(e["ms"], float) and e["level"] == "info" and e["time"] for e in requests)


def test_a_refused_login_is_logged_without_the_password(client, make_user, lines) -> None:
    make_user("ana")
    logs.configure("info", lines)
    client.post("/login", data={"name": "ana", "password": "wrong secret",
                                "csrf_token": csrf_of(client)})
    web_login(client, "ana")
    refused = [e for e in events(lines) if e["event"] == "login refused"]
    assert len(refused) == 1
    assert refused[0]["name"] == "ana" and refused[0]["level"] == "warning"
    assert "wrong secret" not in lines.getvalue()


def test_each_imported_file_is_one_line(db, make_user, lines) -> None:
    runner = make_user("ana")
    sources = imports.path_sources([ACTIVITIES / "polar-m400-run.gpx", Path(__file__)])
    imports.import_sources(db, runner, sources)
    files = [e for e in events(lines) if e["event"] == "import file"]
    assert [(Path(str(e["file"])).name, e["status"]) for e in files] == [
        ("polar-m400-run.gpx", "imported"), ("test_logs.py", "failed")]
    assert files[0]["activities"] == 1 and files[0]["bytes"] > 0
    assert files[1]["reason"]


def test_a_migration_says_from_and_to(tmp_path: Path, lines) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    migrate.upgrade(db)
    migrate.upgrade(db)  # already current: nothing to say
    migrated = [e for e in events(lines) if e["event"] == "migrated"]
    assert len(migrated) == 1
    assert migrated[0]["from_revision"] is None
    assert migrated[0]["to_revision"] == migrate.head_revision(db)
    db.dispose()


def test_the_level_comes_from_the_environment(lines) -> None:
    assert load_settings({"YOLVAREX_LOG_LEVEL": "WARNING"}).log_level == "warning"
    assert load_settings({}).log_level is None
    with pytest.raises(InvalidSetting, match="YOLVAREX_LOG_LEVEL"):
        load_settings({"YOLVAREX_LOG_LEVEL": "loud"})
    logs.configure("warning", lines)
    logs.event("request", path="/")
    logs.event("login refused", 30, name="x")
    assert [e["event"] for e in events(lines)] == ["login refused"]
