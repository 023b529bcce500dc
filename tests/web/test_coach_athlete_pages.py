"""A coach sees a coached athlete's own pages: Today, Log, Plan, Progress and a run, through
the same routes, services and templates the athlete uses, read-only, with a banner saying whose
pages they are. The figures match the athlete's own pages; no form writes as the athlete; every
write route refuses the coach; an unlinked coach gets 404."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from fastapi.routing import iter_route_contexts

from tests.conftest import ACTIVITIES, web_login
from yolvarex import clock
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.perftest import Side, TestName
from yolvarex.server import create_app
from yolvarex.services import checkins, imports, invitations, plans, strength_log, training_log
from yolvarex.services.runtime import library

WEEK = {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "long",
        "sun": "rest"}
#: The coach's own actions on an athlete's pages (and logging out).
COACH_WRITES = {"/notes", "/plan/profile"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Figures(HTMLParser):
    """The text of <main>, without the coach's banner, the coach's note form and any form."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: whether it is skipped
        self.inside = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.inside = True
        if tag in VOID or not self.inside:
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag == "form" or tag == "script" or "viewing-banner" in classes \
            or "coach-note-form" in classes
        self.stack.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False
        elif self.inside and tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.inside and not any(self.stack):
            self.text.append(data)


def figures(html: str) -> list[str]:
    parser = _Figures()
    parser.feed(html)
    return re.findall(r"\d+(?:[.:,]\d+)*", " ".join(parser.text))


def _forms(html: str) -> list[str]:
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<form[^>]*action="([^"]+)"', main)


