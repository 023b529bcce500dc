"""A new runner signs up, visits every section, logs out, and mistypes the password."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.web.conftest import shot

pytestmark = pytest.mark.browser

SECTIONS = ["Today", "Check-in", "Plan", "Library", "Log", "Progress", "Import", "Coach"]


def _nav(page, label: str) -> None:
    link = page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True)
    link.scroll_into_view_if_needed()
    link.click()


def test_sign_up_navigate_log_out_and_wrong_password(page) -> None:
    name = f"runner-{uuid.uuid4().hex[:8]}"
    page.goto("/")
    shot(page, "home")
    page.get_by_role("link", name="Create your account").click()
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill("a good long password")
    page.get_by_label("Password again").fill("a good long password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/welcome"))  # the first-run wizard, which this runner skips
    page.get_by_role("button", name="Skip for now").click()
    page.wait_for_url(re.compile(r"/today"))
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    shot(page, "today-new-runner")

    for label in SECTIONS:
        _nav(page, label)
        current = page.get_by_role("navigation", name="Main").locator("[aria-current=page]")
        assert current.inner_text().strip() == label
        expect(page.locator("h1").first).to_be_visible()
        assert "Traceback" not in page.content()
        shot(page, f"section-{label.lower().replace('-', '')}")

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("status").inner_text().startswith("You are logged out")

    page.goto("/today")
    page.wait_for_url(re.compile(r"/login\?next=/today"))
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Log in").click()
    alert = page.get_by_role("alert")
    assert "do not match" in alert.inner_text()
    shot(page, "login-wrong-password")

    page.get_by_label("Password").fill("a good long password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/today"))


def test_signup_errors_are_shown_next_to_the_field(page) -> None:
    page.goto("/signup")
    page.get_by_label("User name").fill("X")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password again").fill("short")
    page.get_by_role("button", name="Create account").click()
    error = page.locator("#name-error")
    assert "3-40 characters" in error.inner_text()
    assert page.get_by_label("User name").get_attribute("aria-invalid") == "true"
    shot(page, "signup-error")


def test_unknown_page_is_friendly(page) -> None:
    response = page.goto("/no/such/page")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()


def test_each_browser_signs_up_from_an_address_of_its_own(browser, live_server) -> None:
    """The suite's browsers stand for different people (`new_context`): the server counts
    their sign-ups per address apart, so the suite never spends one address's hourly limit."""
    from sqlalchemy import select

    from tests.web.conftest import LIVE_ENV, PHONE, new_context, sign_up
    from yolvarex.settings import load_settings
    from yolvarex.store.db import Database
    from yolvarex.store.models import LoginThrottle

    def signup_counts() -> dict[str, int]:
        db = Database(load_settings(LIVE_ENV).database_url)
        try:
            with db.session() as session:
                return dict(session.execute(select(LoginThrottle.key, LoginThrottle.failures)
                                            .where(LoginThrottle.key.like("signup:%"))).all())
        finally:
            db.dispose()

    before = signup_counts()
    for _ in range(2):
        context = new_context(browser, viewport=PHONE, base_url=live_server)
        sign_up(context.new_page())
        context.close()
    grown = {key for key, count in signup_counts().items() if count > before.get(key, 0)}
    assert len(grown) == 2 and not grown & {"signup:127.0.0.1", "signup:::1"}
