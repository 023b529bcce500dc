"""Many writes at once for one runner against a live server (SQLite, and PostgreSQL in the
`-m db` run), with 1 and 2 worker processes: 30 check-ins and 30 hand-logged sessions sent
together, each by its own thread. No 5xx, no "database is locked" reaching the runner, no row
lost and none stored twice. Also the double submit: the same check-in 30 times at once is one
row, the same session 30 times at once is stored once and refused 29 times (409)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from tests.conftest import api_token
from tests.reliability.server import Server, serving
from yolvarex.services.runtime import Runtime
from yolvarex.store.models import Activity, CheckIn

N = 30
TODAY = dt.date(2026, 11, 30)


@pytest.fixture(params=[1, 2], ids=["1-worker", "2-workers"])
def live(request: pytest.FixtureRequest, rt: Runtime, make_user: Callable[..., Any],
         tmp_path: Path) -> Iterator[Server]:
    """The server (started once per worker count: each start costs seconds)."""
    rt.db.dispose()
    with serving(rt.settings.database_url, tmp_path, workers=request.param) as server:
        yield server


def runner(rt: Runtime, make_user: Callable[..., Any], name: str) -> dict[str, str]:
    make_user(name)
    headers = api_token(rt, name)
    rt.db.dispose()
    return headers


def at_once(calls: list[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    """Every call started together, each on its own thread and connection."""
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def count(db_url: str, model: type[Any], user_id: int) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        found = conn.scalar(select(func.count()).select_from(model).where(model.user_id == user_id))
    engine.dispose()
    return int(found or 0)


def checkin(url: str, headers: dict[str, str], day: dt.date,
            sleep: float = 7.5) -> Callable[[], httpx.Response]:
    body = {"sleep_hours": sleep, "sleep_quality": 4, "soreness": 2}
    return lambda: httpx.put(f"{url}/api/v1/checkins/{day.isoformat()}", json=body,
                             headers=headers, timeout=120)


def run(url: str, headers: dict[str, str], day: dt.date, hour: int = 7) -> Callable[[], httpx.Response]:
    body = {"date": day.isoformat(), "time": f"{hour:02d}:00", "minutes": 40, "rpe": 4,
            "distance_km": 8}
    return lambda: httpx.post(f"{url}/api/v1/activities/runs", json=body, headers=headers,
                              timeout=120)


def no_server_errors(responses: list[httpx.Response]) -> None:
    bad = [(r.status_code, r.text[:200]) for r in responses if r.status_code >= 500]
    assert not bad, bad
    assert not any("locked" in r.text.lower() for r in responses)


def test_thirty_writes_of_each_kind_at_once(live: Server, rt: Runtime,
                                            make_user: Callable[..., Any]) -> None:
    server = live
    distinct_writes(server, rt, runner(rt, make_user, "ann"))
    the_same_write(server, rt, runner(rt, make_user, "bob"))


def user_id(rt: Runtime, headers: dict[str, str], server: Server) -> int:
    return int(httpx.get(f"{server.url}/api/v1/me", headers=headers, timeout=60).json()["id"])


def distinct_writes(server: Server, rt: Runtime, headers: dict[str, str]) -> None:
    """30 check-ins for 30 days and 30 runs on those days: 30 rows of each, all answered."""
    who = user_id(rt, headers, server)
    days = [TODAY - dt.timedelta(days=i) for i in range(N)]
    calls = [checkin(server.url, headers, d) for d in days] + [run(server.url, headers, d) for d in days]
    responses = at_once(calls)
    no_server_errors(responses)
    assert Counter(r.status_code for r in responses[:N]) == {200: N}
    assert Counter(r.status_code for r in responses[N:]) == {201: N}
    assert count(rt.settings.database_url, CheckIn, who) == N
    assert count(rt.settings.database_url, Activity, who) == N
    stored = httpx.get(f"{server.url}/api/v1/checkins", params={"from": days[-1].isoformat(),
                       "to": TODAY.isoformat()}, headers=headers, timeout=60).json()
    assert sorted(c["date"] for c in stored) == sorted(d.isoformat() for d in days)


def the_same_write(server: Server, rt: Runtime, headers: dict[str, str]) -> None:
    """The same day's check-in 30 times (the last one wins, one row) and the same run 30 times
    (stored once, the other 29 refused as duplicates)."""
    who = user_id(rt, headers, server)
    calls = [checkin(server.url, headers, TODAY, sleep=6 + i / 10) for i in range(N)]
    calls += [run(server.url, headers, TODAY) for _ in range(N)]
    responses = at_once(calls)
    no_server_errors(responses)
    assert Counter(r.status_code for r in responses[:N]) == {200: N}
    assert Counter(r.status_code for r in responses[N:]) == {201: 1, 409: N - 1}
    assert count(rt.settings.database_url, CheckIn, who) == 1
    assert count(rt.settings.database_url, Activity, who) == 1
    kept = httpx.get(f"{server.url}/api/v1/checkins/{TODAY.isoformat()}", headers=headers,
                     timeout=60).json()
    assert kept["sleep_hours"] in {6 + i / 10 for i in range(N)}
