"""Size and credentials before the body (issue 15, item 9), and error answers of bounded size.

The refusals must come before the body is read: a request whose body is a generator is
refused with the generator never (or barely) consumed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from tests.conftest import api_token, web_login


class Body:
    """A request body that counts how much of it the server asked for."""

    def __init__(self, total: int, chunk: int = 64 * 1024) -> None:
        self.total, self.chunk, self.sent = total, chunk, 0

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < self.total:
            piece = min(self.chunk, self.total - self.sent)
            self.sent += piece
            yield b"x" * piece


def _multipart_head(boundary: str) -> dict[str, str]:
    return {"content-type": f"multipart/form-data; boundary={boundary}"}


def test_declared_length_over_the_upload_limit_is_refused_unread(rt, client, make_user) -> None:
    make_user("ann")
    body = Body(rt.settings.max_upload_bytes + 1)
    headers = api_token(rt, "ann") | _multipart_head("b") | {
        "content-length": str(body.total)}
    response = client.post("/api/v1/imports", content=body, headers=headers)
    assert response.status_code == 413
    assert "5 MB limit" in response.json()["error"]
    assert body.sent == 0


def test_a_streamed_upload_is_refused_past_the_limit(rt, client, make_user) -> None:
    """No Content-Length (chunked): 413 once the limit is passed (that reading stops there is
    tested against a real server in tests/web/test_server_abuse.py)."""
    make_user("ann")
    body = Body(rt.settings.max_upload_bytes * 2)
    response = client.post("/api/v1/imports", content=body,
                           headers=api_token(rt, "ann") | _multipart_head("b"))
    assert response.status_code == 413, response.text


def test_an_upload_without_credentials_is_refused_before_its_body(client, make_user) -> None:
    make_user("ann")
    for headers in ({}, {"Authorization": "Bearer yvx_not-a-token"}):
        body = Body(1024 * 1024)
        response = client.post("/api/v1/imports", content=body,
                               headers=headers | _multipart_head("b"))
        assert response.status_code == 401
        assert body.sent == 0
    web = Body(1024 * 1024)
    response = client.post("/import", content=web, headers=_multipart_head("b"),
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert web.sent == 0


def test_a_logged_in_upload_still_needs_the_csrf_token(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    files = [("files", ("a.gpx", b"<gpx/>", "application/gpx+xml"))]
    assert client.post("/import", files=files).status_code == 403


def test_json_bodies_are_capped(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann") | {"content-type": "application/json"}
    big = json.dumps({"notes": "x" * (rt.settings.max_body_bytes + 10)}).encode()
    response = client.put("/api/v1/checkins/2026-11-24", content=big, headers=headers)
    assert response.status_code == 413 and "KB limit" in response.json()["error"]
    streamed = Body(rt.settings.max_body_bytes * 3)
    response = client.put("/api/v1/checkins/2026-11-24", content=streamed, headers=headers)
    assert response.status_code == 413
    # Without a token the body is refused on its declared size too, never parsed.
    response = client.put("/api/v1/checkins/2026-11-24", content=big,
                          headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_body_of_many_wrong_keys_gets_a_short_error(rt, client, make_user) -> None:
    """The issue's 500k-key body made a 17.9 MB answer; now the answer lists 20 and a count."""
    make_user("ann")
    keys = {f"k{i}": 1 for i in range(50_000)}
    body = json.dumps(keys).encode()
    assert len(body) < rt.settings.max_body_bytes
    response = client.put("/api/v1/checkins/2026-11-24", content=body,
                          headers=api_token(rt, "ann") | {"content-type": "application/json"})
    assert response.status_code == 422
    details = response.json()["details"]
    assert len(details) == 21 and details[-1].startswith("... and 49980 more")
    assert len(response.content) < 5000


def test_a_long_message_is_cut_in_the_answer(rt, client, make_user) -> None:
    make_user("ann")
    response = client.get("/api/v1/library/" + "x" * 5000)
    assert response.status_code == 404
    assert len(response.json()["error"]) <= 1000
