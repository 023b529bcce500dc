"""Routines over the API: list, show, suggestions, completions (private, deduplicated) and streak."""

from __future__ import annotations

import datetime as dt

from tests.conftest import api_token
from yolvarex import clock
from yolvarex.services.runtime import library

LIB = library()
TODAY = clock.today(None)


def test_list_and_show_with_computed_totals(client) -> None:
    listed = client.get("/api/v1/routines").json()
    assert {r["id"] for r in listed} == set(LIB.routines)
    assert all(r["total_seconds"] == LIB.routine_seconds(r["id"]) for r in listed)
    shown = client.get("/api/v1/routines/after-the-long-run").json()
    assert shown["timeline"][0]["start"] == 0 and shown["suits"] == ["after_long_run"]
    missing = client.get("/api/v1/routines/nap")
    assert missing.status_code == 404 and "no routine called 'nap'" in missing.json()["error"]
    spec = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/routines/suggestions" in spec and "/api/v1/routines/{routine_id}/completions" in spec


def test_suggestions_need_a_token_and_take_the_options(client, rt, make_user) -> None:
    make_user("ann")
    assert client.get("/api/v1/routines/suggestions").status_code == 401
    headers = api_token(rt, "ann")
    rest = client.get("/api/v1/routines/suggestions", headers=headers,
                      params={"verdict": "rest", "sore_areas": "calf, elbow", "limit": 3}).json()
    assert rest["suggestions"][0]["id"] == "full-body-recovery" and len(rest["suggestions"]) == 3
    assert rest["unknown_areas"] == ["elbow"] and rest["verdict"] == "rest"
    assert all(s["reason"] for s in rest["suggestions"])
    speed = client.get("/api/v1/routines/suggestions", headers=headers, params={"planned": "speed"})
    assert speed.json()["suggestions"][0]["id"] == "pre-run-warm-up"
    bad = client.get("/api/v1/routines/suggestions", headers=headers, params={"verdict": "nap"})
    assert bad.status_code == 422 and "unknown verdict" in bad.json()["error"]


def test_completions_are_logged_once_private_and_counted_in_the_streak(client, rt, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    assert client.post("/api/v1/routines/travel-day/completions").status_code == 401
    first = client.post("/api/v1/routines/travel-day/completions", headers=ann, json={"seconds": 300})
    assert first.status_code == 201 and first.json()["source"] == "api"
    again = client.post("/api/v1/routines/travel-day/completions", headers=ann)
    assert again.json()["id"] == first.json()["id"]
    assert client.post("/api/v1/routines/nap/completions", headers=ann).status_code == 404
    wrong = client.post("/api/v1/routines/travel-day/completions", headers=ann, json={"seconds": -1})
    assert wrong.status_code == 422
    extra = client.post("/api/v1/routines/travel-day/completions", headers=ann, json={"kind": "x"})
    assert extra.status_code == 422
    span = {"from": (TODAY - dt.timedelta(days=1)).isoformat(), "to": TODAY.isoformat()}
    mine = client.get("/api/v1/routines/completions", headers=ann, params=span).json()
    assert [(c["routine"], c["seconds"]) for c in mine] == [("travel-day", 300)]
    assert client.get("/api/v1/routines/completions", headers=bob, params=span).json() == []
    assert client.get("/api/v1/routines/streak", headers=ann).json()["days"] == 1
    assert client.get("/api/v1/routines/streak", headers=bob).json()["days"] == 0
    backwards = client.get("/api/v1/routines/completions", headers=ann,
                           params={"from": span["to"], "to": span["from"]})
    assert backwards.status_code == 422
