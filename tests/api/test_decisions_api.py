"""The decision API: a day's verdict, stateless decisions, trees and coach trees, privacy."""

from __future__ import annotations

from tests.conftest import api_token
from tests.services.test_decisions import COACH_TREE
from yolvarex.services import accounts
from yolvarex.store.access import Actor


def _link(rt, coach: str, athlete: str) -> None:
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, Actor.of(accounts.user_named(db, coach)), athlete)
        accounts.accept_coach(db, Actor.of(accounts.user_named(db, athlete)), link.id)


def test_verdict_of_a_day_from_a_stored_checkin(client, rt, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    client.put("/api/v1/checkins/2026-11-24", json={"symptoms": ["cough"], "red_flags": []}, headers=ann)
    data = client.get("/api/v1/decisions/2026-11-24", headers=ann).json()
    assert data["verdict"] == "rest" and data["date"] == "2026-11-24"
    assert list(data) == ["date", "verdict", "trees", "advice", "routines", "evidence",
                          "missing_facts", "disclaimer"]
    illness = next(t for t in data["trees"] if t["id"] == "illness")
    assert illness["path"][-1] == {"node": "below-neck", "test": illness["path"][-1]["test"],
                                   "value": ["cough"], "result": "yes"}
    ann_id = client.get("/api/v1/me", headers=ann).json()["id"]
    assert client.get(f"/api/v1/decisions/2026-11-24?athlete_id={ann_id}", headers=bob).status_code == 404
    assert client.get("/api/v1/decisions/2026-13-01", headers=ann).status_code == 422


def test_stateless_decide(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    body = {"checkin": {"date": "2026-11-25", "resting_hr": 61}, "context": {"resting_hr_baseline": 53,
                                                                            "planned": "tempo"}}
    data = client.post("/api/v1/decide", json=body, headers=ann).json()
    assert data["verdict"] == "modify"
    bad = client.post("/api/v1/decide", json={"checkin": {"date": "2026-11-25", "pain": 11},
                                              "context": {"acwr": 1.1, "sleep": 3}}, headers=ann)
    assert bad.status_code == 422 and any("pain" in d for d in bad.json()["details"])
    bad_context = client.post("/api/v1/decide", json={"checkin": {"date": "2026-11-25"},
                                                      "context": {"sleep": 3}}, headers=ann)
    assert bad_context.status_code == 422 and "sleep: unknown field" in bad_context.json()["details"][0]
    assert client.post("/api/v1/decide", json=body).status_code == 401


def test_trees_list_show_diagram_and_validate(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    trees = client.get("/api/v1/trees", headers=ann).json()
    assert trees[0]["id"] == "red-flags" and {t["id"] for t in trees} >= {"pain", "load", "illness"}
    assert client.get("/api/v1/trees/pain", headers=ann).json()["root"] == "bone-stress-signs"
    dot = client.get("/api/v1/trees/pain/diagram?format=dot", headers=ann)
    assert dot.status_code == 200 and dot.text.startswith('digraph "pain"')
    client.put("/api/v1/checkins/2026-11-24", json={"pain": 7}, headers=ann)
    marked = client.get("/api/v1/trees/pain/diagram?date=2026-11-24", headers=ann).text
    assert "class n_get_it_checked_severe taken" in marked
    assert client.get("/api/v1/trees/pain/diagram?format=png", headers=ann).status_code == 422
    assert client.get("/api/v1/trees/nope", headers=ann).status_code == 404
    good = client.post("/api/v1/trees/validate", json={"source": COACH_TREE}, headers=ann).json()
    assert good == {"valid": True, "errors": []}
    bad = client.post("/api/v1/trees/validate", json={"source": COACH_TREE.replace("saw-2016", "x-1")},
                      headers=ann).json()
    assert not bad["valid"] and bad["errors"][0]["field"].startswith("nodes.")


def test_coach_tree_crud_and_who_sees_it(client, rt, make_user) -> None:
    make_user("kim", role="coach")
    make_user("ann")
    make_user("bob")
    kim, ann, bob = api_token(rt, "kim"), api_token(rt, "ann"), api_token(rt, "bob")
    assert client.put("/api/v1/coach/trees/hill-legs", json={"source": COACH_TREE},
                      headers=ann).status_code == 403
    saved = client.put("/api/v1/coach/trees/hill-legs", json={"source": COACH_TREE}, headers=kim)
    assert saved.status_code == 200 and saved.json()["valid"] is True
    again = client.put("/api/v1/coach/trees/hill-legs", json={"source": COACH_TREE.replace(
        "Bike instead", "Swim instead")}, headers=kim)
    assert again.status_code == 200
    assert "Swim instead" in client.get("/api/v1/coach/trees/hill-legs", headers=kim).json()["source"]
    mismatch = client.put("/api/v1/coach/trees/other", json={"source": COACH_TREE}, headers=kim)
    assert mismatch.status_code == 422 and "make them match" in mismatch.json()["error"]
    invalid = client.put("/api/v1/coach/trees/hill-legs",
                         json={"source": COACH_TREE.replace("value: 4", "value: 44")}, headers=kim)
    assert invalid.status_code == 422 and "always between 0 and 10" in " ".join(invalid.json()["details"])
    assert [t["id"] for t in client.get("/api/v1/coach/trees", headers=kim).json()] == ["hill-legs"]

    _link(rt, "kim", "ann")
    assert client.get("/api/v1/trees", headers=ann).json()[-1]["id"] == "kim/hill-legs"
    assert client.get("/api/v1/trees/kim/hill-legs", headers=ann).json()["title"] == "Hill legs"
    assert client.get("/api/v1/trees/kim/hill-legs/diagram", headers=ann).text.startswith("flowchart TD")
    assert client.get("/api/v1/trees/kim/hill-legs", headers=bob).status_code == 404
    assert client.get("/api/v1/coach/trees/hill-legs", headers=ann).status_code == 404
    client.put("/api/v1/checkins/2026-11-24", json={"soreness": 5}, headers=ann)
    assert client.get("/api/v1/decisions/2026-11-24", headers=ann).json()["verdict"] == "cross_train"

    assert client.delete("/api/v1/coach/trees/hill-legs", headers=kim).status_code == 204
    assert client.delete("/api/v1/coach/trees/hill-legs", headers=kim).status_code == 404
    assert client.get("/api/v1/decisions/2026-11-24", headers=ann).json()["verdict"] == "train"


def test_openapi_lists_the_decision_endpoints(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/decisions/{day}", "/api/v1/decide", "/api/v1/trees", "/api/v1/trees/validate",
            "/api/v1/coach/trees/{tree_id}"} <= set(paths)
