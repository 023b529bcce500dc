"""Snapshot helper: compare generated text with a stored file; regenerate with
YOLVAREX_UPDATE_SNAPSHOTS=1."""

from __future__ import annotations

import os
from pathlib import Path


def assert_snapshot(path: Path, actual: str) -> None:
    if os.environ.get("YOLVAREX_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        if os.environ.get("YOLVAREX_UPDATE_SNAPSHOTS") != "1":
            raise AssertionError(f"snapshot {path} is missing; run with YOLVAREX_UPDATE_SNAPSHOTS=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} changed; if intended, rerun with YOLVAREX_UPDATE_SNAPSHOTS=1"
