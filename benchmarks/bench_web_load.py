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

import os
import statistics
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

import httpx

from serving import (
    CONNECTIONS,
    RETRIED,
    demo_cookies,
    demo_token,
    hammer,
    logged_problems,
    postgresql_database,
    serve,
)

SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
PATHS = ["/today", "/api/v1/load", "/api/v1/decisions/{today}", "/api/v1/plans/current",
         "/api/v1/plans/day/{today}", "/api/v1/week"]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    workers = int(args[0]) if args else 1
    postgresql = "--postgresql" in sys.argv
    with tempfile.TemporaryDirectory() as data, \
            (postgresql_database() if postgresql else nullcontext(None)) as database:
        env = {**os.environ, "YOLVAREX_DATA_DIR": data}
        if database:
            env["YOLVAREX_DATABASE_URL"] = database
        bearer = demo_token(env)
        log = Path(data) / "server.log"
        with serve(env, workers, log) as base:
            cookies = demo_cookies(base)
            day = httpx.get(f"{base}/api/v1/me", headers=bearer).json()["today"]
            print(f"{'PostgreSQL' if postgresql else 'SQLite'}, {workers} worker(s), "
                  f"{CONNECTIONS} connections, {SECONDS:.0f} s each; load average "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
            for path in PATHS:
                path = path.replace("{today}", day)
                warm = httpx.get(f"{base}{path}", headers=bearer, cookies=cookies)
                assert warm.status_code == 200, (path, warm.status_code)
                base_rps, _, base_answers = hammer(f"{base}/healthz", {}, {}, SECONDS)
                rps, lat, answers = hammer(f"{base}{path}", bearer, cookies, SECONDS)
                lat.sort()
                errors = sum(answers.values()) - answers["200"] - answers[RETRIED]
                base_errors = sum(base_answers.values()) - base_answers["200"] - base_answers[RETRIED]
                retried = f" ({answers[RETRIED]} {RETRIED})" if answers[RETRIED] else ""
                print(f"{path}: {rps:.1f} requests/s{retried} | p50 {statistics.median(lat) * 1000:.0f} ms | "
                      f"p99 {lat[int(len(lat) * 0.99) - 1] * 1000:.0f} ms | {errors} not 200 | "
                      f"/healthz just before: {base_rps:.1f} requests/s ({base_errors} not 200) | "
                      f"cost ratio vs /healthz {base_rps / rps:.1f} | target: at most 3", flush=True)
        logged = logged_problems(log)
        if logged:
            print(f"server log: {len(logged)} problem lines; the last: {logged[-1]}")


if __name__ == "__main__":
    main()
