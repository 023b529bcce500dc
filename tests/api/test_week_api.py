"""The weekly summary through the API, the CLI and the web page: one answer, three faces."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import api_token, web_login
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import checkins, plans, training_log
from yolvarex.services.runtime import library
from yolvarex.services.training_log import RunEntry
from yolvarex.store.access import Actor


def _week_of_training(rt, name: str) -> dt.date:
    """A plan, a run and a check-in this week; returns the Monday."""
    from yolvarex.services import accounts

    now = clock.today(None)
    monday = now - dt.timedelta(days=now.weekday())
    with rt.db.session() as db:
        ann = Actor.of(accounts.user_named(db, name))
        plans.create_plan(db, ann, {
            "start": monday.isoformat(), "weeks": 4, "experience": "some",
            "equipment": ["bodyweight"], "sessions_per_week": 2, "minutes_per_session": 30,
            "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest",
                         "fri": "easy", "sat": "long", "sun": "rest"}}, library())
        training_log.log_entry(db, ann, RunEntry(date=monday, minutes=35, distance_km=7, rpe=5))
        checkins.save_checkin(db, ann, CheckIn(date=monday, soreness=8))
    return monday


@pytest.mark.any_day
def test_cli_json_equals_the_api_json(cli, client, rt) -> None:
    assert cli("user", "create", "ann").exit_code == 0
    monday = _week_of_training(rt, "ann")
    api = client.get("/api/v1/week", params={"day": monday.isoformat()},
                     headers=api_token(rt, "ann"))
    assert api.status_code == 200, api.text
    result = cli("week", "--user", "ann", "--date", monday.isoformat(), "--json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == api.json()
    body = api.json()
    assert body["monday"] == monday.isoformat() and body["done"]["runs_done"] == 1
    assert body["done"]["runs_planned"] == 5 and body["form_focus"]["reasons"]
    assert body["strength_focus"]["title"] and body["load"]["words"]
    assert [v["day"] for v in body["verdicts"]] == [monday.isoformat()]


def test_api_week_defaults_to_today_and_refuses_a_bad_day(client, rt, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    today = clock.today(None)
    body = client.get("/api/v1/week", headers=headers).json()
    assert body["monday"] == (today - dt.timedelta(days=today.weekday())).isoformat()
    assert client.get("/api/v1/week?day=someday", headers=headers).status_code == 422
    assert client.get("/api/v1/week").status_code == 401
    schema = client.get("/api/v1/openapi.json").json()
    assert "WeekSummary" in json.dumps(schema["paths"]["/api/v1/week"])


def test_cli_week_in_words(cli, rt) -> None:
    assert cli("user", "create", "ann").exit_code == 0
    monday = _week_of_training(rt, "ann")
    out = cli("week", "--date", monday.isoformat()).stdout
    assert f"Week of {monday:%d %B %Y}" in out and "Runs: 1 of 5" in out
    assert "Form focus for next week" in out and "Strength focus for next week" in out


def test_the_week_page_and_its_link_from_today(client, rt, make_user) -> None:
    make_user("ann")
    monday = _week_of_training(rt, "ann")
    web_login(client, "ann")
    assert 'href="/week"' in client.get("/today").text
    html = client.get(f"/week?day={monday.isoformat()}").text
    for words in ("Your week in review", "Done against the plan", "How the load moved",
                  "What changed in the plan, and why", "Form focus", "Strength focus"):
        assert words in html, words
    assert "1 of 5" in html


def test_api_week_of_someone_else_is_refused(client, rt, make_user) -> None:
    make_user("ann")
    bob = make_user("bob")
    response = client.get("/api/v1/week", params={"athlete_id": bob.id},
                          headers=api_token(rt, "ann"))
    assert response.status_code in (403, 404)
