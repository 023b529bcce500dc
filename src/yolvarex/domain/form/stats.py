"""Time-weighted statistics: smart recording writes a record every 1-8 s, so each record
counts for the seconds it stands for, not once."""

from __future__ import annotations

import numpy as np

from yolvarex.domain.activity import FloatArray


def weighted_mean(values: FloatArray, weights: FloatArray) -> float:
    return float(np.dot(values, weights) / weights.sum())


def weighted_quantile(values: FloatArray, weights: FloatArray, q: float) -> float:
    """The value below which a share `q` of the total weight lies (interpolated)."""
    order = np.argsort(values, kind="stable")
    v = values[order]
    w = weights[order]
    cum = np.cumsum(w) - 0.5 * w  # each value sits at the middle of its weight
    total = w.sum()
    return float(np.interp(q * total, cum, v))
