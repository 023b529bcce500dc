"""Importing real watch files into the store: outcomes, duplicates, archives, atomicity, load."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import ACTIVITIES
from tests.ingest.fitwriter import run_file
from yolvarex.errors import NotFound
from yolvarex.ingest.archive import SourceFile
from yolvarex.services import imports
from yolvarex.store import models
from yolvarex.store.samples import decode_samples

START = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)


def _count(rt, user_id: int | None = None) -> int:
    with rt.db.session() as db:
        q = select(func.count()).select_from(models.Activity)
        if user_id is not None:
            q = q.where(models.Activity.user_id == user_id)
        return db.scalar(q) or 0


def _import_paths(rt, actor, *paths: Path) -> imports.ImportReport:
    with rt.db.session() as db:
        return imports.import_sources(db, actor, imports.path_sources(list(paths)))


def test_importing_the_sample_folder_gives_every_expected_outcome(rt, make_user) -> None:
    ann = make_user("ann")
    report = _import_paths(rt, ann, ACTIVITIES)
    summary = report.summary()
    assert summary["imported"] == 8 and summary["cross_training"] == 2
    assert summary["duplicates"] == 0
    failed = {Path(f["file"]).name: f["reason"] for f in summary["failed"]}
    assert set(failed) == {"WorkoutIndividualSteps.fit", "WorkoutRepeatSteps.fit",
                           "activity-filecrc.fit", "activity-settings-corruptheader.fit",
                           "activity-settings-nodata.fit", "activity-unexpected-eof.fit"}
    assert all(reason and "Traceback" not in reason for reason in failed.values())
    with rt.db.session() as db:
        rows = db.scalars(select(models.Activity).order_by(models.Activity.start)).all()
        sports = sorted(r.sport for r in rows)
        assert sports == ["cycling"] + ["running"] * 6 + ["walking"]
        fenix = next(r for r in rows if r.source_name and r.source_name.endswith("garmin-fenix-5-run.fit"))
        assert fenix.source == "fit" and fenix.load and fenix.load > 0
        assert fenix.dynamics["load_method"] == "heart_rate"
        assert 50 < fenix.dynamics["vertical_oscillation_mm"] < 150
        samples = decode_samples(fenix.samples)
        assert len(samples) == 21 and samples.has("step_length_mm")
        gpx = next(r for r in rows if r.source == "gpx")
        assert gpx.dynamics["load_method"] == "estimate"  # no heart rate in that file


def test_importing_twice_stores_once(rt, make_user) -> None:
    ann = make_user("ann")
    first = _import_paths(rt, ann, ACTIVITIES / "garmin-fenix-5-run.fit", ACTIVITIES / "polar-m400-run.gpx")
    again = _import_paths(rt, ann, ACTIVITIES / "garmin-fenix-5-run.fit", ACTIVITIES / "polar-m400-run.gpx")
    assert first.imported == 2 and again.imported == 0 and again.duplicates == 2
    assert [f.status for f in again.files] == ["duplicate", "duplicate"]
    assert _count(rt) == 2


def test_same_activity_in_another_format_is_a_duplicate(rt, make_user, tmp_path) -> None:
    ann = make_user("ann")
    fit = run_file(START, seconds=1800, step=5)
    (tmp_path / "a.fit").write_bytes(fit)
    pts = "".join(
        f'<trkpt lat="{60 + i * 1e-4}" lon="8"><time>'
        f'{(START + dt.timedelta(seconds=i + 20)).strftime("%Y-%m-%dT%H:%M:%SZ")}</time></trkpt>'
        for i in range(0, 1790, 10))
    (tmp_path / "a.gpx").write_text(f'<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running'
                                    f'</type><trkseg>{pts}</trkseg></trk></gpx>')
    report = _import_paths(rt, ann, tmp_path / "a.fit", tmp_path / "a.gpx")
    assert report.imported == 1 and report.duplicates == 1


def test_other_athletes_activities_are_not_duplicates(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    _import_paths(rt, ann, ACTIVITIES / "garmin-fenix-5-run.fit")
    assert _import_paths(rt, bob, ACTIVITIES / "garmin-fenix-5-run.fit").imported == 1
    assert _count(rt, ann.id) == 1 and _count(rt, bob.id) == 1


def test_gzip_and_zip_archives(rt, make_user, tmp_path) -> None:
    ann = make_user("ann")
    (tmp_path / "run.tcx.gz").write_bytes(gzip.compress((ACTIVITIES / "forerunner-410-run.tcx").read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("export/bike.fit", (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes())
        z.writestr("export/readme.txt", "not an activity")
        z.writestr("export/broken.fit", b"\x0e\x10garbage")
    (tmp_path / "batch.zip").write_bytes(buf.getvalue())
    report = _import_paths(rt, ann, tmp_path)
    assert report.imported == 2 and report.cross_training == 1
    assert [Path(f["file"]).name for f in report.failed] == ["broken.fit"]


def _strava_zip(run_type: str = "Run") -> bytes:
    header = ("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
              "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
              "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,"
              "Perceived Exertion")
    rows = [
        f'1,"Jun 11, 2017, 2:34:09 PM",Harbour loop,{run_type},,57,0.16,112,,false,,,'
        'activities/1.fit.gz,,,57,55,157.5,7',
        '2,"Jun 12, 2017, 4:09:22 PM",Commute,Ride,,60,0.46,114,,true,,,activities/2.fit,,,60,60,459.5,',
        '3,"Jun 13, 2017, 6:00:00 AM",Gym,Weight Training,,1800,0,,,false,,,,,,1800,1800,0,6',
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("activities.csv", "\n".join([header, *rows]) + "\n")
        z.writestr("activities/1.fit.gz", gzip.compress((ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()))
        z.writestr("activities/2.fit", (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes())
        z.writestr("profile.csv", "x")
    return buf.getvalue()


def test_strava_bulk_export_gives_names_types_and_exertion(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.upload_sources([("export.zip", _strava_zip())]))
    assert report.summary() == {"imported": 2, "duplicates": 0, "cross_training": 1, "failed": []}
    with rt.db.session() as db:
        run = db.scalar(select(models.Activity).where(models.Activity.sport == "running"))
        ride = db.scalar(select(models.Activity).where(models.Activity.sport == "cycling"))
    assert run.name == "Harbour loop" and run.rpe == 7
    assert run.load == pytest.approx(7 * run.moving_s / 60, abs=0.1)  # moving time counts
    assert run.moving_s < run.duration_s
    assert run.dynamics["load_method"] == "rpe"
    assert ride.name == "Commute" and ride.rpe is None and ride.dynamics["load_method"] == "heart_rate"


def test_strava_type_wins_over_the_file_sport(rt, make_user) -> None:
    ann = make_user("ann")
    data = _strava_zip("Walk")
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.upload_sources([("export.zip", data)]))
    assert report.cross_training == 2


def test_a_crash_mid_file_leaves_no_partial_rows(rt, make_user, monkeypatch) -> None:
    """The second activity of a two-activity file fails to store: none of that file remains,
    and the file imported before it stays."""
    ann = make_user("ann")
    chained = (ACTIVITIES / "garmin-fenix-5-walk.fit").read_bytes() + \
        (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes()
    calls = {"n": 0}
    real = imports.encode_samples

    def flaky(samples):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(samples)

    monkeypatch.setattr(imports, "encode_samples", flaky)
    sources = [SourceFile("first.fit", (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()),
               SourceFile("chained.fit", chained)]
    with pytest.raises(OSError), rt.db.session() as db:
        imports.import_sources(db, ann, sources)
    with rt.db.session() as db:
        names = db.scalars(select(models.Activity.source_name)).all()
    assert names == ["first.fit"]


def test_undated_fit_file_is_dated_from_the_file(rt, make_user, tmp_path) -> None:
    ann = make_user("ann")
    path = tmp_path / "old.fit"
    path.write_bytes((ACTIVITIES / "compressed-speed-distance.fit").read_bytes())
    stamp = dt.datetime(2025, 5, 4, 9, 30, tzinfo=dt.UTC).timestamp()
    import os

    os.utime(path, (stamp, stamp))
    report = _import_paths(rt, ann, path)
    assert report.imported == 1 and any("clock" in r for r in report.files[0].remarks)
    with rt.db.session() as db:
        row = db.scalar(select(models.Activity))
    assert row.start == dt.datetime(2025, 5, 4, 9, 30, tzinfo=dt.UTC)
    assert row.avg_cadence_spm == 176


def test_heart_rate_load_uses_the_athletes_resting_and_max(rt, make_user) -> None:
    from yolvarex.domain.load import trimp
    from yolvarex.domain.session_load import TRIMP_TO_SRPE

    ann = make_user("ann")
    with rt.db.session() as db:
        user = db.get(models.User, ann.id)
        user.settings = {"max_hr": 200}
        # the rates of the activity's own day count (issue 12 item 6), so the check-in is that day's
        db.add(models.CheckIn(user_id=ann.id, date=START.date(), data={"date": str(START.date()),
                                                                      "resting_hr": 50}))
    with rt.db.session() as db:
        imports.import_sources(db, ann, [SourceFile("s.fit", run_file(START, seconds=3600, step=10))])
        row = db.scalar(select(models.Activity))
    assert row.load == pytest.approx(round(TRIMP_TO_SRPE * trimp(60, 150, 50, 200), 1))


def test_importing_for_someone_else_is_refused(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    with rt.db.session() as db, pytest.raises(NotFound):
        imports.import_sources(db, bob, [SourceFile("s.fit", run_file(START))], athlete_id=ann.id)
