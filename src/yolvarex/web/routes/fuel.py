"""Fuel for a run: before, during and after, by the run's length (`services.fuel.for_run`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.domain.fuel_run import RUN_MINUTES
from yolvarex.errors import Invalid
from yolvarex.services import fuel
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.get("/fuel")
def fuel_page(request: Request, minutes: str = "90", again_soon: str = "",
              actor: Actor = Depends(core.login_required)) -> Response:
    errors: list[str] = []
    advice = None
    try:
        length = int(minutes)
        with core.runtime(request).db.session() as db:
            advice = fuel.for_run(db, actor, actor.id, length, bool(again_soon))
    except ValueError:
        errors.append(f"Give the run's length in whole minutes, {RUN_MINUTES[0]}-{RUN_MINUTES[1]}.")
    except Invalid as exc:
        errors.append(exc.message)
    return core.render(request, "fuel.html", {
        "minutes": minutes, "again_soon": bool(again_soon), "errors": errors,
        "for_run": advice, "fuel": advice.advice if advice else None,
        "lib": core.runtime(request).library, "limits": RUN_MINUTES,
    }, status_code=422 if errors else 200, section="log")
