"""In a real browser, phone and desktop: a run's page after importing its file (cursor across
the charts, tables, nothing too small or too wide), and the shoes page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser

SMALLEST_TEXT = """() => {
  let smallest = 100, where = "";
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < smallest) { smallest = size; where = el.tagName + ": " + el.textContent.trim().slice(0, 40); }
  }
  for (const svg of document.querySelectorAll("svg")) {  // SVG text scales with its drawing
    const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
    if (!view || !view.width) continue;
    for (const t of svg.querySelectorAll("text")) {
      const size = parseFloat(getComputedStyle(t).fontSize) * box.width / view.width;
      if (size < smallest) { smallest = size; where = "svg text: " + t.textContent; }
    }
  }
  return [smallest, where];
}"""


def test_the_run_page_after_an_import(page) -> None:
    sign_up(page)
    page.goto("/gear")
    page.get_by_label("Name").fill("Daily trainer")
    page.get_by_label("Retire at (km)").fill("700")
    page.locator("#default_for").select_option("all")
    page.get_by_role("button", name="Add shoes").click()
    expect(page.get_by_role("heading", name="Daily trainer")).to_be_visible()
    page.goto("/import")
    page.get_by_label("Activity files").set_input_files(str(ACTIVITIES / "activity-small-fenix2-run.fit"))
    result = page.locator("#import-results > li.import-result").first
    expect(result).to_contain_text("New best", timeout=30000)  # a shared machine may be slow
    result.locator("a[href^='/runs/']").click()
    page.wait_for_url(re.compile(r"/runs/\d+$"))
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.get_by_role("img", name="Route outline")).to_be_visible()
    charts = page.locator("svg.track-chart")
    expect(charts).to_have_count(4)
    assert "Daily trainer" in page.locator("#shoe-h + p").inner_text()

    readout = page.locator("#run-cursor")
    before = readout.inner_text()
    charts.nth(1).scroll_into_view_if_needed()
    box = charts.nth(1).bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2)
    expect(readout).not_to_have_text(before)
    assert re.search(r"\d+\.\d\d km · .* bpm", readout.inner_text())
    cursors = page.locator("svg.track-chart line.cursor[visibility=visible]")
    expect(cursors).to_have_count(4)  # one cursor, drawn on every chart at the same distance
    xs = {cursors.nth(i).get_attribute("x1") for i in range(4)}
    assert len(xs) == 1

    charts.nth(0).focus()
    page.keyboard.press("ArrowRight")
    moved = readout.inner_text()
    page.keyboard.press("ArrowRight")
    expect(readout).not_to_have_text(moved)  # the arrow keys walk the cursor on

    page.get_by_text("Show heart rate as a table").click()
    expect(page.get_by_role("table", name="Heart rate by distance")).to_be_visible()
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    smallest, where = page.evaluate(SMALLEST_TEXT)
    assert smallest >= 12, where
    shot(page, "run-page")

    page.get_by_role("link", name="All your records").click()
    expect(page.get_by_role("heading", name="Your records")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("5 km")
    shot(page, "records")
    page.goto("/gear")
    expect(page.locator(".shoe")).to_contain_text("1 run")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, "shoes")
