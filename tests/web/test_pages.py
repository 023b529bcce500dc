"""Web pages in-process: CSRF on every form post, login flow, errors as friendly pages."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute

from tests.conftest import csrf_of, web_login
from yolvarex import clock
from yolvarex.web.routes import ROUTERS

POST_ROUTES = sorted({r.path for router in ROUTERS for r in router.routes
                      if isinstance(r, APIRoute) and "POST" in r.methods})


@pytest.mark.parametrize("path", POST_ROUTES)
def test_every_form_post_needs_the_csrf_token(client, make_user, path: str) -> None:
    make_user("ann")
    web_login(client, "ann")
    response = client.post(path.replace("{link_id}", "1").replace("{token_id}", "1"),
                           data={"name": "x"}, follow_redirects=False)
    assert response.status_code == 403
    assert "did not come from this site" in response.text


def test_session_cookie_is_httponly_and_samesite(client, make_user) -> None:
    make_user("ann")
    token = csrf_of(client)
    response = client.post("/login", data={"name": "ann", "password": "correct horse",
                                           "csrf_token": token}, follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_wrong_password_is_a_clear_401(client, make_user) -> None:
    make_user("ann")
    token = csrf_of(client)
    response = client.post("/login", data={"name": "ann", "password": "nope", "csrf_token": token})
    assert response.status_code == 401 and "do not match" in response.text


def test_duplicate_signup_keeps_the_form_and_says_why(client, make_user) -> None:
    make_user("ann")
    token = csrf_of(client)
    response = client.post("/signup", data={"name": "ann", "password": "long enough pw",
                                            "confirm": "long enough pw", "csrf_token": token})
    assert response.status_code == 422 and "is taken" in response.text


def test_pages_need_login_and_redirect_back(client) -> None:
    response = client.get("/log", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/log"


def test_login_never_redirects_off_site(client, make_user) -> None:
    make_user("ann")
    token = csrf_of(client)
    response = client.post("/login", data={"name": "ann", "password": "correct horse",
                                           "csrf_token": token, "next": "//evil.example"},
                           follow_redirects=False)
    assert response.headers["location"] == "/today"


def test_every_section_renders_for_a_new_runner(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    for path in ("/today", "/checkin", "/plan", "/library", "/library/exercises",
                 "/library/routines/post-run-cool-down", "/log", "/progress", "/import", "/coach",
                 "/account"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<main" in response.text


def test_checkin_form_saves_and_rejects_bad_values(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    bad = client.post("/checkin", data={"csrf_token": token, "date": "2026-11-25", "pain": "12"})
    assert bad.status_code == 422 and "pain" in bad.text
    good = client.post("/checkin", data={"csrf_token": token, "date": "2026-11-25", "pain": "2",
                                         "symptoms": ["runny_nose", "sneezing"], "pain_at_night": "no",
                                         "sore_areas": "calves, Hamstrings"}, follow_redirects=False)
    assert good.status_code == 303
    form = client.get("/checkin?day=2026-11-25").text
    assert 'value="runny_nose" checked' in form and "calves, hamstrings" in form


def test_friendly_404_for_pages_and_json_for_api(client) -> None:
    page = client.get("/nowhere")
    assert page.status_code == 404 and "Page not found" in page.text
    api = client.get("/api/v1/nowhere")
    assert api.status_code == 404 and api.json()["error"]


def test_unexpected_errors_get_a_friendly_500(client, monkeypatch, make_user) -> None:
    from yolvarex.services import history

    make_user("ann")
    web_login(client, "ann")

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(history, "activities", boom)
    response = client.get("/today")
    assert response.status_code == 500
    assert "unexpected problem" in response.text and "kaboom" not in response.text


def test_coach_invites_and_athlete_accepts_on_the_web(client, rt, make_user) -> None:
    make_user("kim", role="coach")
    make_user("ann")
    web_login(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    assert client.post("/coach/invite", data={"athlete": "ghost", "csrf_token": token}).status_code == 404
    client.post("/coach/invite", data={"athlete": "ann", "csrf_token": token})
    client.cookies.clear()
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    page = client.get("/coach").text
    assert "wants to coach you" in page
    client.post("/coach/links/1/accept", data={"csrf_token": token})
    assert "can see your training" in client.get("/coach").text


def test_heart_rate_settings_are_saved_and_checked(client, rt, make_user) -> None:
    from yolvarex.store.models import User

    ann = make_user("ann")
    web_login(client, "ann")
    token = client.cookies.get("yolvarex_csrf")
    bad = client.post("/account/body", data={"csrf_token": token, "max_hr": "400", "resting_hr": "x",
                                             "sex": "other"})
    assert bad.status_code == 422
    assert "max_hr: give a value between 120 and 230" in bad.text and "resting_hr: give a number" in bad.text
    ok = client.post("/account/body", data={"csrf_token": token, "max_hr": "188", "resting_hr": "",
                                            "sex": "female"}, follow_redirects=False)
    assert ok.status_code == 303
    with rt.db.session() as db:
        settings = db.get(User, ann.id).settings
    assert settings["max_hr"] == 188 and settings["sex"] == "female" and "resting_hr" not in settings
    assert 'value="188"' in client.get("/account").text


def test_coach_board_shows_only_accepted_athletes_with_todays_verdict(client, rt, make_user) -> None:

    from yolvarex.domain.checkin import CheckIn
    from yolvarex.services import accounts, checkins

    kim, ann, bob = make_user("kim", role="coach"), make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, kim, "ann")
        accounts.accept_coach(db, ann, link.id)
        accounts.invite_athlete(db, kim, "bob")  # bob never accepts
        checkins.save_checkin(db, ann, CheckIn(date=clock.today(None), red_flags=("chest_pain",)))
        checkins.save_checkin(db, bob, CheckIn(date=clock.today(None), pain=2))
    web_login(client, "kim")
    html = client.get("/coach").text
    board = html[html.index("Today at a glance"):html.index("Invite an athlete")]
    assert "ann" in board and '<span class="pill see_professional">Stop and get checked</span>' in board
    assert "bob" not in board
