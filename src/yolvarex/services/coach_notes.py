"""A coach's private note to an athlete for one of the athlete's days.

The coach writes it while the link is active (`Action.COACH`); the athlete sees it on Today on
that day, and only while the coach still coaches them. An empty note removes it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from yolvarex.errors import Invalid
from yolvarex.services import days
from yolvarex.store import access
from yolvarex.store.access import Action, Actor
from yolvarex.store.models import CoachLink, CoachNote, User
from yolvarex.store.types import utcnow

MAX_CHARS = 2000
MAX_DAYS = 366  # a year of notes at most, in one answer


@dataclass(frozen=True)
class Note:
    day: dt.date
    coach: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "coach": self.coach, "text": self.text}


def _clean(text: str) -> str:
    """Line breaks kept, other control characters dropped, ends trimmed."""
    kept = "".join(ch for ch in text.replace("\r\n", "\n")
                   if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return kept.strip()


def write(db: Session, coach: Actor, athlete_id: int, day: dt.date, text: str) -> Note | None:
    """Set (or with empty text remove) the coach's note for the athlete's day."""
    if not coach.is_coach or athlete_id == coach.id:
        raise Invalid("Only a coach writes notes, to an athlete they coach.")
    access.scope(db, coach, athlete_id, Action.COACH)
    text = _clean(text)
    if len(text) > MAX_CHARS:
        raise Invalid(f"A note holds at most {MAX_CHARS} characters; this one has {len(text)}.")
    row = db.scalar(select(CoachNote).where(CoachNote.athlete_id == athlete_id,
                                            CoachNote.coach_id == coach.id, CoachNote.day == day))
    if not text:
        if row is not None:
            db.delete(row)
        return None
    if row is None:
        row = CoachNote(athlete_id=athlete_id, coach_id=coach.id, day=day, text=text)
        db.add(row)
    else:
        row.text, row.updated_at = text, utcnow()
    db.flush()
    return Note(day, coach.name, text)


def notes(db: Session, actor: Actor, athlete_id: int | None = None, start: dt.date | None = None,
          end: dt.date | None = None) -> list[Note]:
    """Notes for the athlete's days `start`..`end` (by default the athlete's today), at most a
    year of them, as `actor` may see them: the athlete sees those of the coaches who coach them
    now; a coach only their own."""
    athlete_id = access.scope(db, actor, athlete_id).athlete_id
    start = start or days.today_for(db, athlete_id)
    end = end or start
    if (end - start).days > MAX_DAYS or end < start:
        raise Invalid("Ask for at most a year of notes, with the last day on or after the first.")
    stmt = (select(CoachNote, User.name).join(User, User.id == CoachNote.coach_id)
            .where(CoachNote.athlete_id == athlete_id, CoachNote.day >= start,
                   CoachNote.day <= end))
    if actor.id == athlete_id:
        stmt = stmt.join(CoachLink, (CoachLink.coach_id == CoachNote.coach_id)
                         & (CoachLink.athlete_id == athlete_id)).where(CoachLink.status == "active")
    else:
        stmt = stmt.where(CoachNote.coach_id == actor.id)
    return [Note(row.day, name, row.text)
            for row, name in db.execute(stmt.order_by(CoachNote.day, User.name))]


def for_day(db: Session, actor: Actor, athlete_id: int, day: dt.date) -> list[Note]:
    return notes(db, actor, athlete_id, day, day)


def archive_records(db: Session, user_id: int) -> list[dict[str, Any]]:
    """Every note the user wrote (as a coach) or had written for them (as an athlete), for
    their data export: the day, who wrote it, for whom, and the text. These are exactly the
    notes that deleting the account removes."""
    coach, athlete = aliased(User), aliased(User)
    rows = db.execute(
        select(CoachNote, coach.name, athlete.name)
        .join(coach, coach.id == CoachNote.coach_id).join(athlete, athlete.id == CoachNote.athlete_id)
        .where(or_(CoachNote.coach_id == user_id, CoachNote.athlete_id == user_id))
        .order_by(CoachNote.day, coach.name, athlete.name))
    return [{"date": row.day.isoformat(), "coach": coach_name, "athlete": athlete_name,
             "text": row.text, "written_at": row.created_at.isoformat(),
             "updated_at": row.updated_at.isoformat()}
            for row, coach_name, athlete_name in rows]
