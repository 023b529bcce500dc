"""The private calendar feed: valid RFC 5545 (two parsers), stable UIDs across regeneration,
events at the runner's training time in their zone, and a token that can be rotated or revoked."""

from __future__ import annotations

import datetime as dt

import pytest
import vobject
from icalendar import Calendar

from tests.conftest import api_token, csrf_of, web_login
from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex import clock
from yolvarex.errors import Invalid
from yolvarex.services import calendar_feed, days, plans
from yolvarex.store import models


def _setup(rt, make_user, zone: str = "UTC"):
    ann = make_user("ann")
    with rt.db.session() as db:
        days.set_timezone(db, ann, zone)
        profile = {**ISSUE_PROFILE, "start": clock.today(zone).isoformat(), "race": None}
        plans.create_plan(db, ann, profile, rt.library)
        token = calendar_feed.rotate_token(db, ann)
    return ann, token


def _events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    parsed = vobject.readOne(body.decode())  # a second, independent parser
    assert len(parsed.vevent_list) == len(calendar.walk("VEVENT"))
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_holds_sessions_drills_and_routines_and_nothing_else(client, rt, make_user) -> None:
    _, token = _setup(rt, make_user)
    response = client.get(f"/cal/{token}.ics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    events = _events(response.content)
    kinds = {uid.split("-")[1] for uid in events}
    assert kinds == {"strength", "drills", "routine"}
    categories = {str(c) for e in events.values() for c in e["CATEGORIES"].cats}
    assert categories <= {"strength", "drills", "recovery"}
    strength = [e for uid, e in events.items() if "-strength-" in uid]
    assert strength and str(strength[0]["URL"]).startswith("http://testserver/plan/workout/")
    assert all(isinstance(e["DTSTART"].dt, dt.date) and not isinstance(e["DTSTART"].dt, dt.datetime)
               for e in events.values())  # all-day until a training time is set
    assert b"resting" not in response.content.lower() and b"pain" not in response.content.lower()


def test_uids_survive_regeneration_and_a_moved_session_leaves(client, rt, make_user) -> None:
    ann, token = _setup(rt, make_user)
    before = _events(client.get(f"/cal/{token}.ics").content)
    with rt.db.session() as db:
        plans.regenerate(db, ann, rt.library)
    after = _events(client.get(f"/cal/{token}.ics").content)
    assert set(after) == set(before)
    with rt.db.session() as db:
        first = next(s for s in plans.current_plan(db, ann).plan.sessions()
                     if s.date >= clock.today(ann.timezone))
        result = plans.apply_verdict(db, ann, first.date, plans.Verdict.REST, rt.library)
    moved = _events(client.get(f"/cal/{token}.ics").content)
    gone = f"{first.date:%Y%m%d}-strength-u{ann.id}@yolvarex"
    assert result.action.value in ("move", "skip") and gone in before and gone not in moved


def test_training_time_puts_events_on_the_runners_clock(client, rt, make_user) -> None:
    ann, token = _setup(rt, make_user, "Europe/Berlin")
    with rt.db.session() as db:
        assert calendar_feed.set_training_time(db, ann, "07:30") == dt.time(7, 30)
        with pytest.raises(Invalid, match="HH:MM"):
            calendar_feed.set_training_time(db, ann, "7.30 pm")
    body = client.get(f"/cal/{token}.ics").content
    assert b"BEGIN:VTIMEZONE" in body and b"TZID:Europe/Berlin" in body
    events = _events(body)
    strength = next(e for uid, e in events.items() if "-strength-" in uid)
    start, end = strength["DTSTART"].dt, strength["DTEND"].dt
    assert start.tzinfo is not None and start.astimezone(clock.zone("Europe/Berlin")).hour in range(7, 12)
    assert (end - start).total_seconds() / 60 > 10


def test_rotating_or_revoking_the_address(client, rt, make_user) -> None:
    ann, token = _setup(rt, make_user)
    with rt.db.session() as db:
        newer = calendar_feed.rotate_token(db, ann)
    assert client.get(f"/cal/{token}.ics").status_code == 404
    assert client.get(f"/cal/{newer}.ics").status_code == 200
    web_login(client, "ann")
    csrf = csrf_of(client)
    page = client.post("/account/calendar", data={"csrf_token": csrf, "action": "rotate"})
    assert page.status_code == 200 and "/cal/" in page.text
    assert client.get(f"/cal/{newer}.ics").status_code == 404
    off = client.post("/account/calendar", data={"csrf_token": csrf, "action": "revoke"},
                      follow_redirects=False)
    assert off.status_code == 303
    with rt.db.session() as db:
        assert db.get(models.User, ann.id).calendar_token_hash is None
    assert client.get("/cal/.ics").status_code == 404


def test_the_api_and_cli_give_the_same_calendar(client, rt, make_user) -> None:
    _setup(rt, make_user)
    headers = api_token(rt, "ann")
    address = client.post("/api/v1/calendar/token", headers=headers).json()["url"]
    assert address.startswith("http://testserver/cal/")
    feed = client.get(address.removeprefix("http://testserver")).content
    direct = client.get("/api/v1/calendar.ics", headers=headers).content
    assert set(_events(feed)) == set(_events(direct))
    assert client.delete("/api/v1/calendar/token", headers=headers).status_code == 204
    assert client.get(address.removeprefix("http://testserver")).status_code == 404
