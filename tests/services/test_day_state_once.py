"""A part of the day that is not kept yet is computed once for all who ask at once, in one
process (`day_state._computed_once`), and never handed to a request at another revision.

Each request is a thread with its own unit of work on the test database, as the server's
threadpool runs them. Who waits is seen through the flight's event (`Waits`), so nothing here
depends on timing; the timeouts below only end a test that fails.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from yolvarex.domain.checkin import CheckIn
from yolvarex.services import checkins, day_state
from yolvarex.store import models

TODAY = dt.date(2026, 11, 30)  # the suite's frozen clock
PART = "herd-test"
THREADS = 8
FAIL_AFTER = 60  # seconds: only reached when the test fails


class Waits:
    """Counts the requests that wait for another one's result."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.waiting = threading.Semaphore(0)
        waits = self

        class Event(threading.Event):
            def wait(self, timeout: float | None = None) -> bool:
                waits.waiting.release()
                return super().wait(timeout)

        real = day_state._Flight
        monkeypatch.setattr(day_state, "_Flight", lambda leader: real(leader, done=Event()))
        monkeypatch.setattr(day_state, "WAIT_SECONDS", 600.0)

    def until(self, count: int) -> None:
        for _ in range(count):
            assert self.waiting.acquire(timeout=FAIL_AFTER), "a request never waited"


def checkins_of(db: Any, athlete_id: int) -> int:
    return db.scalar(select(func.count()).select_from(models.CheckIn).where(
        models.CheckIn.user_id == athlete_id)) or 0


def ask(rt: Any, athlete_id: int, compute: Callable[[Any], Any]) -> Any:
    """One request for the part: its own unit of work, committed at the end."""
    with rt.db.session() as db:
        return day_state.known(db, athlete_id, TODAY, TODAY, PART, day_state.JSON,
                               lambda: compute(db))


def run(target: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """`target` in a thread of its own: the thread and what it gave (a result or an error)."""
    out: list[Any] = []

    def body() -> None:
        try:
            out.append(target())
        except Exception as exc:
            out.append(exc)

    thread = threading.Thread(target=body)
    thread.start()
    return thread, out


def finished(thread: threading.Thread) -> None:
    thread.join(FAIL_AFTER)
    assert not thread.is_alive()


def test_many_at_once_compute_once(rt, make_user, monkeypatch) -> None:
    ann = make_user("ann")
    waits = Waits(monkeypatch)
    calls: list[int] = []

    def compute(db: Any) -> dict[str, int]:
        calls.append(1)
        waits.until(THREADS - 1)  # everyone else is waiting for this result
        return {"checkins": checkins_of(db, ann.id), "calls": len(calls)}

    started = [run(lambda: ask(rt, ann.id, compute)) for _ in range(THREADS)]
    for thread, _ in started:
        finished(thread)
    answers = [out[0] for _, out in started]
    assert len(calls) == 1
    assert answers == [{"checkins": 0, "calls": 1}] * THREADS
    assert day_state._flights == {}
    with rt.db.session() as db:  # and it is kept for the next request
        assert day_state.kept(db, ann.id, TODAY, PART) == '{"checkins":0,"calls":1}'


def test_a_request_after_a_write_never_gets_the_older_result(rt, make_user, monkeypatch) -> None:
    ann = make_user("ann")
    waits = Waits(monkeypatch)
    first, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def compute(db: Any) -> int:
        calls.append(1)
        if len(calls) == 1:  # the first request computes until the test lets it go
            first.set()
            assert release.wait(FAIL_AFTER)
        return checkins_of(db, ann.id)

    leader, leader_out = run(lambda: ask(rt, ann.id, compute))
    assert first.wait(FAIL_AFTER)
    follower, follower_out = run(lambda: ask(rt, ann.id, compute))
    waits.until(1)  # it asked before the write: it waits for the first one's result
    with rt.db.session() as db:
        before = day_state.revision(db, ann.id)
        checkins.save_checkin(db, ann, CheckIn(date=TODAY, soreness=6))
    with rt.db.session() as db:
        assert day_state.revision(db, ann.id) > before
    late, late_out = run(lambda: ask(rt, ann.id, compute))
    finished(late)  # it computes itself while the first one is still computing
    assert late_out == [1] and len(calls) == 2
    release.set()
    finished(leader)
    finished(follower)
    # the follower read the revision before the write, as the first one did: it was handed the
    # first one's result (which may or may not have seen the write: it reads on after its stamp)
    assert follower_out == leader_out and len(calls) == 2
    assert ask(rt, ann.id, lambda db: pytest.fail("kept at the newer revision")) == 1


def test_when_the_first_request_fails_the_others_compute(rt, make_user, monkeypatch) -> None:
    ann = make_user("ann")
    waits = Waits(monkeypatch)
    calls: list[int] = []

    def compute(db: Any) -> int:
        calls.append(1)
        if len(calls) == 1:
            waits.until(THREADS - 1)
            raise RuntimeError("the first request broke")
        return checkins_of(db, ann.id)

    started = [run(lambda: ask(rt, ann.id, compute)) for _ in range(THREADS)]
    for thread, _ in started:
        finished(thread)
    answers = [out[0] for _, out in started]
    assert sum(isinstance(a, RuntimeError) for a in answers) == 1
    assert sorted(a for a in answers if not isinstance(a, RuntimeError)) == [0] * (THREADS - 1)
    assert len(calls) == THREADS
    assert day_state._flights == {}


def test_a_slow_first_request_is_not_waited_for_longer_than_the_bound(
        rt, make_user, monkeypatch) -> None:
    ann = make_user("ann")
    waits = Waits(monkeypatch)
    monkeypatch.setattr(day_state, "WAIT_SECONDS", 0.0)
    first, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def compute(db: Any) -> int:
        calls.append(1)
        if len(calls) == 1:
            first.set()
            assert release.wait(FAIL_AFTER)
        return checkins_of(db, ann.id)

    leader, leader_out = run(lambda: ask(rt, ann.id, compute))
    assert first.wait(FAIL_AFTER)
    assert ask(rt, ann.id, compute) == 0  # waited (for nothing) and computed itself
    waits.until(1)
    release.set()
    finished(leader)
    assert leader_out == [0] and len(calls) == 2
