"""Large uploads are imported in the background, with progress any worker can report.

An upload holding an archive (zip or gzip), or larger than `INLINE_BYTES`, becomes a job: a row in
`import_jobs` (queued -> running -> done or failed) and a task on this process's small pool of
import threads (`WORKERS`), so a heavy archive never holds a request or the event loop, and at
most `WORKERS` imports per process run at once; with `MAX_QUEUED` jobs waiting, new ones are
refused with 503 and Retry-After. The uploaded bytes stay in this process's memory until the
job ends (bounded by the upload limit times the queue). The row is updated after each file, so
a request to any worker reads the progress; a job whose process died (no update for `STALE`)
reads as failed, with the files imported before it kept, like every import. When the server
starts (`yolvarex serve`, before any worker), every job still queued or running is from a
server that stopped: `recover` marks them failed at once. Each file is stored in its own
transaction, so a job killed in the middle keeps whole files only.

Small uploads are imported inside the request (`import_inline`), in a thread (at most
`INLINE_WORKERS` at once per process), and stop after the current file when the client goes
away.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import select, update
from starlette.requests import Request

from yolvarex import logs
from yolvarex.errors import Busy, NotFound
from yolvarex.ingest.archive import Budget, is_activity_name
from yolvarex.services import imports
from yolvarex.services.imports import FileResult, ImportReport
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope
from yolvarex.store.db import Database
from yolvarex.store.types import utcnow

log = logs.log

INLINE_BYTES = 2 * 1024 * 1024
INLINE_WORKERS = 2
WORKERS = 1
MAX_QUEUED = 8
STALE = dt.timedelta(minutes=10)

_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="yolvarex-import")
_pending: dict[int, Future[None]] = {}
_inline_slots = threading.BoundedSemaphore(INLINE_WORKERS)
_lock = threading.Lock()

Named = Sequence[tuple[str, bytes]]


def needs_job(named: Named) -> bool:
    """Archives (zip, and gzip, which can unpack to many times its size) and large uploads go to
    the background; small plain files stay inline."""
    total = sum(len(data) for _, data in named)
    return total > INLINE_BYTES or any(_is_zip(name, data) or data[:2] == b"\x1f\x8b"
                                       for name, data in named)


def _is_zip(name: str, data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip")


def _count_files(named: Named) -> int:
    import io
    import zipfile

    count = 0
    for name, data in named:
        if not _is_zip(name, data):
            count += 1
            continue
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            count += 1
            continue
        count += sum(1 for i in infos if not i.is_dir()
                     and is_activity_name(i.filename.rsplit("/", 1)[-1]))
    return count


def report_json(report: ImportReport) -> dict[str, Any]:
    """The finished report as the API and the job row carry it."""
    return report.summary() | {"files": [
        {"file": f.file, "status": f.status, "activity_ids": f.activity_ids, "runs": f.runs,
         "cross_training": f.cross_training, "duplicates": f.duplicates, "reason": f.reason,
         "remarks": list(dict.fromkeys(f.remarks)), "new_bests": f.new_bests}
        for f in report.files]}


def report_of(result: dict[str, Any]) -> ImportReport:
    """The report back from a finished job's JSON (for the pages that list each file)."""
    return ImportReport(files=[FileResult(
        file=f["file"], status=f["status"], activity_ids=list(f["activity_ids"]), runs=f["runs"],
        cross_training=f["cross_training"], duplicates=f["duplicates"], reason=f["reason"],
        remarks=list(f["remarks"]), new_bests=list(f.get("new_bests", [])))
        for f in result.get("files", [])])


def start(database: Database, actor: Actor, named: Named, budget: Budget,
          modified: dt.datetime | None = None) -> int:
    """Queue the upload as a job; its id."""
    with _lock:
        waiting = sum(1 for f in _pending.values() if not f.done())
        if waiting >= MAX_QUEUED:
            raise Busy("The server is busy importing other uploads; try again in a minute.",
                       retry_after=60)
        with database.session() as db:
            mine = scope(db, actor, action=Action.WRITE)
            label = ", ".join(name for name, _ in named)[:255]
            job = mine.new(models.ImportJob, status="queued", label=label,
                           files_total=_count_files(named), files_done=0)
            db.add(job)
            db.flush()
            job_id = job.id
        _pending[job_id] = _pool.submit(_run, database, job_id, actor, list(named), budget,
                                        modified)
    return job_id


