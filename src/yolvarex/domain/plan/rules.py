"""Which days may take which work, as the seed's placement rule says.

- Nothing on a race day or the day before it, nor the day after the goal race.
- `easy_days` (default): full leg work and plyometrics go on rest, easy or recovery days, never
  the day before a speed, tempo, long or race day, nor the day after a long run or a race.
- `hard_days`: full leg work sits on speed or tempo days, after the run, and not the day before
  a long run.
- No plyometric or full leg work in the last 10 days before the goal race.
- Upper-body and core work fits any day that is not a race day or the day before one.
- Sessions with full leg load are at least two days (48 h) apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from yolvarex.domain.plan.profile import EASY_KINDS, HARD, Placement, Profile, RunKind

DAY = dt.timedelta(days=1)
RACE_CLEAR_DAYS = 10
FULL_GAP_DAYS = 2


@dataclass(frozen=True, slots=True)
class DayRules:
    profile: Profile

    def kind(self, day: dt.date) -> RunKind:
        return self.profile.kind_on(day)

    def any_ok(self, day: dt.date) -> bool:
        """May this day take any strength session at all?"""
        race = self.profile.race
        if race is not None and day == race.date + DAY:
            return False
        return self.kind(day) is not RunKind.RACE and self.kind(day + DAY) is not RunKind.RACE

    def near_race(self, day: dt.date) -> bool:
        """Inside the last 10 days before the goal race."""
        race = self.profile.race
        return race is not None and 0 <= (race.date - day).days <= RACE_CLEAR_DAYS

    def heavy_ok(self, day: dt.date) -> bool:
        """May this day take full leg work or plyometrics?"""
        return not self.heavy_blocks(day)

    def heavy_blocks(self, day: dt.date) -> list[str]:
        """Why full leg work cannot go on this day, in words; empty when it can."""
        kind, before, after = self.kind(day), self.kind(day - DAY), self.kind(day + DAY)
        name, next_name = _short(day), _short(day + DAY)
        reasons = []
        if kind is RunKind.RACE:
            reasons.append(f"{name} is a race day")
        elif after is RunKind.RACE:
            reasons.append(f"{name} is the day before a race")
        elif self.near_race(day):
            reasons.append(f"{name} is within {RACE_CLEAR_DAYS} days of your race")
        elif self.profile.placement is Placement.HARD_DAYS:
            if kind not in (RunKind.SPEED, RunKind.TEMPO):
                reasons.append(f"{name} is not a speed or tempo day")
            elif after is RunKind.LONG:
                reasons.append(f"{name} comes before the long run on {next_name}")
        else:
            if kind not in EASY_KINDS:
                reasons.append(f"{name} is a {kind.value} day")
            elif after in HARD:
                reasons.append(f"{name} comes before the {after.value} run on {next_name}")
            elif before in (RunKind.LONG, RunKind.RACE):
                reasons.append(f"{name} follows the {before.value} on {_short(day - DAY)}")
        return reasons


def _short(day: dt.date) -> str:
    return day.strftime("%a").lower()
