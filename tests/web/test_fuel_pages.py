"""Fuel after a strength session, sleep after a short night, body weight on the account page."""

from __future__ import annotations

import re

from tests.conftest import csrf_of, web_login
from yolvarex.services import athlete, plans
from yolvarex.store import models


def test_body_weight_turns_protein_into_grams(client, rt, make_user) -> None:  # type: ignore[no-untyped-def]
    ann = make_user("ann")
    web_login(client, "ann")
    bad = client.post("/account/body", data={"body_weight": "20", "csrf_token": csrf_of(client)})
    assert bad.status_code == 422 and "between 30 and 250" in bad.text
    ok = client.post("/account/body", data={"body_weight": "62.5", "resting_hr": "48",
                                            "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert ok.status_code == 303
    with rt.db.session() as db:
        assert athlete.body_weight_kg(db, ann.id) == 62.5
        assert db.get(models.User, ann.id).settings["resting_hr"] == 48
    assert 'value="62.5"' in client.get("/account").text


def test_short_sleep_shows_sleep_guidance_after_the_check_in(client, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    web_login(client, "ann")
    saved = client.post("/checkin", data={"date": "2026-11-29", "sleep_hours": "5",
                                          "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert saved.status_code == 303
    page = client.get(saved.headers["location"])
    assert "Sleep tonight: aim for 7-9 hours" in page.text
    assert "/library/evidence/hirshkowitz-2015" in page.text
    rested = client.post("/checkin", data={"date": "2026-11-28", "sleep_hours": "8",
                                           "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert "Sleep tonight" not in client.get(rested.headers["location"]).text


def test_workout_done_page_shows_fuel(client, rt, make_user) -> None:  # type: ignore[no-untyped-def]
    from tests.web.test_plan_web import ISSUE_PROFILE, _csrf, _workout_rows

    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, ISSUE_PROFILE, rt.library)
    day = next(stored.plan.sessions()).date.isoformat()
    web_login(client, "ann")
    rows = _workout_rows(client, day)
    data = {f"set-{i}-exercise": e for i, e in rows} | {"csrf_token": _csrf(client)}
    for i, _ in rows:
        data |= {f"set-{i}-reps": "10", f"set-{i}-seconds": "30", f"set-{i}-done": "1"}
    saved = client.post(f"/plan/workout/{day}", data=data | {"rpe": "7", "minutes": "28"},
                        follow_redirects=False)
    after = client.get(saved.headers["location"]).text
    assert "Fuel the repair: protein after your strength session" in after
    assert re.search(r"about 20-40 g of protein", after)
    assert "/library/evidence/jager-2017" in after and "not a meal plan" in after


def test_logging_a_hard_run_says_what_to_eat(client, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    web_login(client, "ann")
    run = {"csrf_token": csrf_of(client), "date": "2026-11-29", "time": "06:30", "minutes": "42",
           "distance_km": "8.4", "rpe": "", "avg_hr": "", "name": "", "notes": ""}
    hard = client.post("/log/new/run", data=run | {"run_type": "tempo"}, follow_redirects=False)
    assert "Refuel after a hard run" in client.get(hard.headers["location"]).text
    easy = client.post("/log/new/run", data=run | {"run_type": "easy", "time": "18:00"},
                       follow_redirects=False)
    assert "Refuel" not in client.get(easy.headers["location"]).text


def test_api_fuel(client, rt, make_user) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import api_token

    make_user("ann")
    headers = api_token(rt, "ann")
    strength = client.get("/api/v1/fuel", headers=headers).json()["advice"]
    assert strength["occasion"] == "strength" and strength["protein_serving_g"] == [20, 40]
    assert "jager-2017" in strength["evidence"]
    sleep = client.get("/api/v1/fuel", params={"after": "short-sleep", "hours": 8},
                       headers=headers).json()
    assert sleep["advice"] is None
    assert client.get("/api/v1/fuel", params={"after": "pizza"}, headers=headers).status_code == 422
    assert client.get("/api/v1/fuel").status_code == 401


def test_fuel_for_a_run_page_and_api(client, rt, make_user) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import api_token

    make_user("ann")
    web_login(client, "ann")
    page = client.get("/fuel", params={"minutes": "150"})
    assert page.status_code == 200
    assert "Fuel for a 150-minute run" in page.text and "toward 90 g an hour" in page.text
    assert "See a professional:" in page.text and "/library/evidence/mountjoy-2023" in page.text
    assert 'for="minutes"' in page.text
    bad = client.get("/fuel", params={"minutes": "abc"})
    assert bad.status_code == 422 and "whole minutes" in bad.text
    assert client.get("/fuel", params={"minutes": "2"}).status_code == 422
    headers = api_token(rt, "ann")
    run = client.get("/api/v1/fuel", params={"after": "run", "minutes": 100, "again_soon": True},
                     headers=headers).json()["advice"]
    assert run["occasion"] == "run" and run["run"]["during_carbohydrate_g_per_hour"] == [30, 60]
    assert run["run"]["again_within_8_hours"] is True and "mountjoy-2023" in run["evidence"]
    assert client.get("/api/v1/fuel", params={"after": "run", "minutes": 5},
                      headers=headers).status_code == 422
