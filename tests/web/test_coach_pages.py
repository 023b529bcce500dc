"""The coach's web pages: home and menu, the athlete read-only, notes on the athlete's Today,
the plan a coach assigns; nothing there writes as the athlete."""

from __future__ import annotations

import re

from tests.conftest import web_login
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import checkins, invitations, plans


def _coaching(rt, make_user):  # type: ignore[no-untyped-def]
    kim, ann = make_user("kim", role="coach"), make_user("ann")
    make_user("bob")
    with rt.db.session() as db:
        link = invitations.accept(db, ann, invitations.invite_by_name(db, kim, "ann").id)
        checkins.save_checkin(db, ann, CheckIn(date=clock.today("UTC"), sleep_hours=7, pain=2))
    return kim, ann, link.id


def test_a_coachs_home_is_the_board_with_a_coach_menu(client, rt, make_user) -> None:
    _coaching(rt, make_user)
    web_login(client, "kim")
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"] == "/coach"
    page = client.get("/coach").text
    nav = page[page.index('<nav class="main-nav"'):page.index("</nav>")]
    assert ">Athletes<" in nav and ">Check-in<" not in nav
    assert '<a href="/coach/athletes/' in page and "pain 2/10" in page
    client.cookies.clear()
    web_login(client, "ann")
    assert client.get("/", follow_redirects=False).headers["location"] == "/today"


def test_the_athlete_read_only_and_the_note_on_their_today(client, rt, make_user) -> None:
    _, ann, link_id = _coaching(rt, make_user)
    web_login(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    assert client.get(f"/coach/athletes/{ann.id}", follow_redirects=False).headers["location"] \
        == f"/coach/athletes/{ann.id}/today"
    assert client.get("/coach/athletes/999/today").status_code == 404
    assert "bob" not in client.get("/coach").text  # bob was never invited
    today = clock.today("UTC").isoformat()
    saved = client.post(f"/coach/athletes/{ann.id}/notes",
                        data={"csrf_token": token, "day": today, "text": "Easy <b>one</b> today"},
                        follow_redirects=False)
    assert saved.status_code == 303
    bad = client.post(f"/coach/athletes/{ann.id}/notes", data={"csrf_token": token, "day": "soon",
                                                                "text": "x"})
    assert bad.status_code == 422 and "Choose the day" in bad.text
    assert 'aria-invalid="true"' in bad.text and ">x</textarea>" in bad.text  # kept to fix
    client.cookies.clear()
    web_login(client, "ann")
    today_page = client.get("/today").text
    assert "A note from kim" in today_page and "Easy &lt;b&gt;one&lt;/b&gt; today" in today_page
    with rt.db.session() as db:
        invitations.end_link(db, ann, link_id)
    assert "A note from kim" not in client.get("/today").text
    client.cookies.clear()
    web_login(client, "kim")
    assert client.get(f"/coach/athletes/{ann.id}/today").status_code == 404


def test_the_coach_assigns_the_athletes_plan(client, rt, make_user) -> None:
    kim, ann, _ = _coaching(rt, make_user)
    web_login(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    form = client.get(f"/coach/athletes/{ann.id}/plan/profile")
    assert form.status_code == 200 and f'action="/coach/athletes/{ann.id}/plan/profile"' in form.text
    response = client.post(f"/coach/athletes/{ann.id}/plan/profile", data={
        "csrf_token": token, "start": clock.today("UTC").isoformat(), "weeks": "8",
        "experience": "some", "sessions_per_week": "2", "minutes_per_session": "30",
        "equipment": ["bodyweight"], "placement": "easy_days",
        "run_mon": "easy", "run_tue": "speed", "run_wed": "easy", "run_thu": "rest",
        "run_fri": "easy", "run_sat": "long", "run_sun": "rest"}, follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]
    with rt.db.session() as db:
        stored = plans.current_plan(db, ann)
        assert stored is not None and stored.created_by == kim.id
    assert response.headers["location"] == f"/coach/athletes/{ann.id}/plan"
    assert "8 weeks from" in client.get(f"/coach/athletes/{ann.id}/plan").text


def test_an_invitation_shows_on_the_athletes_today(client, rt, make_user) -> None:
    kim = make_user("kim", role="coach")
    make_user("ann")
    with rt.db.session() as db:
        invitations.invite_by_name(db, kim, "ann")
    web_login(client, "ann")
    page = client.get("/today").text
    assert "kim wants to coach you" in page and "/coach/invitations/1/decline" in page
    token = client.cookies.get("yolvarex_csrf")
    client.post("/coach/invitations/1/decline", data={"csrf_token": token})
    assert "wants to coach you" not in client.get("/today").text


def test_an_invitation_link_from_a_code(client, rt, make_user) -> None:
    make_user("kim", role="coach")
    make_user("ann")
    web_login(client, "kim")
    made = client.post("/coach/codes", data={"csrf_token": client.cookies.get("yolvarex_csrf")})
    code = re.search(r'id="invite-code">([A-Z0-9-]+)<', made.text)
    assert made.status_code == 200 and code is not None and f"/coach/join/{code[1]}" in made.text
    client.cookies.clear()
    web_login(client, "ann")
    page = client.get(f"/coach/join/{code[1]}")
    assert page.status_code == 200 and "<b>kim</b> invites you" in page.text
    accepted = client.post("/coach/join", data={"csrf_token": client.cookies.get("yolvarex_csrf"),
                                                "code": code[1]}, follow_redirects=False)
    assert accepted.status_code == 303
    assert "can see your training" in client.get("/coach").text
    again = client.get(f"/coach/join/{code[1]}")
    assert again.status_code == 404 and "not valid" in again.text


def test_the_coach_opens_a_run_page_of_the_athlete_while_coaching(client, rt, make_user) -> None:
    from tests.conftest import ACTIVITIES
    from yolvarex.services import imports

    _, ann, link_id = _coaching(rt, make_user)
    data = (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes()
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.upload_sources([("run.fit", data)]))
    (run_id,) = [i for f in report.files for i in f.activity_ids]
    web_login(client, "kim")
    page = client.get(f"/form/runs/{run_id}")
    assert page.status_code == 200 and "<form" not in page.text.split("<main", 1)[1].split("</main>")[0]
    with rt.db.session() as db:
        invitations.end_link(db, ann, link_id)
    assert client.get(f"/form/runs/{run_id}").status_code == 404
