"""Training-load series, vectorised over athletes.

Every function takes daily loads as an array of shape (athletes, days) in arbitrary units and
returns arrays of the same shape, so a coach's whole squad is computed in one pass.

- Session load is session RPE x minutes (Foster 2001); see `session_load`.
- **Continuous stretches.** The figures describe continuous recent training. A stretch starts
  on a training day with no training in the `GAP_DAYS` (28) days before it (or with none at
  all before it); a gap of 28 days without logged training ends it. After that long without
  training the chronic average would hold about 13 % of what it held ((27/29)^28), so the
  ratio would only measure the restart, and the log cannot tell a break from days not
  logged. A restart therefore starts every average again instead of reading as a spike, and
  old history (files from years ago) cannot change today's figures.
- **Warming up.** Every average of a stretch starts from the mean daily load of its first 28
  days and is shown from its 28th day on (`WARM_UP_DAYS`); before that it is unknown (NaN).
  The value on day 28 uses only those 28 days, so nothing shown looks ahead, and a day's
  value depends only on its own stretch, never on how much of the log is displayed.
- Acute and chronic load are exponentially weighted moving averages with
  lambda = 2 / (N + 1), N = 7 and 28 (Williams et al. 2017); their ratio is the ACWR,
  unknown when chronic load is zero.
- Monotony is the mean of the last 7 daily loads divided by their sample standard deviation
  and strain is the 7-day sum times monotony (Foster 1998). Both are known once the 7 days lie
  inside one stretch and hold some load. Seven identical days have no variation: the ratio is
  undefined, so monotony and strain are unknown (NaN), not a capped number that a rule would
  read as a very high value.
- Fitness and fatigue are exponential averages with time constants 42 and 7 days
  (lambda = 1 / N, the Banister model's usual form), seeded and warmed up like the ratio;
  form is fitness minus fatigue. A steady athlete reads form 0, not a large negative number.
- Days since rest count training days in a row; a day is a training day when anything was
  logged on it (`trained`), whatever its load, so a logged session is never a rest day.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
FITNESS_DAYS = 42
FATIGUE_DAYS = 7
#: Days without logged training that end a continuous stretch.
GAP_DAYS = 28
#: Days of a stretch before its averages (and so ACWR, fitness, fatigue, form) are known.
WARM_UP_DAYS = CHRONIC_DAYS
MONOTONY_DAYS = 7
#: The days of a runner's own strain that set their usual, for `strain_vs_usual`.
USUAL_STRAIN_DAYS = 28
USUAL_STRAIN_MIN_DAYS = 14


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


def ewma(loads: npt.ArrayLike, lam: float, initial: npt.ArrayLike | None = None) -> FloatArray:
    """x_t = lam * load_t + (1 - lam) * x_{t-1} along the day axis, from `initial` (default 0)."""
    arr = np.nan_to_num(np.atleast_2d(np.asarray(loads, dtype=np.float64)), nan=0.0)
    out = np.empty_like(arr)
    carry = np.zeros(arr.shape[0]) if initial is None else np.asarray(initial, dtype=np.float64)
    for day in range(arr.shape[1]):
        carry = lam * arr[:, day] + (1.0 - lam) * carry
        out[:, day] = carry
    return out


def stretch_start(training_days: list[int], day: int) -> int | None:
    """The first day of the continuous stretch that `day` belongs to, or None when there is
    none (nothing logged yet, or `GAP_DAYS` or more since the last training day).

    Days are any increasing day numbers (ordinals); `training_days` is sorted ascending."""
    before = [d for d in training_days if d <= day]
    if not before or day - before[-1] >= GAP_DAYS:
        return None
    start = before[-1]
    for earlier in reversed(before[:-1]):
        if start - earlier > GAP_DAYS:
            break
        start = earlier
    return start


@dataclass(frozen=True)
class LoadAnalysis:
    """Every load series of a squad at once; each array has shape (athletes, days).

    Values are as of the end of each day (that day's training included); NaN is unknown (see
    the module text). `days_since_rest` is the number of training days in a row up to and
    including the day (0 on a rest day); `stretch_day` is the day's place in its continuous
    stretch (1 on the stretch's first day, 0 outside a stretch).
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
    stretch_day: FloatArray


POST_BLOCK = 96


def _stretches(trained: BoolArray) -> tuple[BoolArray, npt.NDArray[np.int32]]:
    """For a day-major (days, athletes) array of training days: where stretches restart, and
    each day's place in its stretch (1 on its first day, 0 outside a stretch, that is before
    the first training day or once `GAP_DAYS` days have passed without training)."""
    days = trained.shape[0]
    never = np.int32(-(GAP_DAYS + 1) - days)
    index = np.arange(days, dtype=np.int32)[:, np.newaxis]
    last = np.where(trained, index, never)
    np.maximum.accumulate(last, axis=0, out=last)  # last training day up to and including each day
    restart = trained.copy()
    restart[1:] &= index[1:] - last[:-1] > GAP_DAYS
    began = np.where(restart, index, never)
    np.maximum.accumulate(began, axis=0, out=began)
    place = index - began
    place += 1
    place[(began < 0) | (index - last >= GAP_DAYS)] = 0
    return restart, place


def analyse(loads: npt.ArrayLike, trained: npt.ArrayLike | None = None) -> LoadAnalysis:
    """ACWR, monotony and strain, fitness-fatigue-form and rest streaks for many athletes.

    `trained` marks the days with anything logged (default: a load above zero). One pass over
    the days: each step updates every athlete's four averages, 7-day sums and rest streak with
    a handful of vector operations, and each block of days is finished while it is still in
    the cache. A coach's squad over years takes a fraction of a second.
    """
    raw = np.asarray(loads, dtype=np.float64)
    if raw.ndim == 1:
        raw = raw[np.newaxis, :]
    if raw.ndim != 2:
        raise ValueError("loads must have shape (athletes, days)")
    x = np.ascontiguousarray(raw.T)  # (days, athletes), a copy
    np.nan_to_num(x, copy=False, nan=0.0)
    days, athletes = x.shape
    if trained is None:
        active = x > 0.0
    else:
        mask = np.asarray(trained, dtype=bool)
        active = np.ascontiguousarray((mask[np.newaxis, :] if mask.ndim == 1 else mask).T) | (x > 0.0)
    restart, place = _stretches(active)
    restart_days: list[bool] = np.any(restart, axis=1).astype(bool).tolist()
    rates = np.array([2.0 / (ACUTE_DAYS + 1), 2.0 / (CHRONIC_DAYS + 1), 1.0 / FITNESS_DAYS,
                      1.0 / FATIGUE_DAYS])[:, np.newaxis]
    keep = 1.0 - rates
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
    last_avg = np.zeros((4, athletes))
    last_streak = np.zeros(athletes)
    step = np.empty((4, athletes))
    for lo in range(0, days, POST_BLOCK):
        hi = min(lo + POST_BLOCK, days)
        for day in range(lo, hi):
            if restart_days[day]:  # a new stretch: every average starts again from its seed
                last_avg = last_avg.copy()
                fresh: BoolArray = restart[day]
                last_avg[:, fresh] = x[day:day + WARM_UP_DAYS, fresh].mean(axis=0)
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
            if day >= MONOTONY_DAYS:
                cur -= ring[(day + 1) % 8]
            last_sums = cur
            out = streak[day]
            np.add(last_streak, 1.0, out=out)
            out *= active[day]
            last_streak = out
        _post(avg[lo:hi], sums[: hi - lo], centre, ratio[lo:hi], monotony[lo:hi], strain[lo:hi],
              form[lo:hi])
        last_sums = last_sums.copy()  # the block buffer is reused
    cold = place < WARM_UP_DAYS
    np.copyto(avg, np.nan, where=cold[:, np.newaxis, :])
    np.copyto(ratio, np.nan, where=cold)
    np.copyto(form, np.nan, where=cold)
    short = place < MONOTONY_DAYS
    np.copyto(monotony, np.nan, where=short)
    np.copyto(strain, np.nan, where=short)
    return LoadAnalysis(load=x.T, acute=avg[:, 0].T, chronic=avg[:, 1].T, acwr=ratio.T,
                        monotony=monotony.T, strain=strain.T, fitness=avg[:, 2].T,
                        fatigue=avg[:, 3].T, form=form.T, days_since_rest=streak.T,
                        stretch_day=place.T.astype(np.float64))


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
    monotony[flat | ~(mean > 1e-9)] = np.nan  # no variation, or no load: undefined
    np.multiply(mean, monotony, out=strain)
    strain *= 7
    np.subtract(fitness, fatigue, out=form)


def strain_vs_usual(strain: npt.ArrayLike) -> FloatArray:
    """Each athlete's latest 7-day strain against their own usual: the mean strain of the 28
    days before that week, when at least 14 of them are known. Foster (1998) found the strain
    that went with illness differed from athlete to athlete, so a rule reads it against the
    runner's own history rather than one number for everyone. Shape (athletes,); NaN unknown.
    """
    values = np.atleast_2d(np.asarray(strain, dtype=np.float64))
    last = values[:, -1]
    before = values[:, -(USUAL_STRAIN_DAYS + MONOTONY_DAYS):-MONOTONY_DAYS]
    known = np.isfinite(before)
    counts = known.sum(axis=1)
    totals = np.where(known, before, 0.0).sum(axis=1)
    usual = np.where(counts >= USUAL_STRAIN_MIN_DAYS, totals / np.maximum(counts, 1), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio: FloatArray = np.where((usual > 0) & np.isfinite(last), last / usual, np.nan)
    return ratio
