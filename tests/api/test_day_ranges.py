"""Every endpoint that lists a range of days checks `from` and `to` the same way."""

from __future__ import annotations

import pytest

from tests.conftest import api_token

LISTS = ["/api/v1/activities", "/api/v1/checkins", "/api/v1/strength-sessions",
         "/api/v1/routines/completions"]


@pytest.mark.parametrize("path", LISTS)
def test_a_range_in_the_wrong_order_is_refused_in_words(rt, client, make_user, path: str) -> None:
    make_user("ana")
    headers = api_token(rt, "ana")
    response = client.get(path, params={"from": "2026-11-30", "to": "2026-11-01"}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"] == ("`from` (2026-11-30) is after `to` (2026-11-01); give the "
                                        "earlier day first.")


@pytest.mark.parametrize("path", LISTS)
def test_a_whole_running_life_can_be_asked_for(rt, client, make_user, path: str) -> None:
    make_user("ana")
    response = client.get(path, params={"from": "1990-01-01", "to": "2026-11-30"},
                          headers=api_token(rt, "ana"))
    assert response.status_code == 200 and response.json() == []
