"""Coach mode in a real browser: the invitation flow from both sides, and the board on a phone
and a desktop."""

from __future__ import annotations

import subprocess
import sys
import uuid

from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.web.conftest import LIVE_ENV, PASSWORD, log_in, shot, sign_up

#: Run on the live server's database: a coach and five athletes in different states.
SQUAD = """
import datetime as dt, sys
from yolvarex import clock
from yolvarex.cli.common import runtime
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import accounts, checkins, imports, invitations, plans, training_log
from yolvarex.services.runtime import library
from yolvarex.store.access import Actor
suffix, password = sys.argv[1], sys.argv[2]
rt = runtime()
with rt.db.session() as db:
    coach = Actor.of(accounts.create_user(db, "coach-" + suffix, password, "coach"))
    today = clock.today(None)
    states = {
        "amelia-hargreaves": CheckIn(date=today, sleep_hours=8, pain=0),
        "ben": CheckIn(date=today, red_flags=("chest_pain",)),
        "cat": CheckIn(date=today, pain=4, sleep_hours=7),
        "dan": CheckIn(date=today - dt.timedelta(days=5), sleep_hours=8),
        "eve": CheckIn(date=today, symptoms=("fever",)),
    }
    for name, checkin in states.items():
        athlete = Actor.of(accounts.create_user(db, name + "-" + suffix, None))
        invitations.accept(db, athlete, invitations.invite_by_name(db, coach, athlete.name).id)
        checkins.save_checkin(db, athlete, checkin)
        if name == "amelia-hargreaves":  # a week of training, a plan and a watch file
            for back in range(0, 8):
                training_log.log_entry(db, athlete, training_log.parse(training_log.RunEntry, {
                    "date": (today - dt.timedelta(days=back)).isoformat(), "minutes": 40,
                    "distance_km": 7, "rpe": 4}, "entry"))
            plans.create_plan(db, athlete, {
                "start": (today - dt.timedelta(days=3)).isoformat(), "weeks": 6,
                "experience": "some", "equipment": ["bodyweight"], "sessions_per_week": 2,
                "minutes_per_session": 30, "run_week": {"mon": "easy", "tue": "speed",
                "wed": "easy", "thu": "rest", "fri": "easy", "sat": "long", "sun": "rest"}},
                library())
            data = open(sys.argv[3], "rb").read()
            imports.import_sources(db, athlete, imports.upload_sources([("run.fit", data)]))
"""


def _squad(suffix: str) -> None:
    subprocess.run([sys.executable, "-c", SQUAD, suffix, PASSWORD,
                    str(ACTIVITIES / "activity-small-fenix2-run.fit")],
                   env=LIVE_ENV, check=True, capture_output=True)


