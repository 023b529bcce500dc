"""Random runner profiles for the plan's property tests and the benchmark."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hypothesis import strategies as st

KINDS = ["rest", "easy", "recovery", "speed", "tempo", "long", "race"]
KIND_WEIGHTS = [3, 5, 2, 2, 2, 2, 1]
EQUIPMENT = ["bodyweight", "bands", "dumbbells", "kettlebell"]
AREAS = ["knee", "hip", "it_band", "shin", "achilles_calf", "plantar_fascia", "low_back"]
DISTANCES = ["5k", "10k", "half_marathon", "marathon", "ultra", "other"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

kind = st.sampled_from([k for k, w in zip(KINDS, KIND_WEIGHTS, strict=True) for _ in range(w)])


@st.composite
def profiles(draw: st.DrawFn, max_weeks: int = 24) -> dict[str, Any]:
    start = draw(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)))
    weeks = draw(st.integers(1, max_weeks))
    data: dict[str, Any] = {
        "start": start.isoformat(),
        "weeks": weeks,
        "experience": draw(st.sampled_from(["new", "some", "experienced"])),
        "equipment": draw(st.lists(st.sampled_from(EQUIPMENT), unique=True, max_size=4)),
        "sessions_per_week": draw(st.sampled_from([2, 3])),
        "minutes_per_session": draw(st.integers(20, 45)),
        "run_week": {d: draw(kind) for d in DAYS},
        "injury_history": draw(st.lists(st.sampled_from(AREAS), unique=True, max_size=3)),
        "placement": draw(st.sampled_from(["easy_days", "easy_days", "hard_days", "easy_days_only"])),
    }
    if draw(st.booleans()):
        offset = draw(st.integers(0, 7 * weeks - 1))
        data["race"] = {"date": (start + dt.timedelta(days=offset)).isoformat(),
                        "distance": draw(st.sampled_from(DISTANCES))}
    return data


#: The seed's sample week and the most common week of the issue (easy, speed, easy, tempo,
#: rest, long, easy).
SEED_WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "recovery", "fri": "rest",
             "sat": "long", "sun": "rest"}
COMMON_WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "tempo", "fri": "rest",
               "sat": "long", "sun": "easy"}


def realistic_week(rng: random.Random) -> dict[str, str]:
    """A running week a real runner keeps: 3-6 runs, one long run most weeks, up to two quality
    sessions (speed or tempo), and no two hard days (quality or long) back to back."""
    if rng.random() < 0.25:
        return dict(rng.choice([SEED_WEEK, COMMON_WEEK]))
    while True:
        week = ["rest"] * 7
        runs = rng.randint(3, 6)
        days = sorted(rng.sample(range(7), runs))
        for d in days:
            week[d] = rng.choice(["easy", "easy", "easy", "recovery"])
        hard: list[int] = []
        if rng.random() < 0.9:
            long_day = rng.choice([d for d in days if d in (5, 6)] or days)
            week[long_day] = "long"
            hard.append(long_day)
        for _ in range(rng.randint(0, 2)):
            free = [d for d in days if d not in hard
                    and all(min((d - h) % 7, (h - d) % 7) > 1 for h in hard)]
            if not free:
                break
            d = rng.choice(free)
            week[d] = rng.choice(["speed", "tempo"])
            hard.append(d)
        return dict(zip(DAYS, week, strict=True))


def realistic_profile(rng: random.Random) -> dict[str, Any]:
    """A realistic runner: a real week, 2 or 3 sessions, and a goal race in half of them that
    falls at least three weeks into the plan."""
    start = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 700))
    weeks = rng.randint(6, 20)
    data: dict[str, Any] = {
        "start": start.isoformat(), "weeks": weeks,
        "experience": rng.choice(["new", "some", "experienced"]),
        "equipment": rng.sample(EQUIPMENT, rng.randint(0, 4)),
        "sessions_per_week": rng.choice([2, 3]),
        "minutes_per_session": rng.randint(20, 45),
        "run_week": realistic_week(rng),
        "injury_history": rng.sample(AREAS, rng.randint(0, 2)),
        "placement": rng.choice(["easy_days", "easy_days", "easy_days", "hard_days"]),
    }
    if rng.random() < 0.5:
        offset = rng.randrange(21, 7 * weeks)
        data["race"] = {"date": (start + dt.timedelta(days=offset)).isoformat(),
                        "distance": rng.choice(DISTANCES)}
    return data


realistic_profiles = st.randoms(use_true_random=False).map(realistic_profile)
