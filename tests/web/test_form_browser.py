"""A runner uses the Form section in a real browser: upload a run, read the findings, take the
self-assessment, build the drill block and filter the drill library (phone and desktop)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser



def test_upload_a_run_and_read_the_findings(page) -> None:
    sign_up(page)
    nav = page.get_by_role("navigation", name="Main").get_by_role("link", name="Form", exact=True)
    nav.scroll_into_view_if_needed()
    nav.click()
    page.wait_for_url(re.compile(r"/form$"))
    expect(page.get_by_role("heading", name="Running form")).to_be_visible()
    shot(page, "form-index")
    page.get_by_label("Run file").set_input_files(str(ACTIVITIES / "activity-small-fenix2-run.fit"))
    page.get_by_role("button", name="Analyze this run").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="What to work on")).to_be_visible()
    expect(page.get_by_role("heading", name="Excessive vertical bounce")).to_be_visible()
    expect(page.get_by_text("population percentiles")).to_be_visible()
    gauges = page.get_by_role("img", name=re.compile(r"^Cadence: 166 spm, green band"))
    assert gauges.count() == 1
    assert page.locator("figure.chart").count() == 2
    page.locator("figure.chart summary").first.click()
    expect(page.locator("figure.chart table").first).to_be_visible()
    shot(page, "form-report")
    page.get_by_role("link", name="Build a warm-up block from this").click()
    page.wait_for_url(re.compile(r"/form/session"))
    expect(page.get_by_role("heading", name="Warm-up drill block")).to_be_visible()
    shot(page, "form-session")


def test_a_ride_is_refused_with_a_message(page) -> None:
    sign_up(page)
    page.goto("/form")
    page.get_by_label("Run file").set_input_files(str(ACTIVITIES / "garmin-fenix-5-bike.fit"))
    page.get_by_role("button", name="Analyze this run").click()
    alert = page.get_by_role("alert")
    assert "cycling activity, not a run" in alert.inner_text()
    shot(page, "form-refused")


def test_self_assessment_with_the_keyboard(page) -> None:
    sign_up(page)
    page.goto("/form/assess")
    expect(page.get_by_text("How to film yourself")).to_be_visible()
    first = page.get_by_role("radiogroup").first
    first.get_by_text("Yes, clearly in front").click()
    page.get_by_role("group", name=re.compile("How your feet sound")).get_by_text("Yes, loudly").click()
    # keyboard: focus an option of the step-count question and choose it with the space bar
    page.locator('input[name="q-step-count"][value="under-40"]').focus()
    page.keyboard.press("Space")
    shot(page, "form-assess")
    page.get_by_role("button", name="See my likely faults").click()
    page.wait_for_url(re.compile(r"/form/assessment/\d+"))
    headings = page.locator("article.form-rank h2").all_inner_texts()
    assert headings[0].split("\n")[0].startswith("1") and "Overstriding" in headings[0]
    assert page.get_by_role("status").inner_text().startswith("Saved")
    shot(page, "form-assessment")
    page.get_by_role("link", name="Build my warm-up drill block").click()
    page.wait_for_url(re.compile(r"/form/session"))
    assert "your self-assessment on" in page.content()
    page.get_by_label("Minutes you have").select_option("6")
    page.get_by_role("button", name="Rebuild the block").click()
    page.wait_for_url(re.compile(r"minutes=6"))
    assert page.locator("ol.form-block > li").count() >= 2


def test_drill_library_filters(page) -> None:
    sign_up(page)
    page.goto("/form/drills")
    page.get_by_label("Fault").select_option(label="Hip drop")
    page.get_by_label("Level up to").select_option("1")
    page.get_by_role("button", name="Show drills").click()
    page.wait_for_url(re.compile(r"fault=hip-drop"))
    cards = page.locator("article.form-drill h2").all_inner_texts()
    assert "Band side steps" in cards and "Mirror step-down" not in cards
    shot(page, "form-drills-filtered")
    page.get_by_role("link", name="Band side steps").click()
    expect(page.get_by_role("heading", name="Common mistakes")).to_be_visible()
    shot(page, "form-drill-detail")
    page.goto("/today")
    expect(page.get_by_role("heading", name="Warm-up drills before your run")).to_be_visible()
    shot(page, "today-with-drills")
