"""The day's state served from what is already known, and never after its inputs changed.

Every kind of write a runner, a coach or the app makes goes through its service, after the
reads have been kept; each must move the athlete's advice revision, and what the reads give
afterwards must equal a fresh computation (`_fresh`: the same reads with nothing kept). A
random sequence of writes checks the same property, and red flags still win over kept state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from tests.conftest import ACTIVITIES
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.verdict import Verdict
from yolvarex.ingest.archive import SourceFile
from yolvarex.services import (
    accounts,
    athlete,
    checkins,
    coach_notes,
    custom_trees,
    data_archive,
    day_state,
    days,
    decisions,
    form,
    gear,
    imports,
    invitations,
    load_report,
    plans,
    routines,
    strength_log,
    training_log,
    week_summary,
)
from yolvarex.services import today as today_service
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Actor
from yolvarex.store.db import Database

TODAY = dt.date(2026, 11, 30)  # the suite's frozen clock, a Monday (UTC)
YESTERDAY = TODAY - dt.timedelta(days=1)
PROFILE = {"start": "2026-11-23", "weeks": 8, "experience": "some",
           "equipment": ["bodyweight", "bands"], "sessions_per_week": 2, "minutes_per_session": 30,
           "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest",
                        "fri": "easy", "sat": "long", "sun": "rest"}}
WORLD_TREE = """
id: coach-says
title: Coach says
summary: What the coach says every day.
root: pain
nodes:
  - id: pain
    kind: question
    ask: Is there pain of 8 or more?
    test: {fact: pain, op: ">=", value: 8}
    yes: stop
    no: say
    unknown: say
  - {id: stop, kind: leaf, verdict: rest, advice: Rest today., evidence: [saw-2016]}
  - {id: say, kind: leaf, verdict: train, advice: Train as planned., evidence: [saw-2016]}
"""
EASY_TREE = WORLD_TREE.replace("coach-says", "always-easy").replace("verdict: train", "verdict: modify")
assert "verdict: modify" in EASY_TREE


def read_all(db, actor: Actor) -> dict[str, Any]:
    """Every kept read, as the faces make them."""
    lib = library()
    return {
        "today": today_service.today_page(db, actor, lib, TODAY),
        "decision": decisions.decide_day(db, actor, TODAY),
        "yesterday": decisions.todays_decision(db, actor, YESTERDAY),
        "load": load_report.report(db, actor, TODAY),
        "week": week_summary.week_summary(db, actor, lib, TODAY, TODAY),
        "plan": plans.current_plan_json(db, actor),
        "workout": strength_log.workout_json(db, actor, TODAY, lib),
    }


def _fresh(rt, actor: Actor) -> dict[str, Any]:
    with rt.db.session() as db:
        day_state.forget(db)
        return read_all(db, actor)


def _read(rt, actor: Actor) -> dict[str, Any]:
    with rt.db.session() as db:
        return read_all(db, actor)


def _revision(rt, athlete_id: int) -> int:
    with rt.db.session() as db:
        return day_state.revision(db, athlete_id)


def _kept_parts(rt, athlete_id: int) -> int:
    with rt.db.session() as db:
        return db.scalar(select(func.count()).select_from(models.DayState).where(
            models.DayState.user_id == athlete_id)) or 0


class World:
    """A runner three weeks into a plan, with check-ins, runs, strength work, a shoe and a coach
    with a tree; and another runner's export to restore."""

    def __init__(self, rt, make_user) -> None:
        self.rt = rt
        self.kim = make_user("kim", role="coach")
        self.ann = make_user("ann")
        bob = make_user("bob")
        with rt.db.session() as db:
            plans.create_plan(db, self.ann, PROFILE, library())
            for back in range(1, 22):
                on = TODAY - dt.timedelta(days=back)
                checkins.save_checkin(db, self.ann, CheckIn(
                    date=on, resting_hr=50 + back % 3, sleep_hours=7 + back % 2, soreness=back % 4))
                if back % 7 not in (3, 0):
                    training_log.log_entry(db, self.ann, training_log.RunEntry(
                        date=on, minutes=40 + 5 * (back % 4), distance_km=8, rpe=5 + back % 3,
                        run_type="long" if back % 7 == 2 else "easy"))
            _strength_for(db, self.ann, TODAY - dt.timedelta(days=2))
            link = accounts.invite_athlete(db, self.kim, "ann")
            self.link_id = accounts.accept_coach(db, self.ann, link.id).id
            custom_trees.save(db, self.kim, WORLD_TREE)
            self.run_id = db.scalar(select(models.Activity.id).where(
                models.Activity.user_id == self.ann.id).order_by(models.Activity.day.desc()))
            self.strength_id = db.scalar(select(models.StrengthSession.id).where(
                models.StrengthSession.user_id == self.ann.id))
            self.shoe_id = gear.add_shoe(db, self.ann, gear.ShoeIn(name="Daily", retire_at_km=20)).id
            training_log.log_entry(db, bob, training_log.RunEntry(date=YESTERDAY, minutes=120, rpe=9))
            self.archive = data_archive.export_archive(db, bob)


