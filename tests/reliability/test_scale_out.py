"""Nothing lives in the app process: with `yolvarex serve --workers 2` (SQLite, and PostgreSQL in
the `-m db` run), what one request sets holds when the next request lands on the other worker:
the web session, its CSRF token, the login throttle and the sign-up limit.

Which worker answered is read from the server's log (every line carries its process id). Each
request goes on a new connection, so the kernel hands it to either worker; a step is repeated
(at most `TRIES` times, each repeat harmless) until it lands on the other one. The server's
clock is frozen (`YOLVAREX_CLOCK`), so a throttle's wait cannot run out between two steps."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability.server import Server, serving
from yolvarex.services import login_throttle, signup_throttle
from yolvarex.services.runtime import Runtime

pytestmark = pytest.mark.db
TRIES = 60


class Workers:
    """A client that opens a new connection per request and knows which worker answered."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.client = httpx.Client(base_url=server.url, follow_redirects=False, timeout=60,
                                   limits=httpx.Limits(max_keepalive_connections=0))
        self.read = 0

    def send(self, method: str, path: str, **kwargs: Any) -> tuple[httpx.Response, int]:
        response = self.client.request(method, path, **kwargs)
        return response, self._pid(method, path)

    def _pid(self, method: str, path: str) -> int:
        lines = self.server.log.read_text(errors="replace").splitlines()
        fresh, self.read = lines[self.read:], len(lines)
        for line in reversed(fresh):
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("event") == "request" and entry.get("method") == method \
                    and entry.get("path") == path:
                return int(entry["pid"])
        raise AssertionError(f"no log line for {method} {path}: {fresh[-5:]}")

    def elsewhere(self, pid: int, method: str, path: str,
                  **kwargs: Any) -> tuple[httpx.Response, int]:
        """The request, repeated until a worker other than `pid` answers it."""
        for _ in range(TRIES):
            response, served = self.send(method, path, **kwargs)
            if served != pid:
                return response, served
        raise AssertionError(f"{TRIES} requests all landed on worker {pid}")

    def csrf(self) -> str:
        return self.client.cookies.get("yolvarex_csrf") or ""


@pytest.fixture
def two_workers(rt: Runtime, make_user: Callable[..., Any], tmp_path: Path) -> Iterator[Server]:
    make_user("ann")
    rt.db.dispose()
    with serving(rt.settings.database_url, tmp_path, workers=2,
                 extra_env={"YOLVAREX_CLOCK": "2026-11-30T10:00:00Z",
                            "YOLVAREX_LOG_LEVEL": "info"}) as server:
        yield server


def test_sessions_tokens_throttles_and_limits_hold_on_the_other_worker(two_workers: Server) -> None:
    """One server start (a few seconds each) for every check."""
    _session_and_csrf(two_workers)
    _login_throttle_and_sign_up_limit(two_workers)


def _session_and_csrf(server: Server) -> None:
    for _ in range(TRIES):  # a new browser each time, until its login lands on another worker
        web = Workers(server)
        _, first = web.send("GET", "/login")  # sets the pre-session CSRF cookie
        signed_in, login_pid = web.send("POST", "/login", data={
            "name": "ann", "password": "correct horse", "csrf_token": web.csrf()})
        assert signed_in.status_code == 303, signed_in.text[:300]
        if login_pid != first:
            break
    else:
        raise AssertionError("every login landed on the worker that served its form")
    token = web.csrf()  # the session's own token, made at login
    assert token
    today, _ = web.elsewhere(login_pid, "GET", "/today")
    assert today.status_code == 200 and "Log out" in today.text  # the session, on the other worker
    saved, saved_pid = web.elsewhere(login_pid, "POST", "/account/timezone",
                                     data={"timezone": "Europe/Berlin", "csrf_token": token})
    assert saved.status_code == 303 and saved.headers["location"].startswith("/account")
    forged, _ = web.elsewhere(saved_pid, "POST", "/account/timezone",
                              data={"timezone": "Europe/Paris", "csrf_token": "not-the-token"})
    assert forged.status_code == 403
    account, _ = web.elsewhere(saved_pid, "GET", "/account")
    assert "Europe/Berlin" in account.text


def _login_throttle_and_sign_up_limit(server: Server) -> None:
    web = Workers(server)
    web.send("GET", "/login")
    wrong = {"name": "ann", "password": "wrong password", "csrf_token": web.csrf()}
    for _ in range(login_throttle.FREE_PER_ACCOUNT):  # the free failures, on whichever worker
        failed, _ = web.send("POST", "/login", data=wrong)
        assert failed.status_code == 401
    refused, refused_pid = web.send("POST", "/login", data=wrong)
    assert refused.status_code == 429 and "Too many failed logins" in refused.text
    again, _ = web.elsewhere(refused_pid, "POST", "/login",
                             data={**wrong, "password": "correct horse"})
    assert again.status_code == 429 and int(again.headers["retry-after"]) >= 1

    taken = {"name": "ann", "password": "a new long password", "confirm": "a new long password",
             "csrf_token": web.csrf()}
    last = 0
    for _ in range(signup_throttle.TAKEN_PER_HOUR):
        answer, last = web.send("POST", "/signup", data=taken)
        assert answer.status_code == 422
    limited, _ = web.elsewhere(last, "POST", "/signup", data=taken)
    assert limited.status_code == 429 and "Too many sign-ups" in limited.text
