"""How long a session takes, estimated from its warm-up routine, sets, reps, tempo and rest.

- A rep takes the sum of its tempo digits (down, hold at the top, up), 3 s without a tempo, 1 s for a
  plyometric contact; a timed set takes its seconds; a test set to failure is counted as 60 s.
- Per-side work is done twice, with 5 s to switch sides.
- Rest comes between sets (not after the last one), and 20 s to set up each exercise.
- Reps are counted at the top of their range, so the estimate errs long.
"""

from __future__ import annotations

import math
from functools import lru_cache

from yolvarex.domain.plan.catalog import Exercises, SessionParts
from yolvarex.domain.plan.model import Prescription, Session

REP_SECONDS = 3.0
CONTACT_SECONDS = 1.0
TEST_SET_SECONDS = 60.0
SIDE_SWITCH_SECONDS = 5.0
SETUP_SECONDS = 20.0


@lru_cache(maxsize=256)
def tempo_seconds(tempo: str | None) -> float | None:
    if not tempo:
        return None
    return float(sum(int(part) for part in tempo.split("-")))


def prescription_seconds(p: Prescription, exercises: Exercises) -> float:
    exercise = exercises.get(p.exercise)
    plyometric = exercise is not None and exercise.plyometric
    if p.seconds is not None:
        work = float(p.seconds)
    elif p.reps is not None:
        per_rep = tempo_seconds(p.tempo) or (CONTACT_SECONDS if plyometric else REP_SECONDS)
        work = p.reps[1] * per_rep
    else:
        work = TEST_SET_SECONDS
    sides = 2 if p.per_side else 1
    per_set = work * sides + (SIDE_SWITCH_SECONDS if sides == 2 else 0.0)
    return p.sets * per_set + p.rest_s * (p.sets - 1) + SETUP_SECONDS


def session_seconds(session: Session, parts: SessionParts) -> float:
    total = 0.0
    for block in session.blocks:
        if block.routine is not None and block.routine in parts.routines:
            total += parts.routine_seconds(block.routine)
        total += sum(prescription_seconds(p, parts.exercises) for p in block.exercises)
    return total


def minutes(seconds: float) -> int:
    """Whole minutes, rounded up."""
    return math.ceil(seconds / 60 - 1e-9)
