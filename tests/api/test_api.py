"""The REST API in-process: auth, library, check-ins, errors as JSON, and the OpenAPI document."""

from __future__ import annotations

from tests.conftest import api_token


def test_healthz_checks_the_database(client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_openapi_document_and_docs_page(client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in spec["paths"]
    assert not any(p in spec["paths"] for p in ("/login", "/today"))
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "/api/v1/checkins/{day}" in page.text


def test_token_required(client, rt, make_user) -> None:
    make_user("ann")
    response = client.get("/api/v1/me")
    assert response.status_code == 401 and "Bearer" in response.json()["error"]
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    me = client.get("/api/v1/me", headers=api_token(rt, "ann"))
    assert me.json()["name"] == "ann"


def test_library_endpoints(client) -> None:
    counts = client.get("/api/v1/library").json()
    assert counts["evidence"] > 0
    exercises = client.get("/api/v1/library/exercises").json()
    assert any(e["id"] == "glute-bridge" for e in exercises)
    assert client.get("/api/v1/library/exercise/glute-bridge").json()["pattern"] == "hinge"
    assert client.get("/api/v1/library/spells").status_code == 404
    assert client.get("/api/v1/library/exercises/no-such").status_code == 404


def test_checkins_round_trip_and_stay_private(client, rt, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    body = {"sleep_hours": 7.5, "pain": 2, "symptoms": ["runny_nose"], "red_flags": []}
    saved = client.put("/api/v1/checkins/2026-11-24", json=body, headers=ann)
    assert saved.status_code == 200, saved.text
    assert client.get("/api/v1/checkins/2026-11-24", headers=ann).json()["pain"] == 2
    assert client.get("/api/v1/checkins/2026-11-24", headers=bob).status_code == 404
    listed = client.get("/api/v1/checkins?from=2026-11-01&to=2026-11-30", headers=ann).json()
    assert [c["date"] for c in listed] == ["2026-11-24"]


def test_malformed_checkin_is_rejected_with_every_reason(client, rt, make_user) -> None:
    make_user("ann")
    response = client.put("/api/v1/checkins/2026-11-24", json={"pain": 14, "sneeze": True},
                          headers=api_token(rt, "ann"))
    assert response.status_code == 422
    details = " ".join(response.json()["details"])
    assert "pain" in details and "sneeze: unknown field" in details
    assert client.put("/api/v1/checkins/not-a-date", json={}, headers=api_token(rt, "ann")).status_code == 422
    assert client.get("/api/v1/checkins/2026-11-24", headers=api_token(rt, "ann")).status_code == 404


def test_me_shows_and_changes_the_time_zone(client, rt, make_user) -> None:
    from yolvarex import clock

    make_user("ann")
    headers = api_token(rt, "ann")
    me = client.get("/api/v1/me", headers=headers).json()
    assert me["timezone"] == "UTC" and me["today"] == clock.today("UTC").isoformat()
    with clock.frozen(clock.now().replace(hour=23, minute=30)):
        changed = client.patch("/api/v1/me", json={"timezone": "Asia/Tokyo"}, headers=headers)
        assert changed.status_code == 200
        assert changed.json()["timezone"] == "Asia/Tokyo"
        tokyo, utc = clock.today("Asia/Tokyo"), clock.today("UTC")
        assert changed.json()["today"] == tokyo.isoformat() and tokyo != utc
    wrong = client.patch("/api/v1/me", json={"timezone": "Tokyo"}, headers=headers)
    assert wrong.status_code == 422 and "list-timezones" in wrong.text
    extra = client.patch("/api/v1/me", json={"timezone": "UTC", "role": "coach"}, headers=headers)
    assert extra.status_code == 422
    assert client.get("/api/v1/me", headers=headers).json()["timezone"] == "Asia/Tokyo"


def test_me_shows_and_changes_units_watch_and_weight_and_stays_metric(client, rt, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    me = client.get("/api/v1/me", headers=headers).json()
    assert me["units"] == "metric" and me["running_dynamics"] is None and me["body_weight_kg"] is None
    changed = client.patch("/api/v1/me", json={"units": "imperial", "running_dynamics": True,
                                               "body_weight_kg": 61.5}, headers=headers)
    assert changed.status_code == 200, changed.text
    assert changed.json()["units"] == "imperial"
    assert changed.json()["body_weight_kg"] == 61.5 and changed.json()["running_dynamics"] is True
    assert client.get("/api/v1/me", headers=headers).json()["timezone"] == "UTC"  # untouched
    heavy = client.patch("/api/v1/me", json={"body_weight_kg": 400}, headers=headers)
    assert heavy.status_code == 422 and "between 30 and 250" in heavy.text
    odd = client.patch("/api/v1/me", json={"units": "furlongs"}, headers=headers)
    assert odd.status_code == 422
    # the API keeps speaking metric for an imperial runner
    run = client.post("/api/v1/activities/runs", json={"date": "2026-11-29", "minutes": 40,
                                                       "distance_km": 8, "rpe": 4}, headers=headers)
    assert run.status_code == 201 and run.json()["distance_km"] == 8
