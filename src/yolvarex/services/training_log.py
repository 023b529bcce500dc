"""The manual training log: runs and cross-training typed in by hand, edits and deletions.

Every entry gets a session load the same way imports do (`domain.session_load`): session RPE
x minutes when you rate it, heart-rate TRIMP when you give an average heart rate, else an
estimate by run type or sport, over the moving time when a file gave one. Only a change that
affects the load (RPE, duration, heart rate, sport or run type) recomputes it, and then with
the heart rates the athlete had on the session's day, never today's: editing a name or a note
leaves the load as it was. A form that sends the minutes back as shown (to 0.1) does not
change the duration; a new duration replaces the moving time a file recorded.

The same entry logged twice (start within a minute, duration within 10 % or two minutes: the
import's duplicate rule) is refused with a message naming the entry already there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.domain.run.kinds import RUN_TYPES as RUN_TYPES
from yolvarex.domain.session_load import load_minutes, load_of_session
from yolvarex.errors import Conflict, Invalid, validated
from yolvarex.services import run_analysis
from yolvarex.services.athlete import athlete_heart_rates
from yolvarex.services.days import local_start, local_time, zone_of
from yolvarex.services.gear import default_shoe_id
from yolvarex.services.imports import find_duplicate
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, owned, reach, scope

CROSS_SPORTS = ("cycling", "swimming", "walking", "hiking", "strength", "other")
DEFAULT_TIME = dt.time(7, 0)

RunType = Literal["easy", "recovery", "long", "tempo", "speed", "race"]
CrossSport = Literal["cycling", "swimming", "walking", "hiking", "strength", "other"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    time: dt.time | None = None
    minutes: float = Field(gt=0, le=24 * 60)
    distance_km: float | None = Field(default=None, ge=0, le=1000)
    rpe: float | None = Field(default=None, ge=0, le=10)
    avg_hr: float | None = Field(default=None, ge=30, le=250)
    name: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=5000)


class RunEntry(_Entry):
    run_type: RunType = "easy"


class CrossEntry(_Entry):
    sport: CrossSport = "cycling"


class EntryChanges(BaseModel):
    """Fields to change on a logged or imported activity; None means "leave as it is"."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = None
    time: dt.time | None = None
    minutes: float | None = Field(default=None, gt=0, le=24 * 60)
    distance_km: float | None = Field(default=None, ge=0, le=1000)
    rpe: float | None = Field(default=None, ge=0, le=10)
    avg_hr: float | None = Field(default=None, ge=30, le=250)
    run_type: RunType | None = None
    sport: Literal["running", "cycling", "swimming", "walking", "hiking", "strength", "other"] | None = None
    name: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=5000)


def parse(model: type[BaseModel], data: dict[str, Any], what: str, keep_empty: bool = False) -> Any:
    """Validate form or JSON data, or raise Invalid listing every wrong field and why.

    Empty values mean "not given"; with `keep_empty` (an edit form) they clear the field."""
    if keep_empty:
        clean = {k: (None if v == "" else v) for k, v in data.items()}
    else:
        clean = {k: v for k, v in data.items() if v not in (None, "")}
    return validated(model, clean, what)


#: How far past the runner's today a logged session may start (a late evening across midnight).
FUTURE_SLACK = dt.timedelta(days=1)


def _place(row: models.Activity, day: dt.date, time: dt.time | None, zone: str) -> None:
    """Start a hand-logged session at a local date and wall-clock time in the athlete's zone;
    a session more than a day ahead of the runner's today is refused (it has not happened)."""
    today = clock.today(zone)
    if day > today + FUTURE_SLACK:
        raise Invalid(f"{day:%A %d %B %Y} is in the future (today is {today:%A %d %B} where you "
                      "are). Log a session once you have done it; what is to come lives in "
                      "your plan.", details=[f"date: {day.isoformat()} is after "
                                             f"{(today + FUTURE_SLACK).isoformat()}"])
    row.start = clock.instant_at(day, time or DEFAULT_TIME, zone)
    row.day, row.utc_offset_min = local_start(row.start, zone)


#: Forms show minutes to 0.1, so a duration within 3 s of the stored one is the same duration.
MINUTES_SHOWN_S = 3.0
#: The fields a session's load is computed from; changing any other leaves the load alone.
LOAD_FIELDS = ("duration_s", "moving_s", "rpe", "avg_hr", "sport", "run_type")


def _load_inputs(row: models.Activity) -> tuple[object, ...]:
    return tuple(getattr(row, name) for name in LOAD_FIELDS)


def _reload(mine: Scope, row: models.Activity) -> None:
    hr = athlete_heart_rates(mine, row.day)
    session = load_of_session(load_minutes(row.duration_s, row.moving_s), sport=row.sport,
                              run_type=row.run_type, rpe=row.rpe, avg_hr=row.avg_hr, hr=hr)
    row.load = session.load
    row.dynamics = {**(row.dynamics or {}), "load_method": session.method.value}


