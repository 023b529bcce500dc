"""Running-form analysis against a raw decode of the same FIT files with the fastest decoder.

Files: the real runs with running dynamics that every decoder reads (Fenix 2, Fenix 5, the
Forerunner 110 run) and two synthetic 2-hour runs written with the tests' FIT writer.

Baseline: the fastest raw FIT decode measured here, garmin-fit-sdk with scaling, expansions and
CRC check switched off (about 3-6x faster than fitdecode on these files); fitdecode when the SDK
is not installed. It only turns bytes into messages.

Measured: what the analysis adds on top of reading the file: the moving-record selection,
summaries, grades, drift and findings for every run (`analyse` + `find`), on the activities the
project's reader returned. Target: under 30 % of the decode time. The end-to-end time (the
project's reader plus the analysis) is printed as well.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import fitdecode

from common import median_seconds, report
from yolvarex.content import load_library
from yolvarex.domain.form.analysis import analyse
from yolvarex.domain.form.findings import find
from yolvarex.ingest import read_activity_file

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "activities"
REAL = ("activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit", "2013-02-06-12-11-14.fit")


def _files() -> list[tuple[str, bytes]]:
    from tests.services.form_files import form_run  # importable once `common` set the path

    files = [(name, (SAMPLES / name).read_bytes()) for name in REAL]
    start = dt.datetime(2026, 3, 1, 7, tzinfo=dt.UTC)
    files.append(("synthetic-2h-a.fit", form_run(start, minutes=120, cadence_spm=168,
                                                 cadence_end_spm=160, gct_end_ms=280)))
    files.append(("synthetic-2h-b.fit", form_run(start, minutes=120, cadence_spm=176, balance=51.2,
                                                 walk_break=(3600, 3720))))
    return files


def _sdk_decode(files: list[tuple[str, bytes]]) -> None:
    from garmin_fit_sdk import Decoder, Stream

    for _name, data in files:
        _messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
            apply_scale_and_offset=False, convert_datetimes_to_dates=False,
            convert_types_to_strings=False, enable_crc_check=False, expand_sub_fields=False,
            expand_components=False, merge_heart_rates=False)
        assert not errors, errors


def _fitdecode(files: list[tuple[str, bytes]]) -> None:
    for _name, data in files:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED) as reader:
            for _frame in reader:
                pass


def main() -> None:
    if not SAMPLES.is_dir():
        sys.exit(f"the sample files are missing at {SAMPLES}")
    library, errors = load_library()
    assert not errors
    files = _files()
    runs = [read_activity_file(name, data)[0] for name, data in files]
    records = sum(len(r.samples) for r in runs)

    decoders = {"fitdecode": lambda: _fitdecode(files)}
    try:
        import garmin_fit_sdk  # noqa: F401

        decoders["garmin-fit-sdk"] = lambda: _sdk_decode(files)
    except ImportError:
        print("garmin-fit-sdk is not installed; the baseline is fitdecode")
    timings = {name: median_seconds(fn, repeat=5) for name, fn in decoders.items()}
    fastest = min(timings, key=lambda k: timings[k])
    for name, seconds in timings.items():
        print(f"raw decode with {name}: {seconds * 1000:.1f} ms ({records / seconds:,.0f} records/s)")

    def analysis() -> None:
        for run in runs:
            find(analyse(run), library)

    def end_to_end() -> None:
        for name, data in files:
            find(analyse(read_activity_file(name, data)[0]), library)

    added = median_seconds(analysis, repeat=7)
    ratio = report(f"form analysis of {len(runs)} runs ({records:,} records)", added,
                   f"raw decode with {fastest}", timings[fastest],
                   target="analysis adds under 30 % of the decode time")
    print(f"analysis adds {100 * ratio:.1f} % to the decode; {records / added:,.0f} records "
          f"analysed per second against {records / timings[fastest]:,.0f} decoded per second")
    whole = median_seconds(end_to_end, repeat=3)
    print(f"end to end (the project's reader + analysis): {whole * 1000:.0f} ms, "
          f"{records / whole:,.0f} records/s, {whole / timings[fastest]:.1f}x the fastest raw decode")


if __name__ == "__main__":
    main()
