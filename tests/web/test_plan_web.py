"""The plan pages in-process: profile form, calendar, print view, .ics, workout mode, tests."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import web_login
from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex import clock
from yolvarex.services import plans
from yolvarex.store import models

FORM = {"start": "2026-12-07", "weeks": "6", "experience": "some", "equipment": ["bands"],
        "sessions_per_week": "2", "minutes_per_session": "30", "placement": "easy_days",
        "injury_history": ["knee"], "race_date": "", "race_distance": "10k",
        **{f"run_{d}": k for d, k in ISSUE_PROFILE["run_week"].items()}}


def _csrf(client) -> str:
    return client.cookies.get("yolvarex_csrf") or ""


def test_profile_form_creates_a_plan_and_shows_errors_per_field(client, rt, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    empty = client.get("/plan")
    assert "No strength plan yet" in empty.text and 'href="/plan/profile"' in empty.text
    form = client.get("/plan/profile")
    assert form.status_code == 200 and 'name="run_mon"' in form.text
    bad = client.post("/plan/profile", data={**FORM, "weeks": "0", "run_mon": "jog",
                                             "csrf_token": _csrf(client)})
    assert bad.status_code == 422
    assert 'id="weeks-error"' in bad.text and 'aria-invalid="true"' in bad.text
    assert "for Monday&#39;s run" in bad.text
    good = client.post("/plan/profile", data={**FORM, "csrf_token": _csrf(client)},
                       follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"] == "/plan"
    page = client.get("/plan")
    assert "Week 6" in page.text and "plan-cal" in page.text and "Open workout mode" in page.text
    assert not re.findall(r'class="plan-session"[^>]* open', page.text)
    printable = client.get("/plan?print=1")
    assert len(re.findall(r'class="plan-session"[^>]* open', printable.text)) >= 6
    ics = client.get("/plan.ics")
    assert ics.headers["content-type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content
    prefilled = client.get("/plan/profile")
    assert 'value="2026-12-07"' in prefilled.text


def _workout_rows(client, day: str) -> list[tuple[str, str]]:
    page = client.get(f"/plan/workout/{day}")
    assert page.status_code == 200 and "How to do it" in page.text and 'id="rest-timer"' in page.text
    rows = sorted(set(re.findall(r'name="set-(\d+)-exercise" value="([a-z0-9-]+)"', page.text)),
                  key=lambda r: int(r[0]))
    assert rows
    return rows


def _first_workout(client, rt, make_user) -> tuple[str, list[tuple[str, str]], dict[str, str]]:
    """Ann with the issue's plan, logged in: her first session's day, its set rows, and a form
    naming each set's exercise (nothing filled in yet)."""
    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, ISSUE_PROFILE, rt.library)
    web_login(client, "ann")
    day = next(stored.plan.sessions()).date.isoformat()
    rows = _workout_rows(client, day)
    return day, rows, {f"set-{i}-exercise": e for i, e in rows} | {"csrf_token": _csrf(client)}


