"""The ASGI app: web pages, the JSON API under /api/v1, static files and error pages."""

from __future__ import annotations

import time
from typing import Any

import anyio
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, OperationalError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import cookie_parser

from yolvarex import __version__, guard, logs
from yolvarex.api.coaching import router as coaching_api
from yolvarex.api.data import router as data_api
from yolvarex.api.decisions import router as decisions_api
from yolvarex.api.form import router as form_api_router
from yolvarex.api.plans import router as plans_router
from yolvarex.api.routes import router as api_router
from yolvarex.api.routines import router as routines_api
from yolvarex.api.runs import router as runs_api
from yolvarex.api.training import router as training_api_router
from yolvarex.api.week import router as week_api
from yolvarex.errors import TooManyRequests, UserError
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime, open_runtime
from yolvarex.store.db import DatabaseUnavailable, db_contended
from yolvarex.web import assets, core, filters
from yolvarex.web.routes import ROUTERS

log = logs.log

_health_threads = anyio.CapacityLimiter(2)

API_DESCRIPTION = """\
The yolvarex REST API. Authenticate every request with an API token:
`Authorization: Bearer <token>`. Create a token with `yolvarex token create NAME` or on the
Account page. Errors come back as `{"error": "...", "details": [...]}` with a fitting status.
"""


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def _error(request: Request, status: int, message: str, details: list[str] | None = None) -> Response:
    message, shown = guard.capped(message, details or [])
    response: Response
    if _wants_json(request):
        response = JSONResponse({"error": message, "details": shown}, status_code=status)
    else:
        titles = {404: "Page not found", 403: "Not allowed", 401: "Please log in",
                  413: "Too large", 429: "Too many tries", 500: "Something went wrong"}
        response = core.render(request, "error.html", {
            "status": status, "title": titles.get(status, "That did not work"),
            "message": message, "details": shown}, status_code=status)
    # Errors that end in the outermost handler (500) skip the middleware: set the headers here.
    settings = request.app.state.runtime.settings
    guard.security_headers(response.headers, secure=settings.secure_cookies,
                           csp=guard.content_policy(settings))
    return response


def _sender_known(rt: Runtime, path: str, headers: Headers) -> bool:
    """Whether an upload comes from someone we know, before its body is read (see guard.py)."""
    with rt.db.session() as db:
        if path.startswith("/api/"):
            scheme, _, token = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                return False
            try:
                accounts.user_for_token(db, token.strip())
            except UserError:
                return False
            return True
        cookies = cookie_parser(headers.get("cookie", ""))
        return accounts.web_session(db, cookies.get(core.session_cookie(rt.settings))) is not None


def create_app(rt: Runtime | None = None) -> FastAPI:
    app = FastAPI(
        title="yolvarex", version=__version__, description=API_DESCRIPTION,
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
        dependencies=[Depends(guard.bounded_ids)],
    )
    app.state.runtime = rt or open_runtime()
    logs.configure(app.state.runtime.settings.log_level or "info")
    app.add_middleware(assets.GzipStatic)
    app.add_middleware(guard.RequestGuard, settings=lambda: app.state.runtime.settings,
                       sender_known=lambda path, headers: _sender_known(
                           app.state.runtime, path, headers))
    filters.register(core.templates.env)
    app.mount("/static", assets.StaticAssets(directory=assets.STATIC), name="static")
    app.include_router(api_router)
    app.include_router(training_api_router)
    app.include_router(form_api_router)
    app.include_router(routines_api)
    app.include_router(decisions_api)
    app.include_router(plans_router)
    app.include_router(data_api)
    app.include_router(week_api)
    app.include_router(coaching_api)
    app.include_router(runs_api)
    for router in ROUTERS:
        app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        settings = app.state.runtime.settings
        core.set_csrf_cookie(request, response, settings)
        guard.security_headers(response.headers, secure=settings.secure_cookies,
                               csp=guard.content_policy(settings))
        logs.event("request", method=request.method, path=request.url.path,
                   status=response.status_code,
                   ms=round((time.perf_counter() - started) * 1000, 1))
        return response

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        response = _error(request, exc.status, exc.message, exc.details)
        if isinstance(exc, TooManyRequests):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(core.LoginRequired)
    async def login_required(request: Request, exc: core.LoginRequired) -> Response:
        from urllib.parse import quote

        return core.redirect(f"/login?next={quote(exc.next_path)}")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        details = [f"{'.'.join(str(p) for p in e['loc'] if p != 'body')}: {e['msg']}"
                   for e in exc.errors()]
        return _error(request, 422, "The request has invalid values.", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _error(request, 404, "There is nothing at this address. Check the link, or "
                                        "start again from Today.")
        if exc.status_code == 405:
            return _error(request, 405, "This address does not accept that kind of request.")
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(DatabaseUnavailable)
    async def db_down(request: Request, exc: DatabaseUnavailable) -> Response:
        log.error("%s", exc)
        return _error(request, 503, "The database is not reachable right now. Try again in a "
                                    "minute; if it persists, check the server's log.")

    @app.exception_handler(OperationalError)
    async def contended(request: Request, exc: OperationalError) -> Response:
        # Writers wait for each other (SQLite's busy timeout, PostgreSQL's row locks:
        # store/db.py, store/locks.py); one that still loses (a wait past the timeout, a
        # deadlock) is told to try again, never shown "database is locked". The transaction
        # was rolled back.
        if not db_contended(exc):
            raise exc
        log.warning("database contention on %s %s: %s", request.method, request.url.path,
                    str(exc.orig or exc).splitlines()[0][:200])
        response = _error(request, 503, "The server is busy saving other changes; nothing was "
                                        "saved. Try again in a few seconds.")
        response.headers["Retry-After"] = "2"
        return response

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> Response:
        # PostgreSQL refuses some values SQLite keeps, above all a NUL character (\u0000) in a
        # text; that is odd input, not a crash. The transaction was rolled back.
        log.warning("database refused a value on %s %s: %s", request.method, request.url.path,
                    str(exc.orig or exc).splitlines()[0][:200])
        return _error(request, 422, "The request holds a value the database cannot store, such "
                                    "as a NUL character (\\u0000) in a text. Remove it and try "
                                    "again.")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(request, 500, "The server hit an unexpected problem and logged it. Your "
                                    "data is safe; nothing was half-saved. Try again.")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> Response:
        # Its own threads: a burst of requests filling the shared pool (200 logins queued for
        # the password hasher) must not make the health check wait behind them.
        try:
            await anyio.to_thread.run_sync(app.state.runtime.db.ping, limiter=_health_threads)
        except DatabaseUnavailable:
            return JSONResponse({"status": "unavailable",
                                 "error": "the database cannot be reached"}, status_code=503)
        return JSONResponse({"status": "ok"})

    return app


