"""`yolvarex import` of a folder: a progress bar (files, MB, time left) on a terminal, nothing
of it in a pipe or with --json."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.cli.test_routine_pty import Terminal
from yolvarex.store import models

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
RUNS = ("activity-small-fenix2-run.fit", "2013-02-06-12-11-14.fit", "compressed-speed-distance.fit",
        "garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "garmin-fenix-5-walk.fit",
        "forerunner-410-run.tcx", "polar-m400-run.gpx")
pytestmark = pytest.mark.db


def _folder(tmp_path: Path, copies: int = 3) -> tuple[Path, int]:
    """The eight sample activities, each `copies` times (the copies are duplicates)."""
    folder = tmp_path / "watch"
    folder.mkdir()
    size = 0
    for copy in range(copies):
        for name in RUNS:
            target = folder / f"{copy}-{name}"
            shutil.copy(ACTIVITIES / name, target)
            size += target.stat().st_size
    return folder, size


def test_a_terminal_shows_files_megabytes_and_time_left(make_user, db_url, tmp_path, rt) -> None:
    make_user("ann")
    folder, size = _folder(tmp_path)
    env = {**os.environ, "YOLVAREX_DATA_DIR": str(tmp_path), "YOLVAREX_DATABASE_URL": db_url,
           "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "40"}
    env.pop("YOLVAREX_USER", None)
    term = Terminal([sys.executable, "-m", "yolvarex", "import", str(folder), "--user", "ann"], env)
    screen = term.wait_for("Already in your log")
    assert term.finish() == 0
    assert "Importing" in screen and "of 24 files" in screen
    assert f"of {size / 1e6:.1f} MB" in screen and "left" in screen
    assert f"24 of 24 files {size / 1e6:.1f} of {size / 1e6:.1f} MB" in screen  # the last frame
    assert re.search(r"Imported\s+8\b", screen) and re.search(r"Already in your log\s+16\b", screen)
    with rt.db.session() as db:
        assert db.query(models.Activity).count() == 8


def test_a_pipe_and_json_get_no_progress_bar(cli, make_user, tmp_path, rt) -> None:
    make_user("ann")
    folder, _ = _folder(tmp_path, copies=2)
    plain = cli("import", str(folder), "--user", "ann")  # CliRunner: not a terminal
    assert plain.exit_code == 0, plain.output
    assert "Importing" not in plain.output and " MB" not in plain.output
    assert "Already in your log" in plain.output
    again = cli("import", str(folder), "--user", "ann", "--json")
    assert again.exit_code == 0
    assert json.loads(again.output) == {"imported": 0, "duplicates": 16, "cross_training": 0,
                                        "failed": []}
