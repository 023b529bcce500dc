"""A check-in typed while offline is kept on the phone and sent when the connection returns,
with a fresh CSRF token; the server validates it, and a day that already has a check-in keeps
it (the runner is told)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import PASSWORD, log_in, shot, sign_up

pytestmark = pytest.mark.browser


def _type_offline(page, hours: str) -> None:
    page.goto("/checkin")
    page.context.set_offline(True)
    page.get_by_label("Hours slept last night").fill(hours)
    page.get_by_role("button", name="Save and see today's verdict").click()
    expect(page.locator("#checkin-offline")).to_contain_text("saved on this phone")
    expect(page.locator("#checkin-offline")).to_contain_text("sent when you are back online")


def test_an_offline_checkin_is_kept_and_sent_once(page) -> None:
    sign_up(page)
    _type_offline(page, "7.3")
    assert page.url.endswith("/checkin")  # nothing was posted
    assert "7.3" in page.evaluate("localStorage.getItem('yolvarex.pending-checkins')")
    shot(page, "checkin-offline")
    page.context.set_offline(False)
    expect(page.locator("#checkin-offline")).to_contain_text("was sent and saved")
    assert page.evaluate("localStorage.getItem('yolvarex.pending-checkins')") is None
    page.goto("/checkin")
    expect(page.get_by_label("Hours slept last night")).to_have_value("7.3")
    page.goto("/today")
    expect(page.locator("#verdict")).to_be_visible()

    # A second one for the same day: the saved check-in stays, and the runner is told.
    _type_offline(page, "5")
    page.context.set_offline(False)
    expect(page.locator("#checkin-offline")).to_contain_text("was already saved")
    page.goto("/checkin")
    expect(page.get_by_label("Hours slept last night")).to_have_value("7.3")


def test_a_kept_checkin_waits_for_its_runner(page) -> None:
    """Sent from any page once its runner is logged in again; never for someone else."""
    first = sign_up(page)
    _type_offline(page, "6.5")
    page.context.clear_cookies()  # the session ended while offline
    page.context.set_offline(False)
    expect(page.locator("#checkin-offline")).to_contain_text("log in again to send it")
    sign_up(page)  # another runner on the same phone
    page.goto("/today")
    page.wait_for_timeout(500)
    assert "6.5" in (page.evaluate("localStorage.getItem('yolvarex.pending-checkins')") or "")
    page.goto("/checkin")
    expect(page.get_by_label("Hours slept last night")).to_have_value("")
    page.context.clear_cookies()
    log_in(page, first, PASSWORD)  # lands on Today, where it is sent
    expect(page.locator("#checkin-offline")).to_contain_text("was sent and saved")
    page.goto("/checkin")
    expect(page.get_by_label("Hours slept last night")).to_have_value("6.5")
