"""Structured logs: one JSON object per line on standard error, for people and log shippers.

`event("request", method="GET", path="/today", status=200, ms=12.5)` writes
`{"time": "...", "level": "info", "pid": 4242, "event": "request", "method": "GET", ...}`. Plain messages
(`log.warning("...")`) come out the same way with the text as `event`. The level comes from
`YOLVAREX_LOG_LEVEL` (see settings.py): the server defaults to `info`, the CLI to `warning` so
its own output stays clean.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import IO, Any

LOGGER = "yolvarex"
LEVELS = ("debug", "info", "warning", "error")
log = logging.getLogger(LOGGER)


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "pid": record.process,  # which worker process wrote it (`serve --workers N`)
            "event": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to `stream`, or to whatever `sys.stderr` is at the moment of writing (so a
    replaced or closed standard error, as under a test runner, is never held on to)."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__(stream)
        self.fixed = stream

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = self.fixed or sys.stderr
        super().emit(record)


def configure(level: str, stream: IO[str] | None = None) -> None:
    """Send yolvarex's logs as JSON lines to `stream` (standard error) at `level`; idempotent."""
    handler = _Handler(stream)
    handler.setFormatter(JsonLines())
    for old in list(log.handlers):
        log.removeHandler(old)
    log.addHandler(handler)
    log.setLevel(level.upper())
    log.propagate = False


def event(what: str, level: int = logging.INFO, /, **fields: Any) -> None:
    """One structured log line: `what` happened, and `fields`, the facts about it."""
    log.log(level, what, extra={"fields": fields})