def log_entry(db: Session, actor: Actor, entry: RunEntry | CrossEntry,
              athlete_id: int | None = None) -> models.Activity:
    mine = scope(db, actor, athlete_id, Action.WRITE)
    sport, run_type = (("running", entry.run_type) if isinstance(entry, RunEntry)
                       else (entry.sport, None))
    row = mine.new(
        models.Activity, sport=sport, run_type=run_type,
        name=entry.name, duration_s=entry.minutes * 60,
        distance_m=entry.distance_km * 1000 if entry.distance_km is not None else None,
        rpe=entry.rpe, avg_hr=entry.avg_hr, notes=entry.notes, source="manual", dynamics={})
    _place(row, entry.date, entry.time, zone_of(db, mine.athlete_id))
    _refuse_duplicate(mine, row)
    _reload(mine, row)
    if sport == "running":
        row.shoe_id = default_shoe_id(mine, run_type)
    run_analysis.refresh(row)
    db.add(row)
    db.flush()
    return row


def update_entry(db: Session, actor: Actor, activity_id: int, changes: EntryChanges) -> models.Activity:
    mine, row = reach(db, actor, models.Activity, activity_id, Action.WRITE)
    before = _load_inputs(row)
    given = changes.model_dump(exclude_unset=True)
    if "date" in given or "time" in given:
        local = local_time(row)
        _place(row, given.get("date") or row.day, given.get("time") or local.time(),
               zone_of(db, row.user_id))
    if "minutes" in given and changes.minutes is not None and \
            abs(changes.minutes * 60 - row.duration_s) >= MINUTES_SHOWN_S:
        # a new duration from the runner replaces the file's moving time: their figure counts
        row.duration_s = changes.minutes * 60
        row.moving_s = None
    if "distance_km" in given:
        row.distance_m = None if changes.distance_km is None else changes.distance_km * 1000
    for key in ("rpe", "avg_hr", "name", "notes"):
        if key in given:
            setattr(row, key, given[key])
    if "sport" in given and changes.sport:
        row.sport = changes.sport
    if "run_type" in given:
        row.run_type = changes.run_type
    if row.sport != "running":
        row.run_type = None
    if _load_inputs(row) != before:
        _reload(mine, row)
    run_analysis.refresh(row)  # the run page's figures follow the edit, so a read never writes
    db.flush()
    return row


def _refuse_duplicate(mine: Scope, row: models.Activity) -> None:
    same = find_duplicate(mine, row.start, row.duration_s)
    if same is not None:
        other = mine.get(models.Activity, same)
        raise Conflict(
            f"This looks like a session already in your log: {display_name(other)} on "
            f"{local_time(other):%Y-%m-%d at %H:%M}, {other.duration_s / 60:.0f} minutes (entry {same}). "
            "Edit that entry instead, or give this one a different time.")


def delete_entry(db: Session, actor: Actor, activity_id: int) -> None:
    """Delete an activity (its shoe's distance drops with it: shoes sum their runs when asked)."""
    row = owned(db, actor, models.Activity, activity_id, Action.WRITE)
    db.delete(row)
    db.flush()


def get_entry(db: Session, actor: Actor, activity_id: int) -> models.Activity:
    return owned(db, actor, models.Activity, activity_id)


def entry_json(row: models.Activity) -> dict[str, Any]:
    """An activity as the API and `--json` show it (samples left out; they are large)."""
    return {
        "id": row.id, "sport": row.sport, "run_type": row.run_type, "name": row.name,
        "start": row.start.isoformat(), "local_start": local_time(row).isoformat(),
        "date": row.day.isoformat(),
        "minutes": round(row.duration_s / 60, 1),
        "moving_minutes": round(row.moving_s / 60, 1) if row.moving_s is not None else None,
        "distance_km": round(row.distance_m / 1000, 3) if row.distance_m is not None else None,
        "ascent_m": row.ascent_m, "avg_hr": row.avg_hr, "max_hr": row.max_hr,
        "avg_cadence_spm": round(row.avg_cadence_spm, 1) if row.avg_cadence_spm else None,
        "rpe": row.rpe, "load": row.load,
        "load_method": (row.dynamics or {}).get("load_method"),
        "dynamics": {k: v for k, v in (row.dynamics or {}).items() if k != "load_method"},
        "source": row.source, "source_name": row.source_name, "notes": row.notes,
        "has_samples": row.samples is not None,
    }


def display_name(row: models.Activity) -> str:
    if row.name:
        return row.name
    if row.sport == "running":
        return f"{(row.run_type or '').capitalize()} run".strip().capitalize()
    return row.sport.capitalize()
