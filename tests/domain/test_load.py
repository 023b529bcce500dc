"""Load formulas checked by hand and against an independent day-by-day recomputation."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yolvarex.domain import load

NAN = math.nan


def test_session_load_is_rpe_times_minutes() -> None:
    assert load.session_load(6, 45) == 270


def test_trimp_matches_banister_formula() -> None:
    # 60 min at a heart-rate reserve of 0.5: 60 * 0.5 * 0.64 * e^(1.92 * 0.5)
    expected = 60 * 0.5 * 0.64 * math.exp(0.96)
    assert load.trimp(60, avg_hr=125, rest_hr=50, max_hr=200) == pytest.approx(expected)
    assert load.trimp(60, 125, 50, 200, female=True) == pytest.approx(60 * 0.5 * 0.86 * math.exp(0.835))
    with pytest.raises(ValueError):
        load.trimp(60, 120, 60, 60)


def test_ewma_by_hand() -> None:
    lam = 2 / 8
    series = load.ewma([100, 0, 50], lam)[0]
    first = 100 * lam
    second = (1 - lam) * first
    third = 50 * lam + (1 - lam) * second
    assert series.tolist() == pytest.approx([first, second, third])


def reference(loads: list[float], trained: list[bool] | None = None) -> dict[str, list[float]]:
    """The rules of `domain.load` written out plainly, one athlete and one day at a time."""
    marks = [False] * len(loads) if trained is None else trained
    trained = [t or v > 0 for t, v in zip(marks, loads, strict=True)]
    names = ("acute", "chronic", "acwr", "fitness", "fatigue", "form", "monotony", "strain",
             "days_since_rest", "stretch_day")
    out: dict[str, list[float]] = {n: [] for n in names}
    last = start = None
    acute = chronic = fitness = fatigue = 0.0
    streak = 0
    for day, value in enumerate(loads):
        if trained[day]:
            if last is None or day - last > 28:  # a new stretch after 28 days without training
                start = day
                window = loads[day:day + 28]
                acute = chronic = fitness = fatigue = sum(window) / len(window)
            last = day
        acute += 2 / 8 * (value - acute)
        chronic += 2 / 29 * (value - chronic)
        fitness += (value - fitness) / 42
        fatigue += (value - fatigue) / 7
        streak = streak + 1 if trained[day] else 0
        place = day - start + 1 if start is not None and last is not None and day - last < 28 else 0
        warm = place >= 28
        out["acute"].append(acute if warm else NAN)
        out["chronic"].append(chronic if warm else NAN)
        out["acwr"].append(acute / chronic if warm and chronic > 0 else NAN)
        out["fitness"].append(fitness if warm else NAN)
        out["fatigue"].append(fatigue if warm else NAN)
        out["form"].append(fitness - fatigue if warm else NAN)
        week = loads[day - 6:day + 1] if place >= 7 else []
        sd = statistics.stdev(week) if week else 0.0
        mean = statistics.fmean(week) if week else 0.0
        monotony = mean / sd if week and sd > 0 and mean > 0 else NAN
        out["monotony"].append(monotony)
        out["strain"].append(sum(week) * monotony if week else NAN)
        out["days_since_rest"].append(streak)
        out["stretch_day"].append(place)
    return out


def assert_matches(a: load.LoadAnalysis, row: int, expected: dict[str, list[float]]) -> None:
    for name, values in expected.items():
        np.testing.assert_allclose(getattr(a, name)[row], values, rtol=1e-9, atol=1e-7,
                                   equal_nan=True, err_msg=name)


def test_steady_load_reads_ratio_one_and_form_zero_once_warmed_up() -> None:
    a = load.analyse(np.full((2, 60), 300.0))
    assert np.isnan(a.acwr[:, :27]).all() and np.isnan(a.form[:, :27]).all()
    assert np.isnan(a.fitness[:, :27]).all() and np.isnan(a.acute[:, :27]).all()
    assert a.acwr[0, 27] == pytest.approx(1.0) and a.acwr[0, -1] == pytest.approx(1.0)
    # issue 12 item 6: ten (or sixty) identical days no longer read form -114
    assert a.form[0, -1] == pytest.approx(0.0) and a.fitness[0, -1] == pytest.approx(300.0)


def test_acwr_rises_after_a_spike() -> None:
    a = load.analyse(np.r_[np.full(60, 200.0), np.full(7, 600.0)])
    assert a.acwr[0, -1] > 1.5
    assert a.acwr[0, 59] == pytest.approx(1.0, abs=0.01)


def test_a_long_gap_restarts_the_averages_instead_of_reading_as_a_spike() -> None:
    # eight years ago a block of training, then nothing, then one run: no ratio at all
    old = np.r_[np.full(60, 300.0), np.zeros(3000), [400.0]]
    a = load.analyse(old)
    assert a.stretch_day[0, -1] == 1
    assert np.isnan(a.acwr[0, -1]) and np.isnan(a.form[0, -1])
    # 27 days without training keep the stretch; the 28th ends it
    kept = load.analyse(np.r_[np.full(40, 100.0), np.zeros(27), [100.0]])
    assert kept.stretch_day[0, -1] == 68 and not np.isnan(kept.acwr[0, -1])
    ended = load.analyse(np.r_[np.full(40, 100.0), np.zeros(28), [100.0]])
    assert ended.stretch_day[0, -1] == 1 and np.isnan(ended.acwr[0, -1])
    assert ended.stretch_day[0, -2] == 0 and np.isnan(ended.acwr[0, -2])  # the gap itself


def test_stretch_start_matches_the_analysis() -> None:
    days = [0, 5, 30, 100, 110, 138, 167]
    assert load.stretch_start(days, 4) == 0
    assert load.stretch_start(days, 40) == 0  # 30 - 5 = 25 days: one stretch
    assert load.stretch_start(days, 58) is None  # 28 days since day 30
    assert load.stretch_start(days, 120) == 100
    assert load.stretch_start(days, 140) == 100  # 138 - 110 = 28: still the same stretch
    assert load.stretch_start(days, 167) == 167  # 167 - 138 = 29: a new one
    assert load.stretch_start([], 10) is None
    loads = np.zeros(170)
    loads[days] = 100.0
    a = load.analyse(loads)
    for day in range(170):
        start = load.stretch_start(days, day)
        assert a.stretch_day[0, day] == (0 if start is None else day - start + 1)


def test_monotony_and_strain_by_hand() -> None:
    week = [100, 0, 200, 100, 0, 300, 0]
    a = load.analyse([[100, *week]])
    mean, sd = np.mean(week), np.std(week, ddof=1)
    assert a.monotony[0, 7] == pytest.approx(mean / sd)
    assert a.strain[0, 7] == pytest.approx(sum(week) * mean / sd)
    assert np.isnan(a.monotony[0, :6]).all()


def test_identical_days_have_no_monotony_rather_than_a_capped_one() -> None:
    # issue 12 item 7: seven easy 30-minute jogs (RPE 3) gave monotony 10 and strain 6,300
    a = load.analyse([[90.0] * 7, [0.0] * 7, [600.0] * 6 + [0.0]])
    assert math.isnan(a.monotony[0, 6]) and math.isnan(a.strain[0, 6])
    assert math.isnan(a.monotony[1, 6])
    week = np.array([600.0] * 6 + [0.0])
    assert a.monotony[2, 6] == pytest.approx(week.mean() / week.std(ddof=1))  # 2.27, no cap


def test_a_logged_day_without_load_is_still_a_training_day() -> None:
    loads = [50.0, 0.0, 0.0, 40.0]
    a = load.analyse(loads, trained=[True, True, False, True])
    assert a.days_since_rest[0].tolist() == [1, 2, 0, 1]
    assert load.analyse(loads).days_since_rest[0].tolist() == [1, 0, 0, 1]


def test_by_hand_and_reference_agree() -> None:
    days = [100.0, 0.0, 200.0, 0.0, 0.0, 300.0, 100.0, 0.0]
    a = load.analyse(days)
    assert a.days_since_rest[0].tolist() == [1, 0, 1, 0, 0, 1, 2, 0]
    assert np.isnan(a.acwr[0]).all() and np.isnan(a.fitness[0]).all()  # fewer than 28 days
    assert_matches(a, 0, reference(days))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.just(0.0), st.floats(1, 900)), min_size=1, max_size=150),
       st.integers(0, 3), st.integers(28, 60))
def test_analysis_equals_the_plain_recomputation(loads: list[float], gap_at: int, gap: int) -> None:
    """Property: the vectorised pass equals the day-by-day rules, gaps and restarts included."""
    cut = min(gap_at * 30, len(loads))
    series = loads[:cut] + [0.0] * (gap if gap_at else 0) + loads[cut:]
    assert_matches(load.analyse(series), 0, reference(series))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.just(0.0), st.floats(1, 900)), min_size=30, max_size=150),
       st.integers(0, 120))
def test_a_days_figures_do_not_depend_on_where_the_computation_starts(loads: list[float],
                                                                       day: int) -> None:
    """Property: starting at the day's stretch start (or earlier) gives the same figures."""
    day = min(day, len(loads) - 1)
    training = [i for i, v in enumerate(loads) if v > 0]
    start = load.stretch_start(training, day)
    full = load.analyse(loads)
    begin = start if start is not None else day
    part = load.analyse(loads[begin:day + 1])
    for name in ("acwr", "fitness", "fatigue", "form", "monotony", "strain", "days_since_rest"):
        np.testing.assert_allclose(getattr(part, name)[0, -1], getattr(full, name)[0, day],
                                   rtol=1e-9, atol=1e-7, equal_nan=True, err_msg=name)


