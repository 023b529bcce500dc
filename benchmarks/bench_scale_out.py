"""Scale-out: requests a second with 1, 2 and 4 `yolvarex serve` workers against one PostgreSQL.

Every worker is a separate process holding nothing of its own (sessions, CSRF tokens, throttles,
limits and import jobs live in the database: `tests/reliability/test_scale_out.py` checks that a
request landing on another worker sees them), so throughput may grow with workers until the
CPU or the database is the limit. Each worker count gets a fresh server on the same database
(the demo runner, in a throwaway database on the suite's PostgreSQL, dropped at the end), then
`CONNECTIONS` connections for `BENCH_SECONDS` per address, as in `bench_web_load.py`; the
figure is answers with status 200 a second, and every other answer is printed by status (a
GET whose connection was closed unanswered is sent once more and counted as such, see
`serving._get`), with the server log's lines that tell of a problem.

Baseline: the same address with 1 worker, in the same run; the ratio is requests a second
against it. On the 2-core development machine the load generator shares the CPU with the
server, so more than 2 workers cannot add CPU. Run:
`.venv/bin/python benchmarks/bench_scale_out.py` (PostgreSQL from `scripts/test-services.sh`;
`YOLVAREX_TEST_PG_URL` names another server).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx

from serving import (
    CONNECTIONS,
    demo_cookies,
    demo_token,
    hammer,
    logged_problems,
    postgresql_database,
    serve,
)

SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = (1, 2, 4)
PATHS = ("/healthz", "/today", "/api/v1/load")


def main() -> None:
    results: dict[tuple[int, str], float] = {}
    with postgresql_database() as url, tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "YOLVAREX_DATA_DIR": data, "YOLVAREX_DATABASE_URL": url}
        bearer = demo_token(env)
        for workers in WORKERS:
            log = Path(data) / f"server-{workers}.log"
            with serve(env, workers, log) as base:
                cookies = demo_cookies(base)
                for path in PATHS:  # read once first, as a runner's first look of the day would
                    assert httpx.get(f"{base}{path}", headers=bearer, cookies=cookies).is_success
                    rps, _, answers = hammer(f"{base}{path}", bearer, cookies, SECONDS)
                    results[(workers, path)] = rps
                    print(f"{workers} worker(s) {path}: {rps:.1f} answered 200 a second; "
                          f"answers {dict(answers)}", flush=True)
            for line in logged_problems(log):
                print(f"  server log ({workers} worker(s)): {line}")
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
