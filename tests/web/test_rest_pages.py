"""Pillar 1 pages in-process: verdict card, Trees pages, walking, the coach's tree editor."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import web_login
from tests.services.test_decisions import COACH_TREE
from yolvarex import clock
from yolvarex.content import load_library
from yolvarex.services import accounts
from yolvarex.store.access import Actor
from yolvarex.web.tree_svg import tree_svg

LIBRARY, _ = load_library()
TODAY = clock.today(None).isoformat()


def _checkin(client, **fields) -> None:
    token = client.cookies.get("yolvarex_csrf")
    response = client.post("/checkin", data={"csrf_token": token, "date": TODAY, **fields},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/today#verdict"


def test_today_shows_the_verdict_card_after_a_checkin(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    before = client.get("/today").text
    assert 'id="verdict"' not in before and "Do today&#39;s check-in" in before
    _checkin(client, symptoms=["cough"], pain="0", soreness="3")
    page = client.get("/today").text
    assert 'class="card verdict verdict-rest verdict-card"' in page
    assert '<span class="pill rest">Rest day</span>' in page
    assert "Chest congestion, a cough" in page and "not medical advice" in page
    assert "Why: what each tree found" in page and page.count('class="verdict-tree"') == 7
    assert "Full-body recovery" in page and "/library/routines/full-body-recovery" in page
    assert "the trees could not check" in page and "/library/evidence/eichner-1993" in page


@pytest.mark.parametrize(("fields", "stored"), [
    ({"pain": "0", "pain_on_hop": "yes", "pain_area": "shin"}, {"pain_on_hop": True}),
    ({"pain": "0", "pain_at_night": "yes", "pain_area": "hip"}, {"pain_at_night": True}),
    ({"pain_sharp": "yes", "pain_area": "tibia"}, {"pain_kind": "sharp", "pain": None}),
    ({"pain": "2", "pain_sharp": "yes", "pain_next_morning": "same"}, {"pain_kind": "sharp"}),
])
def test_bone_stress_signs_are_asked_whatever_the_pain(client, rt, make_user, fields,
                                                       stored) -> None:
    """Issue 12: the warning-sign block is outside the pain section and counts at pain 0."""
    from yolvarex.services import checkins, decisions

    ann = make_user("ann")
    web_login(client, "ann")
    form = client.get("/checkin?day=2026-11-25").text
    block = form[form.index("Pain warning signs"):form.index("<summary>Pain")]
    for name in ("pain_on_hop", "pain_at_night", "pain_at_rest", "pain_changes_gait", "pain_sharp"):
        assert f'name="{name}"' in block
    token = client.cookies.get("yolvarex_csrf")
    response = client.post("/checkin", data={"csrf_token": token, "date": "2026-11-25",
                                             "pain_signs_asked": "yes", **fields},
                           follow_redirects=False)
    assert response.status_code == 303
    with rt.db.session() as db:
        saved = checkins.get_checkin(db, ann, dt.date(2026, 11, 25))
        verdict = decisions.decide_day(db, ann, dt.date(2026, 11, 25)).verdict.value
    assert verdict == "see_professional"
    for name, value in stored.items():
        assert getattr(saved, name) == value
    unticked = {"pain_on_hop", "pain_at_night", "pain_at_rest", "pain_changes_gait"} - set(fields)
    assert all(getattr(saved, name) is False for name in unticked)
    again = client.get("/checkin?day=2026-11-25").text
    ticked = next(iter(stored)) if "pain_sharp" not in fields else "pain_sharp"
    assert f'name="{ticked}" value="yes" checked' in again


def test_red_flag_checkin_says_stop(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    _checkin(client, red_flags=["fainting"])
    page = client.get("/today").text
    assert '<span class="pill see_professional">Stop and get checked</span>' in page


def test_trees_index_marks_todays_path(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    empty = client.get("/trees").text
    assert "do today's check-in" in empty
    _checkin(client, pain="4", pain_next_morning="settled")
    page = client.get("/trees").text
    assert page.count('<ol class="tree-path"') == len(LIBRARY.trees)  # today's path through each
    assert 'data-node="easy-monitor"' in page
    marked = page.split('data-node="easy-monitor"')[0].rsplit("<li ", 1)[1]
    assert "taken" in marked
    assert 'aria-current="page">Trees<' in page


def test_tree_detail_walk_and_missing(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    detail = client.get("/trees/illness").text
    assert "The tree in words" in detail and "Do you have a fever?" in detail
    assert 'href="#node-rest-fever"' in detail
    start = client.get("/trees/illness/walk").text
    assert "Do you have a fever?" in start and "?answers=yes" in start
    step = client.get("/trees/illness/walk?answers=no,unknown,no,yes").text
    assert '<span class="pill modify">Keep it easy</span>' in step and "above the neck" in step
    assert "?answers=no,unknown,no" in step  # back one question
    junk = client.get("/trees/illness/walk?answers=maybe,yes").text
    assert "Do you have a fever?" in junk
    assert client.get("/trees/nope").status_code == 404
    assert client.get("/trees/nope/walk").status_code == 404


def _coach_with_athlete(rt, make_user) -> None:
    make_user("kim", role="coach")
    make_user("ann")
    with rt.db.session() as db:
        link = accounts.invite_athlete(db, Actor.of(accounts.user_named(db, "kim")), "ann")
        accounts.accept_coach(db, Actor.of(accounts.user_named(db, "ann")), link.id)


def test_coach_tree_editor(client, rt, make_user) -> None:
    _coach_with_athlete(rt, make_user)
    web_login(client, "ann")
    assert client.get("/coach/trees").status_code == 403
    client.cookies.clear()
    web_login(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    assert 'href="/coach/trees"' in client.get("/coach").text
    assert "No trees yet" in client.get("/coach/trees").text
    new = client.get("/coach/trees/new").text
    assert "id: hill-week" in new and 'hx-post="/coach/trees/preview"' in new

    bad = COACH_TREE.replace("soreness, op", "sorenes, op")
    partial = client.post("/coach/trees/preview", data={"source": bad, "csrf_token": token}).text
    assert "did you mean &#39;soreness&#39;?" in partial and "<html" not in partial
    good = client.post("/coach/trees/preview", data={"source": COACH_TREE, "csrf_token": token}).text
    assert "The tree is valid" in good and 'class="tree-svg"' in good
    no_js = client.post("/coach/trees", data={"source": bad, "action": "preview", "csrf_token": token})
    assert no_js.status_code == 200 and "did you mean" in no_js.text and "<html" in no_js.text

    refused = client.post("/coach/trees", data={"source": bad, "csrf_token": token})
    assert refused.status_code == 422 and "nothing was saved" in refused.text
    saved = client.post("/coach/trees", data={"source": COACH_TREE, "csrf_token": token},
                        follow_redirects=False)
    assert saved.status_code == 303
    assert "Hill legs" in client.get("/coach/trees").text
    again = client.post("/coach/trees", data={"source": COACH_TREE, "csrf_token": token})
    assert again.status_code == 409 and "already have a tree" in again.text
    edit = client.get("/coach/trees/hill-legs/edit").text
    assert 'name="replace" value="hill-legs"' in edit and "The tree is valid" in edit
    edited = client.post("/coach/trees", data={"source": COACH_TREE.replace("Bike", "Swim"),
                                               "replace": "hill-legs", "csrf_token": token},
                         follow_redirects=False)
    assert edited.status_code == 303

    client.cookies.clear()
    web_login(client, "ann")
    trees = client.get("/trees").text
    assert "Hill legs" in trees and "by kim" in trees
    assert "Swim instead" in client.get("/trees/kim/hill-legs").text

    client.cookies.clear()
    web_login(client, "kim")
    token = client.cookies.get("yolvarex_csrf")
    gone = client.post("/coach/trees/hill-legs/delete", data={"csrf_token": token}, follow_redirects=False)
    assert gone.status_code == 303
    assert "No trees yet" in client.get("/coach/trees").text


@pytest.mark.parametrize("tree_id", sorted(LIBRARY.trees))
def test_svg_snapshot(tree_id: str, snapshot) -> None:
    snapshot(f"{tree_id}.svg", tree_svg(LIBRARY.trees[tree_id]))


def test_svg_with_a_path_snapshot_and_no_overlaps(snapshot) -> None:
    from yolvarex.web.tree_svg import BOX_W, layout

    path = [("bone-stress-signs", "unknown"), ("sharp-pinpoint", "no"), ("builds-in-run", "unknown"),
            ("any-pain", "yes"), ("severe", "no"), ("moderate", "yes"), ("settles", "yes")]
    snapshot("pain-path.svg", tree_svg(LIBRARY.trees["pain"], path))
    for tree in LIBRARY.trees.values():
        boxes = list(layout(tree).values())
        assert len(boxes) == len(tree.nodes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                same_row = a.y == b.y
                assert not (same_row and abs(a.x - b.x) < BOX_W), (tree.id, a.node.id, b.node.id)
