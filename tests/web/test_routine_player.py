"""The guided player in a real browser: start, pause and resume by keyboard, skip and go back,
play to the end on an accelerated clock, and find the routine in the log."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser



def test_play_a_routine_to_the_end_and_see_it_logged(page) -> None:
    sign_up(page)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/routines")
    page.get_by_role("link", name="Start Five-minute pre-run primer").click()
    page.wait_for_url(re.compile(r"/routines/quick-pre-run-primer/play"))
    page.goto(page.url + "?speed=25")

    step = page.locator("#player-step")
    toggle = page.get_by_role("button", name="Start")
    assert step.inner_text() == "Front-to-back leg swings (left side)"
    assert page.locator("#player-next").inner_text().startswith("Front-to-back leg swings (right side)")
    assert page.get_by_label("Sound at each change").is_checked()
    speak = page.locator("#player-speak")
    assert not speak.is_checked()  # spoken cues are off until the runner turns them on
    assert page.get_by_role("button", name="Skip").is_disabled()
    shot(page, "routine-player-ready")

    toggle.click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.locator("h1").click()  # focus away from the buttons: the page's own keys take over
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    assert "is-paused" in (page.locator("#player").get_attribute("class") or "")
    progress = page.locator("#player-progress")
    held = progress.get_attribute("value")
    time.sleep(0.4)
    assert progress.get_attribute("value") == held  # paused means the clock stands still
    shot(page, "routine-player-paused")

    page.keyboard.press("ArrowRight")
    assert step.inner_text() == "Front-to-back leg swings (right side)"
    assert page.locator("#player-count").inner_text() == "Step 2 of 11"
    page.get_by_role("button", name="Back").click()
    assert page.locator("#player-count").inner_text() == "Step 1 of 11"
    page.get_by_role("button", name="Skip").click()
    page.get_by_role("button", name="Skip").click()
    assert step.inner_text() == "Side-to-side leg swings (left side)"

    page.locator("h1").click()  # Space on a focused button presses that button, so step away
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    shot(page, "routine-player-running")
    done = page.locator("#player-done", has_text="Logged")
    done.wait_for(timeout=60000)
    assert "Your routine streak is 1." in done.inner_text()
    assert step.inner_text() == "Routine complete"
    assert progress.get_attribute("value") == progress.get_attribute("max")
    shot(page, "routine-player-done")

    page.goto("/log")
    expect(page.get_by_text("Five-minute pre-run primer").first).to_be_visible()
    page.goto("/progress")
    streak = page.get_by_role("region", name="Routine streak")
    assert "You did a routine today" in streak.inner_text()
    shot(page, "routine-progress-streak")
    assert errors == []


def test_routine_library_and_today_card(page) -> None:
    sign_up(page)
    card = page.get_by_role("region", name="Recovery and mobility today")
    expect(card.get_by_role("link", name="Start Post-run cool-down")).to_be_visible()
    page.goto("/routines")
    page.get_by_label("Body area").select_option("calves")
    page.get_by_role("button", name="Show routines").click()
    page.wait_for_url(re.compile(r"area=calves"))
    expect(page.get_by_role("link", name="Ankles and calves", exact=True)).to_be_visible()
    shot(page, "routine-library-calves")
    page.get_by_role("link", name="Steps of Ankles and calves").click()
    expect(page.get_by_role("heading", name="Ankles and calves")).to_be_visible()
    page.get_by_role("button", name="Log it as done").click()
    assert "Ankles and calves logged" in page.get_by_role("status").inner_text()
    shot(page, "routine-detail")
