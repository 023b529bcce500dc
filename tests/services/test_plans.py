"""Plans and the strength log in the store: ownership, coaches, adaptation, progression."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex.content import load_library
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import accounts, plans, strength_log
from yolvarex.store import models

LIBRARY, _ = load_library()
PROFILE = {"start": "2026-12-07", "weeks": 8, "experience": "some", "equipment": ["bands"],
           "sessions_per_week": 2, "minutes_per_session": 30,
           "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest",
                        "fri": "easy", "sat": "long", "sun": "rest"},
           "injury_history": ["achilles_calf"]}


def test_create_read_regenerate_and_planned_for(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, PROFILE, LIBRARY)
        assert stored.plan.profile.weeks == 8 and stored.created_by == ann.id
    with rt.db.session() as db:
        current = plans.current_plan(db, ann)
        assert current is not None and current.id == stored.id
        first = next(current.plan.sessions())
        day = plans.planned_for(db, ann, first.date)
        assert day.session == first and day.run_day == first.run_day.value
        assert day.planned == ("strength" if first.run_day.value == "rest" else first.run_day.value)
        rest_day = plans.planned_for(db, ann, dt.date(2026, 12, 10))  # a thursday
        assert rest_day.run_day == "rest"
        again = plans.regenerate(db, ann, LIBRARY, start=dt.date(2026, 12, 14))
        assert again.id != stored.id and again.plan.profile.start == dt.date(2026, 12, 14)
        assert db.query(models.Plan).filter_by(user_id=ann.id, active=True).count() == 1


def test_no_plan_means_nothing_planned(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        day = plans.planned_for(db, ann, dt.date(2026, 12, 9))
        assert day.session is None and day.run_day is None and day.planned is None
        with pytest.raises(NotFound):
            plans.regenerate(db, ann, LIBRARY)


def test_invalid_profile_lists_fields_and_stores_nothing(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db, pytest.raises(Invalid) as exc:
        plans.create_plan(db, ann, {**PROFILE, "weeks": 99, "minutes_per_session": 5}, LIBRARY)
    assert any(d.startswith("weeks:") for d in exc.value.details)
    assert any(d.startswith("minutes_per_session:") for d in exc.value.details)
    with rt.db.session() as db:
        assert plans.current_plan(db, ann) is None


def test_read_profile_text_json_and_yaml() -> None:
    assert plans.read_profile_text('{"weeks": 4}', "p.json") == {"weeks": 4}
    assert plans.read_profile_text("weeks: 4\n", "p.yaml") == {"weeks": 4}
    with pytest.raises(Invalid, match="not valid JSON"):
        plans.read_profile_text("{weeks", "p.json")
    with pytest.raises(Invalid, match="must hold one profile"):
        plans.read_profile_text("- 1\n", "p.yaml")


def test_coach_plans_only_for_linked_athletes_and_others_get_404(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    coach = make_user("cora", role="coach")
    with rt.db.session() as db, pytest.raises(NotFound):
        plans.create_plan(db, coach, PROFILE, LIBRARY, athlete_id=ann.id)
    with rt.db.session() as db:
        link = accounts.accept_coach(db, ann, accounts.invite_athlete(db, coach, "ann").id)
    with rt.db.session() as db:
        stored = plans.create_plan(db, coach, PROFILE, LIBRARY, athlete_id=ann.id)
        assert stored.created_by == coach.id and stored.athlete_id == ann.id
    with rt.db.session() as db:
        assert plans.current_plan(db, ann).id == stored.id  # type: ignore[union-attr]
        with pytest.raises(NotFound):
            plans.current_plan(db, bob, athlete_id=ann.id)
        with pytest.raises(NotFound):
            plans.create_plan(db, bob, PROFILE, LIBRARY, athlete_id=ann.id)
        with pytest.raises(NotFound):  # a coach never writes the athlete's log
            strength_log.log_session(db, coach, strength_log.parse_session(
                {"date": "2026-12-09", "sets": [{"exercise": "plank", "seconds": 30}]}),
                LIBRARY, athlete_id=ann.id)
    with rt.db.session() as db:
        accounts.revoke_coach(db, ann, link.id)
    with rt.db.session() as db, pytest.raises(NotFound):
        plans.current_plan(db, coach, athlete_id=ann.id)


def test_verdicts_adapt_the_stored_plan_once(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, PROFILE, LIBRARY)
    heavy = next(s for s in stored.plan.weeks[1].sessions if s.lower_body_load.value == "full")
    with rt.db.session() as db:
        moved = plans.apply_verdict(db, ann, heavy.date, Verdict.REST, LIBRARY)
    assert moved.action.value in ("move", "skip")
    with rt.db.session() as db:
        again = plans.apply_verdict(db, ann, heavy.date, Verdict.REST, LIBRARY)
        assert again.action == moved.action and again.moved_to == moved.moved_to
        current = plans.current_plan(db, ann)
        assert current is not None and len(current.adaptations) == 1
        assert current.plan.session_on(heavy.date) is None
        if moved.moved_to:
            there = plans.planned_for(db, ann, moved.moved_to)
            assert there.session is not None and there.adaptation is not None


def test_log_session_with_tests_and_progression(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, PROFILE, LIBRARY)
    sessions = list(stored.plan.sessions())
    first, later = sessions[0], next(s for s in sessions[1:] if s.focus == sessions[0].focus)
    sets = []
    for p in first.prescriptions():
        for _ in range(p.sets):
            for side in (("left", "right") if p.per_side else ("both",)):
                sets.append({"exercise": p.exercise, "side": side, "rpe": 6,
                             "reps": p.reps[1] if p.reps else None,
                             "seconds": p.seconds if p.reps is None else None,
                             "completed": p.reps is not None or p.seconds is not None})
    data = {"date": first.date.isoformat(), "minutes": first.minutes, "rpe": 6,
            "plan_session": first.date.isoformat(), "sets": sets,
            "tests": [{"test": "single_leg_squat", "side": "left", "value": 8},
                      {"test": "single_leg_squat", "side": "right", "value": 10}]}
    with rt.db.session() as db:
        row = strength_log.log_session(db, ann, strength_log.parse_session(data), LIBRARY)
        assert len(row.sets) == len(sets)
    with rt.db.session() as db:
        results = strength_log.performance_tests(db, ann)
        assert {(r.side.value, r.value) for r in results} == {("left", 8), ("right", 10)}
        assert strength_log.performance_tests(db, bob) == []
        with pytest.raises(NotFound):
            strength_log.performance_tests(db, bob, athlete_id=ann.id)
        workout = strength_log.workout(db, ann, later.date, LIBRARY)
        changes = {p.exercise: step.change.value for p, step in workout.steps}
        assert workout.day.session == later
        assert any(c not in ("plan",) for c in changes.values()), changes
        assert all(step.reason for _, step in workout.steps)


def test_bad_logs_store_nothing(rt, make_user) -> None:
    ann = make_user("ann")
    with pytest.raises(Invalid) as exc:
        strength_log.parse_session({"date": "2026-12-09", "sets": [{"exercise": "plank"}],
                                    "tests": [{"test": "single_leg_squat", "value": 3}],
                                    "mood": "great"})
    text = " ".join(exc.value.details)
    assert "sets.0" in text and "tests.0" in text and "mood: unknown field" in text
    with rt.db.session() as db, pytest.raises(Invalid) as exc:
        strength_log.log_session(db, ann, strength_log.parse_session(
            {"date": "2026-12-09", "sets": [{"exercise": "plank", "seconds": 30},
                                            {"exercise": "moon-walk", "reps": 3}]}), LIBRARY)
    assert "moon-walk" in exc.value.details[0]
    with rt.db.session() as db:
        assert strength_log.sessions(db, ann, dt.date(2026, 1, 1), dt.date(2027, 1, 1)) == []
