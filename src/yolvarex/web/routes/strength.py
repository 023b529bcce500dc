"""Performance tests on the Progress page: trend charts, the left-right imbalance flag, and a
form to log a test result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from yolvarex.domain.perftest import IMBALANCE_LIMIT, TESTS, Side, TestName, latest_imbalances, trend
from yolvarex.errors import Invalid
from yolvarex.services import strength_log
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.charts import Series, chart

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

SIDE_LABELS = {Side.BOTH: "Result", Side.LEFT: "Left", Side.RIGHT: "Right"}
SIDE_COLORS = {Side.BOTH: "#0b6e69", Side.LEFT: "#1f5fa8", Side.RIGHT: "#c2571a"}


def performance_section(db: Session, actor: Actor, athlete_id: int | None = None) -> dict[str, Any]:
    """Charts of each test over time and the latest left-right comparison per sided test."""
    results = strength_log.performance_tests(db, actor, athlete_id)
    charts = []
    for name, spec in TESTS.items():
        t = trend(results, name)
        if not t.dates:
            continue
        labels = [d.strftime("%d %b %y") for d in t.dates]
        series = [Series(SIDE_LABELS[side], list(values), color=SIDE_COLORS[side])
                  for side, values in t.values.items()]
        charts.append(chart(f"{spec.title} ({spec.unit})", labels, series, digits=0,
                            description=f"{spec.title}: {len(t.dates)} test dates, "
                                        f"{', '.join(SIDE_LABELS[s].lower() for s in t.values)}."))
    return {"test_charts": charts, "imbalances": latest_imbalances(results),
            "imbalance_limit": round(IMBALANCE_LIMIT * 100), "test_specs": TESTS,
            "has_tests": bool(results)}


@router.post("/progress/tests")
async def log_test(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()

    def text(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    try:
        day = dt.date.fromisoformat(text("date"))
        test = TestName(text("test"))
        side = Side(text("side") or "both")
        value = float(text("value"))
    except ValueError:
        return core.redirect("/progress?log=1#tests-h", "Give a date, a test, a side where it applies, "
                                                   "and your result as a number.")
    try:
        with core.runtime(request).db.session() as db:
            strength_log.log_test(db, actor, day, test, side, value)
    except Invalid as exc:
        return core.redirect("/progress?log=1#tests-h", " ".join(exc.details) or exc.message)
    return core.redirect("/progress?log=1#tests-h", f"{TESTS[test].title}: {value:g} saved.")
