"""A runner who chose imperial units sees miles on the log and in the CLI; stored metric."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import csrf_of, web_login
from yolvarex import clock
from yolvarex.services import athlete
from yolvarex.store import models

pytestmark = pytest.mark.db


def _imperial(rt, name: str) -> None:
    with rt.db.session() as db:
        user = db.query(models.User).filter_by(name=name).one()
        athlete.save_preferences(db, user.id, {"units": "imperial"})


def test_an_imperial_runner_types_and_reads_miles_on_the_log(rt, client, make_user) -> None:
    make_user("ann")
    _imperial(rt, "ann")
    web_login(client, "ann")
    day = (clock.today("UTC") - dt.timedelta(days=1)).isoformat()
    form = client.get(f"/log/new/run?date={day}").text
    assert "Distance (mi)" in form
    client.post("/log/new/run", data={"date": day, "time": "07:00", "minutes": "62.5",
                                      "distance_km": "6.2", "run_type": "easy", "rpe": "4",
                                      "csrf_token": csrf_of(client)})
    with rt.db.session() as db:
        run = db.query(models.Activity).one()
        assert run.distance_m == pytest.approx(9978, abs=1)  # stored in metres
    week = client.get(f"/log?week={day}").text
    assert "6.2 mi" in week and " km" not in week
    assert "1 h 2 min" in week  # one way of writing a time: not "62 min", not "62.5 min"
    edit = client.get(f"/log/{run.id}/edit").text
    assert 'value="6.2"' in edit


def test_a_metric_runner_keeps_km(rt, client, make_user) -> None:
    make_user("bea")
    web_login(client, "bea")
    day = (clock.today("UTC") - dt.timedelta(days=1)).isoformat()
    client.post("/log/new/run", data={"date": day, "time": "07:00", "minutes": "45",
                                      "distance_km": "10", "run_type": "easy",
                                      "csrf_token": csrf_of(client)})
    week = client.get(f"/log?week={day}").text
    assert "10.0 km" in week and "45 min" in week and " mi<" not in week


def test_the_cli_log_shows_miles_and_the_json_stays_metric(cli) -> None:
    cli("user", "create", "cat", "--timezone", "UTC")
    cli("setup", "--user", "cat", "--no-input", "--units", "imperial")
    day = (clock.today("UTC") - dt.timedelta(days=1)).isoformat()
    cli("log", "run", "-m", "45", "--km", "10", "--date", day, "--rpe", "4", "--user", "cat")
    table = cli("log", "list", "--user", "cat").stdout
    assert "6.21 mi" in table and "45 min" in table and "km" not in table
    data = json.loads(cli("log", "list", "--json", "--user", "cat").stdout)
    assert data[0]["distance_km"] == 10


def _imperial_dumbbell_plan(rt, client, make_user) -> str:
    """Ann, imperial, with a dumbbell plan, logged in on the web: her first session's date."""
    from tests.domain.test_plan import ISSUE_PROFILE
    from yolvarex.services import plans

    ann = make_user("ann")
    _imperial(rt, "ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, {**ISSUE_PROFILE, "equipment": ["dumbbells"]},
                                   rt.library)
    web_login(client, "ann")
    return next(stored.plan.sessions()).date.isoformat()


def test_an_imperial_runner_logs_weights_in_pounds_stored_in_kg(rt, client, make_user) -> None:
    from tests.web.test_plan_web import _workout_rows

    day = _imperial_dumbbell_plan(rt, client, make_user)
    page = client.get(f"/plan/workout/{day}").text
    assert "> lb</label>" in page and "> kg</label>" not in page
    rows = _workout_rows(client, day)
    data = {f"set-{i}-exercise": e for i, e in rows} | {"csrf_token": csrf_of(client)}
    for i, _ in rows:
        data |= {f"set-{i}-reps": "10", f"set-{i}-seconds": "30", f"set-{i}-done": "1"}
    data["set-0-load"] = "22"
    saved = client.post(f"/plan/workout/{day}", data=data, follow_redirects=False)
    assert saved.status_code == 303
    with rt.db.session() as db:
        first = db.query(models.StrengthSet).order_by(models.StrengthSet.id).first()
        assert first.load_kg == pytest.approx(9.98, abs=0.01)