def _set(database: Database, job_id: int, **values: Any) -> None:
    with database.engine.begin() as conn:
        conn.execute(update(models.ImportJob).where(models.ImportJob.id == job_id)
                     .values(updated_at=utcnow(), **values))


def _run(database: Database, job_id: int, actor: Actor, named: Named, budget: Budget,
         modified: dt.datetime | None) -> None:
    done = 0

    def progress(_result: FileResult) -> None:
        nonlocal done
        done += 1
        _set(database, job_id, files_done=done)

    try:
        _set(database, job_id, status="running")
        with database.session() as db:
            report = imports.import_sources(db, actor, imports.upload_sources(named, modified, budget),
                                            on_file=progress)
        _set(database, job_id, status="done", files_done=done, files_total=done,
             result=report_json(report))
    except Exception as exc:  # a job must always end with a status a person can read
        log.exception("import job %s failed", job_id)
        _set(database, job_id, status="failed", error=(
            f"The import stopped after {done} file(s) ({type(exc).__name__}); the files before "
            "were kept. Try the rest again, or import with `yolvarex import PATH`.")[:1000])
    finally:
        with _lock:
            _pending.pop(job_id, None)


INTERRUPTED = ("The import was interrupted after {done} file(s) (the server stopped); the files "
               "before were kept. Upload the rest again.")


def recover(database: Database) -> int:
    """Mark the jobs a stopped server left queued or running as failed; how many. Only call it
    before any worker of this server runs jobs (the CLI's `serve` does)."""
    with database.engine.begin() as conn:
        left = conn.execute(select(models.ImportJob.id, models.ImportJob.files_done).where(
            models.ImportJob.status.in_(("queued", "running")))).all()
        for job_id, done in left:
            conn.execute(update(models.ImportJob).where(models.ImportJob.id == job_id).values(
                status="failed", updated_at=utcnow(), error=INTERRUPTED.format(done=done)))
    return len(left)


def get(database: Database, actor: Actor, job_id: int) -> models.ImportJob:
    """The actor's own job (someone else's is not found); a job left running by a process that
    died reads as failed."""
    with database.session() as db:
        job = scope(db, actor).find(models.ImportJob, job_id)
        if job is None:
            raise NotFound("There is no such import.")
        if job.status in ("queued", "running") and utcnow() - job.updated_at > STALE \
                and job_id not in _pending:
            job.status = "failed"
            job.error = INTERRUPTED.format(done=job.files_done)
        db.expunge(job)
        return job


def job_json(job: models.ImportJob) -> dict[str, Any]:
    return {"id": job.id, "status": job.status, "files_done": job.files_done,
            "files_total": job.files_total, "label": job.label, "error": job.error,
            "result": job.result, "url": f"/api/v1/imports/jobs/{job.id}"}


def wait(job_id: int, timeout: float | None = None) -> None:
    """Block until the job (if this process runs it) has ended; for the CLI and tests."""
    future = _pending.get(job_id)
    if future is not None:
        future.result(timeout=timeout)


async def import_inline(request: Request, database: Database, actor: Actor, named: Named,
                        budget: Budget, modified: dt.datetime | None = None) -> ImportReport:
    """Import a small upload in a worker thread; stop after the current file if the client
    goes away (the files before are kept, as always)."""
    gone = threading.Event()

    def work() -> ImportReport:
        with _inline_slots, database.session() as db:
            return imports.import_sources(db, actor, imports.upload_sources(named, modified, budget),
                                          should_stop=gone.is_set)

    task = asyncio.ensure_future(asyncio.to_thread(work))
    while not task.done():
        if await request.is_disconnected():
            gone.set()
            break
        await asyncio.wait({task}, timeout=0.25)
    return await task

