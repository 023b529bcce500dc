"""Form use cases on real watch files, the real store, and the ownership rules."""

from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pytest

from tests.conftest import ACTIVITIES
from tests.services.form_files import form_run
from yolvarex.content import load_library
from yolvarex.domain.activity import Activity, Samples, Sport
from yolvarex.domain.form.analysis import analyse
from yolvarex.domain.form.metrics import Metric
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import accounts, form, imports
from yolvarex.store import models
from yolvarex.store.access import Actor

LIB, _ = load_library()
START = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
ALL = {m.value for m in Metric}
DYNAMICS = {"cadence_spm", "vertical_oscillation_cm", "ground_contact_ms"}

# file -> metrics the analysis finds (the rest must be listed as missing)
RUNS = {
    "garmin-fenix-5-run.fit": ALL,
    "activity-small-fenix2-run.fit": DYNAMICS,
    "compressed-speed-distance.fit": {"cadence_spm"},
    "2013-02-06-12-11-14.fit": set(),
    "forerunner-410-run.tcx": set(),
    "polar-m400-run.gpx": set(),
}
REFUSED = {
    "garmin-fenix-5-bike.fit": "cycling activity, not a run",
    "garmin-fenix-5-walk.fit": "walking activity, not a run",
    "WorkoutIndividualSteps.fit": "workout file",
    "invalid/activity-filecrc.fit": "checksum",
    "invalid/activity-settings-corruptheader.fit": "header",
    "invalid/activity-settings-nodata.fit": "ends too early",
    "invalid/activity-unexpected-eof.fit": "ends too early",
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_each_sample_run_gives_its_metrics_and_names_the_missing(name: str) -> None:
    report = form.analyse_file(LIB, name, (ACTIVITIES / name).read_bytes())
    data = form.report_json(report)
    assert data["sport"] == "running" and data["file"] == name
    assert set(data["metrics"]) == RUNS[name]
    assert set(data["missing"]) == ALL - RUNS[name]
    assert data["duration_s"] > 0 and data["distance_m"] > 0
    assert list(data) == ["file", "sport", "duration_s", "distance_m", "metrics", "drift",
                          "findings", "missing"]
    for metric in data["metrics"].values():
        assert list(metric) == ["mean", "p10", "p90", "grade"]
        assert metric["p10"] <= metric["mean"] <= metric["p90"]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_rides_walks_and_broken_files_are_refused_clearly(name: str) -> None:
    with pytest.raises(Invalid) as exc:
        form.analyse_file(LIB, name.rsplit("/", 1)[-1], (ACTIVITIES / name).read_bytes())
    assert REFUSED[name] in exc.value.message
    assert "Traceback" not in exc.value.message


def test_fenix5_dynamics_in_steps_cm_ms_percent_and_metres() -> None:
    report = form.analyse_file(LIB, "run.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())
    m = report.analysis.metrics
    assert 160 < m[Metric.CADENCE].mean < 190  # steps, not strides (~87)
    assert 6 < m[Metric.VERTICAL_OSCILLATION].mean < 10  # cm
    assert 200 < m[Metric.GROUND_CONTACT].mean < 320  # ms
    assert 51 < m[Metric.BALANCE].mean < 54
    assert 0.7 < m[Metric.STEP_LENGTH].mean < 1.3  # m
    assert report.findings[0].fault == "left-right-asymmetry"
    assert report.analysis.drift.note  # 157 m is too short for drift


def _csv_samples(path, time_col, cadence_col, speed_col, distance_col) -> Samples:
    with path.open() as fh:
        rows = list(csv.DictReader(fh, skipinitialspace=True))

    def col(name: str, scale: float = 1.0) -> np.ndarray:
        return np.array([float(r[name]) * scale if r[name] not in ("", "null") else np.nan
                         for r in rows])
    return Samples(t_s=col(time_col) - float(rows[0][time_col]),
                   channels={"cadence_spm": col(cadence_col, 2.0), "speed_mps": col(speed_col),
                             "distance_m": col(distance_col)})


def test_compressed_file_analysis_matches_its_ground_truth_csv() -> None:
    """The cadence figures from the FIT file equal those computed from the published CSV."""
    truth = _csv_samples(ACTIVITIES / "compressed-speed-distance-records.csv", "Timestamp",
                         "Cadence [rpm]", "Speed [m/s]", "Distance [m]")
    expected = analyse(Activity(sport=Sport.RUNNING, start=START, duration_s=1.0, samples=truth))
    report = form.analyse_file(LIB, "c.fit", (ACTIVITIES / "compressed-speed-distance.fit").read_bytes())
    got, want = report.analysis.metrics[Metric.CADENCE], expected.metrics[Metric.CADENCE]
    assert got.mean == pytest.approx(want.mean, abs=0.05)
    assert (got.p10, got.p90) == pytest.approx((want.p10, want.p90), abs=0.5)
    assert report.analysis.moving_s == pytest.approx(expected.moving_s, abs=2)
    assert report.analysis.drift.cadence_pct == pytest.approx(expected.drift.cadence_pct, abs=0.1)


def test_fenix5_cadence_matches_its_ground_truth_csv() -> None:
    with (ACTIVITIES / "garmin-fenix-5-run-records.csv").open() as fh:
        strides = [int(r["cadence"]) for r in csv.DictReader(fh)]
    report = form.analyse_file(LIB, "r.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())
    samples = report.samples.channels["cadence_spm"]
    # the CSV drops the half-stride fraction: steps = 2 x (cadence + fraction)
    assert all(2 * s <= got <= 2 * s + 1 for s, got in zip(strides, samples, strict=True))


def test_synthetic_run_with_fatigue_drift_and_a_walk_break() -> None:
    data = form_run(START, minutes=40, cadence_spm=172, cadence_end_spm=160, gct_ms=240,
                    gct_end_ms=275, walk_break=(1200, 1320))
    report = form.analyse_file(LIB, "long.fit", data)
    a = report.analysis
    assert a.walking_s == pytest.approx(120, abs=2)
    assert a.drift.cadence_pct is not None and a.drift.cadence_pct < -5
    assert a.drift.ground_contact_pct is not None and a.drift.ground_contact_pct > 10
    assert "fatigue-breakdown" in [f.fault for f in report.findings]
    assert a.metrics[Metric.GROUND_CONTACT].p90 < 300  # the walk's 420 ms is left out


def test_chained_file_analyses_its_run() -> None:
    chained = form_run(START, minutes=2, sport="cycling") + form_run(START + dt.timedelta(hours=1),
                                                                     minutes=12)
    report = form.analyse_file(LIB, "chained.fit", chained)
    assert report.analysis.sport is Sport.RUNNING and report.analysis.duration_s == 720


def _import(rt, actor: Actor, *files: tuple[str, bytes]) -> list[int]:
    with rt.db.session() as db:
        report = imports.import_sources(db, actor, imports.upload_sources(files))
    return [i for f in report.files for i in f.activity_ids]


def test_stored_run_compared_with_earlier_runs_at_a_similar_pace(rt, make_user) -> None:
    ann = make_user("ann")
    earlier = [(f"e{i}.fit", form_run(START + dt.timedelta(days=i), minutes=15, cadence_spm=c))
               for i, c in enumerate((176, 177, 178, 179))]
    fast = [("fast.fit", form_run(START + dt.timedelta(days=5), minutes=15, cadence_spm=150,
                                  speed=4.5))]
    (latest,) = _import(rt, ann, *earlier, *fast, ("now.fit", form_run(
        START + dt.timedelta(days=6), minutes=15, cadence_spm=167)))[-1:]
    with rt.db.session() as db:
        report = form.analyse_stored(db, ann, LIB, latest)
    assert report.baseline is not None and report.baseline.runs == 4  # the fast run is left out
    cadence = report.baseline.of(Metric.CADENCE)
    assert cadence is not None and cadence.usual == pytest.approx(177.5, abs=0.3) and cadence.notable
    assert [f.fault for f in report.findings] == ["low-cadence"]  # green band, low for ann
    assert "earlier runs at a similar pace" in report.findings[0].because
    data = form.report_json(report, extended=True)
    assert data["baseline"]["runs"] == 4 and data["activity_id"] == latest


def test_another_users_activity_is_not_found_and_a_coach_needs_a_link(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    coach = make_user("cora", role="coach")
    (run_id,) = _import(rt, ann, ("a.fit", form_run(START, minutes=12)))
    with rt.db.session() as db:
        for actor in (bob, coach):
            with pytest.raises(NotFound):
                form.analyse_stored(db, actor, LIB, run_id)
        link = accounts.invite_athlete(db, coach, "ann")
        accounts.accept_coach(db, ann, link.id)
        assert form.analyse_stored(db, coach, LIB, run_id).activity_id == run_id


def test_hand_logged_run_has_nothing_to_analyse(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        row = models.Activity(user_id=ann.id, sport="running", start=START, day=START.date(), duration_s=1800,
                              distance_m=5000, source="manual")
        db.add(row)
        db.flush()
        with pytest.raises(Invalid, match="no recorded samples"):
            form.analyse_stored(db, ann, LIB, row.id)


def test_assessment_saved_ranked_and_validated(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    day = dt.date(2026, 3, 10)
    with rt.db.session() as db:
        with pytest.raises(Invalid) as exc:
            form.save_assessment(db, ann, LIB, {"bouncy": "maybe", "nope": "x"}, day)
        assert len(exc.value.details) == 2
        with pytest.raises(Invalid, match="at least one"):
            form.save_assessment(db, ann, LIB, {"bouncy": ""}, day)
        result = form.save_assessment(db, ann, LIB, {"foot-ahead-of-knee": "clearly",
                                                     "loud-landing": "loud"}, day)
        assert [r.fault for r in result.ranking][:2] == ["overstriding", "heavy-landing"]
    with rt.db.session() as db:
        latest = form.latest_assessment(db, ann)
        assert latest is not None and latest.id == result.id
        assert latest.ranking[0].reasons and latest.answers["loud-landing"] == "loud"
        assert form.latest_assessment(db, bob) is None
        with pytest.raises(NotFound):
            form.get_assessment(db, bob, result.id)
        with pytest.raises(NotFound):
            form.save_assessment(db, bob, LIB, {"bouncy": "very"}, day, athlete_id=ann.id)


def test_session_from_the_newest_source_first(rt, make_user) -> None:
    ann = make_user("ann")
    today = dt.date(2026, 3, 20)
    with rt.db.session() as db:
        general = form.plan_session(db, ann, LIB, 10, today)
        assert general.session.general and "general" in general.source
        form.save_assessment(db, ann, LIB, {"tension": "often"}, dt.date(2026, 3, 1))
    _import(rt, ann, ("r.fit", form_run(dt.datetime(2026, 3, 15, 7, tzinfo=dt.UTC), minutes=15,
                                        cadence_spm=158)))
    with rt.db.session() as db:
        plan = form.plan_session(db, ann, LIB, 12, today)
        assert plan.session.focus[0] == "low-cadence"
        assert "tense-upper-body" in plan.session.focus
        assert plan.source.startswith("your run on 15 Mar 2026 and your self-assessment")
        data = form.session_json(plan, LIB)
        assert data["drills"] and all(d["cue_text"] for d in data["drills"])
        picked = form.plan_session(db, ann, LIB, 5, today, fault="hip-drop")
        assert picked.session.focus == ("hip-drop",)
        with pytest.raises(NotFound, match="no fault called"):
            form.plan_session(db, ann, LIB, 5, today, fault="wobbly")
        with pytest.raises(Invalid, match="5-15 minutes"):
            form.plan_session(db, ann, LIB, 30, today)


def test_running_day_from_the_weekly_habit(rt, make_user) -> None:
    ann = make_user("ann")
    monday = dt.date(2026, 3, 23)
    for weeks in (1, 2):
        _import(rt, ann, (f"m{weeks}.fit", form_run(dt.datetime.combine(
            monday - dt.timedelta(weeks=weeks), dt.time(7), tzinfo=dt.UTC), minutes=10)))
    with rt.db.session() as db:
        assert form.is_running_day(db, ann, monday)
        assert not form.is_running_day(db, ann, monday + dt.timedelta(days=1))


def _tcx(seconds: int, strides: int) -> bytes:
    def tp(i: int) -> str:
        stamp = (START + dt.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f"<Trackpoint><Time>{stamp}</Time><DistanceMeters>{3.0 * i}</DistanceMeters>"
                f"<Extensions><ns3:TPX><ns3:RunCadence>{strides}</ns3:RunCadence></ns3:TPX>"
                "</Extensions></Trackpoint>")
    stamp = START.strftime("%Y-%m-%dT%H:%M:%SZ")
    return ('<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
            'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>'
            f'<Activity Sport="Running"><Id>{stamp}</Id><Lap StartTime="{stamp}">'
            f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{3.0 * seconds}"
            f"</DistanceMeters><Track>{''.join(tp(i) for i in range(seconds))}</Track></Lap>"
            "</Activity></Activities></TrainingCenterDatabase>").encode()


def test_tcx_run_cadence_is_graded_in_steps() -> None:
    data = form.report_json(form.analyse_file(LIB, "run.tcx", _tcx(900, 79)))
    assert list(data["metrics"]) == ["cadence_spm"]
    assert data["metrics"]["cadence_spm"]["mean"] == 158.0
    assert data["metrics"]["cadence_spm"]["grade"] == "orange"
    assert data["findings"][0]["fault"] == "low-cadence"


def test_developer_fields_do_not_get_in_the_way() -> None:
    from tests.ingest.fitwriter import run_file

    report = form.analyse_file(LIB, "stryd.fit", run_file(START, seconds=900, power_dev=True))
    assert report.analysis.metrics[Metric.CADENCE].mean == pytest.approx(171)
    assert report.analysis.metrics[Metric.GROUND_CONTACT].mean == pytest.approx(245)
    assert report.analysis.missing == ()
