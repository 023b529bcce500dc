"""Your data: download everything, restore an export, delete the account."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from yolvarex import clock, uploads
from yolvarex.errors import UserError
from yolvarex.services import account_data, data_archive
from yolvarex.store.access import Actor
from yolvarex.store.models import User
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


def _page(request: Request, report: data_archive.RestoreReport | None = None,
          restore_error: str | None = None, delete_error: str | None = None,
          status: int = 200) -> Response:
    return core.render(request, "data.html", {
        "report": report, "restore_error": restore_error, "delete_error": delete_error},
        status_code=status, section="data")


@router.get("/data")
def data_page(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return _page(request)


@router.get("/data/export.zip")
def download(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        content = data_archive.export_archive(db, actor)
    name = data_archive.archive_name(actor.name, clock.today(actor.timezone))
    return Response(content, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.post("/data/restore")
async def restore(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    limit = core.runtime(request).settings.max_upload_bytes
    uploads.check_length(request, limit)
    form = await request.form()
    upload = form.get("archive")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, restore_error="Choose the .zip file you exported first.", status=422)
    (_, content), = await uploads.read_files([upload], limit)
    try:
        with core.runtime(request).db.session() as db:
            report = data_archive.restore_archive(db, actor, content, limit)
    except UserError as exc:
        return _page(request, restore_error=exc.message, status=422)
    return _page(request, report=report)


@router.post("/data/delete")
def delete(request: Request, password: str = Form(""),
           actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            user = db.get(User, actor.id)
            assert user is not None
            account_data.confirm_password(db, user, password)
            account_data.delete_account(db, user)
    except UserError as exc:
        return _page(request, delete_error=exc.message, status=422)
    response = core.redirect("/", f"The account {actor.name} and everything it held are deleted. "
                                  "Thank you for running with yolvarex.")
    settings = core.runtime(request).settings
    response.delete_cookie(core.session_cookie(settings), path="/", secure=settings.secure_cookies,
                           httponly=True)
    return response
