"""The activity readers against real watch files, their ground truth, and synthetic edge cases."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import math
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ACTIVITIES
from tests.ingest.fitwriter import FILE_TYPE, FitWriter, fit_time, run_file
from yolvarex.domain.activity import CHANNELS, Samples, Sport
from yolvarex.ingest import ActivityFileError, detect_format, read_activity_file

START = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)

# file -> expected sports, or the words the error message must contain
EXPECTED: dict[str, list[Sport] | str] = {
    "garmin-fenix-5-run.fit": [Sport.RUNNING],
    "activity-small-fenix2-run.fit": [Sport.RUNNING],
    "compressed-speed-distance.fit": [Sport.RUNNING],
    "2013-02-06-12-11-14.fit": [Sport.RUNNING],
    "forerunner-410-run.tcx": [Sport.RUNNING],
    "polar-m400-run.gpx": [Sport.RUNNING],
    "garmin-fenix-5-bike.fit": [Sport.CYCLING],
    "garmin-fenix-5-walk.fit": [Sport.WALKING],
    "WorkoutIndividualSteps.fit": "workout file",
    "WorkoutRepeatSteps.fit": "workout file",
    "invalid/activity-filecrc.fit": "checksum",
    "invalid/activity-settings-corruptheader.fit": "header",
    "invalid/activity-settings-nodata.fit": "ends too early",
    "invalid/activity-unexpected-eof.fit": "ends too early",
}


def _read(rel: str) -> bytes:
    return (ACTIVITIES / rel).read_bytes()


def test_every_sample_file_is_listed() -> None:
    found = {str(p.relative_to(ACTIVITIES)) for p in ACTIVITIES.rglob("*")
             if p.is_file() and p.suffix in (".fit", ".gpx", ".tcx")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_every_sample_file_gives_its_expected_outcome(rel: str) -> None:
    expected = EXPECTED[rel]
    name = Path(rel).name
    if isinstance(expected, str):
        with pytest.raises(ActivityFileError) as info:
            read_activity_file(name, _read(rel))
        message = str(info.value)
        assert message.startswith(name) and expected in message
        assert info.value.fix  # says what to do
        return
    activities = read_activity_file(name, _read(rel))
    assert [a.sport for a in activities] == expected
    for a in activities:
        assert a.start.tzinfo is not None and a.start.utcoffset() == dt.timedelta(0)
        assert a.duration_s > 0 and a.distance_m and a.distance_m > 0
        assert a.moving_s is not None and 0 < a.moving_s <= a.duration_s + 1
        assert len(a.samples) > 10
        assert set(a.samples.channels) <= set(CHANNELS)
        assert np.all(np.diff(a.samples.t_s) >= 0) and a.samples.t_s[0] >= 0


def test_fenix5_run_matches_ground_truth_csv() -> None:
    activity = read_activity_file("garmin-fenix-5-run.fit", _read("garmin-fenix-5-run.fit"))[0]
    s = activity.samples
    with (ACTIVITIES / "garmin-fenix-5-run-records.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(s)
    pdt = dt.timezone(dt.timedelta(hours=-7))
    for i, row in enumerate(rows):
        stamp = dt.datetime.strptime(row["timestamp"].replace(" PDT", ""), "%a %b %d %H:%M:%S %Y")  # noqa: DTZ007 - the zone is set below
        stamp = stamp.replace(tzinfo=pdt)
        assert activity.start + dt.timedelta(seconds=float(s.t_s[i])) == stamp
        assert s.channels["heart_rate_bpm"][i] == float(row["heart_rate"])
        assert s.channels["speed_mps"][i] == pytest.approx(float(row["speed"]))
        assert s.channels["distance_m"][i] == pytest.approx(float(row["distance"]))
        assert s.channels["altitude_m"][i] == pytest.approx(float(row["altitude"]))
        assert s.channels["lat"][i] == pytest.approx(int(row["position_lat"]) * 180 / 2**31)
        assert s.channels["lon"][i] == pytest.approx(int(row["position_long"]) * 180 / 2**31)
        # the CSV keeps whole strides per minute; we store steps including the fraction
        steps = s.channels["cadence_spm"][i]
        assert int(row["cadence"]) * 2 <= steps < (int(row["cadence"]) + 1) * 2
    assert activity.start == dt.datetime(2017, 6, 11, 14, 34, 9, tzinfo=dt.UTC)


def test_fenix5_running_dynamics_are_in_documented_units() -> None:
    s = read_activity_file("r.fit", _read("garmin-fenix-5-run.fit"))[0].samples
    moving = s.channels["speed_mps"] > 2
    vo = s.channels["vertical_oscillation_mm"][moving]
    assert 50 < np.nanmean(vo) < 150  # millimetres, not centimetres or raw x10
    assert 150 < np.nanmean(s.channels["stance_time_ms"][moving]) < 400
    assert 45 < np.nanmean(s.channels["stance_time_balance_pct"][moving]) < 55
    assert 4 < np.nanmean(s.channels["vertical_ratio_pct"][moving]) < 15
    assert 500 < np.nanmean(s.channels["step_length_mm"][moving]) < 2000
    assert 140 < np.nanmean(s.channels["cadence_spm"][moving]) < 200  # steps, not strides
    # step length x cadence equals speed: the units agree with each other
    check = (s.channels["step_length_mm"] / 1000 * s.channels["cadence_spm"] / 60)[moving]
    assert np.nanmedian(check / s.channels["speed_mps"][moving]) == pytest.approx(1.0, abs=0.15)


def test_compressed_speed_distance_matches_ground_truth_csv() -> None:
    activity = read_activity_file("c.fit", _read("compressed-speed-distance.fit"),
                                  undated_start=START)[0]
    s = activity.samples
    start_raw = 17217864  # the file's session start, in the watch's seconds since power-on
    by_t = {round(float(t)): i for i, t in enumerate(s.t_s)}
    with (ACTIVITIES / "compressed-speed-distance-records.csv").open() as fh:
        rows = list(csv.DictReader(fh, skipinitialspace=True))
    assert len(rows) > 700
    for row in rows:
        i = by_t[int(row["Timestamp"]) - start_raw]
        assert s.channels["heart_rate_bpm"][i] == float(row["Heart Rate [bpm]"])
        assert s.channels["speed_mps"][i] == pytest.approx(float(row["Speed [m/s]"]))
        assert s.channels["distance_m"][i] == pytest.approx(float(row["Distance [m]"]))
        cadence = row["Cadence [rpm]"]
        if cadence == "null":
            assert math.isnan(s.channels["cadence_spm"][i])
        else:
            assert s.channels["cadence_spm"][i] == 2 * float(cadence)
    # no calendar date in the file: dated from what the caller knows, and it says so
    assert activity.start == START
    assert any("clock" in r for r in activity.remarks)
    assert activity.avg_cadence_spm == 176  # session avg 88 strides per minute


def test_summary_fields_of_real_files() -> None:
    fenix2 = read_activity_file("f.fit", _read("activity-small-fenix2-run.fit"))[0]
    assert fenix2.distance_m == pytest.approx(9008.22)
    assert fenix2.duration_s == pytest.approx(2832.0)
    assert fenix2.avg_cadence_spm == 162  # avg_running_cadence 81 strides
    assert fenix2.ascent_m == 64
    fr110 = read_activity_file("g.fit", _read("2013-02-06-12-11-14.fit"))[0]
    assert (fr110.avg_hr, fr110.max_hr, fr110.avg_cadence_spm) == (147, 171, None)
    tcx = read_activity_file("t.tcx", _read("forerunner-410-run.tcx"))[0]
    assert tcx.start == dt.datetime(2012, 12, 26, 21, 29, 53, tzinfo=dt.UTC)
    assert tcx.max_hr == 189 and 100 < (tcx.avg_hr or 0) < 189
    gpx = read_activity_file("p.gpx", _read("polar-m400-run.gpx"))[0]
    assert gpx.distance_m and 6000 < gpx.distance_m < 8000  # great-circle steps of the track
    assert any("pace" in r for r in gpx.remarks)


def test_gzip_files_are_read_like_the_plain_ones() -> None:
    plain = read_activity_file("a.tcx", _read("forerunner-410-run.tcx"))
    packed = read_activity_file("a.tcx.gz", gzip.compress(_read("forerunner-410-run.tcx")))
    assert packed[0].distance_m == plain[0].distance_m
    assert detect_format("a.tcx.gz", gzip.compress(b"x")) == "gzip"


def test_a_gzip_bomb_is_refused() -> None:
    from yolvarex.ingest import gunzip

    with pytest.raises(ActivityFileError, match="unpacks to more than"):
        gunzip("big.fit.gz", gzip.compress(b"\0" * 3_000_000), limit=1_000_000)


def test_chained_fit_file_gives_every_activity() -> None:
    run = _read("garmin-fenix-5-run.fit")
    bike = _read("garmin-fenix-5-bike.fit")
    activities = read_activity_file("chained.fit", run + bike)
    assert [a.sport for a in activities] == [Sport.RUNNING, Sport.CYCLING]
    assert len(activities[0].samples) == 21


def test_chained_workout_and_activity_keeps_the_activity() -> None:
    data = _read("WorkoutIndividualSteps.fit") + run_file(START)
    assert [a.sport for a in read_activity_file("mixed.fit", data)] == [Sport.RUNNING]


def test_developer_fields_are_decoded() -> None:
    activity = read_activity_file("stryd.fit", run_file(START, power_dev=True))[0]
    power = activity.samples.channels["power_w"]
    assert power[0] == 250 and power[4] == 254


def test_synthetic_run_units_and_summary() -> None:
    activity = read_activity_file("s.fit", run_file(START, seconds=600))[0]
    ch = activity.samples.channels
    assert activity.start == START and activity.duration_s == 600
    assert activity.avg_cadence_spm == 170  # session avg_cadence 85 strides, no fraction
    assert np.all(ch["cadence_spm"] == 171)  # 2 x (85 + 0.5)
    assert np.allclose(ch["vertical_oscillation_mm"], 85.5)
    assert np.allclose(ch["stance_time_ms"], 245)
    assert np.allclose(ch["stance_time_balance_pct"], 49.5)
    assert np.allclose(ch["vertical_ratio_pct"], 8.1)
    assert np.allclose(ch["step_length_mm"], 1050)
    assert activity.moving_s == pytest.approx(600)


def test_multisport_file_gives_one_activity_per_leg_without_transitions() -> None:
    w = FitWriter()
    t0 = fit_time(START)
    w.message("file_id", type=FILE_TYPE["activity"], manufacturer=255, time_created=t0)
    legs = (("cycling", 0, 600), ("transition", 600, 660), ("running", 660, 1260))
    for sport, a, b in legs:
        for i in range(a, b, 5):
            w.message("record", local=1, timestamp=t0 + i, distance=4.0 * i, speed=4.0,
                      heart_rate=140, cadence=88)
    for sport, a, b in legs:
        w.message("session", local=2, timestamp=t0 + b, start_time=t0 + a,
                  sport={"cycling": 2, "transition": 3, "running": 1}[sport],
                  total_elapsed_time=b - a, total_distance=4.0 * (b - a))
    activities = read_activity_file("tri.fit", w.file())
    assert [a.sport for a in activities] == [Sport.CYCLING, Sport.RUNNING]
    run = activities[1]
    assert run.start == START + dt.timedelta(seconds=660)
    assert run.samples.t_s[0] == 0 and run.samples.has("cadence_spm")
    assert not activities[0].samples.has("cadence_spm")  # pedal rpm is not a step rate


def test_zero_length_run_is_refused() -> None:
    with pytest.raises(ActivityFileError, match="empty activity"):
        read_activity_file("zero.fit", run_file(START, seconds=0))


def test_missing_fields_are_nan_or_none() -> None:
    activity = read_activity_file("bare.fit", run_file(START, dynamics=False, heart_rate=False,
                                                       session=False))[0]
    assert activity.sport is Sport.OTHER and activity.remarks
    assert activity.avg_hr is None and activity.max_hr is None
    assert not activity.samples.has("heart_rate_bpm")
    assert "vertical_oscillation_mm" not in activity.samples.channels
    assert activity.duration_s == 60 and activity.distance_m == 180


def test_non_running_sport_keeps_its_sport() -> None:
    activity = read_activity_file("swim.fit", run_file(START, sport="swimming"))[0]
    assert activity.sport is Sport.SWIMMING and activity.avg_cadence_spm is None


def test_a_workout_written_by_us_is_not_an_activity() -> None:
    w = FitWriter()
    w.message("file_id", type=FILE_TYPE["workout"], manufacturer=255, time_created=fit_time(START))
    w.message("workout", local=1, num_valid_steps=3)
    with pytest.raises(ActivityFileError, match="workout"):
        read_activity_file("plan.fit", w.file())


def test_huge_fit_file_reads_whole() -> None:
    data = run_file(START, seconds=6 * 3600)  # six hours at one sample per second
    assert len(data) > 700_000
    activity = read_activity_file("ultra.fit", data)[0]
    assert len(activity.samples) == 6 * 3600 + 1 and activity.distance_m == 3.0 * 6 * 3600


def _gpx(points: int, kind: str | None = "running", cad: bool = True) -> bytes:
    pts = []
    for i in range(points):
        stamp = (START + dt.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        ext = (f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{140 + i % 10}</gpxtpx:hr>"
               + ("<gpxtpx:cad>86</gpxtpx:cad>" if cad else "")
               + "</gpxtpx:TrackPointExtension></extensions>")
        pts.append(f'<trkpt lat="{52 + i * 0.00003:.6f}" lon="13.0"><ele>{30 + i % 3}</ele>'
                   f"<time>{stamp}</time>{ext}</trkpt>")
    type_el = f"<type>{kind}</type>" if kind else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" '
            'xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f"<trk><name>Morning</name>{type_el}<trkseg>{''.join(pts)}</trkseg></trk></gpx>").encode()


def test_gpx_with_type_heart_rate_and_cadence() -> None:
    activity = read_activity_file("m.gpx", _gpx(600))[0]
    assert activity.sport is Sport.RUNNING and not activity.remarks
    assert activity.name == "Morning"
    assert np.all(activity.samples.channels["cadence_spm"] == 172)  # 86 strides
    assert activity.max_hr == 147  # 140-149 sawtooth: 147 is the highest rate held for 3 readings
    assert activity.distance_m == pytest.approx(599 * 0.00003 * 111_195, rel=0.01)


def test_gpx_ride_drops_pedal_cadence() -> None:
    activity = read_activity_file("r.gpx", _gpx(60, kind="cycling"))[0]
    assert activity.sport is Sport.CYCLING and "cadence_spm" not in activity.samples.channels


def test_huge_gpx_file() -> None:
    data = _gpx(60_000, cad=False)
    assert len(data) > 10_000_000
    activity = read_activity_file("long.gpx", data)[0]
    assert len(activity.samples) == 60_000


def test_gpx_is_read_as_a_stream_and_its_points_are_capped(monkeypatch) -> None:
    """Each point is cleared once read (memory stays flat), and a file past the cap is refused
    with a message rather than read to the end."""
    from yolvarex.ingest import gpx, xml

    seen: list[xml.Element] = []
    real_add = gpx._Columns.add

    def add(self, pt):  # type: ignore[no-untyped-def]
        seen.append(pt)
        real_add(self, pt)

    monkeypatch.setattr(gpx._Columns, "add", add)
    activity = read_activity_file("m.gpx", _gpx(50))[0]
    assert len(activity.samples) == 50 and activity.name == "Morning"
    assert len(seen) == 50 and all(len(pt) == 0 and not pt.attrib for pt in seen)
    monkeypatch.setattr(xml, "MAX_POINTS", 40)
    with pytest.raises(ActivityFileError, match="more than 40 points"):
        read_activity_file("m.gpx", _gpx(50))


def test_tcx_points_are_capped_too(monkeypatch) -> None:
    from yolvarex.ingest import xml

    data = _read("forerunner-410-run.tcx")
    assert read_activity_file("a.tcx", data)
    monkeypatch.setattr(xml, "MAX_POINTS", 10)
    with pytest.raises(ActivityFileError, match="more than 10 points"):
        read_activity_file("a.tcx", data)


def test_gpx_that_is_not_gpx_or_cut_short() -> None:
    with pytest.raises(ActivityFileError, match="XML but not GPX"):
        read_activity_file("x.gpx", b"<kml><trk/></kml>")
    with pytest.raises(ActivityFileError, match="not well-formed GPX"):
        read_activity_file("x.gpx", _gpx(20)[:-300])


def test_gpx_route_without_times_is_refused() -> None:
    data = (b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
            b'<trkpt lat="1" lon="2"/></trkseg></trk></gpx>')
    with pytest.raises(ActivityFileError, match="planned route"):
        read_activity_file("route.gpx", data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lol9;</name></trk></gpx>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE TrainingCenterDatabase [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>&secret;</Id>
</Activity></Activities></TrainingCenterDatabase>"""


