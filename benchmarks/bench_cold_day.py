"""A day that is not kept yet, asked for by many at once: 50 simultaneous first reads of the
demo runner's day, on 1 `yolvarex serve` worker, against 50 reads of the same day once kept.

What is known about a day is computed once and kept (`services/day_state.py`); until then every
request that asks for it needs it, and a worker computes it once for all of them (the first
computes, the others wait for its result). Per database (a fresh SQLite file, then a throwaway
database on the suite's PostgreSQL from `scripts/test-services.sh`) and per address: the kept
state is forgotten (`day_state.forget`) and the API token's last use with it (each request then
sees its use due to be recorded), `CONNECTIONS` requests are sent at once (the cold
burst), then again (the warm burst: the day is kept). Printed: the answers by status (200, 503
with Retry-After when no pooled connection came free in time, errors by name) and the cold
burst's wall time against the warm burst's in the same round (the baseline). `ROUNDS` rounds.
Run: `.venv/bin/python benchmarks/bench_cold_day.py [--sqlite | --postgresql]`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

import httpx
from sqlalchemy import update

from serving import CONNECTIONS, burst, demo_cookies, demo_token, postgresql_database, serve
from yolvarex.services import day_state
from yolvarex.store.db import Database
from yolvarex.store.models import ApiToken

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PATHS = ("/api/v1/load", "/today")


def forget(url: str) -> None:
    """Nothing of the day kept, and the API token's use due to be recorded again (as after a
    quiet minute: `accounts.TOKEN_USE_RESOLUTION`)."""
    database = Database(url)
    try:
        with database.session() as db:
            day_state.forget(db)
            db.execute(update(ApiToken).values(last_used_at=None))
    finally:
        database.dispose()


def measure(postgresql: bool) -> None:
    with tempfile.TemporaryDirectory() as data, \
            (postgresql_database() if postgresql else nullcontext(None)) as database:
        url = database or f"sqlite:///{Path(data) / 'yolvarex.sqlite3'}"
        env = {**os.environ, "YOLVAREX_DATA_DIR": data, "YOLVAREX_DATABASE_URL": url}
        bearer = demo_token(env)
        with serve(env, 1) as base:
            cookies = demo_cookies(base)
            for path in PATHS:
                assert httpx.get(f"{base}{path}", headers=bearer, cookies=cookies).is_success
                ratios = []
                for round_ in range(1, ROUNDS + 1):
                    forget(url)
                    cold, cold_answers = burst(f"{base}{path}", bearer, cookies)
                    warm, warm_answers = burst(f"{base}{path}", bearer, cookies)
                    ratios.append(cold / warm)
                    print(f"{'PostgreSQL' if postgresql else 'SQLite'} {path} round {round_}: "
                          f"cold {cold:.2f} s, answers {dict(cold_answers)} | warm {warm:.2f} s, "
                          f"answers {dict(warm_answers)} | ratio {cold / warm:.1f}", flush=True)
                print(f"{'PostgreSQL' if postgresql else 'SQLite'} {path}: median cold/warm "
                      f"{statistics.median(ratios):.1f} over {ROUNDS} rounds", flush=True)


def main() -> None:
    print(f"{CONNECTIONS} simultaneous first reads on 1 worker, against {CONNECTIONS} reads of "
          f"the kept day; load average {os.getloadavg()[0]:.1f}", flush=True)
    for postgresql in (False, True):
        if ("--sqlite" in sys.argv and postgresql) or ("--postgresql" in sys.argv and not postgresql):
            continue
        measure(postgresql)


if __name__ == "__main__":
    main()