def test_many_athletes_at_once_match_one_by_one() -> None:
    rng = np.random.default_rng(1)
    loads = np.where(rng.random((5, 200)) < 0.3, 0.0, rng.uniform(0, 500, size=(5, 200)))
    loads[2, 40:90] = 0.0  # one athlete has a gap and a restart
    loads[3, :60] = 0.0  # one starts late
    together = load.analyse(loads)
    for i in range(5):
        assert_matches(together, i, reference(loads[i].tolist()))


def test_strain_against_the_runners_own_usual() -> None:
    from yolvarex.domain.load import strain_vs_usual

    steady = np.full((1, 40), 2000.0)
    assert strain_vs_usual(steady)[0] == pytest.approx(1.0)
    rising = steady.copy()
    rising[0, -1] = 3000.0
    assert strain_vs_usual(rising)[0] == pytest.approx(1.5)
    young = np.full((1, 20), 2000.0)  # fewer than 14 known days before this week
    assert np.isnan(strain_vs_usual(young)[0])
    patchy = steady.copy()
    patchy[0, 5:30] = np.nan
    assert np.isnan(strain_vs_usual(patchy)[0])
    two = np.vstack([steady, rising])  # a squad at once, row by row the same
    assert strain_vs_usual(two).tolist() == pytest.approx([1.0, 1.5])


def test_a_uniform_week_well_above_the_runners_usual_calls_for_rest() -> None:
    """Foster 1998: the strain that came before illness differed per athlete; a recreational
    runner's high week is far below any one fixed number."""
    from tests.domain.trees_support import decide
    from yolvarex.domain.verdict import Verdict

    def load_verdict(**facts: float) -> Verdict:
        return decide(days_since_rest=3, acwr=1.0, **facts).tree("load").verdict

    assert load_verdict(monotony=2.4, strain=3200.0, strain_vs_usual=1.6) is Verdict.REST
    assert load_verdict(monotony=2.4, strain=3200.0, strain_vs_usual=1.05) is Verdict.TRAIN
    assert load_verdict(monotony=1.4, strain=3200.0, strain_vs_usual=1.6) is Verdict.TRAIN
    assert load_verdict(monotony=2.4, strain=6500.0) is Verdict.REST  # usual not known yet
