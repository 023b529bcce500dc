"""Scale-out: requests a second with 1, 2 and 4 `yolvarex serve` workers against one PostgreSQL.

Every worker is a separate process holding nothing of its own (sessions, CSRF tokens, throttles,
limits and import jobs live in the database: `tests/reliability/test_scale_out.py` checks that a
request landing on another worker sees them), so throughput may grow with workers until the
CPU or the database is the limit. Each worker count gets a fresh server on the same database
(the demo runner, in a throwaway database on the suite's PostgreSQL, dropped at the end), then
`CONNECTIONS` connections for `BENCH_SECONDS` per address, as in `bench_web_load.py`; the
figure is answers with status 200 a second, and every other answer is printed by status.

Baseline: the same address with 1 worker, in the same run; the ratio is requests a second
against it. On the 2-core development machine the load generator shares the CPU with the
server, so more than 2 workers cannot add CPU. Run:
`.venv/bin/python benchmarks/bench_scale_out.py` (PostgreSQL from `scripts/test-services.sh`;
`YOLVAREX_TEST_PG_URL` names another server).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter

import httpx
from sqlalchemy import create_engine, make_url, text

CONNECTIONS = 50
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))

PG_URL = os.environ.get("YOLVAREX_TEST_PG_URL",
                        "postgresql+psycopg://yolvarex:yolvarex@127.0.0.1:5432/postgres")
WORKERS = (1, 2, 4)
PATHS = ("/healthz", "/today", "/api/v1/load")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _yolvarex(*args: str, env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-m", "yolvarex", *args], env=env, check=True,
                          capture_output=True, text=True).stdout


async def _hammer(url: str, headers: dict[str, str], cookies: dict[str, str]) -> tuple[float, Counter[str]]:
    """Requests a second over `SECONDS` with `CONNECTIONS` busy connections, and the answers
    by status (or by error, for a request that got none)."""
    answers: Counter[str] = Counter()
    stop = time.perf_counter() + SECONDS
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(headers=headers, cookies=cookies, limits=limits, timeout=60) as client:
        async def worker() -> None:
            while time.perf_counter() < stop:
                try:
                    answers[str((await client.get(url)).status_code)] += 1
                except httpx.HTTPError as exc:
                    answers[type(exc).__name__] += 1
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        elapsed = time.perf_counter() - began
    return answers["200"] / elapsed, answers


def _serve(env: dict[str, str], workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "yolvarex", "serve", "--port", str(port),
                               "--workers", str(workers)],
                              env={**env, "YOLVAREX_LOG_LEVEL": "warning"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start")


def _login(base: str) -> dict[str, str]:
    login = httpx.Client(base_url=base)
    login.get("/login")
    login.post("/login", data={"name": "demo", "password": "demo-runner",
                               "csrf_token": login.cookies.get("yolvarex_csrf", "")})
    return dict(login.cookies)


def main() -> None:
    name = f"yvx_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server: say how to start one
        sys.exit(f"PostgreSQL is not reachable at {PG_URL} ({type(exc).__name__}); "
                 "run scripts/test-services.sh first")
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    results: dict[tuple[int, str], float] = {}
    try:
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "YOLVAREX_DATA_DIR": data, "YOLVAREX_DATABASE_URL": url}
            _yolvarex("db", "upgrade", env=env)
            _yolvarex("demo", env=env)
            token = _yolvarex("token", "create", "demo", env=env).split()[-1]
            bearer = {"Authorization": f"Bearer {token}"}
            for workers in WORKERS:
                server, base = _serve(env, workers)
                try:
                    cookies = _login(base)
                    for path in PATHS:
                        rps, answers = asyncio.run(_hammer(f"{base}{path}", bearer, cookies))
                        results[(workers, path)] = rps
                        print(f"{workers} worker(s) {path}: {rps:.1f} answered 200 a second; "
                              f"answers {dict(answers)}", flush=True)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print(f"\n{CONNECTIONS} connections, {SECONDS:.0f} s per address, one PostgreSQL; "
          "ratio: requests/s against 1 worker")
    print("| address | " + " | ".join(f"{w} worker(s)" for w in WORKERS) + " |")
    print("|---|" + "---|" * len(WORKERS))
    for path in PATHS:
        one = results[(1, path)]
        cells = [f"{results[(w, path)]:.1f} ({results[(w, path)] / one:.2f}x)" for w in WORKERS]
        print(f"| `{path}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