@pytest.mark.parametrize(("name", "data"), [("laughs.gpx", BILLION_LAUGHS),
                                            ("xxe.tcx", EXTERNAL_ENTITY)])
def test_hostile_xml_is_refused_with_a_clear_message(name: str, data: bytes) -> None:
    with pytest.raises(ActivityFileError) as info:
        read_activity_file(name, data)
    assert "document type or entities" in str(info.value)
    assert "root:" not in str(info.value)  # nothing from /etc/passwd leaked


def test_tcx_run_cadence_is_strides_and_multisport_gives_legs() -> None:
    def tp(i: int) -> str:
        stamp = (START + dt.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f"<Trackpoint><Time>{stamp}</Time><DistanceMeters>{3.0 * i}</DistanceMeters>"
                f"<HeartRateBpm><Value>150</Value></HeartRateBpm><Extensions><ns3:TPX>"
                f"<ns3:RunCadence>88</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>")

    def act(sport: str, a: int, b: int) -> str:
        stamp = (START + dt.timedelta(seconds=a)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f'<Activity Sport="{sport}"><Id>{stamp}</Id><Lap StartTime="{stamp}">'
                f"<TotalTimeSeconds>{b - a}</TotalTimeSeconds><DistanceMeters>{3.0 * (b - a)}"
                f"</DistanceMeters><Track>{''.join(tp(i) for i in range(a, b))}</Track></Lap></Activity>")

    data = ('<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
            'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>'
            f"<MultiSportSession><FirstSport>{act('Biking', 0, 300)}</FirstSport>"
            f"<NextSport>{act('Running', 300, 900)}</NextSport></MultiSportSession>"
            "</Activities></TrainingCenterDatabase>").encode()
    bike, run = read_activity_file("multi.tcx", data)
    assert (bike.sport, run.sport) == (Sport.CYCLING, Sport.RUNNING)
    assert np.all(run.samples.channels["cadence_spm"] == 176)
    assert "cadence_spm" not in bike.samples.channels
    assert run.distance_m == 1800 and run.duration_s == 600


