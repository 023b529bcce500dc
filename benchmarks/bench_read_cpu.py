"""What a kept read costs in CPU, one request at a time: Today and `/api/v1/load` against
`/healthz`, through the ASGI app in this process (no server, no network, no concurrency).

The demo runner on a fresh SQLite file; each address is read once first (its day is then
kept). The endpoints run inline instead of in the thread pool, so `time.process_time()` sees
all of their work. 7 blocks of 30 requests of each address, each right after a block of
`/healthz` (the machine is shared); the medians and the median of the paired ratios.
`--profile` prints a cProfile of 200 Today requests. Run:
`.venv/bin/python benchmarks/bench_read_cpu.py [--profile]`.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx

BLOCKS, PER_BLOCK = 7, 30


async def _inline(func: Any, *args: Any, **_kwargs: Any) -> Any:
    return func(*args)


async def _measure(client: httpx.AsyncClient, headers: dict[str, str], path: str) -> float:
    await client.get(path, headers=headers)
    started = time.process_time()
    for _ in range(PER_BLOCK):
        response = await client.get(path, headers=headers)
        assert response.status_code == 200, (path, response.status_code)
    return (time.process_time() - started) / PER_BLOCK * 1000


async def _run(profile: bool) -> None:
    from yolvarex.server import create_app
    from yolvarex.services import accounts
    from yolvarex.services.demo import load_demo
    from yolvarex.services.runtime import Runtime
    from yolvarex.settings import Settings
    from yolvarex.store import migrate
    from yolvarex.store.db import Database

    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder}/bench.sqlite3"
    db = Database(url)
    migrate.upgrade(db)
    rt = Runtime(settings=Settings(data_dir=folder, database_url=url, default_user=None,
                                   max_upload_bytes=5 << 20, secure_cookies=False,
                                   log_level="warning"), db=db)
    with db.session() as session:
        load_demo(session, rt.library, None, "demo")
        token, _ = accounts.create_api_token(session, accounts.user_named(session, "demo"))
    bearer = {"Authorization": f"Bearer {token}"}
    app = create_app(rt)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        await client.get("/login")
        await client.post("/login", data={"name": "demo", "password": "demo-runner",
                                          "csrf_token": client.cookies.get("yolvarex_csrf", "")})
        for path in ("/today", "/api/v1/load"):
            own: list[float] = []
            health: list[float] = []
            for _ in range(BLOCKS):
                health.append(await _measure(client, bearer, "/healthz"))
                own.append(await _measure(client, bearer, path))
            ratio = statistics.median(o / h for o, h in zip(own, health, strict=True))
            print(f"{path}: {statistics.median(own):.1f} ms of CPU a request; /healthz "
                  f"{statistics.median(health):.1f} ms; paired ratio {ratio:.2f} (in process, "
                  "one at a time)", flush=True)
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(200):
                await client.get("/today")
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
            print(out.getvalue())
    db.dispose()


def main() -> None:
    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    asyncio.run(_run("--profile" in sys.argv))


if __name__ == "__main__":
    main()
