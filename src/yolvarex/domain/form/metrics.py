"""The six running-dynamics metrics, the sample channel each comes from, and Garmin's color bands.

Garmin publishes five color bands for a chest strap; they split the runners Garmin measured
into percentiles (purple the top few percent, red the bottom few). They describe where a value
sits among other runners, not a target: a runner's own trend matters more (Van Hooren 2024).

A band starts at its published lower number, so values between two published whole numbers
(a mean of 173.6 steps per minute) fall in the band below the next published edge; the outer
bands use the published strict edges (purple is above 183 steps per minute, red above 308 ms).
Ground contact balance has its own scale in Garmin's manuals (the ground contact time balance
color table of the running dynamics section, e.g. the Forerunner, fenix and Enduro owner's
manuals): green from 50.7 % left to 50.7 % right (40 % of runners), orange 50.8-52.2 % on
either side (25 % each), red above 52.2 % on either side (5 % each). All four off-center
bands are graded, whichever foot is longer on the ground (`BALANCE_BANDS`); by the same rule
as above, a share above 50.7 % is orange and above 52.2 % is red. Step length has no band (it
depends on pace and height).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Metric(StrEnum):
    CADENCE = "cadence_spm"
    VERTICAL_OSCILLATION = "vertical_oscillation_cm"
    GROUND_CONTACT = "ground_contact_ms"
    BALANCE = "gct_balance_left_pct"
    VERTICAL_RATIO = "vertical_ratio_pct"
    STEP_LENGTH = "step_length_m"


class Grade(StrEnum):
    PURPLE = "purple"
    BLUE = "blue"
    GREEN = "green"
    ORANGE = "orange"
    RED = "red"

    @property
    def rank(self) -> int:
        """0 for purple up to 4 for red."""
        return list(Grade).index(self)


@dataclass(frozen=True)
class MetricDef:
    metric: Metric
    channel: str  # the Samples channel it is read from
    scale: float  # multiply the channel value by this to get the metric's unit
    unit: str
    label: str
    plausible: tuple[float, float]  # values outside are sensor dropouts and are ignored
    digits: int


METRICS: dict[Metric, MetricDef] = {m.metric: m for m in (
    MetricDef(Metric.CADENCE, "cadence_spm", 1.0, "spm", "Cadence", (60.0, 260.0), 0),
    MetricDef(Metric.VERTICAL_OSCILLATION, "vertical_oscillation_mm", 0.1, "cm",
              "Vertical oscillation", (2.0, 25.0), 1),
    MetricDef(Metric.GROUND_CONTACT, "stance_time_ms", 1.0, "ms", "Ground contact time",
              (120.0, 500.0), 0),
    MetricDef(Metric.BALANCE, "stance_time_balance_pct", 1.0, "%", "Ground contact balance (left)",
              (30.0, 70.0), 1),
    MetricDef(Metric.VERTICAL_RATIO, "vertical_ratio_pct", 1.0, "%", "Vertical ratio", (2.0, 20.0), 1),
    MetricDef(Metric.STEP_LENGTH, "step_length_mm", 0.001, "m", "Step length", (0.3, 3.0), 2),
)}

#: Published chest-strap bands: (purple edge, blue start, green start, orange start, red edge).
#: For cadence higher is "purple"; for the others lower is.
BANDS: dict[Metric, tuple[float, float, float, float, float]] = {
    Metric.CADENCE: (183.0, 174.0, 164.0, 153.0, 153.0),
    Metric.GROUND_CONTACT: (218.0, 218.0, 249.0, 278.0, 308.0),
    Metric.VERTICAL_OSCILLATION: (6.4, 6.4, 8.2, 9.8, 11.5),
    Metric.VERTICAL_RATIO: (6.1, 6.1, 7.5, 8.7, 10.1),
}
BALANCE_RANGE = (49.3, 50.7)
#: The longer foot's share of ground contact time: green up to the first edge, orange up to
#: the second, red above it (Garmin's gauge; evidence `garmin-running-dynamics`).
BALANCE_BANDS = (50.7, 52.2)

#: The bands as a runner reads them, for gauges and explanations.
BAND_TEXT: dict[Metric, dict[Grade, str]] = {
    Metric.CADENCE: {Grade.PURPLE: "> 183", Grade.BLUE: "174-183", Grade.GREEN: "164-173",
                     Grade.ORANGE: "153-163", Grade.RED: "< 153"},
    Metric.GROUND_CONTACT: {Grade.PURPLE: "< 218", Grade.BLUE: "218-248", Grade.GREEN: "249-277",
                            Grade.ORANGE: "278-308", Grade.RED: "> 308"},
    Metric.VERTICAL_OSCILLATION: {Grade.PURPLE: "< 6.4", Grade.BLUE: "6.4-8.1",
                                  Grade.GREEN: "8.2-9.7", Grade.ORANGE: "9.8-11.5",
                                  Grade.RED: "> 11.5"},
    Metric.VERTICAL_RATIO: {Grade.PURPLE: "< 6.1", Grade.BLUE: "6.1-7.4", Grade.GREEN: "7.5-8.6",
                            Grade.ORANGE: "8.7-10.1", Grade.RED: "> 10.1"},
    Metric.BALANCE: {Grade.GREEN: "50.7 L-50.7 R", Grade.ORANGE: "50.8-52.2 L or R",
                     Grade.RED: "> 52.2 L or R"},
}


def grade(metric: Metric, value: float) -> Grade | None:
    """The color band of a value, or None for step length (which has no bands)."""
    if metric is Metric.BALANCE:
        longer = max(value, 100.0 - value)
        green, orange = BALANCE_BANDS
        return Grade.GREEN if longer <= green else Grade.ORANGE if longer <= orange else Grade.RED
    bands = BANDS.get(metric)
    if bands is None:
        return None
    purple, blue, green, orange, red = bands
    if metric is Metric.CADENCE:
        if value > purple:
            return Grade.PURPLE
        if value >= blue:
            return Grade.BLUE
        if value >= green:
            return Grade.GREEN
        if value >= orange:
            return Grade.ORANGE
        return Grade.RED
    if value < purple:
        return Grade.PURPLE
    if value < green:
        return Grade.BLUE
    if value < orange:
        return Grade.GREEN
    if value <= red:
        return Grade.ORANGE
    return Grade.RED

