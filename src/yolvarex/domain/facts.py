"""Facts: what the decision trees may test, known or unknown.

A fact is either known (it has a value) or *unknown* (it is absent); unknown is never zero.
Facts come from two places:

- the morning check-in (`CheckIn`): every field except `date` and `notes`; the list fields
  (`symptoms`, `red_flags`, `sore_areas`) are known (possibly empty) whenever a check-in exists;
- the context, derived from history (`domain.history`) or passed directly for stateless use
  (`Context`): baselines, sleep and soreness streaks, load, performance trend, today's plan.

`CATALOG` names every fact with its type and allowed values; the tree validator uses it to
reject unknown facts and wrong value types.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from yolvarex.domain.checkin import CheckIn, NextMorning, PainKind, PainTrend, RedFlag, Symptom

FactValue = bool | int | float | str | tuple[str, ...]



class FactType(StrEnum):
    NUMBER = "number"  # int or float
    INTEGER = "integer"  # whole numbers (scales, counts)
    BOOLEAN = "boolean"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # a list of `choices` (possibly empty)
    TEXT = "text"  # free text
    TEXTS = "texts"  # a list of free texts


class Trend(StrEnum):
    DECLINING = "declining"
    STABLE = "stable"
    IMPROVING = "improving"


class Planned(StrEnum):
    REST = "rest"
    EASY = "easy"
    RECOVERY = "recovery"
    SPEED = "speed"
    TEMPO = "tempo"
    LONG = "long"
    RACE = "race"
    STRENGTH = "strength"


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: FactType
    label: str
    source: str  # "check-in" or "history"
    unit: str = ""
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def is_number(self) -> bool:
        return self.type in (FactType.NUMBER, FactType.INTEGER)

    def describe(self) -> str:
        if self.is_number:
            unit = f" {self.unit}" if self.unit else ""
            return f"a number from {_num(self.low)} to {_num(self.high)}{unit}"
        if self.type is FactType.BOOLEAN:
            return "true or false"
        if self.type is FactType.CHOICE:
            return "one of " + ", ".join(self.choices)
        if self.type is FactType.CHOICES:
            return "a list of " + ", ".join(self.choices)
        return "text" if self.type is FactType.TEXT else "a list of texts"


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def _values(enum: Iterable[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


_N, _I, _B = FactType.NUMBER, FactType.INTEGER, FactType.BOOLEAN
_C, _CS, _T, _TS = FactType.CHOICE, FactType.CHOICES, FactType.TEXT, FactType.TEXTS
_CHECKIN, _HISTORY = "check-in", "history"

CATALOG: Mapping[str, FactSpec] = MappingProxyType({spec.name: spec for spec in (
    FactSpec("sleep_hours", _N, "hours slept last night", _CHECKIN, "h", 0, 24),
    FactSpec("sleep_quality", _I, "sleep quality (1-5)", _CHECKIN, "", 1, 5),
    FactSpec("soreness", _I, "general soreness (0-10)", _CHECKIN, "", 0, 10),
    FactSpec("sore_areas", _TS, "sore body areas", _CHECKIN),
    FactSpec("pain", _I, "pain (0-10)", _CHECKIN, "", 0, 10),
    FactSpec("pain_area", _T, "where it hurts", _CHECKIN),
    FactSpec("pain_kind", _C, "kind of pain", _CHECKIN, choices=_values(PainKind)),
    FactSpec("pain_trend_in_run", _C, "pain during the run", _CHECKIN, choices=_values(PainTrend)),
    FactSpec("pain_changes_gait", _B, "pain changes how you run", _CHECKIN),
    FactSpec("pain_at_rest", _B, "pain at rest", _CHECKIN),
    FactSpec("pain_at_night", _B, "pain at night", _CHECKIN),
    FactSpec("pain_on_hop", _B, "pain when hopping", _CHECKIN),
    FactSpec("pain_next_morning", _C, "pain the next morning", _CHECKIN,
             choices=_values(NextMorning)),
    FactSpec("symptoms", _CS, "illness symptoms", _CHECKIN, choices=_values(Symptom)),
    FactSpec("temperature_c", _N, "body temperature", _CHECKIN, "°C", 30, 45),
    FactSpec("mood", _I, "mood (1-5)", _CHECKIN, "", 1, 5),
    FactSpec("stress", _I, "stress (1-5)", _CHECKIN, "", 1, 5),
    FactSpec("motivation", _I, "motivation (1-5)", _CHECKIN, "", 1, 5),
    FactSpec("resting_hr", _I, "resting heart rate", _CHECKIN, "bpm", 20, 220),
    FactSpec("hrv_rmssd", _N, "HRV (rMSSD)", _CHECKIN, "ms", 0, 500),
    FactSpec("red_flags", _CS, "warning signs", _CHECKIN, choices=_values(RedFlag)),
    FactSpec("resting_hr_baseline", _N, "resting heart rate baseline", _HISTORY, "bpm", 20, 220),
    FactSpec("resting_hr_delta", _N, "resting heart rate above baseline", _HISTORY, "bpm",
             -200, 200),
    FactSpec("hrv_ln_mean_7d", _N, "HRV, 7-day mean of ln rMSSD", _HISTORY, "", -1, 7),
    FactSpec("hrv_ln_normal_low", _N, "HRV normal range, low edge", _HISTORY, "", -1, 7),
    FactSpec("hrv_ln_normal_high", _N, "HRV normal range, high edge", _HISTORY, "", -1, 7),
    FactSpec("short_sleep_nights_3d", _I, "nights under 6 h of the last 3", _HISTORY, "", 0, 3),
    FactSpec("soreness_days", _I, "days in a row with soreness 5 or more", _HISTORY, "days",
             0, 366),
    FactSpec("days_since_rest", _I, "training days in a row before today", _HISTORY, "days",
             0, 10000),
    FactSpec("acwr", _N, "acute:chronic workload ratio", _HISTORY, "", 0, 100),
    FactSpec("monotony", _N, "training monotony (7 days)", _HISTORY, "", 0, 100),
    FactSpec("strain", _N, "training strain (7 days)", _HISTORY, "AU", 0, 10_000_000),
    FactSpec("strain_vs_usual", _N, "this week's strain against your usual (1 = as usual)",
             _HISTORY, "x", 0, 1000),
    FactSpec("performance_trend", _C, "performance trend", _HISTORY, choices=_values(Trend)),
    FactSpec("symptom_free_days", _I, "days since the last illness symptoms", _HISTORY, "days",
             0, 366),
    FactSpec("carried_symptoms", _CS, "illness at the last check-in, not yet reported gone",
             _HISTORY, choices=_values(Symptom)),
    FactSpec("planned", _C, "today's planned session", _HISTORY, choices=_values(Planned)),
)})

CHECKIN_FACTS = tuple(n for n, s in CATALOG.items() if s.source == _CHECKIN)
CONTEXT_FACTS = tuple(n for n, s in CATALOG.items() if s.source == _HISTORY)
ILLNESS_SYMPTOMS = frozenset(s.value for s in Symptom if s is not Symptom.FATIGUE)


def _r(low: float, high: float) -> Any:
    return Field(default=None, ge=low, le=high)


class Context(BaseModel):
    """Facts from history, or passed directly for stateless use. None (or absent) is unknown."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    resting_hr_baseline: float | None = _r(20, 220)
    resting_hr_delta: float | None = _r(-200, 200)
    hrv_ln_mean_7d: float | None = _r(-1, 7)
    hrv_ln_normal_low: float | None = _r(-1, 7)
    hrv_ln_normal_high: float | None = _r(-1, 7)
    short_sleep_nights_3d: Annotated[int, Field(ge=0, le=3)] | None = None
    soreness_days: Annotated[int, Field(ge=0, le=366)] | None = None
    days_since_rest: Annotated[int, Field(ge=0, le=10000)] | None = None
    acwr: float | None = _r(0, 100)
    monotony: float | None = _r(0, 100)
    strain: float | None = _r(0, 10_000_000)
    strain_vs_usual: float | None = _r(0, 1000)
    performance_trend: Trend | None = None
    symptom_free_days: Annotated[int, Field(ge=0, le=366)] | None = None
    carried_symptoms: tuple[Symptom, ...] | None = None
    planned: Planned | None = None


