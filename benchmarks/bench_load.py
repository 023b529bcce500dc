"""Load analytics for 1,000 athletes x 5 years of daily loads, against a per-athlete pandas loop.

Ours: `domain.load.analyse` on the whole (athletes, days) array at once: EWMA acute and
chronic load and their ratio, monotony and strain, fitness, fatigue and form, rest streaks.
Baseline: the straightforward way, one athlete at a time with pandas (`ewm` seeded and warmed
up the same way, `rolling(7)` mean and SD, and a loop for the rest streak). Both give the same
numbers (checked).
Target: at least 10x faster than the baseline and under 1 s.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from common import median_seconds, report
from yolvarex.domain import load

ATHLETES, DAYS = 1000, 5 * 365 + 1


def squad_loads(seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rest = rng.random((ATHLETES, DAYS)) < 0.25
    loads = rng.gamma(4.0, 80.0, size=(ATHLETES, DAYS))
    return np.where(rest, 0.0, loads)


def pandas_one(values: np.ndarray) -> dict[str, np.ndarray]:
    """The same figures the straightforward way. Random squads never go 28 days without
    training, so each athlete has one stretch, from their first training day."""
    first = int(np.argmax(values > 0))
    s = pd.Series(values[first:])
    seed = s.iloc[:28].mean()
    seeded = pd.concat([pd.Series([seed]), s], ignore_index=True)

    def average(alpha: float) -> np.ndarray:
        out = np.full(len(values), np.nan)
        out[first:] = seeded.ewm(alpha=alpha, adjust=False).mean().iloc[1:].to_numpy()
        out[: first + 27] = np.nan  # warming up
        return out

    acute, chronic = average(2 / 8), average(2 / 29)
    fitness, fatigue = average(1 / 42), average(1 / 7)
    ratio = np.where(chronic > 0, acute / np.where(chronic > 0, chronic, 1), np.nan)
    full = pd.Series(values)
    mean = full.rolling(7).mean().to_numpy()
    sd = full.rolling(7).std().to_numpy()
    monotony = np.where(sd > 1e-9, mean / np.where(sd > 1e-9, sd, 1), np.nan)
    monotony = np.where(np.isnan(mean) | (mean <= 0), np.nan, monotony)
    monotony[: first + 6] = np.nan
    streak = np.zeros(len(values))
    run = 0.0
    for i, v in enumerate(values):
        run = run + 1 if v > 0 else 0.0
        streak[i] = run
    return {"acwr": ratio, "monotony": monotony, "strain": mean * 7 * monotony,
            "fitness": fitness, "fatigue": fatigue, "form": fitness - fatigue,
            "days_since_rest": streak}


def pandas_baseline(loads: np.ndarray) -> list[dict[str, np.ndarray]]:
    return [pandas_one(row) for row in loads]


def main() -> None:
    loads = squad_loads()
    ours = load.analyse(loads)
    for i in (0, 499, 999):  # same numbers as the baseline
        theirs = pandas_one(loads[i])
        for name, values in theirs.items():
            np.testing.assert_allclose(getattr(ours, name)[i], values, rtol=1e-7, atol=1e-9,
                                       equal_nan=True, err_msg=name)
    fast = median_seconds(lambda: load.analyse(loads), repeat=5)
    slow = median_seconds(lambda: pandas_baseline(loads), repeat=1, warmup=0)
    ratio = report(f"load analytics, {ATHLETES} athletes x {DAYS} days", fast,
                   "pandas, one athlete at a time", slow, target="10x faster and under 1 s")
    print(f"speed-up {1 / ratio:.1f}x, {fast:.3f} s")


if __name__ == "__main__":
    main()
