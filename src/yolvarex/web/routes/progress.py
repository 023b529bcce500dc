"""Progress: training volume over the weeks, as charts with table alternatives."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.services import history
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.charts import Series, chart
from yolvarex.web.routes.strength import performance_section

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/progress")
def progress(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        weeks = history.week_totals(db, actor, 12, dt.date.today())
        tests = performance_section(db, actor)
    charts = []
    if any(w.runs or w.strength_sessions or w.other_minutes for w in weeks):
        labels = [w.monday.strftime("%d %b") for w in weeks]
        charts.append(chart("Weekly running distance (km)", labels,
                            [Series("Distance, km", [round(w.run_km, 1) for w in weeks], kind="bar")],
                            description="Kilometres run in each of the last 12 weeks."))
        charts.append(chart("Weekly training time (minutes)", labels, [
            Series("Running", [round(w.run_minutes) for w in weeks], kind="bar"),
            Series("Cross-training", [round(w.other_minutes) for w in weeks], kind="bar")],
            description="Minutes of running and of cross-training per week.", digits=0))
    return core.render(request, "progress.html", {"charts": charts, **tests}, section="progress")
