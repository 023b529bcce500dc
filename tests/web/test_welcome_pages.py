"""The first-run wizard in-process: sign-up lands on it, each step is kept (resumable), skipping
works, the last step makes the plan and stores the preferences; a coach's version is short."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_of
from yolvarex.services import plans
from yolvarex.store.access import Actor
from yolvarex.store.models import User

pytestmark = pytest.mark.db


def _sign_up(client, name: str = "newbie", role: str = "athlete") -> str:
    token = csrf_of(client)
    response = client.post("/signup", data={"name": name, "password": "long enough pw",
                                            "confirm": "long enough pw", "csrf_token": token,
                                            "role": role, "timezone": "Europe/Berlin"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/welcome"
    return client.cookies.get("yolvarex_csrf") or ""


WEEK = {"run_mon": "rest", "run_tue": "speed", "run_wed": "easy", "run_thu": "rest",
        "run_fri": "easy", "run_sat": "long", "run_sun": "rest"}


def test_a_new_runner_goes_through_the_wizard_and_gets_a_plan(client, rt) -> None:
    csrf = _sign_up(client)
    first = client.get("/welcome")
    assert "step 1 of 3" in first.text and 'name="run_mon"' in first.text
    r = client.post("/welcome/week", data={**WEEK, "timezone": "America/New_York",
                                           "units": "imperial", "csrf_token": csrf,
                                           "action": "next"}, follow_redirects=False)
    assert r.headers["location"] == "/welcome?step=strength"
    # leaving and coming back resumes at the step it was on
    assert "step 2 of 3" in client.get("/welcome").text
    client.post("/welcome/strength", data={
        "experience": "some", "equipment": ["bodyweight", "dumbbells"], "sessions_per_week": "3",
        "minutes_per_session": "30", "injury_history": ["knee"], "csrf_token": csrf,
        "action": "next"})
    page = client.get("/welcome")
    assert "step 3 of 3" in page.text and "Weight (lb)" in page.text
    r = client.post("/welcome/body", data={"max_hr": "188", "resting_hr": "", "body_weight": "154",
                                           "running_dynamics": "yes", "csrf_token": csrf,
                                           "action": "next"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/welcome/done"
    done = client.get("/welcome/done")
    assert "Your plan is ready" in done.text and 'href="/checkin"' in done.text
    assert 'href="/import"' in done.text and "Four things yolvarex does" in done.text
    with rt.db.session() as db:
        user = db.query(User).filter_by(name="newbie").one()
        settings = dict(user.settings)
        assert user.timezone == "America/New_York"
        stored = plans.current_plan(db, Actor.of(user))
    assert settings["units"] == "imperial" and settings["running_dynamics"] is True
    assert settings["max_hr"] == 188 and "resting_hr" not in settings
    assert settings["body_weight_kg"] == pytest.approx(69.85, abs=0.01)  # 154 lb
    assert settings["setup"]["done"] is True
    assert stored is not None
    profile = stored.plan.profile
    assert profile.sessions_per_week == 3 and profile.run_week.tue.value == "speed"
    # what the runner ticked, plus the household items every home is assumed to have
    assert {e.value for e in profile.equipment} == {"bodyweight", "dumbbells", "chair", "step", "table"}
    assert [a.value for a in profile.injury_history] == ["knee"]
    # a finished wizard goes to its last page, not back to step 1
    assert client.get("/welcome", follow_redirects=False).headers["location"] == "/welcome/done"


def test_a_wrong_answer_keeps_the_step_and_saves_nothing(client, rt) -> None:
    csrf = _sign_up(client)
    client.post("/welcome/week", data={**WEEK, "timezone": "Mars/Olympus", "units": "metric",
                                       "csrf_token": csrf, "action": "next"})
    client.post("/welcome/strength", data={"experience": "new", "sessions_per_week": "2",
                                           "minutes_per_session": "20", "csrf_token": csrf,
                                           "action": "next"})
    r = client.post("/welcome/body", data={"max_hr": "400", "csrf_token": csrf, "action": "next"})
    assert r.status_code == 422
    assert "Mars/Olympus" in r.text and "between 120 and 230" in r.text
    with rt.db.session() as db:
        user = db.query(User).filter_by(name="newbie").one()
        assert "max_hr" not in user.settings and not user.settings["setup"].get("done")
        assert plans.current_plan(db, Actor.of(user)) is None


def test_skipping_lands_on_today_and_settings_resume_the_wizard(client) -> None:
    csrf = _sign_up(client)
    client.post("/welcome/week", data={**WEEK, "timezone": "Europe/Berlin", "units": "metric",
                                       "csrf_token": csrf, "action": "next"})
    r = client.post("/welcome/strength", data={"experience": "experienced", "csrf_token": csrf,
                                               "action": "skip"}, follow_redirects=False)
    assert r.headers["location"] == "/today"
    r = client.post("/welcome", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.headers["location"] == "/welcome?step=strength"
    page = client.get("/welcome?step=strength").text
    assert 'value="experienced" checked' in page  # the answer given before skipping is kept


def test_a_coach_sets_zone_and_units_then_lands_on_the_board(client, rt) -> None:
    csrf = _sign_up(client, "coachy", role="coach")
    page = client.get("/welcome").text
    assert 'name="run_mon"' not in page and "Units" in page
    r = client.post("/welcome/week", data={"timezone": "Europe/Paris", "units": "metric",
                                           "csrf_token": csrf, "action": "next"},
                    follow_redirects=False)
    assert r.headers["location"] == "/welcome/done"
    done = client.get("/welcome/done").text
    assert "Your board is ready" in done and 'href="/coach"' in done
    with rt.db.session() as db:
        coach = db.query(User).filter_by(name="coachy").one()
        assert coach.timezone == "Europe/Paris"
        assert plans.current_plan(db, Actor.of(coach)) is None


def test_settings_change_units_watch_and_weight(client, rt, make_user) -> None:
    from tests.conftest import web_login

    make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    page = client.get("/account").text
    assert "Units and watch" in page and "Body weight (kg, optional)" in page
    r = client.post("/account/preferences", data={"csrf_token": token, "units": "imperial",
                                                  "running_dynamics": "yes"}, follow_redirects=False)
    assert r.status_code == 303
    client.post("/account/body", data={"csrf_token": token, "body_weight": "150"})
    with rt.db.session() as db:
        settings = db.query(User).filter_by(name="ann").one().settings
    assert settings["units"] == "imperial" and settings["running_dynamics"] is True
    assert settings["body_weight_kg"] == pytest.approx(68.0, abs=0.05)
    page = client.get("/account").text
    assert "Body weight (lb, optional)" in page and 'value="150"' in page
    bad = client.post("/account/preferences", data={"csrf_token": token, "units": "cubits"})
    assert bad.status_code == 422 and "choose metric" in bad.text
    heavy = client.post("/account/body", data={"csrf_token": token, "body_weight": "900"})
    assert heavy.status_code == 422 and "between 30 and 250 kilograms" in heavy.text


def test_a_new_running_week_rebuilds_the_rest_of_a_plan_under_way(client, rt, make_user) -> None:
    import datetime as dt

    from tests.conftest import web_login
    from yolvarex import clock

    ann = make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    today = clock.today(ann.timezone)
    start = today - dt.timedelta(days=21)
    base = {"csrf_token": token, "start": start.isoformat(), "weeks": "8", "experience": "some",
            "equipment": "bodyweight", "sessions_per_week": "2", "minutes_per_session": "30",
            **WEEK}
    client.post("/plan/profile", data=base)
    form = client.get("/plan/profile").text
    assert "Rebuild only the rest of it, from today" in form
    client.post("/plan/profile", data={**base, "run_tue": "easy", "run_thu": "tempo",
                                       "from_today": "1"})
    with rt.db.session() as db:
        stored = plans.current_plan(db, ann)
    profile = stored.plan.profile
    assert profile.start == today and profile.run_week.thu.value == "tempo"
    # it still ends with the old plan's last week, not twelve weeks from now
    assert start + dt.timedelta(days=8 * 7 - 1) <= profile.end < start + dt.timedelta(days=8 * 7 + 6)


def test_a_runner_who_leaves_the_wizard_is_invited_back(client) -> None:
    csrf = _sign_up(client)
    assert "Finish setting up" not in client.get("/welcome").text
    assert '<a href="/welcome">Finish setting up</a>' in client.get("/log").text  # left at once
    client.post("/welcome/week", data={**WEEK, "timezone": "Europe/Berlin", "units": "metric",
                                       "csrf_token": csrf, "action": "next"})
    assert '<a href="/welcome">Finish setting up</a>' in client.get("/log").text
    client.post("/welcome/strength", data={"csrf_token": csrf, "action": "skip"})
    assert "Finish setting up" not in client.get("/log").text
