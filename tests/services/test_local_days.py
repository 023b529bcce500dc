"""An athlete's days are local: imports, hand-logged sessions, routines and load follow the
runner's own clock, and earlier days stay put when the runner travels."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import ACTIVITIES
from yolvarex import clock
from yolvarex.errors import Invalid
from yolvarex.ingest import read_activity_file
from yolvarex.ingest.archive import SourceFile
from yolvarex.services import days, imports, load_report, routines, training_log
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Actor

EVENING_GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><name>Evening run</name><type>running</type><trkseg>
{points}
 </trkseg></trk>
</gpx>
"""


def _evening_gpx() -> bytes:
    """A 30-minute run starting at 18:30 on 20 November, written with its -08:00 offset."""
    start = dt.datetime(2026, 11, 20, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    points = []
    for i in range(0, 1801, 10):
        stamp = (start + dt.timedelta(seconds=i)).isoformat()
        points.append(f'  <trkpt lat="{37.77 + i * 1e-5:.6f}" lon="-122.41"><ele>10</ele>'
                      f"<time>{stamp}</time></trkpt>")
    return EVENING_GPX.format(points="\n".join(points)).encode()


def _import(rt, actor: Actor, name: str, data: bytes) -> models.Activity:
    with rt.db.session() as db:
        report = imports.import_sources(db, actor, [SourceFile(name=name, data=data)])
        assert report.files[0].status == "imported", report.files[0]
        row = db.get(models.Activity, report.files[0].activity_ids[0])
        db.expunge(row)
        return row


def _zone(rt, actor: Actor, zone: str) -> Actor:
    with rt.db.session() as db:
        days.set_timezone(db, actor, zone)
        return Actor.of(db.get(models.User, actor.id))


def test_the_offset_written_in_a_gpx_file_sets_the_day(rt, make_user) -> None:
    ann = _zone(rt, make_user("ann"), "Europe/Berlin")  # the file's own offset wins
    row = _import(rt, ann, "evening.gpx", _evening_gpx())
    assert row.start == dt.datetime(2026, 11, 21, 2, 30, tzinfo=dt.UTC)  # the next day in UTC
    assert row.day == dt.date(2026, 11, 20) and row.utc_offset_min == -480
    assert days.local_time(row).strftime("%H:%M") == "18:30"


def test_a_gpx_file_in_utc_takes_the_runners_zone(rt, make_user) -> None:
    ann = _zone(rt, make_user("ann"), "America/Los_Angeles")
    data = _evening_gpx().replace(b"-08:00", b"Z")  # the same clock times, written as UTC
    shifted = data.replace(b"T18:", b"T02:").replace(b"T19:", b"T03:").replace(b"2026-11-20", b"2026-11-21")
    row = _import(rt, ann, "evening-utc.gpx", shifted)
    assert row.start == dt.datetime(2026, 11, 21, 2, 30, tzinfo=dt.UTC)
    assert row.day == dt.date(2026, 11, 20) and row.utc_offset_min == -480


def test_fit_local_timestamp_sets_the_day_whatever_the_runners_zone(rt, make_user) -> None:
    """The Fenix 5 recorded at UTC-7 (its activity message says so); a runner whose zone is
    UTC+14 today still sees the run on the morning it happened."""
    data = (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()
    activity = read_activity_file("garmin-fenix-5-run.fit", data)[0]
    assert activity.utc_offset_s == -7 * 3600
    ann = _zone(rt, make_user("ann"), "Pacific/Kiritimati")
    row = _import(rt, ann, "garmin-fenix-5-run.fit", data)
    assert clock.local_day(row.start, "Pacific/Kiritimati") == dt.date(2017, 6, 12)
    assert row.day == dt.date(2017, 6, 11) and row.utc_offset_min == -420


def test_a_fit_file_without_local_time_uses_the_zone(rt, make_user) -> None:
    data = (ACTIVITIES / "2013-02-06-12-11-14.fit").read_bytes()
    assert read_activity_file("a.fit", data)[0].utc_offset_s is None
    ann = _zone(rt, make_user("ann"), "Pacific/Kiritimati")
    row = _import(rt, ann, "a.fit", data)
    assert row.day == clock.local_day(row.start, "Pacific/Kiritimati") == dt.date(2013, 2, 7)


def test_a_manual_log_in_sydney_lands_on_the_local_day_and_counts_there(rt, make_user) -> None:
    ann = _zone(rt, make_user("ann"), "Australia/Sydney")
    with clock.frozen(dt.datetime(2026, 12, 1, 20, 0, tzinfo=dt.UTC)):  # 07:00 on 2 Dec in Sydney
        assert clock.today(ann.timezone) == dt.date(2026, 12, 2)
        with rt.db.session() as db:
            entry = training_log.parse(training_log.RunEntry, {
                "date": "2026-12-02", "time": "06:00", "minutes": 40, "rpe": 4}, "entry")
            row = training_log.log_entry(db, ann, entry)
            assert row.start == dt.datetime(2026, 12, 1, 19, 0, tzinfo=dt.UTC)
            assert row.day == dt.date(2026, 12, 2)
            report = load_report.report(db, ann, clock.today(ann.timezone))
    by_day = {d["day"]: d["load"] for d in report["days"]}
    assert by_day["2026-12-02"] == 160.0 and by_day["2026-12-01"] == 0.0


def test_a_runner_who_travels_keeps_every_earlier_day(rt, make_user) -> None:
    lib = library()
    ann = _zone(rt, make_user("ann"), "America/Los_Angeles")
    evening = dt.datetime(2026, 11, 20, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    with clock.frozen(evening + dt.timedelta(hours=1)), rt.db.session() as db:
        run = training_log.log_entry(db, ann, training_log.parse(training_log.RunEntry, {
            "date": "2026-11-20", "time": "18:30", "minutes": 30}, "entry"))
        done = routines.log_completion(db, ann, lib, "post-run-cool-down")
        run_id, done_id = run.id, done.id
    tokyo = _zone(rt, ann, "Asia/Tokyo")
    with rt.db.session() as db:
        run, done = db.get(models.Activity, run_id), db.get(models.RoutineCompletion, done_id)
        assert run.day == dt.date(2026, 11, 20) and done.day == dt.date(2026, 11, 20)
        assert clock.local_day(run.start, "Asia/Tokyo") == dt.date(2026, 11, 21)
        assert routines.completion_days(db, tokyo) == [dt.date(2026, 11, 20)]
        edited = training_log.update_entry(db, tokyo, run_id, training_log.EntryChanges(notes="hilly"))
        assert edited.day == dt.date(2026, 11, 20)  # a change of notes does not move the run


def test_an_unknown_zone_is_refused_in_words(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db, pytest.raises(Invalid, match="timedatectl list-timezones"):
        days.set_timezone(db, ann, "Mars/Olympus_Mons")
    with rt.db.session() as db, pytest.raises(Invalid, match="not a time zone"):
        days.set_timezone(db, ann, "../../etc/passwd")
    with rt.db.session() as db:
        assert days.zone_of(db, ann.id) == "UTC"


def test_routine_streak_days_are_local(rt, make_user) -> None:
    lib = library()
    ann = _zone(rt, make_user("ann"), "Australia/Sydney")
    late = dt.datetime(2026, 11, 29, 14, 0, tzinfo=dt.UTC)  # 01:00 on 30 Nov in Sydney
    with clock.frozen(late + dt.timedelta(minutes=30)), rt.db.session() as db:
        routines.log_completion(db, ann, lib, "sleep-wind-down" if "sleep-wind-down" in lib.routines
                                else "post-run-cool-down", completed_at=late)
        assert routines.completion_days(db, ann) == [dt.date(2026, 11, 30)]
        assert routines.streak_for(db, ann, clock.today(ann.timezone)).days == 1
