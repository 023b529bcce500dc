"""The daily check-in: what the runner tells us this morning. Only `date` is required."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class PainKind(StrEnum):
    DULL = "dull"
    SHARP = "sharp"


class PainTrend(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class NextMorning(StrEnum):
    SETTLED = "settled"
    SAME = "same"
    WORSE = "worse"


class Symptom(StrEnum):
    RUNNY_NOSE = "runny_nose"
    STUFFY_NOSE = "stuffy_nose"
    SNEEZING = "sneezing"
    SORE_THROAT = "sore_throat"
    CHEST_CONGESTION = "chest_congestion"
    COUGH = "cough"
    BODY_ACHES = "body_aches"
    STOMACH_UPSET = "stomach_upset"
    FATIGUE = "fatigue"
    FEVER = "fever"


ABOVE_NECK = frozenset({Symptom.RUNNY_NOSE, Symptom.STUFFY_NOSE, Symptom.SNEEZING, Symptom.SORE_THROAT})


class RedFlag(StrEnum):
    CHEST_PAIN = "chest_pain"
    FAINTING = "fainting"
    PALPITATIONS = "palpitations"
    BREATHLESSNESS = "breathlessness"


Scale5 = Annotated[int, Field(ge=1, le=5)]
Scale10 = Annotated[int, Field(ge=0, le=10)]


class CheckIn(BaseModel):
    """One morning's answers. Field names are the public JSON names (API, CLI files, export)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None
    sleep_quality: Scale5 | None = None
    soreness: Scale10 | None = None
    sore_areas: tuple[Annotated[str, Field(min_length=1, max_length=40)], ...] = ()
    pain: Scale10 | None = None
    pain_area: Annotated[str, Field(max_length=60)] | None = None
    pain_kind: PainKind | None = None
    pain_trend_in_run: PainTrend | None = None
    pain_changes_gait: bool | None = None
    pain_at_rest: bool | None = None
    pain_at_night: bool | None = None
    pain_on_hop: bool | None = None
    pain_next_morning: NextMorning | None = None
    symptoms: tuple[Symptom, ...] = ()
    temperature_c: Annotated[float, Field(ge=30, le=45)] | None = None
    mood: Scale5 | None = None
    stress: Scale5 | None = None
    motivation: Scale5 | None = None
    resting_hr: Annotated[int, Field(ge=20, le=220)] | None = None
    hrv_rmssd: Annotated[float, Field(gt=0, le=500)] | None = None
    red_flags: tuple[RedFlag, ...] = ()
    notes: Annotated[str, Field(max_length=2000)] | None = None