def _checkin(**fields: Any) -> Callable[[Any, World], None]:
    def write(db, w: World) -> None:
        checkins.save_checkin(db, w.ann, CheckIn(date=fields.pop("date", TODAY), **fields))
    return write


def _run_entry(db, w: World) -> None:
    training_log.log_entry(db, w.ann, training_log.RunEntry(
        date=YESTERDAY, minutes=95, distance_km=18, rpe=8, run_type="long"))


def _cross_entry(db, w: World) -> None:
    training_log.log_entry(db, w.ann, training_log.CrossEntry(date=TODAY, minutes=40, rpe=5))


def _import(db, w: World) -> None:
    data = (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()
    imports.import_sources(db, w.ann, [SourceFile("run.fit", data)])


def _strength(db, w: World) -> None:
    _strength_for(db, w.ann)


def _strength_for(db, ann: Actor, on: dt.date = TODAY) -> None:
    session = strength_log.parse_session({"date": on.isoformat(), "rpe": 7, "minutes": 30,
                                          "sets": [{"exercise": "split-squat", "reps": 10}]})
    strength_log.log_session(db, ann, session, library())


def _next_session(db, w: World) -> dt.date:
    stored = plans.current_plan(db, w.ann)
    assert stored is not None
    return next(s.date for s in stored.plan.sessions() if s.date >= TODAY)


def _coach_tree(source: str, replace: str | None = None) -> Callable[[Any, World], None]:
    def write(db, w: World) -> None:
        custom_trees.save(db, w.kim, source, replace=replace)
    return write


#: Every kind of write that can change what a runner is told, through its service.
WRITES: dict[str, Callable[[Any, World], None]] = {
    "check-in today": _checkin(soreness=6, sleep_hours=5.0, pain=3),
    "check-in with a red flag": _checkin(red_flags=["chest_pain"]),
    "check-in yesterday with a fever": _checkin(date=YESTERDAY, symptoms=["fever"], temperature_c=38.6),
    "run logged": _run_entry,
    "cross-training logged": _cross_entry,
    "run edited": lambda db, w: training_log.update_entry(
        db, w.ann, w.run_id, training_log.EntryChanges(minutes=150, rpe=9)),
    "run deleted": lambda db, w: training_log.delete_entry(db, w.ann, w.run_id),
    "run imported": _import,
    "strength session logged": _strength,
    "strength session deleted": lambda db, w: strength_log.delete_session(db, w.ann, w.strength_id),
    "performance test logged": lambda db, w: strength_log.log_test(
        db, w.ann, TODAY, "push_ups", "both", 30),
    "plan created": lambda db, w: plans.create_plan(
        db, w.ann, {**PROFILE, "run_week": {**PROFILE["run_week"], "mon": "rest"}}, library()),
    "plan regenerated": lambda db, w: plans.regenerate(db, w.ann, library(), start=TODAY),
    "plan adapted to a verdict": lambda db, w: plans.apply_verdict(
        db, w.ann, _next_session(db, w), Verdict.REST, library()),
    "plan changed by the coach": lambda db, w: plans.create_plan(
        db, w.kim, {**PROFILE, "sessions_per_week": 3}, library(), w.ann.id),
    "routine finished": lambda db, w: routines.log_completion(db, w.ann, library(), "post-run-cool-down"),
    "heart rates set": lambda db, w: athlete.save_body_settings(
        db, w.ann.id, {"max_hr": 200, "resting_hr": 44}),
    "zones set by hand": lambda db, w: athlete.save_zone_settings(
        db, w.ann.id, "custom", [100, 120, 140, 160, 175]),
    "units changed": lambda db, w: athlete.save_preferences(db, w.ann.id, {"units": "imperial"}),
    "time zone changed": lambda db, w: days.set_timezone(db, w.ann, "Pacific/Kiritimati"),
    "shoe added": lambda db, w: gear.add_shoe(db, w.ann, gear.ShoeIn(name="Race", retire_at_km=5)),
    "shoe retired": lambda db, w: gear.retire(db, w.ann, w.shoe_id, TODAY),
    "shoe given a run": lambda db, w: gear.assign(db, w.ann, w.run_id, w.shoe_id),
    "coach tree written": _coach_tree(EASY_TREE),
    "coach tree edited": _coach_tree(WORLD_TREE.replace("verdict: train", "verdict: rest"),
                                     replace="coach-says"),
    "coach tree deleted": lambda db, w: custom_trees.delete(db, w.kim, "coach-says"),
    "coach note written": lambda db, w: coach_notes.write(db, w.kim, w.ann.id, TODAY, "Hills!"),
    "coaching ended": lambda db, w: invitations.end_link(db, w.ann, w.link_id),
    "self-assessment answered": lambda db, w: form.save_assessment(
        db, w.ann, library(), {"foot-ahead-of-knee": "clearly"}, TODAY),
    "data restored": lambda db, w: data_archive.restore_archive(db, w.ann, w.archive, 50_000_000),
}
#: Writes that must change what the reads give (the others move the revision; what they change
#: may not show in these reads, e.g. units are shown by the faces).
SILENT = {"units changed", "time zone changed", "shoe retired", "zones set by hand",
          "self-assessment answered", "performance test logged",
          "shoe added", "shoe given a run", "heart rates set"}


@pytest.mark.parametrize("kind", list(WRITES))
def test_a_write_of_each_kind_is_never_missed(rt, make_user, kind: str) -> None:
    world = World(rt, make_user)
    before = _read(rt, world.ann)
    assert _read(rt, world.ann) == before  # served from what is kept ...
    assert _kept_parts(rt, world.ann.id) >= len(before)
    revision = _revision(rt, world.ann.id)
    with rt.db.session() as db:
        WRITES[kind](db, world)
    assert _revision(rt, world.ann.id) > revision, f"{kind}: the athlete's revision did not move"
    actor = world.ann
    with rt.db.session() as db:
        actor = Actor.of(db.get(models.User, actor.id))
    after = _read(rt, actor)
    assert after == _fresh(rt, actor), f"{kind}: a kept read differs from a fresh computation"
    if kind not in SILENT:
        assert after != before, f"{kind}: the reads did not change (the case tests nothing)"


def test_red_flags_still_win_over_what_is_kept(rt, make_user) -> None:
    world = World(rt, make_user)
    with rt.db.session() as db:
        checkins.save_checkin(db, world.ann, CheckIn(date=TODAY, sleep_hours=8, soreness=1))
    assert _read(rt, world.ann)["today"].decision.verdict is not Verdict.SEE_PROFESSIONAL
    with rt.db.session() as db:  # the coach's tree says train; the runner reports chest pain
        checkins.save_checkin(db, world.ann, CheckIn(date=TODAY, red_flags=["chest_pain"]))
    after = _read(rt, world.ann)
    assert after["today"].decision.verdict is Verdict.SEE_PROFESSIONAL
    assert after["decision"].tree("red-flags").verdict is Verdict.SEE_PROFESSIONAL
    assert after["today"].decision.tree("kim/coach-says").verdict is Verdict.TRAIN


def test_a_new_day_in_the_athletes_zone_starts_from_nothing_known(rt, make_user, monkeypatch) -> None:
    world = World(rt, make_user)
    with rt.db.session() as db:
        checkins.save_checkin(db, world.ann, CheckIn(date=TODAY, symptoms=["fever"], temperature_c=38.5))
    kept = _read(rt, world.ann)
    assert kept["today"].decision is not None
    monkeypatch.setenv(clock.ENV_CLOCK, "2026-12-01T06:00:00+00:00")
    tomorrow = TODAY + dt.timedelta(days=1)
    with rt.db.session() as db:
        page = today_service.today_page(db, world.ann, library(), tomorrow)
        assert page.day == tomorrow and page.checkin is None
        assert page.decision is not None and page.decision.facts.get("carried_symptoms") == ("fever",)
    with rt.db.session() as db:
        assert {d for d in db.scalars(select(models.DayState.day))} == {tomorrow}  # yesterday's gone
    with rt.db.session() as db:
        day_state.forget(db)
        assert today_service.today_page(db, world.ann, library(), tomorrow) == page


def test_a_new_build_computes_again(rt, make_user, monkeypatch) -> None:
    world = World(rt, make_user)
    kept = _read(rt, world.ann)
    computed: list[dt.date] = []
    real = today_service._compose
    monkeypatch.setattr(today_service, "_compose", lambda *a: computed.append(a[3]) or real(*a))
    assert _read(rt, world.ann) == kept and computed == []
    monkeypatch.setattr(day_state, "build", lambda: "another-build")
    assert _read(rt, world.ann) == kept and computed == [TODAY]


def test_days_far_from_today_are_computed_not_kept(rt, make_user) -> None:
    world = World(rt, make_user)
    far = TODAY - dt.timedelta(days=day_state.WINDOW_DAYS + 1)
    with rt.db.session() as db:
        day_state.forget(db)
        decisions.decide_day(db, world.ann, far)
        assert db.scalar(select(func.count()).select_from(models.DayState)) == 0


def test_state_kept_by_one_worker_is_not_served_after_another_writes(rt, make_user) -> None:
    world = World(rt, make_user)
    other = Database(rt.db.url)  # a second worker: its own engine and connections
    try:
        kept = _read(rt, world.ann)
        with other.session() as db:
            checkins.save_checkin(db, world.ann, CheckIn(date=TODAY, pain=7, pain_kind="sharp"))
        after = _read(rt, world.ann)
        assert after != kept and after == _fresh(rt, world.ann)
        with other.session() as db:  # and the other worker is served what this one kept
            assert read_all(db, world.ann) == after
    finally:
        other.dispose()


def test_a_busy_store_costs_the_keeping_never_the_read(rt, make_user, monkeypatch) -> None:
    world = World(rt, make_user)

    def busy(*_args: Any, **_kwargs: Any) -> Any:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(day_state, "upsert", busy)
    reads = _read(rt, world.ann)
    assert reads == _fresh(rt, world.ann)
    assert _kept_parts(rt, world.ann.id) == 0


def test_a_coach_is_served_the_athletes_state_only_while_coaching(rt, make_user) -> None:
    world = World(rt, make_user)
    with rt.db.session() as db:
        mine = decisions.decide_day(db, world.ann, TODAY)
        assert decisions.decide_day(db, world.kim, TODAY, world.ann.id) == mine
        invitations.end_link(db, world.kim, world.link_id)
    with rt.db.session() as db, pytest.raises(Exception, match="no such athlete"):
        decisions.decide_day(db, world.kim, TODAY, world.ann.id)


# --- the property: whatever the writes, a kept read equals a fresh one ----------------------

STEP = st.one_of(
    st.builds(lambda s, p, f: ("checkin", {"soreness": s, "pain": p, "red_flags": f}),
              st.integers(0, 8), st.integers(0, 6), st.sampled_from([[], [], ["fainting"]])),
    st.builds(lambda back, minutes: ("run", (back, minutes)), st.integers(0, 20), st.integers(10, 150)),
    st.just(("delete-run", None)),
    st.builds(lambda back: ("fever", back), st.integers(1, 3)),
    st.just(("strength", None)),
    st.sampled_from([("tree", EASY_TREE), ("tree", WORLD_TREE), ("untree", None)]),
    st.builds(lambda hr: ("max-hr", hr), st.integers(170, 210)),
)


def _step(db, ann: Actor, kim: Actor, step: tuple[str, Any]) -> None:
    kind, value = step
    if kind == "checkin":
        checkins.save_checkin(db, ann, CheckIn(date=TODAY, **value))
    elif kind == "run":
        back, minutes = value
        training_log.log_entry(db, ann, training_log.RunEntry(
            date=TODAY - dt.timedelta(days=back), minutes=minutes, rpe=6))
    elif kind == "delete-run":
        row = db.scalar(select(models.Activity.id).where(models.Activity.user_id == ann.id))
        if row is not None:
            training_log.delete_entry(db, ann, row)
    elif kind == "fever":
        checkins.save_checkin(db, ann, CheckIn(date=TODAY - dt.timedelta(days=value),
                                               symptoms=["fever"], temperature_c=38.4))
    elif kind == "strength":
        _strength_for(db, ann)
    elif kind == "tree":
        tree, _ = custom_trees.validate_source(value, owner=kim.name)
        assert tree is not None
        existing = {s.tree_id for s in custom_trees.list_own(db, kim)}
        custom_trees.save(db, kim, value, replace=tree.id if tree.id in existing else None)
    elif kind == "untree":
        for stored in custom_trees.list_own(db, kim):
            custom_trees.delete(db, kim, stored.tree_id)
    elif kind == "max-hr":
        athlete.save_body_settings(db, ann.id, {"max_hr": value})


@settings(max_examples=12, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=4))
def test_a_kept_read_always_equals_a_fresh_computation(rt, make_user, steps) -> None:
    with rt.db.session() as db:
        number = db.scalar(select(func.count()).select_from(models.User)) or 0
    ann = make_user(f"ann{number}")
    kim = make_user(f"kim{number}", role="coach")
    with rt.db.session() as db:
        plans.create_plan(db, ann, PROFILE, library())
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, kim, ann.name).id)
    lib = library()
    for step in steps:
        with rt.db.session() as db:  # kept ...
            today_service.today_page(db, ann, lib, TODAY)
            decisions.decide_day(db, ann, YESTERDAY)
        with rt.db.session() as db:  # ... then written
            _step(db, ann, kim, step)
        with rt.db.session() as db:
            kept = (today_service.today_page(db, ann, lib, TODAY), decisions.decide_day(db, ann, YESTERDAY))
        with rt.db.session() as db:
            day_state.forget(db)
            fresh = (today_service.today_page(db, ann, lib, TODAY), decisions.decide_day(db, ann, YESTERDAY))
        assert kept == fresh, f"after {step}"
