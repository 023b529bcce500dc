"""Issue 12 regressions through the API, as they were reported: a day's verdict
(`GET /api/v1/decisions/{day}`) and the stateless `POST /api/v1/decide`."""

from __future__ import annotations

import pytest

from tests.conftest import api_token

VERDICT = "/api/v1/decisions/2026-11-25"


def test_yesterdays_fever_carries_to_a_day_without_a_check_in(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    client.put("/api/v1/checkins/2026-11-24", headers=ann,
               json={"symptoms": ["body_aches"], "temperature_c": 39.2})
    missing = client.get(VERDICT, headers=ann).json()
    assert missing["verdict"] == "rest"
    illness = next(t for t in missing["trees"] if t["id"] == "illness")
    assert illness["path"][-1]["node"] == "carried-below-neck"
    assert illness["path"][-1]["value"] == ["body_aches", "fever"]
    client.put("/api/v1/checkins/2026-11-25", headers=ann, json={"symptoms": []})
    clean = client.get(VERDICT, headers=ann).json()
    assert clean["verdict"] == "modify"  # symptom-free for one day: easy, not hard


def test_a_short_night_counts_without_any_history(client, rt, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    client.put("/api/v1/checkins/2026-11-25", headers=ann, json={"sleep_hours": 4.0})
    alone = client.get(VERDICT, headers=ann).json()
    client.put("/api/v1/checkins/2026-11-24", headers=ann, json={"sleep_hours": 7.5})
    with_yesterday = client.get(VERDICT, headers=ann).json()
    assert alone["verdict"] == with_yesterday["verdict"] == "modify"
    stateless = client.post("/api/v1/decide", headers=ann, json={
        "checkin": {"date": "2026-11-25", "sleep_hours": 4.0}, "context": {"planned": "speed"}})
    assert stateless.json()["verdict"] == "modify"


@pytest.mark.parametrize("checkin", [
    {"pain": 0, "pain_on_hop": True, "pain_area": "shin"},
    {"pain": 0, "pain_at_night": True, "pain_area": "hip"},
    {"pain_kind": "sharp", "pain_area": "tibia"},
    {"pain": 2, "pain_kind": "sharp", "pain_next_morning": "same"},
])
def test_bone_stress_signs_whatever_the_score(client, rt, make_user, checkin) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    stateless = client.post("/api/v1/decide", headers=ann,
                            json={"checkin": {"date": "2026-11-25", **checkin}})
    assert stateless.json()["verdict"] == "see_professional"
    client.put("/api/v1/checkins/2026-11-25", headers=ann, json=checkin)
    assert client.get(VERDICT, headers=ann).json()["verdict"] == "see_professional"
