"""`yolvarex serve`: run the web app and the API."""

from __future__ import annotations

import os
import threading

import typer
import uvicorn

from yolvarex.cli.common import checked_library, err, runtime
from yolvarex.settings import ENV_SKIP_MIGRATE

#: Seconds an idle connection is kept open between requests. Longer than the idle timeout of
#: the proxies and load balancers usually put in front (60 s), so the proxy closes an idle
#: connection first: a server closing it just as the proxy sends the next request on it is a
#: 502 for that runner (uvicorn's own default is 5 s).
KEEP_ALIVE_SECONDS = 75


def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          workers: int = typer.Option(1, min=1, max=64, help="Worker processes (one per core).")) -> None:
    """Serve the web app and the REST API (migrates the database first)."""
    checked_library()  # the server never runs on a broken library
    rt = runtime()
    from yolvarex.services import import_jobs

    if stopped := import_jobs.recover(rt.db):  # left by a server that stopped mid-import
        err.print(f"{stopped} import(s) left unfinished by the last run marked as interrupted.")
    rt.db.dispose()
    from yolvarex.services import run_analysis

    # runs kept by an older version: their figures are worked out again beside the server
    # (readers meanwhile compute them in memory, without writing)
    threading.Thread(target=run_analysis.refresh_stale, args=(rt.db,), name="refresh-runs",
                     daemon=True).start()
    err.print(f"yolvarex is running at [bold]http://{host}:{port}[/] (Ctrl+C to stop)")
    if workers > 1:
        os.environ.setdefault(ENV_SKIP_MIGRATE, "1")
    uvicorn.run("yolvarex.asgi:app", host=host, port=port, workers=workers, log_level="info",
                access_log=False, proxy_headers=True, server_header=False,
                timeout_keep_alive=KEEP_ALIVE_SECONDS)


def register(app: typer.Typer) -> None:
    app.command()(serve)
