"""The strength API: plans, days, verdicts, logged sessions and tests, ownership and errors."""

from __future__ import annotations

from icalendar import Calendar

from tests.conftest import api_token
from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex.services import accounts


def test_plan_lifecycle(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    assert client.get("/api/v1/plans/current", headers=ann).status_code == 404
    created = client.post("/api/v1/plans", json=ISSUE_PROFILE, headers=ann)
    assert created.status_code == 201, created.text
    plan = created.json()
    assert plan["profile"]["weeks"] == 12 and plan["adaptations"] == []
    assert client.get("/api/v1/plans/current", headers=ann).json()["id"] == plan["id"]
    ics = client.get("/api/v1/plans/current.ics", headers=ann)
    assert ics.headers["content-type"].startswith("text/calendar")
    assert len(list(Calendar.from_ical(ics.content).walk("VEVENT"))) == sum(
        len(w["sessions"]) for w in plan["weeks"])
    again = client.post("/api/v1/plans/current/regenerate", json={"start": "2026-12-14"}, headers=ann)
    assert again.status_code == 200 and again.json()["profile"]["start"] == "2026-12-14"
    day = again.json()["weeks"][0]["sessions"][0]["date"]
    planned = client.get(f"/api/v1/plans/day/{day}", headers=ann).json()
    assert planned["session"]["date"] == day and planned["progression"]
    adapted = client.post(f"/api/v1/plans/day/{day}/verdict", json={"verdict": "modify"}, headers=ann)
    assert adapted.json()["action"] == "reduce"
    assert client.post(f"/api/v1/plans/day/{day}/verdict", json={"verdict": "nap"},
                       headers=ann).status_code == 422


def test_preview_and_invalid_profile(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    preview = client.post("/api/v1/plans/preview", json=ISSUE_PROFILE, headers=ann)
    assert preview.status_code == 200 and "id" not in preview.json()
    bad = client.post("/api/v1/plans", json={**ISSUE_PROFILE, "weeks": 60, "extra": 1}, headers=ann)
    assert bad.status_code == 422
    body = bad.json()
    assert body["error"] == "The profile has invalid values."
    assert any(d.startswith("weeks:") for d in body["details"])
    assert any(d.startswith("extra: unknown field") for d in body["details"])
    assert client.get("/api/v1/plans/current", headers=ann).status_code == 404


def test_coach_creates_for_linked_athlete_and_strangers_get_404(client, rt, make_user) -> None:
    ann = make_user("ann")
    make_user("bob")
    coach = make_user("cora", role="coach")
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, coach, "ann")
    cora, bob = api_token(rt, "cora"), api_token(rt, "bob")
    url = f"/api/v1/plans?athlete_id={ann.id}"
    assert client.post(url, json=ISSUE_PROFILE, headers=cora).status_code == 404  # not accepted
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, link.id)
    created = client.post(url, json=ISSUE_PROFILE, headers=cora)
    assert created.status_code == 201 and created.json()["created_by"] == coach.id
    assert client.get(f"/api/v1/plans/current?athlete_id={ann.id}", headers=bob).status_code == 404
    assert client.get(f"/api/v1/performance-tests?athlete_id={ann.id}", headers=bob).status_code == 404
    assert client.get(f"/api/v1/plans/current?athlete_id={ann.id}", headers=cora).status_code == 200


def test_sessions_and_tests(client, rt, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    body = {"date": "2026-12-09", "rpe": 7, "minutes": 25,
            "sets": [{"exercise": "split-squat", "reps": 10, "side": "left", "rpe": 7},
                     {"exercise": "split-squat", "reps": 10, "side": "right", "rpe": 7}],
            "tests": [{"test": "single_leg_calf_raise", "side": "left", "value": 15},
                      {"test": "single_leg_calf_raise", "side": "right", "value": 20}]}
    logged = client.post("/api/v1/strength-sessions", json=body, headers=ann)
    assert logged.status_code == 201, logged.text
    assert logged.json()["next"][0]["reason"]
    listed = client.get("/api/v1/strength-sessions?from=2026-12-01&to=2026-12-31", headers=ann).json()
    assert len(listed) == 1 and len(listed[0]["sets"]) == 2
    assert client.get("/api/v1/strength-sessions?from=2026-12-01&to=2026-12-31",
                      headers=bob).json() == []
    assert client.delete(f"/api/v1/strength-sessions/{listed[0]['id']}", headers=bob).status_code == 404
    extra = client.post("/api/v1/performance-tests", json={"date": "2026-12-10", "test": "push_ups",
                                                           "value": 22}, headers=ann)
    assert extra.status_code == 201
    tests = client.get("/api/v1/performance-tests", headers=ann).json()
    assert len(tests["results"]) == 3
    calf = tests["imbalances"][0]
    assert calf["test"] == "single_leg_calf_raise" and calf["flagged"] and calf["gap"] == 0.25
    bad = client.post("/api/v1/performance-tests", json={"date": "2026-12-10",
                                                         "test": "single_leg_squat", "value": 5},
                      headers=ann)
    assert bad.status_code == 422 and "each leg" in " ".join(bad.json()["details"])
    wrong = client.post("/api/v1/strength-sessions", json={"date": "2026-12-09", "sets": [
        {"exercise": "moon-walk", "reps": 3}]}, headers=ann)
    assert wrong.status_code == 422 and "moon-walk" in wrong.json()["details"][0]
    assert client.delete(f"/api/v1/strength-sessions/{listed[0]['id']}", headers=ann).status_code == 204


def test_openapi_lists_the_strength_endpoints(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/plans", "/api/v1/plans/current", "/api/v1/plans/day/{day}",
                 "/api/v1/strength-sessions", "/api/v1/performance-tests"):
        assert path in paths
