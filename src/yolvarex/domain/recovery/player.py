"""The guided player as a pure state machine: time passes, the runner pauses, skips or goes back.

The terminal player feeds it real elapsed time (multiplied by `--speed`); tests feed it numbers.
The browser player (web/static/js/player.js) follows the same rules on the same timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from yolvarex.domain.recovery.timeline import Segment, total_seconds

#: Going back within this many seconds of a block's start goes to the block before it.
BACK_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class PlayerState:
    segments: tuple[Segment, ...]
    current: int = 0  # index of the running block; len(segments) once finished
    elapsed: float = 0.0  # seconds into the running block
    paused: bool = False
    played: float = 0.0  # routine seconds actually run, not counting skipped time

    @property
    def finished(self) -> bool:
        return self.current >= len(self.segments)

    @property
    def segment(self) -> Segment | None:
        return None if self.finished else self.segments[self.current]

    @property
    def next_segment(self) -> Segment | None:
        nxt = self.current + 1
        return self.segments[nxt] if nxt < len(self.segments) else None

    @property
    def total(self) -> int:
        return total_seconds(self.segments)

    @property
    def position(self) -> float:
        """Seconds from the start of the routine to where the player is now."""
        seg = self.segment
        return float(self.total) if seg is None else seg.start + self.elapsed

    @property
    def left_in_step(self) -> float:
        seg = self.segment
        return 0.0 if seg is None else max(0.0, seg.seconds - self.elapsed)

    @property
    def left_in_routine(self) -> float:
        return max(0.0, self.total - self.position)

    @property
    def progress(self) -> float:
        """0.0 at the start, 1.0 at the end."""
        return 1.0 if self.total == 0 else min(1.0, self.position / self.total)


def start(segments: tuple[Segment, ...]) -> PlayerState:
    return PlayerState(segments=segments)


def tick(state: PlayerState, seconds: float) -> PlayerState:
    """Let `seconds` of routine time pass; blocks that run out hand over to the next one."""
    if state.paused or state.finished or seconds <= 0:
        return state
    current, elapsed, played = state.current, state.elapsed + seconds, state.played + seconds
    while current < len(state.segments) and elapsed >= state.segments[current].seconds:
        elapsed -= state.segments[current].seconds
        current += 1
    if current >= len(state.segments):
        played -= elapsed  # time past the end was not played
        elapsed = 0.0
    return replace(state, current=current, elapsed=elapsed, played=played)


def skip(state: PlayerState) -> PlayerState:
    """Jump to the start of the next block (or the end)."""
    if state.finished:
        return state
    return replace(state, current=state.current + 1, elapsed=0.0)


def back(state: PlayerState) -> PlayerState:
    """Restart the running block, or go to the previous one when it has only just started."""
    if state.finished:
        return replace(state, current=max(0, len(state.segments) - 1), elapsed=0.0)
    if state.elapsed > BACK_GRACE_SECONDS or state.current == 0:
        return replace(state, elapsed=0.0)
    return replace(state, current=state.current - 1, elapsed=0.0)


def toggle_pause(state: PlayerState) -> PlayerState:
    return state if state.finished else replace(state, paused=not state.paused)
