"""The Form section: analyse a run (from the log or an upload), the self-assessment, and the
warm-up drill block. The library pages for faults, cues and drills are in `form_library.py`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from yolvarex import clock, uploads
from yolvarex.domain import units
from yolvarex.domain.form.content import best_cue
from yolvarex.errors import Invalid
from yolvarex.services import form, form_dynamics
from yolvarex.services.form import FormReport
from yolvarex.services.form_dynamics import DynamicsAdvice
from yolvarex.store.access import Actor
from yolvarex.web import core, form_view

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


def _index(request: Request, actor: Actor, error: str | None = None, status: int = 200) -> Response:
    with core.runtime(request).db.session() as db:
        runs = form.analysable_runs(db, actor, limit=12)
        latest = form.latest_assessment(db, actor)
        dynamics = form_dynamics.dynamics_advice(db, actor)
    return core.render(request, "form/index.html", {
        "runs": runs, "latest": latest, "error": error, "dynamics": dynamics,
        "limit_mb": core.runtime(request).settings.max_upload_bytes // (1024 * 1024)},
        status_code=status, section="form")


def _units(request: Request) -> units.Units:
    login = core.current_login(request)
    return units.units_of(login.units if login else None)


@router.get("/form")
def index(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return _index(request, actor)


def _report_page(request: Request, report: FormReport,
                 dynamics: DynamicsAdvice | None) -> Response:
    lib = core.runtime(request).library
    a = report.analysis
    return core.render(request, "form/report.html", {
        "report": report, "a": a, "lib": lib, "gauges": form_view.gauges(report),
        "dynamics": dynamics,
        "charts": form_view.run_charts(report), "pace": form_view.pace_text(a.pace_s_per_km, _units(request)),
        "missing": [form.metric_label(m) for m in a.missing]}, section="form")


@router.post("/form/analyze")
async def analyze_upload(request: Request, file: UploadFile = File(...),
                         actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    limit = rt.settings.max_upload_bytes
    uploads.check_length(request, limit)
    ((name, data),) = await uploads.read_files([file], limit)
    if not data:
        return _index(request, actor, "Choose a run file (FIT, TCX or GPX) first.", 422)
    try:
        def work() -> form.FormReport:  # in a thread: the analysis must not hold the event loop
            with rt.db.session() as db:
                return form.analyse_file(rt.library, name, data, db, actor)

        report = await run_in_threadpool(work)
    except Invalid as exc:
        return _index(request, actor, exc.message, 422)
    with rt.db.session() as db:
        dynamics = form_dynamics.file_advice(db, actor, report)
    return _report_page(request, report, dynamics)


@router.get("/form/runs/{activity_id}")
def analyze_stored(request: Request, activity_id: int,
                   actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        report = form.analyse_stored(db, actor, rt.library, activity_id)
        dynamics = form_dynamics.run_advice(db, actor, activity_id)
    return _report_page(request, report, dynamics)


@router.get("/form/assess")
def assess(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        latest = form.latest_assessment(db, actor)
    return core.render(request, "form/assess.html", {
        "questions": list(rt.library.questions.values()),
        "values": latest.answers if latest else {}, "errors": []}, section="form")


@router.post("/form/assess")
async def save_assessment(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    data = await request.form()
    answers: dict[str, Any] = {k[2:]: v for k, v in data.items()
                               if k.startswith("q-") and isinstance(v, str) and v}
    try:
        with rt.db.session() as db:
            result = form.save_assessment(db, actor, rt.library, answers, clock.today(actor.timezone))
            db.commit()
    except Invalid as exc:
        return core.render(request, "form/assess.html", {
            "questions": list(rt.library.questions.values()), "values": answers,
            "errors": [exc.message, *exc.details]}, status_code=422, section="form")
    return core.redirect(f"/form/assessment/{result.id}", "Saved. Here is what your answers point to.")


@router.get("/form/assessment/{assessment_id}")
def assessment(request: Request, assessment_id: int,
               actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        result = form.get_assessment(db, actor, assessment_id)
    cues = {r.fault: best_cue(rt.library, r.fault) for r in result.ranking}
    return core.render(request, "form/assessment.html", {"result": result, "lib": rt.library,
                                                         "cues": cues}, section="form")


@router.get("/form/session")
def session(request: Request, minutes: int = 10, fault: str = "", level: int = 2,
            actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        plan = form.plan_session(db, actor, rt.library, minutes, clock.today(actor.timezone),
                                 fault=fault or None, level=level)
    return core.render(request, "form/session.html", {
        "plan": plan, "s": plan.session, "lib": rt.library, "minutes": minutes, "fault": fault,
        "level": level, "faults": sorted(rt.library.faults.values(), key=lambda f: f.title)},
        section="form")
