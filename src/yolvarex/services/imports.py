"""Import activity files into an athlete's log.

- Each file is all or nothing: its activities are written inside one savepoint and committed
  together; a file that cannot be read stores nothing and is reported with the reason, and the
  rest of the batch goes on.
- The same activity twice (start within a minute, durations within 10 % or two minutes, from
  any format or source, the log included) is stored once.
- Non-running activities are kept as cross-training with their load; a multisport file keeps
  its running legs as runs.
- A run goes in the runner's default shoe (`gear.default_shoe_id`); the file itself is kept,
  compressed, to download again (`activity_files`); the run page's analysis is computed once
  here (`run_analysis`) and a run that beats a record is reported as a new best.
- Every stored activity gets a session load (`domain.session_load`): Strava's perceived
  exertion x minutes when the export has it, else heart-rate TRIMP with the athlete's resting
  and maximum heart rate (see `athlete_heart_rates`), else an estimate by sport.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from yolvarex import clock, logs
from yolvarex.domain.activity import Activity, Sport
from yolvarex.domain.session_load import HeartRates, load_minutes, load_of_session
from yolvarex.errors import UserError
from yolvarex.ingest import ActivityFileError, read_activity_file
from yolvarex.ingest.archive import Budget, SourceFile, open_path, open_upload, walk_paths
from yolvarex.ingest.summary import dynamics_averages
from yolvarex.services import gear, records, run_analysis
from yolvarex.services.athlete import athlete_heart_rates
from yolvarex.services.days import local_start, zone_of
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, scope
from yolvarex.store.locks import hold_athlete
from yolvarex.store.samples import encode_samples

SAME_START = dt.timedelta(seconds=60)
SAME_DURATION_S = 120.0
SAME_DURATION_SHARE = 0.10


@dataclass
class FileResult:
    file: str
    status: str  # imported | duplicate | failed
    activity_ids: list[int] = field(default_factory=list)
    runs: int = 0
    cross_training: int = 0
    duplicates: int = 0
    reason: str | None = None
    remarks: list[str] = field(default_factory=list)
    new_bests: list[str] = field(default_factory=list)  # e.g. "5 km", records this file set


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(len(f.activity_ids) for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def cross_training(self) -> int:
        return sum(f.cross_training for f in self.files)

    @property
    def failed(self) -> list[dict[str, str]]:
        return [{"file": f.file, "reason": f.reason or ""} for f in self.files if f.status == "failed"]

    def summary(self) -> dict[str, Any]:
        """The JSON summary scripts read: counts, and each failed file with its reason."""
        return {"imported": self.imported, "duplicates": self.duplicates,
                "cross_training": self.cross_training, "failed": self.failed}


def similar(a_start: dt.datetime, a_duration: float, b_start: dt.datetime, b_duration: float) -> bool:
    """The duplicate rule: starts within a minute and durations within 10 % or two minutes."""
    if abs(a_start - b_start) > SAME_START:
        return False
    tolerance = max(SAME_DURATION_S, SAME_DURATION_SHARE * max(a_duration, b_duration))
    return abs(a_duration - b_duration) <= tolerance


def find_duplicate(mine: Scope, start: dt.datetime, duration_s: float) -> int | None:
    """The stored activity this one duplicates, if any. The athlete's log is locked from here to
    the end of the transaction, so a concurrent write of the same session waits for this one
    and then finds it (`store.locks`)."""
    hold_athlete(mine.db, mine.athlete_id)
    rows = mine.db.execute(mine.select(models.Activity.id, models.Activity.start,
                                       models.Activity.duration_s)
                      .where(models.Activity.start >= start - SAME_START,
                             models.Activity.start <= start + SAME_START))
    for row_id, other_start, other_duration in rows:
        if similar(start, duration_s, other_start, other_duration):
            return int(row_id)
    return None


def activity_row(mine: Scope, activity: Activity, *, source_name: str | None,
                 hr: HeartRates, rpe: float | None = None, name: str | None = None,
                 run_type: str | None = None, notes: str | None = None,
                 zone: str = "UTC") -> models.Activity:
    """A new row of the scope's athlete for a read activity, with its session load and its
    local day."""
    minutes = load_minutes(activity.duration_s, activity.moving_s)
    session = load_of_session(minutes, sport=activity.sport.value, run_type=run_type, rpe=rpe,
                              avg_hr=activity.avg_hr, hr=hr)
    dynamics: dict[str, Any] = dynamics_averages(activity.samples)
    dynamics["load_method"] = session.method.value
    day, offset_min = local_start(activity.start, zone, activity.utc_offset_s)
    return mine.new(
        models.Activity, sport=activity.sport.value, sub_sport=activity.sub_sport,
        run_type=run_type, name=(name or activity.name or None),
        start=activity.start, day=day, utc_offset_min=offset_min,
        duration_s=activity.duration_s, moving_s=activity.moving_s,
        distance_m=activity.distance_m, ascent_m=activity.ascent_m, avg_hr=activity.avg_hr,
        max_hr=activity.max_hr, avg_cadence_spm=activity.avg_cadence_spm, rpe=rpe,
        load=session.load, dynamics=dynamics,
        samples=encode_samples(activity.samples) if len(activity.samples) else None,
        source=activity.source_format or "file",
        source_name=source_name, notes=notes,
        laps=[dataclasses.asdict(lap) for lap in activity.laps] or None)


def _with_meta(activities: list[Activity], source: SourceFile) -> list[Activity]:
    meta = source.meta
    if meta is None or meta.sport is None or len(activities) != 1:
        return activities
    return [dataclasses.replace(activities[0], sport=meta.sport)]


def import_file(db: Session, actor: Actor, source: SourceFile, athlete_id: int | None = None) -> FileResult:
    """Read and store one file in its own savepoint. Unreadable files come back as `failed`.

    Each activity's heart-rate load uses the athlete's heart rates as they were on its own day
    (`athlete_heart_rates`), so an old file is not weighed with today's maximum."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    result = FileResult(file=source.name, status="imported")
    try:
        if source.error is not None:
            raise source.error
        undated = (source.meta.start if source.meta and source.meta.start else None) or \
            source.modified or clock.now()
        activities = _with_meta(read_activity_file(source.name, source.data, undated_start=undated,
                                                   max_bytes=source.max_bytes), source)
    except ActivityFileError as exc:
        result.status, result.reason = "failed", exc.reason
        return result
    # here, not at the top: activity_files reads training_log, which reads this module
    from yolvarex.services import activity_files

    meta = source.meta
    zone = zone_of(db, mine.athlete_id)
    with db.begin_nested():
        for activity in activities:
            result.remarks.extend(activity.remarks)
            if find_duplicate(mine, activity.start, activity.duration_s) is not None:
                result.duplicates += 1
                continue
            hr = athlete_heart_rates(mine, local_start(activity.start, zone,
                                                                 activity.utc_offset_s)[0])
            row = activity_row(mine, activity, source_name=source.name, hr=hr,
                               rpe=meta.rpe if meta else None, name=meta.name if meta else None,
                               zone=zone)
            if activity.sport is Sport.RUNNING:
                row.shoe_id = gear.default_shoe_id(mine, row.run_type)
            db.add(row)
            db.flush()
            activity_files.keep_original(mine, row, source.name, source.data, source.max_bytes)
            run_analysis.refresh(row)
            result.activity_ids.append(row.id)
            if activity.sport is Sport.RUNNING:
                result.new_bests.extend(b for b in records.new_bests(mine, row)
                                        if b not in result.new_bests)
                result.runs += 1
            else:
                result.cross_training += 1
    if not result.activity_ids and result.duplicates:
        result.status = "duplicate"
    return result


