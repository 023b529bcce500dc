"""Random runner profiles for the plan's property tests and the benchmark."""

from __future__ import annotations

import datetime as dt
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
        "placement": draw(st.sampled_from(["easy_days", "easy_days", "hard_days"])),
    }
    if draw(st.booleans()):
        offset = draw(st.integers(0, 7 * weeks - 1))
        data["race"] = {"date": (start + dt.timedelta(days=offset)).isoformat(),
                        "distance": draw(st.sampled_from(DISTANCES))}
    return data
