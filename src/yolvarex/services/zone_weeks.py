"""Time in heart-rate zones per Monday-to-Sunday week: the sum of each activity's kept zone
times (`run_analysis`), so a week is time-weighted like each run, never a count of samples."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.services import history
from yolvarex.services.run_analysis import analysis_of
from yolvarex.store.access import Actor, scope


@dataclass(frozen=True)
class ZoneWeek:
    monday: dt.date
    seconds: tuple[float, float, float, float, float]
    activities: int  # activities with heart rate that week

    @property
    def total_s(self) -> float:
        return sum(self.seconds)

    def to_json(self) -> dict[str, Any]:
        return {"week": self.monday.isoformat(), "seconds": [round(s) for s in self.seconds],
                "minutes": [round(s / 60, 1) for s in self.seconds],
                "activities_with_hr": self.activities}


def zone_weeks(db: Session, actor: Actor, last_monday: dt.date, weeks: int,
               athlete_id: int | None = None) -> list[ZoneWeek]:
    """`weeks` weeks ending with the week of `last_monday`, oldest first."""
    first = last_monday - dt.timedelta(weeks=weeks - 1)
    mine = scope(db, actor, athlete_id)
    rows = history.activities(db, actor, first, last_monday + dt.timedelta(days=6), mine.athlete_id)
    totals = [[0.0] * 5 for _ in range(weeks)]
    counts = [0] * weeks
    for row in rows:
        if row.samples is None:
            continue
        zones = (analysis_of(mine, row).get("zones") or {}).get("seconds")
        if not zones:
            continue
        week = (row.day - first).days // 7
        counts[week] += 1
        for z in range(5):
            totals[week][z] += zones[z]
    return [ZoneWeek(first + dt.timedelta(weeks=w), tuple(totals[w]), counts[w])  # type: ignore[arg-type]
            for w in range(weeks)]
