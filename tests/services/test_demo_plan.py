"""The demo runner has a stored plan, and the logged strength sessions are its past sessions."""

from __future__ import annotations

import datetime as dt

from yolvarex.content import load_library
from yolvarex.services import plans, strength_log
from yolvarex.services.demo import load_demo
from yolvarex.store import models
from yolvarex.store.access import Actor

LIBRARY, _ = load_library()
TODAY = dt.date(2026, 11, 25)


def test_demo_plan_matches_the_log_and_is_idempotent(rt) -> None:
    with rt.db.session() as db:
        user = load_demo(db, LIBRARY, TODAY)
        actor = Actor.of(user)
    with rt.db.session() as db:
        stored = plans.current_plan(db, actor)
        assert stored is not None and stored.plan.profile.race is not None
        past = [s for s in stored.plan.sessions() if s.date < TODAY]
        logged = strength_log.sessions(db, actor, TODAY - dt.timedelta(days=70), TODAY)
        assert [r.date for r in logged] == [s.date for s in past]
        for row, session in zip(logged, past, strict=True):
            assert row.plan_session == session.date.isoformat()
            assert {s.exercise for s in row.sets} <= {p.exercise for p in session.prescriptions()}
        tests = strength_log.performance_tests(db, actor)
        assert {t.date for t in tests} == {s.date for s in past if s.focus.value == "test"}
        first = (db.query(models.Plan).count(), db.query(models.StrengthSession).count(),
                 db.query(models.PerformanceTest).count())
    with rt.db.session() as db:
        load_demo(db, LIBRARY, TODAY)
    with rt.db.session() as db:
        again = (db.query(models.Plan).count(), db.query(models.StrengthSession).count(),
                 db.query(models.PerformanceTest).count())
        assert again == first and first[0] == 1
        assert plans.current_plan(db, actor).plan.to_json() == stored.plan.to_json()  # type: ignore[union-attr]
