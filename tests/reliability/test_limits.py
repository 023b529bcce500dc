"""Bounded work for what anyone can send, against a live server.

200 wrong passwords at once, each for its own user name from its own address (so the login
throttle, which counts per name and per address, does not stop them): password hashing is
capped at `accounts.HASH_SLOTS` at once, so the server's peak memory stays far below 200
hashes' worth (64 MiB each), every attempt is answered 401, 429 or 503 (never a 500 or a hang),
and /healthz answers 200 all the while.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI, Request

from tests.conftest import BACKEND
from tests.reliability.server import serving
from yolvarex import guard
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime
from yolvarex.settings import Settings

ATTEMPTS = 200
MIB = 1024 * 1024
HASH_MIB = 64  # argon2's default memory cost per hash

pytestmark = pytest.mark.skipif(BACKEND != "sqlite", reason="the database is not what is tested")


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_two_hundred_wrong_passwords_at_once(rt: Runtime, make_user: Any, tmp_path: Path) -> None:
    make_user("ann")
    rt.db.dispose()
    # niced: it hashes passwords flat out for a minute, on purpose
    with serving(rt.settings.database_url, tmp_path, nice=10) as server:
        first = httpx.get(f"{server.url}/login", timeout=60)
        csrf = first.cookies["yolvarex_csrf"]
        httpx.post(f"{server.url}/login", data={"name": "ann", "password": "warm up the hasher",
                   "csrf_token": csrf}, cookies={"yolvarex_csrf": csrf}, timeout=60)
        before = peak_rss_mib(server.process.pid)

        def attempt(i: int) -> int:
            return httpx.post(f"{server.url}/login", data={
                "name": f"nobody-{i}", "password": f"wrong password {i}", "csrf_token": csrf},
                cookies={"yolvarex_csrf": csrf}, headers={"X-Forwarded-For": f"10.0.{i // 250}.{i % 250}"},
                timeout=120).status_code

        health: list[int] = []
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                try:
                    health.append(httpx.get(f"{server.url}/healthz", timeout=10).status_code)
                except httpx.TimeoutException:
                    health.append(0)
                done.wait(0.2)

        watcher = threading.Thread(target=watch)
        watcher.start()
        with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
            answers = Counter(pool.map(attempt, range(ATTEMPTS)))
        done.set()
        watcher.join()
        peak = peak_rss_mib(server.process.pid)

    assert sum(answers.values()) == ATTEMPTS
    assert set(answers) <= {401, 429, 503}, answers
    assert answers[401] >= accounts.HASH_SLOTS  # the attempts that got a slot were checked
    assert len(health) >= 3 and set(health) == {200}, Counter(health)
    growth = peak - before
    assert growth < (accounts.HASH_SLOTS + 2) * HASH_MIB, (before, peak, answers)
    print(f"answers {dict(answers)}; healthz {Counter(health)}; peak RSS {before:.0f} -> "
          f"{peak:.0f} MiB")


def test_a_body_that_stops_arriving_is_a_408(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    """A client that sends part of a body and goes quiet gets 408 once nothing has come for
    `guard.BODY_IDLE_S`, and the request ends (its worker thread is free again); a slow but
    steady one and one that just waits for its answer after the body are not cut off."""
    monkeypatch.setattr(guard, "BODY_IDLE_S", 0.3)
    inner = FastAPI()

    @inner.post("/api/v1/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    settings = Settings(data_dir=tmp_path, database_url="sqlite://", default_user=None,
                        max_upload_bytes=1024 * 1024, secure_cookies=False)
    app = guard.RequestGuard(inner, lambda: settings, lambda _path, _headers: True)

    async def send_body(pieces: list[tuple[float, bytes]]) -> list[dict[str, Any]]:
        scope = {"type": "http", "method": "POST", "path": "/api/v1/echo", "query_string": b"",
                 "headers": [(b"content-length", b"30"), (b"content-type", b"text/plain")],
                 "http_version": "1.1", "scheme": "http", "server": ("t", 80),
                 "client": ("c", 1), "root_path": ""}
        queue = list(pieces)
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            if not queue:
                await anyio.sleep_forever()
            pause, chunk = queue.pop(0)
            await anyio.sleep(pause)
            return {"type": "http.request", "body": chunk, "more_body": bool(queue)}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        with anyio.fail_after(30):  # a hang guard
            await app(scope, receive, send)
        return sent

    stalled = anyio.run(send_body, [(0, b"0123456789"), (5, b"late")])
    assert stalled[0]["status"] == 408, stalled and b"stopped arriving" in stalled[1]["body"]
    steady = anyio.run(send_body, [(0.1, b"0123456789"), (0.1, b"0123456789"),
                                   (0.1, b"0123456789")])
    assert steady[0]["status"] == 200 and b'"bytes":30' in steady[1]["body"]


def test_a_crowd_of_first_logins_makes_the_stand_in_hash_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unknown names are checked against one stand-in hash, made at the first such login; 40
    at once make it once (each hash takes 64 MiB: 40 at once took the server to 800 MiB)."""
    made: list[str] = []

    def slow_hash(password: str) -> str:
        made.append(password)
        threading.Event().wait(0.2)
        return "stand-in"
    monkeypatch.setattr(accounts, "_dummy", [])
    monkeypatch.setattr(accounts, "hash_password", slow_hash)
    with ThreadPoolExecutor(max_workers=40) as pool:
        found = set(pool.map(lambda _: accounts._dummy_hash(), range(40)))
    assert found == {"stand-in"} and len(made) == 1
