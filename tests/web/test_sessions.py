"""Logins throttled and cheap to refuse (issue 15, item 8) and sessions that end when they
should (item 10): password change, expired sessions, CSRF bound to the session, HTTPS cookies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.conftest import api_token, csrf_of, web_login
from yolvarex import clock
from yolvarex.errors import Busy, TooManyRequests
from yolvarex.server import create_app
from yolvarex.services import accounts, login_throttle
from yolvarex.store import models

# --- item 8: throttled logins -------------------------------------------------------------------


@pytest.fixture
def long_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits of an hour once the free failures are spent, so a slow machine cannot outlast the
    first one-second wait between two steps of a test."""
    real = login_throttle.wait_after
    monkeypatch.setattr(login_throttle, "wait_after", lambda failures, free: (
        dt.timedelta(hours=1) if real(failures, free) else dt.timedelta(0)))


def _try_login(client: TestClient, name: str, password: str, address: str | None = None):
    token = csrf_of(client)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token},
                       follow_redirects=False)


def test_wrong_passwords_are_throttled_with_retry_after(client, make_user, monkeypatch,
                                                        long_waits) -> None:
    make_user("ann")
    hashes = []
    real = accounts._matches
    monkeypatch.setattr(accounts, "_matches", lambda h, p: hashes.append(1) or real(h, p))
    for _ in range(login_throttle.FREE_PER_ACCOUNT):
        assert _try_login(client, "ann", "wrong password").status_code == 401
    assert len(hashes) == login_throttle.FREE_PER_ACCOUNT
    refused = _try_login(client, "ann", "wrong password")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "Too many failed logins" in refused.text
    # A refused attempt costs no hash, and the right password waits too.
    assert len(hashes) == login_throttle.FREE_PER_ACCOUNT
    assert _try_login(client, "ann", "correct horse").status_code == 429
    assert len(hashes) == login_throttle.FREE_PER_ACCOUNT


def test_unknown_names_are_throttled_the_same_way(client, long_waits) -> None:
    codes = [_try_login(client, "nobody", "guess").status_code
             for _ in range(login_throttle.FREE_PER_ACCOUNT + 1)]
    assert codes == [401] * login_throttle.FREE_PER_ACCOUNT + [429]


def test_the_throttle_is_in_the_database_for_every_worker(rt, make_user, long_waits) -> None:
    """A second app on the same database (another worker) refuses the same account."""
    make_user("ann")
    with TestClient(create_app(rt), raise_server_exceptions=False) as one:
        for _ in range(login_throttle.FREE_PER_ACCOUNT):
            _try_login(one, "ann", "nope")
    with TestClient(create_app(rt), raise_server_exceptions=False) as two:
        assert _try_login(two, "ann", "correct horse").status_code == 429


def test_success_clears_the_account_count_after_the_wait(rt, make_user) -> None:
    make_user("ann")
    engine = rt.db.engine
    for _ in range(login_throttle.FREE_PER_ACCOUNT - 1):
        login_throttle.record_failure(engine, "ann", "10.0.0.1")
    with rt.db.session() as db:
        accounts.authenticate(db, "ann", "correct horse", "10.0.0.1")
    with rt.db.session() as db:
        keys = set(db.scalars(select(models.LoginThrottle.key)))
    assert keys == {"addr:10.0.0.1"}


def test_one_address_guessing_many_accounts_is_throttled(rt, make_user, long_waits) -> None:
    engine = rt.db.engine
    for i in range(login_throttle.FREE_PER_ADDRESS):
        login_throttle.record_failure(engine, f"user{i}", "10.0.0.9")
    with pytest.raises(TooManyRequests) as refused:
        login_throttle.check(engine, "someone-else", "10.0.0.9")
    assert refused.value.retry_after >= 1
    login_throttle.check(engine, "someone-else", "10.0.0.10")  # another address is free


def test_the_wait_doubles_and_is_capped() -> None:
    free = login_throttle.FREE_PER_ACCOUNT
    waits = [login_throttle.wait_after(free + i, free).total_seconds() for i in range(12)]
    assert waits[:4] == [1, 2, 4, 8]
    assert max(waits) == login_throttle.MAX_WAIT.total_seconds()
    assert login_throttle.wait_after(free - 1, free) == dt.timedelta(0)


