"""The guided player in a terminal: a Rich live display over the pure player in the domain.

Keys: space pauses and resumes, `n` skips to the next block, `b` goes back, `q` quits. When
standard input is not a terminal the routine simply plays through.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import IO, Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from yolvarex.domain.recovery import player
from yolvarex.domain.recovery.player import PlayerState
from yolvarex.domain.recovery.timeline import Segment, format_clock
from yolvarex.domain.units import duration as format_duration

TICK_SECONDS = 0.1


class Keys:
    """Single key presses from a terminal (cbreak mode), restored on exit; nothing otherwise."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdin
        self.fd: int | None = None
        self._saved: Any = None

    def __enter__(self) -> Keys:
        try:
            if self.stream.isatty():
                import termios
                import tty

                self.fd = self.stream.fileno()
                self._saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
        except (OSError, ValueError, ImportError):
            self.fd = None
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.fd is not None and self._saved is not None:
            import termios

            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def read(self, timeout: float) -> str:
        """The keys pressed within `timeout` seconds ('' when none)."""
        if self.fd is None:
            time.sleep(timeout)
            return ""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return ""
        return os.read(self.fd, 32).decode("utf-8", errors="ignore")


def _line(segment: Segment | None) -> str:
    return "the end" if segment is None else f"{segment.label} · {segment.dose}"


def render(state: PlayerState, title: str, speed: float = 1.0) -> RenderableType:
    seg = state.segment
    overall = Table.grid(expand=True, padding=(0, 1))
    overall.add_column(ratio=1)
    overall.add_column(justify="right", no_wrap=True)
    overall.add_row(ProgressBar(total=max(state.total, 1), completed=state.position),
                    f"{round(state.progress * 100)}%")
    lines: list[RenderableType] = []
    if seg is None:
        lines.append(Text("Routine complete.", style="bold green"))
    else:
        lines += [
            Text(f"Step {seg.index + 1} of {len(state.segments)}", style="dim"),
            Text(seg.label.upper(), style="bold cyan"),
            Text(seg.dose),
            Text(f"Cue: {seg.cue}", style="italic"),
            Text(""),
            Text(f"{format_clock(state.left_in_step)} left in this step", style="bold"),
            ProgressBar(total=max(seg.seconds, 1), completed=state.elapsed),
            Text(""),
            Text(f"Next: {_line(state.next_segment)}"),
        ]
    lines += [
        Text(""),
        overall,
        Text(f"{format_clock(state.left_in_routine)} left of {format_duration(state.total)}"),
        Text("space pause/resume · n skip · b back · q quit", style="dim"),
    ]
    subtitle = "PAUSED" if state.paused else (f"speed x{speed:g}" if speed != 1 else None)
    return Panel(Group(*lines), title=title, subtitle=subtitle, border_style="cyan")


@dataclass(frozen=True)
class Outcome:
    state: PlayerState
    quit: bool


def run(segments: tuple[Segment, ...], title: str, *, console: Console, keys: Keys,
        speed: float = 1.0, bell: bool = True,
        clock: Callable[[], float] = time.monotonic) -> Outcome:
    """Play the routine to its end, or until `q` (or Ctrl-C)."""
    from rich.live import Live

    state = player.start(segments)
    quit_ = False
    last = clock()
    with Live(render(state, title, speed), console=console, auto_refresh=False,
              transient=False) as live:
        try:
            while not state.finished and not quit_:
                pressed = keys.read(TICK_SECONDS)
                now = clock()
                before = state.current
                state = player.tick(state, (now - last) * speed)
                last = now
                for key in pressed.lower():
                    if key == " ":
                        state = player.toggle_pause(state)
                    elif key == "n":
                        state = player.skip(state)
                    elif key == "b":
                        state = player.back(state)
                    elif key == "q":
                        quit_ = True
                        break
                if bell and state.current != before:
                    console.bell()
                live.update(render(state, title, speed), refresh=True)
        except KeyboardInterrupt:
            quit_ = True
    return Outcome(state=state, quit=quit_ and not state.finished)