def _plain(value: Any) -> FactValue:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return tuple(v.value if isinstance(v, StrEnum) else str(v) for v in value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a fact must be a finite number")
    assert isinstance(value, bool | int | float | str)
    return value


@dataclass(frozen=True)
class Facts:
    """The facts of one day. `values` holds the known facts only: absent means unknown."""

    day: dt.date
    values: Mapping[str, FactValue] = field(default_factory=dict)
    lookup: dict[str, FactValue] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unknown = set(self.values) - set(CATALOG)
        if unknown:
            raise ValueError(f"not a fact: {', '.join(sorted(unknown))}")
        plain = dict(self.values)
        object.__setattr__(self, "lookup", plain)  # for the engine: a plain dict is fastest
        object.__setattr__(self, "values", MappingProxyType(plain))

    def known(self, name: str) -> bool:
        return name in self.values

    def get(self, name: str) -> FactValue | None:
        """The fact's value, or None when it is unknown."""
        return self.values.get(name)

    def missing(self) -> list[str]:
        return [name for name in CATALOG if name not in self.values]

    def as_json(self) -> dict[str, Any]:
        """Every fact by name; unknown facts are null; lists are lists."""
        return {name: _json(self.values.get(name)) for name in CATALOG}

    @classmethod
    def build(cls, day: dt.date, checkin: CheckIn | None = None,
              context: Context | None = None) -> Facts:
        """Facts from a check-in and a context. A check-in for another day is not used.

        When the context gives a resting-HR baseline but no delta, and the check-in gives
        today's resting HR, the delta is their difference.
        """
        values: dict[str, FactValue] = {}
        if checkin is not None and checkin.date == day:
            for name in CHECKIN_FACTS:
                raw = getattr(checkin, name)
                if raw is not None:
                    values[name] = _plain(raw)
        if context is not None:
            for name in CONTEXT_FACTS:
                raw = getattr(context, name)
                if raw is not None:
                    values[name] = _plain(raw)
        if ("resting_hr_delta" not in values and "resting_hr_baseline" in values
                and "resting_hr" in values):
            delta = float(values["resting_hr"]) - float(values["resting_hr_baseline"])  # type: ignore[arg-type]
            values["resting_hr_delta"] = round(delta, 1)
        return cls(day=day, values=values)


def _json(value: FactValue | None) -> Any:
    return list(value) if isinstance(value, tuple) else value
