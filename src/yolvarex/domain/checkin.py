"""The daily check-in: what the runner tells us this morning. Only `date` is required."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from yolvarex.domain.units import Units, temperature_unit, temperature_value


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


@dataclass(frozen=True)
class NumberRange:
    """The accepted values of one typed-in number: the web form, the CLI prompt and the
    validation all read these, so they agree. `step` is the finest value a runner types (one
    decimal, so a watch's 6.9 h of sleep is accepted); `whole` numbers take no decimals."""

    low: float
    high: float
    label: str
    unit: str = ""
    whole: bool = False
    above_low: bool = False  # the low end itself is not accepted (HRV cannot be 0)

    @property
    def step(self) -> str:
        return "1" if self.whole else "0.1"

    @property
    def input_min(self) -> float:
        """The smallest value the form offers: one step above `low` when `low` is excluded."""
        return self.low + (1 if self.whole else 0.1) if self.above_low else self.low

    def accepts(self, value: float) -> bool:
        return (self.low < value if self.above_low else self.low <= value) and value <= self.high


@dataclass(frozen=True)
class Scale:
    """A tap scale from `low` to `high`, with words for both ends."""

    low: int
    high: int
    label: str
    low_words: str
    high_words: str


NUMBERS = {
    "sleep_hours": NumberRange(0, 24, "Hours slept last night"),
    "temperature_c": NumberRange(30, 45, "Temperature", "°C"),
    "resting_hr": NumberRange(20, 220, "Resting heart rate", "bpm", whole=True),
    "hrv_rmssd": NumberRange(0, 500, "HRV, rMSSD", "ms", above_low=True),
}


def temperature_range(shown: Units) -> NumberRange:
    """The temperature as a runner types it: in °C, or in °F for imperial units (the check-in
    stores and validates °C; `units.celsius_from` turns a typed °F value into it)."""
    r = NUMBERS["temperature_c"]
    if shown == "metric":
        return r
    return replace(r, low=temperature_value(r.low, shown), high=temperature_value(r.high, shown),
                   unit=temperature_unit(shown))


SCALES = {
    "sleep_quality": Scale(1, 5, "Sleep quality", "very poor", "excellent"),
    "soreness": Scale(0, 10, "General muscle soreness", "none", "worst imaginable"),
    "pain": Scale(0, 10, "Pain right now or on your last run", "none", "worst imaginable"),
    "mood": Scale(1, 5, "Mood", "very low", "great"),
    "stress": Scale(1, 5, "Stress", "very calm", "very stressed"),
    "motivation": Scale(1, 5, "Motivation to train", "none", "eager"),
}


def _number(name: str) -> Any:
    r = NUMBERS[name]
    return Field(gt=r.low, le=r.high) if r.above_low else Field(ge=r.low, le=r.high)


def _scale(name: str) -> Any:
    return Field(ge=SCALES[name].low, le=SCALES[name].high)


SYMPTOM_LABELS = {
    Symptom.RUNNY_NOSE: "Runny nose", Symptom.STUFFY_NOSE: "Stuffy nose",
    Symptom.SNEEZING: "Sneezing", Symptom.SORE_THROAT: "Sore throat",
    Symptom.CHEST_CONGESTION: "Chest congestion", Symptom.COUGH: "Cough",
    Symptom.BODY_ACHES: "Body aches", Symptom.STOMACH_UPSET: "Upset stomach",
    Symptom.FATIGUE: "Unusual tiredness", Symptom.FEVER: "Fever",
}
RED_FLAG_LABELS = {
    RedFlag.CHEST_PAIN: "Chest pain or pressure when exercising",
    RedFlag.FAINTING: "Fainting or nearly fainting",
    RedFlag.PALPITATIONS: "Racing or irregular heartbeat",
    RedFlag.BREATHLESSNESS: "Unusual breathlessness",
}
# The block of bone-stress warning signs, asked whatever the pain score. `pain_sharp` stands
# for `pain_kind: sharp`; the others are the yes/no fields of the same name.
PAIN_SIGNS = {
    "pain_on_hop": "Hurts when you hop on that leg",
    "pain_at_night": "Hurts at night",
    "pain_at_rest": "Hurts at rest",
    "pain_changes_gait": "Changes how you run",
    "pain_sharp": "A sharp pain you can point to with one finger",
}


class CheckIn(BaseModel):
    """One morning's answers. Field names are the public JSON names (API, CLI files, export)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    sleep_hours: Annotated[float, _number("sleep_hours")] | None = None
    sleep_quality: Annotated[int, _scale("sleep_quality")] | None = None
    soreness: Annotated[int, _scale("soreness")] | None = None
    sore_areas: tuple[Annotated[str, Field(min_length=1, max_length=40)], ...] = ()
    pain: Annotated[int, _scale("pain")] | None = None
    pain_area: Annotated[str, Field(max_length=60)] | None = None
    pain_kind: PainKind | None = None
    pain_trend_in_run: PainTrend | None = None
    pain_changes_gait: bool | None = None
    pain_at_rest: bool | None = None
    pain_at_night: bool | None = None
    pain_on_hop: bool | None = None
    pain_next_morning: NextMorning | None = None
    symptoms: tuple[Symptom, ...] = ()
    temperature_c: Annotated[float, _number("temperature_c")] | None = None
    mood: Annotated[int, _scale("mood")] | None = None
    stress: Annotated[int, _scale("stress")] | None = None
    motivation: Annotated[int, _scale("motivation")] | None = None
    resting_hr: Annotated[int, _number("resting_hr")] | None = None
    hrv_rmssd: Annotated[float, _number("hrv_rmssd")] | None = None
    red_flags: tuple[RedFlag, ...] = ()
    notes: Annotated[str, Field(max_length=2000)] | None = None
