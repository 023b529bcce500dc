"""The form API: analyse uploads and stored runs, query the library, self-assessment, drills."""

from __future__ import annotations

import datetime as dt

from tests.conftest import ACTIVITIES, api_token
from tests.services.form_files import form_run

START = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)


def _upload(client, headers, name: str, data: bytes):
    return client.post("/api/v1/form/analyze", files={"file": (name, data)}, headers=headers)


def test_analyse_an_upload(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    response = _upload(client, headers, "run.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["sport"] == "running" and data["metrics"]["cadence_spm"]["grade"] == "blue"
    assert data["findings"][0]["fault"] == "left-right-asymmetry"
    assert data["baseline"] is None and data["moving_s"] > 0 and data["records"] == 21


def test_a_ride_and_a_broken_file_are_422_with_a_reason(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    ride = _upload(client, headers, "ride.fit", (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes())
    assert ride.status_code == 422 and "not a run" in ride.json()["error"]
    broken = _upload(client, headers, "x.fit",
                     (ACTIVITIES / "invalid" / "activity-filecrc.fit").read_bytes())
    assert broken.status_code == 422 and "checksum" in broken.json()["error"]
    big = _upload(client, headers, "big.fit", b"\0" * (rt.settings.max_upload_bytes + 10))
    assert big.status_code == 413
    assert client.post("/api/v1/form/analyze", files={"file": ("a.fit", b"x")}).status_code == 401


def test_stored_runs_and_ownership(rt, client, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    files = [("files", (f"r{i}.fit", form_run(START + dt.timedelta(days=i), minutes=12,
                                                cadence_spm=c), "application/octet-stream"))
             for i, c in enumerate((176, 177, 178, 160))]
    assert client.post("/api/v1/imports", files=files, headers=ann).status_code == 200
    runs = client.get("/api/v1/form/runs", headers=ann).json()
    assert len(runs) == 4 and runs[0]["start"].startswith("2026-03-05")
    latest = client.get(f"/api/v1/form/runs/{runs[0]['id']}", headers=ann)
    assert latest.status_code == 200
    data = latest.json()
    assert data["baseline"]["runs"] == 3 and data["activity_id"] == runs[0]["id"]
    assert data["findings"][0]["fault"] == "low-cadence"
    assert client.get(f"/api/v1/form/runs/{runs[0]['id']}", headers=bob).status_code == 404
    assert client.get("/api/v1/form/runs", headers=bob).json() == []


def test_library_filters(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    hip = client.get("/api/v1/form/drills", params={"fault": "hip-drop"}, headers=headers).json()
    assert hip and all("hip-drop" in d["faults"] for d in hip)
    bare = client.get("/api/v1/form/drills", params={"equipment": "none", "minutes": 2,
                                                     "level": 1}, headers=headers).json()
    assert bare and all(d["equipment"] == [] and d["minutes"] <= 2 and d["level"] == 1 for d in bare)
    with_band = client.get("/api/v1/form/drills", params=[("equipment", "band"),
                                                          ("equipment", "mirror")],
                           headers=headers).json()
    assert {"band-side-steps", "single-leg-balance"} <= {d["id"] for d in with_band}
    calves = client.get("/api/v1/form/drills", params={"body_area": "calves"}, headers=headers).json()
    assert calves and all("calves" in d["body_areas"] for d in calves)
    wrong = client.get("/api/v1/form/drills", params={"body_area": "elbows"}, headers=headers)
    assert wrong.status_code == 422 and "knees" in wrong.json()["details"][0]
    ext = client.get("/api/v1/form/cues", params={"fault": "heavy-landing", "focus": "external"},
                     headers=headers).json()
    assert ext and all(c["focus"] == "external" for c in ext)
    found = client.get("/api/v1/form/faults", params={"q": "hip"}, headers=headers).json()
    assert "hip-drop" in [f["id"] for f in found]
    assert client.get("/api/v1/form/faults").status_code == 401


def test_assessment_and_drill_session(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    questions = client.get("/api/v1/form/assessment/questions", headers=headers).json()
    assert len(questions) >= 10 and all(q["options"] for q in questions)
    assert client.get("/api/v1/form/assessment/latest", headers=headers).status_code == 404
    bad = client.post("/api/v1/form/assessment", json={"answers": {"bouncy": "maybe"}}, headers=headers)
    assert bad.status_code == 422 and "not an answer" in bad.json()["details"][0]
    made = client.post("/api/v1/form/assessment", json={"answers": {
        "hip-drop-video": "clearly", "knees-inward": "a-little"}}, headers=headers)
    assert made.status_code == 201, made.text
    assert made.json()["ranking"][0]["fault"] == "hip-drop"
    assert client.get("/api/v1/form/assessment/latest", headers=headers).json()["id"] == made.json()["id"]
    session = client.get("/api/v1/form/drill-session", params={"minutes": 8}, headers=headers).json()
    assert session["focus"][0] == "hip-drop" and session["minutes"] <= 8 and session["drills"]
    assert client.get("/api/v1/form/drill-session", params={"minutes": 3},
                      headers=headers).status_code == 422
    assert client.get("/api/v1/form/drill-session", params={"fault": "nope"},
                      headers=headers).status_code == 404
