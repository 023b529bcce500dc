"""Library pages for form faults, cues and drills, with search and filters."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from yolvarex.content.schemas.form import BodyArea, DrillGear
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import form_library
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

MINUTE_CHOICES = (2, 3, 5, 8, 15)
GEAR_LABELS = {
    "metronome": "Metronome app", "line": "A line on the ground", "cones": "Cones or markers",
    "wall": "Wall", "step": "Step or stair", "band": "Loop band", "mirror": "Mirror",
    "camera": "Phone camera", "treadmill": "Treadmill", "rope": "Skipping rope", "hill": "A gentle hill",
}
STAGE_LABELS = {"prep": "Prep in place", "technique": "Technique", "power": "Hops and bounds",
                "run": "While running"}


def _int(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def _float(value: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        return None


@router.get("/form/drills")
def drills(request: Request, q: str = "", fault: str = "", body_area: str = "", level: str = "",
           stage: str = "", minutes: str = "", equipment: list[str] = Query(default=[]),
           _: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    f = form_library.DrillFilter(q=q.strip(), fault=fault or None, body_area=body_area or None,
                                 level=_int(level), stage=stage or None, minutes=_float(minutes),
                                 equipment=tuple(e for e in equipment if e))
    error = None
    try:
        found = form_library.drills(lib, f)
    except Invalid as exc:
        found, error = [], " ".join([exc.message, *exc.details])
    return core.render(request, "form/drills.html", {
        "drills": found, "f": f, "lib": lib, "error": error, "total": len(lib.drills),
        "faults": sorted(lib.faults.values(), key=lambda x: x.title),
        "areas": [a.value for a in BodyArea], "stages": STAGE_LABELS,
        "gear": {g.value: GEAR_LABELS[g.value] for g in DrillGear}, "minute_choices": MINUTE_CHOICES},
        section="form")


@router.get("/form/drills/{drill_id}")
def drill(request: Request, drill_id: str, _: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    entry = lib.drills.get(drill_id)
    if entry is None:
        raise NotFound(f"The library has no drill called {drill_id!r}.")
    return core.render(request, "form/drill.html", {
        "d": entry, "lib": lib, "gear": GEAR_LABELS, "stages": STAGE_LABELS}, section="form")


@router.get("/form/faults")
def faults(request: Request, q: str = "", body_area: str = "",
           _: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    error = None
    try:
        found = form_library.faults(lib, q.strip(), body_area or None)
    except Invalid as exc:
        found, error = [], " ".join([exc.message, *exc.details])
    return core.render(request, "form/faults.html", {
        "faults": found, "q": q, "body_area": body_area, "areas": [a.value for a in BodyArea],
        "lib": lib, "error": error}, section="form")


@router.get("/form/faults/{fault_id}")
def fault(request: Request, fault_id: str, _: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    entry = lib.faults.get(fault_id)
    if entry is None:
        raise NotFound(f"The library has no fault called {fault_id!r}.")
    questions = [q for q in lib.questions.values() if fault_id in q.reasons]
    return core.render(request, "form/fault.html", {"fault": entry, "lib": lib,
                                                    "questions": questions}, section="form")


@router.get("/form/cues")
def cues(request: Request, q: str = "", fault: str = "", focus: str = "",
         _: Actor = Depends(core.login_required)) -> Response:
    lib = core.runtime(request).library
    error = None
    try:
        found = form_library.cues(lib, q.strip(), fault or None, focus or None)
    except Invalid as exc:
        found, error = [], " ".join([exc.message, *exc.details])
    trained = {c.id: form_library.drills_training(lib, c.id) for c in found}
    return core.render(request, "form/cues.html", {
        "cues": found, "q": q, "fault": fault, "focus": focus, "trained": trained, "lib": lib,
        "faults": sorted(lib.faults.values(), key=lambda x: x.title), "error": error},
        section="form")


