"""The Fuel page in a real browser, on a phone and a desktop (screenshots to look at)."""

from __future__ import annotations

import pytest

from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser


def test_fuel_for_a_long_run(page) -> None:  # type: ignore[no-untyped-def]
    sign_up(page)
    page.goto("/fuel")
    page.get_by_label("How long is the run (minutes)?").fill("150")
    page.get_by_label("Another hard session within 8 hours").check()
    page.get_by_role("button", name="Show the guidance").click()
    page.wait_for_url("**/fuel?minutes=150**")
    body = page.locator("main").inner_text()
    assert "toward 90 g an hour" in body and "for the first four hours" in body
    assert "See a professional:" in body
    shot(page, "fuel-long-run")
