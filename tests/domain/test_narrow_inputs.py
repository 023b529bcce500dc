"""The domain reads only the part of the library it names: given just that part, as plain
mappings, it gives the same answers as with the whole library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex.content import load_library
from yolvarex.content.schemas.exercise import Exercise, Ladder
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.plan import Profile, generate_plan
from yolvarex.domain.plan.adapt import adapt_day
from yolvarex.domain.plan.builder import leg_load_of
from yolvarex.domain.plan.describe import session_text
from yolvarex.domain.recovery.suggest import SessionKind, Situation, suggest
from yolvarex.domain.recovery.timeline import Segment
from yolvarex.domain.verdict import Verdict

LIBRARY, _ = load_library()


@dataclass(frozen=True)
class JustTheCatalog:
    """Exercises, ladders, routines and their lengths: nothing else of the library."""

    exercises: Mapping[str, Exercise]
    ladders: Mapping[str, Ladder]
    routines: Mapping[str, Routine]
    lengths: Mapping[str, int]

    def routine_seconds(self, routine_id: str) -> int:
        return self.lengths[routine_id]


@dataclass(frozen=True)
class JustTheRoutines:
    routines: Mapping[str, Routine]
    movements: Mapping[str, Movement]
    timelines: Mapping[str, tuple[Segment, ...]]

    def routine_timeline(self, routine_id: str) -> tuple[Segment, ...]:
        return self.timelines[routine_id]

    def routine_seconds(self, routine_id: str) -> int:
        return self.timelines[routine_id][-1].end


def test_a_plan_is_built_adapted_and_described_from_its_catalog_alone() -> None:
    catalog = JustTheCatalog(dict(LIBRARY.exercises), dict(LIBRARY.ladders), dict(LIBRARY.routines),
                             {r: LIBRARY.routine_seconds(r) for r in LIBRARY.routines})
    profile = Profile.model_validate(ISSUE_PROFILE)
    plan = generate_plan(profile, catalog)
    assert plan == generate_plan(profile, LIBRARY)
    session = next(plan.sessions())
    for verdict in (Verdict.MODIFY, Verdict.REST):
        assert adapt_day(plan, session.date, verdict, catalog) == \
            adapt_day(plan, session.date, verdict, LIBRARY)
    assert session_text(session, catalog) == session_text(session, LIBRARY)
    assert leg_load_of(list(session.prescriptions()), catalog.exercises) is session.lower_body_load


def test_routines_are_suggested_from_the_routines_alone() -> None:
    book = JustTheRoutines(dict(LIBRARY.routines), dict(LIBRARY.movements),
                           {r: LIBRARY.routine_timeline(r) for r in LIBRARY.routines})
    situation = Situation(dt.date(2026, 11, 25), planned=(SessionKind.LONG,), sore_areas=("calves",))
    assert suggest(situation, book) == suggest(situation, LIBRARY)
