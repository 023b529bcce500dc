"""Our FIT decoder (`ingest.fit_decode`) against fitdecode, field by field, on every sample FIT
file (chained and synthetic ones too), and against the ground-truth CSVs beside the samples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from pathlib import Path
from typing import Any

import fitdecode
import numpy as np
import pytest

from tests.ingest.fitwriter import fit_time, run_file
from yolvarex.ingest.fit_crc import crc16
from yolvarex.ingest.fit_decode import (
    DATED_MIN,
    FIT_EPOCH_S,
    RECORD_NAMES,
    FitDecodeError,
    FitFile,
    decode,
)

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
SAMPLES = sorted(p.name for p in ACTIVITIES.glob("*.fit"))
KINDS = {"file_id": "file_id", "session": "session", "lap": "lap", "sport": "sport",
         "activity": "activity"}
START = dt.datetime(2026, 3, 1, 7, tzinfo=dt.UTC)


def _reference(data: bytes) -> list[dict[str, list[dict[str, Any]]]]:
    """fitdecode's reading: per file of the stream, each wanted message's fields by profile
    number (its own names for subfields and expansions differ), values as it gives them."""
    files: list[dict[str, list[dict[str, Any]]]] = []
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_HEADER:
                files.append({})
            elif frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name in (*KINDS, "record"):
                fields: dict[Any, Any] = {}
                for f in frame.fields:
                    if f.value is None:
                        continue
                    if f.field_def is None:  # a compressed timestamp, an expanded component
                        fields.setdefault(("expanded", f.name), (f.name, f.value))
                        continue
                    dev = getattr(f.field_def, "dev_data_index", None)
                    key = ("dev", str(f.name).strip().lower()) if dev is not None else f.field_def.def_num
                    fields[key] = (f.name, f.value)
                files[-1].setdefault(frame.name, []).append(fields)
    return files


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(theirs, dt.datetime):
        return ours == theirs
    if isinstance(theirs, int | float) and not isinstance(theirs, bool):
        return isinstance(ours, int | float) and math.isclose(float(ours), float(theirs),
                                                               rel_tol=1e-9, abs_tol=1e-9)
    return str(ours) == str(theirs)


def _number_of(name: str, kind: str) -> int:
    from garmin_fit_sdk.profile import Profile

    nums = {"file_id": 0, "sport": 12, "session": 18, "lap": 19, "activity": 34, "record": 20}
    fields = Profile["messages"][nums[kind]]["fields"]
    return next(num for num, spec in fields.items() if spec["name"] == name)


def _compare(ours: FitFile, theirs: dict[str, list[dict[str, Any]]]) -> int:
    """Asserts every value agrees; returns how many values were compared."""
    compared = 0
    for kind, mine in (("session", ours.sessions), ("lap", ours.laps), ("sport", ours.sports),
                       ("activity", ours.activities)):
        ref = theirs.get(kind, [])
        assert len(mine) == len(ref), kind
        for got, want in zip(mine, ref, strict=True):
            numbers = {_number_of(name, kind): value for name, value in got.items()}
            for key, (name, value) in want.items():
                if not isinstance(key, int) or str(name).startswith("unknown_"):
                    continue  # expansions (enhanced_* copies), fields no profile names
                if isinstance(value, tuple | list | str) or (key not in numbers and \
                        isinstance(key, int) and isinstance(value, bytes)):
                    continue  # arrays and strings: not read (no activity figure uses them)
                assert key in numbers, (kind, name, value)
                assert _same(numbers[key], value), (kind, name, numbers[key], value)
                compared += 1
            assert set(numbers) <= {k for k in want if isinstance(k, int)}, kind
    file_ids = theirs.get("file_id", [])
    if file_ids:
        assert _same(ours.file_type, file_ids[0][0][1]), (ours.file_type, file_ids[0])
    records = theirs.get("record", [])
    n = len(next(iter(ours.records.values()))) if ours.records else 0
    assert n == len(records)
    numbers = {name: _number_of(name, "record") for name in RECORD_NAMES}
    for i, want in enumerate(records):
        for name, column in ours.records.items():
            if name.startswith("dev:"):
                expected = want.get(("dev", name[4:]))
            else:  # read, else expanded from another field (compressed timestamp, speed, distance)
                expected = want.get(numbers[name], want.get(("expanded", name)))
            value = column[i]
            if expected is None:
                assert math.isnan(value), (i, name, value)
                continue
            expected_value = expected[1]
            if isinstance(expected_value, dt.datetime):
                expected_value = expected_value.timestamp() - FIT_EPOCH_S
            assert _same(float(value), expected_value), (i, name, value, expected_value)
            compared += 1
        for key, (name, _value) in want.items():  # nothing fitdecode read from the file is missing
            if isinstance(key, int) and name in RECORD_NAMES and name != "compressed_speed_distance":
                assert name in ours.records, name
    return compared


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_file_decodes_like_fitdecode(name: str) -> None:
    data = (ACTIVITIES / name).read_bytes()
    ours, theirs = decode(data), _reference(data)
    assert len(ours) == len(theirs)
    compared = sum(_compare(o, t) for o, t in zip(ours, theirs, strict=True))
    assert compared > 0 or name.startswith("Workout")


def test_chained_and_synthetic_files_decode_like_fitdecode() -> None:
    run = (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()
    bike = (ACTIVITIES / "garmin-fenix-5-bike.fit").read_bytes()
    for data in (run + bike, (ACTIVITIES / "WorkoutIndividualSteps.fit").read_bytes() + run,
                 run_file(START, seconds=300, power_dev=True),
                 run_file(START, seconds=60, dynamics=False, heart_rate=False, session=False)):
        ours, theirs = decode(data), _reference(data)
        assert len(ours) == len(theirs) >= 1
        assert sum(_compare(o, t) for o, t in zip(ours, theirs, strict=True)) > 0
    (stryd,) = decode(run_file(START, seconds=10, power_dev=True))
    assert stryd.records["dev:power"].tolist() == [250 + i % 5 for i in range(11)]


def test_fenix5_records_match_the_ground_truth_csv() -> None:
    (fit,) = decode((ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes())
    rows = list(csv.DictReader((ACTIVITIES / "garmin-fenix-5-run-records.csv").open()))
    r = fit.records
    assert len(rows) == len(r["timestamp"])
    for i, row in enumerate(rows):
        stamp = dt.datetime.strptime(row["timestamp"].replace("PDT", "-0700"), "%a %b %d %H:%M:%S %z %Y")
        assert r["timestamp"][i] + FIT_EPOCH_S == stamp.timestamp()
        assert r["timestamp"][i] >= DATED_MIN
        assert r["heart_rate"][i] == float(row["heart_rate"])
        assert r["cadence"][i] == float(row["cadence"])
        assert r["speed"][i] == pytest.approx(float(row["speed"]))
        assert r["distance"][i] == pytest.approx(float(row["distance"]))
        assert r["position_lat"][i] == float(row["position_lat"])
        assert r["position_long"][i] == float(row["position_long"])
        assert r["altitude"][i] == pytest.approx(float(row["altitude"]), abs=1e-9)


def test_compressed_timestamps_and_speed_distance_match_the_ground_truth_csv() -> None:
    (fit,) = decode((ACTIVITIES / "compressed-speed-distance.fit").read_bytes())
    rows = list(csv.reader((ACTIVITIES / "compressed-speed-distance-records.csv").open()))[1:]
    r = fit.records
    at = {int(t): i for i, t in enumerate(r["timestamp"])}  # compressed: 5 s apart, no date
    assert len(rows) > 700 and len(at) == len(r["timestamp"])
    for stamp, hr, speed, distance, cadence in rows:
        i = at[int(stamp)]
        assert r["heart_rate"][i] == float(hr)
        assert r["speed"][i] == pytest.approx(float(speed))
        assert r["distance"][i] == pytest.approx(float(distance))
        if cadence.strip() == "null":
            assert np.isnan(r["cadence"][i])
        else:
            assert r["cadence"][i] == float(cadence)


@pytest.mark.parametrize(("name", "kind"), [
    ("activity-filecrc.fit", "crc"), ("activity-settings-corruptheader.fit", "middle"),
    ("activity-settings-nodata.fit", "eof"), ("activity-unexpected-eof.fit", "eof")])
def test_broken_files_say_how(name: str, kind: str) -> None:
    data = (ACTIVITIES / "invalid" / name).read_bytes()
    with pytest.raises(FitDecodeError) as caught:
        decode(data)
    assert caught.value.kind == kind
    with pytest.raises(fitdecode.FitError):  # fitdecode refuses them too
        _reference(data)


def test_damage_after_the_first_file_is_a_header_in_the_middle() -> None:
    run = (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()
    with pytest.raises(FitDecodeError) as caught:
        decode(run + b"junk that is not a FIT header")
    assert caught.value.kind == "middle"


def test_crc_is_crc16_arc() -> None:
    from tests.ingest.fitwriter import crc16 as reference

    data = run_file(START, seconds=30)
    for start, end in ((0, 0), (0, 1), (3, 10), (1, len(data)), (0, len(data)),
                       *((5, 5 + n) for n in range(2, 70))):
        assert crc16(data, start, end) == reference(data[start:end])
    assert fit_time(START) > DATED_MIN
