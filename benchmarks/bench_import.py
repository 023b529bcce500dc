"""Importing the sample watch files into a real SQLite database, against only decoding them.

Baseline: a raw decode of the same files with the same decoders (fitdecode iterating every FIT
frame; defusedxml parsing GPX and TCX), nothing else. The import adds building the samples,
summaries and loads, compressing the samples, the duplicate check and the database writes.
Target: overhead under 30 %.
"""

from __future__ import annotations

import io
import itertools
import sys
import tempfile
from pathlib import Path

import defusedxml.ElementTree as SafeET
import fitdecode

from common import median_seconds, report
from yolvarex.ingest.archive import SourceFile
from yolvarex.services import accounts, imports
from yolvarex.store import migrate
from yolvarex.store.access import Actor
from yolvarex.store.db import Database

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "activities"
FILES = ("activity-small-fenix2-run.fit", "2013-02-06-12-11-14.fit", "compressed-speed-distance.fit",
         "garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "garmin-fenix-5-walk.fit",
         "forerunner-410-run.tcx", "polar-m400-run.gpx")


def raw_decode(files: list[tuple[str, bytes]]) -> None:
    for name, data in files:
        if name.endswith(".fit"):
            with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                                     error_handling=fitdecode.ErrorHandling.RAISE) as reader:
                for _frame in reader:
                    pass
        else:
            SafeET.fromstring(data, forbid_dtd=True)


def main() -> None:
    if not SAMPLES.is_dir():
        sys.exit(f"the sample files are missing at {SAMPLES}")
    files = [(name, (SAMPLES / name).read_bytes()) for name in FILES]
    size = sum(len(d) for _, d in files)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.sqlite3")
        migrate.upgrade(db)
        counter = itertools.count()

        def full_import() -> None:
            with db.session() as session:
                user = accounts.create_user(session, f"bench{next(counter)}", None)
                actor = Actor.of(user)
                session.commit()
                result = imports.import_sources(session, actor, [SourceFile(n, d) for n, d in files])
                assert result.imported == len(files), result.failed

        full = median_seconds(full_import, repeat=5)
        db.dispose()
    baseline = median_seconds(lambda: raw_decode(files), repeat=5)
    ratio = report(f"import {len(files)} files ({size / 1024:.0f} kB) into SQLite", full,
                   "decode the same files only", baseline, target="overhead under 30 %")
    print(f"overhead {100 * (ratio - 1):.0f} %, {len(files) / full:.1f} files/s, "
          f"{size / 1024 / 1024 / full:.2f} MB/s")


if __name__ == "__main__":
    main()
