"""No 500s from ordinary races or odd input (issue 15, item 11), and reads that do not write
(item 12). Every test here runs on SQLite and, with YOLVAREX_TEST_DB=postgresql, PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest
from sqlalchemy import select

from tests.conftest import BACKEND, api_token, csrf_of, web_login
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import accounts, checkins
from yolvarex.store import models
from yolvarex.store.access import Actor

TREE_WITH_CONTROL = "id: my-tree\ntitle: A\x01B\nsummary: x\nroot: a\nnodes: []\n"


def test_simultaneous_checkins_for_a_new_day_all_succeed(rt, client, make_user) -> None:
    """A double click, many times over: every request answers 200 and one row remains."""
    make_user("ann")
    headers = api_token(rt, "ann")
    start = threading.Barrier(8)

    def put(i: int) -> int:
        start.wait()
        return client.put("/api/v1/checkins/2026-11-24", json={"pain": i % 5},
                          headers=headers).status_code

    for _ in range(3):
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(put, range(8)))
        assert codes == [200] * 8
    with rt.db.session() as db:
        rows = db.scalars(select(models.CheckIn)).all()
    assert len(rows) == 1 and rows[0].data["pain"] in range(5)


def test_a_second_save_waiting_on_the_first_is_an_update(rt, make_user) -> None:
    """The race made deterministic: B writes while A holds the new row uncommitted. Before the
    upsert, B inserted too and failed with a unique violation once A committed."""
    ann = make_user("ann")
    day = dt.date(2026, 11, 24)
    a_flushed, b_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with rt.db.session() as db:
                checkins.save_checkin(db, ann, CheckIn(date=day, pain=1))
                a_flushed.set()
                b_done.wait(timeout=0.5)  # B is now waiting on A's row or lock
        except BaseException as exc:
            errors.append(exc)

    def second() -> None:
        try:
            a_flushed.wait()
            with rt.db.session() as db:
                checkins.save_checkin(db, ann, CheckIn(date=day, pain=3))
        except BaseException as exc:
            errors.append(exc)
        finally:
            b_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with rt.db.session() as db:
        assert checkins.get_checkin(db, ann, day).pain == 3


def test_control_characters_in_a_tree_are_a_clear_error(rt, client, make_user) -> None:
    make_user("ann")
    response = client.post("/api/v1/trees/validate", json={"source": TREE_WITH_CONTROL},
                           headers=api_token(rt, "ann"))
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is False
    assert body["errors"][0]["line"] == 2
    assert "control characters" in body["errors"][0]["message"]
    assert "U+0001" in body["errors"][0]["message"]
    nul = client.post("/api/v1/trees/validate", json={"source": "id: a\x00b\n"},
                      headers=api_token(rt, "ann"))
    assert nul.status_code == 200 and nul.json()["valid"] is False


def test_control_characters_in_the_coach_tree_editor(rt, client, make_user) -> None:
    make_user("cora", role="coach")
    web_login(client, "cora")
    token = csrf_of(client)
    for path in ("/coach/trees/preview", "/coach/trees"):
        response = client.post(path, data={"source": TREE_WITH_CONTROL, "csrf_token": token})
        assert response.status_code in (200, 422), (path, response.status_code)
        assert "control characters" in response.text
    put = client.put("/api/v1/coach/trees/my-tree", json={"source": TREE_WITH_CONTROL},
                     headers=api_token(rt, "cora"))
    assert put.status_code == 422 and "control characters" in " ".join(put.json()["details"])


@pytest.mark.parametrize("big", ["2147483648", "9223372036854775808", "-9223372036854775809",
                                 "1" + "0" * 40])
def test_ids_past_the_integer_range_are_not_found(rt, client, make_user, big: str) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    for method, path in (("GET", f"/api/v1/activities/{big}"),
                         ("PATCH", f"/api/v1/activities/{big}"),
                         ("DELETE", f"/api/v1/activities/{big}"),
                         ("GET", f"/api/v1/form/runs/{big}"),
                         ("GET", f"/api/v1/decisions/2026-11-24?athlete_id={big}"),
                         ("DELETE", f"/api/v1/strength-sessions/{big}")):
        response = client.request(method, path, headers=headers, json={"rpe": 3})
        assert response.status_code in (404, 422), (method, path, response.status_code)
    query = client.get(f"/api/v1/plans/current?athlete_id={big}", headers=headers)
    assert query.status_code == 422
    web_login(client, "ann")
    for path in (f"/log/{big}/edit", f"/form/runs/{big}"):
        assert client.get(path).status_code == 404, path


def test_the_largest_id_is_an_ordinary_miss(rt, client, make_user) -> None:
    make_user("ann")
    response = client.get("/api/v1/activities/2147483647", headers=api_token(rt, "ann"))
    assert response.status_code == 404


def test_control_characters_in_a_path_are_not_found(rt, client, make_user) -> None:
    make_user("ann")
    response = client.get("/api/v1/coach/trees/a%00b", headers=api_token(rt, "ann"))
    assert response.status_code == 404


def test_a_500_carries_the_security_headers(client, monkeypatch, make_user) -> None:
    from yolvarex.web.routes import account

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(account.core, "render", boom, raising=True)
    monkeypatch.setattr("yolvarex.api.routes.checkins.list_checkins", boom)
    make_user("ann")
    response = client.get("/api/v1/me")  # a 401 first: headers on handled errors
    assert response.headers["x-frame-options"] == "DENY"
    from tests.conftest import api_token as token_for

    crash = client.get("/api/v1/checkins?from=2026-11-01&to=2026-11-02",
                       headers=token_for(client.app.state.runtime, "ann"))
    assert crash.status_code == 500
    for header in ("x-content-type-options", "x-frame-options", "content-security-policy",
                   "referrer-policy"):
        assert header in crash.headers, header
    assert "boom" not in crash.text


# --- item 12: reads do not write ----------------------------------------------------------------


def _last_used(rt, token_id: int) -> dt.datetime | None:
    with rt.db.session() as db:
        row = db.get(models.ApiToken, token_id)
        assert row is not None
        return row.last_used_at


def test_token_use_is_recorded_at_most_once_a_minute(rt, client, make_user, monkeypatch) -> None:
    make_user("ann")
    with rt.db.session() as db:
        token, row = accounts.create_api_token(db, accounts.user_named(db, "ann"))
        token_id = row.id
    headers = {"Authorization": f"Bearer {token}"}
    writes: list[int] = []
    real = accounts.note_token_use

    def counting(engine, tid, now):  # type: ignore[no-untyped-def]
        wrote = real(engine, tid, now)
        writes.append(int(wrote))
        return wrote

    monkeypatch.setattr(accounts, "note_token_use", counting)
    for _ in range(5):
        assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert writes == [1]
    first = _last_used(rt, token_id)
    assert first is not None
    with rt.db.session() as db:  # a minute later, the next request records it again
        db.get(models.ApiToken, token_id).last_used_at = first - dt.timedelta(seconds=61)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert writes == [1, 1]
    assert _last_used(rt, token_id) > first - dt.timedelta(seconds=61)


def test_a_token_lookup_leaves_the_request_session_clean(rt, make_user) -> None:
    """The use is written on its own connection once the unit of work has ended: the caller's
    unit of work has nothing to flush, so a read-only request never takes the write lock for
    it, and it never holds one pooled connection while waiting for another."""
    make_user("ann")
    with rt.db.session() as db:
        token, _ = accounts.create_api_token(db, accounts.user_named(db, "ann"))
    with rt.db.session() as db:
        user = accounts.user_for_token(db, token)
        assert user.name == "ann"
        assert not db.dirty and not db.new and not db.deleted
        assert rt.db.engine.pool.checkedout() == 1  # its own, and no other yet
        assert db.scalar(select(models.ApiToken.last_used_at)) is None
    with rt.db.session() as db:
        assert db.scalar(select(models.ApiToken.last_used_at)) is not None


def test_as_many_token_requests_as_pooled_connections_never_wait_for_another(
        rt, make_user, monkeypatch) -> None:
    """Every pooled connection held by a request whose token's use is due to be recorded: none
    needs a second connection (it used to, and they all waited until the pool timed out)."""
    monkeypatch.setattr(accounts, "TOKEN_USE_RESOLUTION", dt.timedelta(0))  # each one records
    make_user("ann")
    with rt.db.session() as db:
        token, _ = accounts.create_api_token(db, accounts.user_named(db, "ann"))
    pool = rt.db.engine.pool
    full = pool.size() + pool._max_overflow  # type: ignore[attr-defined]
    held_when_noted: list[int] = []
    real = accounts.note_token_use

    def noting(engine, tid, now):  # type: ignore[no-untyped-def]
        held_when_noted.append(pool.checkedout())
        return real(engine, tid, now)

    monkeypatch.setattr(accounts, "note_token_use", noting)
    with ExitStack() as requests:
        for _ in range(full):
            db = requests.enter_context(rt.db.session())
            assert accounts.user_for_token(db, token).name == "ann"
        assert pool.checkedout() == full
    assert len(held_when_noted) == full and max(held_when_noted) < full
    with rt.db.session() as db:
        assert db.scalar(select(models.ApiToken.last_used_at)) is not None


def test_note_token_use_does_not_write_twice_within_a_minute(rt, make_user) -> None:
    ann: Actor = make_user("ann")
    with rt.db.session() as db:
        user = db.get(models.User, ann.id)
        _, row = accounts.create_api_token(db, user)
        token_id = row.id
    now = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)
    engine = rt.db.engine
    assert accounts.note_token_use(engine, token_id, now) is True
    assert accounts.note_token_use(engine, token_id, now + dt.timedelta(seconds=30)) is False
    assert accounts.note_token_use(engine, token_id, now + dt.timedelta(seconds=60)) is True


def test_a_nul_character_in_a_text_is_never_a_500(rt, client, make_user) -> None:
    """SQLite keeps it; PostgreSQL cannot store it in a text or JSON: a 422 that says so."""
    make_user("ann")
    headers = api_token(rt, "ann")
    for method, path, body in (
            ("POST", "/api/v1/activities/runs", {"date": "2026-11-20", "minutes": 30,
                                                 "notes": "a\u0000b"}),
            ("PUT", "/api/v1/checkins/2026-11-20", {"notes": "a\u0000b"})):
        response = client.request(method, path, json=body, headers=headers)
        if BACKEND == "postgresql":
            assert response.status_code == 422, (path, response.status_code)
            assert "NUL character" in response.json()["error"]
        else:
            assert response.status_code in (200, 201), (path, response.status_code)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
