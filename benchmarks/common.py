"""Timing helpers: every benchmark prints its figure next to a baseline measured in the same run."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_seconds(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    """The median wall time of `fn()` over `repeat` runs, after `warmup` unmeasured runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, seconds: float, baseline_name: str, baseline_seconds: float,
           target: str = "") -> float:
    """Print both timings and their ratio; return the ratio (measured / baseline)."""
    ratio = seconds / baseline_seconds if baseline_seconds else float("inf")
    suffix = f" | target: {target}" if target else ""
    print(f"{name}: {seconds * 1000:.2f} ms | baseline ({baseline_name}): "
          f"{baseline_seconds * 1000:.2f} ms | ratio {ratio:.2f}{suffix}")
    return ratio
