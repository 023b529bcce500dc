"""Plan generation: a 16-week plan, and throughput over 1,000 random profiles.

Baselines measured in the same run: validating the profile alone, and laying out the calendar
without building sessions (periodisation and day placement only). The gap to them is what
building the sessions from the library costs.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from typing import Any

from common import median_seconds, report
from yolvarex.content import load_library
from yolvarex.domain.plan import Profile, generate_plan
from yolvarex.domain.plan.periodisation import periodise, week_foci
from yolvarex.domain.plan.placement import Placer
from yolvarex.domain.plan.rules import DayRules

PROFILES = 1000
KINDS = ["rest", "easy", "recovery", "speed", "tempo", "long", "race"]
KIND_WEIGHTS = [3, 5, 2, 2, 2, 2, 1]
EQUIPMENT = ["bodyweight", "bands", "dumbbells", "kettlebell"]
AREAS = ["knee", "hip", "it_band", "shin", "achilles_calf", "plantar_fascia", "low_back"]
DISTANCES = ["5k", "10k", "half_marathon", "marathon", "ultra", "other"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def random_profile(rng: random.Random, weeks: int | None = None) -> dict[str, Any]:
    """A random runner profile like the property tests draw (see tests/domain)."""
    start = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 700))
    weeks = weeks or rng.randint(4, 24)
    data: dict[str, Any] = {
        "start": start.isoformat(), "weeks": weeks,
        "experience": rng.choice(["new", "some", "experienced"]),
        "equipment": rng.sample(EQUIPMENT, rng.randint(0, 4)),
        "sessions_per_week": rng.choice([2, 3]),
        "minutes_per_session": rng.randint(20, 45),
        "run_week": {d: rng.choices(KINDS, KIND_WEIGHTS)[0] for d in DAYS},
        "injury_history": rng.sample(AREAS, rng.randint(0, 2)),
        "placement": rng.choice(["easy_days", "easy_days", "hard_days"]),
    }
    if rng.random() < 0.5:
        offset = rng.randrange(0, 7 * weeks)
        data["race"] = {"date": (start + dt.timedelta(days=offset)).isoformat(),
                        "distance": rng.choice(DISTANCES)}
    return data



def calendar_only(profile: Profile) -> int:
    """Phases and session days without any session content."""
    placer, count = Placer(DayRules(profile)), 0
    for frame in periodise(profile):
        days = [frame.start + dt.timedelta(days=i) for i in range(7)]
        count += len(placer.place(days, week_foci(frame, profile), None).placed)
    return count


def main() -> None:
    library, errors = load_library()
    assert not errors
    rng = random.Random(4)
    sixteen = random_profile(rng, weeks=16) | {"sessions_per_week": 3, "race": None}
    profile = Profile.model_validate(sixteen)
    full = median_seconds(lambda: generate_plan(Profile.model_validate(sixteen), library), repeat=51)
    validate = median_seconds(lambda: Profile.model_validate(sixteen), repeat=51)
    report("generate a 16-week plan (3 sessions a week)", full, "validate its profile only",
           validate, target="under 20 ms")
    cpu = []
    for _ in range(51):
        start = time.process_time()
        generate_plan(Profile.model_validate(sixteen), library)
        cpu.append(time.process_time() - start)
    cpu_layout = []
    for _ in range(51):
        start = time.process_time()
        calendar_only(profile)
        cpu_layout.append(time.process_time() - start)
    report("  same, CPU time of this process (other load on the machine excluded)",
           statistics.median(cpu), "calendar without sessions, CPU time",
           statistics.median(cpu_layout), target="under 20 ms")
    layout = median_seconds(lambda: calendar_only(profile), repeat=51)
    report("generate a 16-week plan (3 sessions a week)", full,
           "calendar without sessions", layout)

    data = [random_profile(rng) for _ in range(PROFILES)]
    start = time.perf_counter()
    for item in data:
        generate_plan(Profile.model_validate(item), library)
    plans_s = time.perf_counter() - start
    start = time.perf_counter()
    for item in data:
        calendar_only(Profile.model_validate(item))
    layout_s = time.perf_counter() - start
    print(f"{PROFILES} random profiles: {PROFILES / plans_s:.0f} plans/s | baseline (calendar "
          f"without sessions): {PROFILES / layout_s:.0f} layouts/s | ratio {plans_s / layout_s:.2f}")


if __name__ == "__main__":
    main()
