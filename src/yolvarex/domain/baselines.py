"""Personal baselines from daily morning measurements, vectorised over athletes.

Inputs are arrays of shape (athletes, days) (or one athlete's days) with NaN where nothing was
measured. Every output has the same shape; a value is NaN while too few measurements exist.

- Resting heart rate baseline: the mean of the previous 7 and 30 days (today excluded, at
  least 3 and 10 measurements).
- HRV: the 7-day mean of ln(rMSSD) (today included, at least 3 measurements) against a normal
  range of the previous 60 days' mean of ln(rMSSD) +/- 0.5 standard deviations (today
  excluded, at least 14 measurements): the smallest-worthwhile-change idea used by
  HRV4Training, after Kiviniemi 2007, Plews 2012 and Vesterinen 2016.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

RHR_SHORT_DAYS, RHR_SHORT_MIN = 7, 3
RHR_LONG_DAYS, RHR_LONG_MIN = 30, 10
HRV_WEEK_DAYS, HRV_WEEK_MIN = 7, 3
HRV_NORMAL_DAYS, HRV_NORMAL_MIN = 60, 14
HRV_BAND_SD = 0.5


def _as_2d(values: npt.ArrayLike) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    return arr[np.newaxis, :] if arr.ndim == 1 else arr


def _window_sums(arr: FloatArray, window: int, include_today: bool) -> tuple[FloatArray, ...]:
    """Count, sum and sum of squares of the known values in each trailing window."""
    known = np.isfinite(arr)
    x = np.where(known, arr, 0.0)
    pad = np.zeros((arr.shape[0], 1))
    csum = np.concatenate([pad, np.cumsum(x, axis=1)], axis=1)
    csq = np.concatenate([pad, np.cumsum(x * x, axis=1)], axis=1)
    ccount = np.concatenate([pad, np.cumsum(known, axis=1)], axis=1)
    days = np.arange(arr.shape[1])
    end = days + 1 if include_today else days
    start = np.maximum(end - window, 0)
    return (ccount[:, end] - ccount[:, start], csum[:, end] - csum[:, start],
            csq[:, end] - csq[:, start])


def rolling_mean(values: npt.ArrayLike, window: int, min_count: int,
                 include_today: bool = False) -> FloatArray:
    arr = _as_2d(values)
    count, total, _ = _window_sums(arr, window, include_today)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count >= min_count, total / np.maximum(count, 1), np.nan)


def rolling_mean_sd(values: npt.ArrayLike, window: int, min_count: int,
                    include_today: bool = False) -> tuple[FloatArray, FloatArray]:
    """Mean and sample standard deviation of the known values in each trailing window."""
    arr = _as_2d(values)
    count, total, squares = _window_sums(arr, window, include_today)
    ok = count >= max(min_count, 2)
    n = np.maximum(count, 2)
    mean = total / np.maximum(count, 1)
    var = np.maximum((squares - count * mean * mean) / (n - 1), 0.0)
    return np.where(ok, mean, np.nan), np.where(ok, np.sqrt(var), np.nan)


def resting_hr_baselines(resting_hr: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """7-day and 30-day resting heart-rate baselines for each day (today excluded)."""
    return (rolling_mean(resting_hr, RHR_SHORT_DAYS, RHR_SHORT_MIN),
            rolling_mean(resting_hr, RHR_LONG_DAYS, RHR_LONG_MIN))


def hrv_normal_range(rmssd: npt.ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    """ln(rMSSD) 7-day mean and the low and high edges of the 60-day normal range."""
    arr = _as_2d(rmssd)
    with np.errstate(divide="ignore", invalid="ignore"):
        ln = np.where(arr > 0, np.log(np.where(arr > 0, arr, 1.0)), np.nan)
    week = rolling_mean(ln, HRV_WEEK_DAYS, HRV_WEEK_MIN, include_today=True)
    mean, sd = rolling_mean_sd(ln, HRV_NORMAL_DAYS, HRV_NORMAL_MIN)
    return week, mean - HRV_BAND_SD * sd, mean + HRV_BAND_SD * sd
