"""The running-dynamics answer in a real browser: a runner whose watch does not record them
sees the form path without them on the Form page and on a run's page (phone and desktop)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser


def test_a_watch_without_dynamics_is_shown_the_path_without_them(page) -> None:
    sign_up(page)
    page.goto("/account")
    page.get_by_text("No, or I do not know").click()
    page.get_by_role("button", name="Save units and watch").click()
    page.goto("/import")
    page.get_by_label("Activity files").set_input_files(str(ACTIVITIES / "polar-m400-run.gpx"))
    page.locator("#import-results .import-status", has_text="Imported").wait_for()
    page.goto("/form")
    advice = page.get_by_role("region", name="Check your form without running dynamics")
    expect(advice).to_be_visible()
    expect(advice.get_by_role("link", name="Take the self-assessment")).to_be_visible()
    shot(page, "form-without-dynamics")
    page.locator('a[href^="/runs/"]').first.click()
    page.wait_for_url(re.compile(r"/runs/\d+"))
    expect(page.get_by_role("region", name="Check your form without running dynamics")).to_be_visible()
    shot(page, "run-without-dynamics")
