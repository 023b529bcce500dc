"""How a run's paces and durations are written, the same on the web and in the terminal."""

from __future__ import annotations

import math


def pace_text(seconds: float | None) -> str:
    """Minutes and seconds per kilometre, e.g. 5:07."""
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return "-"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
