"""The numbers behind the Progress page's charts, as plain series (no drawing here)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from yolvarex.domain import baselines
from yolvarex.services import checkins, history, training_load
from yolvarex.store import models
from yolvarex.store.access import Actor, scope

Values = list[float | None]


def _clean(values: np.ndarray, digits: int = 1) -> Values:
    return [None if not math.isfinite(v) else round(float(v), digits) for v in values]


def _value(value: float | None) -> float:
    return np.nan if value is None else float(value)


@dataclass(frozen=True)
class Wellness:
    days: list[dt.date]
    resting_hr: Values
    rhr_baseline: Values  # 30-day mean, today excluded
    hrv_week_ms: Values  # 7-day mean of ln(rMSSD), shown in ms
    hrv_low_ms: Values
    hrv_high_ms: Values
    hrv_ms: Values


def wellness(db: Session, actor: Actor, today: dt.date, days: int = 56,
             athlete_id: int | None = None) -> Wellness:
    """Resting heart rate against its 30-day baseline, HRV against its 60-day normal range."""
    history_days = days + 90
    start = today - dt.timedelta(days=history_days - 1)
    rows = {c.date: c for c in checkins.list_checkins(db, actor, start, today, athlete_id)}
    all_days = [start + dt.timedelta(days=i) for i in range(history_days)]
    rhr = np.array([_value(rows[d].resting_hr) if d in rows else np.nan for d in all_days])
    hrv = np.array([_value(rows[d].hrv_rmssd) if d in rows else np.nan for d in all_days])
    _, rhr_long = baselines.resting_hr_baselines(rhr)
    week, low, high = baselines.hrv_normal_range(hrv)
    cut = slice(history_days - days, None)
    return Wellness(
        days=all_days[cut], resting_hr=_clean(rhr[cut]), rhr_baseline=_clean(rhr_long[0][cut]),
        hrv_week_ms=_clean(np.exp(week[0][cut])), hrv_low_ms=_clean(np.exp(low[0][cut])),
        hrv_high_ms=_clean(np.exp(high[0][cut])), hrv_ms=_clean(hrv[cut]))


@dataclass(frozen=True)
class CadencePoint:
    day: dt.date
    cadence_spm: float
    title: str


def cadence_trend(db: Session, actor: Actor, today: dt.date, weeks: int = 26,
                  athlete_id: int | None = None) -> list[CadencePoint]:
    """Average cadence of each run that recorded one, oldest first."""
    runs = history.activities(db, actor, today - dt.timedelta(weeks=weeks), today, athlete_id)
    return [CadencePoint(r.day, round(r.avg_cadence_spm, 1), r.name or "Run")
            for r in runs if r.sport == "running" and r.avg_cadence_spm]


def performance_tests(db: Session, actor: Actor, athlete_id: int | None = None
                      ) -> dict[str, list[tuple[dt.date, float]]]:
    """Each test (and side) with its results over time: {"push_ups": [(date, value), ...]}."""
    mine = scope(db, actor, athlete_id)
    out: dict[str, list[tuple[dt.date, float]]] = {}
    for row in db.scalars(mine.select(models.PerformanceTest).order_by(models.PerformanceTest.date)):
        key = row.test if row.side == "both" else f"{row.test} ({row.side})"
        out.setdefault(key, []).append((row.date, row.value))
    return out


def load_window(db: Session, actor: Actor, today: dt.date, days: int = 84,
                athlete_id: int | None = None) -> training_load.LoadSeries:
    return training_load.load_series(db, actor, today, days, athlete_id)
