"""Training log, imports and load under /api/v1."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from yolvarex import clock, uploads
from yolvarex.api.answers import ActivityOut, LoadReportOut, LoadSeriesOut
from yolvarex.api.auth import api_actor, db_session, runtime
from yolvarex.api.bodies import read_by
from yolvarex.api.import_answers import ImportJobOut, ImportReportOut
from yolvarex.errors import Invalid
from yolvarex.ingest.archive import Budget
from yolvarex.services import history, import_jobs, load_report, training_load, training_log
from yolvarex.services.runtime import Runtime
from yolvarex.services.training_log import CrossEntry, EntryChanges, RunEntry, parse
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1")


@router.post("/imports", tags=["imports"], summary="Import activity files (FIT, GPX, TCX, .gz, zip, "
             "Strava export); each file is stored whole or not at all",
             description="Single small files are imported at once and the report returned. An "
             "upload holding a zip or gzip archive or larger than 2 MB becomes a background job: "
             "the "
             "answer is 202 with the job, whose `url` reports progress and, when `status` is "
             "`done`, the same report in `result`. Archives may unpack to at most four times "
             "the upload limit, each file in them to at most the limit.",
             response_model=ImportReportOut,
             responses={202: {"description": "Queued as a background job", "model": ImportJobOut}})
async def upload(request: Request, files: list[UploadFile] = File(...),
                 actor: Actor = Depends(api_actor),
                 rt: Runtime = Depends(runtime)) -> dict[str, Any] | JSONResponse:
    limit = rt.settings.max_upload_bytes
    named = await uploads.read_files(files, limit)
    budget = Budget.for_upload(limit)
    if import_jobs.needs_job(named):
        job_id = import_jobs.start(rt.db, actor, named, budget)
        job = ImportJobOut.model_validate(import_jobs.job_json(import_jobs.get(rt.db, actor, job_id)))
        return JSONResponse(job.model_dump(mode="json", exclude_unset=True), status_code=202,
                            headers={"Location": job.url})
    report = await import_jobs.import_inline(request, rt.db, actor, named, budget)
    return import_jobs.report_json(report)


@router.get("/imports/jobs/{job_id}", tags=["imports"],
            summary="A background import: status (queued, running, done, failed), progress, result",
            response_model=ImportJobOut, response_model_exclude_unset=True)
def import_job(job_id: int, actor: Actor = Depends(api_actor),
               rt: Runtime = Depends(runtime)) -> dict[str, Any]:
    return import_jobs.job_json(import_jobs.get(rt.db, actor, job_id))


@router.get("/activities", tags=["log"], summary="Runs and cross-training, oldest first, a page at a time",
            description="Optionally within `from`-`to` (local days, any length). At most `limit` "
            "activities per answer; when there are more, the answer carries the header "
            "`X-Next-Cursor` and a `Link` header with `rel=\"next\"`: pass that cursor as "
            "`cursor` for the next page.",
            response_model=list[ActivityOut])
def list_activities(request: Request, response: Response,
                    start: dt.date | None = Query(None, alias="from"),
                    end: dt.date | None = Query(None, alias="to"),
                    limit: int = Query(100, ge=1, le=500), cursor: str | None = Query(None, max_length=200),
                    actor: Actor = Depends(api_actor),
                    db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    if start is not None and end is not None and end < start:
        raise Invalid(f"`from` ({start}) is after `to` ({end}); give the earlier day first.")
    rows, following = history.activities_page(db, actor, start, end, limit, cursor)
    if following:
        response.headers["X-Next-Cursor"] = following
        response.headers["Link"] = f'<{request.url.include_query_params(cursor=following)}>; rel="next"'
    return [training_log.entry_json(r) for r in rows]


@router.post("/activities/runs", tags=["log"], status_code=201, summary="Log a run by hand",
            response_model=ActivityOut)
def log_run(body: Annotated[RunEntry, read_by(lambda sent: parse(RunEntry, sent, "run"))],
            actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    row = training_log.log_entry(db, actor, body)
    db.commit()
    return training_log.entry_json(row)


@router.post("/activities/cross", tags=["log"], status_code=201, summary="Log cross-training by hand",
            response_model=ActivityOut)
def log_cross(body: Annotated[CrossEntry,
                              read_by(lambda sent: parse(CrossEntry, sent, "cross-training"))],
              actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    row = training_log.log_entry(db, actor, body)
    db.commit()
    return training_log.entry_json(row)


@router.get("/activities/{activity_id}", tags=["log"], summary="One activity",
            response_model=ActivityOut)
def get_activity(activity_id: int, actor: Actor = Depends(api_actor),
                 db: Session = Depends(db_session)) -> dict[str, Any]:
    return training_log.entry_json(training_log.get_entry(db, actor, activity_id))


@router.patch("/activities/{activity_id}", tags=["log"],
              summary="Change an activity (RPE, duration, type...); its load is recomputed",
            response_model=ActivityOut)
def patch_activity(activity_id: int,
                   body: Annotated[EntryChanges,
                                   read_by(lambda sent: parse(EntryChanges, sent, "change"))],
                   actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> dict[str, Any]:
    row = training_log.update_entry(db, actor, activity_id, body)
    db.commit()
    return training_log.entry_json(row)


@router.delete("/activities/{activity_id}", tags=["log"], status_code=204, summary="Delete an activity")
def delete_activity(activity_id: int, actor: Actor = Depends(api_actor),
                    db: Session = Depends(db_session)) -> Response:
    training_log.delete_entry(db, actor, activity_id)
    db.commit()
    return Response(status_code=204)


@router.get("/load", tags=["load"], response_model=LoadReportOut,
            summary="This morning's load facts and the last weeks")
def load_now(weeks: int = Query(6, ge=1, le=104), actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> dict[str, Any]:
    return load_report.report(db, actor, clock.today(actor.timezone), weeks)


@router.get("/load/series", tags=["load"], summary="Daily load series (end of each day) for charts",
            response_model=LoadSeriesOut)
def load_series(days: int = Query(84, ge=7, le=366 * 5), actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session)) -> dict[str, Any]:
    series = training_load.load_series(db, actor, clock.today(actor.timezone), days)
    names = ("load", "acute", "chronic", "acwr", "monotony", "strain", "fitness", "fatigue", "form",
             "days_since_rest")
    return {"days": [d.isoformat() for d in series.days]} | {n: series.column(n) for n in names}
