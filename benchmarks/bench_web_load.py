"""The web under load: requests a second for Today and the main API reads, against /healthz.

Starts `yolvarex serve` on a fresh SQLite file with the demo runner (or on
`YOLVAREX_DATABASE_URL` when set), then keeps 50 connections busy for a few seconds per address.
`/healthz` is the baseline: it touches the database once and renders nothing, so the ratio says
what a page costs beyond serving any request at all. Target (issue #19): Today and the main
API reads at most 3x /healthz. Each address is read once before it is measured, as a runner's
first look of the day would (what is already known about the day is then served: see
`services/day_state.py`). Run: `.venv/bin/python benchmarks/bench_web_load.py [workers]`.
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

import httpx

CONNECTIONS = 50
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
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
    """Requests a second, each latency, and the count of answers that were not 200."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + SECONDS
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(headers=headers, cookies=cookies, limits=limits, timeout=60) as client:
        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                start = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
        elapsed = time.perf_counter() - began
    return len(latencies) / elapsed, latencies, errors


def main() -> None:
    workers = sys.argv[1] if len(sys.argv) > 1 else "1"
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "YOLVAREX_DATA_DIR": data}
        _yolvarex("db", "upgrade", env=env)
        _yolvarex("demo", env=env)
        token = _yolvarex("token", "create", "demo", env=env).split()[-1]
        port = _port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "yolvarex", "serve", "--port", str(port),
                                   "--workers", workers], env={**env, "YOLVAREX_LOG_LEVEL": "warning"},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
            base_rps, base_lat, _ = asyncio.run(_hammer(f"{base}/healthz", {}, {}))
            print(f"{workers} worker(s), {CONNECTIONS} connections, {SECONDS:.0f} s each; "
                  f"baseline /healthz: {base_rps:.1f} requests/s, "
                  f"p50 {statistics.median(base_lat) * 1000:.0f} ms")
            for path in PATHS:
                path = path.replace("{today}", day)
                warm = login.get(path, headers=bearer)
                assert warm.status_code == 200, (path, warm.status_code)
                rps, lat, errors = asyncio.run(_hammer(f"{base}{path}", bearer, cookies))
                lat.sort()
                print(f"{path}: {rps:.1f} requests/s | p50 {statistics.median(lat) * 1000:.0f} ms | "
                      f"p99 {lat[int(len(lat) * 0.99) - 1] * 1000:.0f} ms | {errors} not 200 | "
                      f"cost ratio vs /healthz {base_rps / rps:.1f} | target: at most 3")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
