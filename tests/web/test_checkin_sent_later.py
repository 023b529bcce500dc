"""The server side of a check-in kept offline and sent later by the page (static/js/app.js);
the browser side is in test_browser_offline_checkin.py."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_of, web_login
from yolvarex import clock

pytestmark = pytest.mark.db


def test_a_checkin_sent_later_is_validated_and_never_replaces_the_days_own(client, make_user) -> None:
    """What the page sends when the connection returns (`offline=1`): checked like any check-in,
    CSRF included, and refused (409, in words) when the day already has one."""
    make_user("hal")
    web_login(client, "hal")
    day = clock.today("UTC").isoformat()
    kept = {"date": day, "sleep_hours": "7.3", "offline": "1"}
    assert client.post("/checkin", data=kept, follow_redirects=False).status_code == 403  # no token
    bad = client.post("/checkin", data={**kept, "sleep_hours": "30", "csrf_token": csrf_of(client)})
    assert bad.status_code == 422
    sent = client.post("/checkin", data={**kept, "csrf_token": csrf_of(client)},
                       follow_redirects=False)
    assert sent.status_code == 303
    again = client.post("/checkin", data={**kept, "sleep_hours": "5", "csrf_token": csrf_of(client)},
                        follow_redirects=False)
    assert again.status_code == 409 and "already saved" in again.text
    assert 'value="7.3"' in client.get(f"/checkin?day={day}").text
    typed = client.post("/checkin", data={"date": day, "sleep_hours": "6",  # typed online: replaces
                                          "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert typed.status_code == 303 and 'value="6"' in client.get(f"/checkin?day={day}").text
