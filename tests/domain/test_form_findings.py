"""From analysed runs to findings, rule by rule, with the real library's cues and drills."""

from __future__ import annotations

import numpy as np
import pytest

from tests.domain.form_samples import run, samples, steady
from yolvarex.content import load_library
from yolvarex.domain.form.analysis import analyse
from yolvarex.domain.form.baseline import RunMeans, compare
from yolvarex.domain.form.findings import find
from yolvarex.domain.form.metrics import Metric

LIB, ERRORS = load_library()


def faults_for(**kw: float) -> list[str]:
    return [f.fault for f in find(analyse(run(steady(**kw))), LIB)]


@pytest.mark.parametrize(("kw", "expected"), [
    ({}, []),
    ({"cadence": 158}, ["low-cadence"]),
    ({"cadence": 150}, ["low-cadence"]),
    ({"cadence": 158, "gct": 290}, ["low-cadence", "overstriding", "long-ground-contact"]),
    ({"gct": 320}, ["long-ground-contact"]),
    ({"vr": 9.0}, ["vertical-bounce"]),
    ({"balance": 51.4}, ["left-right-asymmetry"]),
    ({"balance": 48.0}, ["left-right-asymmetry"]),
    ({"cadence": 150, "balance": 51.0}, ["low-cadence", "left-right-asymmetry"]),
])
def test_rules(kw: dict[str, float], expected: list[str]) -> None:
    assert faults_for(**kw) == expected


def test_red_before_orange() -> None:
    found = find(analyse(run(steady(cadence=160, gct=320))), LIB)
    assert found[0].fault == "long-ground-contact"
    assert found[0].severity == 3


def test_vertical_oscillation_counts_when_the_ratio_is_missing() -> None:
    s = samples(1200, cadence_spm=170, vertical_oscillation_mm=120, speed_mps=3.0)
    found = find(analyse(run(s)), LIB)
    assert [f.fault for f in found] == ["vertical-bounce"]
    assert "12.0 cm" in found[0].because


def test_because_has_the_numbers_and_each_finding_a_cue_and_drills() -> None:
    found = find(analyse(run(steady(cadence=158, balance=51.4))), LIB)
    cadence, balance = found
    assert "158 steps per minute" in cadence.because and "orange" in cadence.because
    assert "left foot took 51.4%" in balance.because and "49.3-50.7%" in balance.because
    for f in found:
        assert f.cue in LIB.faults[f.fault].cues
        assert f.drills and set(f.drills) <= set(LIB.faults[f.fault].drills)
        assert all(LIB.drills[d].when == "warm_up" for d in f.drills)
    assert LIB.cues[cadence.cue].focus == "external"  # type: ignore[index]


def test_right_side_imbalance_names_the_right_foot() -> None:
    (f,) = find(analyse(run(steady(balance=48.5))), LIB)
    assert "right foot took 51.5%" in f.because


def test_fatigue_drift() -> None:
    cadence = np.concatenate([np.full(600, 172.0), np.full(1200, 170.0), np.full(600, 165.0)])
    found = find(analyse(run(samples(2400, cadence_spm=cadence, speed_mps=3.0))), LIB)
    assert [f.fault for f in found] == ["fatigue-breakdown"]
    assert "cadence fell 4.1%" in found[0].because


def test_small_drift_is_no_finding() -> None:
    cadence = np.concatenate([np.full(1200, 172.0), np.full(1200, 168.0)])
    assert find(analyse(run(samples(2400, cadence_spm=cadence, speed_mps=3.0))), LIB) == []


def test_baseline_finds_what_the_bands_miss() -> None:
    a = analyse(run(steady(cadence=166)))  # green band, but low for this runner
    usual = [RunMeans(None, a.pace_s_per_km, {Metric.CADENCE: c}) for c in (174, 175, 176)]
    now = RunMeans(None, a.pace_s_per_km, {m: s.mean for m, s in a.metrics.items()})
    base = compare(now, usual)
    found = find(a, LIB, base)
    assert [f.fault for f in found] == ["low-cadence"]
    assert found[0].severity == 1 and "usual 175 steps per minute on 3 earlier runs" in found[0].because
    assert find(a, LIB) == []


def test_library_loaded() -> None:
    assert ERRORS == []
