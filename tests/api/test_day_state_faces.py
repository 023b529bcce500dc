"""Through the faces: after every kind of write a runner or coach makes in the API or on a page,
Today and the main API reads answer exactly what a fresh computation answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import ACTIVITIES, api_token, web_login
from yolvarex.domain.checkin import CheckIn
from yolvarex.services import accounts, checkins, custom_trees, day_state, plans
from yolvarex.services.runtime import library
from yolvarex.web.core import FLASH_COOKIE

TODAY = dt.date(2026, 11, 30)
DAY = TODAY.isoformat()
YESTERDAY = (TODAY - dt.timedelta(days=1)).isoformat()
READS = ["/api/v1/decisions/" + DAY, "/api/v1/decisions/" + YESTERDAY, "/api/v1/load",
         "/api/v1/week", "/api/v1/plans/current", "/api/v1/plans/day/" + DAY]
PROFILE = {"start": "2026-11-23", "weeks": 8, "experience": "some", "equipment": ["bodyweight"],
           "sessions_per_week": 2, "minutes_per_session": 30,
           "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                        "sat": "long", "sun": "rest"}}
TREE = """
id: sore-legs
title: Sore legs
summary: Cross-train on sore legs.
root: sore
nodes:
  - id: sore
    kind: question
    ask: Is soreness 2 or more?
    test: {fact: soreness, op: ">=", value: 2}
    yes: bike
    no: fine
    unknown: fine
  - {id: bike, kind: leaf, verdict: cross_train, advice: Bike today., evidence: [saw-2016]}
  - {id: fine, kind: leaf, verdict: train, advice: Train as planned., evidence: [saw-2016]}
