"""The plan as an iCalendar file: a snapshot, and a parse-back of every event's content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex.content import load_library
from yolvarex.domain.plan import Profile, generate_plan
from yolvarex.export.ics import plan_to_ics

SNAPSHOT = Path(__file__).parent / "snapshots" / "plan-issue-profile.ics"
LIBRARY, _ = load_library()
STAMP = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def _ics() -> bytes:
    return plan_to_ics(generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY), LIBRARY, STAMP)


def test_ics_snapshot(snapshot) -> None:
    snapshot(SNAPSHOT.name, _ics())


def test_every_session_is_an_all_day_event_with_its_content() -> None:
    plan = generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY)
    calendar = Calendar.from_ical(_ics())
    events = list(calendar.walk("VEVENT"))
    sessions = list(plan.sessions())
    assert len(events) == len(sessions)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, session in zip(events, sessions, strict=True):
        assert event.decoded("DTSTART") == session.date
        assert event.decoded("DTEND") == session.date + dt.timedelta(days=1)
        description = str(event["DESCRIPTION"])
        for p in session.prescriptions():
            assert LIBRARY.exercises[p.exercise].title in description
        assert "Warm-up: Pre-strength warm-up" in description
        assert f"({session.minutes} min)" in str(event["SUMMARY"])


def test_loads_are_written_in_the_runners_units() -> None:
    """A load in the plan reads in lb for a runner who chose imperial, in the calendar and on
    the printable plan (stored in kg either way)."""
    import dataclasses

    from yolvarex.domain.plan.model import Block, Plan, Week
    from yolvarex.export.plan_print import plan_document

    plan = generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY)
    week = plan.weeks[0]
    session = week.sessions[0]
    block = next(b for b in session.blocks if b.exercises)
    loaded = dataclasses.replace(block.exercises[0], load_kg=10.0)
    blocks = tuple(dataclasses.replace(b, exercises=(loaded, *b.exercises[1:])) if b is block else b
                   for b in session.blocks)
    first = dataclasses.replace(session, blocks=blocks)
    plan = Plan(plan.profile, plan.warnings,
                (Week(week.week, week.start, week.phase, (first, *week.sessions[1:])),
                 *plan.weeks[1:]))
    assert isinstance(block, Block)
    for units, shown, hidden in (("metric", "10 kg", "22 lb"), ("imperial", "22 lb", "10 kg")):
        text = Calendar.from_ical(plan_to_ics(plan, LIBRARY, STAMP, units=units))
        description = str(next(iter(text.walk("VEVENT")))["DESCRIPTION"])
        printed = plan_document(plan, LIBRARY, "ann", units)
        assert shown in description and hidden not in description, description
        assert shown in printed and hidden not in printed
