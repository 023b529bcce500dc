"""What a read costs once the day's state is kept, and how a read keeps what it computed.

- Today and the main API reads make a bounded number of SQL queries when the day is kept (the
  login or token, the kept part, and Today's open invitations): a change that queries the store
  again on every request fails here.
- A read that computed a part keeps it only when its unit of work commits (one upsert, no lock
  held while it computes), keeps nothing when it rolls back, and reads racing to keep the same
  part all succeed and leave one row.
- The verdict card is drawn once per kept decision, and drawn again when the decision changes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select

from tests.conftest import api_token, web_login
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import checkins, day_state, decisions, load_report, plans
from yolvarex.services import today as today_service
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Actor
from yolvarex.web.routes import today as today_route

TODAY = dt.date(2026, 11, 30)
DAY = TODAY.isoformat()
PROFILE = {"start": "2026-11-23", "weeks": 8, "experience": "some", "equipment": ["bodyweight"],
           "sessions_per_week": 2, "minutes_per_session": 30,
           "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                        "sat": "long", "sun": "rest"}}
#: SQL statements a read may make when the day is kept: who is asking (session or token), the
#: kept part with both stamps, and on Today the open coaching invitations (read live).
QUERIES_KEPT = {"/today": 3, "/api/v1/load": 2, f"/api/v1/decisions/{DAY}": 2,
                "/api/v1/plans/current": 2, f"/api/v1/plans/day/{DAY}": 2, "/api/v1/week": 2}


def _runner(rt, make_user) -> Actor:
    ann = make_user("ann")
    with rt.db.session() as db:
        plans.create_plan(db, ann, PROFILE, library())
        for back in range(1, 10):
            checkins.save_checkin(db, ann, CheckIn(date=TODAY - dt.timedelta(days=back),
                                                   soreness=back % 3, resting_hr=50))
        checkins.save_checkin(db, ann, CheckIn(date=TODAY, soreness=1, sleep_hours=8))
    return ann


@contextmanager
def _statements(rt) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(rt.db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(rt.db.engine, "before_cursor_execute", count)


def _kept_rows(rt, athlete_id: int) -> list[tuple[str, int]]:
    with rt.db.session() as db:
        return list(db.execute(select(models.DayState.part, models.DayState.revision).where(
            models.DayState.user_id == athlete_id).order_by(models.DayState.part)))


@pytest.mark.parametrize("path", list(QUERIES_KEPT))
def test_a_kept_read_makes_a_bounded_number_of_queries(rt, client, make_user, path: str) -> None:
    _runner(rt, make_user)
    web_login(client, "ann")
    headers = api_token(rt, "ann")
    assert client.get(path, headers=headers).status_code == 200  # computed and kept
    with _statements(rt) as kept:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    assert len(kept) <= QUERIES_KEPT[path], (path, kept)
    assert not [s for s in kept if not s.lstrip().upper().startswith("SELECT")], kept  # no write


def test_a_read_keeps_what_it_computed_when_its_unit_of_work_commits(rt, make_user) -> None:
    ann = _runner(rt, make_user)
    with rt.db.session() as db:
        day_state.forget(db)
    with rt.db.session() as db, _statements(rt) as seen:
        page = today_service.today_page(db, ann, library(), TODAY)
        assert not [s for s in seen if not s.lstrip().upper().startswith("SELECT")]  # no write yet
        assert _kept_rows(rt, ann.id) == []  # another connection sees nothing kept yet
    kept = _kept_rows(rt, ann.id)
    assert {part for part, _ in kept} >= {f"today:{DAY}", f"decision:{DAY}"}
    with rt.db.session() as db:
        assert today_service.today_page(db, ann, library(), TODAY) == page


def test_a_unit_of_work_that_rolls_back_keeps_nothing(rt, make_user) -> None:
    ann = _runner(rt, make_user)
    with rt.db.session() as db:
        day_state.forget(db)
    with pytest.raises(RuntimeError), rt.db.session() as db:
        decisions.decide_day(db, ann, TODAY)
        raise RuntimeError("the request failed")
    assert _kept_rows(rt, ann.id) == []
    with rt.db.session() as db:  # a savepoint rolled back after computing: not kept either
        decisions.decide_day(db, ann, TODAY)
        with pytest.raises(RuntimeError), db.begin_nested():
            raise RuntimeError("a part of the work failed")
    assert _kept_rows(rt, ann.id) == []


def test_reads_racing_to_keep_the_same_part_all_succeed_and_leave_one_row(rt, make_user) -> None:
    ann = _runner(rt, make_user)
    with rt.db.session() as db:
        day_state.forget(db)
        expected = (decisions.decide_day(db, ann, TODAY), load_report.report(db, ann, TODAY))
        day_state.forget(db)
    start = threading.Barrier(8)
    results: list[Any] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            with rt.db.session() as db:
                start.wait()
                found = (decisions.decide_day(db, ann, TODAY), load_report.report(db, ann, TODAY))
            results.append(found)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(results) == 8
    assert all(found == expected for found in results)
    rows = _kept_rows(rt, ann.id)
    assert sorted(part for part, _ in rows) == [f"decision:{DAY}", f"load:{DAY}:6"]
    with rt.db.session() as db:
        assert db.scalar(select(func.count()).select_from(models.DayState)) == 2
        assert {revision for _, revision in rows} == {day_state.revision(db, ann.id)}


def test_the_verdict_card_is_drawn_once_per_kept_decision(rt, client, make_user, monkeypatch) -> None:
    ann = _runner(rt, make_user)
    web_login(client, "ann")
    drawn: list[object] = []
    real = today_route.decision_view
    monkeypatch.setattr(today_route, "decision_view", lambda d, lib: drawn.append(d) or real(d, lib))
    first = client.get("/today").text  # computed, then read from what is kept
    assert client.get("/today").text == first
    drawn_for_the_day = len(drawn)
    assert all(client.get("/today").text == first for _ in range(3))
    assert len(drawn) == drawn_for_the_day  # the kept decision's card was not drawn again
    assert "verdict-see_professional" not in first
    with rt.db.session() as db:
        checkins.save_checkin(db, ann, CheckIn(date=TODAY, red_flags=["chest_pain"]))
    changed = client.get("/today").text
    assert "verdict-see_professional" in changed and changed != first
    assert drawn[-1].verdict.value == "see_professional"
