"""What the web benchmarks share: a demo database, a `yolvarex serve` on it, a logged-in demo
runner, and 50 busy connections on one address."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url, text

CONNECTIONS = 50
PG_URL = os.environ.get("YOLVAREX_TEST_PG_URL",
                        "postgresql+psycopg://yolvarex:yolvarex@127.0.0.1:5432/postgres")


def yolvarex(*args: str, env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-m", "yolvarex", *args], env=env, check=True,
                          capture_output=True, text=True).stdout


@contextmanager
def postgresql_database() -> Iterator[str]:
    """A new database on the suite's PostgreSQL server, dropped afterwards: its URL."""
    name = f"yvx_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server: say how to start one
        sys.exit(f"PostgreSQL is not reachable at {PG_URL} ({type(exc).__name__}); "
                 "run scripts/test-services.sh first")
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def demo_token(env: dict[str, str]) -> dict[str, str]:
    """Migrate, load the demo runner, and give the header of a new API token of theirs."""
    yolvarex("db", "upgrade", env=env)
    yolvarex("demo", env=env)
    return {"Authorization": f"Bearer {yolvarex('token', 'create', 'demo', env=env).split()[-1]}"}


@contextmanager
def serve(env: dict[str, str], workers: int, log: Path | None = None) -> Iterator[str]:
    """`yolvarex serve --workers N` on a free port until it answers /healthz; its base URL.
    With `log`, the server's output is written there."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    base = f"http://127.0.0.1:{port}"
    with (log.open("wb") if log else open(os.devnull, "wb")) as out:
        server = subprocess.Popen([sys.executable, "-m", "yolvarex", "serve", "--port", str(port),
                                   "--workers", str(workers)],
                                  env={**env, "YOLVAREX_LOG_LEVEL": "warning"},
                                  stdout=out, stderr=subprocess.STDOUT)
        try:
            for _ in range(600):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def logged_problems(log: Path) -> list[str]:
    """The lines of a server log that tell of a problem: errors, tracebacks, a worker that died
    or was restarted (uvicorn's supervisor kills one that does not answer its health ping)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return [line.strip()[:300] for line in text.splitlines()
            if re.search(r"error|traceback|died|killed|not ready|timeout", line, re.IGNORECASE)]


def demo_cookies(base: str) -> dict[str, str]:
    """The cookies of the demo runner logged in on the web."""
    with httpx.Client(base_url=base) as login:
        login.get("/login")
        login.post("/login", data={"name": "demo", "password": "demo-runner",
                                   "csrf_token": login.cookies.get("yolvarex_csrf", "")})
        return dict(login.cookies)


async def _hammer(url: str, headers: dict[str, str], cookies: dict[str, str],
                  seconds: float) -> tuple[float, list[float], Counter[str]]:
    latencies: list[float] = []
    answers: Counter[str] = Counter()
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(headers=headers, cookies=cookies, limits=limits,
                                 timeout=60) as client:
        async def worker() -> None:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                answer = await _get(client, url, answers)
                if answer.isdigit():
                    latencies.append(time.perf_counter() - start)
                answers[answer] += 1
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        elapsed = time.perf_counter() - began
    return answers["200"] / elapsed, latencies, answers


#: Counted when the server closed a connection without answering and the GET was sent again.
RETRIED = "closed unanswered, retried"


async def _get(client: httpx.AsyncClient, url: str, answers: Counter[str]) -> str:
    """A GET's status, or the name of the error for a request that got none. A request whose
    connection the server closed before answering anything (a kept-alive connection closed for
    idling just as the request went out, or a worker that stopped) is sent once more, as
    browsers do for a request that changes nothing (RFC 9112, 9.3.1), and counted under
    `RETRIED`, so it stays visible; the server's log says which it was (`logged_problems`)."""
    for attempt in range(2):
        try:
            return str((await client.get(url)).status_code)
        except httpx.RemoteProtocolError as exc:
            if attempt or "without sending a response" not in str(exc):
                return type(exc).__name__
            answers[RETRIED] += 1
        except httpx.HTTPError as exc:  # a dropped connection: counted, not fatal
            return type(exc).__name__
    raise AssertionError("unreachable")


async def _burst(url: str, headers: dict[str, str], cookies: dict[str, str],
                 count: int) -> tuple[float, Counter[str]]:
    answers: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(headers=headers, cookies=cookies, limits=limits,
                                 timeout=120) as client:
        async def one() -> None:
            answers[await _get(client, url, answers)] += 1
        began = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(count)))
        return time.perf_counter() - began, answers


def burst(url: str, headers: dict[str, str], cookies: dict[str, str],
          count: int = CONNECTIONS) -> tuple[float, Counter[str]]:
    """`count` requests of `url` at once, each on its own new connection: the wall time until
    the last answer, and the answers by status (or by error)."""
    return asyncio.run(_burst(url, headers, cookies, count))


def hammer(url: str, headers: dict[str, str], cookies: dict[str, str],
           seconds: float) -> tuple[float, list[float], Counter[str]]:
    """`CONNECTIONS` busy connections on `url` for `seconds`: answers with status 200 a second,
    each answer's latency, and the answers by status (or by error, for a request that got
    none)."""
    return asyncio.run(_hammer(url, headers, cookies, seconds))
