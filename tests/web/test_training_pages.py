"""Import, Log and Progress pages in-process: forms without JavaScript, ownership, charts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from tests.conftest import ACTIVITIES, csrf_of, web_login
from yolvarex import clock
from yolvarex.store import models


def _files(*names: str):
    return [("files", (n, (ACTIVITIES / n).read_bytes(), "application/octet-stream")) for n in names]


def test_plain_form_imports_several_files_and_shows_results(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    response = client.post("/import", data={"csrf_token": token},
                           files=_files("garmin-fenix-5-run.fit", "polar-m400-run.gpx",
                                        "WorkoutRepeatSteps.fit"))
    assert response.status_code == 200
    html = response.text
    assert "2 imported (0 cross-training), 0 already in your log, 1 not imported" in html
    assert "workout file" in html and "How hard did it feel?" in html
    again = client.post("/import", data={"csrf_token": token}, files=_files("garmin-fenix-5-run.fit"))
    assert "Already in your log" in again.text


def test_import_without_files_says_so(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    response = client.post("/import", data={"csrf_token": csrf_of(client)},
                           files=[("files", ("", b"", "application/octet-stream"))])
    assert response.status_code == 422 and "Choose at least one file" in response.text


def test_one_file_fragment_for_drag_and_drop(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    response = client.post("/import/file", headers={"X-CSRF-Token": token},
                           files=_files("garmin-fenix-5-bike.fit"))
    assert response.status_code == 200
    assert 'class="import-result import-imported"' in response.text and "<html" not in response.text


def test_upload_over_limit_is_a_friendly_413(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    big = b"\0" * (rt.settings.max_upload_bytes + 1)
    response = client.post("/import/file", headers={"X-CSRF-Token": csrf_of(client)},
                           files=[("files", ("big.fit", big))])
    assert response.status_code == 413 and "limit" in response.text


@pytest.mark.any_day
def test_log_week_view_forms_edit_rpe_and_delete(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    today = clock.today(None)
    created = client.post("/log/new/run", data={
        "csrf_token": token, "date": today.isoformat(), "time": "06:30", "minutes": "42",
        "distance_km": "8.4", "run_type": "tempo", "rpe": "", "avg_hr": "", "name": "", "notes": "windy"},
        follow_redirects=False)
    assert created.status_code == 303
    page = client.get(created.headers["location"]).text
    assert "Tempo run" in page and "Rate effort" in page and "8.4 km" in page
    with rt.db.session() as db:
        run_id = db.scalar(select(models.Activity.id))
    rated = client.post(f"/log/{run_id}/rpe", data={"csrf_token": token, "rpe": "7"}, follow_redirects=False)
    assert rated.status_code == 303
    with rt.db.session() as db:
        row = db.get(models.Activity, run_id)
        assert (row.rpe, row.load) == (7, 294)
    form = client.get(f"/log/{run_id}/edit").text
    assert 'value="42.0"' in form and "windy" in form
    edited = client.post(f"/log/{run_id}/edit", data={
        "csrf_token": token, "date": today.isoformat(), "time": "06:30", "minutes": "50",
        "distance_km": "10", "sport": "running", "run_type": "long", "rpe": "5", "avg_hr": "",
        "name": "Sunday long", "notes": ""}, follow_redirects=False)
    assert edited.status_code == 303
    assert "Sunday long" in client.get(edited.headers["location"]).text
    confirm = client.get(f"/log/{run_id}/delete").text
    assert "Delete this session?" in confirm and "cannot be undone" in confirm
    client.post(f"/log/{run_id}/delete", data={"csrf_token": token})
    with rt.db.session() as db:
        assert db.get(models.Activity, run_id) is None


def test_log_form_errors_keep_values(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    response = client.post("/log/new/cross", data={
        "csrf_token": csrf_of(client), "date": "2026-01-02", "minutes": "0", "sport": "cycling",
        "notes": "kept"})
    assert response.status_code == 422 and "minutes" in response.text and "kept" in response.text


def test_editing_an_imported_runs_notes_on_the_web_keeps_its_load(rt, client, make_user) -> None:
    """Issue 12 item 6: the edit form sends every field back (minutes rounded to 0.1); only the
    note changed, so the load stays as imported."""
    from tests.conftest import ACTIVITIES
    from yolvarex.ingest.archive import SourceFile
    from yolvarex.services import imports

    ann = make_user("ann")
    with rt.db.session() as db:
        data = (ACTIVITIES / "2013-02-06-12-11-14.fit").read_bytes()
        imports.import_sources(db, ann, [SourceFile("r.fit", data)])
        user = db.get(models.User, ann.id)
        user.settings = {"max_hr": 165}  # set after the import: must not touch the stored load
    with rt.db.session() as db:
        row = db.scalar(select(models.Activity))
        run_id, load, moving = row.id, row.load, row.moving_s
    web_login(client, "ann")
    form = client.get(f"/log/{run_id}/edit").text
    minutes = form.split('name="minutes"')[1].split('value="')[1].split('"')[0]
    edited = client.post(f"/log/{run_id}/edit", data={
        "csrf_token": csrf_of(client), "date": "2013-02-06", "time": "12:11", "minutes": minutes,
        "sport": "running", "run_type": "", "rpe": "", "avg_hr": "147", "name": "",
        "notes": "icy"}, follow_redirects=False)
    assert edited.status_code == 303
    with rt.db.session() as db:
        row = db.get(models.Activity, run_id)
        assert (row.notes, row.load, row.moving_s) == ("icy", load, moving)


def test_the_same_entry_twice_is_refused_on_the_form(client, make_user) -> None:
    """Issue 12 item 9: the form comes back with the message and the values kept."""
    make_user("ann")
    web_login(client, "ann")
    data = {"csrf_token": csrf_of(client), "date": "2026-11-20", "time": "18:00", "minutes": "35",
            "run_type": "easy", "notes": "again"}
    assert client.post("/log/new/run", data=data, follow_redirects=False).status_code == 303
    again = client.post("/log/new/run", data=data, follow_redirects=False)
    assert again.status_code == 409 and "already in your log" in again.text and "again" in again.text


def test_another_users_sessions_are_not_found(rt, client, make_user) -> None:
    ann = make_user("ann")
    make_user("bob")
    with rt.db.session() as db:
        row = models.Activity(user_id=ann.id, sport="running", start=clock.now(), day=clock.today(None),
                              duration_s=600, source="manual", dynamics={})
        db.add(row)
        db.flush()
        run_id = row.id
    web_login(client, "bob")
    token = csrf_of(client)
    assert client.get(f"/log/{run_id}/edit").status_code == 404
    assert client.get(f"/log/{run_id}/delete").status_code == 404
    assert client.post(f"/log/{run_id}/delete", data={"csrf_token": token}).status_code == 404
    assert client.post(f"/log/{run_id}/rpe", data={"csrf_token": token, "rpe": "3"}).status_code == 404


@pytest.mark.any_day
def test_progress_shows_every_chart_with_a_table(rt, client, make_user) -> None:
    from yolvarex.services.demo import load_demo

    with rt.db.session() as db:
        load_demo(db, rt.library, clock.today(None))
    web_login(client, "demo", "demo-runner")
    html = client.get("/progress").text
    for title in ("Daily load with acute and chronic load", "Acute:chronic workload ratio",
                  "Fitness, fatigue and form", "Resting heart rate", "Heart rate variability",
                  "Weekly running distance", "Average cadence of your runs", "Performance tests"):
        assert title in html, title
    assert html.count('class="chart-svg"') >= 8
    assert html.count("Show the numbers as a table") == html.count('class="chart-svg"')
    assert re.search(r"<td>\d+(\.\d+)?<", html)  # a number in a cell (end tags are optional)


def test_progress_empty_state(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    assert "No training to chart yet" in client.get("/progress").text


def test_undated_fit_upload_is_dated_from_the_browsers_file_time(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    stamp = int(dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC).timestamp() * 1000)
    response = client.post("/import/file", headers={"X-CSRF-Token": csrf_of(client)},
                           data={"modified": str(stamp)},
                           files=_files("compressed-speed-distance.fit"))
    assert "clock" in response.text
    with rt.db.session() as db:
        row = db.scalar(select(models.Activity))
    assert row.start == dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC)


@pytest.mark.any_day
def test_log_week_shows_planned_against_done(client, rt, make_user) -> None:
    from yolvarex.services import plans
    from yolvarex.services.runtime import library

    ann = make_user("ann")
    monday = clock.today(None) - dt.timedelta(days=clock.today(None).weekday() + 7)  # last week
    with rt.db.session() as db:
        plans.create_plan(db, ann, {
            "start": monday.isoformat(), "weeks": 3, "experience": "some",
            "equipment": ["bodyweight"], "sessions_per_week": 2, "minutes_per_session": 30,
            "run_week": {"mon": "easy", "tue": "speed", "wed": "rest", "thu": "easy", "fri": "rest",
                         "sat": "long", "sun": "rest"}}, library())
        db.add(models.Activity(user_id=ann.id, sport="running", run_type="easy", duration_s=2400,
                               start=dt.datetime.combine(monday, dt.time(7), tzinfo=dt.UTC), day=monday))
    web_login(client, "ann")
    html = client.get(f"/log?week={monday.isoformat()}").text
    assert re.search(r"easy run\s*<span aria-label=\"done\">✓ done</span>", html)
    assert re.search(r"speed run\s*<span>· not logged</span>", html)
