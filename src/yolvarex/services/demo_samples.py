"""Believable second-by-second samples for the demo runner's recent runs.

Deterministic (seeded) numbers shaped like a watch with a running-dynamics sensor records:
pace with small wobbles, cadence that follows pace, a slow heart-rate drift, and in the last
quarter of longer runs the changes fatigue brings (more bounce, longer ground contact, a
slightly shorter step). The left-right balance leans a little left, as many runners' does.
Used only by the demo, so that form analysis and the charts have something real to work on.
"""

from __future__ import annotations

import numpy as np

from yolvarex.domain.activity import Samples

START_LAT, START_LON = 47.3769, 8.5417


def run_samples(seed: int, minutes: float, pace_s_per_km: float, avg_hr: float,
                faster: bool = False) -> Samples:
    rng = np.random.default_rng(seed)
    n = int(minutes * 60) + 1
    t = np.arange(n, dtype=np.float64)
    progress = t / max(t[-1], 1.0)
    late = np.clip((progress - 0.75) / 0.25, 0.0, 1.0)  # 0 until the last quarter, then to 1
    base_speed = 1000.0 / pace_s_per_km
    wobble = np.convolve(rng.normal(0, 0.12, n), np.ones(15) / 15, mode="same")
    speed = np.clip(base_speed * (1 + wobble) * np.minimum(1.0, 0.6 + t / 90), 0.5, None)
    distance = np.concatenate([[0.0], np.cumsum(speed[1:])])
    cadence = 164 + 9 * (base_speed - 2.8) + (6 if faster else 0) + rng.normal(0, 1.4, n) - 2 * late
    step_length_mm = speed * 60 / cadence * 1000
    oscillation = 86 + rng.normal(0, 2.0, n) + 7 * late
    stance = 252 - 18 * (base_speed - 2.8) + rng.normal(0, 5, n) + 14 * late
    balance = 49.1 + rng.normal(0, 0.35, n) - 0.3 * late
    ratio = oscillation / step_length_mm * 100
    heart = avg_hr - 6 + 12 * progress + rng.normal(0, 1.5, n)
    heading = 2 * np.pi * distance / max(distance[-1], 1.0)
    radius_deg = distance[-1] / (2 * np.pi) / 111_195
    lat = START_LAT + radius_deg * np.sin(heading)
    lon = START_LON + radius_deg * (1 - np.cos(heading)) / np.cos(np.radians(START_LAT))
    altitude = 410 + 12 * np.sin(heading * 2) + rng.normal(0, 0.3, n)
    channels = {
        "distance_m": distance, "speed_mps": speed, "heart_rate_bpm": np.round(heart),
        "cadence_spm": np.round(cadence, 1), "vertical_oscillation_mm": np.round(oscillation, 1),
        "stance_time_ms": np.round(stance), "stance_time_balance_pct": np.round(balance, 2),
        "vertical_ratio_pct": np.round(ratio, 2), "step_length_mm": np.round(step_length_mm),
        "altitude_m": np.round(altitude, 1), "lat": lat, "lon": lon,
    }
    return Samples(t_s=t, channels=channels)