def test_workout_mode_asks_about_unticked_sets_instead_of_assuming(client, rt, make_user) -> None:
    day, rows, data = _first_workout(client, rt, make_user)
    for i, _ in rows:
        data[f"set-{i}-reps"] = "10"
        data[f"set-{i}-seconds"] = "30"
    data["set-0-done"] = "1"  # one set ticked, the rest pre-filled but not ticked
    data |= {"rpe": "7", "minutes": "28", "notes": "felt good"}
    asked = client.post(f"/plan/workout/{day}", data=data)
    assert asked.status_code == 422
    assert f"{len(rows) - 1} of {len(rows)} sets are not ticked" in asked.text
    assert 'name="unmarked" value="done"' in asked.text and "felt good" in asked.text
    assert re.search(r'name="set-0-done" value="1" data-set checked', asked.text)
    with rt.db.session() as db:
        assert db.query(models.StrengthSession).count() == 0  # nothing assumed, nothing saved
    saved = client.post(f"/plan/workout/{day}", data=data | {"unmarked": "done"},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?done=1")
    with rt.db.session() as db:
        row = db.query(models.StrengthSession).one()
        assert row.plan_session == day and row.rpe == 7 and row.notes == "felt good"
        assert all(s.completed for s in row.sets) and len(row.sets) == len(rows)
    after = client.get(saved.headers["location"])
    assert "Saved. Next time" in after.text and "missed" not in after.text.split("Saved.")[1][:2000]
    assert 'action="/plan/workout/' not in after.text and "Save workout" not in after.text


def test_workout_mode_counts_a_set_missed_only_when_the_runner_says_so(client, rt, make_user) -> None:
    day, rows, data = _first_workout(client, rt, make_user)
    for i, _ in rows:
        data[f"set-{i}-reps"] = "10"
        data[f"set-{i}-seconds"] = "30"
        data[f"set-{i}-done"] = "1"
    last = rows[-1][0]
    del data[f"set-{last}-done"]
    data[f"set-{last}-missed"] = "1"
    saved = client.post(f"/plan/workout/{day}", data=data, follow_redirects=False)
    assert saved.status_code == 303
    with rt.db.session() as db:
        done = [s.completed for s in db.query(models.StrengthSession).one().sets]
        assert done.count(False) == 1 and len(done) == len(rows)
    ended = {k: v for k, v in data.items() if not k.endswith("-done") or k == "set-0-done"}
    ended["unmarked"] = "missed"  # ended early and confirmed
    client.post(f"/plan/workout/{day}", data=ended, follow_redirects=False)
    with rt.db.session() as db:
        latest = db.query(models.StrengthSession).order_by(models.StrengthSession.id.desc()).first()
        assert latest is not None
        assert [s.completed for s in latest.sets].count(True) == 1


def test_test_session_results_and_progress_page(client, rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, ISSUE_PROFILE, rt.library)
    test_day = next(s for s in stored.plan.sessions() if s.focus.value == "test").date.isoformat()
    web_login(client, "ann")
    page = client.get(f"/plan/workout/{test_day}")
    assert 'name="test-single_leg_squat-left"' in page.text
    saved = client.post(f"/plan/workout/{test_day}", data={
        "csrf_token": _csrf(client), "test-single_leg_squat-left": "7",
        "test-single_leg_squat-right": "10", "test-push_ups-both": "18"}, follow_redirects=False)
    assert saved.status_code == 303
    progress = client.get("/progress")
    assert "Performance tests" in progress.text and "30% gap" in progress.text
    assert "left side is more than 10% behind" in progress.text
    logged = client.post("/progress/tests", data={"csrf_token": _csrf(client), "date": test_day,
                                                  "test": "plank_hold", "side": "both",
                                                  "value": "75"}, follow_redirects=False)
    assert logged.status_code == 303
    assert "Plank hold (seconds)" in client.get("/progress").text
    wrong = client.post("/progress/tests", data={"csrf_token": _csrf(client), "date": test_day,
                                                 "test": "single_leg_squat", "side": "both",
                                                 "value": "5"}, follow_redirects=False)
    assert wrong.status_code == 303  # back with a message, nothing stored
    with rt.db.session() as db:
        assert db.query(models.PerformanceTest).count() == 4


@pytest.mark.any_day
def test_today_card_and_moving_a_session(client, rt, make_user) -> None:
    ann = make_user("ann")
    today = clock.today(None)
    profile = {**ISSUE_PROFILE, "start": today.isoformat(), "race": None,
               "run_week": {d: "easy" for d in ISSUE_PROFILE["run_week"]}}
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, profile, rt.library)
    web_login(client, "ann")
    page = client.get("/today")
    assert "Strength today" in page.text
    session = stored.plan.session_on(today)
    if session is not None:
        assert "Start workout" in page.text
    first = next(stored.plan.sessions())
    moved = client.post(f"/plan/day/{first.date.isoformat()}/verdict",
                        data={"csrf_token": _csrf(client), "verdict": "rest", "next": "/plan"},
                        follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/plan"
    assert "Changes for how you felt" in client.get("/plan").text
    bad = client.post(f"/plan/day/{first.date.isoformat()}/verdict",
                      data={"csrf_token": _csrf(client), "verdict": "nap"})
    assert bad.status_code == 422


def test_a_runner_without_a_plan_sees_how_to_start(client, make_user) -> None:
    make_user("bob")
    web_login(client, "bob")
    assert "Set up your plan" in client.get("/today").text
    assert "No session planned" in client.get("/plan/workout/2026-12-09").text


def test_exercise_page_shows_its_easier_and_harder_rung(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    page = client.get("/library/exercises/rear-foot-elevated-split-squat")
    assert "Split squat to pistol" in page.text
    assert 'Easier: <a href="/library/exercises/reverse-lunge">' in page.text
    assert 'Harder: <a href="/library/exercises/single-leg-box-squat">' in page.text
    assert "With other equipment" in client.get("/library/exercises/band-row").text


def _plan_with_a_session_today(rt, actor):
    """The issue's running week, turned so that today is a day the plan uses.

    A plan rightly leaves some weekdays empty (with this week, never the Monday before Tuesday's
    speed run), so the week is rotated instead of hoping today is a strength day."""
    today = clock.today(actor.timezone)
    days = list(ISSUE_PROFILE["run_week"])
    for turn in range(7):
        week = {day: ISSUE_PROFILE["run_week"][days[(i + turn) % 7]] for i, day in enumerate(days)}
        profile = {**ISSUE_PROFILE, "start": today.isoformat(), "race": None, "run_week": week}
        with rt.db.session() as db:
            stored = plans.create_plan(db, actor, profile, rt.library)
        if stored.plan.session_on(today) is not None:
            return stored
    raise AssertionError("no turn of the running week puts a session today")


@pytest.mark.any_day
def test_the_days_verdict_is_offered_on_today_and_plan_and_applied_in_one_tap(client, rt,
                                                                              make_user) -> None:
    from yolvarex.domain.checkin import CheckIn
    from yolvarex.services import checkins, decisions
    from yolvarex.services.facts import facts_for_day

    ann = make_user("ann")
    stored = _plan_with_a_session_today(rt, ann)
    today = clock.today(ann.timezone)
    web_login(client, "ann")
    assert "Take it off the plan" not in client.get("/today").text  # no check-in, no verdict
    with rt.db.session() as db:
        checkins.save_checkin(db, ann, CheckIn(date=today, symptoms=("fever",), temperature_c=38.6))
        verdict = decisions.decide_day(db, ann, today).verdict
        planned = plans.planned_for(db, ann, today).planned
        assert facts_for_day(db, ann, today).get("planned") == planned
    assert verdict.value in ("rest", "see_professional")
    page = client.get("/today")
    assert 'class="plan-verdict' in page.text and f'name="verdict" value="{verdict.value}"' in page.text
    assert 'class="plan-verdict' in client.get("/plan").text
    applied = client.post(f"/plan/day/{today.isoformat()}/verdict",
                          data={"csrf_token": _csrf(client), "verdict": verdict.value,
                                "next": "/today"}, follow_redirects=False)
    assert applied.status_code == 303
    with rt.db.session() as db:
        current = plans.current_plan(db, ann)
        assert current is not None and current.plan.session_on(today) is None
        assert current.adaptations[0]["verdict"] == verdict.value
    assert 'class="plan-verdict' not in client.get("/today").text
    assert stored.id == current.id


def test_the_log_shows_planned_runs_only_from_the_plans_start(client, rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        plans.create_plan(db, ann, ISSUE_PROFILE, rt.library)  # 2026-12-07 for 12 weeks
    web_login(client, "ann")
    before = client.get("/log?week=2026-11-23").text
    assert "speed run" not in before and "not logged" not in before
    assert "speed run" not in client.get("/log?week=2020-03-02").text
    assert "speed run" in client.get("/log?week=2026-12-07").text
    assert "speed run" not in client.get("/log?week=2027-03-01").text  # after its last day


def test_profile_form_shows_every_error_at_once_in_words(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    form = client.get("/plan/profile").text
    assert "novalidate" in form  # the browser does not stop at the first field
    bad = client.post("/plan/profile", data={
        **FORM, "weeks": "60", "sessions_per_week": "5", "minutes_per_session": "ten",
        "run_mon": "jog", "csrf_token": _csrf(client)})
    assert bad.status_code == 422
    for words in ("Choose the number of weeks from 1 to 52.", "Choose sessions a week from 2 to 3.",
                  "Minutes a session must be a whole number.", "for Monday&#39;s run"):
        assert words in bad.text, words
    assert "Input should" not in bad.text and "run_week.mon" not in bad.text.split("form")[0]


def test_weeks_follow_the_race_date_and_the_plan_can_start_this_week(client, rt, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    today = dt.date(2026, 12, 9)  # a Wednesday: the plan starts that day, not next Monday
    saved = client.post("/plan/profile", data={
        **FORM, "start": today.isoformat(), "weeks": "3", "race_date": "2027-02-28",
        "race_distance": "half_marathon", "csrf_token": _csrf(client)}, follow_redirects=False)
    assert saved.status_code == 303
    with rt.db.session() as db:
        stored = db.query(models.Plan).one()
        profile = stored.profile
    assert profile["start"] == "2026-12-09" and profile["weeks"] == 12  # through race week
    page = client.get("/plan").text
    assert "Week 12" in page
    warnings = re.findall(r'class="card plan-warning"[^>]*>\s*<p><b>[^<]*</b> (.*?)</p>', page, re.S)
    assert warnings  # the form's default week puts a leg session after the speed run
    assert 'href="/plan/profile#placement-h"' in page
    for message in warnings:
        assert message.count(". ") == 0 and len(message.split()) <= 40, message
        assert "mon " not in message and "tue " not in message


def test_the_library_shows_tempo_in_words(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    page = client.get("/library/exercises/clamshell").text
    assert "2 s down, 1 s up, hold 1 s at the top" in page and "2-1-1" not in page


def test_a_session_on_a_speed_day_says_to_do_it_after_the_run(client, rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        stored = plans.create_plan(db, ann, ISSUE_PROFILE, rt.library)
    on_speed = next(s for s in stored.plan.sessions() if s.run_day.value == "speed")
    web_login(client, "ann")
    words = "Do this session after your run, never before it."
    assert words in client.get("/plan").text
    assert words in client.get(f"/plan/workout/{on_speed.date.isoformat()}").text
