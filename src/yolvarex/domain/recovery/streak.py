"""A forgiving routine streak: missed days never wipe it out.

The rule, in the words the Progress page uses:

- Every day you finish at least one routine adds 1 to your streak.
- Up to two missed days in a row cost nothing: rest days and busy days are part of training.
- From the third missed day in a row, each further missed day takes 1 off (never below 0).
- Today only counts once it has a routine: a day that is not over yet is not a missed day.

So a 30-day streak survives a weekend away untouched, and a ten-day holiday leaves 22 of it;
one lazy week does not undo a good month. `best` is the highest the streak has been.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

#: Missed days in a row that cost nothing.
GRACE_DAYS = 2


@dataclass(frozen=True)
class Streak:
    days: int  # the streak as of today
    best: int  # the highest it has ever been
    active_days: int  # days with at least one routine, all time
    last_active: dt.date | None
    missed_in_a_row: int  # missed days since the last active one, today not counted
    keep_by: dt.date | None  # finish a routine by this day and the streak does not drop
    grace_days: int = GRACE_DAYS  # missed days in a row that cost nothing

    @property
    def dropping(self) -> bool:
        """True when the grace is used up and each further missed day takes one off."""
        return self.missed_in_a_row > GRACE_DAYS


def streak(active: Iterable[dt.date], today: dt.date) -> Streak:
    """The streak from the days a routine was finished (any order, repeats allowed)."""
    days = {d for d in active if d <= today}
    if not days:
        return Streak(days=0, best=0, active_days=0, last_active=None, missed_in_a_row=0,
                      keep_by=None)
    value = best = missed = 0
    day = min(days)
    while day <= today:
        if day in days:
            value += 1
            missed = 0
        elif day < today:
            missed += 1
            if missed > GRACE_DAYS:
                value = max(0, value - 1)
        best = max(best, value)
        day += dt.timedelta(days=1)
    last = max(days)
    keep_by = max(today, last + dt.timedelta(days=GRACE_DAYS + 1))
    return Streak(days=value, best=best, active_days=len(days), last_active=last,
                  missed_in_a_row=missed, keep_by=keep_by)
