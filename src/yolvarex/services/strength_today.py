"""The day's strength session as the Today page shows it: today's session or the next one,
and what the day's verdict would do to it before it is applied."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.plan.adapt import Adaptation, adapt_day
from yolvarex.domain.plan.model import Session as PlanSession
from yolvarex.domain.verdict import Verdict
from yolvarex.services import plans, strength_log
from yolvarex.services.plans import StoredPlan
from yolvarex.store.access import Actor


def verdict_preview(stored: StoredPlan | None, day: dt.date, verdict: Verdict | None,
                    library: Library) -> Adaptation | None:
    """What the day's verdict would do to the day's session, before it is applied; None when
    there is nothing to change or it was already applied."""
    if stored is None or verdict is None or verdict is Verdict.TRAIN:
        return None
    if any(a["date"] == day.isoformat() for a in stored.adaptations):
        return None
    _, preview = adapt_day(stored.plan, day, verdict, library)
    return preview if preview.action.value not in ("none", "keep") else None


@dataclass(frozen=True)
class StrengthToday:
    has_plan: bool
    day: dt.date
    session: PlanSession | None
    run_day: str | None
    logged: bool
    next_session: PlanSession | None
    adaptation: dict[str, Any] | None
    exercises: tuple[str, ...]
    preview: Adaptation | None = None


def strength_today(db: Session, actor: Actor, day: dt.date, library: Library,
                   verdict: Verdict | None = None, athlete_id: int | None = None) -> StrengthToday:
    """Today's session (or the next one) and what the day's verdict, if any, does to it."""
    planned = plans.planned_for(db, actor, day, athlete_id)
    stored = plans.current_plan(db, actor, athlete_id) if planned.plan_id else None
    later = None
    if stored is not None and planned.session is None:
        later = next((s for s in stored.plan.sessions() if s.date > day), None)
    logged = bool(strength_log.sessions(db, actor, day, day, athlete_id))
    shown = planned.session or later
    titles = tuple(library.exercises[p.exercise].title for p in shown.prescriptions()
                   if p.exercise in library.exercises) if shown else ()
    return StrengthToday(stored is not None, day, planned.session, planned.run_day, logged, later,
                         planned.adaptation, titles, verdict_preview(stored, day, verdict, library))
