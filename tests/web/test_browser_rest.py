"""In a real browser, on a phone and on a desktop: check-in to verdict, the Trees pages, walking
a tree, and a coach writing a tree with a live preview."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.services.test_decisions import COACH_TREE
from tests.web.conftest import shot, sign_up

pytestmark = pytest.mark.browser



def _choose(page, legend: str, option: str) -> None:
    group = page.locator("fieldset", has=page.locator("legend", has_text=legend)).last
    group.get_by_text(option, exact=True).click()


def test_checkin_to_verdict(page) -> None:
    sign_up(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Check-in").click()
    page.wait_for_url(re.compile(r"/checkin"))
    shot(page, "checkin-empty")
    page.get_by_label("Hours slept last night").fill("5.5")
    _choose(page, "Sleep quality", "2")
    _choose(page, "General muscle soreness", "4")
    _choose(page, "Mood", "3")
    page.get_by_text("Illness", exact=True).click()
    page.get_by_text("Runny nose", exact=True).click()
    page.get_by_text("Sneezing", exact=True).click()
    shot(page, "checkin-filled")
    page.get_by_role("button", name="Save and see today's verdict").click()
    page.wait_for_url(re.compile(r"/today#verdict"))

    card = page.locator("#verdict")
    expect(card).to_be_visible()
    expect(card.get_by_role("heading", name="Keep it easy")).to_be_visible()
    assert "symptoms only above the neck" in card.inner_text()
    assert "not medical advice" in card.inner_text()
    shot(page, "today-verdict")

    card.get_by_text("Why: what each tree found").click()
    card.locator("summary", has_text="Illness and the neck check").click()
    illness = card.locator("details.verdict-tree", has_text="Illness and the neck check")
    expect(illness.get_by_text("runny nose, sneezing").first).to_be_visible()
    shot(page, "today-verdict-reasons")

    illness.get_by_role("link", name="See this tree").click()
    page.wait_for_url(re.compile(r"/trees/illness"))
    assert page.locator("svg.tree-svg .tree-node.taken").count() == 5
    shot(page, "tree-illness-today")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Trees").click()
    page.wait_for_url(re.compile(r"/trees$"))
    assert page.locator("ol.tree-path").count() == 7  # today's path through each tree, in words
    assert page.locator('ol.tree-path [data-node="easy-neck-check"].taken').count() == 1
    shot(page, "trees")


def test_walk_a_tree(page) -> None:
    sign_up(page)
    page.goto("/trees/pain")
    shot(page, "tree-pain")
    page.get_by_role("link", name="Walk it question by question").click()
    for answer in ("No", "No", "No", "Yes", "No", "Yes", "Yes"):
        page.get_by_role("link", name=answer, exact=True).click()
    expect(page.get_by_role("heading", name="Keep it easy")).to_be_visible()
    shot(page, "tree-walk-leaf")
    page.get_by_role("link", name="Back one question").click()
    question = "Did the pain settle by the morning after your last run?"
    expect(page.get_by_role("heading", name=question)).to_be_visible()
def test_coach_writes_a_tree_with_preview(page) -> None:
    sign_up(page, role="Coach")
    page.goto("/coach/trees")
    shot(page, "coach-trees-empty")
    page.get_by_role("link", name="Write your first tree").click()
    source = page.get_by_label("The tree in YAML")
    source.fill(COACH_TREE.replace("soreness, op", "sorenes, op"))
    page.get_by_role("button", name="Check and preview").click()
    alert = page.locator("#tree-preview").get_by_role("alert")
    alert.wait_for()
    assert "did you mean 'soreness'?" in alert.inner_text()
    assert page.url.endswith("/coach/trees/new")  # HTMX swapped the preview in place
    shot(page, "coach-tree-errors")
    source.fill(COACH_TREE)
    page.get_by_role("button", name="Check and preview").click()
    page.locator("#tree-preview svg.tree-svg").wait_for(state="attached")  # a phone shows the steps
    shot(page, "coach-tree-preview")
    page.get_by_role("button", name="Save tree").click()
    page.wait_for_url(re.compile(r"/coach/trees$"))
    expect(page.get_by_text("Hill legs")).to_be_visible()
    shot(page, "coach-trees")
