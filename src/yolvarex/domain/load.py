"""Training-load series, vectorised over athletes.

Every function takes daily loads as an array of shape (athletes, days) in arbitrary units and
returns arrays of the same shape, so a coach's whole squad is computed in one pass.

- Session load is session RPE x minutes (Foster 2001); see `session_load`.
- Acute and chronic load are exponentially weighted moving averages with
  lambda = 2 / (N + 1), N = 7 and 28 (Williams et al. 2017); their ratio is the ACWR. Both
  start from the mean of the first 28 days. The ratio is reported only once 28 days of
  history exist, and never when chronic load is zero.
- Monotony is the mean of the last 7 daily loads divided by their standard deviation (Foster
  1998; sample SD), capped at `MONOTONY_CAP` when every day was the same; strain is the 7-day
  sum times monotony.
- Fitness and fatigue are exponential averages with time constants 42 and 7 days
  (lambda = 1 / N, as in the Banister model's usual form); form is fitness minus fatigue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
FITNESS_DAYS = 42
FATIGUE_DAYS = 7
MONOTONY_CAP = 10.0


def session_load(rpe: float, minutes: float) -> float:
    """Foster's session-RPE load: perceived effort (0-10) times duration in minutes."""
    return float(rpe) * float(minutes)


def trimp(minutes: float, avg_hr: float, rest_hr: float, max_hr: float, female: bool = False) -> float:
    """Banister's training impulse from average heart rate, using heart-rate reserve."""
    if max_hr <= rest_hr:
        raise ValueError("maximum heart rate must be above resting heart rate")
    reserve = min(max((avg_hr - rest_hr) / (max_hr - rest_hr), 0.0), 1.0)
    a, b = (0.86, 1.67) if female else (0.64, 1.92)
    return minutes * reserve * a * math.exp(b * reserve)


def _as_2d(loads: npt.ArrayLike) -> FloatArray:
    arr = np.asarray(loads, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr[np.newaxis, :]
    if arr.ndim != 2:
        raise ValueError("loads must have shape (athletes, days)")
    return np.nan_to_num(arr, nan=0.0)


def ewma(loads: npt.ArrayLike, lam: float, initial: npt.ArrayLike | None = None) -> FloatArray:
    """x_t = lam * load_t + (1 - lam) * x_{t-1} along the day axis, from `initial` (default 0)."""
    arr = _as_2d(loads)
    out = np.empty_like(arr)
    acc = np.zeros(arr.shape[0]) if initial is None else np.asarray(initial, dtype=np.float64).copy()
    keep = 1.0 - lam
    for day in range(arr.shape[1]):
        acc = lam * arr[:, day] + keep * acc
        out[:, day] = acc
    return out


def acute_chronic(loads: npt.ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Acute (7-day) and chronic (28-day) EWMA load and their ratio (NaN until 28 days).

    Both averages start from the mean daily load of the first 28 days, so that a steady
    athlete's ratio is 1 instead of being inflated by averages that start from zero.
    """
    arr = _as_2d(loads)
    start = arr[:, :CHRONIC_DAYS].mean(axis=1) if arr.shape[1] else np.zeros(arr.shape[0])
    acute = ewma(arr, 2.0 / (ACUTE_DAYS + 1), start)
    chronic = ewma(arr, 2.0 / (CHRONIC_DAYS + 1), start)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(chronic > 0, acute / np.where(chronic > 0, chronic, 1.0), np.nan)
    ratio[:, : CHRONIC_DAYS - 1] = np.nan
    return acute, chronic, ratio


def _rolling7(arr: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Rolling 7-day mean and sample SD, NaN for the first 6 days."""
    n = arr.shape[1]
    mean = np.full_like(arr, np.nan)
    sd = np.full_like(arr, np.nan)
    if n >= 7:
        windows = np.lib.stride_tricks.sliding_window_view(arr, 7, axis=1)
        mean[:, 6:] = windows.mean(axis=2)
        sd[:, 6:] = windows.std(axis=2, ddof=1)
    return mean, sd


def monotony_strain(loads: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Foster's monotony and strain over the last 7 days (NaN for the first 6 or a 7-day zero)."""
    arr = _as_2d(loads)
    mean, sd = _rolling7(arr)
    with np.errstate(divide="ignore", invalid="ignore"):
        monotony = np.where(sd > 1e-9, mean / np.where(sd > 1e-9, sd, 1.0), MONOTONY_CAP)
    monotony = np.minimum(monotony, MONOTONY_CAP)
    monotony = np.where(np.isnan(mean) | (mean <= 0), np.nan, monotony)
    strain = mean * 7 * monotony
    return monotony, strain


def fitness_fatigue(loads: npt.ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Fitness (42-day), fatigue (7-day) and form (fitness minus fatigue)."""
    arr = _as_2d(loads)
    fitness = ewma(arr, 1.0 / FITNESS_DAYS)
    fatigue = ewma(arr, 1.0 / FATIGUE_DAYS)
    return fitness, fatigue, fitness - fatigue


def days_since_rest(loads: npt.ArrayLike) -> FloatArray:
    """For each day, how many training days in a row came right before it (0: yesterday was rest)."""
    arr = _as_2d(loads)
    out = np.zeros_like(arr)
    run = np.zeros(arr.shape[0])
    for day in range(arr.shape[1]):
        out[:, day] = run
        run = np.where(arr[:, day] > 0, run + 1, 0.0)
    return out


@dataclass(frozen=True)
class LoadAnalysis:
    """Every load series of a squad at once; each array has shape (athletes, days).

    Values are as of the end of each day (that day's training included); `days_since_rest` is
    the number of training days in a row up to and including the day (0 on a rest day).
    """

    load: FloatArray
    acute: FloatArray
    chronic: FloatArray
    acwr: FloatArray
    monotony: FloatArray
    strain: FloatArray
    fitness: FloatArray
    fatigue: FloatArray
    form: FloatArray
    days_since_rest: FloatArray


def analyse(loads: npt.ArrayLike) -> LoadAnalysis:
    """ACWR, monotony and strain, fitness-fatigue-form and rest streaks for many athletes."""
    arr = _as_2d(loads)
    acute, chronic, ratio = acute_chronic(arr)
    monotony, strain = monotony_strain(arr)
    fitness, fatigue, form = fitness_fatigue(arr)
    streak = days_since_rest(np.concatenate([arr, np.zeros((arr.shape[0], 1))], axis=1))[:, 1:]
    return LoadAnalysis(load=arr, acute=acute, chronic=chronic, acwr=ratio, monotony=monotony,
                        strain=strain, fitness=fitness, fatigue=fatigue, form=form,
                        days_since_rest=streak)
