"""The training log: everything done, week by week."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.services import history
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/log")
def log(request: Request, weeks: int = 4, actor: Actor = Depends(core.login_required)) -> Response:
    weeks = min(max(weeks, 1), 52)
    today = dt.date.today()
    start = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    with core.runtime(request).db.session() as db:
        acts = history.activities(db, actor, start, today)
        sessions = history.strength_sessions(db, actor, start, today)
        routines = history.routine_completions(db, actor, start, today)
    days: dict[dt.date, list[tuple[str, str, str]]] = {}
    for a in acts:
        detail = f"{a.duration_s / 60:.0f} min" + (f" · {a.distance_m / 1000:.1f} km" if a.distance_m else "")
        if a.rpe is not None:
            detail += f" · RPE {a.rpe:g}"
        days.setdefault(a.start.date(), []).append(("run" if a.sport == "running" else "cross",
                                                    a.name or a.sport.capitalize(), detail))
    for s in sessions:
        exercises = len({x.exercise for x in s.sets})
        days.setdefault(s.date, []).append(("strength", "Strength session",
                                            f"{exercises} exercises · {len(s.sets)} sets"
                                            + (f" · RPE {s.rpe:g}" if s.rpe is not None else "")))
    for r in routines:
        known = core.runtime(request).library.routines.get(r.routine)
        title = known.title if known else r.routine.replace("-", " ").capitalize()
        days.setdefault(r.completed_at.date(), []).append(
            ("routine", title, f"{(r.seconds or 0) / 60:.0f} min routine"))
    ordered = sorted(days.items(), reverse=True)
    return core.render(request, "log.html", {"days": ordered, "weeks": weeks}, section="log")
