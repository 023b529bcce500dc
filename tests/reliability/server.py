"""A real `yolvarex serve` in its own process for the reliability tests: started on a given
database with 1 or more workers, stopped gently or killed."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL the server and its workers (no clean-up runs: a crash)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def start(db_url: str, data_dir: Path, workers: int = 1, extra_env: dict[str, str] | None = None,
          name: str = "server", nice: int = 0) -> Server:
    """`yolvarex serve` on `db_url`, in its own process group; returns once /healthz answers.
    `nice` lowers its CPU priority, so a test that keeps it busy on purpose does not starve
    the tests running beside it."""
    env = {**os.environ, "YOLVAREX_DATA_DIR": str(data_dir), "YOLVAREX_DATABASE_URL": db_url,
           **(extra_env or {})}
    port = free_port()
    log = data_dir / f"{name}.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "yolvarex", "serve", "--port", str(port), "--workers",
             str(workers)], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=(lambda: os.nice(nice)) if nice else None)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    for _ in range(600):
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start: " + log.read_text())


@contextmanager
def serving(db_url: str, data_dir: Path, workers: int = 1,
            extra_env: dict[str, str] | None = None, nice: int = 0) -> Iterator[Server]:
    server = start(db_url, data_dir, workers, extra_env, nice=nice)
    try:
        yield server
    finally:
        server.stop()
