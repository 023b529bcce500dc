"""In a real browser: with `YOLVAREX_MAP_TILE_URL` set, the run page draws the route over tiles
served by a tile server on loopback (the CSP lets that origin in, and only it); when the tiles
fail, the outline stays; without the setting no request leaves the page for another origin."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES, BACKEND
from tests.web.conftest import DESKTOP, PHONE, _free_port, new_context, serve, shot, sign_up

pytestmark = pytest.mark.browser

CHECKS = (Path(__file__).parent / "a11y_checks.js").read_text(encoding="utf-8")
RUN = ACTIVITIES / "activity-small-fenix2-run.fit"
ATTRIBUTION = "Map data from the club's own tile server"


def _png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A plain square PNG of one colour, with a darker grid line at its edges."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    edge = bytes(c // 2 for c in rgb)
    row = b"\x00" + edge + bytes(rgb) * (size - 1)
    pixels = b"\x00" + edge * size + row * (size - 1)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))
            + chunk(b"IEND", b""))


TILES = (_png((214, 232, 222)), _png((232, 226, 210)))


class TileServer:
    """A slippy-map tile server on loopback: /tiles/z/x/y.png, every request noted."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.failing = False
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                found = re.fullmatch(r"/tiles/(\d+)/(\d+)/(\d+)\.png", self.path)
                if server.failing or found is None:
                    self.send_error(404)
                    return
                body = TILES[(int(found[2]) + int(found[3])) % 2]
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def tiles() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.httpd.shutdown()


@pytest.fixture(scope="module")
def map_server(template_db: str, tmp_path_factory: pytest.TempPathFactory,
               tiles: TileServer) -> Iterator[str]:
    """A second `yolvarex serve`, on its own copy of the test database, with the tile setting."""
    if BACKEND != "sqlite":
        pytest.skip("one server with tiles is enough; the setting does not touch the database")
    data_dir = tmp_path_factory.mktemp("map")
    shutil.copyfile(template_db, data_dir / "yolvarex.sqlite3")
    env = {**os.environ, "YOLVAREX_DATA_DIR": str(data_dir),
           "YOLVAREX_MAP_TILE_URL": tiles.origin + "/tiles/{z}/{x}/{y}.png",
           "YOLVAREX_MAP_ATTRIBUTION": ATTRIBUTION}
    with serve(data_dir, env) as url:
        yield url


@pytest.fixture(params=["phone", "desktop"])
def map_page(request: pytest.FixtureRequest, browser, map_server: str) -> Iterator:
    context = new_context(browser, viewport=PHONE if request.param == "phone" else DESKTOP,
                                  base_url=map_server)
    context.set_default_timeout(15000)
    yield context.new_page()
    context.close()


def _import_and_open(page) -> str:
    """Sign up, import the watch file through the import page, open its run page; its URL."""
    sign_up(page)
    page.goto("/import")
    page.get_by_label("Activity files").set_input_files(str(RUN))
    result = page.locator("#import-results > li.import-result").first
    expect(result).to_contain_text("New best", timeout=60000)  # a shared machine may be slow
    result.locator("a[href^='/runs/']").click()
    page.wait_for_url(re.compile(r"/runs/\d+$"))
    return page.url


def test_the_route_is_drawn_over_the_tile_servers_map(map_page, tiles: TileServer,
                                                      map_server: str) -> None:
    page = map_page
    url = _import_and_open(page)
    tiles.failing = False
    tiles.requests.clear()
    response = page.goto(url)
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert f"img-src 'self' data: {tiles.origin};" in policy and "default-src 'self';" in policy
    the_map = page.locator("[data-run-map]")
    expect(the_map).to_be_visible()
    expect(page.get_by_role("img", name="Route on the map")).to_be_visible()
    expect(page.locator("[data-run-outline]")).to_be_hidden()
    expect(the_map).to_contain_text(ATTRIBUTION)
    count = the_map.locator("img").count()
    assert 1 <= count <= 9
    loaded = page.evaluate("""() => [...document.querySelectorAll('[data-run-map] img')]
        .map(i => i.complete && i.naturalWidth === 256)""")
    assert loaded == [True] * count
    assert sorted(tiles.requests) == sorted(set(tiles.requests)) and len(tiles.requests) == count
    zooms = {int(p.split("/")[2]) for p in tiles.requests}
    assert len(zooms) == 1 and 12 <= zooms.pop() <= 17  # a 9 km run fills a few tiles
    box, frame = (page.locator(sel).bounding_box() for sel in
                  ("[data-run-map] svg", "[data-run-map] .run-map-frame"))
    assert box is not None and frame is not None and box["width"] == pytest.approx(frame["width"], abs=3)
    assert frame["width"] <= page.viewport_size["width"]
    assert page.evaluate(CHECKS) == []  # the accessibility checks every page passes
    shot(page, "run-map")

    # the tile server fails: the outline stays, the map goes
    tiles.failing = True
    page.goto(url)
    expect(page.get_by_role("img", name="Route outline")).to_be_visible()
    expect(page.locator("[data-run-map]")).to_have_count(0)


def test_without_the_setting_no_request_leaves_the_page(page, live_server: str) -> None:
    url = _import_and_open(page)
    origins: list[str] = []  # http(s) origins, or the scheme (data:) of anything else
    page.on("request", lambda r: origins.append(
        re.sub(r"^(https?://[^/]+).*$", r"\1", r.url) if r.url.startswith("http")
        else r.url.split(":", 1)[0] + ":"))
    response = page.goto(url)
    assert response is not None
    assert "img-src 'self' data:;" in response.headers["content-security-policy"]
    expect(page.get_by_role("img", name="Route outline")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-run-map]").count() == 0
    assert live_server in origins and set(origins) <= {live_server, "data:"}