@pytest.fixture
def squad(rt, make_user):  # type: ignore[no-untyped-def]
    """kim coaches ann, who has three weeks of a plan, runs, check-ins, a strength session, a
    test result and an imported watch file; lou is a coach who does not coach ann."""
    kim, ann, lou = make_user("kim", role="coach"), make_user("ann"), make_user("lou", role="coach")
    today = clock.today("UTC")
    with rt.db.session() as db:
        link = invitations.accept(db, ann, invitations.invite_by_name(db, kim, "ann").id)
        plans.create_plan(db, ann, {
            "start": (today - dt.timedelta(days=15)).isoformat(), "weeks": 6, "experience": "some",
            "equipment": ["bodyweight"], "sessions_per_week": 2, "minutes_per_session": 30,
            "run_week": WEEK}, library())
        for back in range(0, 40):
            day = today - dt.timedelta(days=back)
            if back % 3 != 2:
                training_log.log_entry(db, ann, training_log.parse(training_log.RunEntry, {
                    "date": day.isoformat(), "time": "06:30", "minutes": 30 + back % 20,
                    "distance_km": 5 + back % 4, "rpe": 3 + back % 5}, "entry"))
            checkins.save_checkin(db, ann, CheckIn(date=day, sleep_hours=7 + back % 2,
                                                   soreness=back % 4, resting_hr=50 + back % 5,
                                                   pain=2 if back == 0 else 0))
        strength_log.log_session(db, ann, strength_log.parse_session({
            "date": (today - dt.timedelta(days=1)).isoformat(), "minutes": 25, "rpe": 6,
            "sets": [{"exercise": "glute-bridge", "reps": 12}]}), library())
        strength_log.log_test(db, ann, today - dt.timedelta(days=3), TestName("push_ups"),
                              Side.BOTH, 18)
        data = (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes()
        report = imports.import_sources(db, ann, imports.upload_sources([("run.fit", data)]))
        (run_id,) = [i for f in report.files for i in f.activity_ids]
    return kim, ann, lou, link.id, run_id


def _as(client, name: str) -> None:  # type: ignore[no-untyped-def]
    client.cookies.clear()
    web_login(client, name)


def _pages(ann_id: int, run_id: int) -> list[tuple[str, str]]:
    """(the athlete's own address, the coach's address of the same page)."""
    base = f"/coach/athletes/{ann_id}"
    return [("/today", f"{base}/today"), ("/log", f"{base}/log"),
            (f"/log?week={(clock.today('UTC') - dt.timedelta(days=7)).isoformat()}",
             f"{base}/log?week={(clock.today('UTC') - dt.timedelta(days=7)).isoformat()}"),
            ("/plan?print=1", f"{base}/plan?print=1"), ("/progress", f"{base}/progress"),
            (f"/runs/{run_id}", f"{base}/runs/{run_id}")]


def test_a_linked_coach_sees_the_figures_the_athlete_sees_on_each_page(client, squad) -> None:
    _, ann, _, _, run_id = squad
    _as(client, "ann")
    own = {coach: client.get(path) for path, coach in _pages(ann.id, run_id)}
    _as(client, "kim")
    for coach_path, theirs in own.items():
        seen = client.get(coach_path)
        assert theirs.status_code == seen.status_code == 200, coach_path
        mine = figures(seen.text)
        assert len(mine) > 10 and mine == figures(theirs.text), coach_path
        assert re.search(r"Viewing ann(&#39;|')s", seen.text) and "read only" in seen.text, coach_path
    assert "pain" in client.get(f"/coach/athletes/{ann.id}/today").text


def test_the_coachs_view_has_no_form_but_the_coachs_own(client, squad) -> None:
    _, ann, _, _, run_id = squad
    _as(client, "kim")
    base = f"/coach/athletes/{ann.id}"
    for path in [f"{base}/today", f"{base}/log", f"{base}/plan", f"{base}/plan?print=1",
                 f"{base}/progress", f"{base}/runs/{run_id}", f"{base}/plan/profile"]:
        page = client.get(path)
        assert page.status_code == 200, path
        for action in _forms(page.text):
            assert action.startswith(base) and action.removeprefix(base) in COACH_WRITES, (path, action)
        main = page.text.split("<main", 1)[1].split("</main>", 1)[0]
        for link in ("/checkin", "/log/new/", "/edit", "/delete", "/plan/workout/", "/gear",
                     "/import", "/play", "/zones"):
            assert f'href="{link}' not in main and f'{link}"' not in main, (path, link)
    assert "Save note" in client.get(f"{base}/today").text
    assert f'href="/coach/athletes/{ann.id}/log"' in client.get(f"{base}/today").text  # the tabs


def test_every_write_route_refuses_the_coach_but_notes_and_the_plan(client, rt, squad) -> None:
    _, ann, _, _, run_id = squad
    # under an athlete's address, the coach writes only a note and the plan
    app = create_app(rt)
    writes = {(method, context.path) for context in iter_route_contexts(app.routes)
              for method in getattr(context.original_route, "methods", None) or ()
              if method not in ("GET", "HEAD") and context.path
              and context.path.startswith("/coach/athletes/{athlete_id}")}
    assert writes == {("POST", "/coach/athletes/{athlete_id}/notes"),
                      ("POST", "/coach/athletes/{athlete_id}/plan/profile")}
    _as(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    with rt.db.session() as db:
        before = training_log.entry_json(training_log.get_entry(db, ann, run_id))
    for path in (f"/log/{run_id}/edit", f"/log/{run_id}/rpe", f"/log/{run_id}/delete",
                 f"/runs/{run_id}/shoe"):
        answer = client.post(path, data={"csrf_token": token, "rpe": "9", "notes": "mine now",
                                          "shoe_id": ""}, follow_redirects=False)
        assert answer.status_code in (403, 404), path
    for path in (f"/coach/athletes/{ann.id}/today", f"/coach/athletes/{ann.id}/log",
                 f"/coach/athletes/{ann.id}/progress", f"/coach/athletes/{ann.id}/runs/{run_id}"):
        assert client.post(path, data={"csrf_token": token}).status_code == 405, path
    with rt.db.session() as db:
        assert training_log.entry_json(training_log.get_entry(db, ann, run_id)) == before


def test_an_unlinked_coach_and_an_ended_link_get_nothing(client, rt, squad) -> None:
    kim, ann, _, link_id, run_id = squad
    base = f"/coach/athletes/{ann.id}"
    paths = [f"{base}/{p}" for p in ("today", "log", "plan", "progress", "plan/profile")] \
        + [f"{base}/runs/{run_id}", base]
    _as(client, "lou")
    token = client.cookies.get("yolvarex_csrf")
    for path in paths:
        assert client.get(path, follow_redirects=True).status_code == 404, path
    assert client.get(f"/runs/{run_id}").status_code == 404
    assert client.post(f"{base}/notes", data={"csrf_token": token, "day": "2026-11-30",
                                              "text": "hi"}).status_code == 404
    _as(client, "kim")
    assert client.get(f"/coach/athletes/{kim.id}/today").status_code == 404  # not oneself
    _as(client, "ann")
    assert client.get(f"/coach/athletes/{ann.id}/today").status_code == 404  # not an athlete's
    with rt.db.session() as db:
        invitations.end_link(db, ann, link_id)
    _as(client, "kim")
    for path in paths:
        assert client.get(path, follow_redirects=True).status_code == 404, path


def test_a_coach_on_the_run_address_sees_the_same_read_only_page(client, squad) -> None:
    _, ann, _, _, run_id = squad
    _as(client, "kim")
    direct = client.get(f"/runs/{run_id}")
    assert direct.status_code == 200 and "Viewing ann's run" in direct.text
    assert figures(direct.text) == figures(client.get(f"/coach/athletes/{ann.id}/runs/{run_id}").text)
    _as(client, "ann")
    assert "viewing-banner" not in client.get(f"/runs/{run_id}").text
    assert "viewing-banner" not in client.get("/today").text
