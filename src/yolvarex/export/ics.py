"""The strength plan as an iCalendar file: one all-day event per session, carrying the session's
content (warm-up, exercises and doses) in its description."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from yolvarex.content.library import Library
from yolvarex.domain.plan import Plan
from yolvarex.domain.plan.describe import session_text, title

PRODID = "-//yolvarex//strength plan//EN"


def plan_uid_seed(plan: Plan) -> str:
    """A short digest of the profile, so a regenerated plan's events replace the old ones only
    when the profile is the same."""
    return hashlib.sha256(plan.profile.model_dump_json().encode()).hexdigest()[:12]


def plan_to_ics(plan: Plan, library: Library, stamp: dt.datetime, name: str = "Strength plan") -> bytes:
    """The plan as RFC 5545 bytes. `stamp` is the DTSTAMP of every event (when it was made)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"yolvarex: {name}")
    seed = plan_uid_seed(plan)
    for week in plan.weeks:
        for session in week.sessions:
            event = Event()
            event.add("uid", f"{session.date:%Y%m%d}-{session.focus.value}-{seed}@yolvarex")
            event.add("dtstamp", stamp.astimezone(dt.UTC))
            event.add("dtstart", session.date)
            event.add("dtend", session.date + dt.timedelta(days=1))
            event.add("summary", title(session))
            event.add("description", f"Week {week.week} ({week.phase.value}).\n"
                                     + session_text(session, library))
            event.add("categories", ["strength", session.focus.value])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
