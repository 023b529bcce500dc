"""Readers for the files watches and apps make: FIT, GPX, TCX, and gzip-compressed versions.

`read_activity_file(name, data)` finds the format from the content (and the name when the
content is ambiguous) and returns one Activity per activity in the file (a multisport file gives
one per leg). Anything it cannot read raises `ActivityFileError`, whose message names the file,
says what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import zlib

from yolvarex.domain.activity import Activity
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.fit import read_fit
from yolvarex.ingest.gpx import read_gpx
from yolvarex.ingest.tcx import read_tcx

__all__ = ["MAX_FILE_BYTES", "ActivityFileError", "detect_format", "read_activity_file"]

#: Largest file (after decompression) a reader accepts; a day-long FIT file is a few MB.
MAX_FILE_BYTES = 200 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


def _is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[0] in (12, 14) and data[8:12] == b".FIT"


def detect_format(name: str, data: bytes) -> str:
    """"fit", "gpx", "tcx", "gzip" or "zip", from the content first and the name second."""
    lower = name.lower()
    if data[:2] == GZIP_MAGIC:
        return "gzip"
    if data[:4] == ZIP_MAGIC:
        return "zip"
    if _is_fit(data):
        return "fit"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"<TrainingCenterDatabase" in head or lower.endswith(".tcx"):
            return "tcx"
        if b"<gpx" in head or lower.endswith(".gpx"):
            return "gpx"
        return "xml"
    if lower.endswith(".fit"):
        return "fit"
    return "unknown"


def gunzip(name: str, data: bytes, limit: int = MAX_FILE_BYTES) -> bytes:
    """Decompress gzip data, refusing anything that grows past `limit` (a "zip bomb")."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise ActivityFileError(name, "is a damaged gzip file.",
                                "Compress or download the file again.") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise ActivityFileError(name, f"unpacks to more than {limit // (1024 * 1024)} MB, far more "
                                "than any activity file.", "Check that this is an activity file.")
    if not inflater.eof:
        raise ActivityFileError(name, "is a damaged gzip file: it is cut short.",
                                "Compress or download the file again.")
    return out


def read_activity_file(name: str, data: bytes, *, undated_start: dt.datetime | None = None,
                       max_bytes: int = MAX_FILE_BYTES) -> list[Activity]:
    """Every activity in the file, or ActivityFileError saying what is wrong and what to do.

    `undated_start` dates a FIT file whose watch had not set its clock (see `ingest.fit`);
    `max_bytes` bounds what a gzip file may unpack to (uploads pass a tighter bound).
    """
    if not data:
        raise ActivityFileError(name, "is empty (0 bytes).", "Copy the file again.")
    if len(data) > MAX_FILE_BYTES:
        raise ActivityFileError(name, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.",
                                "Split it or export a single activity.")
    kind = detect_format(name, data)
    if kind == "gzip":
        inner = name[:-3] if name.lower().endswith(".gz") else name
        return read_activity_file(inner, gunzip(name, data, min(max_bytes, MAX_FILE_BYTES)),
                                  undated_start=undated_start, max_bytes=max_bytes)
    if kind == "fit":
        activities = read_fit(name, data, undated_start)
    elif kind == "gpx":
        activities = read_gpx(name, data)
    elif kind == "tcx":
        activities = read_tcx(name, data)
    elif kind == "zip":
        raise ActivityFileError(name, "is a zip archive, which holds files rather than being one.",
                                "Import the archive as a whole (`yolvarex import` or the Import "
                                "page open it for you).")
    elif kind == "xml":
        raise ActivityFileError(name, "is XML but neither GPX nor TCX.",
                                "Export the activity as FIT, GPX or TCX.")
    else:
        raise ActivityFileError(name, "is not a FIT, GPX or TCX activity file.",
                                "Export the activity from your watch or app in one of those formats.")
    kept = [a for a in activities if a.duration_s > 0 or (a.distance_m or 0) > 0]
    if not kept:
        raise ActivityFileError(name, "records an empty activity: it lasts 0 seconds and covers "
                                "no distance.", "There is nothing to import from it.")
    return kept
