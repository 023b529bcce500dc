"""Facts: what the decision trees may test, known or unknown.

A fact is either known (it has a value) or *unknown* (it is absent); unknown is never zero.
Facts come from two places:

- the morning check-in (`CheckIn`): every field except `date` and `notes`; the list fields
  (`symptoms`, `red_flags`, `sore_areas`) are known (possibly empty) whenever a check-in exists;
- the context, derived from history (`history_context`) or passed directly for stateless use
  (`Context`): baselines, sleep and soreness streaks, load, performance trend, today's plan.

`CATALOG` names every fact with its type and allowed values; the tree validator uses it to
reject unknown facts and wrong value types.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Any

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from yolvarex.domain import baselines
from yolvarex.domain.checkin import CheckIn, NextMorning, PainKind, PainTrend, RedFlag, Symptom

FloatArray = npt.NDArray[np.float64]
FactValue = bool | int | float | str | tuple[str, ...]

# A short night (last night, or two of the last three); counting them is a fact, judging them is
# the readiness tree's, which uses the same number (tests/domain/test_readiness_rule.py).
SHORT_SLEEP_HOURS = 6.0
SORE_LEVEL = 5
FEVER_C = 38.0
SYMPTOM_WINDOW_DAYS = 30
HISTORY_DAYS = 67  # 60 days for the HRV normal range, plus a week


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


# --- history -> context -------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    """Daily check-in series ending on `end` (the last element is that day), NaN when unknown.

    `ill` is 1.0 on a day with illness symptoms (anything but fatigue alone) or a temperature
    of 38.0 C or more, 0.0 on a day checked in without them, NaN without a check-in.
    `carried` is the illness of the last check-in before `end` when `end` itself has none
    (see `carried_symptoms`).
    """

    end: dt.date
    resting_hr: FloatArray
    hrv_rmssd: FloatArray
    sleep_hours: FloatArray
    soreness: FloatArray
    ill: FloatArray
    carried: tuple[Symptom, ...] | None = None

    @classmethod
    def from_checkins(cls, checkins: Iterable[CheckIn], end: dt.date,
                      days: int = HISTORY_DAYS) -> History:
        start = end - dt.timedelta(days=days - 1)
        series = {k: np.full(days, np.nan) for k in
                  ("resting_hr", "hrv_rmssd", "sleep_hours", "soreness", "ill")}
        kept = []
        for c in checkins:
            if not start <= c.date <= end:
                continue
            kept.append(c)
            i = (c.date - start).days
            for key in ("resting_hr", "hrv_rmssd", "sleep_hours", "soreness"):
                value = getattr(c, key)
                if value is not None:
                    series[key][i] = float(value)
            series["ill"][i] = 1.0 if is_ill(c) else 0.0
        return cls(end=end, carried=carried_symptoms(kept, end), **series)


def is_ill(checkin: CheckIn) -> bool:
    """Illness symptoms other than tiredness alone, or a temperature of 38.0 C or more."""
    return bool(illness_signs(checkin))


def illness_signs(checkin: CheckIn) -> tuple[Symptom, ...]:
    """The check-in's illness symptoms (tiredness alone is not one), with `fever` added when
    the temperature was 38.0 C or more."""
    signs = [s for s in checkin.symptoms if s.value in ILLNESS_SYMPTOMS]
    fever = checkin.temperature_c is not None and checkin.temperature_c >= FEVER_C
    if fever and Symptom.FEVER not in signs:
        signs.append(Symptom.FEVER)
    return tuple(sorted(set(signs), key=list(Symptom).index))


def carried_symptoms(checkins: Iterable[CheckIn], day: dt.date) -> tuple[Symptom, ...] | None:
    """The illness the last check-in reported, carried to `day` until a check-in says it has
    gone: unknown (None) when `day` has its own check-in (its answers count) or no check-in of
    the last 30 days exists; else the last check-in's illness signs (empty when it was clean).
    """
    before = [c for c in checkins
              if day - dt.timedelta(days=SYMPTOM_WINDOW_DAYS) <= c.date <= day]
    if not before or any(c.date == day for c in before):
        return None
    return illness_signs(max(before, key=lambda c: c.date))


def _last(arr: FloatArray) -> float | None:
    value = float(arr[0, -1]) if arr.ndim == 2 else float(arr[-1])
    return value if math.isfinite(value) else None


def resting_hr_facts(resting_hr: FloatArray) -> tuple[float | None, float | None]:
    """Today's baseline (30-day mean when it has 10 values, else the 7-day mean) and delta."""
    short, long = baselines.resting_hr_baselines(resting_hr)
    baseline = _last(long)
    if baseline is None:
        baseline = _last(short)
    today = _last(resting_hr)
    if baseline is None:
        return None, None
    delta = None if today is None else round(today - baseline, 1)
    return round(baseline, 1), delta


