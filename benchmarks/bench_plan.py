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

from common import median_seconds, report
from tests.domain.plan_strategies import random_profile
from yolvarex.content import load_library
from yolvarex.domain.plan import Profile, generate_plan
from yolvarex.domain.plan.periodisation import periodise, week_foci
from yolvarex.domain.plan.placement import Placer
from yolvarex.domain.plan.rules import DayRules

PROFILES = 1000


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
    rng = random.Random(4)  # noqa: S311 - benchmark inputs
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
