"""Pauses and walking breaks are left out; each record counts for the time it stands for."""

from __future__ import annotations

import numpy as np

from tests.domain.form_samples import samples
from yolvarex.domain.activity import Samples
from yolvarex.domain.form.selection import MAX_GAP_S, select_running


def test_walking_break_and_standing_are_left_out() -> None:
    cadence = np.full(600, 170.0)
    cadence[100:160] = 118  # a walking break
    speed = np.full(600, 3.0)
    speed[100:160] = 1.4
    speed[300:320] = 0.0  # standing at a crossing, watch still counting cadence
    sel = select_running(samples(600, cadence_spm=cadence, speed_mps=speed))
    assert sel.used == 600 - 60 - 20
    assert sel.moving_s == 520 and sel.walking_s == 80 and sel.paused_s == 0


def test_a_gap_is_a_pause_and_counts_one_interval() -> None:
    t = np.concatenate([np.arange(0, 100.0), np.arange(400, 500.0)])  # 300 s paused
    s = Samples(t_s=t, channels={"cadence_spm": np.full(200, 170.0)})
    sel = select_running(s)
    assert sel.moving_s == 200
    assert sel.paused_s == 301 - 1  # from t=99 to t=400, less the one interval it counts
    assert sel.weights.max() <= MAX_GAP_S


def test_smart_recording_weights_follow_the_gaps() -> None:
    t = np.array([0.0, 1, 2, 7, 8, 9])
    s = Samples(t_s=t, channels={"cadence_spm": np.full(6, 170.0)})
    sel = select_running(s)
    assert list(sel.weights) == [1, 1, 1, 5, 1, 1]


def test_without_cadence_speed_decides() -> None:
    speed = np.array([3.0] * 50 + [1.5] * 50)
    sel = select_running(samples(100, speed_mps=speed))
    assert sel.used == 50


def test_speed_from_distance_when_there_is_no_speed_channel() -> None:
    distance = np.concatenate([np.arange(50) * 3.0, 147 + np.arange(1, 51) * 1.0])
    sel = select_running(samples(100, distance_m=distance))
    assert sel.used == 50


def test_no_cadence_and_no_speed_counts_everything() -> None:
    sel = select_running(samples(30, heart_rate_bpm=140))
    assert sel.used == 30


def test_empty_samples() -> None:
    sel = select_running(Samples.empty())
    assert sel.used == 0 and sel.moving_s == 0
