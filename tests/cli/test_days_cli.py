"""Days in the terminal: a runner's own zone, dates as people type them, local load days."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from tests.services.test_local_days import _evening_gpx, _import
from yolvarex import clock
from yolvarex.store import models
from yolvarex.store.access import Actor


def test_load_json_counts_each_run_on_its_local_day(cli, rt) -> None:
    assert cli("user", "create", "ann", "--timezone", "America/Los_Angeles").exit_code == 0
    with clock.frozen(dt.datetime(2026, 11, 22, 16, 0, tzinfo=dt.UTC)):  # 08:00 on 22 Nov in LA
        with rt.db.session() as db:
            ann = Actor.of(db.scalar(select(models.User)))
        _import(rt, ann, "evening.gpx", _evening_gpx())  # 18:30 on 20 Nov, local
        logged = json.loads(cli("log", "run", "-m", "30", "--rpe", "5", "--date", "yesterday",
                                "--time", "21:15", "--json").stdout)
        assert logged["date"] == "2026-11-21" and logged["start"].startswith("2026-11-22T05:15")
        report = json.loads(cli("load", "--json").stdout)
    by_day = {d["day"]: d["load"] for d in report["days"]}
    assert report["today"]["day"] == "2026-11-22"
    assert by_day["2026-11-20"] > 0 and by_day["2026-11-21"] == 150.0 and by_day["2026-11-22"] == 0.0


def test_user_set_timezone_and_its_errors(cli) -> None:
    assert cli("user", "create", "ann").exit_code == 0
    listed = json.loads(cli("user", "list", "--json").stdout)
    assert listed[0]["timezone"] == "UTC"
    changed = cli("user", "set", "ann", "--timezone", "Europe/Berlin")
    assert changed.exit_code == 0 and "Europe/Berlin" in changed.stdout
    assert json.loads(cli("user", "list", "--json").stdout)[0]["timezone"] == "Europe/Berlin"
    wrong = cli("user", "set", "ann", "--timezone", "Berlin")
    assert wrong.exit_code == 1
    assert "not a time zone we know" in wrong.stderr and "Europe/Berlin" in wrong.stderr
    assert "Traceback" not in wrong.output


@pytest.mark.any_day
@pytest.mark.parametrize(("typed", "back"), [("today", 0), ("yesterday", 1), ("-3", 3)])
def test_dates_as_people_type_them(cli, typed: str, back: int) -> None:
    cli("user", "create", "ann")
    today = clock.today("UTC")
    out = json.loads(cli("log", "run", "-m", "30", "--date", typed, "--json").stdout)
    assert out["date"] == (today - dt.timedelta(days=back)).isoformat()


@pytest.mark.parametrize(("typed", "words"), [
    ("2026-02-30", "February 2026 has 28 days"), ("2026-13-01", "months 1 to 12"),
    ("someday", "YYYY-MM-DD, today, yesterday")])
def test_a_day_that_is_not_one_is_one_sentence(cli, typed: str, words: str) -> None:
    cli("user", "create", "ann")
    for args in (("log", "run", "-m", "30", "--date", typed), ("check-in", "--date", typed),
                 ("plan", "day", typed), ("log", "strength", "--date", typed, "--set", "plank 30s x2")):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert words in " ".join(result.stderr.split()) and "Traceback" not in result.output


def test_a_run_in_the_future_is_refused_everywhere(cli, client, rt) -> None:
    from tests.conftest import api_token

    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    today = clock.today("UTC")
    refused = cli("log", "run", "-m", "30", "--date", "2030-01-01")
    assert refused.exit_code == 1 and "is in the future" in " ".join(refused.stderr.split())
    tomorrow = cli("log", "run", "-m", "30", "--date", "tomorrow", "--time", "00:30", "--json")
    assert tomorrow.exit_code == 0  # a run just past midnight where the clock is behind
    headers = api_token(rt, "ann")
    api = client.post("/api/v1/activities/runs", json={"date": "2030-01-01", "minutes": 30},
                      headers=headers)
    assert api.status_code == 422 and "in the future" in api.json()["error"]
    entry = json.loads(tomorrow.stdout)["id"]
    moved = cli("log", "edit", str(entry), "--date", (today + dt.timedelta(days=9)).isoformat())
    assert moved.exit_code == 1 and "in the future" in " ".join(moved.stderr.split())
