"""The morning on a phone and a desktop: a check-in with one-decimal values submits and the
verdict lands below the sticky header; Today and the Week page; an empty import says so; a
routine whose every step was skipped is not logged; chart text is real 12 px or more."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.web.conftest import log_in, shot, sign_up

pytestmark = pytest.mark.browser

# The rendered size of each SVG text (its font size times the scale it is drawn at) and of the
# smallest HTML text in the given elements, in CSS pixels.
SVG_TEXT_SIZES = """(selector) => Array.from(document.querySelectorAll(selector)).map((t) => {
  const m = t.getScreenCTM();
  return Math.round(parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) * 10) / 10;
})"""
HTML_TEXT_SIZES = """(selector) => Array.from(document.querySelectorAll(selector)).filter(
  (e) => e.offsetParent !== null && e.textContent.trim()).map(
  (e) => parseFloat(getComputedStyle(e).fontSize))"""


def test_checkin_with_one_decimal_then_the_verdict_below_the_header(page) -> None:
    sign_up(page)
    for hours in ("6.9", "7.3"):
        page.goto("/checkin")
        field = page.get_by_label("Hours slept last night")
        field.fill(hours)
        assert field.evaluate("e => e.validity.valid"), hours
        page.get_by_role("button", name="Save and see today's verdict").click()
        page.wait_for_url(re.compile(r"/today#verdict"))
        heading = page.locator("#verdict-h")
        expect(heading).to_be_in_viewport()
        header = page.locator(".site-header").bounding_box()
        box = heading.bounding_box()
        assert header is not None and box is not None
        if page.evaluate("getComputedStyle(document.querySelector('.site-header')).position") == "sticky":
            assert box["y"] >= header["y"] + header["height"] - 1, (box, header)
        assert f"{hours} h" in page.locator("#checkin-h").locator("..").inner_text()
    shot(page, "today-after-checkin")

    # The Save bar never covers the field being typed in, nor its warning.
    page.goto("/checkin")
    page.get_by_text("Heart rate and HRV", exact=True).click()
    hrv = page.get_by_label("HRV, rMSSD (ms)")
    hrv.fill("600")  # out of range: the browser's warning shows under the field
    page.get_by_role("button", name="Save and see today's verdict").click()
    assert page.url.endswith("/checkin")
    bar = page.locator(".checkin-actions").bounding_box()
    field_box = hrv.bounding_box()
    assert bar is not None and field_box is not None
    assert field_box["y"] + field_box["height"] + 40 <= bar["y"], (field_box, bar)
    page.screenshot(path=str(shot(page, "checkin-invalid-above-the-bar")))  # the screen as seen


def test_today_in_order_and_the_week_page(page, demo_runner) -> None:
    log_in(page, demo_runner, "demo-runner")
    page.goto("/today")
    headings = page.locator("main h2").all_inner_texts()
    order = [h for h in headings if h in ("Run today", "Strength today", "This week at a glance")]
    assert order == ["Run today", "Strength today", "This week at a glance"], headings
    expect(page.get_by_role("link", name="Start workout").or_(
        page.get_by_text("No session today"))).to_be_visible()
    shot(page, "today-demo")
    page.get_by_role("link", name="Your week in review").click()
    page.wait_for_url(re.compile(r"/week"))
    for name in ("Done against the plan", "How the load moved", "Next week"):
        expect(page.get_by_role("heading", name=name)).to_be_visible()
    shot(page, "week-demo")


def test_import_with_no_file_then_a_summary_and_the_week_of_the_run(page) -> None:
    sign_up(page)
    page.goto("/import")
    page.get_by_role("button", name="Import").click()
    error = page.locator("#import-error")
    expect(error).to_have_text("Choose at least one file to import.")
    shot(page, "import-no-file")
    page.get_by_label("Activity files").set_input_files(str(ACTIVITIES / "garmin-fenix-5-run.fit"))
    expect(page.locator("#import-summary")).to_have_text(
        "1 imported, 0 already in your log, 0 not imported.")
    expect(error).to_be_hidden()
    link = page.get_by_role("link", name="Open your log")
    assert link.get_attribute("href") == "/log?week=2017-06-11"
    shot(page, "import-summary")


def test_a_routine_with_every_step_skipped_is_not_logged(page) -> None:
    sign_up(page)
    page.goto("/routines/quick-pre-run-primer/play")  # real time: no step runs out while skipping
    # Start is one Tab and Enter from the top of the page.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text(re.compile("Skip to the player"))
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("player-toggle")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    skip = page.get_by_role("button", name="Skip")
    for _ in range(40):  # every step, however many the routine has
        if page.locator("#player-done").is_visible():
            break
        skip.click()
    done = page.locator("#player-done")
    expect(done).to_contain_text("nothing was logged")
    expect(page.locator("#player-step")).to_have_text("Every step skipped")
    expect(page.get_by_role("button", name="Log it as done")).to_be_visible()
    shot(page, "routine-all-skipped")
    page.goto("/progress")
    assert "You did a routine today" not in page.get_by_role("region", name="Routine streak").inner_text()

    page.goto("/routines/quick-pre-run-primer/play?speed=400")
    page.get_by_role("button", name="Start").click()
    expect(done).to_contain_text("Logged", timeout=60000)
    expect(page.get_by_role("button", name="Log it as done")).to_be_hidden()


def test_chart_gauge_and_plan_text_is_at_least_12px(page, demo_runner) -> None:
    log_in(page, demo_runner, "demo-runner")
    page.goto("/progress")
    sizes = page.evaluate(SVG_TEXT_SIZES, "figure.chart svg text")
    assert len(sizes) > 40 and min(sizes) >= 12, sorted(sizes)[:5]
    shot(page, "progress-charts-12px")
    page.goto("/form")
    run = page.locator("a[href^='/form/runs/']").first
    run.click()
    page.wait_for_url(re.compile(r"/form/runs/\d+"))
    sizes = page.evaluate(SVG_TEXT_SIZES, "svg.form-gauge-svg text")
    assert sizes and min(sizes) >= 12, sizes
    shot(page, "form-gauges-12px")
    page.goto("/plan")
    sizes = page.evaluate(HTML_TEXT_SIZES, ".plan-cal-day, .plan-cal-day *")
    assert sizes and min(sizes) >= 12, sorted(sizes)[:5]


def test_tree_diagrams_fit_the_screen_with_12px_text(page, demo_runner) -> None:
    log_in(page, demo_runner, "demo-runner")
    page.goto("/trees")  # the overview: today's path through each tree, in words
    assert page.locator("ol.tree-path").count() == 7
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.goto("/trees/readiness")  # one tree, drawn whole
    visible = "svg.tree-svg, svg.tree-stack-svg"
    shown = page.evaluate(f"""() => Array.from(document.querySelectorAll("{visible}"))
        .filter((s) => s.getBoundingClientRect().width > 0)
        .map((s) => [s.getAttribute("class"), Math.round(s.getBoundingClientRect().right)])""")
    assert len(shown) == 1, shown
    width = page.viewport_size["width"]
    if width < 720:  # a phone: numbered steps that fit, nothing pans sideways
        assert {c for c, _ in shown} == {"tree-stack-svg"}
        assert max(right for _, right in shown) <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        sizes = page.evaluate(SVG_TEXT_SIZES, "svg.tree-stack-svg text")
    else:
        assert {c for c, _ in shown} == {"tree-svg"}
        sizes = page.evaluate(SVG_TEXT_SIZES, "svg.tree-svg text")
    assert min(sizes) >= 11, sorted(sizes)[:5]  # edge labels on the wide diagram are 11 px
    if width < 720:
        assert min(sizes) >= 12
    shot(page, "trees-fit")
