"""Routine completions, the streak and today's suggestions for a stored athlete, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.recovery.suggest import SessionKind
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import accounts, history
from yolvarex.services import routines as service
from yolvarex.services.checkins import save_checkin
from yolvarex.services.runtime import library
from yolvarex.store import models

LIB = library()
TODAY = clock.today(None)


def _at(day: dt.date, hour: int = 8) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def test_a_completion_is_logged_with_the_computed_time_and_a_repeat_is_the_same_one(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        first = service.log_completion(db, ann, LIB, "post-run-cool-down", source="cli")
        again = service.log_completion(db, ann, LIB, "post-run-cool-down", source="web")
        other = service.log_completion(db, ann, LIB, "desk-day-reset", seconds=200)
        assert again.id == first.id and other.id != first.id
        assert first.seconds == LIB.routine_seconds("post-run-cool-down") and first.source == "cli"
    with rt.db.session() as db:
        rows = history.routine_completions(db, ann, TODAY, TODAY)
    assert [(r.routine, r.seconds) for r in rows] == [
        ("post-run-cool-down", LIB.routine_seconds("post-run-cool-down")), ("desk-day-reset", 200)]


def test_bad_completions_change_nothing(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        with pytest.raises(NotFound, match="no routine called 'nap'"):
            service.log_completion(db, ann, LIB, "nap")
        with pytest.raises(Invalid, match="seconds"):
            service.log_completion(db, ann, LIB, "desk-day-reset", seconds=0)
        with pytest.raises(Invalid, match="future"):
            service.log_completion(db, ann, LIB, "desk-day-reset",
                                   completed_at=_at(TODAY + dt.timedelta(days=2)))
        with pytest.raises(Invalid, match="time zone"):
            service.log_completion(db, ann, LIB, "desk-day-reset",
                                   completed_at=dt.datetime(2026, 1, 1, 8))  # noqa: DTZ001 - a naive time on purpose
        with pytest.raises(Invalid, match="source"):
            service.log_completion(db, ann, LIB, "desk-day-reset", source="fax")
    with rt.db.session() as db:
        assert db.query(models.RoutineCompletion).count() == 0


def test_nobody_logs_or_reads_routines_for_someone_else(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    coach = make_user("cora", role="coach")
    with rt.db.session() as db:
        service.log_completion(db, ann, LIB, "travel-day")
        with pytest.raises(NotFound):
            service.log_completion(db, bob, LIB, "travel-day", athlete_id=ann.id)
        with pytest.raises(NotFound):
            service.streak_for(db, bob, TODAY, athlete_id=ann.id)
        with pytest.raises(NotFound):
            service.suggestions_for(db, bob, LIB, TODAY, athlete_id=ann.id)
        with pytest.raises(NotFound):
            service.streak_for(db, coach, TODAY, athlete_id=ann.id)
        link = accounts.invite_athlete(db, coach, "ann")
        accounts.accept_coach(db, ann, link.id)
    with rt.db.session() as db:
        assert service.streak_for(db, coach, TODAY, athlete_id=ann.id).days == 1  # a coach reads
        with pytest.raises(NotFound):  # but never writes the athlete's log
            service.log_completion(db, coach, LIB, "travel-day", athlete_id=ann.id)


def test_streak_from_the_stored_completions(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        for back in (6, 5, 2, 1):
            service.log_completion(db, ann, LIB, "desk-day-reset",
                                   completed_at=_at(TODAY - dt.timedelta(days=back)))
        service.log_completion(db, ann, LIB, "travel-day",
                               completed_at=_at(TODAY - dt.timedelta(days=1), 20))
    with rt.db.session() as db:
        now = service.streak_for(db, ann, TODAY)
    assert (now.days, now.best, now.active_days) == (4, 4, 4)


def test_suggestions_use_the_latest_check_in_recent_runs_and_routines(rt, make_user) -> None:
    ann = make_user("ann")
    yesterday = TODAY - dt.timedelta(days=1)
    with rt.db.session() as db:
        save_checkin(db, ann, CheckIn(date=yesterday, sore_areas=("calf",)))
        save_checkin(db, ann, CheckIn(date=TODAY - dt.timedelta(days=5), sore_areas=("neck",)))
        db.add(models.Activity(user_id=ann.id, sport="running", run_type="long", duration_s=5400,
                               start=_at(yesterday, 7), day=yesterday))
    with rt.db.session() as db:
        result = service.suggestions_for(db, ann, LIB, TODAY)
        assert result.situation.sore_areas == ("calf",) and result.checkin_day == yesterday
        ids = [s.id for s in result.suggestions]
        assert ids[0] == "after-the-long-run" and "ankles-and-calves" in ids
        service.log_completion(db, ann, LIB, "after-the-long-run")
    with rt.db.session() as db:
        after = service.suggestions_for(db, ann, LIB, TODAY)
        assert after.suggestions[0].id != "after-the-long-run"
        assert any("already did it today" in s.reason for s in after.suggestions)
        rest = service.suggestions_for(db, ann, LIB, TODAY, verdict=Verdict.REST,
                                       planned=(SessionKind.SPEED,), sore_areas=["elbow"])
    assert rest.suggestions[0].id == "full-body-recovery"
    assert rest.unknown_areas == ("elbow",) and rest.checkin_day is None


def test_todays_check_in_brings_sleep_and_stress_and_old_soreness_is_ignored(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        save_checkin(db, ann, CheckIn(date=TODAY - dt.timedelta(days=3), sore_areas=("hips",)))
        save_checkin(db, ann, CheckIn(date=TODAY, sleep_hours=5, stress=5))
    with rt.db.session() as db:
        result = service.suggestions_for(db, ann, LIB, TODAY, limit=2)
    assert result.situation.sore_areas == () and len(result.suggestions) == 2
    assert {s.id for s in result.suggestions} == {"sleep-wind-down", "calm-breathing"}


@pytest.mark.parametrize(("text", "kinds"), [
    (None, ()), ("speed", (SessionKind.SPEED,)),
    ("Strength, easy,strength", (SessionKind.STRENGTH, SessionKind.EASY)),
    ("cross-train", (SessionKind.CROSS_TRAIN,))])
def test_parse_planned(text, kinds) -> None:
    assert service.parse_planned(text) == kinds


def test_parse_errors_name_the_choices() -> None:
    with pytest.raises(Invalid, match="use one of: rest, easy"):
        service.parse_planned("nap")
    with pytest.raises(Invalid, match="train, modify"):
        service.parse_verdict("sleep in")
    assert service.parse_verdict(" REST ") is Verdict.REST
    assert service.parse_areas(None) is None and service.parse_areas("calf, , hips") == ("calf", "hips")
