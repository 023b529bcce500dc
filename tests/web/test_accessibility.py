"""Every page a runner can reach passes basic accessibility checks, on a phone and a desktop.

The test logs in as the demo runner, starts at Today and visits every same-site page linked
from the navigation and from each page (one level deep), checking: a language, one h1, a main
landmark, labelled form fields, named buttons and links, charts with a title, and no
horizontal scrolling on a phone.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.web.conftest import log_in, shot

pytestmark = pytest.mark.browser

CHECKS = (Path(__file__).parent / "a11y_checks.js").read_text(encoding="utf-8")

SKIP = ("/logout", "/static/", "/api/", ".ics", ".json", "/export", "/healthz")


def _links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    out = set()
    for href in hrefs:
        url = urlparse(href)
        if url.netloc and url.netloc != urlparse(base).netloc:
            continue
        path = url.path + (f"?{url.query}" if url.query else "")
        if path.startswith("/") and not any(s in path for s in SKIP):
            out.add(path)
    return out


def test_every_reachable_page_passes_basic_checks(page, live_server, demo_runner) -> None:
    log_in(page, demo_runner, "demo-runner")
    page.goto("/today")
    to_visit = sorted(_links(page, live_server) | {"/today", "/account", "/fuel", "/api/v1/docs"})
    seen: dict[str, list[str]] = {}
    for path in to_visit:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        seen[path] = page.evaluate(CHECKS)
        for deeper in sorted(_links(page, live_server))[:25]:
            if deeper in seen or deeper in to_visit:
                continue
            response = page.goto(deeper)
            assert response is not None and response.status < 400, deeper
            seen[deeper] = page.evaluate(CHECKS)
    failures = {path: problems for path, problems in seen.items() if problems}
    assert failures == {}, failures
    assert len(seen) >= 10
    for path in ("/today", "/plan", "/progress", "/form", "/trees"):
        page.goto(path)
        shot(page, f"demo{path.replace('/', '-')}")
    page.goto("/log")
    shot(page, "demo-log")
