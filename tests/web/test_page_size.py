"""Light pages: the demo runner's main pages stay under 60 KB of HTML each (issue 14).

The Plan page showed every session of every week in full (97 KB) and the Trees page repeated
each drawing's styling on every box and arrow, with a tooltip per box (93-106 KB). Now the Plan
page shows this week and the next in full (the printable plan has every week) and the drawings
share their styling in the stylesheet. Progress (76 KB, nine charts drawn day by day, each with
its table) draws its bars as one path a series, leaves the shared chart styling to the
stylesheet and writes its tables without optional end tags: every chart and every table row is
still there.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import web_login
from yolvarex import clock
from yolvarex.services.demo import load_demo

pytestmark = pytest.mark.db

BUDGET = 60_000
PAGES = ("/today", "/checkin", "/plan", "/trees", "/trees/readiness", "/log", "/form", "/library",
         "/routines", "/import", "/account", "/data", "/coach", "/plan/profile", "/welcome/done",
         "/progress", "/week")


def test_the_demo_runners_pages_stay_light(rt, client) -> None:
    with rt.db.session() as db:
        load_demo(db, rt.library, clock.today(None))
    web_login(client, "demo", "demo-runner")
    sizes = {}
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        sizes[path] = len(response.content)
    workout = client.get("/plan").text.split('href="/plan/workout/', 1)[1].split('"', 1)[0]
    sizes["workout"] = len(client.get(f"/plan/workout/{workout}").content)
    heavy = {path: size for path, size in sizes.items() if size > BUDGET}
    assert heavy == {}, f"pages over {BUDGET} bytes: {heavy}"


def test_progress_keeps_every_chart_and_row(rt, client) -> None:
    """Lighter, not poorer: each of the demo's charts is on the page with a table that has a row
    for every point the chart draws."""
    with rt.db.session() as db:
        load_demo(db, rt.library, clock.today(None))
    web_login(client, "demo", "demo-runner")
    html = client.get("/progress").text
    figures = re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)
    assert len(figures) >= 12  # load, ACWR, fitness, resting HR, HRV, 2 volume, cadence,
    for figure in figures:     # zones and the performance tests
        assert figure.count('class="chart-svg"') == 1 and "<title" in figure
        body = figure.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        assert body.count("<tr>") >= 2
    load = next(f for f in figures if "Daily load with acute" in f)
    assert load.split("<tbody>", 1)[1].count("<tr>") >= 28  # day by day
    assert 'd="M' in load  # the daily bars, one path
    acwr = next(f for f in figures if "Acute:chronic" in f)
    assert "0.8-1.3 range: 0.8 to 1.3." in acwr and "range low" not in acwr  # said once
    rhr = next(f for f in figures if "Resting heart rate" in f)
    assert "baseline ± 5 bpm low" in rhr  # a moving band keeps its columns
