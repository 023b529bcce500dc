"""The JSON bodies, now declared as models, answer wrong input as before: the service's own
wording in the API's error envelope, and a body that is not an object as any invalid request."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import api_token

NOT_AN_OBJECT = {"error": "The request has invalid values.",
                 "details": [": Input should be a valid dictionary"]}

CASES: list[tuple[str, str, Any, dict[str, Any]]] = [
    ("PUT", "/api/v1/checkins/2026-11-29", {"sleep_hours": 7, "bogus": 1},
     {"error": "The check-in has invalid values.", "details": ["bogus: unknown field; remove it"]}),
    ("PUT", "/api/v1/checkins/2026-11-29", {"date": "2026-11-28"},
     {"error": "The date in the body differs from the date in the URL.", "details": []}),
    ("PUT", "/api/v1/checkins/2026-11-29", [1, 2], NOT_AN_OBJECT),
    ("POST", "/api/v1/shoes", {"name": ""},
     {"error": "The shoe has invalid values.", "details": ["name: Field required"]}),
    ("POST", "/api/v1/shoes", "name", NOT_AN_OBJECT),
    ("POST", "/api/v1/activities/runs", {"date": "2026-11-29", "minutes": -4},
     {"error": "The run has invalid values.",
      "details": ["minutes: Input should be greater than 0"]}),
    ("POST", "/api/v1/activities/cross", {"date": "2026-11-28"},
     {"error": "The cross-training has invalid values.", "details": ["minutes: Field required"]}),
    ("POST", "/api/v1/plans/preview", {"weeks": 0, "colour": "red"}, None),
    ("POST", "/api/v1/strength-sessions", {"date": "2026-12-10", "extra": 1},
     {"error": "The strength session has invalid values.",
      "details": ["extra: unknown field; remove it"]}),
    ("POST", "/api/v1/form/assessment", {"answers": {"foot-ahead-of-knee": 3}},
     {"error": "Send {\"answers\": {\"question-id\": \"option-id\", ...}}.", "details": []}),
    ("POST", "/api/v1/form/assessment", {"answers": {}, "date": "20-11"},
     {"error": "date must be YYYY-MM-DD.", "details": []}),
    ("POST", "/api/v1/form/assessment", {"answers": {"foot-ahead-of-knee": "clearly"}, "for": 1},
     {"error": "The self-assessment has invalid values.",
      "details": ["for: unknown field; remove it"]}),
]


@pytest.mark.parametrize(("method", "path", "body", "answer"), CASES,
                         ids=[f"{m} {p} {b!r}"[:80] for m, p, b, _ in CASES])
def test_a_wrong_body_gets_the_services_answer(rt, client, make_user, method: str, path: str,
                                               body: Any, answer: dict[str, Any] | None) -> None:
    make_user("runner")
    response = client.request(method, path, json=body, headers=api_token(rt, "runner"))
    assert response.status_code == 422, response.text
    if answer is None:  # the profile's own wording
        assert response.json()["error"] == "The profile has invalid values."
        assert "colour: unknown field 'colour'; remove it or check its spelling" in \
            response.json()["details"]
    else:
        assert response.json() == answer


def test_a_check_in_takes_its_date_from_the_url(rt, client, make_user) -> None:
    make_user("runner")
    headers = api_token(rt, "runner")
    put = client.put("/api/v1/checkins/2026-11-27", json={"sleep_hours": 7.5}, headers=headers)
    assert put.status_code == 200 and put.json()["date"] == "2026-11-27"
    assert client.get("/api/v1/checkins/2026-11-27", headers=headers).json()["sleep_hours"] == 7.5