def hrv_facts(rmssd: FloatArray) -> tuple[float | None, float | None, float | None]:
    week, low, high = baselines.hrv_normal_range(rmssd)
    return tuple(None if v is None else round(v, 4)  # type: ignore[return-value]
                 for v in (_last(week), _last(low), _last(high)))


def short_sleep_nights(sleep_hours: FloatArray) -> int | None:
    """Nights under 6 h among the last three; known when at least two of them are recorded."""
    last = sleep_hours[-3:]
    recorded = last[np.isfinite(last)]
    if len(recorded) < 2:
        return None
    return int((recorded < SHORT_SLEEP_HOURS).sum())


def soreness_streak(soreness: FloatArray) -> int | None:
    """Days in a row, ending today, with soreness 5 or more; known when today's is."""
    if len(soreness) == 0 or not math.isfinite(soreness[-1]):
        return None
    days = 0
    for value in soreness[::-1]:
        if not (math.isfinite(value) and value >= SORE_LEVEL):
            break
        days += 1
    return days


def symptom_free(ill: FloatArray) -> int | None:
    """Days since the last day with illness symptoms (0: ill today), at most 30.

    Illness carries forward: a day without a check-in keeps the state of the last check-in
    before it, so a missed day after an ill one never counts as symptom-free. Unknown (None)
    when no check-in at all says how the runner was (today's included).
    """
    if len(ill) == 0:
        return None
    known = np.flatnonzero(np.isfinite(ill))
    if len(known) == 0:
        return None
    filled = ill[known[np.maximum(np.searchsorted(known, np.arange(len(ill)), side="right") - 1,
                                  0)]]
    filled[: known[0]] = 0.0  # before the first check-in: nothing says the runner was ill
    window = filled[-(SYMPTOM_WINDOW_DAYS + 1):][::-1]
    hits = np.flatnonzero(window == 1.0)
    return int(hits[0]) if len(hits) else SYMPTOM_WINDOW_DAYS


def history_context(history: History, *, acwr: float | None = None,
                    monotony: float | None = None, strain: float | None = None,
                    strain_vs_usual: float | None = None, days_since_rest: int | None = None,
                    performance_trend: Trend | str | None = None,
                    planned: Planned | str | None = None) -> Context:
    """The context facts of `history.end` from the check-in series and the load figures."""
    baseline, delta = resting_hr_facts(history.resting_hr)
    week, low, high = hrv_facts(history.hrv_rmssd)
    return Context(
        resting_hr_baseline=baseline, resting_hr_delta=delta,
        hrv_ln_mean_7d=week, hrv_ln_normal_low=low, hrv_ln_normal_high=high,
        short_sleep_nights_3d=short_sleep_nights(history.sleep_hours),
        soreness_days=soreness_streak(history.soreness),
        days_since_rest=days_since_rest, acwr=acwr, monotony=monotony, strain=strain,
        strain_vs_usual=strain_vs_usual,
        performance_trend=Trend(performance_trend) if performance_trend else None,
        symptom_free_days=symptom_free(history.ill),
        carried_symptoms=history.carried,
        planned=Planned(planned) if planned else None)


def planned_from_run_types(run_types: Sequence[str | None]) -> Planned | None:
    """Today's session from the types of runs logged today: the first that is a plan kind."""
    kinds = {p.value for p in Planned}
    for kind in run_types:
        if kind and kind in kinds:
            return Planned(kind)
    return None
