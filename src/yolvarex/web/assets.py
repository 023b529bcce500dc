"""Static files: addresses with a content hash, long caching, gzip for the files themselves.

`static_url('css/app.css')` is `/static/css/app.css?v=<hash of the content>`: a changed file
gets a new address, so every hashed address can be cached for a year without revalidation.
Only static files are compressed: pages carry the session's CSRF token next to text a visitor
can echo into them, and compressing those would open them to BREACH-style guessing.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

STATIC = Path(__file__).parent / "static"
#: Hashed addresses never change content: a year, and no revalidation.
LONG_CACHE = "public, max-age=31536000, immutable"


@cache
def _digest(path: str) -> str:
    return hashlib.sha256((STATIC / path).read_bytes()).hexdigest()[:12]


def static_url(path: str) -> str:
    """`/static/css/app.css?v=<content hash>`; a file that does not exist is an error at render."""
    return f"/static/{path}?v={_digest(path)}"


class StaticAssets(StaticFiles):
    """Static files: the address with the current hash is cached for a year; any other
    (no hash, or an old one) revalidates, so an old address never keeps new content."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            hashed = scope.get("query_string", b"") == f"v={_digest(path)}".encode()
            response.headers["Cache-Control"] = LONG_CACHE if hashed else "no-cache"
        return response


class GzipStatic:
    """Gzip the answers under /static/ for browsers that accept it; leave every other answer."""

    def __init__(self, app: ASGIApp, minimum_size: int = 1024) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=minimum_size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/static/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