@pytest.mark.parametrize(("name", "data", "words"), [
    ("empty.fit", b"", "empty"),
    ("notes.txt", b"hello", "not a FIT, GPX or TCX"),
    ("page.xml", b"<html><body/></html>", "neither GPX nor TCX"),
    ("bad.gpx", b"<gpx><trk>", "not well-formed"),
    ("broken.fit.gz", b"\x1f\x8b\x08\x00garbage", "damaged gzip"),
    ("archive.zip", b"PK\x03\x04rest", "zip archive"),
])
def test_unreadable_files_say_why(name: str, data: bytes, words: str) -> None:
    with pytest.raises(ActivityFileError, match=words):
        read_activity_file(name, data)


# issue 12 item 8: better inputs ------------------------------------------------------------

def test_tcx_average_heart_rate_matches_its_laps_not_the_sample_mean() -> None:
    from yolvarex.ingest.summary import time_weighted_mean

    (run,) = read_activity_file("r.tcx", (ACTIVITIES / "forerunner-410-run.tcx").read_bytes())
    laps = (139 * 608.47 + 172 * 714.80 + 167 * 669.51) / (608.47 + 714.80 + 669.51)  # the file's laps
    hr = run.samples.channels["heart_rate_bpm"]
    assert run.avg_hr == pytest.approx(laps, abs=0.01)
    assert np.nanmean(hr) < laps - 3  # the old figure: a plain mean over samples, 3.6 bpm low
    assert time_weighted_mean(run.samples.t_s, hr) == pytest.approx(laps, abs=0.5)


