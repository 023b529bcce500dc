"""When a routine fits: the occasions routines declare in their `suits` list.

Each occasion is in the `suits` of exactly one routine (a content check holds this): that is
the routine a recommendation rule picks first. Routines that list the occasion in `also_suits`
fit it as well and come second.
"""

from __future__ import annotations

from enum import StrEnum


class Occasion(StrEnum):
    BEFORE_HARD_RUN = "before_hard_run"  # speed, tempo, race
    BEFORE_EASY_RUN = "before_easy_run"
    AFTER_RUN = "after_run"
    AFTER_LONG_RUN = "after_long_run"
    BEFORE_STRENGTH = "before_strength"
    REST_DAY = "rest_day"
    CROSS_TRAIN_DAY = "cross_train_day"
    DESK_DAY = "desk_day"
    TRAVEL_DAY = "travel_day"
    BEDTIME = "bedtime"
    CALM = "calm"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Occasion.BEFORE_HARD_RUN: "Before speed work, a tempo run or a race",
    Occasion.BEFORE_EASY_RUN: "Before an easy run",
    Occasion.AFTER_RUN: "After a run",
    Occasion.AFTER_LONG_RUN: "After a long run",
    Occasion.BEFORE_STRENGTH: "Before a strength session",
    Occasion.REST_DAY: "On a rest day",
    Occasion.CROSS_TRAIN_DAY: "On a cross-training day",
    Occasion.DESK_DAY: "On a day at a desk",
    Occasion.TRAVEL_DAY: "On a travel day",
    Occasion.BEDTIME: "Before bed",
    Occasion.CALM: "To calm down",
}
