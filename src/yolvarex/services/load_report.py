"""The load figures a person reads: this morning's facts and the last weeks, as plain data.

Used by `yolvarex load`, the API and the Progress page, so the three agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.services import day_state, days
from yolvarex.store.access import Actor, scope


def _r(value: float, digits: int = 2) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), digits)


def report(db: Session, actor: Actor, today: dt.date, weeks: int = 6,
           athlete_id: int | None = None) -> dict[str, Any]:
    """This morning's figures, the load of each of the last seven local days, and the weeks
    (kept as the day's state: `services.day_state`)."""
    mine = scope(db, actor, athlete_id)
    result: dict[str, Any] = day_state.known(
        db, mine.athlete_id, days.today_of(db, actor, mine.athlete_id), today,
        f"load:{today.isoformat()}:{weeks}", day_state.JSON,
        lambda: _report(db, actor, today, weeks, mine.athlete_id))
    return result


def _report(db: Session, actor: Actor, today: dt.date, weeks: int, athlete_id: int) -> dict[str, Any]:
    from yolvarex.services import history, training_load  # (numpy: only when not already known)

    facts = training_load.load_facts(db, actor, today, athlete_id)
    this_monday = today - dt.timedelta(days=today.weekday())
    first_monday = this_monday - dt.timedelta(weeks=weeks - 1)
    series = training_load.load_series(db, actor, today, (today - first_monday).days + 1, athlete_id)
    a = series.analysis
    out_weeks = []
    for w, totals in enumerate(history.week_totals(db, actor, weeks, today, athlete_id)):
        last = min(w * 7 + 7, len(series.days)) - 1
        out_weeks.append({
            "monday": totals.monday.isoformat(), "sessions": totals.sessions,
            "load": _r(totals.load, 1),
            "acwr": _r(a.acwr[0, last]),
            "monotony": _r(a.monotony[0, last]), "strain": _r(a.strain[0, last], 1),
            "fitness": _r(a.fitness[0, last], 1), "fatigue": _r(a.fatigue[0, last], 1),
            "form": _r(a.form[0, last], 1)})
    return {
        "today": {k: (v.isoformat() if isinstance(v, dt.date) else v)
                  for k, v in dataclasses.asdict(facts).items()},
        "first_logged_day": series.known_from.isoformat() if series.known_from else None,
        "days": [{"day": day.isoformat(), "load": _r(float(value), 1)}
                 for day, value in zip(series.days[-7:], a.load[0, -7:], strict=True)],
        "weeks": out_weeks,
    }
