"""SIGKILL the server in the middle of work, start it again, and find the database whole.

Two runs on an SQLite file (the case where a crash could leave a torn file): a background import
of a 120-file archive killed after a few files, and a burst of plan regenerations killed while
they are being answered. After the restart: `PRAGMA integrity_check` is ok, earlier data is
there, every stored activity is complete (samples, duration, distance, load), every plan row
reads back and exactly one is active, and the interrupted import job says it was interrupted.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from tests.conftest import ACTIVITIES, BACKEND, api_token
from tests.reliability.server import start
from yolvarex.domain.plan import Plan
from yolvarex.services.runtime import Runtime
from yolvarex.store import models

pytestmark = pytest.mark.skipif(BACKEND != "sqlite", reason="a torn file is SQLite's risk")

FILES = 120
GPX = (ACTIVITIES / "polar-m400-run.gpx").read_bytes()
PROFILE = {"start": "2026-12-07", "weeks": 12, "experience": "some",
           "equipment": ["bodyweight", "bands"], "sessions_per_week": 2,
           "minutes_per_session": 30,
           "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest",
                        "fri": "easy", "sat": "long", "sun": "rest"}}


def archive(count: int) -> bytes:
    """`count` copies of a real GPX run, each moved to its own day (no duplicates)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(count):
            day = dt.date(2020, 1, 1) + dt.timedelta(days=i)
            zf.writestr(f"run-{i:03d}.gpx", GPX.replace(b"2020-10-26", day.isoformat().encode()))
    return buffer.getvalue()


def rows(engine: Any, model: type[Any]) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(model)) or 0)


def sound(db_url: str) -> Any:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    return engine


@pytest.fixture
def runner(rt: Runtime, make_user: Callable[..., Any], client: Any) -> dict[str, str]:
    """A runner with a check-in and a logged run from before the crash."""
    make_user("ann")
    headers = api_token(rt, "ann")
    assert client.put("/api/v1/checkins/2026-11-29", json={"sleep_hours": 7},
                      headers=headers).status_code == 200
    assert client.post("/api/v1/activities/runs", json={"date": "2026-11-29", "time": "07:00",
                       "minutes": 40}, headers=headers).status_code == 201
    rt.db.dispose()
    return headers


def test_killed_in_the_middle_of_an_import(rt: Runtime, runner: dict[str, str],
                                           tmp_path: Path) -> None:
    server = start(rt.settings.database_url, tmp_path)
    try:
        answer = httpx.post(f"{server.url}/api/v1/imports", headers=runner, timeout=120,
                            files={"files": ("batch.zip", archive(FILES), "application/zip")})
        assert answer.status_code == 202, answer.text
        job = answer.json()["url"]
        for _ in range(1200):  # until a few files are in (a hang guard, not a time limit)
            state = httpx.get(f"{server.url}{job}", headers=runner, timeout=60).json()
            if state["files_done"] >= 3 or state["status"] not in ("queued", "running"):
                break
            time.sleep(0.05)
        assert state["status"] == "running" and 3 <= state["files_done"] < FILES, state
    finally:
        server.kill()

    engine = sound(rt.settings.database_url)
    with engine.connect() as conn:
        runs = conn.execute(select(models.Activity).where(
            models.Activity.source == "gpx")).all()
        assert 3 <= len(runs) < FILES
        for run in runs:  # whole files only: every stored run has all it should
            assert run.samples is not None and run.duration_s > 0 and run.distance_m
            assert run.load is not None and run.day is not None
        assert rows(engine, models.CheckIn) == 1
        assert conn.scalar(select(func.count()).select_from(models.Activity)
                           .where(models.Activity.source == "manual")) == 1
        assert conn.scalar(select(models.ImportJob.status)) == "running"
    engine.dispose()

    server = start(rt.settings.database_url, tmp_path, name="restarted")
    try:
        state = httpx.get(f"{server.url}{job}", headers=runner, timeout=60).json()
        assert state["status"] == "failed" and "interrupted" in state["error"], state
        assert state["files_done"] <= len(runs)  # progress is written after each file's commit
        again = httpx.post(f"{server.url}/api/v1/imports", headers=runner, timeout=120,
                           files={"files": ("again.gpx", GPX, "application/gpx+xml")})
        assert again.status_code == 200  # the server works on the same file
    finally:
        server.stop()


def test_killed_during_plan_regenerations(rt: Runtime, runner: dict[str, str],
                                          tmp_path: Path) -> None:
    server = start(rt.settings.database_url, tmp_path)
    answered: list[int] = []
    stop = threading.Event()

    def regenerate() -> None:
        while not stop.is_set():
            try:
                answered.append(httpx.post(f"{server.url}/api/v1/plans/current/regenerate",
                                           headers=runner, timeout=60).status_code)
            except httpx.HTTPError:
                return
    try:
        created = httpx.post(f"{server.url}/api/v1/plans", json=PROFILE, headers=runner,
                             timeout=60)
        assert created.status_code == 201, created.text
        threads = [threading.Thread(target=regenerate) for _ in range(4)]
        for thread in threads:
            thread.start()
        for _ in range(1200):  # until some regenerations are through (a hang guard)
            if answered.count(200) >= 6:
                break
            time.sleep(0.05)
        server.kill()  # while the four threads are still regenerating
    finally:
        stop.set()
        server.kill()
    assert answered.count(200) >= 6 and set(answered) == {200}

    engine = sound(rt.settings.database_url)
    with engine.connect() as conn:
        plans = conn.execute(select(models.Plan)).all()
        assert len(plans) >= 1 + answered.count(200)
        for plan in plans:
            Plan.from_json(plan.plan)  # every stored plan reads back whole
        assert sum(1 for p in plans if p.active) == 1
        assert rows(engine, models.CheckIn) == 1
    engine.dispose()
    server = start(rt.settings.database_url, tmp_path, name="restarted")
    try:
        current = httpx.get(f"{server.url}/api/v1/plans/current", headers=runner, timeout=60)
        assert current.status_code == 200 and current.json()["weeks"]
    finally:
        server.stop()
