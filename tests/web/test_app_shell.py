"""Installable and light: manifest, service worker, offline page, favicon, hashed static files
that are cached for a year and sent gzipped, htmx only where a page uses it."""

from __future__ import annotations

import json
import re
import struct

import pytest

from tests.conftest import web_login


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_manifest_names_the_app_and_its_icons_exist_at_their_sizes(client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(response.text)
    assert manifest["name"].startswith("yolvarex") and manifest["short_name"] == "yolvarex"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/today"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    purposes = set()
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and icon["type"] == "image/png"
        width, height = _png_size(image.content)
        assert icon["sizes"] == f"{width}x{height}"
        purposes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes


def test_the_service_worker_is_served_from_the_root_and_caches_what_exists(client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == "no-cache"
    body = response.text
    listed = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))
    assert "/offline" in listed and any(u.startswith("/static/css/app.css?v=") for u in listed)
    for url in listed:
        assert client.get(url).status_code == 200, url
    assert "__VERSION__" not in body and "__PRECACHE__" not in body


def test_the_offline_page_is_public_and_holds_nothing_private(client, make_user) -> None:
    make_user("zoltan")
    web_login(client, "zoltan")
    page = client.get("/offline")
    assert page.status_code == 200 and "You are offline" in page.text
    assert "zoltan" not in page.text and "csrf" not in page.text.lower()


def test_every_page_links_the_manifest_icons_and_the_service_worker(client) -> None:
    page = client.get("/login").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'name="theme-color"' in page and 'content="light dark"' in page
    assert client.get("/favicon.ico").headers["content-type"] == "image/x-icon"
    app_js = re.search(r'src="(/static/js/app\.js\?v=\w+)"', page).group(1)
    assert 'serviceWorker.register("/sw.js")' in client.get(app_js).text


def test_hashed_static_files_are_cached_for_a_year_and_sent_gzipped(client) -> None:
    page = client.get("/login").text
    css = re.search(r'href="(/static/css/app\.css\?v=(\w+))"', page).group(1)
    response = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "gzip"
    assert int(response.headers["content-length"]) < len(response.content) / 3
    plain = client.get("/static/css/app.css")
    assert plain.headers["cache-control"] == "no-cache"
    stale = client.get("/static/css/app.css?v=000000000000")
    assert stale.headers["cache-control"] == "no-cache"  # an old address never keeps new content


def test_pages_are_not_compressed(client) -> None:
    """Pages carry the CSRF token: compressing them next to echoed text invites BREACH."""
    response = client.get("/login", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers


@pytest.mark.db
def test_htmx_loads_only_on_pages_that_use_it(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    for path in ("/today", "/plan", "/log", "/checkin", "/trees", "/progress"):
        assert "htmx" not in client.get(path).text, path
    assert "htmx-2.0.11.min.js" in client.get("/import").text
