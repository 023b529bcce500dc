"""What is already known about an athlete's day: a computed result (Today's composition, the
day's decision, the load report, ...) kept with the inputs it was computed from, so a read that
finds the same inputs serves it instead of computing it again (`services.day_state`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yolvarex.store.models.base import Base
from yolvarex.store.types import UTCDateTime, utcnow


class DayState(Base):
    """One computed part of an athlete's local `day`. `revision` is the athlete's
    `advice_revision` and `build` the code and content it was computed with; `payload` is the
    serialized typed result."""

    __tablename__ = "day_states"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    part: Mapped[str] = mapped_column(String(80), primary_key=True)
    revision: Mapped[int] = mapped_column()
    build: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
