"""The strength plan as an iCalendar file: one all-day event per session, carrying the session's
content (warm-up, exercises and doses) in its description."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from yolvarex.content.library import Library
from yolvarex.domain.plan import Plan
from yolvarex.domain.plan.describe import session_text, title
from yolvarex.domain.units import Units

PRODID = "-//yolvarex//strength plan//EN"
FEED_PRODID = "-//yolvarex//training calendar//EN"


def plan_uid_seed(plan: Plan) -> str:
    """A short digest of the profile, so a regenerated plan's events replace the old ones only
    when the profile is the same."""
    return hashlib.sha256(plan.profile.model_dump_json().encode()).hexdigest()[:12]


def plan_to_ics(plan: Plan, library: Library, stamp: dt.datetime, name: str = "Strength plan",
                units: Units = "metric") -> bytes:
    """The plan as RFC 5545 bytes, loads in `units`. `stamp` is the DTSTAMP of every event
    (when it was made)."""
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
                                     + session_text(session, library, units))
            event.add("categories", ["strength", session.focus.value])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


@dataclass(frozen=True)
class CalendarEvent:
    """One event of a runner's calendar feed; `uid` must stay the same for the same thing."""

    uid: str
    day: dt.date
    summary: str
    description: str
    minutes: int
    categories: tuple[str, ...]
    url: str | None = None


def events_to_ics(events: list[CalendarEvent], name: str, stamp: dt.datetime, zone: str,
                  at: dt.time | None = None) -> bytes:
    """A calendar of `events`: all-day, or from `at` on the runner's clock in `zone` (with its
    VTIMEZONE) for as long as each event lasts. Events of one day follow each other."""
    calendar = Calendar()
    calendar.add("prodid", FEED_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"yolvarex: {name}")
    calendar.add("x-wr-timezone", zone)
    tz = ZoneInfo(zone)
    offsets: dict[dt.date, int] = {}
    for item in sorted(events, key=lambda e: (e.day, e.uid)):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        if at is None:
            event.add("dtstart", item.day)
            event.add("dtend", item.day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            begin = dt.datetime.combine(item.day, at, tzinfo=tz) + dt.timedelta(
                minutes=offsets.get(item.day, 0))
            offsets[item.day] = offsets.get(item.day, 0) + item.minutes
            event.add("dtstart", begin)
            event.add("dtend", begin + dt.timedelta(minutes=max(item.minutes, 5)))
        event.add("summary", item.summary)
        event.add("description", item.description + (f"\n\n{item.url}" if item.url else ""))
        if item.url:
            event.add("url", item.url)
        event.add("categories", list(item.categories))
        calendar.add_component(event)
    if at is not None and events:
        calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
