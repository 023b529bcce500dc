"""Coaching over the API: invitations without a name oracle, answers, links, the board, notes."""

from __future__ import annotations

from tests.conftest import api_token
from yolvarex import clock


def test_invite_accept_board_note_and_end_over_the_api(client, rt, make_user) -> None:
    make_user("kim", role="coach")
    make_user("ann")
    kim, ann = api_token(rt, "kim"), api_token(rt, "ann")
    real = client.post("/api/v1/coach/invitations", json={"athlete": "ann"}, headers=kim)
    ghost = client.post("/api/v1/coach/invitations", json={"athlete": "ghost"}, headers=kim)
    assert real.status_code == ghost.status_code == 201
    assert set(real.json()) == set(ghost.json())
    assert real.json()["message"].replace("ann", "X") == ghost.json()["message"].replace("ghost", "X")
    waiting = client.get("/api/v1/coach/invitations", headers=ann).json()
    assert [(i["coach"], i["id"]) for i in waiting] == [("kim", real.json()["id"])]
    ann_id = client.get("/api/v1/me", headers=ann).json()["id"]
    assert client.put(f"/api/v1/coach/athletes/{ann_id}/notes/2026-11-30", json={"text": "hi"},
                      headers=kim).status_code == 404  # not coaching yet
    link = client.post(f"/api/v1/coach/invitations/{real.json()['id']}/accept", headers=ann).json()
    assert link["with"] == "kim" and link["status"] == "active"
    board = client.get("/api/v1/coach/athletes", headers=kim).json()
    assert [a["name"] for a in board] == ["ann"] and board[0]["reasons"] == ["has never checked in"]
    assert client.get("/api/v1/coach/athletes?show=quiet", headers=kim).json()[0]["name"] == "ann"
    today = clock.today("UTC").isoformat()
    note = client.put(f"/api/v1/coach/athletes/{ann_id}/notes/{today}",
                      json={"text": "Easy one today"}, headers=kim)
    assert note.status_code == 200 and note.json()["text"] == "Easy one today"
    assert client.get("/api/v1/notes", headers=ann).json() == [
        {"date": today, "coach": "kim", "text": "Easy one today"}]
    assert client.get(f"/api/v1/notes?athlete_id={ann_id}&start={today}",
                      headers=kim).json()[0]["text"] == "Easy one today"
    too_long = client.get("/api/v1/notes?start=2025-01-01&end=2026-11-30", headers=ann)
    backwards = client.get("/api/v1/notes?start=2026-11-30&end=2026-11-01", headers=ann)
    assert too_long.status_code == backwards.status_code == 422
    assert "at most a year" in too_long.json()["error"]
    assert client.get("/api/v1/coach/athletes", headers=ann).status_code == 422
    assert client.delete(f"/api/v1/coach/links/{link['id']}", headers=ann).status_code == 204
    assert client.get("/api/v1/coach/athletes", headers=kim).json() == []
    assert client.get(f"/api/v1/notes?athlete_id={ann_id}", headers=kim).status_code == 404


def test_codes_decline_cancel_and_throttle_over_the_api(client, rt, make_user, monkeypatch) -> None:
    from yolvarex.services import invitations

    make_user("kim", role="coach")
    make_user("ann")
    make_user("bob")
    kim, ann, bob = api_token(rt, "kim"), api_token(rt, "ann"), api_token(rt, "bob")
    code = client.post("/api/v1/coach/invitations", json={"code": True}, headers=kim).json()["code"]
    assert client.post("/api/v1/coach/join", json={"code": code}, headers=bob).json()["with"] == "kim"
    assert client.post("/api/v1/coach/join", json={"code": code}, headers=ann).status_code == 404
    sent = client.post("/api/v1/coach/invitations", json={"athlete": "ann"}, headers=kim).json()
    assert client.post(f"/api/v1/coach/invitations/{sent['id']}/decline", headers=ann).status_code == 200
    again = client.post("/api/v1/coach/invitations", json={"athlete": "ann"}, headers=kim)
    assert again.status_code == 409 and "declined" in again.json()["error"]
    other = client.post("/api/v1/coach/invitations", json={"athlete": "carl"}, headers=kim).json()
    assert client.delete(f"/api/v1/coach/invitations/{other['id']}", headers=ann).status_code == 404
    assert client.delete(f"/api/v1/coach/invitations/{other['id']}", headers=kim).status_code == 204
    assert client.post("/api/v1/coach/invitations", json={"athlete": "x", "code": True},
                       headers=kim).status_code == 422
    monkeypatch.setattr(invitations, "PER_DAY", 3)  # a code, ann and carl so far
    refused = client.post("/api/v1/coach/invitations", json={"athlete": "dora"}, headers=kim)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
