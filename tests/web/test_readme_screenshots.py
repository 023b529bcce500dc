"""The README's screenshots, taken from the running app at phone width on a demo runner, so
they show the app as it is. `tests/test_docs.py` fails when the README points at a missing one."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.conftest import LIVE_ENV, PHONE, log_in

pytestmark = pytest.mark.browser

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
RUNNER = "readme-runner"


def _save(page, name: str, at: str | None = None) -> None:
    """The phone's first screen of the page, or the screen that starts at `at` (a selector)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    if at:
        page.locator(at).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top"
                                        " + window.scrollY - 8)")
    else:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(FOLDER / f"{name}.png"))


def test_readme_screenshots(browser, live_server: str) -> None:
    subprocess.run([sys.executable, "-m", "yolvarex", "demo", "--user", RUNNER], env=LIVE_ENV,
                   check=True, capture_output=True)
    context = browser.new_context(viewport=PHONE, base_url=live_server, color_scheme="light")
    context.set_default_timeout(15000)
    page = context.new_page()
    try:
        log_in(page, RUNNER, "demo-runner")
        page.goto("/checkin")
        page.get_by_label("Hours slept last night").fill("7.5")
        _save(page, "check-in")
        page.get_by_role("button", name="Save and see today's verdict").click()
        page.wait_for_url(re.compile(r"/today"))
        page.goto("/today")
        _save(page, "today")

        page.goto("/plan")
        expect(page.get_by_role("heading", name="Strength plan")).to_be_visible()
        _save(page, "plan")
        day = page.locator("details.plan-session a.button").first.get_attribute("href")
        page.goto(day)  # the first session of this week (its details are folded)
        expect(page.locator("input[data-set]").first).to_be_visible()
        _save(page, "workout-mode")

        page.goto("/routines/after-the-long-run/play")
        start = page.locator("#player-toggle")
        expect(start).to_be_enabled()
        _save(page, "routine-player")

        page.goto("/form")
        page.locator('a[href^="/form/runs/"]').first.click()
        page.wait_for_url(re.compile(r"/form/runs/"))
        _save(page, "form-analysis")
        page.get_by_role("link", name="the run's page").click()
        page.wait_for_url(re.compile(r"/runs/\d+"))
        expect(page.locator("figure.run-route svg")).to_be_visible()
        _save(page, "run", at="section:has(#route-h)")

        page.goto("/progress")
        expect(page.locator("figure.chart").first).to_be_visible()
        _save(page, "progress", at="#progress-load")
    finally:
        context.close()
    for name in ("today", "check-in", "plan", "workout-mode", "routine-player", "form-analysis",
                 "run", "progress"):
        assert (FOLDER / f"{name}.png").stat().st_size > 5_000, name
