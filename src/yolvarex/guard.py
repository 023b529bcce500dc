"""What the server checks before it reads a request's body, and the headers every answer carries.

`RequestGuard` is a plain ASGI middleware in front of everything else:

- a body larger than its limit is refused with 413, on `Content-Length` before a byte is read,
  and while streaming when the length is not declared or is a lie; uploads (the paths in
  `UPLOAD_PATHS`) may be as large as `YOLVAREX_MAX_UPLOAD_MB`, every other body (JSON, forms)
  as large as `YOLVAREX_MAX_BODY_KB`;
- an upload is only read once its sender is known: a valid API token for the API, a live web
  session for the web app; otherwise 401 (API) or a redirect to the login page (web), and the
  body is never read or spooled to disk;
- a path with control characters (`%00` and the like) is not a page: 404;
- a body that stops arriving (no bytes for `BODY_IDLE_S` while more are due: a client that
  went quiet, or one holding a worker thread open on purpose) is answered 408 and its request
  ends, so slow senders cannot pin the server's threads.

`security_headers` is applied by the app's middleware and also by the error handler, so a 500
carries the same headers as a 200. `bounded_ids` keeps ids past the database's integer range
away from the database: such a path id is a 404, such a query id a 422.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote

import anyio
import anyio.to_thread
from fastapi import Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException

from yolvarex.errors import Invalid, NotFound
from yolvarex.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: (method, path) of every request that may carry an upload as large as the upload limit.
UPLOAD_PATHS = frozenset({
    ("POST", "/api/v1/imports"),
    ("POST", "/api/v1/form/analyze"),
    ("POST", "/import"),
    ("POST", "/import/file"),
    ("POST", "/form/analyze"),
    ("POST", "/api/v1/restore"),
    ("POST", "/data/restore"),
})

#: The largest id any table holds (PostgreSQL's INTEGER); a larger one cannot name a row.
MAX_ID = 2**31 - 1

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; frame-ancestors 'none'; form-action 'self'")
HSTS = "max-age=31536000; includeSubDomains"


def content_policy(settings: Settings) -> str:
    """The CSP: images from this site only, and from the map tile server when one is set."""
    tiles = settings.map_tiles
    return CSP if tiles is None else CSP.replace("img-src 'self' data:",
                                                 f"img-src 'self' data: {tiles.origin}")


def security_headers(headers: MutableHeaders, *, secure: bool, csp: str = CSP) -> None:
    """The headers every response carries (HSTS only when the site is served over HTTPS)."""
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Content-Security-Policy", csp)
    if secure:
        headers.setdefault("Strict-Transport-Security", HSTS)


#: How long the server waits for the next piece of a body it is reading.
BODY_IDLE_S = 30.0


class BodyTooLarge(HTTPException):
    """Raised from inside `receive` when a streamed body passes its limit."""

    def __init__(self, limit: int, upload: bool) -> None:
        super().__init__(413, too_large_message(limit, upload))


class BodyStalled(HTTPException):
    """Raised from inside `receive` when the rest of a body does not come."""

    def __init__(self) -> None:
        super().__init__(408, f"The request body stopped arriving (nothing for {BODY_IDLE_S:.0f} "
                              "seconds); send it again.")


def too_large_message(limit: int, upload: bool) -> str:
    if upload:
        return (f"The upload is larger than the {limit // (1024 * 1024)} MB limit. Upload fewer "
                "files at a time, or import large archives with `yolvarex import PATH` on the "
                "server.")
    return (f"The request body is larger than the {limit // 1024} KB limit; send less at once "
            "(the upload pages take files).")


def body_limit(settings: Settings, method: str, path: str) -> int:
    return settings.max_upload_bytes if (method, path) in UPLOAD_PATHS else settings.max_body_bytes


async def _respond(scope: Scope, send: Send, status: int, message: str, *,
                   secure: bool, location: str | None = None) -> None:
    api = str(scope.get("path", "")).startswith("/api/")
    if location is not None:
        body = b""
        content_type = "text/plain; charset=utf-8"
    elif api:
        body = json.dumps({"error": message, "details": []}).encode()
        content_type = "application/json"
    else:
        body = message.encode()
        content_type = "text/plain; charset=utf-8"
    headers = MutableHeaders(raw=[])
    headers["content-type"] = content_type
    headers["content-length"] = str(len(body))
    headers["connection"] = "close"
    if location is not None:
        headers["location"] = location
    if status == 401 and api:
        headers["www-authenticate"] = "Bearer"
    security_headers(headers, secure=secure)
    await send({"type": "http.response.start", "status": status, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """Refuse what is too large or unauthenticated before reading it (see the module doc)."""

    def __init__(self, app: ASGIApp, settings: Callable[[], Settings],
                 sender_known: Callable[[str, Headers], bool]) -> None:
        self.app = app
        self.settings = settings
        self.sender_known = sender_known

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = self.settings()
        secure = settings.secure_cookies
        path = str(scope.get("path", ""))
        if any(ord(c) < 32 or ord(c) == 127 for c in path):
            await _respond(scope, send, 404, "There is nothing at this address.", secure=secure)
            return
        method = str(scope.get("method", "GET"))
        upload = (method, path) in UPLOAD_PATHS
        limit = body_limit(settings, method, path)
        headers = Headers(scope=scope)
        declared = headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            await _respond(scope, send, 413, too_large_message(limit, upload), secure=secure)
            return
        if upload and not await anyio.to_thread.run_sync(
                self.sender_known, path, headers):
            if path.startswith("/api/"):
                await _respond(scope, send, 401, "Send an API token as `Authorization: Bearer "
                               "<token>` before the upload.", secure=secure)
            else:
                await _respond(scope, send, 303, "", secure=secure,
                               location="/login?next=" + quote(path))
            return

        received = 0
        started = False
        body_done = False

        async def limited_receive() -> Message:
            nonlocal received, body_done
            if body_done:  # after the body only a disconnect can come: wait as long as it takes
                return await receive()
            with anyio.move_on_after(BODY_IDLE_S) as waiting:
                message = await receive()
            if waiting.cancelled_caught:
                raise BodyStalled()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit, upload)
                body_done = not message.get("more_body", False)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except (BodyTooLarge, BodyStalled) as exc:
            if started:
                raise
            await _respond(scope, send, exc.status_code, str(exc.detail), secure=secure)


def _out_of_range(value: str) -> bool:
    text = value.strip()
    if not text.lstrip("+-").isdigit():
        return False
    return abs(int(text)) > MAX_ID


async def bounded_ids(request: Request) -> None:
    """An id past the integer range names nothing: 404 in a path, 422 in a query."""
    for name, value in request.path_params.items():
        if (name == "id" or name.endswith("_id")) and _out_of_range(str(value)):
            raise NotFound("There is nothing with that id.")
    for name, value in request.query_params.multi_items():
        if (name == "id" or name.endswith("_id")) and _out_of_range(value):
            raise Invalid(f"{name}: an id is a whole number from 1 to {MAX_ID}.")


MAX_DETAILS = 20
MAX_DETAIL_CHARS = 300
MAX_MESSAGE_CHARS = 1000


def capped(message: str, details: list[str]) -> tuple[str, list[str]]:
    """An error's message and details cut to a size worth sending back: a body with 500,000
    wrong keys gets 20 of them and a count, not 500,000 lines."""
    shown = [d if len(d) <= MAX_DETAIL_CHARS else d[:MAX_DETAIL_CHARS - 3] + "..."
             for d in details[:MAX_DETAILS]]
    if len(details) > MAX_DETAILS:
        shown.append(f"... and {len(details) - MAX_DETAILS} more problems of the same kind.")
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[:MAX_MESSAGE_CHARS - 3] + "..."
    return message, shown
