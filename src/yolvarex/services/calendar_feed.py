"""A runner's private calendar feed: strength sessions, warm-up drill blocks and suggested
routines, from two weeks back to eight weeks ahead, at a URL that calendar apps poll.

The URL holds a random token stored only as its SHA-256 hash; rotating it makes the old URL
stop working, revoking it turns the feed off. The feed shows nothing but those events. Each
event's UID is the day and the kind of event, so a regenerated plan updates events in place and
a session that moved or went away disappears from the calendar.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain.plan.describe import session_text, title
from yolvarex.domain.units import units_of
from yolvarex.errors import Invalid, NotFound
from yolvarex.export.ics import CalendarEvent, events_to_ics
from yolvarex.services import form, plans, routines
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope

PAST_DAYS = 14
DAYS_AHEAD = 56
TRAINING_TIME = "training_time"  # the user setting: "HH:MM" on their own clock, or absent
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(db: Session, actor: Actor) -> models.User:
    user = db.get(models.User, scope(db, actor, action=Action.WRITE).athlete_id)
    if user is None:
        raise NotFound("no such user")
    return user


def rotate_token(db: Session, actor: Actor) -> str:
    """A new feed token (shown once); any earlier feed URL stops working."""
    token = secrets.token_urlsafe(24)
    _user(db, actor).calendar_token_hash = _digest(token)
    return token


def revoke_token(db: Session, actor: Actor) -> None:
    _user(db, actor).calendar_token_hash = None


def has_feed(db: Session, actor: Actor) -> bool:
    return _user(db, actor).calendar_token_hash is not None


def training_time(user: models.User) -> dt.time | None:
    value = (user.settings or {}).get(TRAINING_TIME)
    match = _TIME.match(value) if isinstance(value, str) else None
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def set_training_time(db: Session, actor: Actor, text: str | None) -> dt.time | None:
    """The time the runner usually trains ("HH:MM"), or none for all-day events."""
    user = _user(db, actor)
    settings = dict(user.settings or {})
    value = (text or "").strip()
    if not value:
        settings.pop(TRAINING_TIME, None)
    elif _TIME.match(value) is None:
        raise Invalid(f"{value!r} is not a time of day; write it as HH:MM, for example 07:30, "
                      "or leave it empty for all-day events.")
    else:
        settings[TRAINING_TIME] = value
    user.settings = settings
    return training_time(user)


def feed_events(db: Session, user: models.User, library: Library, today: dt.date,
                base_url: str = "") -> list[CalendarEvent]:
    """The events of the feed window around `today`, for the user's own calendar."""
    actor = Actor.of(user)
    events: list[CalendarEvent] = []

    def link(path: str) -> str | None:  # a link back into the app, when its address is known
        return f"{base_url}{path}" if base_url else None

    drills = form.plan_session(db, actor, library, 10, today)
    shown = units_of((user.settings or {}).get("units"))  # loads in the runner's kg or lb
    first = today - dt.timedelta(days=PAST_DAYS)
    for offset in range(PAST_DAYS + DAYS_AHEAD + 1):
        day = first + dt.timedelta(days=offset)
        planned = plans.planned_for(db, actor, day)
        key = f"{day:%Y%m%d}-{{}}-u{user.id}@yolvarex"
        if planned.session is not None:
            events.append(CalendarEvent(
                uid=key.format("strength"), day=day, summary=title(planned.session),
                description=session_text(planned.session, library, shown),
                minutes=planned.session.minutes, categories=("strength",),
                url=link(f"/plan/workout/{day.isoformat()}")))
        if planned.in_plan and planned.run_day not in (None, "rest") and drills.session.items:
            lines = [f"{i.order}. {library.drills[i.drill].title}: {i.dose}" for i in drills.session.items]
            cue = library.cues[drills.session.run_cue].text if drills.session.run_cue else None
            events.append(CalendarEvent(
                uid=key.format("drills"), day=day,
                summary=f"Warm-up drills before your {planned.run_day} run",
                description="\n".join(lines) + (f"\nCue for the run: {cue}" if cue else ""),
                minutes=round(drills.session.minutes), categories=("drills",),
                url=link("/form")))
        if planned.in_plan:
            suggested = routines.suggestions_stateless(
                library, day, planned=routines.planned_kinds(planned), limit=1).suggestions
            if suggested:
                top = suggested[0]
                events.append(CalendarEvent(
                    uid=key.format("routine"), day=day, summary=f"Routine: {top.title}",
                    description=top.reason, minutes=max(1, round(top.seconds / 60)),
                    categories=("recovery",), url=link(f"/routines/{top.id}/play")))
    return events


def calendar_for(db: Session, user: models.User, library: Library, base_url: str = "") -> bytes:
    events = feed_events(db, user, library, clock.today(user.timezone), base_url)
    return events_to_ics(events, f"{user.name}'s training", clock.now(), user.timezone,
                         training_time(user))


def feed(db: Session, library: Library, token: str, base_url: str = "") -> bytes:
    """The feed behind a token; a wrong or revoked token is NotFound, like any missing page."""
    user = db.scalar(select(models.User).where(models.User.calendar_token_hash == _digest(token)))
    if user is None or not token:
        raise NotFound("There is no calendar at this address; get the current one from the "
                       "Account page.")
    return calendar_for(db, user, library, base_url)
