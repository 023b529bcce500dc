"""The context facts from a runner's history: the daily check-in series (`History`, numpy
arrays, NaN when unknown) reduced to baselines, streaks and the days since an illness, with the
load figures and today's plan (`history_context`). Only a stored athlete's day needs this; a
check-in and a context passed in (`Facts.build`) do not.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from yolvarex.domain import baselines
from yolvarex.domain.checkin import CheckIn, Symptom
from yolvarex.domain.facts import ILLNESS_SYMPTOMS, Context, Planned, Trend

FloatArray = npt.NDArray[np.float64]

# A short night (last night, or two of the last three); counting them is a fact, judging them is
# the readiness tree's, which uses the same number (tests/domain/test_readiness_rule.py).
SHORT_SLEEP_HOURS = 6.0
SORE_LEVEL = 5
FEVER_C = 38.0
SYMPTOM_WINDOW_DAYS = 30
HISTORY_DAYS = 67  # 60 days for the HRV normal range, plus a week


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
