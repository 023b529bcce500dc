"""Uploads, the log and load figures through the JSON API."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import ACTIVITIES, api_token
from yolvarex import clock


def test_upload_several_files(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    files = [("files", (name, (ACTIVITIES / name).read_bytes(), "application/octet-stream"))
             for name in ("garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "WorkoutRepeatSteps.fit")]
    response = client.post("/api/v1/imports", files=files, headers=headers)
    assert response.status_code == 200, response.text
    data = response.json()
    assert (data["imported"], data["cross_training"], data["duplicates"]) == (2, 1, 0)
    assert data["failed"][0]["file"] == "WorkoutRepeatSteps.fit"
    assert [f["status"] for f in data["files"]] == ["imported", "imported", "failed"]
    again = client.post("/api/v1/imports", files=files[:1], headers=headers).json()
    assert again["duplicates"] == 1


def test_upload_over_the_size_limit_is_refused(rt, client, make_user) -> None:
    make_user("ann")
    big = b"\0" * (rt.settings.max_upload_bytes + 10)
    response = client.post("/api/v1/imports", files=[("files", ("big.fit", big))],
                           headers=api_token(rt, "ann"))
    assert response.status_code == 413 and "limit" in response.json()["error"]


def test_upload_needs_a_token(client) -> None:
    assert client.post("/api/v1/imports", files=[("files", ("a.fit", b"x"))]).status_code == 401


def test_log_crud_and_ownership(rt, client, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    day = clock.today(None).isoformat()
    created = client.post("/api/v1/activities/runs", json={"date": day, "minutes": 30, "rpe": 3},
                          headers=ann)
    assert created.status_code == 201, created.text
    run = created.json()
    assert run["load"] == 90
    bad = client.post("/api/v1/activities/runs", json={"date": day, "minutes": -3}, headers=ann)
    assert bad.status_code == 422 and bad.json()["details"]
    cross = client.post("/api/v1/activities/cross", json={"date": day, "minutes": 50,
                                                           "sport": "swimming"}, headers=ann).json()
    assert cross["load_method"] == "estimate" and cross["load"] == 200
    url = f"/api/v1/activities/{run['id']}"
    assert client.get(url, headers=bob).status_code == 404
    assert client.patch(url, json={"rpe": 5}, headers=bob).status_code == 404
    assert client.delete(url, headers=bob).status_code == 404
    assert client.patch(url, json={"rpe": 5}, headers=ann).json()["load"] == 150
    listed = client.get(f"/api/v1/activities?from={day}&to={day}", headers=ann).json()
    assert {a["id"] for a in listed} == {run["id"], cross["id"]}
    assert client.get(f"/api/v1/activities?from={day}&to={day}", headers=bob).json() == []
    assert client.delete(url, headers=ann).status_code == 204
    assert client.get(url, headers=ann).status_code == 404


@pytest.mark.any_day
def test_load_figures_and_series(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    today = clock.today(None)
    for back in range(1, 10):
        client.post("/api/v1/activities/runs", json={
            "date": (today - dt.timedelta(days=back)).isoformat(), "minutes": 40, "rpe": 4}, headers=headers)
    now = client.get("/api/v1/load", headers=headers).json()
    assert now["today"]["days_since_rest"] == 9 and now["today"]["acwr"] is None
    series = client.get("/api/v1/load/series?days=14", headers=headers).json()
    assert len(series["days"]) == 14 and series["load"][-2] == 160 and series["load"][-1] == 0


def test_the_same_run_logged_twice_is_a_conflict(rt, client, make_user) -> None:
    """Issue 12 item 9: a manual duplicate is caught like an imported one."""
    make_user("ann")
    ann = api_token(rt, "ann")
    body = {"date": "2026-11-20", "time": "18:30", "minutes": 42, "rpe": 5}
    first = client.post("/api/v1/activities/runs", json=body, headers=ann)
    assert first.status_code == 201
    again = client.post("/api/v1/activities/runs", json={**body, "minutes": 43}, headers=ann)
    assert again.status_code == 409
    assert "already in your log" in again.text and str(first.json()["id"]) in again.text
