"""In a real browser: import real watch files (drag-and-drop list and the plain form), rate the
effort, the week log, and the Progress charts with their tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ACTIVITIES
from tests.ingest.fitwriter import run_file
from tests.web.conftest import DESKTOP, new_context, shot, sign_up
from yolvarex import clock

pytestmark = pytest.mark.browser



def test_import_real_files_with_progress_and_rate_the_effort(page) -> None:
    sign_up(page)
    page.goto("/import")
    page.get_by_label("Activity files").set_input_files([
        str(ACTIVITIES / "garmin-fenix-5-run.fit"), str(ACTIVITIES / "garmin-fenix-5-bike.fit"),
        str(ACTIVITIES / "polar-m400-run.gpx"), str(ACTIVITIES / "invalid" / "activity-filecrc.fit")])
    results = page.locator("#import-results > li.import-result")
    expect(results).to_have_count(4)
    expect(page.locator("#import-results .import-pending")).to_have_count(0)
    # the whole batch: files and MB done, then how long it took
    size = sum((ACTIVITIES / n).stat().st_size for n in (
        "garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "polar-m400-run.gpx",
        "invalid/activity-filecrc.fit"))
    batch = page.locator("#import-batch-text")
    expect(batch).to_contain_text(f"4 of 4 files · {size / 1e6:.1f} of {size / 1e6:.1f} MB · done in")
    assert page.locator("#import-batch-bar").get_attribute("value") == "100"
    texts = [results.nth(i).inner_text() for i in range(4)]
    assert "Imported" in texts[0] and "garmin-fenix-5-run.fit" in texts[0]
    assert "Imported" in texts[1] and "cycling" in texts[1]
    assert "Not imported" in texts[3] and "checksum" in texts[3]
    shot(page, "import-results")
    first = results.nth(0)
    first.get_by_label("How hard did it feel?").select_option("6")
    first.get_by_role("button", name="Save effort").click()
    page.wait_for_url(re.compile(r"/log\?week=2017-06-11"))
    assert "Effort for" in page.get_by_role("status").inner_text()
    assert "RPE 6" in page.locator(".log-week").inner_text()
    shot(page, "log-week-imported")

    # the same file again is recognised
    page.goto("/import")
    page.get_by_label("Activity files").set_input_files(str(ACTIVITIES / "garmin-fenix-5-run.fit"))
    page.locator("#import-results .import-duplicate").wait_for()
    assert "Already in your log" in page.locator("#import-results").inner_text()


def test_import_works_without_javascript(browser, live_server: str) -> None:
    context = new_context(browser, viewport=DESKTOP, base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_up(page)
        page.goto("/import")
        page.get_by_label("Activity files").set_input_files([
            str(ACTIVITIES / "forerunner-410-run.tcx"), str(ACTIVITIES / "WorkoutIndividualSteps.fit")])
        page.get_by_role("button", name="Import").click()
        status = page.locator("#import-results-card [role=status]").inner_text()
        assert "1 imported" in status and "1 not imported" in status
        assert "workout file" in page.locator("#import-results").inner_text()
        shot(page, "import-no-js")
    finally:
        context.close()


def test_log_forms_and_progress_charts(page) -> None:
    sign_up(page)
    today = clock.today(None)
    for back, minutes, rpe in ((9, 40, "3"), (5, 55, "5"), (2, 30, "2")):
        page.goto("/log")
        page.get_by_role("link", name="Log a run").click()
        page.get_by_label("Date").fill((today - dt.timedelta(days=back)).isoformat())
        page.get_by_label("Duration (minutes)").fill(str(minutes))
        page.get_by_label("Distance (km)").fill(str(minutes / 6))
        page.locator("#rpe").get_by_text(rpe, exact=True).click()
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r"/log\?week="))
    page.goto("/import")
    for back in (1, 3, 8):
        start = dt.datetime.combine(today - dt.timedelta(days=back), dt.time(6, 30), tzinfo=dt.UTC)
        page.get_by_label("Activity files").set_input_files(
            {"name": f"watch-{back}.fit", "mimeType": "application/octet-stream",
             "buffer": run_file(start, seconds=1800, step=5)})
        page.locator(f"#import-results li:has-text('watch-{back}.fit') .import-status",
                     has_text="Imported").wait_for()
    page.goto("/log")
    shot(page, "log-week")
    page.goto("/progress")
    figures = page.locator("figure.chart")
    titles = [figures.nth(i).locator("figcaption").inner_text() for i in range(figures.count())]
    for expected in ("Daily load with acute and chronic load",
                     "Weekly running distance (km)", "Average cadence of your runs (steps per minute)"):
        assert expected in titles
    assert "Fitness, fatigue and form" not in titles  # a week of training: still warming up
    cadence = figures.filter(has_text="Average cadence")
    cadence.get_by_text("Show the numbers as a table").click()
    table = cadence.get_by_role("table")
    expect(table).to_be_visible()
    assert "170" in table.inner_text()
    for i in range(figures.count()):
        svg = figures.nth(i).locator("svg.chart-svg")
        assert svg.get_attribute("role") == "img" and svg.locator("title").count() == 1
        assert svg.bounding_box()["width"] <= page.viewport_size["width"]
    shot(page, "progress-charts")


def test_delete_asks_first(page) -> None:
    sign_up(page)
    page.goto("/log/new/cross")
    page.get_by_label("Duration (minutes)").fill("45")
    page.get_by_label("Sport").select_option("swimming")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name=re.compile("^Delete Swimming")).click()
    expect(page.get_by_role("heading", name="Delete this session?")).to_be_visible()
    shot(page, "log-delete-confirm")
    page.get_by_role("link", name="Keep it").click()
    assert "Swimming" in page.locator(".log-week").inner_text()
    page.get_by_role("link", name=re.compile("^Delete Swimming")).click()
    page.get_by_role("button", name="Delete").click()
    assert "deleted" in page.get_by_role("status").inner_text()
    assert "Swimming" not in page.locator(".log-week").inner_text()




def _zip_of(*names: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            zf.write(ACTIVITIES / name, arcname=f"export/{name}")
    return buffer.getvalue()


def test_a_dropped_archive_is_followed_until_its_background_job_ends(page) -> None:
    """A zip becomes a background job: its line shows the job and HTMX asks again until the
    results replace it."""
    sign_up(page)
    page.goto("/import")
    archive = _zip_of("garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit")
    page.get_by_label("Activity files").set_input_files(
        {"name": "watch.zip", "mimeType": "application/zip", "buffer": archive})
    results = page.locator("#import-results > li.import-result:not(.import-pending)")
    expect(results).to_have_count(2, timeout=60000)
    text = page.locator("#import-results").inner_text()
    assert "garmin-fenix-5-run.fit" in text and "Imported" in text
    shot(page, "import-archive-job")


def test_an_archive_without_javascript_gets_its_job_page(browser, live_server: str) -> None:
    context = new_context(browser, viewport=DESKTOP, base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_up(page)
        page.goto("/import")
        page.get_by_label("Activity files").set_input_files(
            {"name": "watch.zip", "mimeType": "application/zip",
             "buffer": _zip_of("forerunner-410-run.tcx")})
        page.get_by_role("button", name="Import").click()
        page.wait_for_url(re.compile(r"/import/jobs/\d+"))
        # the page refreshes itself every two seconds until the job is done
        page.locator("#import-results-card [role=status]").wait_for(timeout=60000)
        assert "1 imported" in page.locator("#import-results-card [role=status]").inner_text()
    finally:
        context.close()
