"""Routine pages in-process: library filters, the player page, logging by JSON and by form."""

from __future__ import annotations

from tests.conftest import csrf_of, web_login
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services.checkins import save_checkin


def test_routine_library_filters_and_friendly_404(client) -> None:
    page = client.get("/routines")
    assert page.status_code == 200 and "Full-body recovery" in page.text
    calves = client.get("/routines", params={"area": "calves"}).text
    assert "Ankles and calves" in calves and "Five minutes of calm breathing" not in calves
    bedtime = client.get("/routines", params={"occasion": "bedtime"}).text
    assert "Sleep wind-down" in bedtime and "Pre-run dynamic warm-up" not in bedtime
    none = client.get("/routines", params={"occasion": "bedtime", "area": "shins"})
    assert "No routine fits both" in none.text
    detail = client.get("/routines/post-run-cool-down")
    assert "Wall calf stretch" in detail.text and "7 min 30 s" in detail.text
    assert "/routines/post-run-cool-down/play" in detail.text
    missing = client.get("/routines/nap")
    assert missing.status_code == 404 and "no routine called" in missing.text
    library = client.get("/library/routines/post-run-cool-down").text
    assert "/routines/post-run-cool-down/play" in library


def test_player_page_needs_login_and_carries_the_timeline(client, make_user) -> None:
    response = client.get("/routines/desk-day-reset/play", follow_redirects=False)
    assert response.status_code == 303 and "/login" in response.headers["location"]
    make_user("ann")
    web_login(client, "ann")
    page = client.get("/routines/desk-day-reset/play").text
    assert 'id="player-data"' in page and '"segments"' in page and "/static/js/player.js" in page
    assert "Neck half circles" in page and 'data-csrf="' in page


def test_logging_by_json_and_by_form_shows_in_log_today_and_progress(client, rt, make_user) -> None:
    ann = make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    forged = client.post("/routines/desk-day-reset/complete", json={"seconds": 300})
    assert forged.status_code == 403
    bad = client.post("/routines/desk-day-reset/complete", json={"seconds": "lots"},
                      headers={"X-CSRF-Token": token})
    assert bad.status_code == 422
    logged = client.post("/routines/desk-day-reset/complete", json={"seconds": 300},
                         headers={"X-CSRF-Token": token})
    assert logged.status_code == 201 and logged.json()["streak"] == 1
    form = client.post("/routines/travel-day/complete", data={"csrf_token": token},
                       follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == "/routines/travel-day"
    assert "Travel day logged" in client.get(form.headers["location"]).text
    log = client.get("/log").text
    assert "Desk-day reset" in log and "Travel day" in log
    progress = client.get("/progress").text
    assert "Routine streak" in progress and "days with a routine" in progress

    with rt.db.session() as db:
        save_checkin(db, ann, CheckIn(date=clock.today(None), sore_areas=("calf", "wrist")))
    today = client.get("/today").text
    assert "Recovery and mobility today" in today and "Ankles and calves" in today
    assert "Sore calves" in today and "wrist" in today


def test_a_new_runner_sees_where_to_start(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    progress = client.get("/progress").text
    assert "No routines logged yet" in progress
    today = client.get("/today").text
    assert "Recovery and mobility today" in today and "Post-run cool-down" in today