"""


class Faces:
    def __init__(self, rt, client, make_user) -> None:
        self.rt, self.client = rt, client
        ann, self.kim = make_user("ann"), make_user("kim", role="coach")
        self.ann_id = ann.id
        with rt.db.session() as db:
            plans.create_plan(db, ann, PROFILE, library())
            for back in range(1, 10):
                checkins.save_checkin(db, ann, CheckIn(date=TODAY - dt.timedelta(days=back),
                                                       soreness=back % 3, resting_hr=50))
            link = accounts.invite_athlete(db, self.kim, "ann")
            self.link_id = accounts.accept_coach(db, ann, link.id).id
        self.ann = api_token(rt, "ann")
        self.coach = api_token(rt, "kim")
        web_login(client, "ann")
        logged = self.api("POST", "/api/v1/activities/runs",
                          {"date": YESTERDAY, "minutes": 50, "distance_km": 9, "rpe": 6})
        self.run_id = logged["id"]

    def api(self, method: str, path: str, body: Any = None, coach: bool = False, **kw: Any) -> Any:
        headers = self.coach if coach else self.ann
        response = self.client.request(method, path, json=body, headers=headers, **kw)
        assert response.status_code < 300, (path, response.status_code, response.text)
        return response.json() if response.content else None

    def form(self, path: str, data: dict[str, Any]) -> None:
        response = self.client.post(path, data={"csrf_token": self.client.cookies.get("yolvarex_csrf"),
                                                **data}, follow_redirects=False)
        assert response.status_code == 303, (path, response.status_code, response.text[:500])
        self.client.cookies.delete(FLASH_COOKIE)  # the message is for the next page, not for us

    def reads(self) -> dict[str, Any]:
        out: dict[str, Any] = {"/today": self.client.get("/today").text}
        for path in READS:
            response = self.client.get(path, headers=self.ann)
            assert response.status_code == 200, (path, response.text)
            out[path] = response.json()
        return out

    def fresh(self) -> dict[str, Any]:
        with self.rt.db.session() as db:
            day_state.forget(db)
        return self.reads()

    def revision(self) -> int:
        with self.rt.db.session() as db:
            return day_state.revision(db, self.ann_id)


def _import(f: Faces) -> None:
    data = (ACTIVITIES / "garmin-fenix-5-run.fit").read_bytes()
    response = f.client.post("/api/v1/imports", files={"files": ("run.fit", data)}, headers=f.ann)
    assert response.status_code in (200, 201), response.text


def _tree(f: Faces) -> None:
    f.api("PUT", "/api/v1/coach/trees/sore-legs", {"source": TREE}, coach=True)


def _untree(f: Faces) -> None:
    with f.rt.db.session() as db:
        custom_trees.save(db, f.kim, TREE)
    f.reads()  # kept with the tree
    f.api("DELETE", "/api/v1/coach/trees/sore-legs", coach=True)


#: Every kind of write, as the API or a page makes it.
WRITES: dict[str, Callable[[Faces], None]] = {
    "api: check-in": lambda f: f.api("PUT", f"/api/v1/checkins/{DAY}", {"soreness": 7, "pain": 4}),
    "api: red-flag check-in": lambda f: f.api("PUT", f"/api/v1/checkins/{DAY}", {"red_flags": ["fainting"]}),
    "api: run logged": lambda f: f.api("POST", "/api/v1/activities/runs",
                                       {"date": DAY, "minutes": 80, "rpe": 8, "run_type": "long"}),
    "api: cross-training logged": lambda f: f.api("POST", "/api/v1/activities/cross",
                                                  {"date": YESTERDAY, "minutes": 60, "sport": "cycling"}),
    "api: run edited": lambda f: f.api("PATCH", f"/api/v1/activities/{f.run_id}", {"minutes": 120}),
    "api: run deleted": lambda f: f.api("DELETE", f"/api/v1/activities/{f.run_id}"),
    "api: run imported": _import,
    "api: strength session": lambda f: f.api("POST", "/api/v1/strength-sessions", {
        "date": DAY, "rpe": 7, "minutes": 30, "sets": [{"exercise": "split-squat", "reps": 10}]}),
    "api: performance test": lambda f: f.api("POST", "/api/v1/performance-tests",
                                             {"date": DAY, "test": "push_ups", "value": 25}),
    "api: plan created": lambda f: f.api("POST", "/api/v1/plans", {**PROFILE, "sessions_per_week": 3}),
    "api: plan regenerated": lambda f: f.api("POST", "/api/v1/plans/current/regenerate", {"start": DAY}),
    "api: routine finished": lambda f: f.api("POST", "/api/v1/routines/post-run-cool-down/completions", {}),
    "api: settings": lambda f: f.api("PATCH", "/api/v1/me", {"body_weight_kg": 61}),
    "api: time zone": lambda f: f.api("PATCH", "/api/v1/me", {"timezone": "Pacific/Kiritimati"}),
    "api: zones": lambda f: f.api("PUT", "/api/v1/zones", {"method": "max"}),
    "api: shoe": lambda f: f.api("POST", "/api/v1/shoes", {"name": "Race", "retire_at_km": 5}),
    "api: coach tree written": _tree,
    "api: coach tree deleted": _untree,
    "api: coach note": lambda f: f.api("PUT", f"/api/v1/coach/athletes/{f.ann_id}/notes/{DAY}",
                                       {"text": "Hills today"}, coach=True),
    "api: coaching ended": lambda f: f.api("DELETE", f"/api/v1/coach/links/{f.link_id}"),
    "web: check-in": lambda f: f.form("/checkin", {"date": DAY, "sleep_hours": "5", "soreness": "6",
                                                   "pain": "0"}),
    "web: run logged": lambda f: f.form("/log/new/run", {"date": DAY, "time": "07:00", "minutes": "70",
                                                         "run_type": "tempo", "rpe": "8"}),
    "web: run deleted": lambda f: f.form(f"/log/{f.run_id}/delete", {}),
    "web: heart rates": lambda f: f.form("/account/body", {"max_hr": "201", "resting_hr": "45"}),
    "web: time zone": lambda f: f.form("/account/timezone", {"timezone": "Asia/Tokyo"}),
    "web: routine finished": lambda f: f.form("/routines/post-run-cool-down/complete", {}),
    "web: plan regenerated": lambda f: f.form("/plan/regenerate", {}),
}


@pytest.mark.parametrize("kind", list(WRITES))
def test_after_every_write_the_faces_answer_what_a_fresh_computation_does(rt, client, make_user,
                                                                          kind: str) -> None:
    faces = Faces(rt, client, make_user)
    before = faces.reads()
    assert faces.reads() == before
    revision = faces.revision()
    WRITES[kind](faces)
    assert faces.revision() > revision, f"{kind}: the athlete's revision did not move"
    after = faces.reads()
    assert after == faces.fresh(), f"{kind}: a kept answer differs from a fresh one"
