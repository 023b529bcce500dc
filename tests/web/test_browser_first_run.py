"""A new runner's first session in a real browser: sign up, the wizard, the plan, a check-in;
the service worker registers and the offline page shows when the server is unreachable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import shot, sign_up
from tests.web.test_accessibility import CHECKS

pytestmark = pytest.mark.browser


def test_a_new_runner_sets_up_gets_a_plan_and_checks_in(page) -> None:
    sign_up(page, skip_setup=False)
    expect(page.get_by_role("heading", name="Your running week")).to_be_visible()
    page.get_by_label("Tuesday").select_option("tempo")
    page.get_by_label("Thursday").select_option("rest")
    page.get_by_text("miles and lb").click()
    assert page.evaluate(CHECKS) == []
    shot(page, "first-run-week")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"step=strength"))
    page.get_by_text("Some experience").click()
    page.get_by_text("Resistance bands").click()
    page.get_by_text("3 a week").click()
    page.get_by_text("Knee", exact=True).click()
    assert page.evaluate(CHECKS) == []
    shot(page, "first-run-strength")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"step=body"))
    expect(page.get_by_label("Weight (lb)")).to_be_visible()
    page.get_by_label("Weight (lb)").fill("150")
    page.get_by_text("It records them").click()
    assert page.evaluate(CHECKS) == []
    shot(page, "first-run-body")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r"/welcome/done"))
    expect(page.get_by_role("heading", name="Your plan is ready")).to_be_visible()
    expect(page.get_by_role("heading", name="Four things yolvarex does")).to_be_visible()
    assert page.evaluate(CHECKS) == []
    shot(page, "first-run-done")

    page.goto("/plan")
    expect(page.get_by_role("heading", name=re.compile(r"^Week 1 "))).to_be_visible()
    page.goto("/welcome/done")
    page.get_by_role("link", name="Check in now").click()
    page.wait_for_url(re.compile(r"/checkin"))
    page.get_by_role("button", name="Save and see today's verdict").click()
    page.wait_for_url(re.compile(r"/today"))
    expect(page.locator("#verdict")).to_be_visible()
    shot(page, "first-run-verdict")


def test_the_service_worker_registers_and_the_offline_page_shows(page) -> None:
    sign_up(page)
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null"
                           " || navigator.serviceWorker.ready.then(() => true)")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope.endswith("/")
    page.reload()  # now controlled by the worker
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    try:
        page.goto("/log")
        expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
        shot(page, "offline")
    finally:
        page.context.set_offline(False)
