"""/api/v1 export, restore and account deletion: the runner's data, whole."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Request, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from yolvarex import clock, uploads
from yolvarex.api.auth import api_actor, runtime
from yolvarex.services import account_data, calendar_feed, data_archive
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor
from yolvarex.store.models import User

router = APIRouter(prefix="/api/v1", tags=["your data"])


class RestoreOut(BaseModel):
    added: dict[str, int] = Field(description="Records added, by file")
    already_there: dict[str, int] = Field(description="Records with a uid the account had already")
    kept_yours: dict[str, int] = Field(description="Records that clash with yours (same day or tree id)")
    settings_added: list[str]
    total_added: int


class DeleteConfirmation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(description="Your password (an account without one: its user name)",
                          max_length=200)


class Deleted(BaseModel):
    deleted: str
    removed: dict[str, int] = Field(description="What was removed, by kind")


@router.get("/export", summary="Everything you own as one zip archive (JSON files and a README)",
            response_class=Response,
            responses={200: {"content": {"application/zip": {}}, "description": "The archive"}})
def export(actor: Actor = Depends(api_actor), rt: Runtime = Depends(runtime)) -> Response:
    with rt.db.session() as db:
        content = data_archive.export_archive(db, actor)
    name = data_archive.archive_name(actor.name, clock.today(actor.timezone))
    return Response(content, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.post("/restore", response_model=RestoreOut,
             summary="Restore an export into your account (merged by stable id; all or nothing)")
async def restore(request: Request, archive: UploadFile = File(...),
                  actor: Actor = Depends(api_actor), rt: Runtime = Depends(runtime)) -> RestoreOut:
    limit = rt.settings.max_upload_bytes
    uploads.check_length(request, limit)
    (_, content), = await uploads.read_files([archive], limit)
    with rt.db.session() as db:
        report = data_archive.restore_archive(db, actor, content, limit)
    return RestoreOut(**report.to_json())


@router.delete("/me", response_model=Deleted,
               summary="Delete your account and every record it holds (cannot be undone)")
def delete_me(confirmation: DeleteConfirmation, actor: Actor = Depends(api_actor),
              rt: Runtime = Depends(runtime)) -> Deleted:
    with rt.db.session() as db:
        user = db.get(User, actor.id)
        assert user is not None
        account_data.confirm_password(db, user, confirmation.password)
        removed = account_data.delete_account(db, user)
    return Deleted(deleted=actor.name, removed=removed)


class CalendarAddress(BaseModel):
    url: str = Field(description="The private feed URL (shown only now; the old one stops working)")


@router.post("/calendar/token", response_model=CalendarAddress,
             summary="Turn on your calendar feed, or make a new address for it")
def calendar_token(request: Request, actor: Actor = Depends(api_actor),
                   rt: Runtime = Depends(runtime)) -> CalendarAddress:
    with rt.db.session() as db:
        token = calendar_feed.rotate_token(db, actor)
    return CalendarAddress(url=f"{str(request.base_url).rstrip('/')}/cal/{token}.ics")


@router.delete("/calendar/token", status_code=204, response_class=Response,
               summary="Turn your calendar feed off (its address shows nothing afterwards)")
def calendar_off(actor: Actor = Depends(api_actor), rt: Runtime = Depends(runtime)) -> Response:
    with rt.db.session() as db:
        calendar_feed.revoke_token(db, actor)
    return Response(status_code=204)


@router.get("/calendar.ics", response_class=Response,
            summary="Your training calendar (the feed's events) as iCalendar",
            responses={200: {"content": {"text/calendar": {}}, "description": "RFC 5545"}})
def calendar_ics(request: Request, actor: Actor = Depends(api_actor),
                 rt: Runtime = Depends(runtime)) -> Response:
    with rt.db.session() as db:
        user = db.get(User, actor.id)
        assert user is not None
        body = calendar_feed.calendar_for(db, user, rt.library, str(request.base_url).rstrip("/"))
    return Response(body, media_type="text/calendar; charset=utf-8")
