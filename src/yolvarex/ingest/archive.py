"""Open what a person hands over (files, folders, zip archives, a Strava bulk export) into
single activity files, each with what the archive knows about it.

A Strava bulk export is a zip with `activities.csv` and an `activities/` folder; the CSV's row
for a file gives the activity's name, type (which wins over the file's sport) and perceived
exertion (Strava's 1-10 scale, taken as session RPE). Files that are not activity files
(photos, the other CSVs, notes) are skipped, not reported as errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yolvarex.domain.activity import Sport
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.sports import sport_named

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
MAX_ENTRY_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class ArchiveMeta:
    """What a Strava export says about one of its files."""

    name: str | None = None
    sport: Sport | None = None
    rpe: float | None = None
    start: dt.datetime | None = None


@dataclass(frozen=True)
class SourceFile:
    """One file to import: its name as the person knows it, its bytes, and what else is known."""

    name: str
    data: bytes
    modified: dt.datetime | None = None  # dates a FIT file whose watch had no clock set
    meta: ArchiveMeta | None = None
    error: ActivityFileError | None = None  # set when the file could not even be opened


def is_activity_name(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_SUFFIXES)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _strava_date(value: str | None) -> dt.datetime | None:
    for fmt in ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%d %b %Y, %H:%M:%S"):
        try:
            return dt.datetime.strptime((value or "").strip(), fmt).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    return None


def strava_metadata(text: str) -> dict[str, ArchiveMeta]:
    """Strava's activities.csv -> {file path inside the zip: metadata}. The CSV repeats some
    column names; the first of each is used."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}
    head = [h.strip() for h in rows[0]]

    def col(row: list[str], name: str) -> str | None:
        if name not in head:
            return None
        i = head.index(name)
        return row[i].strip() if i < len(row) and row[i].strip() else None

    out = {}
    for row in rows[1:]:
        filename = col(row, "Filename")
        if not filename:
            continue
        rpe = _float(col(row, "Perceived Exertion"))
        out[filename.lstrip("/")] = ArchiveMeta(
            name=col(row, "Activity Name"), sport=sport_named(col(row, "Activity Type")),
            rpe=rpe if rpe is not None and 0 <= rpe <= 10 else None,
            start=_strava_date(col(row, "Activity Date")))
    return out


def open_zip(name: str, data: bytes) -> Iterator[SourceFile]:
    """Every activity file in a zip archive (Strava exports included)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        yield SourceFile(name, b"", error=ActivityFileError(
            name, "is a damaged zip archive.", "Download or create the archive again."))
        return
    if len(infos) > MAX_ENTRIES:
        yield SourceFile(name, b"", error=ActivityFileError(
            name, f"holds more than {MAX_ENTRIES} files.", "Split it into smaller archives."))
        return
    meta: dict[str, ArchiveMeta] = {}
    csv_info = next((i for i in infos if i.filename.rsplit("/", 1)[-1] == "activities.csv"), None)
    if csv_info is not None:
        prefix = csv_info.filename[: -len("activities.csv")]
        try:
            text = archive.read(csv_info).decode("utf-8-sig", errors="replace")
            meta = {prefix + k: v for k, v in strava_metadata(text).items()}
        except (zipfile.BadZipFile, OSError, ValueError):
            meta = {}
    for info in infos:
        inner = info.filename
        base = inner.rsplit("/", 1)[-1]
        if info.is_dir() or base.startswith(".") or "__MACOSX" in inner or not is_activity_name(base):
            continue
        label = f"{name}/{inner}"
        if info.file_size > MAX_ENTRY_BYTES:
            yield SourceFile(label, b"", error=ActivityFileError(
                label, "is too large to be an activity file.", "Check what the archive holds."))
            continue
        try:
            with archive.open(info) as fh:
                content = fh.read(MAX_ENTRY_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield SourceFile(label, b"", error=ActivityFileError(
                label, f"could not be unpacked from the archive ({exc}).",
                "Create the archive again."))
            continue
        try:
            stamp = dt.datetime(*info.date_time, tzinfo=dt.UTC)
        except ValueError:
            stamp = None
        yield SourceFile(label, content, modified=stamp, meta=meta.get(inner))


def open_upload(name: str, data: bytes, modified: dt.datetime | None = None) -> Iterator[SourceFile]:
    """One uploaded file: a zip opens into its activity files, anything else stays as it is."""
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        yield from open_zip(name, data)
    else:
        yield SourceFile(name, data, modified=modified)


def walk_paths(paths: list[Path]) -> Iterator[Path]:
    """Files named directly, and activity files and zips found in folders (recursively)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (is_activity_name(child.name) or child.suffix.lower() == ".zip"):
                    yield child
        else:
            yield path


def open_path(path: Path) -> Iterator[SourceFile]:
    try:
        data = path.read_bytes()
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError as exc:
        yield SourceFile(str(path), b"", error=ActivityFileError(
            str(path), f"cannot be read ({exc.strerror or exc}).", "Check the path and permissions."))
        return
    yield from open_upload(str(path), data, modified)
