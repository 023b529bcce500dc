"""Synthetic FIT runs for form tests, written with the ingest tests' FIT writer."""

from __future__ import annotations

import datetime as dt

from tests.ingest.fitwriter import FILE_TYPE, SPORT, FitWriter, fit_time


def form_run(start: dt.datetime, minutes: int = 30, cadence_spm: float = 170.0,
             cadence_end_spm: float | None = None, gct_ms: float = 250.0,
             gct_end_ms: float | None = None, vo_mm: float = 85.0, balance: float = 50.0,
             speed: float = 3.0, step: int = 1, sport: str = "running",
             walk_break: tuple[int, int] | None = None) -> bytes:
    """A run whose cadence and contact time move linearly from start to end values.

    `walk_break` is (from second, to second) of walking: 1.4 m/s at 116 steps/min."""
    w = FitWriter()
    t0 = fit_time(start)
    seconds = minutes * 60
    w.message("file_id", type=FILE_TYPE["activity"], manufacturer=255, time_created=t0)
    distance = 0.0
    end_cad = cadence_spm if cadence_end_spm is None else cadence_end_spm
    end_gct = gct_ms if gct_end_ms is None else gct_end_ms
    for i in range(0, seconds + 1, step):
        share = i / seconds
        cad = cadence_spm + (end_cad - cadence_spm) * share
        gct = gct_ms + (end_gct - gct_ms) * share
        v = speed
        if walk_break and walk_break[0] <= i < walk_break[1]:
            cad, v, gct = 116.0, 1.4, 420.0
        distance += v * (step if i else 0)
        strides = cad / 2
        w.message("record", local=1, timestamp=t0 + i, distance=distance, speed=v,
                  heart_rate=150, cadence=int(strides), fractional_cadence=strides - int(strides),
                  vertical_oscillation=vo_mm, stance_time=gct, stance_time_balance=balance,
                  vertical_ratio=vo_mm / (v / (cad / 60) * 1000) * 100,
                  step_length=v / (cad / 60) * 1000)
    w.message("session", local=2, timestamp=t0 + seconds, start_time=t0, sport=SPORT[sport],
              sub_sport=0, total_elapsed_time=seconds, total_timer_time=seconds,
              total_distance=distance, avg_heart_rate=150, max_heart_rate=160,
              avg_cadence=int(cadence_spm / 2))
    return w.file()
