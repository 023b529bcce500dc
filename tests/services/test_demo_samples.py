"""The demo runner's recorded runs: deterministic, idempotent, with samples form analysis can use."""

from __future__ import annotations

import datetime as dt

import numpy as np
from sqlalchemy import select

from yolvarex.services.demo import load_demo
from yolvarex.store import models
from yolvarex.store.samples import decode_samples


def _recorded(rt):
    with rt.db.session() as db:
        rows = db.scalars(select(models.Activity).where(models.Activity.samples.is_not(None))
                          .order_by(models.Activity.start)).all()
        return [(r.start, r.distance_m, r.avg_cadence_spm, r.dynamics, r.samples) for r in rows]


def test_demo_runs_carry_samples_and_are_idempotent(rt) -> None:
    today = dt.date(2026, 11, 25)
    with rt.db.session() as db:
        load_demo(db, rt.library, today)
    first = _recorded(rt)
    with rt.db.session() as db:
        load_demo(db, rt.library, today)
    assert _recorded(rt) == first  # same rows, byte for byte
    assert 12 <= len(first) <= 24
    _start, distance, cadence, dynamics, blob = first[-1]
    samples = decode_samples(blob)
    assert len(samples) > 20 * 60 and abs(samples.channels["distance_m"][-1] - distance) < 1
    for channel in ("cadence_spm", "vertical_oscillation_mm", "stance_time_ms",
                    "stance_time_balance_pct", "vertical_ratio_pct", "step_length_mm"):
        assert samples.has(channel)
    assert 150 < cadence < 190 and 80 < dynamics["vertical_oscillation_mm"] < 100
    # fatigue shows in the last quarter of the long runs: more bounce than in the first
    vo = samples.channels["vertical_oscillation_mm"]
    q = len(vo) // 4
    assert np.mean(vo[-q:]) > np.mean(vo[:q])
    # step length x cadence agrees with speed: the units are consistent
    ch = samples.channels
    check = ch["step_length_mm"] / 1000 * ch["cadence_spm"] / 60 / ch["speed_mps"]
    assert abs(np.median(check) - 1) < 0.02
