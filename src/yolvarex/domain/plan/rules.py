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
        return self._block(day) is None

    def _block(self, day: dt.date) -> tuple[str, RunKind] | None:
        """Why full leg work cannot go on this day, as a code and the run kind it is about."""
        kind, before, after = self.kind(day), self.kind(day - DAY), self.kind(day + DAY)
        if kind is RunKind.RACE:
            return ("race", kind)
        if after is RunKind.RACE:
            return ("before_race", after)
        if self.near_race(day):
            return ("near_race", kind)
        if self.profile.placement is Placement.HARD_DAYS:
            if kind not in (RunKind.SPEED, RunKind.TEMPO):
                return ("not_hard", kind)
            if after is RunKind.LONG:
                return ("before_long", after)
            return None
        if kind not in EASY_KINDS:
            return ("hard_day", kind)
        if after in HARD:
            return ("before_hard", after)
        if before in (RunKind.LONG, RunKind.RACE):
            return ("after_long", before)
        return None

    def heavy_blocks(self, day: dt.date) -> list[str]:
        """Why full leg work cannot go on this day, in words; empty when it can."""
        found = self._block(day)
        if found is None:
            return []
        code, kind = found
        name, nxt, prev = _short(day), _short(day + DAY), _short(day - DAY)
        words = {
            "race": f"{name} is a race day",
            "before_race": f"{name} is the day before a race",
            "near_race": f"{name} is within {RACE_CLEAR_DAYS} days of your race",
            "not_hard": f"{name} is not a speed or tempo day",
            "before_long": f"{name} comes before the long run on {nxt}",
            "hard_day": f"{name} is a {kind.value} day",
            "before_hard": f"{name} comes before the {kind.value} run on {nxt}",
            "after_long": f"{name} follows the {kind.value} on {prev}",
        }
        return [words[code]]


def _short(day: dt.date) -> str:
    return day.strftime("%a").lower()
