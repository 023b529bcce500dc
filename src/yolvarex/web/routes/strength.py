"""Logging a performance test result from the Progress page (its charts and imbalance flag:
`web.performance_view`)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex.domain.perftest import TESTS, Side, TestName
from yolvarex.errors import Invalid
from yolvarex.services import strength_log
from yolvarex.store.access import Actor
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


@router.post("/progress/tests")
async def log_test(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    form = await request.form()

    def text(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    try:
        day = dt.date.fromisoformat(text("date"))
        test = TestName(text("test"))
        side = Side(text("side") or "both")
        value = float(text("value"))
    except ValueError:
        return core.redirect("/progress?log=1#tests-h", "Give a date, a test, a side where it applies, "
                                                   "and your result as a number.")
    try:
        with core.runtime(request).db.session() as db:
            strength_log.log_test(db, actor, day, test, side, value)
    except Invalid as exc:
        return core.redirect("/progress?log=1#tests-h", " ".join(exc.details) or exc.message)
    return core.redirect("/progress?log=1#tests-h", f"{TESTS[test].title}: {value:g} saved.")
