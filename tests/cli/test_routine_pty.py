"""`yolvarex routine play` in a real pseudo-terminal: read the live screen, press keys, see it logged."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

from yolvarex.store import models

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
GUARD_SECONDS = 90  # only a guard against a hung child; nothing here measures speed


class Terminal:
    """A child process on a pseudo-terminal of 100x40, and what it has drawn so far."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     close_fds=True)
        os.close(slave)
        self.master = master
        self.raw = b""
        self.mark = 0

    @property
    def text(self) -> str:
        return ANSI.sub("", self.raw.decode("utf-8", errors="replace"))

    def _pump(self, wait: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return False
        self.raw += data
        return bool(data)

    def wait_for(self, needle: str) -> str:
        """Read until `needle` shows up in what was drawn since the last key press."""
        deadline = time.monotonic() + GUARD_SECONDS
        while time.monotonic() < deadline:
            if needle in self.text[self.mark:]:
                return self.text[self.mark:]
            if not self._pump(0.1) and needle not in self.text[self.mark:]:
                break
        raise AssertionError(f"{needle!r} never appeared; the screen showed:\n{self.text[-3000:]}")

    def press(self, keys: str) -> None:
        self.mark = len(self.text)
        os.write(self.master, keys.encode())

    def finish(self) -> int:
        while self._pump(0.1):
            pass
        code = self.proc.wait(timeout=GUARD_SECONDS)
        os.close(self.master)
        return code


@pytest.fixture
def terminal_env(db_url, tmp_path):
    env = {**os.environ, "YOLVAREX_DATA_DIR": str(tmp_path), "YOLVAREX_DATABASE_URL": db_url,
           "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    env.pop("YOLVAREX_USER", None)
    return env


def _play(env: dict[str, str], *extra: str) -> Terminal:
    return Terminal([sys.executable, "-m", "yolvarex", "routine", "play", "quick-pre-run-primer",
                     "--user", "ann", "--quiet", *extra], env)


def test_play_pause_resume_skip_and_finish_logs_the_routine(rt, make_user, terminal_env) -> None:
    make_user("ann")
    term = _play(terminal_env, "--speed", "10")
    screen = term.wait_for("q quit")
    assert "Step 1 of 11" in screen
    assert "Front-to-back leg swings (left side)".upper() in screen
    assert "Cue: Let the leg swing itself." in screen and "Next:" in screen
    assert "left in this step" in screen and "left of 5 min 4 s" in screen
    assert "space pause/resume · n skip · b back" in screen

    term.press(" ")
    term.wait_for("PAUSED")
    term.press(" ")
    term.wait_for("speed x10")
    term.press("n")
    term.wait_for("FRONT-TO-BACK LEG SWINGS (RIGHT SIDE)")
    term.press("n")
    term.wait_for("Step 3 of 11")
    screen = term.wait_for("Logged for ann. Routine streak: 1.")
    assert "Routine complete." in term.text and "Done: Five-minute pre-run primer" in screen
    assert term.finish() == 0

    with rt.db.session() as db:
        rows = db.query(models.RoutineCompletion).all()
    assert [(r.routine, r.source) for r in rows] == [("quick-pre-run-primer", "cli")]
    assert 0 < rows[0].seconds < 304  # two blocks were skipped, so less than the full routine


def test_q_quits_and_nothing_is_logged(rt, make_user, terminal_env) -> None:
    make_user("ann")
    term = _play(terminal_env, "--speed", "1")
    term.wait_for("q quit")
    term.press("q")
    term.wait_for("nothing logged")
    assert term.finish() == 0
    with rt.db.session() as db:
        assert db.query(models.RoutineCompletion).count() == 0
