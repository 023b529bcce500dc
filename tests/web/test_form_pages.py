"""Form pages in-process: analysis from the log and from an upload, library filters, the
self-assessment, the drill block, the Today card, and other users' runs."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import ACTIVITIES, csrf_of, web_login
from tests.services.form_files import form_run
from yolvarex import clock
from yolvarex.services import imports
from yolvarex.store.access import Actor


def _login(client, make_user, name: str = "ann") -> Actor:
    actor = make_user(name)
    web_login(client, name)
    return actor


def _import(rt, actor: Actor, *files: tuple[str, bytes]) -> list[int]:
    with rt.db.session() as db:
        report = imports.import_sources(db, actor, imports.upload_sources(files))
    return [i for f in report.files for i in f.activity_ids]


def test_form_page_lists_runs_and_analyses_one(rt, client, make_user) -> None:
    ann = _login(client, make_user)
    empty = client.get("/form")
    assert empty.status_code == 200 and "No imported runs" in empty.text
    (run_id,) = _import(rt, ann, ("fenix2.fit", (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes()))
    page = client.get("/form")
    assert f'href="/form/runs/{run_id}"' in page.text
    report = client.get(f"/form/runs/{run_id}")
    assert report.status_code == 200
    html = report.text
    assert "Excessive vertical bounce" in html and "Run under a low ceiling." in html
    assert "population percentiles" in html and "Van Hooren" in html
    assert html.count('class="form-gauge-svg"') == 3  # cadence, oscillation, contact
    assert "Cadence over the run" in html and "Ground contact time over the run" in html
    assert "Show the numbers as a table" in html
    assert "ground contact balance (left), vertical ratio, step length" in html


def test_upload_analysis_and_a_refused_ride(rt, client, make_user) -> None:
    _login(client, make_user)
    token = csrf_of(client)
    ok = client.post("/form/analyze", data={"csrf_token": token}, files={
        "file": ("run.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())})
    assert ok.status_code == 200 and "Left-right asymmetry" in ok.text
    assert "left foot took 52.3%" in ok.text
    ride = client.post("/form/analyze", data={"csrf_token": token}, files={
        "file": ("ride.fit", (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes())})
    assert ride.status_code == 422 and "is a cycling activity, not a run" in ride.text
    assert 'role="alert"' in ride.text
    broken = client.post("/form/analyze", data={"csrf_token": token}, files={
        "file": ("bad.fit", (ACTIVITIES / "invalid" / "activity-unexpected-eof.fit").read_bytes())})
    assert broken.status_code == 422 and "ends too early" in broken.text


def test_another_users_run_is_404(rt, client, make_user) -> None:
    bob = make_user("bob")
    (run_id,) = _import(rt, bob, ("b.fit", form_run(dt.datetime(2026, 3, 2, 7, tzinfo=dt.UTC), minutes=12)))
    _login(client, make_user)
    assert client.get(f"/form/runs/{run_id}").status_code == 404


def test_library_pages_and_filters(client, make_user) -> None:
    _login(client, make_user)
    drills = client.get("/form/drills")
    assert drills.status_code == 200 and "35 of 35 drills" in drills.text
    hip = client.get("/form/drills", params={"fault": "hip-drop", "level": "1"})
    assert "/form/drills/band-side-steps" in hip.text and "/form/drills/step-down-mirror" not in hip.text
    bare = client.get("/form/drills", params=[("equipment", "none"), ("minutes", "2")])
    assert "/form/drills/a-march" in bare.text
    assert "/form/drills/jump-rope" not in bare.text and "/form/drills/wall-drive-march" not in bare.text
    area = client.get("/form/drills", params={"body_area": "shoulders"})
    assert "/form/drills/arm-swing-drill" in area.text and "/form/drills/pogo-hops" not in area.text
    wrong = client.get("/form/drills", params={"body_area": "elbows"})
    assert wrong.status_code == 200 and "Unknown body area" in wrong.text
    none = client.get("/form/drills", params={"q": "zzzz"})
    assert "No drill matches" in none.text
    detail = client.get("/form/drills/quiet-strides")
    assert "Evidence-backed" in detail.text and "Phan" in detail.text and "Run quietly." in detail.text
    faults = client.get("/form/faults", params={"body_area": "hands"})
    assert "Tense shoulders and hands" in faults.text and "Overstriding" not in faults.text
    fault = client.get("/form/faults/overstriding")
    assert "Land under your hips." in fault.text and "Metronome cadence run" in fault.text
    cues = client.get("/form/cues", params={"focus": "external", "fault": "crossover-gait"})
    assert "Run on two rails." in cues.text and "trained by" in cues.text
    assert "Knees point at your laces." not in cues.text
    assert client.get("/form/drills/nope").status_code == 404


def test_self_assessment_saves_and_ranks(client, make_user) -> None:
    _login(client, make_user)
    page = client.get("/form/assess")
    assert page.status_code == 200 and page.text.count("<fieldset>") >= 10
    assert "How to film yourself" in page.text
    token = csrf_of(client)
    bad = client.post("/form/assess", data={"csrf_token": token})
    assert bad.status_code == 422 and "Answer at least one question" in bad.text
    saved = client.post("/form/assess", data={"csrf_token": token, "q-foot-ahead-of-knee": "clearly",
                                              "q-step-count": "under-40"}, follow_redirects=False)
    assert saved.status_code == 303
    result = client.get(saved.headers["location"])
    assert "Low cadence" in result.text and "likely" in result.text
    assert "Fewer than about 160 steps a minute" in result.text
    again = client.get("/form/assess")
    assert re.search(r'value="clearly" checked', again.text)
    session = client.get("/form/session", params={"minutes": "8"})
    assert session.status_code == 200 and "your self-assessment on" in session.text
    assert "Metronome cadence run" in session.text or "Cadence ladder" in session.text


def test_today_shows_the_drill_block_for_a_new_runner(client, make_user) -> None:
    _login(client, make_user)
    today = client.get("/today")
    assert "Warm-up drills before your run" in today.text and "/form/session" in today.text


@pytest.mark.any_day
def test_today_hides_drills_on_a_usual_rest_day(rt, client, make_user) -> None:
    ann = _login(client, make_user)
    day = clock.today(None)
    other = day - dt.timedelta(days=1)  # runs on yesterday's weekday only
    for weeks in (1, 2, 3):
        start = dt.datetime.combine(other - dt.timedelta(weeks=weeks), dt.time(7), tzinfo=dt.UTC)
        _import(rt, ann, (f"r{weeks}.fit", form_run(start, minutes=10)))
    assert "Warm-up drills before your run" not in client.get("/today").text


def test_running_dynamics_answer_shapes_the_form_and_run_pages(rt, client, make_user) -> None:
    """No dynamics on the watch: the Form page, the run's analysis and the run's page show the
    path without them and no empty dynamics chart; a yes without dynamics says what to check."""
    from pathlib import Path

    from yolvarex.services import athlete, imports

    gpx = Path("/work/shared/data/activities/polar-m400-run.gpx")
    ann = make_user("ann")
    with rt.db.session() as db:
        athlete.save_preferences(db, ann.id, {"running_dynamics": False})
        report = imports.import_sources(db, ann, imports.path_sources([gpx]))
    (run,) = [i for f in report.files for i in f.activity_ids]
    web_login(client, "ann")
    index = client.get("/form").text
    assert "does not record running dynamics" in index and 'href="/form/assess"' in index
    analysis = client.get(f"/form/runs/{run}").text
    assert "Check your form without running dynamics" in analysis
    assert "Ground contact time over the run" not in analysis  # no empty dynamics chart
    page = client.get(f"/runs/{run}").text
    assert "Check your form without running dynamics" in page and 'href="/form/cues"' in page
    with rt.db.session() as db:
        athlete.save_preferences(db, ann.id, {"running_dynamics": True})
    index = client.get("/form").text
    assert "but your imported run has none" in index and "chest strap" in index
    assert "chest strap" in client.get(f"/runs/{run}").text
