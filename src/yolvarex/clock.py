"""The one clock. Every "now" and every "today" in yolvarex comes from here.

An athlete's day is their local calendar day, in the IANA time zone stored with them
(`Europe/Berlin`), so an evening run in California and a morning check-in in Sydney land on
the day the runner lived them. Everything else takes `now` or `today` as an argument.

The clock can be frozen: `frozen(instant)` in tests, or `YOLVAREX_CLOCK` (an ISO instant such
as `2026-12-09T07:30:00Z`) for a whole process, which the tests and demos use.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ENV_CLOCK = "YOLVAREX_CLOCK"
ENV_TIMEZONE = "YOLVAREX_TIMEZONE"

ZONE_HINT = ("Use an IANA time zone name such as Europe/Berlin, America/Los_Angeles or "
             "Australia/Sydney; `timedatectl list-timezones` (or the tz database list on "
             "Wikipedia) shows every name.")

_frozen: dt.datetime | None = None


class UnknownZone(ValueError):
    """A time-zone name that the tz database does not know."""


def _aware(instant: dt.datetime) -> dt.datetime:
    if instant.tzinfo is None:
        raise ValueError("the clock takes timezone-aware instants only")
    return instant.astimezone(dt.UTC)


@lru_cache(maxsize=8)
def parse_instant(text: str) -> dt.datetime:
    try:
        return _aware(dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError as exc:
        raise ValueError(f"{ENV_CLOCK}={text!r} is not an instant with a time zone, "
                         "for example 2026-12-09T07:30:00Z") from exc


def now() -> dt.datetime:
    """This instant, timezone-aware in UTC."""
    if _frozen is not None:
        return _frozen
    fixed = os.environ.get(ENV_CLOCK)
    if fixed:
        return parse_instant(fixed)
    return dt.datetime.now(dt.UTC)


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """The time zone called `name`, or UnknownZone with a message a person can act on."""
    text = (name or "").strip()
    if not text or text.startswith(("/", ".")) or ".." in text:
        raise UnknownZone(f"{name!r} is not a time zone. {ZONE_HINT}")
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownZone(f"{name!r} is not a time zone we know. {ZONE_HINT}") from exc


def valid_zone(name: str) -> str:
    """`name` checked and in its canonical spelling (raises UnknownZone)."""
    return zone(name).key


def zone_names() -> list[str]:
    return sorted(available_timezones())


def _system_zone() -> str:
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        try:
            return valid_zone(tz)
        except UnknownZone:
            pass
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return valid_zone(target.split("zoneinfo/", 1)[1])
        except UnknownZone:
            pass
    try:
        return valid_zone(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnknownZone):
        return "UTC"


def server_zone() -> str:
    """The zone for someone who has not chosen one: YOLVAREX_TIMEZONE, else the machine's."""
    configured = os.environ.get(ENV_TIMEZONE)
    if configured:
        return valid_zone(configured)
    return _system_zone()


def local_now(zone_name: str | None) -> dt.datetime:
    """This instant on the wall clock of `zone_name` (the server's zone when None)."""
    return now().astimezone(zone(zone_name or server_zone()))


def today(zone_name: str | None) -> dt.date:
    """Today's date where the athlete is."""
    return local_now(zone_name).date()


def local_day(instant: dt.datetime, zone_name: str | None) -> dt.date:
    """The calendar day an instant falls on in a zone (daylight saving respected)."""
    return _aware(instant).astimezone(zone(zone_name or server_zone())).date()


def instant_at(day: dt.date, time: dt.time, zone_name: str | None) -> dt.datetime:
    """The UTC instant of a local date and wall-clock time in a zone.

    A wall time skipped by a daylight-saving change lands just after the gap (02:30 on the
    spring-forward night is 03:30); a repeated one is its first occurrence.
    """
    tz = zone(zone_name or server_zone())
    return dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=tz).astimezone(dt.UTC)


def set_clock(instant: dt.datetime | None) -> None:
    """Freeze the clock at `instant` (None: let it run again)."""
    global _frozen
    _frozen = None if instant is None else _aware(instant)


@contextmanager
def frozen(instant: dt.datetime) -> Iterator[dt.datetime]:
    """Freeze the clock for a block; the previous setting comes back afterwards."""
    before = _frozen
    set_clock(instant)
    try:
        yield _aware(instant)
    finally:
        set_clock(before)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
DAY_FORMS = "YYYY-MM-DD, today, yesterday, tomorrow, a weekday (the last one) or -N / +N days"


def parse_day(text: str, today: dt.date) -> dt.date:
    """A day as a person types it, relative to `today`; ValueError with a sentence otherwise."""
    word = text.strip().lower()
    if word in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[word])
    for index, name in enumerate(_WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return today - dt.timedelta(days=(today.weekday() - index) % 7)
    if word[:1] in "+-" and word[1:].isdigit() and len(word) <= 5:
        return today + dt.timedelta(days=int(word))
    parts = word.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} is not a date: a year has months 1 to 12.")
        try:
            return dt.date(year, month, day)
        except ValueError:
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            raise ValueError(f"{text!r} is not a date: {dt.date(year, month, 1):%B %Y} has "
                             f"{last} days.") from None
    raise ValueError(f"{text!r} is not a day we can read; give {DAY_FORMS}.")
