"""Performance tests: what is tested, how, and the left-right imbalance flag.

Tests every 4-6 weeks show whether the strength work is working (the seed's advice). Sided
tests are done on each leg; a gap above 10% between the legs is flagged, measured against the
stronger side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

IMBALANCE_LIMIT = 0.10


class TestName(StrEnum):
    __test__ = False  # not a pytest test class
    PUSH_UPS = "push_ups"
    PLANK_HOLD = "plank_hold"
    SINGLE_LEG_SQUAT = "single_leg_squat"
    SINGLE_LEG_CALF_RAISE = "single_leg_calf_raise"


class Side(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Protocol:
    """One way to do a test: the exercise and how to count it."""

    exercise: str
    how: str


@dataclass(frozen=True, slots=True)
class TestSpec:
    __test__ = False
    name: TestName
    title: str
    unit: str  # reps or seconds
    sided: bool
    #: Ways to do the test, preferred first; a plan uses the first the runner has the
    #: equipment for and keeps it, so results stay comparable from test to test.
    protocols: tuple[Protocol, ...]

    @property
    def exercise(self) -> str:
        return self.protocols[0].exercise

    def protocol(self, doable: Callable[[str], bool]) -> Protocol | None:
        """The first way to do this test whose exercise `doable` accepts; None when none is."""
        return next((p for p in self.protocols if doable(p.exercise)), None)


TESTS: dict[TestName, TestSpec] = {spec.name: spec for spec in (
    TestSpec(TestName.PUSH_UPS, "Push-ups to form failure", "reps", False, (Protocol(
        "push-up",
        "Count push-ups until your body line breaks or you cannot reach full depth. If the "
        "floor is too hard for now, use the same table edge every time."),)),
    TestSpec(TestName.PLANK_HOLD, "Plank hold", "seconds", False, (Protocol(
        "plank", "Hold a forearm plank and stop the clock when your hips sag or lift."),)),
    TestSpec(TestName.SINGLE_LEG_SQUAT, "Single-leg squats, each side", "reps", True, (
        Protocol("single-leg-box-squat",
                 "Sit to the same chair on one leg and stand up; count until the knee caves or "
                 "you need the other foot. Then the other leg."),
        Protocol("lateral-step-down",
                 "From the same step each time, tap the floor with the free heel and stand "
                 "tall again; count until the knee caves or the hips tip. Then the other leg."),
    )),
    TestSpec(TestName.SINGLE_LEG_CALF_RAISE, "Single-leg calf raises, each side", "reps", True,
             (Protocol("single-leg-calf-raise",
                       "Rise to full height on one leg, fingertip on a wall, to a steady beat; "
                       "stop when the height drops. Then the other leg."),)),
)}

#: The test each test exercise stands for, to log a test session's results.
TEST_BY_EXERCISE: dict[str, TestName] = {
    p.exercise: spec.name for spec in TESTS.values() for p in spec.protocols}


@dataclass(frozen=True, slots=True)
class TestResult:
    __test__ = False
    date: dt.date
    test: TestName
    side: Side
    value: float


@dataclass(frozen=True, slots=True)
class Imbalance:
    test: TestName
    date: dt.date
    left: float
    right: float
    gap: float  # (stronger - weaker) / stronger

    @property
    def flagged(self) -> bool:
        return self.gap > IMBALANCE_LIMIT

    @property
    def weaker(self) -> Side:
        return Side.LEFT if self.left < self.right else Side.RIGHT


def imbalance_gap(left: float, right: float) -> float:
    """The gap between two sides as a share of the stronger one; 0 when both are zero."""
    stronger = max(left, right)
    return 0.0 if stronger <= 0 else (stronger - min(left, right)) / stronger


def imbalances(results: Iterable[TestResult]) -> list[Imbalance]:
    """For each sided test and date with both sides logged, the gap between the legs."""
    sides: dict[tuple[TestName, dt.date], dict[Side, float]] = {}
    for r in results:
        if r.side is not Side.BOTH:
            sides.setdefault((r.test, r.date), {})[r.side] = r.value
    out = []
    for (test, day), values in sorted(sides.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if Side.LEFT in values and Side.RIGHT in values:
            left, right = values[Side.LEFT], values[Side.RIGHT]
            out.append(Imbalance(test, day, left, right, imbalance_gap(left, right)))
    return out


def latest_imbalances(results: Iterable[TestResult]) -> list[Imbalance]:
    """The most recent left-right comparison of each sided test."""
    latest: dict[TestName, Imbalance] = {}
    for item in imbalances(results):
        latest[item.test] = item
    return [latest[t] for t in TestName if t in latest]


@dataclass(frozen=True, slots=True)
class Trend:
    test: TestName
    dates: tuple[dt.date, ...]
    values: dict[Side, tuple[float | None, ...]]


def trend(results: Sequence[TestResult], test: TestName) -> Trend:
    """The test's values per date, one series per side logged; gaps as None."""
    mine = [r for r in results if r.test is test]
    dates = tuple(sorted({r.date for r in mine}))
    found = {r.side for r in mine}
    values: dict[Side, tuple[float | None, ...]] = {}
    for side in (s for s in Side if s in found):
        by_date = {r.date: r.value for r in mine if r.side is side}
        values[side] = tuple(by_date.get(d) for d in dates)
    return Trend(test, dates, values)