def test_old_failures_are_forgotten(rt) -> None:
    engine = rt.db.engine
    for _ in range(login_throttle.FREE_PER_ACCOUNT + 2):
        login_throttle.record_failure(engine, "ann", None)
    with rt.db.session() as db:
        row = db.get(models.LoginThrottle, "user:ann")
        row.last_failure_at -= dt.timedelta(hours=2)
        row.blocked_until = None
    login_throttle.record_failure(engine, "ann", None)
    with rt.db.session() as db:
        assert db.get(models.LoginThrottle, "user:ann").failures == 1


def test_concurrent_password_hashing_is_bounded(monkeypatch) -> None:
    """No more than HASH_SLOTS hashes at once; a caller that waits too long is told to retry."""
    slots = threading.BoundedSemaphore(1)
    monkeypatch.setattr(accounts, "_hash_slots", slots)
    monkeypatch.setattr(accounts, "HASH_WAIT_S", 0.01)
    slots.acquire()
    try:
        with pytest.raises(Busy) as busy:
            accounts.hash_password("a long password")
        assert busy.value.status == 503 and busy.value.retry_after >= 1
    finally:
        slots.release()
    assert accounts.hash_password("a long password").startswith("$argon2")


def test_a_busy_login_answers_503_with_retry_after(client, make_user, monkeypatch) -> None:
    make_user("ann")
    slots = threading.BoundedSemaphore(1)
    monkeypatch.setattr(accounts, "_hash_slots", slots)
    monkeypatch.setattr(accounts, "HASH_WAIT_S", 0.01)
    slots.acquire()
    try:
        response = _try_login(client, "ann", "correct horse")
    finally:
        slots.release()
    assert response.status_code == 503 and response.headers["retry-after"] == "2"


# --- item 10: sessions end when they should -----------------------------------------------------


def _session_count(rt, user_id: int) -> int:
    with rt.db.session() as db:
        return int(db.scalar(select(func.count()).select_from(models.WebSession)
                             .where(models.WebSession.user_id == user_id)) or 0)


