"""The library in a real browser: search every kind, filter, and read an exercise in words."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser


def test_search_filter_and_exercise_page(page) -> None:  # type: ignore[no-untyped-def]
    sign_up(page)
    page.goto("/library")
    page.get_by_role("searchbox", name="Search the library").fill("hamstring stretch")
    page.get_by_role("button", name="Search", exact=True).click()
    movements = page.get_by_role("region", name="Movements")
    expect(movements.get_by_role("link", name="Lying hamstring stretch with a band")).to_be_visible()
    shot(page, "library-search")

    page.goto("/library/exercises")
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Equipment").select_option("bands")
    page.get_by_label("Level").select_option("1")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Band pull-apart")).to_be_visible()
    expect(page.get_by_role("link", name="Goblet squat")).to_have_count(0)
    shot(page, "library-filters")

    page.get_by_role("link", name="Band pull-apart").click()
    details = page.locator("dl.kv").first
    expect(details).to_contain_text("Shoulder stability")
    expect(page.get_by_role("heading", name="What you should feel")).to_be_visible()
    expect(page.get_by_role("heading", name="Precautions")).to_be_visible()
    assert "shoulder_stability" not in page.content()
    shot(page, "library-exercise")
