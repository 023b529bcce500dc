"""Import activity files from a watch: a plain multipart form, enhanced with drag and drop."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from yolvarex import uploads
from yolvarex.ingest.archive import Budget
from yolvarex.services import import_jobs, training_log
from yolvarex.services.days import local_time
from yolvarex.services.imports import ImportReport
from yolvarex.store import models
from yolvarex.store.access import Actor, owned
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
ACCEPT = ".fit,.gpx,.tcx,.gz,.zip"


def _results(request: Request, actor: Actor, report: ImportReport) -> list[dict[str, Any]]:
    """Each file's outcome with the activities it stored, for the results list and RPE prompt."""
    out = []
    with core.runtime(request).db.session() as db:
        for result in report.files:
            rows = [owned(db, actor, models.Activity, i) for i in result.activity_ids]
            out.append({"file": result.file.rsplit("/", 1)[-1], "path": result.file,
                        "status": result.status, "reason": result.reason,
                        "remarks": list(dict.fromkeys(result.remarks)),
                        "duplicates": result.duplicates,
                        "activities": [{"id": r.id, "title": training_log.display_name(r),
                                        "sport": r.sport, "start": local_time(r), "rpe": r.rpe,
                                        "minutes": r.duration_s / 60,
                                        "km": (r.distance_m or 0) / 1000} for r in rows]})
    return out


async def _run(request: Request, actor: Actor) -> tuple[ImportReport | int | None, str | None]:
    """The upload imported now (its report), queued as a background job (its id), or an error."""
    rt = core.runtime(request)
    limit = rt.settings.max_upload_bytes
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return None, "Choose at least one file to import."
    named = await uploads.read_files(files, limit)
    modified = _modified(form.get("modified"))
    budget = Budget.for_upload(limit)
    if import_jobs.needs_job(named):
        return import_jobs.start(rt.db, actor, named, budget, modified), None
    return await import_jobs.import_inline(request, rt.db, actor, named, budget, modified), None


def _modified(value: object) -> dt.datetime | None:
    """The browser's last-modified time of the file (ms since 1970), which dates a FIT file
    whose watch had not set its clock; otherwise the time of the upload is used."""
    if isinstance(value, str) and value.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(value) / 1000, dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


@router.get("/import")
def import_page(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return core.render(request, "import.html", {"accept": ACCEPT, "results": None, "error": None,
                                                "limit_mb": _limit_mb(request)}, section="import")


def _limit_mb(request: Request) -> int:
    return core.runtime(request).settings.max_upload_bytes // (1024 * 1024)


@router.post("/import")
async def import_submit(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    """The form without JavaScript: every chosen file in one request, then the results page
    (or, for an archive or a large upload, the job's page)."""
    outcome, error = await _run(request, actor)
    if isinstance(outcome, int):
        return core.redirect(f"/import/jobs/{outcome}")
    return _results_page(request, actor, outcome, error)


def _results_page(request: Request, actor: Actor, report: ImportReport | None,
                  error: str | None, job: models.ImportJob | None = None) -> Response:
    results = _results(request, actor, report) if report else None
    days = [a["start"].date() for r in results or () for a in r["activities"]]
    context = {"accept": ACCEPT, "error": error, "limit_mb": _limit_mb(request),
               "results": results, "log_week": max(days) if days else None,
               "summary": report.summary() if report else None, "job": job}
    return core.render(request, "import.html", context, status_code=422 if error else 200,
                       section="import")


@router.post("/import/file")
async def import_one(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    """One file from the drag-and-drop list; answers with that file's result as an HTML fragment
    (an archive: a fragment that follows its background job until it is done)."""
    outcome, error = await _run(request, actor)
    if isinstance(outcome, int):
        return _job_fragment(request, actor, outcome)
    results = _results(request, actor, outcome) if outcome else []
    return core.render(request, "import/_results.html", {"results": results, "error": error},
                       status_code=422 if error else 200)


def _job(request: Request, actor: Actor, job_id: int) -> models.ImportJob:
    return import_jobs.get(core.runtime(request).db, actor, job_id)


def _job_fragment(request: Request, actor: Actor, job_id: int) -> Response:
    job = _job(request, actor, job_id)
    if job.status == "done" and job.result is not None:
        report = import_jobs.report_of(job.result)
        return core.render(request, "import/_results.html",
                           {"results": _results(request, actor, report), "error": None})
    return core.render(request, "import/_job.html", {"job": job})


@router.get("/import/jobs/{job_id}")
def job_page(request: Request, job_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    """A background import: progress while it runs (the page refreshes itself), then results."""
    job = _job(request, actor, job_id)
    report = import_jobs.report_of(job.result) if job.status == "done" and job.result else None
    return _results_page(request, actor, report, None, job)


@router.get("/import/jobs/{job_id}/fragment")
def job_fragment(request: Request, job_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    return _job_fragment(request, actor, job_id)
