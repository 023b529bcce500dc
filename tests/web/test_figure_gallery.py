"""Every illustration, drawn by the real server, in a gallery at phone width (screenshots in
tests/artifacts/screenshots/figures-*.png to look at), and on a library page with reduced motion."""

from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image

from tests.web.conftest import PHONE, SCREENSHOTS, new_context, shot, sign_up
from yolvarex.content import load_library
from yolvarex.content.poses import POSE_KINDS

pytestmark = pytest.mark.browser


def _blank_cells(page, png: bytes) -> list[str]:
    """Gallery cells whose picture has nothing drawn in it (one shade from edge to edge)."""
    shot_image = Image.open(io.BytesIO(png)).convert("L")
    boxes = page.eval_on_selector_all("img", "els => els.map(e => {const r = "
                                      "e.getBoundingClientRect(); return [e.alt, r.x + scrollX, "
                                      "r.y + scrollY, r.width, r.height]})")
    blank = []
    for alt, x, y, w, h in boxes:
        low, high = shot_image.crop((int(x), int(y), int(x + w), int(y + h))).getextrema()
        if high - low < 30:
            blank.append(alt)
    return blank


def _gallery(page, live_server: str, kind: str, ids: list[str], style: str, columns: int) -> bytes:
    """One page of every figure of a kind at phone width, captured whole."""
    query = "?style=keys" if style == "keys" else ""
    cells = "".join(
        f'<figure><img alt="{i}" src="{live_server}/api/v1/library/{kind}/{i}/figure.svg{query}">'
        f"<figcaption>{i}</figcaption></figure>" for i in ids)
    page.set_viewport_size(PHONE)
    page.set_content(
        "<!doctype html><meta name=viewport content='width=device-width'><style>"
        "body{margin:4px;font:12px sans-serif}main{display:grid;"
        f"grid-template-columns:repeat({columns},1fr);gap:4px}}"
        "figure{margin:0;border:1px solid #ddd}"
        f"img{{display:block;width:100%;height:{150 if columns == 2 else 110}px;"
        f"object-fit:contain}}figcaption{{padding:2px}}</style><main>{cells}</main>")
    page.wait_for_load_state("load")
    page.evaluate("Promise.all([...document.images].map(i => i.decode()))")
    loaded = page.eval_on_selector_all("img", "els => els.filter(e => e.naturalWidth > 0).length")
    assert loaded == len(ids), kind
    # Chromium paints an animated SVG image only once it has been inside the viewport: a
    # full-page capture of a phone-sized viewport left random cells blank. Make the whole
    # gallery the viewport and let two frames paint before the capture.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": PHONE["width"], "height": height})
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    name = f"figures-{kind}-phone.png" if style == "animated" else f"figures-{kind}-keys-phone.png"
    png: bytes = page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    return png


def test_gallery_of_every_illustration_at_phone_width(browser, live_server: str) -> None:
    """The animations two to a row, and every key position of each figure one to a row."""
    library, _ = load_library()
    context = new_context(browser, viewport=PHONE, base_url=live_server)
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for kind in POSE_KINDS:
        ids = sorted(library.of_kind(kind))
        for style, columns in (("animated", 2), ("keys", 1)):
            png = _gallery(page, live_server, kind, ids, style, columns)
            assert _blank_cells(page, png) == [], (kind, style)
    context.close()


def test_library_page_shows_the_figure_and_stills_it_for_reduced_motion(browser,
                                                                        live_server: str) -> None:
    context = new_context(browser, viewport=PHONE, base_url=live_server,
                                  reduced_motion="reduce")
    page = context.new_page()
    page.goto("/library/exercises/bodyweight-squat")
    keys = page.locator("figure.figure img.fig-keys")
    assert keys.get_attribute("alt") == "Bodyweight squat: how the movement looks, every key position"
    keys.evaluate("img => img.decode()")
    assert keys.bounding_box()["width"] <= PHONE["width"]
    assert page.locator("figure.figure .fig-moving").is_hidden()
    assert keys.is_visible()  # every key pose, still
    page.screenshot(path=str(SCREENSHOTS / "figure-library-reduced-motion-phone.png"))
    context.close()
    moving = new_context(browser, viewport=PHONE, base_url=live_server).new_page()
    moving.goto("/library/exercises/bodyweight-squat")
    assert moving.locator("figure.figure img.fig-moving").is_visible()
    assert moving.locator("figure.figure .fig-keys").is_hidden()
    assert httpx.get(f"{live_server}/library/drills/a-skip").status_code == 200
    moving.context.close()


def test_the_routine_player_shows_the_current_steps_figure(browser, live_server: str) -> None:
    context = new_context(browser, viewport=PHONE, base_url=live_server)
    page = context.new_page()
    sign_up(page)
    page.goto("/routines/quick-pre-run-primer/play")
    shown = page.locator("#player-figures .player-figure:visible")
    assert shown.count() == 1 and shown.get_attribute("data-movement") == "leg-swing-front-back"
    assert shown.locator("img.fig-moving").get_attribute("alt").startswith("Front-to-back")
    page.get_by_role("button", name="Start").click()
    for _ in range(2):
        page.get_by_role("button", name="Skip").click()
    assert page.locator("#player-step").inner_text().startswith("Side-to-side leg swings")
    shown = page.locator("#player-figures .player-figure:visible")
    assert shown.count() == 1 and shown.get_attribute("data-movement") == "leg-swing-side-to-side"
    shot(page, "figure-routine-player")
    context.close()
