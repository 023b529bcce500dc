"""Which days may take which work, as the seed's placement rule says. Both placement modes
obey the same day-before rules; they differ only in which legal days they prefer.

- Nothing on a race day or the day before it, nor the day after the goal race.
- Heavy work (full leg load, plyometrics, and performance tests to failure) never goes on the
  day before a speed, tempo, long or race day, nor on the day after a long run or a race, nor
  on a long-run day itself.
- Heavy work goes on an easy, recovery or rest day, or on a speed or tempo day after the run
  ("keep hard days hard"). `easy_days` prefers easy days and uses a hard day only when too few
  easy days fit; `hard_days` is the other way round; `easy_days_only` never uses a hard day.
- Heavy work ends a week before the goal race (`HEAVY_STOP_DAYS`): the last heavy session falls
  7 to 10 days out. That number is coaching convention, in line with the taper meta-analysis
  of Bosquet et al. 2007 (evidence id `bosquet-2007`: cut volume, keep intensity, over the
  last two weeks).
- Sessions with heavy leg work are at least two days (48 h) apart.
- Two sessions on consecutive days share no exercise and do not load the same leg muscles
  (`clash`), light sessions included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from yolvarex.domain.plan.catalog import Exercises
from yolvarex.domain.plan.model import Prescription, Session
from yolvarex.domain.plan.profile import EASY_KINDS, HARD, Placement, Profile, RunKind

DAY = dt.timedelta(days=1)
HEAVY_STOP_DAYS = 7
FULL_GAP_DAYS = 2
#: Run days that may take heavy legs after the run.
QUALITY_KINDS: frozenset[RunKind] = frozenset({RunKind.SPEED, RunKind.TEMPO})
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_name(day: dt.date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


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
        """Inside the last week before the goal race, when heavy work has stopped."""
        race = self.profile.race
        return race is not None and 0 <= (race.date - day).days < HEAVY_STOP_DAYS

    def heavy_ok(self, day: dt.date) -> bool:
        """May this day take heavy work under the runner's placement choice?"""
        return self.heavy_tier(day) is not None

    def heavy_tier(self, day: dt.date) -> int | None:
        """0 for a day the placement prefers for heavy work, 1 for a fallback day, None when
        heavy work may not go there."""
        if self._block(day) is not None:
            return None
        quality = self.kind(day) in QUALITY_KINDS
        placement = self.profile.placement
        if placement is Placement.HARD_DAYS:
            return 0 if quality else 1
        if placement is Placement.EASY_DAYS_ONLY:
            return None if quality else 0
        return 1 if quality else 0

    def _block(self, day: dt.date) -> str | None:
        """Why heavy work can never go on this day, whatever the placement; None when it can."""
        kind, before, after = self.kind(day), self.kind(day - DAY), self.kind(day + DAY)
        if kind is RunKind.RACE or after is RunKind.RACE:
            return "race"
        if self.near_race(day):
            return "near_race"
        if kind is RunKind.LONG:
            return "long_day"
        if after in HARD:
            return "before_hard"
        if before in (RunKind.LONG, RunKind.RACE):
            return "after_long"
        if kind not in EASY_KINDS | QUALITY_KINDS:
            return "hard_day"
        return None


def exercises_of(session: Session) -> frozenset[str]:
    return frozenset(p.exercise for p in session.prescriptions())


def leg_muscles(prescriptions: Iterable[Prescription], exercises: Exercises) -> frozenset[str]:
    """The muscles the session's leg exercises work."""
    found: set[str] = set()
    for p in prescriptions:
        exercise = exercises.get(p.exercise)
        if exercise is not None and exercise.lower_body:
            found.update(m.lower() for m in exercise.muscles)
    return frozenset(found)


def clash(a: Session, b: Session, exercises: Exercises) -> str | None:
    """Why two sessions are too close, in words; None when they are not.

    Sessions on consecutive days share no exercise and load different leg muscles (48 h for
    the same muscles, light work included)."""
    if abs((a.date - b.date).days) >= FULL_GAP_DAYS:
        return None
    if a.date == b.date:
        return "two sessions on one day"
    same = sorted(exercises_of(a) & exercises_of(b))
    if same:
        return f"{same[0]} on consecutive days"
    muscles = sorted(leg_muscles(a.prescriptions(), exercises) & leg_muscles(b.prescriptions(), exercises))
    if muscles:
        return f"{muscles[0]} worked on consecutive days"
    return None
