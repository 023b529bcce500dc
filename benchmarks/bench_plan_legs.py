"""Leg strength in real weeks (issue 13): the share of training weeks with real leg work.

Over 500 random realistic profiles (2 or 3 sessions a week; see `realistic_profile` in
tests/domain/plan_strategies.py), count the weeks that are neither a deload nor the race week,
and how many of them hold at least one session with full leg load. The baseline, measured in
the same run on the same profiles, is the `easy_days_only` placement: heavy legs never on a
hard day, which is how every plan was placed before the hard-day fallback. Also counted:
sessions that break a day-before rule (must be 0) and how many days before the race the last
heavy session falls.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
from typing import Any

import common  # noqa: F401  (puts the project root on sys.path)
from yolvarex.content import load_library
from yolvarex.domain.plan import Plan, Profile, generate_plan

PROFILES = 500
DAY = dt.timedelta(days=1)
HARD = {"speed", "tempo", "long", "race"}


def measure(plans: list[Plan], race_weeks: bool = False) -> tuple[int, int, int]:
    """(training weeks, weeks with full leg load, heavy sessions breaking a day-before rule);
    race weeks count only with `race_weeks`."""
    weeks = legs = broken = 0
    for plan in plans:
        race = plan.profile.race
        for week in plan.weeks:
            in_race_week = race is not None and week.start <= race.date < week.start + 7 * DAY
            if week.phase.value == "deload" or (in_race_week and not race_weeks):
                continue
            weeks += 1
            legs += any(s.lower_body_load.value == "full" for s in week.sessions)
        for s in plan.sessions():
            if s.lower_body_load.value != "full":
                continue
            before, after = plan.profile.kind_on(s.date - DAY), plan.profile.kind_on(s.date + DAY)
            broken += after.value in HARD or before.value in ("long", "race")
    return weeks, legs, broken


def main() -> None:
    from tests.domain.plan_strategies import realistic_profile  # needs common's sys.path

    library, _ = load_library()
    rng = random.Random(2026)
    profiles: list[dict[str, Any]] = [realistic_profile(rng) for _ in range(PROFILES)]
    plans = [generate_plan(Profile.model_validate(p), library) for p in profiles]
    strict = [generate_plan(Profile.model_validate({**p, "placement": "easy_days_only"}), library)
              for p in profiles]
    weeks, legs, broken = measure(plans)
    base_weeks, base_legs, base_broken = measure(strict)
    share, base_share = legs / weeks, base_legs / base_weeks
    print(f"training weeks with real leg work: {legs}/{weeks} = {share:.1%} | baseline "
          f"(easy_days_only): {base_legs}/{base_weeks} = {base_share:.1%} | ratio "
          f"{share / base_share:.2f} | target: >= 95%")
    for n in (2, 3):
        sub = [p for p, d in zip(plans, profiles, strict=True) if d["sessions_per_week"] == n]
        w, lg, _ = measure(sub)
        print(f"  {n} sessions a week: {lg}/{w} = {lg / w:.1%}")
    w, lg, _ = measure(plans, race_weeks=True)
    print(f"  every non-deload week, race weeks included: {lg}/{w} = {lg / w:.1%}")
    print(f"heavy sessions breaking a day-before rule: {broken} (baseline {base_broken}) | target: 0")
    last: collections.Counter[int] = collections.Counter()
    for plan in plans:
        race = plan.profile.race
        if race is None or (race.date - plan.profile.start).days < 21:
            continue
        heavy = [s.date for s in plan.sessions()
                 if s.date < race.date and s.lower_body_load.value == "full"]
        if heavy:
            last[(race.date - heavy[-1]).days] += 1
    print("days from the last heavy session to the race: "
          + ", ".join(f"{d} d: {n}" for d, n in sorted(last.items())))
    if share < 0.95 or broken:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