Progress = Callable[[FileResult], None]


def import_sources(db: Session, actor: Actor, sources: Iterable[SourceFile],
                   on_file: Progress | None = None, athlete_id: int | None = None,
                   should_stop: Callable[[], bool] | None = None) -> ImportReport:
    """Import many files, committing after each one so a later failure cannot undo it.
    `should_stop` is asked before each file (the client went away: stop there)."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    report = ImportReport()
    pending = iter(sources)
    while not (should_stop is not None and should_stop()):
        source = next(pending, None)  # unpacked only now, after the check
        if source is None:
            break
        started = time.perf_counter()
        result = import_file(db, actor, source, mine.athlete_id)
        db.commit()
        logs.event("import file", athlete=mine.athlete_id, file=result.file, status=result.status,
                   bytes=len(source.data or b""), activities=len(result.activity_ids),
                   duplicates=result.duplicates, reason=result.reason,
                   ms=round((time.perf_counter() - started) * 1000, 1))
        report.files.append(result)
        if on_file:
            on_file(result)
    return report


def upload_sources(files: Iterable[tuple[str, bytes]], modified: dt.datetime | None = None,
                   budget: Budget | None = None) -> Iterator[SourceFile]:
    """The uploaded files opened; with a budget (the faces pass `Budget.for_upload`), archives
    and gzip files unpack to no more than a small multiple of the upload limit."""
    for name, data in files:
        yield from open_upload(name, data, modified, budget)


def path_sources(paths: list[Path],
                 on_path: Callable[[Path, int], None] | None = None) -> Iterator[SourceFile]:
    """The files at the paths opened (an archive gives each file in it); `on_path(path, bytes)`
    is called once every file from a path has been imported (for a progress bar)."""
    for path in walk_paths(paths):
        yield from open_path(path)
        if on_path is not None:
            on_path(path, _size(path))


@dataclass(frozen=True)
class Batch:
    files: int  # archives count once
    bytes: int  # on disk


def measure(paths: list[Path]) -> Batch:
    """How many files the paths hold and their size on disk, for a progress bar."""
    sizes = [_size(path) for path in walk_paths(paths)]
    return Batch(files=len(sizes), bytes=sum(sizes))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError("Nothing to import at " + ", ".join(missing) + ".",
                        details=["Give files, folders or zip archives that exist."])
