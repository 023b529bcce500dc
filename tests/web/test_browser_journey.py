"""The daily loop as one journey, at phone and desktop widths (issue 14's tests): a new runner
signs up, answers the wizard, checks in, logs two sets in workout mode, plays a routine on a
fast clock (the player's `?speed=N`) and sees the week summary move; a returning runner whose
verdict is rest sees rest on Today and is offered no hard session."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest
from playwright.sync_api import expect

from tests.web.conftest import LIVE_ENV, log_in, shot, sign_up

pytestmark = pytest.mark.browser


def _week_stat(page, what: str) -> str:
    page.goto("/week")
    return page.locator(".stat", has_text=what).locator("b").inner_text()


def _new_runner_with_strength_today(page) -> None:
    """Sign up and answer the wizard so that today (a Monday) has a strength session; end on
    the check-in form."""
    sign_up(page, skip_setup=False)
    for day, kind in (("Tuesday", "rest"), ("Thursday", "speed"), ("Friday", "rest")):
        page.get_by_label(day).select_option(kind)  # with 3 a week: strength today (Monday)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"step=strength"))
    page.get_by_text("3 a week").click()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"step=body"))
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url(re.compile(r"/welcome/done"))
    page.get_by_role("link", name="Check in now").click()
    page.wait_for_url(re.compile(r"/checkin"))


def test_a_new_runners_first_day(page) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _new_runner_with_strength_today(page)
    page.get_by_label("Hours slept last night").fill("7.5")
    page.get_by_role("button", name="Save and see today's verdict").click()
    page.wait_for_url(re.compile(r"/today"))
    expect(page.locator("#verdict")).to_be_visible()
    shot(page, "journey-today")

    strength_before = _week_stat(page, "strength sessions")
    routines_before = _week_stat(page, "days with a routine")
    assert strength_before.startswith("0 of ") and routines_before == "0"

    page.goto("/today")
    page.get_by_role("link", name="Start workout").click()
    page.wait_for_url(re.compile(r"/plan/workout/"))
    ticks = page.locator("input[data-set]")
    ticks.nth(0).check()
    ticks.nth(1).check()
    if page.locator("#rest-timer").is_visible():
        page.get_by_role("button", name="Skip").click()
    shot(page, "journey-workout")
    page.get_by_role("button", name="Save workout").click()
    page.get_by_role("button", name="I stopped early: they were missed").click()
    page.wait_for_url(re.compile(r"done=1"))
    expect(page.get_by_role("heading", name="Saved. Next time")).to_be_visible()

    page.goto("/today")
    expect(page.locator(".strength-today")).to_contain_text("Done today")
    play = page.locator(".card a[href^='/routines/'][href$='/play']").first
    page.goto(play.get_attribute("href") + "?speed=40")
    page.get_by_role("button", name="Start").click()
    page.locator("#player-done", has_text="Logged").wait_for(timeout=120_000)

    assert _week_stat(page, "strength sessions") == strength_before.replace("0 of", "1 of", 1)
    assert _week_stat(page, "days with a routine") == "1"
    shot(page, "journey-week")
    assert errors == []


def test_a_returning_runner_on_a_rest_day(page) -> None:
    name = f"rest-{uuid.uuid4().hex[:8]}"
    subprocess.run([sys.executable, "-m", "yolvarex", "demo", "--user", name], env=LIVE_ENV,
                   check=True, capture_output=True)
    log_in(page, name, "demo-runner")
    page.goto("/checkin")
    page.get_by_label("Hours slept last night").fill("7")
    page.get_by_text("Illness", exact=True).click()
    page.get_by_text("Fever", exact=True).click()
    page.get_by_label("Temperature (°C)").fill("38.6")
    page.get_by_role("button", name="Save and see today's verdict").click()
    page.wait_for_url(re.compile(r"/today"))
    verdict = page.locator("#verdict")
    expect(verdict.get_by_role("heading", name="Rest day")).to_be_visible()
    expect(page.get_by_role("link", name="Start workout")).to_have_count(0)  # no hard session
    run = page.locator(".run-today")
    if run.count():
        assert "as planned" not in run.inner_text()
    routines = page.locator(".card a[href^='/routines/'][href$='/play']")
    assert routines.count() >= 1  # a recovery routine instead
    shot(page, "journey-rest-today")


def test_a_rest_verdict_moves_the_strength_session(page) -> None:
    """With strength planned today and a fever, Today offers no workout, only moving the
    session; once moved, today has none and the moved session is the next one."""
    _new_runner_with_strength_today(page)
    page.get_by_label("Hours slept last night").fill("7")
    page.get_by_text("Illness", exact=True).click()
    page.get_by_text("Fever", exact=True).click()
    page.get_by_label("Temperature (°C)").fill("38.6")
    page.get_by_role("button", name="Save and see today's verdict").click()
    page.wait_for_url(re.compile(r"/today"))
    expect(page.locator("#verdict").get_by_role("heading", name="Rest day")).to_be_visible()
    card = page.locator(".strength-today")
    expect(card.get_by_role("link", name="Start workout")).to_have_count(0)
    expect(card.get_by_role("button", name="Not today: move it")).to_have_count(0)
    expect(card).not_to_contain_text("after your easy run")  # the run is off today too
    shot(page, "journey-rest-strength")
    card.get_by_role("button", name="Move it").click()
    page.wait_for_url(re.compile(r"/today"))
    expect(card).to_contain_text("No session today")
    expect(card).to_contain_text("Next:")
    expect(card.get_by_role("link", name="Start workout")).to_have_count(0)
    shot(page, "journey-rest-moved")
