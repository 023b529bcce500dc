"""/api/v1/export, /restore and DELETE /me."""

from __future__ import annotations

import io
import zipfile

from tests.conftest import api_token


def test_export_restore_and_delete_through_the_api(client, rt, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    client.post("/api/v1/activities/runs", json={"date": "2026-11-28", "minutes": 30, "rpe": 4},
                headers=ann)
    exported = client.get("/api/v1/export", headers=ann)
    assert exported.status_code == 200 and exported.headers["content-type"] == "application/zip"
    assert "attachment" in exported.headers["content-disposition"]
    assert exported.headers["cache-control"] == "no-store"
    assert "activities.json" in zipfile.ZipFile(io.BytesIO(exported.content)).namelist()
    assert client.get("/api/v1/export").status_code == 401
    restored = client.post("/api/v1/restore", headers=bob,
                           files={"archive": ("ann.zip", exported.content, "application/zip")})
    assert restored.status_code == 200 and restored.json()["added"] == {"activities": 1}
    again = client.post("/api/v1/restore", headers=bob,
                        files={"archive": ("ann.zip", exported.content, "application/zip")})
    assert again.json()["total_added"] == 0 and again.json()["already_there"] == {"activities": 1}
    bad = client.post("/api/v1/restore", headers=bob,
                      files={"archive": ("x.zip", b"nope", "application/zip")})
    assert bad.status_code == 422 and "not a zip archive" in bad.json()["error"]
    wrong = client.request("DELETE", "/api/v1/me", headers=ann, json={"password": "guess"})
    assert wrong.status_code == 401
    gone = client.request("DELETE", "/api/v1/me", headers=ann, json={"password": "correct horse"})
    assert gone.status_code == 200 and gone.json()["removed"] == {"activities": 1, "coach_links": 0,
                                                                  "coach_notes": 0}
    assert client.get("/api/v1/me", headers=ann).status_code == 401  # the token went with it
    assert client.get("/api/v1/me", headers=bob).status_code == 200
