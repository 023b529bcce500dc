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
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yolvarex.domain.activity import Sport
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.sports import sport_named

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
MAX_ENTRY_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 50_000
CHUNK = 1024 * 1024
#: An upload may unpack to at most this many times the upload limit, in all...
UPLOAD_TOTAL_FACTOR = 4
#: ... and each file in it to at most the upload limit itself (and never past MAX_ENTRY_BYTES).
UPLOAD_ENTRY_FACTOR = 1


@dataclass
class Budget:
    """How much an archive may unpack to: each file (`entry_bytes`) and all together
    (`total_bytes`, None for no total). Checked against the archive's own sizes before
    unpacking, and again on the bytes while unpacking, since those sizes can lie."""

    entry_bytes: int = MAX_ENTRY_BYTES
    total_bytes: int | None = None
    used: int = 0

    @classmethod
    def for_upload(cls, limit: int) -> Budget:
        return cls(entry_bytes=min(MAX_ENTRY_BYTES, UPLOAD_ENTRY_FACTOR * limit),
                   total_bytes=UPLOAD_TOTAL_FACTOR * limit)

    def room(self) -> int | None:
        return None if self.total_bytes is None else max(0, self.total_bytes - self.used)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


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
    max_bytes: int = MAX_ENTRY_BYTES  # the most it may unpack to (a .gz inside, say)


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


def open_zip(name: str, data: bytes, budget: Budget | None = None) -> Iterator[SourceFile]:
    """Every activity file in a zip archive (Strava exports included), within the budget: a
    file that unpacks past `budget.entry_bytes` is reported and skipped; once the whole
    archive passes `budget.total_bytes` the rest is reported as one error and not unpacked."""
    budget = budget or Budget()
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
            raw = _unpack(archive, csv_info, budget.entry_bytes)
            if raw is not None:
                text = raw.decode("utf-8-sig", errors="replace")
                meta = {prefix + k: v for k, v in strava_metadata(text).items()}
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
            meta = {}
    for info in infos:
        inner = info.filename
        base = inner.rsplit("/", 1)[-1]
        if info.is_dir() or base.startswith(".") or "__MACOSX" in inner or not is_activity_name(base):
            continue
        label = f"{name}/{inner}"
        if info.file_size > budget.entry_bytes:
            yield SourceFile(label, b"", error=_too_large(label, budget.entry_bytes))
            continue
        room = budget.room()
        if room is not None and info.file_size > room:
            yield _over_total(name, budget)
            return
        try:
            content = _unpack(archive, info, min(budget.entry_bytes, room if room is not None
                                                 else budget.entry_bytes))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
            yield SourceFile(label, b"", error=ActivityFileError(
                label, f"could not be unpacked from the archive ({exc}).",
                "Create the archive again."))
            continue
        if content is None:  # the archive's sizes lied
            if room is not None and room < budget.entry_bytes:
                yield _over_total(name, budget)
                return
            yield SourceFile(label, b"", error=_too_large(label, budget.entry_bytes))
            continue
        budget.used += len(content)
        try:
            stamp = dt.datetime(*info.date_time, tzinfo=dt.UTC)
        except ValueError:
            stamp = None
        yield SourceFile(label, content, modified=stamp, meta=meta.get(inner),
                         max_bytes=budget.entry_bytes)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The entry's bytes, read a chunk at a time; None as soon as it passes `limit`."""
    out = bytearray()
    with archive.open(info) as fh:
        while chunk := fh.read(CHUNK):
            out += chunk
            if len(out) > limit:
                return None
    return bytes(out)


def _too_large(label: str, limit: int) -> ActivityFileError:
    return ActivityFileError(label, f"unpacks to more than {_mb(limit)}, far more than an "
                             "activity file.", "Check what the archive holds.")


def _over_total(name: str, budget: Budget) -> SourceFile:
    total = budget.total_bytes or 0
    return SourceFile(name, b"", error=ActivityFileError(
        name, f"unpacks to more than {_mb(total)} in all, more than an upload may; the files "
        "before this point were imported.",
        "Import large archives with `yolvarex import PATH` on the server, or split them."))


def open_upload(name: str, data: bytes, modified: dt.datetime | None = None,
                budget: Budget | None = None) -> Iterator[SourceFile]:
    """One uploaded file: a zip opens into its activity files, anything else stays as it is."""
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        yield from open_zip(name, data, budget)
    else:
        yield SourceFile(name, data, modified=modified,
                         max_bytes=budget.entry_bytes if budget else MAX_ENTRY_BYTES)


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
