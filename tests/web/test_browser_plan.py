"""A runner sets up a strength plan, reads it, does a workout on the phone and logs a test."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser



def test_plan_workout_and_tests(page) -> None:
    sign_up(page)
    expect(page.get_by_role("heading", name="Strength today")).to_be_visible()
    page.get_by_role("link", name="Set up your plan").click()
    page.wait_for_url(re.compile(r"/plan/profile"))
    page.get_by_label("Thursday").select_option("recovery")
    page.get_by_text("3 a week").click()
    page.get_by_text("Knee", exact=True).click()
    page.get_by_text("Resistance bands").click()
    shot(page, "plan-profile")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r"/plan$"))
    assert "plan is ready" in page.get_by_role("status").inner_text()
    expect(page.get_by_role("heading", name=re.compile(r"^Week 1 "))).to_be_visible()
    first = page.locator("details.plan-session").first
    first.locator("summary").click()
    expect(first.get_by_role("link", name="Open workout mode")).to_be_visible()
    shot(page, "plan-calendar")

    first.get_by_role("link", name="Open workout mode").click()
    page.wait_for_url(re.compile(r"/plan/workout/"))
    boxes = page.locator("input[data-set]")
    assert boxes.count() > 0
    how = page.locator("details.workout-how").nth(1)
    how.locator("summary").click()
    expect(how.locator("ol li").first).to_be_visible()
    boxes.first.check()
    timer = page.locator("#rest-timer")
    timer.wait_for(state="visible")
    assert re.match(r"\d:\d\d", page.locator("#rest-time").inner_text())
    shot(page, "workout-timer")
    page.get_by_role("button", name="+15 s").click()
    page.get_by_role("button", name="Skip").click()
    timer.wait_for(state="hidden")
    for i in range(1, min(boxes.count(), 6)):
        boxes.nth(i).check()
    if timer.is_visible():
        page.get_by_role("button", name="Skip").click()
    page.get_by_text("7", exact=True).first.click()
    page.get_by_role("button", name="Save workout").click()
    if boxes.count() > 6:  # unticked sets are asked about, not assumed
        page.get_by_role("button", name="I did them as written").click()
    page.wait_for_url(re.compile(r"done=1"))
    expect(page.get_by_role("heading", name="Saved. Next time")).to_be_visible()
    shot(page, "workout-saved")

    page.goto("/plan?print=1")
    page.emulate_media(media="print")
    assert page.locator("details.plan-session[open]").count() >= 3
    expect(page.locator(".site-header")).not_to_be_visible()
    shot(page, "plan-print")
    page.emulate_media(media="screen")

    page.goto("/progress")
    page.get_by_label("Test", exact=True).select_option("single_leg_calf_raise")
    page.get_by_label("Side for the one-leg tests").select_option("left")
    page.get_by_label("Result").fill("14")
    page.get_by_role("button", name="Save result").click()
    page.get_by_label("Test", exact=True).select_option("single_leg_calf_raise")
    page.get_by_label("Side for the one-leg tests").select_option("right")
    page.get_by_label("Result").fill("18")
    page.get_by_role("button", name="Save result").click()
    expect(page.get_by_text("22% gap")).to_be_visible()
    shot(page, "progress-tests")
    assert "Traceback" not in page.content()
