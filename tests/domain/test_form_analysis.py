"""Summaries over moving running records, missing metrics, drift by quarters of moving time."""

from __future__ import annotations

import numpy as np
import pytest

from tests.domain.form_samples import run, samples, steady
from yolvarex.domain.activity import Sport
from yolvarex.domain.form.analysis import NotARun, analyse, over_time
from yolvarex.domain.form.metrics import Grade, Metric


def test_units_and_grades_of_a_steady_run() -> None:
    a = analyse(run(steady(cadence=170, gct=250, vo_mm=85, balance=50.2, vr=7.2, step_mm=1050)))
    m = a.metrics
    assert m[Metric.CADENCE].mean == pytest.approx(170) and m[Metric.CADENCE].grade is Grade.GREEN
    assert m[Metric.GROUND_CONTACT].mean == pytest.approx(250)
    assert m[Metric.VERTICAL_OSCILLATION].mean == pytest.approx(8.5)
    assert m[Metric.VERTICAL_OSCILLATION].grade is Grade.GREEN
    assert m[Metric.VERTICAL_RATIO].grade is Grade.BLUE
    assert m[Metric.BALANCE].grade is Grade.GREEN
    assert m[Metric.STEP_LENGTH].mean == pytest.approx(1.05) and m[Metric.STEP_LENGTH].grade is None
    assert a.missing == ()
    assert a.pace_s_per_km == pytest.approx(1000 / 3)


def test_walking_breaks_do_not_pull_the_figures_down() -> None:
    cadence = np.full(1200, 176.0)
    cadence[600:700] = 116
    gct = np.full(1200, 240.0)
    gct[600:700] = 480
    a = analyse(run(samples(1200, cadence_spm=cadence, stance_time_ms=gct, speed_mps=3.0)))
    assert a.metrics[Metric.CADENCE].mean == pytest.approx(176)
    assert a.metrics[Metric.GROUND_CONTACT].mean == pytest.approx(240)
    assert a.walking_s == 100


def test_percentiles_are_time_weighted() -> None:
    t = np.array([0.0, 1, 2, 3, 9])  # the last record stands for 6 s
    from yolvarex.domain.activity import Samples
    s = Samples(t_s=t, channels={"cadence_spm": np.array([160.0, 160, 160, 160, 180])})
    summary = analyse(run(s)).metrics[Metric.CADENCE]
    assert summary.mean == pytest.approx((160 * 4 + 180 * 6) / 10)
    assert summary.p90 == pytest.approx(180)
    assert summary.p10 == pytest.approx(160)


def test_cadence_only_file_names_what_is_missing() -> None:
    a = analyse(run(samples(900, cadence_spm=168, speed_mps=3.1, heart_rate_bpm=150)))
    assert set(a.metrics) == {Metric.CADENCE}
    assert set(a.missing) == set(Metric) - {Metric.CADENCE}


def test_zero_and_dropout_values_are_ignored() -> None:
    gct = np.full(900, 250.0)
    gct[::10] = 0.0
    a = analyse(run(samples(900, cadence_spm=170, stance_time_ms=gct)))
    assert a.metrics[Metric.GROUND_CONTACT].mean == pytest.approx(250)
    assert a.metrics[Metric.GROUND_CONTACT].count == 810


def test_a_ride_is_not_analysed() -> None:
    with pytest.raises(NotARun, match="cycling activity, not a run"):
        analyse(run(samples(60, speed_mps=8), sport=Sport.CYCLING))


def test_drift_compares_first_and_last_quarter_of_moving_time() -> None:
    n = 2400
    cadence = np.concatenate([np.full(600, 170.0), np.full(1200, 168.0), np.full(600, 161.5)])
    gct = np.concatenate([np.full(600, 240.0), np.full(1200, 250.0), np.full(600, 264.0)])
    a = analyse(run(samples(n, cadence_spm=cadence, stance_time_ms=gct, speed_mps=3.0)))
    assert a.drift.cadence_pct == pytest.approx(-5.0)
    assert a.drift.ground_contact_pct == pytest.approx(10.0)
    assert a.drift.vertical_oscillation_pct is None and a.drift.note


def test_drift_ignores_a_walking_break_inside_the_last_quarter() -> None:
    cadence = np.full(2400, 170.0)
    cadence[2000:2200] = 110  # a walk near the end is not "fatigued running"
    a = analyse(run(samples(2400, cadence_spm=cadence, speed_mps=3.0)))
    assert a.drift.cadence_pct == pytest.approx(0.0)


def test_a_much_slower_last_quarter_is_explained_by_pace_not_form() -> None:
    """Issue 12 item 10: the fenix 2 run's last quarter is at 7:10/km against 5:08/km."""
    from tests.conftest import ACTIVITIES
    from yolvarex.ingest import read_activity_file

    (fenix,) = read_activity_file("f.fit", (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes())
    d = analyse(fenix).drift
    assert d.pace_explains and d.ground_contact_pct is None and d.cadence_pct is None
    assert round(d.first_pace_s_per_km) == 308 and round(d.last_pace_s_per_km) == 430  # 5:08, 7:10
    assert "7:10/km" in d.note and "5:08/km" in d.note and "ground contact time +11.9%" in d.note
    assert "pace, not form, explains the change" in d.note


def test_drift_compares_stretches_at_a_shared_pace() -> None:
    """Half of each quarter is at 3.0 m/s; the last quarter's other half is slow. Only the 3.0
    m/s stretches count, so the 4 % longer contact at that pace is the drift."""
    n = 2400
    speed = np.full(n, 3.0)
    speed[1800:2100] = 2.2  # a slow half of the last quarter
    gct = np.full(n, 250.0)
    gct[1800:2100] = 290.0  # long contacts at the slow pace: not form
    gct[2100:] = 260.0  # at the same 3.0 m/s: 4 % longer, that is drift
    a = analyse(run(samples(n, cadence_spm=170.0, stance_time_ms=gct, speed_mps=speed)))
    assert a.drift.pace_matched and not a.drift.pace_explains
    assert a.drift.ground_contact_pct == pytest.approx(4.0)
    assert "only the stretches" in (a.drift.note or "")
    whole = (gct[1800:].mean() - 250) / 250 * 100
    assert whole == pytest.approx(10.0)  # what comparing the quarters whole would have said


def test_even_pace_quarters_compare_whole() -> None:
    a = analyse(run(steady(n=2400)))
    assert not a.drift.pace_matched and not a.drift.pace_explains
    assert a.drift.first_pace_s_per_km == pytest.approx(1000 / 3.0)


def test_short_run_has_no_drift() -> None:
    a = analyse(run(steady(n=300)))
    assert a.drift.cadence_pct is None and "moving time" in (a.drift.note or "")


def test_over_time_bins_moving_time() -> None:
    cadence = np.linspace(160, 180, 1800)
    points = over_time(samples(1800, cadence_spm=cadence), Metric.CADENCE, points=30)
    assert len(points) == 30
    assert points[0][1] is not None and points[-1][1] is not None
    assert points[0][1] < points[-1][1]
    assert points[-1][0] == pytest.approx(29.5)
    assert over_time(samples(100, speed_mps=3.0), Metric.CADENCE) == []
