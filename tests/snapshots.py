"""Snapshots of generated artefacts (plans, diagrams, SVG, ICS, CLI JSON), one mechanism for
the whole suite through the `snapshot` fixture: `snapshot("name.ext", text_or_bytes)` compares
with `snapshots/name.ext` beside the test module.

- By default a missing snapshot fails (it is never written silently) and a changed one fails.
- `YOLVAREX_SNAPSHOTS=update` writes every snapshot the run produces (look at the diff).
- `YOLVAREX_SNAPSHOTS=clean` also deletes the snapshot files no test used, at the end of a
  run of the whole suite without xdist (`pytest -n 0`), so renamed artefacts leave nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "YOLVAREX_SNAPSHOTS"
MODES = ("check", "update", "clean")
USED: set[Path] = set()


def mode() -> str:
    value = os.environ.get(ENV) or ("update" if os.environ.get("YOLVAREX_UPDATE_SNAPSHOTS") == "1"
                                    else "check")
    if value not in MODES:
        raise ValueError(f"{ENV}={value!r}: use one of {', '.join(MODES)}")
    return value


def check(path: Path, actual: str | bytes) -> None:
    USED.add(path.resolve())
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if mode() != "check":
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return
    if not path.exists():
        raise AssertionError(f"snapshot {path} is missing; run the test with {ENV}=update to "
                             "write it, then look at it before committing")
    assert path.read_bytes() == data, (
        f"{path.name} changed; if that is intended, run with {ENV}=update and review the diff")


def unused(root: Path) -> list[Path]:
    """Snapshot files under `root` that no test of this run used."""
    return sorted(p for folder in root.rglob("snapshots") if folder.is_dir()
                  for p in folder.iterdir() if p.is_file() and p.resolve() not in USED)