def _log_out(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/")


def test_a_coach_invites_and_the_athlete_accepts_on_today(page) -> None:
    athlete = sign_up(page)
    _log_out(page)
    coach = sign_up(page, role="Coach")
    page.goto("/")
    page.wait_for_url("**/coach")
    page.get_by_label("Athlete's user name").fill(athlete)
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status").first).to_contain_text(f"Invitation recorded for {athlete}")
    shot(page, "coach-invited")
    _log_out(page)
    log_in(page, athlete, PASSWORD)
    card = page.locator("section.invitation")
    expect(card.get_by_role("heading", name=f"{coach} wants to coach you")).to_be_visible()
    shot(page, "today-invitation")
    card.get_by_role("button", name="Accept").click()
    page.wait_for_url("**/coach")
    expect(page.get_by_text("can see your training")).to_be_visible()
    _log_out(page)
    page.goto("/login")
    page.get_by_label("User name").fill(coach)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/coach")
    expect(page.get_by_role("link", name=athlete).first).to_be_visible()
    page.get_by_role("link", name=athlete).first.click()
    expect(page.get_by_text(f"Viewing {athlete}'s Today")).to_be_visible()
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    page.get_by_label("Note", exact=True).fill("Easy 30 minutes, then the hip routine.")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved for")).to_be_visible()
    shot(page, "coach-athlete-today")


def _coach_logs_in(page) -> str:
    """A new squad (`_squad`); its coach logs in and lands on the board. The squad's suffix."""
    suffix = uuid.uuid4().hex[:6]
    _squad(suffix)
    page.goto("/login")
    page.get_by_label("User name").fill(f"coach-{suffix}")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/coach")
    return suffix


def test_the_board_reads_on_a_phone_and_a_desktop(page) -> None:
    suffix = _coach_logs_in(page)
    names = page.locator("table.coach-board th.board-name a").all_inner_texts()
    assert names[0] == f"ben-{suffix}" and names[-1] == f"amelia-hargreaves-{suffix}"
    # nothing overflows the page sideways, and no pill breaks inside a word
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    for pill in page.locator("table.coach-board .pill").all():
        box = pill.bounding_box()
        assert box is not None and box["height"] < 40, pill.inner_text()
        # and every pill stays inside its athlete's card (on a phone, a row is a card)
        card = pill.locator("xpath=ancestor::tr").bounding_box()
        assert card is not None and box["x"] + box["width"] <= card["x"] + card["width"], \
            pill.inner_text()
    expect(page.locator("table.coach-board .pill.see_professional").first).to_be_visible()
    expect(page.get_by_text("warning signs reported")).to_be_visible()
    shot(page, "coach-board")
    page.get_by_role("link", name="No check-in for 3+ days").click()
    assert page.locator("table.coach-board th.board-name a").all_inner_texts() == [f"dan-{suffix}"]
    shot(page, "coach-board-quiet")


def test_the_tree_editor_checks_as_you_type_and_offers_the_catalog(page) -> None:
    from tests.services.test_decisions import COACH_TREE

    sign_up(page, role="Coach")
    page.goto("/coach/trees/new")
    source = page.get_by_label("The tree in YAML")
    source.fill(COACH_TREE.replace("soreness, op", "sorenes, op"))  # no button pressed
    alert = page.locator("#tree-preview").get_by_role("alert")
    expect(alert).to_contain_text("did you mean 'soreness'?")
    expect(alert.locator("a.tree-error-line").first).to_contain_text("Line 10")
    shot(page, "coach-tree-typing-error")
    source.fill(COACH_TREE)
    page.locator("#tree-preview svg.tree-svg").wait_for(state="attached")  # a phone shows the steps
    # insert a fact name at the cursor from the catalog
    source.evaluate("el => el.setSelectionRange(0, 0)")
    page.get_by_text("Facts (", exact=False).click()
    page.get_by_role("button", name="Insert pain_at_night").click()
    assert page.get_by_label("The tree in YAML").input_value().startswith("pain_at_night")
    expect(page.locator("#tree-preview").get_by_role("alert")).to_be_visible()
    shot(page, "coach-tree-catalog")


def test_the_coach_pages_pass_basic_accessibility_checks(page) -> None:
    from tests.web.test_accessibility import CHECKS

    _coach_logs_in(page)
    athlete = page.locator("table.coach-board th.board-name a").first.get_attribute("href")
    assert athlete is not None and athlete.endswith("/today")
    athlete = athlete.removesuffix("/today")
    paths = ["/coach", "/coach?show=attention", "/coach/trees", "/coach/trees/new",
             f"{athlete}/plan/profile"] + [f"{athlete}/{v}" for v in ("today", "log", "plan", "progress")]
    problems = {}
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        found = page.evaluate(CHECKS)
        if found:
            problems[path] = found
    assert problems == {}
    page.goto(f"{athlete}/today")
    shot(page, "coach-athlete-flagged")


def test_the_coach_reads_an_athletes_own_pages(page) -> None:
    """The athlete's Today, Log, Plan, Progress and a run, as they see them, read only, with
    the banner and the tabs between them; nothing pokes past the screen."""
    suffix = _coach_logs_in(page)
    page.get_by_role("link", name=f"amelia-hargreaves-{suffix}").first.click()
    page.wait_for_url("**/today")
    for tab in ("Today", "Log", "Plan", "Progress"):
        page.get_by_role("navigation", name=f"amelia-hargreaves-{suffix}'s pages") \
            .get_by_role("link", name=tab, exact=True).click()
        page.wait_for_url(f"**/{tab.lower()}")
        banner = page.locator("aside.viewing-banner")
        expect(banner).to_contain_text(f"Viewing amelia-hargreaves-{suffix}'s {tab}")
        expect(banner).to_contain_text("read only")
        assert page.locator("main form").count() == (1 if tab == "Today" else 0), tab  # the note
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, tab
        shot(page, f"coach-athlete-{tab.lower()}")
    page.get_by_role("navigation", name=f"amelia-hargreaves-{suffix}'s pages") \
        .get_by_role("link", name="Log", exact=True).click()
    page.locator("ol.log-week a[href*='/runs/']").first.click()
    expect(page.locator("aside.viewing-banner")).to_contain_text("'s run")
    assert page.locator("main form").count() == 0
    shot(page, "coach-athlete-run")
