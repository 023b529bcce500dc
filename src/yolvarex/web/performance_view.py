"""The performance tests on Progress: each test's trend as a chart, and the latest left-right
comparison per sided test."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from yolvarex.domain.perftest import IMBALANCE_LIMIT, TESTS, Side, latest_imbalances, trend
from yolvarex.services import strength_log
from yolvarex.store.access import Actor
from yolvarex.web.charts import Series, chart

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
