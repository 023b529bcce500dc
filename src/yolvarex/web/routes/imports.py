"""Import activity files from a watch."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/import")
def import_page(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return core.render(request, "import.html", {}, section="import")
