"""Library search and filters in the web app and the API: same service, same results."""

from __future__ import annotations

from tests.conftest import api_token, web_login


def test_api_search_groups_by_kind(client, rt, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    headers = api_token(rt, "ann")
    found = client.get("/api/v1/library/search", params={"q": "hamstring stretch"},
                       headers=headers).json()
    assert found["groups"][0]["kind"] == "movements"
    assert {h["id"] for h in found["groups"][0]["hits"][:2]} == {
        "band-hamstring-stretch", "step-hamstring-stretch"}
    routines = client.get("/api/v1/library/search", params={"occasion": "after_run"},
                          headers=headers).json()
    assert [g["kind"] for g in routines["groups"]] == ["routines"]
    listed = client.get("/api/v1/library/exercises",
                        params={"equipment": "bands", "level": "1"}, headers=headers).json()
    assert listed and all("bands" in e["equipment"] and e["level"] == 1 for e in listed)
    bad = client.get("/api/v1/library/exercises", params={"occasion": "after_run"},
                     headers=headers)
    assert bad.status_code == 422 and "cannot be filtered by occasion" in bad.text
    long = client.get("/api/v1/library/search", params={"q": "x" * 500}, headers=headers)
    assert long.status_code == 422


def test_web_search_and_filters(client, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    web_login(client, "ann")
    page = client.get("/library", params={"q": "hamstring stretch"})
    assert page.status_code == 200
    text = page.text
    assert "/library/movements/band-hamstring-stretch" in text and 'id="kind-movements"' in text
    assert text.index('id="kind-movements"') < text.index('id="kind-exercises"')
    nothing = client.get("/library", params={"q": "zzzz"})
    assert "Nothing matches" in nothing.text
    calves = client.get("/library/movements", params={"body_area": "calves", "equipment": "wall"})
    assert "/library/movements/calf-stretch-wall" in calves.text
    assert "/library/movements/foam-roll-calves" not in calves.text
    assert '<option value="calves" selected>' in calves.text
    routines = client.get("/library/routines", params={"duration": "6"})
    assert "/library/routines/quick-pre-run-primer" in routines.text
    assert "/library/routines/after-the-long-run" not in routines.text
    wrong = client.get("/library/exercises", params={"pattern": "flying"})
    assert wrong.status_code == 422 and "No exercises have pattern" in wrong.text
    assert "Choose one of" in wrong.text


def test_exercise_pages_are_in_words(client, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    web_login(client, "ann")
    for exercise in ("band-external-rotation", "wall-sit", "pallof-press", "kettlebell-swing",
                     "eccentric-heel-drop"):
        text = client.get(f"/library/exercises/{exercise}").text
        for raw in ("shoulder_stability", "anti_rotation", "True", "False", "Rest s", "rest_s",
                    "leg_load", "Unilateral"):
            assert raw not in text, (exercise, raw)
        assert "What you should feel" in text and "Precautions" in text and "Basis" in text
        assert "Easier:" in text or "Harder:" in text
    box = client.get("/library/exercises/box-jump").text
    assert "A low, sturdy box" in box
    drill = client.get("/library/drills/falling-start").text
    assert "/library/drills/wall-drive-march" in drill and "/library/drills/a-skip" in drill
    move = client.get("/library/movements/clamshell").text
    assert 'href="/library/exercises/clamshell"' in move


def test_an_evidence_page_says_where_to_find_the_source(client, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("ann")
    web_login(client, "ann")
    foster = client.get("/library/evidence/foster-2001").text
    assert 'href="https://doi.org/10.1519/00124278-200102000-00019"' in foster
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/11708692/"' in foster and "15(1):109-115" in foster
    acsm = client.get("/library/evidence/acsm-2021").text
    assert "ISBN 9781975150181" in acsm
    assert "21(1):125-135" in client.get("/library/evidence/eichner-1993").text
