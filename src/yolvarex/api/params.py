"""Query parameters several endpoints share, checked in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import Query

from yolvarex.errors import Invalid


@dataclass(frozen=True)
class DayRange:
    start: dt.date
    end: dt.date


def day_range(start: dt.date = Query(alias="from", description="First day, YYYY-MM-DD (your local day)."),
              end: dt.date = Query(alias="to", description="Last day, included.")) -> DayRange:
    """`from` and `to`, in order. The range is not capped: it only returns what you logged."""
    if end < start:
        raise Invalid(f"`from` ({start}) is after `to` ({end}); give the earlier day first.")
    return DayRange(start, end)
