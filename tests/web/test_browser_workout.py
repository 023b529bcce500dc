"""Workout mode on a phone and a desktop: tick some sets, mark one missed, answer the question
about the unticked ones, and read the next prescription that follows from what happened."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import SCREENSHOTS, shot, sign_up

pytestmark = pytest.mark.browser


def view(page, name: str) -> None:
    """What the runner sees on screen right now (not the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{'phone' if width < 600 else 'desktop'}.png"))


def test_workout_mode_records_what_happened(page) -> None:
    sign_up(page)
    page.goto("/plan/profile")
    page.locator("#placement-h").scroll_into_view_if_needed()
    view(page, "plan-profile-placement-view")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r"/plan$"))
    warning = page.locator(".plan-warning").first
    expect(warning).to_contain_text("after the run")
    warning.scroll_into_view_if_needed()
    view(page, "plan-warning-view")
    first = page.locator("details.plan-session").first
    first.locator("summary").click()
    first.get_by_role("link", name="Open workout mode").click()
    page.wait_for_url(re.compile(r"/plan/workout/"))

    exercise = page.locator("article.workout-exercise").filter(
        has=page.locator("input[data-set]")).first
    title = exercise.locator("h3").inner_text()
    sets = exercise.locator("li.workout-set")
    count = sets.count()
    assert count >= 2
    for i in range(count - 1):
        sets.nth(i).locator("input[data-set]").check()
    if page.locator("#rest-timer").is_visible():
        add = page.get_by_role("button", name="+15 s")
        box = add.bounding_box()
        assert box is not None and box["height"] < 48, box  # one line, not wrapped
        view(page, "workout-mode-timer-view")
        page.get_by_role("button", name="Skip").click()
    last = sets.nth(count - 1)
    last.locator("input[data-missed]").check()
    assert not last.locator("input[data-set]").is_checked()
    last.locator("input[data-set]").check()  # done and missed exclude each other
    assert not last.locator("input[data-missed]").is_checked()
    last.locator("input[data-missed]").check()
    last.scroll_into_view_if_needed()
    view(page, "workout-mode-marked-view")
    page.get_by_text("7", exact=True).first.click()
    shot(page, "workout-mode-marked")
    page.get_by_role("button", name="Save workout").click()

    ask = page.get_by_role("heading", name=re.compile(r"sets are not ticked"))
    expect(ask).to_be_visible()
    assert sets.nth(0).locator("input[data-set]").is_checked()  # nothing lost on the way back
    shot(page, "workout-mode-question")
    ask.scroll_into_view_if_needed()
    view(page, "workout-mode-question-view")
    page.get_by_role("button", name="I did them as written").click()
    page.wait_for_url(re.compile(r"done=1"))
    expect(page.get_by_role("heading", name="Saved. Next time")).to_be_visible()
    expect(page.get_by_role("button", name="Save workout")).to_have_count(0)
    item = page.locator("ul.list li").filter(has_text=title).first
    text = item.inner_text()
    assert f"missed 1 of {count} sets" in text and "repeat the same" in text, text
    others = page.locator("ul.list li").filter(has_not_text=title)
    for i in range(others.count()):
        assert "missed" not in others.nth(i).inner_text()
    shot(page, "workout-mode-saved")
    view(page, "workout-mode-saved-view")
    assert "Traceback" not in page.content()
