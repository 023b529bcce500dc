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


def _ewma_days(by_day: FloatArray, lam: FloatArray | float,
               initial: FloatArray | None = None) -> FloatArray:
    """EWMA along axis 0 of a day-major (days, ...) array; `lam` may hold one rate per series
    of the second axis, so several averages run in the same pass over the days."""
    rate = np.asarray(lam, dtype=np.float64)
    if rate.ndim:
        rate = rate.reshape((-1,) + (1,) * (by_day.ndim - 2))
    keep = 1.0 - rate
    scaled = by_day * rate
    out = np.empty_like(scaled)
    carry = np.zeros(by_day.shape[1:]) if initial is None else np.asarray(initial, dtype=np.float64)
    if len(out):
        np.multiply(carry, keep, out=out[0])
        out[0] += scaled[0]
    for day in range(1, len(out)):
        np.multiply(out[day - 1], keep, out=out[day])
        out[day] += scaled[day]
    return out


def ewma(loads: npt.ArrayLike, lam: float, initial: npt.ArrayLike | None = None) -> FloatArray:
    """x_t = lam * load_t + (1 - lam) * x_{t-1} along the day axis, from `initial` (default 0).

    Computed day by day, all athletes at once (the day's row of every athlete in one step).
    """
    arr = _as_2d(loads)
    start = None if initial is None else np.asarray(initial, dtype=np.float64)
    return _ewma_days(np.ascontiguousarray(arr.T), lam, start).T


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


