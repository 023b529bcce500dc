"""The athlete's lock (store/locks.py) on two connections: the second writer waits until the
first transaction ends; and what a write that still loses becomes (a 503, not a 500)."""

from __future__ import annotations

import threading

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from tests.conftest import api_token
from yolvarex.store.db import Database
from yolvarex.store.locks import hold_athlete
from yolvarex.store.models import User


def test_a_second_writer_for_the_athlete_waits_for_the_first(rt, make_user) -> None:
    ann = make_user("ann")
    first, second = Database(rt.settings.database_url), Database(rt.settings.database_url)
    # with the lock taken first: the second writer waits for the first and then goes on
    done = threading.Event()
    with first.session() as db:
        db.begin_nested()
        hold_athlete(db, ann.id)
        db.scalar(select(User.name).where(User.id == ann.id))

        def later() -> None:
            with second.session() as other:
                hold_athlete(other, ann.id)
            done.set()
        waiter = threading.Thread(target=later)
        waiter.start()
        assert not done.wait(0.5)  # held while the first transaction is open
        db.execute(text("UPDATE users SET timezone = 'UTC' WHERE id = :id"), {"id": ann.id})
    waiter.join(timeout=30)
    assert done.is_set()
    first.dispose()
    second.dispose()


def test_a_write_that_loses_the_race_is_a_503_to_try_again(client, rt, make_user,
                                                           monkeypatch) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    from yolvarex.services import training_log

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))
    monkeypatch.setattr(training_log, "log_entry", locked)
    run = {"date": "2026-11-30", "time": "07:00", "minutes": 40}
    response = client.post("/api/v1/activities/runs", json=run, headers=headers)
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert "locked" not in response.text and "try again" in response.text.lower()
