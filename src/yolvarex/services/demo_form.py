"""Running dynamics and a self-assessment for the demo runner, so the Form pages have data.

The demo's recent runs get second-by-second samples (every 2 s, as smart recording would):
cadence that rises with pace, ground contact that falls with it, a left foot that stays a
little longer on the ground, and long runs whose form drifts in the last quarter. A fixed seed
keeps it the same on every run of `yolvarex demo`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.activity import Samples
from yolvarex.domain.form.assessment import rank_faults
from yolvarex.store import models
from yolvarex.store.samples import encode_samples

RUNS_WITH_SAMPLES = 12
STEP_S = 2.0


def _samples(row: models.Activity, rng: np.random.Generator) -> Samples:
    n = int(row.duration_s // STEP_S) + 1
    t = np.arange(n, dtype=np.float64) * STEP_S
    speed_mean = (row.distance_m or 0) / row.duration_s if row.duration_s else 2.8
    share = t / max(t[-1], 1.0)
    tired = np.clip((share - 0.7) / 0.3, 0, 1) if row.run_type == "long" else np.zeros(n)
    speed = speed_mean + rng.normal(0, 0.12, n) - 0.1 * tired
    cadence = 150 + 6.5 * speed - 5 * tired + rng.normal(0, 1.5, n)
    stance = 380 - 45 * speed + 20 * tired + rng.normal(0, 6, n)
    oscillation = 86 + 4 * tired + rng.normal(0, 3, n)
    step_mm = speed / (cadence / 60) * 1000
    balance = 50.9 + rng.normal(0, 0.4, n)
    walk = slice(n // 2, n // 2 + 30) if row.run_type == "long" else slice(0, 0)
    cadence[walk], speed[walk], stance[walk] = 112, 1.3, 430
    distance = np.cumsum(speed * STEP_S) - speed[0] * STEP_S
    return Samples(t_s=t, channels={
        "distance_m": distance, "speed_mps": speed, "cadence_spm": np.round(cadence),
        "stance_time_ms": stance, "vertical_oscillation_mm": oscillation,
        "stance_time_balance_pct": balance, "vertical_ratio_pct": oscillation / step_mm * 100,
        "step_length_mm": step_mm, "heart_rate_bpm": np.full(n, row.avg_hr or 140.0)})


def add_form_data(db: Session, library: Library, user_id: int, today: dt.date) -> None:
    """Samples for the demo's last runs and one self-assessment a week ago. Idempotent."""
    db.execute(delete(models.FormAssessment).where(models.FormAssessment.user_id == user_id))
    rows = db.scalars(select(models.Activity).where(
        models.Activity.user_id == user_id, models.Activity.sport == "running")
        .order_by(models.Activity.start.desc()).limit(RUNS_WITH_SAMPLES))
    rng = np.random.default_rng(20261125)
    for row in rows:
        row.samples = encode_samples(_samples(row, rng))
        row.source_name = f"demo-{row.start:%Y-%m-%d}.fit"
    answers = {"foot-ahead-of-knee": "a-little", "loud-landing": "sometimes", "tension": "often",
               "step-count": "40-42"}
    ranked = rank_faults(list(library.questions.values()), answers)
    db.add(models.FormAssessment(user_id=user_id, date=today - dt.timedelta(days=7), answers=answers,
                                 ranking=[{"fault": r.fault, "score": r.score,
                                           "reasons": list(r.reasons)} for r in ranked]))