def test_today_shows_the_week_in_the_runners_units(rt, client, make_user) -> None:
    make_user("dan")
    _imperial(rt, "dan")
    web_login(client, "dan")
    day = clock.today("UTC").isoformat()  # this week's run shows in the week at a glance
    client.post("/log/new/run", data={"date": day, "time": "07:00", "minutes": "45",
                                      "distance_km": "5", "run_type": "easy",
                                      "csrf_token": csrf_of(client)})
    today = client.get("/today").text
    assert "5.0 mi" in today and " km<" not in today


def test_an_imperial_runner_reads_plan_loads_in_pounds(rt, client, make_user) -> None:
    """The dose text (workout mode's "next time", the plan) follows the runner's units."""
    from tests.web.test_plan_web import _workout_rows

    day = _imperial_dumbbell_plan(rt, client, make_user)
    rows = _workout_rows(client, day)
    data = {f"set-{i}-exercise": e for i, e in rows} | {"csrf_token": csrf_of(client)}
    for i, _ in rows:
        data |= {f"set-{i}-reps": "10", f"set-{i}-seconds": "30", f"set-{i}-done": "1",
                 f"set-{i}-load": "22"}
    saved = client.post(f"/plan/workout/{day}", data=data, follow_redirects=False)
    done = client.get(saved.headers["location"]).text
    following = done.split('id="next-h"', 1)[1].split("</section>", 1)[0]
    assert "22 lb" in following and " kg" not in following


def test_an_imperial_runner_types_and_reads_fahrenheit(rt, client, make_user) -> None:
    from yolvarex.services import checkins
    from yolvarex.store.access import Actor

    eve = make_user("eve")
    _imperial(rt, "eve")
    web_login(client, "eve")
    form = client.get("/checkin").text
    assert "Temperature (°F)" in form and 'name="temperature_f"' in form
    assert 'min="86"' in form and 'max="113"' in form and "°C" not in form
    day = clock.today("UTC").isoformat()
    sent = client.post("/checkin", data={"date": day, "temperature_f": "100.4",
                                         "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert sent.status_code == 303
    with rt.db.session() as db:
        stored = checkins.get_checkin(db, Actor.of(db.get(models.User, eve.id)),
                                      dt.date.fromisoformat(day))
    assert stored.temperature_c == 38.0  # stored in °C: the fever line
    assert 'value="100.4"' in client.get(f"/checkin?day={day}").text
    wrong = client.post("/checkin", data={"date": day, "temperature_f": "hot",
                                          "csrf_token": csrf_of(client)})
    assert wrong.status_code == 422


def test_a_metric_runner_types_celsius(client, make_user) -> None:
    make_user("fox")
    web_login(client, "fox")
    form = client.get("/checkin").text
    assert "Temperature (°C)" in form and 'name="temperature_c"' in form and "°F" not in form


def test_the_cli_asks_fahrenheit_and_writes_pounds(cli, rt) -> None:
    from yolvarex.services import accounts, checkins
    from yolvarex.store.access import Actor

    cli("user", "create", "gus", "--timezone", "UTC")
    cli("setup", "--user", "gus", "--no-input", "--units", "imperial")
    day = clock.today("UTC")
    answers = "\n".join(["", "", "", "", "", "", "", "", "102.2", "", "", "", "", ""]) + "\n"
    asked = cli("check-in", "--user", "gus", "--date", day.isoformat(), input=answers)
    assert asked.exit_code == 0, asked.output
    assert "Temperature (°F)" in asked.output
    with rt.db.session() as db:
        stored = checkins.get_checkin(db, Actor.of(accounts.user_named(db, "gus")), day)
    assert stored.temperature_c == 39.0
    logged = cli("log", "strength", "--set", "goblet-squat 12 @22lb x3", "--user", "gus")
    assert logged.exit_code == 0, logged.output
    assert "22 lb" in logged.stdout and " kg" not in logged.stdout
    as_json = cli("log", "strength", "--set", "goblet-squat 12 @22lb x3", "--user", "gus",
                  "--date", (day - dt.timedelta(days=1)).isoformat(), "--json")
    assert " lb" not in as_json.stdout  # the JSON speaks kilograms, as the API does

