"""The strength plan around the running week."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from yolvarex.store import models
from yolvarex.store.access import Actor, require
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/plan")
def plan(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        require(db, actor, actor.id)
        row = db.scalar(select(models.Plan).where(models.Plan.user_id == actor.id,
                                                  models.Plan.active.is_(True))
                        .order_by(models.Plan.created_at.desc()))
        stored = row.plan if row else None
    return core.render(request, "plan.html", {"plan": stored}, section="plan")