def _rolling7_days(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Rolling 7-day mean and sample SD along axis 0 of a day-major array (NaN for the first 6
    days), from cumulative sums of the loads less each athlete's mean, which keeps them exact."""
    n = x.shape[0]
    mean = np.full_like(x, np.nan)
    sd = np.full_like(x, np.nan)
    if n >= 7:
        centre = x.mean(axis=0)
        d = x - centre
        c1 = np.cumsum(d, axis=0)
        c2 = np.cumsum(d * d, axis=0)
        s1 = c1[6:].copy()
        s1[1:] -= c1[:-7]
        s2 = c2[6:].copy()
        s2[1:] -= c2[:-7]
        mean[6:] = s1 / 7 + centre
        var = (s2 - s1 * s1 / 7) / 6
        # identical days give a variance of zero, not rounding noise
        noise = 1e-10 * (1.0 + s2 / 7 + mean[6:] ** 2)
        sd[6:] = np.where(var > noise, np.sqrt(np.maximum(var, 0.0)), 0.0)
    return mean, sd


def _rolling7(arr: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Rolling 7-day mean and sample SD along the day axis of (athletes, days)."""
    mean, sd = _rolling7_days(np.ascontiguousarray(arr.T))
    return mean.T, sd.T


def monotony_strain(loads: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Foster's monotony and strain over the last 7 days (NaN for the first 6 or a 7-day zero)."""
    arr = _as_2d(loads)
    mean, sd = _rolling7(arr)
    with np.errstate(divide="ignore", invalid="ignore"):
        monotony = np.where(sd > 1e-9, mean / np.where(sd > 1e-9, sd, 1.0), MONOTONY_CAP)
    monotony = np.minimum(monotony, MONOTONY_CAP)
    monotony = np.where(np.isnan(mean) | (mean <= 1e-9), np.nan, monotony)
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
    days = arr.shape[1]
    out = np.zeros_like(arr)
    if days < 2:
        return out
    index = np.arange(days, dtype=np.float64)
    last_rest = np.where(arr > 0, -1.0, index[np.newaxis, :])
    np.maximum.accumulate(last_rest, axis=1, out=last_rest)
    out[:, 1:] = (index[np.newaxis, :] - last_rest)[:, :-1]
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


POST_BLOCK = 96


def analyse(loads: npt.ArrayLike) -> LoadAnalysis:
    """ACWR, monotony and strain, fitness-fatigue-form and rest streaks for many athletes.

    Same definitions as the functions above, fused into one pass over the days: each step
    updates every athlete's four averages, 7-day sums and rest streak with a handful of
    vector operations, and each block of days is finished while it is still in the cache.
    A coach's squad over years takes a fraction of a second.
    """
    raw = np.asarray(loads, dtype=np.float64)
    if raw.ndim == 1:
        raw = raw[np.newaxis, :]
    if raw.ndim != 2:
        raise ValueError("loads must have shape (athletes, days)")
    x = np.ascontiguousarray(raw.T)  # (days, athletes), a copy
    np.nan_to_num(x, copy=False, nan=0.0)
    days, athletes = x.shape
    rates = np.array([2.0 / (ACUTE_DAYS + 1), 2.0 / (CHRONIC_DAYS + 1), 1.0 / FITNESS_DAYS,
                      1.0 / FATIGUE_DAYS])[:, np.newaxis]
    keep = 1.0 - rates
    seed = x[:CHRONIC_DAYS].mean(axis=0) if days else np.zeros(athletes)
    centre = x.mean(axis=0) if days else np.zeros(athletes)
    avg = np.empty((days, 4, athletes))
    streak = np.empty((days, athletes))
    ratio = np.full((days, athletes), np.nan)
    monotony = np.empty((days, athletes))
    strain = np.empty((days, athletes))
    form = np.empty((days, athletes))
    # 7-day sums of deviations from the athlete's mean (and of their squares) stay small and
    # exact; the last 8 days' deviations are kept in a ring to drop the day leaving the window
    ring = np.zeros((8, 2, athletes))
    sums = np.empty((POST_BLOCK, 2, athletes))
    last_sums = np.zeros((2, athletes))
    last_avg = np.stack([seed, seed, np.zeros(athletes), np.zeros(athletes)])
    last_streak = np.zeros(athletes)
    step = np.empty((4, athletes))
    trained = np.empty(athletes, dtype=bool)
    for lo in range(0, days, POST_BLOCK):
        hi = min(lo + POST_BLOCK, days)
        for day in range(lo, hi):
            row = avg[day]
            np.multiply(last_avg, keep, out=row)
            np.multiply(rates, x[day], out=step)
            row += step
            last_avg = row
            new = ring[day % 8]
            np.subtract(x[day], centre, out=new[0])
            np.multiply(new[0], new[0], out=new[1])
            cur = sums[day - lo]
            np.add(last_sums, new, out=cur)
            if day >= 7:
                cur -= ring[(day + 1) % 8]
            last_sums = cur
            out = streak[day]
            np.add(last_streak, 1.0, out=out)
            np.greater(x[day], 0.0, out=trained)
            out *= trained
            last_streak = out
        _post(avg[lo:hi], sums[: hi - lo], centre, ratio[lo:hi], monotony[lo:hi], strain[lo:hi],
              form[lo:hi])
        last_sums = last_sums.copy()  # the block buffer is reused
    ratio[: CHRONIC_DAYS - 1] = np.nan
    monotony[:6] = np.nan
    strain[:6] = np.nan
    return LoadAnalysis(load=x.T, acute=avg[:, 0].T, chronic=avg[:, 1].T, acwr=ratio.T,
                        monotony=monotony.T, strain=strain.T, fitness=avg[:, 2].T,
                        fatigue=avg[:, 3].T, form=form.T, days_since_rest=streak.T)


def _post(avg: FloatArray, sums: FloatArray, centre: FloatArray, ratio: FloatArray,
          monotony: FloatArray, strain: FloatArray, form: FloatArray) -> None:
    """Ratio, monotony, strain and form for a block of days, written in place."""
    acute, chronic, fitness, fatigue = avg[:, 0], avg[:, 1], avg[:, 2], avg[:, 3]
    np.divide(acute, chronic, out=ratio, where=chronic > 0)
    s1, s2 = sums[:, 0], sums[:, 1]
    mean = s1 / 7.0
    mean += centre
    # sample variance of the 7 days; identical days give zero, not rounding noise
    var = s2 - s1 * s1 / 7
    var /= 6
    noise = mean * mean
    noise += s2 / 7
    noise += 1.0
    noise *= 1e-9
    flat = var <= noise
    np.sqrt(np.abs(var), out=var)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(mean, var, out=monotony)
    monotony[flat] = MONOTONY_CAP
    np.minimum(monotony, MONOTONY_CAP, out=monotony)
    monotony[~(mean > 1e-9)] = np.nan
    np.multiply(mean, monotony, out=strain)
    strain *= 7
    np.subtract(fitness, fatigue, out=form)
