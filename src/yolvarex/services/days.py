"""An athlete's days: their time zone, their today, and the local day of what they record.

"Today" for an athlete is `clock.today(zone)` in the zone stored with them. An activity keeps
the instant it started (UTC) and the day it started where it was recorded: the watch's own
offset when the file gives one, else the athlete's zone at that instant. That day is stored, so
a runner who travels and changes zone keeps every earlier day as it was.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.errors import Invalid, NotFound
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope


def zone_of(db: Session, athlete_id: int) -> str:
    zone = db.scalar(select(models.User.timezone).where(models.User.id == athlete_id))
    if zone is None:
        raise NotFound("no such athlete")
    return zone


def today_for(db: Session, athlete_id: int) -> dt.date:
    """Today where the athlete is."""
    return clock.today(zone_of(db, athlete_id))


def local_start(start: dt.datetime, zone: str, utc_offset_s: float | None = None
                ) -> tuple[dt.date, int]:
    """The local day and offset in minutes of an instant: the recorded offset, else the zone's."""
    if utc_offset_s is not None:
        offset = dt.timedelta(seconds=utc_offset_s)
        return (start.astimezone(dt.UTC) + offset).date(), int(utc_offset_s // 60)
    local = start.astimezone(clock.zone(zone))
    return local.date(), int((local.utcoffset() or dt.timedelta()).total_seconds() // 60)


def local_time(row: models.Activity) -> dt.datetime:
    """An activity's start on the wall clock where it was recorded."""
    return row.start.astimezone(dt.timezone(dt.timedelta(minutes=row.utc_offset_min or 0)))


def set_timezone(db: Session, actor: Actor, name: str, athlete_id: int | None = None) -> str:
    """Change an athlete's zone (checked; earlier days stay as they were)."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    try:
        zone = clock.valid_zone(name)
    except clock.UnknownZone as exc:
        raise Invalid(str(exc)) from None
    user = db.get(models.User, mine.athlete_id)
    if user is None:
        raise NotFound("no such athlete")
    user.timezone = zone
    return zone


def checked_zone(name: str | None) -> str:
    """A zone given at sign-up or creation: checked, or the server's zone when none is given."""
    if not name:
        return clock.server_zone()
    try:
        return clock.valid_zone(name)
    except clock.UnknownZone as exc:
        raise Invalid(str(exc)) from None


def today_of(db: Session, actor: Actor, athlete_id: int | None = None) -> dt.date:
    """Today for the athlete a request is about: the actor's own, or a coached athlete's."""
    if athlete_id is None or athlete_id == actor.id:
        return clock.today(actor.timezone)
    return today_for(db, scope(db, actor, athlete_id).athlete_id)
