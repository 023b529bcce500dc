"""Issue 12, load items 4-9, on a real database with real watch files.

Each test names the item it guards. Dates are fixed; nothing reads the clock.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import ACTIVITIES
from yolvarex.content import load_library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.session_load import load_of_session
from yolvarex.errors import Conflict
from yolvarex.ingest.archive import SourceFile
from yolvarex.services import decisions, imports, load_report, strength_log, training_load, training_log
from yolvarex.services.athlete import athlete_heart_rates, save_body_settings
from yolvarex.services.checkins import save_checkin
from yolvarex.services.training_log import CrossEntry, EntryChanges, RunEntry
from yolvarex.store import models
from yolvarex.store.access import scope

LIBRARY, _ = load_library()
TODAY = dt.date(2026, 11, 30)
PERFECT = dict(sleep_hours=8.0, sleep_quality=5, soreness=0, pain=0, symptoms=(), mood=5,
               stress=1, motivation=5, red_flags=())
OLD_FILES = ("2013-02-06-12-11-14.fit", "forerunner-410-run.tcx", "activity-small-fenix2-run.fit",
             "polar-m400-run.gpx")


def back(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def _log_run(db, actor, on: dt.date, minutes: float = 40, rpe: float | None = 4,
             run_type: str = "easy") -> models.Activity:
    return training_log.log_entry(db, actor, RunEntry(date=on, minutes=minutes, rpe=rpe,
                                                      run_type=run_type))


def _strength(day: dt.date, minutes: float | None, rpe: float | None = None) -> dict:
    sets = [{"exercise": "glute-bridge", "reps": 12}] * 3 + [{"exercise": "plank", "seconds": 40}] * 3
    data: dict = {"date": day.isoformat(), "sets": sets}
    if minutes is not None:
        data["minutes"] = minutes
    if rpe is not None:
        data["rpe"] = rpe
    return data


# item 4 -------------------------------------------------------------------------------------

def test_a_strength_session_without_rpe_counts_and_is_never_a_rest_day(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days in range(11, 1, -1):  # ten runs in a row
            _log_run(db, ann, back(days))
        strength_log.log_session(db, ann, strength_log.parse_session(_strength(back(1), 40)), LIBRARY)
    with rt.db.session() as db:
        loads = training_load.daily_loads(db, ann, back(1), back(1))
        facts = training_load.load_facts(db, ann, TODAY)
    assert loads.tolist() == [200.0]  # 40 minutes at the typical strength RPE 5, as `log cross`
    assert facts.days_since_rest == 11


def test_strength_without_minutes_or_rpe_is_estimated_from_its_sets(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        strength_log.log_session(db, ann, strength_log.parse_session(_strength(back(1), None)), LIBRARY)
        strength_log.log_session(db, ann, strength_log.parse_session(_strength(back(2), 30, 7)), LIBRARY)
    with rt.db.session() as db:
        loads = training_load.daily_loads(db, ann, back(2), back(1))
        facts = training_load.load_facts(db, ann, TODAY)
    assert loads.tolist() == [210.0, 5 * 6 * 2.0]  # RPE 7 x 30; six sets x 2 min x RPE 5
    assert facts.days_since_rest == 2


# item 5 -------------------------------------------------------------------------------------

def _import(db, actor, names=OLD_FILES) -> None:
    sources = [SourceFile(n, (ACTIVITIES / n).read_bytes()) for n in names]
    report = imports.import_sources(db, actor, sources)
    assert report.imported == len(names)


def test_old_history_and_one_run_today_leave_the_ratio_unknown_and_say_so(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        _import(db, ann)  # files from 2012 to 2020
        for actor in (ann, bob):
            _log_run(db, actor, back(1), minutes=50, rpe=6)
            save_checkin(db, actor, CheckIn(date=TODAY, **PERFECT))
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, TODAY)
        with_history = decisions.decide_day(db, ann, TODAY)
        without = decisions.decide_day(db, bob, TODAY)
    assert facts.acwr is None and facts.chronic is None and facts.form is None
    assert facts.stretch_start == back(1) and facts.known_from == back(1) + dt.timedelta(days=28)
    assert facts.note and "28 days" in facts.note and facts.known_from.isoformat() in facts.note
    assert with_history.verdict == without.verdict
    assert with_history.tree("load").leaf == without.tree("load").leaf == "short-history"
    assert with_history.facts.values == without.facts.values


def test_a_long_gap_restarts_the_chronic_average(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days in range(120, 60, -1):  # two steady months, then 55 days off
            _log_run(db, ann, back(days), minutes=60, rpe=5)
        for days in range(5, 0, -1):
            _log_run(db, ann, back(days), minutes=60, rpe=5)
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, TODAY)
        gap = training_load.load_facts(db, ann, back(10))
    assert facts.acwr is None and facts.stretch_start == back(5)
    assert facts.days_since_rest == 5
    assert gap.stretch_start is None and gap.days_since_rest == 0 and "last 28 days" in gap.note


# item 6 -------------------------------------------------------------------------------------

def test_fitness_and_form_warm_up_and_then_read_steady(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days in range(10, 0, -1):
            _log_run(db, ann, back(days), minutes=40, rpe=5)
    with rt.db.session() as db:
        early = training_load.load_facts(db, ann, TODAY)
        for days in range(40, 10, -1):
            _log_run(db, ann, back(days), minutes=40, rpe=5)
    with rt.db.session() as db:
        later = training_load.load_facts(db, ann, TODAY)
    assert early.form is None and early.fitness is None  # warming up, not -114
    assert later.fitness == pytest.approx(200) and later.form == pytest.approx(0)


def test_a_days_figures_do_not_depend_on_how_many_weeks_are_shown(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days in range(300, 0, -1):
            if days % 7 not in (0, 3):
                _log_run(db, ann, back(days), minutes=30 + days % 40, rpe=3 + days % 5)
    with rt.db.session() as db:
        reports = [load_report.report(db, ann, TODAY, weeks) for weeks in (2, 6, 12, 40)]
        series = [training_load.load_series(db, ann, back(1), days) for days in (7, 84, 290)]
    this_week = {tuple(sorted(r["weeks"][-1].items())) for r in reports}
    last_week = {tuple(sorted(r["weeks"][-2].items())) for r in reports}
    assert len(this_week) == 1 and len(last_week) == 1
    for name in ("acwr", "fitness", "fatigue", "form", "monotony", "strain", "days_since_rest"):
        assert len({s.column(name)[-1] for s in series}) == 1, name
    assert reports[0]["today"] == reports[-1]["today"]
    assert series[0].column("fitness")[-1] == pytest.approx(reports[0]["today"]["fitness"], abs=1e-3)


def test_editing_notes_keeps_the_load_and_a_real_change_uses_that_days_heart_rates(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        run = training_log.log_entry(db, ann, CrossEntry(date=back(30), minutes=60, avg_hr=150,
                                                         sport="cycling"))
        first = run.load
        save_body_settings(db, ann.id, {"max_hr": 160})  # set later: not the run's maximum
    with rt.db.session() as db:
        noted = training_log.update_entry(db, ann, run.id, EntryChanges(notes="windy", name="Ride"))
        assert noted.load == first
        longer = training_log.update_entry(db, ann, run.id, EntryChanges(minutes=90))
        hr_then = athlete_heart_rates(scope(db, ann), back(30))
    assert longer.load > first
    assert hr_then.max == 160  # a setting has no date; a recorded maximum would


def test_a_later_recorded_maximum_does_not_change_an_earlier_sessions_load(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        db.add(models.Activity(user_id=ann.id, sport="running", duration_s=1800, max_hr=200,
                               day=back(40),
                               start=dt.datetime.combine(back(40), dt.time(7), tzinfo=dt.UTC)))
        run = training_log.log_entry(db, ann, RunEntry(date=back(30), minutes=60, avg_hr=150))
        before = run.load
        db.add(models.Activity(user_id=ann.id, sport="running", duration_s=1800, max_hr=215,
                               day=back(1),
                               start=dt.datetime.combine(back(1), dt.time(7), tzinfo=dt.UTC)))
    with rt.db.session() as db:
        edited = training_log.update_entry(db, ann, run.id, EntryChanges(minutes=60.5))
        assert athlete_heart_rates(scope(db, ann), back(30)).max == 200
        assert athlete_heart_rates(scope(db, ann), TODAY).max == 215
    assert edited.load == pytest.approx(before * 60.5 / 60, abs=0.2)


# item 7 -------------------------------------------------------------------------------------

def test_seven_easy_jogs_and_a_perfect_check_in_are_not_a_rest_day(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days in range(7, 0, -1):
            _log_run(db, ann, back(days), minutes=30, rpe=None)  # estimated: RPE 3 x 30
        save_checkin(db, ann, CheckIn(date=TODAY, **PERFECT))
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, TODAY)
        decision = decisions.decide_day(db, ann, TODAY)
    assert facts.monotony is None and facts.strain is None
    assert "Monotony is not defined" in (facts.note or "")
    assert decision.verdict.value == "train"


# item 8 -------------------------------------------------------------------------------------

def test_imported_load_counts_moving_time(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        _import(db, ann, ("2013-02-06-12-11-14.fit",))
        row = db.query(models.Activity).one()
        hr = athlete_heart_rates(scope(db, ann), row.start.date())  # nothing before 2013: defaults
    moving = load_of_session(row.moving_s / 60, sport="running", avg_hr=row.avg_hr, hr=hr).load
    assert row.moving_s == 2108 and row.duration_s > 2600  # 8 minutes stopped
    assert row.load == moving


def test_athlete_maximum_ignores_readings_above_220_unless_set(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for days, top in ((20, 186), (10, 243)):
            db.add(models.Activity(user_id=ann.id, sport="running", duration_s=1800, max_hr=top,
                                   day=back(days),
                               start=dt.datetime.combine(back(days), dt.time(7), tzinfo=dt.UTC)))
    with rt.db.session() as db:
        assert athlete_heart_rates(scope(db, ann), TODAY).max == 186
        save_body_settings(db, ann.id, {"max_hr": 225})
    with rt.db.session() as db:
        assert athlete_heart_rates(scope(db, ann), TODAY).max == 225


# item 9 (duplicate half) --------------------------------------------------------------------

def test_the_same_manual_entry_twice_is_refused_like_an_imported_duplicate(rt, make_user) -> None:
    ann = make_user("ann")
    entry = RunEntry(date=back(2), minutes=45, rpe=5)
    with rt.db.session() as db:
        first = training_log.log_entry(db, ann, entry)
    with rt.db.session() as db, pytest.raises(Conflict) as caught:
        training_log.log_entry(db, ann, entry)
    assert "already in your log" in str(caught.value) and str(first.id) in str(caught.value)
    with rt.db.session() as db:  # a second run later that day is not a duplicate
        training_log.log_entry(db, ann, RunEntry(date=back(2), time=dt.time(18), minutes=45, rpe=5))
        assert db.query(models.Activity).count() == 2


def test_a_uniform_week_well_above_a_recreational_runners_usual_is_a_rest_day(rt, make_user) -> None:
    """Issue 12 item 7: monotony above 2 at a strain high *for this runner* (far below 6000)
    now calls for rest, as Foster's individual thresholds do; an ordinary week does not."""
    ann = make_user("ann")
    usual_week = [200, 0, 200, 0, 200, 0, 300]  # four weeks like this: strain about 1000
    hard_week = [400, 150, 400, 150, 400, 150, 350]  # then this one: monotony 2.25, strain 4500
    loads = usual_week * 4 + hard_week
    with rt.db.session() as db:
        for i, value in enumerate(loads):
            day = back(len(loads) - i)
            if value:
                db.add(models.Activity(user_id=ann.id, sport="running", run_type="easy", day=day,
                                       start=dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC),
                                       duration_s=value * 60 / 5, rpe=5.0, load=float(value)))
        save_checkin(db, ann, CheckIn(date=TODAY, sleep_hours=8, sleep_quality=4, soreness=1,
                                      mood=4, stress=2, motivation=4))
    with rt.db.session() as db:
        facts = training_load.load_facts(db, ann, TODAY)
        assert facts.monotony is not None and 2.0 < facts.monotony < 2.5
        assert facts.strain is not None and facts.strain < 6000
        assert facts.strain_vs_usual is not None and facts.strain_vs_usual > 3
        decision = decisions.decide_day(db, ann, TODAY)
    assert decision.tree("load").verdict.value == "rest"
