"""A routine laid out in time: each step expanded per side, with its start, length and cue.

The guided players (browser and terminal) walk this timeline, and the library's total time is
its sum, so the time a routine says it takes is the time the player runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yolvarex.content.schemas.recovery import Movement, Routine


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Segment:
    """One timed block of the player: a step, or one side of a per-side step."""

    index: int  # position in the timeline, from 0
    step: int  # position of the routine step it comes from, from 0
    movement: str
    title: str
    cue: str
    side: Side | None
    seconds: int  # how long the block runs
    reps: int | None  # when the step is counted in reps: the reps for this side
    start: int  # seconds from the start of the routine

    @property
    def end(self) -> int:
        return self.start + self.seconds

    @property
    def label(self) -> str:
        """The title with its side: 'Wall calf stretch (left side)'."""
        return f"{self.title} ({self.side.value} side)" if self.side else self.title

    @property
    def dose(self) -> str:
        """'10 reps' or '30 s', per side when the step has sides."""
        return f"{self.reps} reps" if self.reps is not None else f"{self.seconds} s"


def step_seconds(seconds: int | None, reps: int | None, seconds_per_rep: float) -> int:
    """Length of one side of a step: its seconds, or its reps at the movement's pace."""
    if seconds is not None:
        return seconds
    return max(1, round((reps or 0) * seconds_per_rep))


def timeline(routine: Routine, movements: Mapping[str, Movement]) -> tuple[Segment, ...]:
    """Every block of the routine in order; per-side steps become a left block and a right block."""
    out: list[Segment] = []
    start = 0
    for step_index, step in enumerate(routine.steps):
        movement = movements[step.movement]
        length = step_seconds(step.seconds, step.reps, movement.seconds_per_rep)
        sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if movement.per_side else (None,)
        for side in sides:
            out.append(Segment(index=len(out), step=step_index, movement=movement.id,
                               title=movement.title, cue=step.cue, side=side, seconds=length,
                               reps=step.reps, start=start))
            start += length
    return tuple(out)


def total_seconds(segments: tuple[Segment, ...]) -> int:
    return segments[-1].end if segments else 0


def format_clock(seconds: float) -> str:
    """'3:05' for a countdown, never negative."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"
