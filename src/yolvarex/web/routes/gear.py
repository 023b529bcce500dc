"""Shoes: add a pair, see each pair's distance, set defaults, retire."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.errors import Invalid
from yolvarex.services import gear
from yolvarex.services.training_log import parse
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])
FIELDS = ("name", "start_km", "retire_at_km", "default_for")


def _page(request: Request, actor: Actor, values: dict[str, Any], errors: list[str],
          status: int = 200) -> Response:
    with core.runtime(request).db.session() as db:
        shoes = gear.shoes(db, actor)
    return core.render(request, "gear/index.html", {
        "shoes": shoes, "values": values, "errors": errors, "choices": gear.DEFAULT_CHOICES},
        status_code=status, section="log")


@router.get("/gear")
def index(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return _page(request, actor, {"retire_at_km": "700"}, [])


@router.post("/gear")
async def add(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()
    values = {k: str(form.get(k) or "").strip() for k in FIELDS}
    try:
        shoe = parse(gear.ShoeIn, values, "shoe")
        with core.runtime(request).db.session() as db:
            added = gear.add_shoe(db, actor, shoe)
    except Invalid as exc:
        return _page(request, actor, values, exc.details or [exc.message], 422)
    return core.redirect("/gear", f"{added.name} added.")


@router.post("/gear/{shoe_id}/retire")
def retire(request: Request, shoe_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        shoe = gear.retire(db, actor, shoe_id, clock.today(actor.timezone))
    return core.redirect("/gear", f"{shoe.name} retired.")


@router.post("/gear/{shoe_id}/default")
async def default(request: Request, shoe_id: int, actor: Actor = Depends(core.login_required)) -> Response:
    raw = str((await request.form()).get("default_for") or "")
    with core.runtime(request).db.session() as db:
        shoe = gear.set_default(db, actor, shoe_id, raw or None)
    return core.redirect("/gear", f"{shoe.name} saved.")
