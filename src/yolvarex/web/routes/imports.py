"""Import activity files from a watch: a plain multipart form, enhanced with drag and drop."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from yolvarex.api import uploads
from yolvarex.services import imports, training_log
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


async def _run(request: Request, actor: Actor) -> tuple[ImportReport | None, str | None]:
    limit = core.runtime(request).settings.max_upload_bytes
    uploads.check_length(request, limit)
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return None, "Choose at least one file to import."
    named = await uploads.read_files(files, limit)
    modified = _modified(form.get("modified"))
    with core.runtime(request).db.session() as db:
        return imports.import_sources(db, actor, imports.upload_sources(named, modified)), None


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
    """The form without JavaScript: every chosen file in one request, then the results page."""
    report, error = await _run(request, actor)
    context = {"accept": ACCEPT, "error": error, "limit_mb": _limit_mb(request),
               "results": _results(request, actor, report) if report else None,
               "summary": report.summary() if report else None}
    return core.render(request, "import.html", context, status_code=422 if error else 200,
                       section="import")


@router.post("/import/file")
async def import_one(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    """One file from the drag-and-drop list; answers with that file's result as an HTML fragment."""
    report, error = await _run(request, actor)
    results = _results(request, actor, report) if report else []
    return core.render(request, "import/_results.html", {"results": results, "error": error},
                       status_code=422 if error else 200)
