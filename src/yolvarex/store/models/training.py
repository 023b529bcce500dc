"""What an athlete records and receives: check-ins, activities, strength work, plans, routines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from yolvarex.store.models.base import Base, OwnedMixin
from yolvarex.store.types import JsonType, UTCDateTime, utcnow


def file_name(name: str | None) -> str | None:
    """The name a file is known by, without the folders it was read from on someone's machine
    (a server path says nothing to the runner and is not theirs to keep), at most 255 characters."""
    if name is None:
        return None
    return name.replace("\\", "/").rsplit("/", 1)[-1][-255:] or None


class CheckIn(OwnedMixin, Base):
    """One morning check-in per athlete and date; `data` holds the CheckIn fields as JSON."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("user_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Activity(OwnedMixin, Base):
    """A run or a cross-training session, imported from a file or logged by hand."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_user_start", "user_id", "start"),
                      Index("ix_activities_user_day", "user_id", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    sport: Mapped[str] = mapped_column(String(20))
    sub_sport: Mapped[str | None] = mapped_column(String(40))
    run_type: Mapped[str | None] = mapped_column(String(20))  # easy, tempo, long, ...
    name: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    day: Mapped[dt.date] = mapped_column(Date)  # the local calendar day the activity started on
    utc_offset_min: Mapped[int | None] = mapped_column(Integer)  # local time = start + offset
    duration_s: Mapped[float] = mapped_column(Float)
    moving_s: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    ascent_m: Mapped[float | None] = mapped_column(Float)
    avg_hr: Mapped[float | None] = mapped_column(Float)
    max_hr: Mapped[float | None] = mapped_column(Float)
    avg_cadence_spm: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    load: Mapped[float | None] = mapped_column(Float)
    dynamics: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    samples: Mapped[bytes | None] = mapped_column(LargeBinary)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # fit, gpx, tcx, manual
    source_name: Mapped[str | None] = mapped_column(String(255))  # the file's name: `file_name`
    notes: Mapped[str | None] = mapped_column(Text)
    shoe_id: Mapped[int | None] = mapped_column(ForeignKey("shoes.id", ondelete="SET NULL"), index=True)
    laps: Mapped[list[Any] | None] = mapped_column(JsonType)  # the watch's laps, as recorded
    #: the run page's figures, computed once (`services.run_analysis`); `key` says from what
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    #: best efforts inside this run {name: seconds}, kept apart so records read only these
    efforts: Mapped[dict[str, Any] | None] = mapped_column(JsonType)

    @validates("source_name")
    def _source_file_name(self, _key: str, value: str | None) -> str | None:
        return file_name(value)


class Shoe(OwnedMixin, Base):
    """A pair of shoes: its mileage is `start_m` plus the distance of the runs it was worn on."""

    __tablename__ = "shoes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    start_m: Mapped[float] = mapped_column(Float, default=0.0)
    retire_at_m: Mapped[float | None] = mapped_column(Float)
    default_for: Mapped[str | None] = mapped_column(String(20))  # "all" runs or one run type
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


class ActivityFile(OwnedMixin, Base):
    """The file an activity was imported from, zlib-compressed, to download again."""

    __tablename__ = "activity_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"),
                                             unique=True)
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)

    @validates("name")
    def _file_name(self, _key: str, value: str) -> str:
        return file_name(value) or "activity"


class StrengthSession(OwnedMixin, Base):
    __tablename__ = "strength_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    minutes: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    plan_session: Mapped[str | None] = mapped_column(String(40))  # e.g. "2026-12-07" of the plan
    notes: Mapped[str | None] = mapped_column(Text)
    sets: Mapped[list[StrengthSet]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="StrengthSet.position")


class StrengthSet(Base):
    """One set of one exercise; it belongs to its session and through it to the athlete."""

    __tablename__ = "strength_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("strength_sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    exercise: Mapped[str] = mapped_column(String(80))
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float | None] = mapped_column(Float)
    load_kg: Mapped[float | None] = mapped_column(Float)
    side: Mapped[str] = mapped_column(String(5), default="both")  # both, left, right
    rpe: Mapped[float | None] = mapped_column(Float)
    completed: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    session: Mapped[StrengthSession] = relationship(back_populates="sets")


class PerformanceTest(OwnedMixin, Base):
    """A periodic test: push-ups, plank hold, single-leg squats, single-leg calf raises."""

    __tablename__ = "performance_tests"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    test: Mapped[str] = mapped_column(String(40))
    side: Mapped[str] = mapped_column(String(5), default="both")
    value: Mapped[float] = mapped_column(Float)


class Plan(OwnedMixin, Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[dict[str, Any]] = mapped_column(JsonType)
    plan: Mapped[dict[str, Any]] = mapped_column(JsonType)
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class RoutineCompletion(OwnedMixin, Base):
    __tablename__ = "routine_completions"

    id: Mapped[int] = mapped_column(primary_key=True)
    routine: Mapped[str] = mapped_column(String(80))
    completed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    day: Mapped[dt.date] = mapped_column(Date)  # the athlete's local day of completion
    seconds: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(10), default="web")


class FormAssessment(OwnedMixin, Base):
    __tablename__ = "form_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JsonType)
    ranking: Mapped[list[Any]] = mapped_column(JsonType)


class CustomTree(OwnedMixin, Base):
    """A decision tree a coach wrote, kept as its YAML text and applied to their athletes."""

    __tablename__ = "custom_trees"
    __table_args__ = (UniqueConstraint("user_id", "tree_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tree_id: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ImportJob(OwnedMixin, Base):
    """An upload being imported in the background; any worker reports its progress from here.

    `status`: queued, running, done or failed. `result` holds the finished report (counts and
    each file's outcome) as JSON; `error` says why a failed job stopped.
    """

    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    label: Mapped[str] = mapped_column(String(255), default="")
    files_total: Mapped[int] = mapped_column(default=0)
    files_done: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    error: Mapped[str | None] = mapped_column(String(1000))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
