"""Every route of the app, API and web, is tried without credentials (issue 15).

The test walks the app's route table, so a new route is tried the day it is added: an API route
must answer 401, a page must send the visitor to the login page, unless the route is listed in
`PUBLIC` with the reason it may be seen by anyone. A listed route that no longer exists fails
too, so the list cannot rot. Web forms get a valid logged-out CSRF pair, so it is the login
check that refuses them, not the CSRF check.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from tests.conftest import csrf_of
from yolvarex.server import create_app

#: (method, path template) -> why anyone may use it.
PUBLIC: dict[tuple[str, str], str] = {
    ("GET", "/"): "the start page (a logged-in runner goes on to Today, a coach to the board)",
    ("GET", "/signup"): "sign up",
    ("POST", "/signup"): "sign up",
    ("GET", "/login"): "log in",
    ("POST", "/login"): "log in (throttled)",
    ("POST", "/logout"): "ends whatever session the browser has, if any",
    ("GET", "/healthz"): "the load balancer's health check",
    ("GET", "/favicon.ico"): "the site's icon",
    ("GET", "/manifest.webmanifest"): "the web app manifest, so a phone can install the app",
    ("GET", "/sw.js"): "the service worker: static files and the offline page, nothing private",
    ("GET", "/offline"): "the offline page the service worker shows; the same for everyone",
    ("GET", "/api/v1/openapi.json"): "the API's description",
    ("GET", "/api/v1/docs"): "the API's readable page",
    ("GET", "/api/v1/library"): "the shipped library is public content",
    ("GET", "/api/v1/library/search"): "searching the shipped library, public content",
    ("GET", "/api/v1/library/{kind}"): "the shipped library is public content",
    ("GET", "/api/v1/library/{kind}/{entry_id}"): "the shipped library is public content",
    ("GET", "/api/v1/library/{kind}/{entry_id}/figure.svg"): "the shipped library is public content",
    ("GET", "/api/v1/routines"): "shipped routines, with their computed times",
    ("GET", "/api/v1/routines/{routine_id}"): "a shipped routine laid out in time",
    ("GET", "/library"): "the shipped library, readable before signing up",
    ("GET", "/library/{kind}"): "the shipped library, readable before signing up",
    ("GET", "/library/{kind}/{entry_id}"): "the shipped library, readable before signing up",
    ("GET", "/routines"): "shipped routines, readable before signing up",
    ("GET", "/routines/{routine_id}"): "a shipped routine, readable before signing up",
    ("GET", "/cal/{token}.ics"): "a calendar feed: the secret token in its address is the "
                                 "credential (calendar apps cannot log in); a wrong one is a 404",
}

SAMPLE = {"day": "2026-11-24", "kind": "exercises", "entry_id": "glute-bridge",
          "tree_id": "red-flags", "routine_id": "after-the-long-run"}


def _path(template: str) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name in SAMPLE:
            return SAMPLE[name]
        return "1" if name.endswith("id") else "x"

    return re.sub(r"\{([^}]+)\}", fill, template)


def _every_route(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(method, path) of every route, those of included routers too (static files aside)."""
    out = []
    for context in iter_route_contexts(app.routes):
        methods = getattr(context.original_route, "methods", None)
        if context.path is None or methods is None:
            continue  # the /static mount
        out += [(method, context.path) for method in sorted(methods) if method != "HEAD"]
    return out


def test_the_route_table_is_walked(rt) -> None:
    app = create_app(rt)
    routes = _every_route(app)
    assert len(routes) > 80
    missing = [key for key in PUBLIC if key not in routes]
    assert missing == [], f"PUBLIC lists routes that no longer exist: {missing}"


@pytest.fixture
def anonymous(rt):  # type: ignore[no-untyped-def]
    with TestClient(create_app(rt), raise_server_exceptions=False) as client:
        yield client


def test_every_route_needs_a_login_or_is_listed_public(rt, anonymous: TestClient) -> None:
    token = csrf_of(anonymous)
    failures = []
    for method, template in _every_route(anonymous.app):
        if (method, template) in PUBLIC:
            continue
        path = _path(template)
        api = template.startswith("/api/")
        kwargs: dict[str, object] = {"follow_redirects": False}
        if method not in ("GET", "HEAD") and not api:
            kwargs["data"] = {"csrf_token": token}
        elif method not in ("GET", "HEAD"):
            kwargs["json"] = {}
        response = anonymous.request(method, path, **kwargs)  # type: ignore[arg-type]
        if api:
            ok = response.status_code == 401
        else:
            ok = response.status_code == 303 and \
                response.headers.get("location", "").startswith("/login")
        if not ok:
            failures.append(f"{method} {path}: {response.status_code} "
                            f"{response.headers.get('location', '')}")
    assert failures == [], "routes that answer a stranger:\n" + "\n".join(failures)


def test_the_public_routes_answer_without_a_login(anonymous: TestClient) -> None:
    for method, template in PUBLIC:
        if method != "GET":
            continue
        response = anonymous.get(_path(template), follow_redirects=False)
        expected = (404,) if "{token}" in template else (200, 204)  # a made-up token finds nothing
        assert response.status_code in expected, (template, response.status_code)