def test_time_weighted_mean_counts_each_reading_for_its_time_and_skips_pauses() -> None:
    from yolvarex.ingest.summary import time_weighted_mean

    t = np.array([0.0, 10.0, 11.0, 12.0, 13.0, 500.0, 510.0])
    hr = np.array([120.0, 170.0, 171.0, 172.0, 130.0, 140.0, 140.0])
    # 120 for 10 s, 170-172 for 1 s each, 130 until a paused gap (left out), 140 for 10 s
    expected = (120 * 10 + 170 + 171 + 172 + 140 * 10) / 23
    assert time_weighted_mean(t, hr) == pytest.approx(expected)
    assert time_weighted_mean(t[:1], hr[:1]) == 120.0
    assert time_weighted_mean(t, np.full(7, np.nan)) is None


def test_maximum_heart_rate_ignores_a_single_spike() -> None:
    from yolvarex.ingest.summary import held_max, summarize

    hr = np.full(600, 150.0)
    hr[200] = 238.0  # one reading of strap static
    hr[400:410] = 181.0  # a real surge, held for ten seconds
    assert held_max(hr) == 181.0
    samples = Samples(t_s=np.arange(600.0), channels={"heart_rate_bpm": hr})
    activity = summarize(Sport.RUNNING, START, samples, max_hr=238.0, source_format="fit")
    assert activity.max_hr == 181.0  # the file's own maximum is the spike


def test_moving_time_comes_from_the_file_when_it_has_it() -> None:
    (run,) = read_activity_file("r.fit", (ACTIVITIES / "2013-02-06-12-11-14.fit").read_bytes())
    assert run.moving_s == 2108 and run.duration_s == pytest.approx(2625.14)
