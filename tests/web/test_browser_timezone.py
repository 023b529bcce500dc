"""A runner's time zone comes from their browser at sign-up and can be changed on Account."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import DESKTOP, PHONE, new_context, shot, sign_up

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_sign_up_takes_the_browsers_zone_and_account_changes_it(browser, live_server, size) -> None:
    context = new_context(browser, viewport=PHONE if size == "phone" else DESKTOP,
                                  base_url=live_server, timezone_id="Australia/Sydney")
    context.set_default_timeout(15000)
    page = context.new_page()
    try:
        sign_up(page)
        page.goto("/account")
        field = page.get_by_role("combobox", name="Time zone")
        expect(field).to_have_value("Australia/Sydney")
        expect(page.get_by_role("button", name="Use this device's zone")).to_be_hidden()
        shot(page, "account-time-zone")
        field.fill("Sydney")
        page.get_by_role("button", name="Save time zone").click()
        expect(page.get_by_role("alert")).to_contain_text("not a time zone we know")
        expect(page.get_by_role("combobox", name="Time zone")).to_have_attribute("aria-invalid", "true")
        page.get_by_role("combobox", name="Time zone").fill("America/Los_Angeles")
        page.get_by_role("button", name="Save time zone").click()
        expect(page.get_by_text("Time zone set to America/Los_Angeles")).to_be_visible()
        expect(page.get_by_role("combobox", name="Time zone")).to_have_value("America/Los_Angeles")
        device = page.get_by_role("button", name="Use this device's zone (Australia/Sydney)")
        expect(device).to_be_visible()
        device.click()
        expect(page.get_by_role("combobox", name="Time zone")).to_have_value("Australia/Sydney")
    finally:
        context.close()
