"""The web under load: requests a second for Today and the main API reads, against /healthz.

Starts `yolvarex serve` on a fresh SQLite file with the demo runner (`--postgresql`: on a fresh
database of the suite's PostgreSQL server, `YOLVAREX_TEST_PG_URL`, from
`scripts/test-services.sh`), then keeps 50 connections busy for a few seconds per address.
`/healthz` is the baseline: it touches the database once and renders nothing, so the ratio says
what a page costs beyond serving any request at all. The machine it runs on is shared, so
`/healthz` is measured again right before each address and the ratio is taken from that pair.
Target (issue #19): Today and the main API reads at most 3x /healthz. Each address is read once
before it is measured, as a runner's first look of the day would (what is already known about
the day is then served: see `services/day_state.py`).
Run: `.venv/bin/python benchmarks/bench_web_load.py [workers] [--postgresql]`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

CONNECTIONS = 50
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
PG_URL = os.environ.get("YOLVAREX_TEST_PG_URL",
                        "postgresql+psycopg://yolvarex:yolvarex@127.0.0.1:5432/postgres")
PATHS = ["/today", "/api/v1/load", "/api/v1/decisions/{today}", "/api/v1/plans/current",
         "/api/v1/plans/day/{today}", "/api/v1/week"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _yolvarex(*args: str, env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-m", "yolvarex", *args], env=env, check=True,
                          capture_output=True, text=True).stdout


async def _hammer(url: str, headers: dict[str, str],
                  cookies: dict[str, str]) -> tuple[float, list[float], int]:
    """Requests a second, each latency, and the count of answers that were not 200 (a
    connection the server dropped counts as one)."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + SECONDS
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(headers=headers, cookies=cookies, limits=limits, timeout=60) as client:
        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                except httpx.TransportError:  # a dropped connection: counted, not fatal
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        elapsed = time.perf_counter() - began
    return len(latencies) / elapsed, latencies, errors


@contextmanager
def _database(postgresql: bool) -> Iterator[dict[str, str]]:
    """The environment of a fresh database: a SQLite file, or a new PostgreSQL database."""
    if not postgresql:
        yield {}
        return
    name = f"yvx_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server: say how to start one
        sys.exit(f"PostgreSQL is not reachable at {PG_URL} ({type(exc).__name__}); "
                 "run scripts/test-services.sh first")
    try:
        yield {"YOLVAREX_DATABASE_URL": make_url(PG_URL).set(database=name).render_as_string(
            hide_password=False)}
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    workers = args[0] if args else "1"
    postgresql = "--postgresql" in sys.argv
    with tempfile.TemporaryDirectory() as data, _database(postgresql) as database:
        env = {**os.environ, "YOLVAREX_DATA_DIR": data, **database}
        _yolvarex("db", "upgrade", env=env)
        _yolvarex("demo", env=env)
        token = _yolvarex("token", "create", "demo", env=env).split()[-1]
        port = _port()
        base = f"http://127.0.0.1:{port}"
        log = open(os.path.join(data, "server.log"), "wb")  # noqa: SIM115 - closed below
        server = subprocess.Popen([sys.executable, "-m", "yolvarex", "serve", "--port", str(port),
                                   "--workers", workers], env={**env, "YOLVAREX_LOG_LEVEL": "warning"},
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            login = httpx.Client(base_url=base)
            login.get("/login")
            login.post("/login", data={"name": "demo", "password": "demo-runner",
                                       "csrf_token": login.cookies.get("yolvarex_csrf", "")})
            cookies = dict(login.cookies)
            today = login.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
            day = today["today"]
            bearer = {"Authorization": f"Bearer {token}"}
            print(f"{'PostgreSQL' if postgresql else 'SQLite'}, {workers} worker(s), "
                  f"{CONNECTIONS} connections, {SECONDS:.0f} s each; load average "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
            for path in PATHS:
                path = path.replace("{today}", day)
                warm = login.get(path, headers=bearer)
                assert warm.status_code == 200, (path, warm.status_code)
                base_rps, _, base_errors = asyncio.run(_hammer(f"{base}/healthz", {}, {}))
                rps, lat, errors = asyncio.run(_hammer(f"{base}{path}", bearer, cookies))
                lat.sort()
                print(f"{path}: {rps:.1f} requests/s | p50 {statistics.median(lat) * 1000:.0f} ms | "
                      f"p99 {lat[int(len(lat) * 0.99) - 1] * 1000:.0f} ms | {errors} not 200 | "
                      f"/healthz just before: {base_rps:.1f} requests/s ({base_errors} not 200) | "
                      f"cost ratio vs /healthz {base_rps / rps:.1f} | target: at most 3", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()
            text_logged = Path(log.name).read_text(encoding="utf-8", errors="replace")
            logged = [line for line in text_logged.splitlines()
                      if "error" in line.lower() or "Traceback" in line]
            if logged:
                print(f"server log: {len(logged)} error lines; the last: {logged[-1].strip()[:300]}")


if __name__ == "__main__":
    main()