def test_a_password_change_ends_other_sessions_and_revokes_tokens(rt, client, make_user) -> None:
    ann = make_user("ann")
    other = TestClient(client.app, raise_server_exceptions=False)
    web_login(other, "ann")
    headers = api_token(rt, "ann")
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    web_login(client, "ann")
    assert _session_count(rt, ann.id) == 2
    token = client.cookies.get("yolvarex_csrf")
    response = client.post("/account/password", data={
        "current": "correct horse", "password": "a new long password",
        "confirm": "a new long password", "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert client.get("/account").status_code == 200  # this session goes on
    assert other.get("/account", follow_redirects=False).status_code == 303  # that one ended
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    assert _session_count(rt, ann.id) == 1
    fresh = TestClient(client.app, raise_server_exceptions=False)
    web_login(fresh, "ann", "a new long password")


def test_a_password_change_needs_the_current_password(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    wrong = client.post("/account/password", data={
        "current": "not it", "password": "a new long password",
        "confirm": "a new long password", "csrf_token": token})
    assert wrong.status_code == 422 and "current password" in wrong.text
    differ = client.post("/account/password", data={
        "current": "correct horse", "password": "a new long password",
        "confirm": "another long password", "csrf_token": token})
    assert differ.status_code == 422
    with rt.db.session() as db:
        accounts.authenticate(db, "ann", "correct horse")  # unchanged


def test_the_cli_password_change_ends_every_session(rt, make_user, client) -> None:
    ann = make_user("ann")
    web_login(client, "ann")
    headers = api_token(rt, "ann")
    with rt.db.session() as db:
        done = accounts.set_password(db, db.get(models.User, ann.id), "another password")
    assert (done.sessions_ended, done.tokens_revoked) == (1, 1)
    assert client.get("/account", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_log_out_everywhere_else(rt, client, make_user) -> None:
    ann = make_user("ann")
    other = TestClient(client.app, raise_server_exceptions=False)
    web_login(other, "ann")
    web_login(client, "ann")
    response = client.post("/account/sessions/end-others",
                           data={"csrf_token": client.cookies.get("yolvarex_csrf")})
    assert response.status_code == 200 and "Logged out everywhere else (1 other" in response.text
    assert other.get("/today", follow_redirects=False).status_code == 303
    assert client.get("/today").status_code == 200
    assert _session_count(rt, ann.id) == 1


def test_expired_sessions_are_deleted_and_do_not_work(rt, client, make_user) -> None:
    ann = make_user("ann")
    web_login(client, "ann")
    with rt.db.session() as db:
        for row in db.scalars(select(models.WebSession)):
            row.expires_at = clock.now() - dt.timedelta(seconds=1)
    assert client.get("/today", follow_redirects=False).status_code == 303
    fresh = TestClient(client.app, raise_server_exceptions=False)
    web_login(fresh, "ann")  # any login sweeps expired sessions away
    assert _session_count(rt, ann.id) == 1


def test_a_planted_csrf_cookie_and_field_pair_fails(rt, client, make_user) -> None:
    """An attacker who can set a cookie (a sibling subdomain) plants `yolvarex_csrf=X` and
    posts `csrf_token=X`: the logged-in session's own token is required instead."""
    make_user("ann")
    web_login(client, "ann")
    client.cookies.set("yolvarex_csrf", "planted-by-someone")
    for path, data in (("/account/tokens", {"label": "evil"}),
                       ("/account/body", {"max_hr": "180"}),
                       ("/logout", {})):
        response = client.post(path, data=data | {"csrf_token": "planted-by-someone"},
                               follow_redirects=False)
        assert response.status_code == 403, path
    with rt.db.session() as db:
        assert db.scalar(select(func.count()).select_from(models.ApiToken)) == 0


def test_the_csrf_token_is_rotated_at_login(rt, client, make_user) -> None:
    make_user("ann")
    before = csrf_of(client)
    web_login(client, "ann")
    after = client.cookies.get("yolvarex_csrf")
    assert after and after != before
    with rt.db.session() as db:
        assert db.scalar(select(models.WebSession.csrf_token)) == after
    stale = client.post("/account/tokens", data={"label": "x", "csrf_token": before})
    assert stale.status_code == 403
    page = client.get("/account")
    assert f'value="{after}"' in page.text
    web_login(client, "ann")
    assert client.cookies.get("yolvarex_csrf") != after


def test_https_cookies_hsts_and_no_store(rt, make_user) -> None:
    make_user("ann")
    secure_rt = dataclasses.replace(rt, settings=dataclasses.replace(rt.settings,
                                                                     secure_cookies=True))
    with TestClient(create_app(secure_rt), base_url="https://testserver",
                    raise_server_exceptions=False) as client:
        page = client.get("/login")
        assert page.headers["strict-transport-security"].startswith("max-age=")
        csrf = client.cookies.get("__Host-yolvarex_csrf")
        assert csrf
        response = client.post("/login", data={"name": "ann", "password": "correct horse",
                                               "csrf_token": csrf}, follow_redirects=False)
        assert response.status_code == 303
        cookies = response.headers.get_list("set-cookie")
        session = next(c for c in cookies if c.startswith("__Host-yolvarex_session="))
        assert "Secure" in session and "HttpOnly" in session and "Path=/" in session
        assert "Domain" not in session
        account = client.get("/account")
        assert account.status_code == 200
        assert account.headers["cache-control"] == "no-store"
        created = client.post("/account/tokens", data={
            "label": "x", "csrf_token": client.cookies.get("__Host-yolvarex_csrf")})
        assert "yvx_" in created.text and created.headers["cache-control"] == "no-store"
    plain = TestClient(create_app(rt), raise_server_exceptions=False)
    assert "strict-transport-security" not in plain.get("/login").headers


def test_guessing_the_current_password_is_throttled_like_a_login(rt, client, make_user,
                                                                monkeypatch, long_waits) -> None:
    """Someone holding a signed-in session (a shared computer) cannot guess the password
    through the change form at the hashing's speed: it counts with the account's failed logins,
    and once refused costs no hash."""
    make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    hashes = []
    real = accounts._matches
    monkeypatch.setattr(accounts, "_matches", lambda h, p: hashes.append(1) or real(h, p))

    def change(current: str):
        return client.post("/account/password", data={
            "current": current, "password": "a new long password",
            "confirm": "a new long password", "csrf_token": token})

    for _ in range(login_throttle.FREE_PER_ACCOUNT):
        assert change("a guess").status_code == 422
    refused = change("another guess")
    assert refused.status_code == 429 and "Too many failed logins" in refused.text
    assert change("correct horse").status_code == 429  # the right one waits too
    assert len(hashes) == login_throttle.FREE_PER_ACCOUNT
    assert _try_login(client, "ann", "correct horse").status_code == 429  # and logins with it
