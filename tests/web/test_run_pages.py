"""The run page, records, zones and shoes pages, through the web app (no browser)."""

from __future__ import annotations

import re

from tests.conftest import ACTIVITIES, csrf_of, web_login
from yolvarex.services import imports


def _import(rt, actor, name: str) -> int:
    with rt.db.session() as db:
        report = imports.import_sources(db, actor, imports.path_sources([ACTIVITIES / name]))
    return report.files[0].activity_ids[0]


def test_the_run_page_shows_everything_from_the_file(client, rt, make_user) -> None:
    ann = make_user("ann")
    run = _import(rt, ann, "activity-small-fenix2-run.fit")
    web_login(client, "ann")
    page = client.get(f"/runs/{run}")
    assert page.status_code == 200
    text = page.text
    for part in ("Summary", "Route outline", "Over the distance", "Splits per km",
                 "Laps from the watch", "Time in heart-rate zones", "Best efforts in this run",
                 "Form analysis", "Download the original file", "Export GPX", "9.01 km",
                 "within 5 m of the line"):
        assert part in text, part
    assert len(re.findall(r'class="track-chart"', text)) == 4  # pace, HR, elevation, cadence
    assert "Splits per mile" in client.get(f"/runs/{run}?splits=mile").text
    assert client.get(f"/runs/{run}/original").content == \
        (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes()
    gpx = client.get(f"/runs/{run}/export.gpx")
    assert gpx.status_code == 200 and "<trkpt" in gpx.text
    fit = client.get(f"/runs/{run}/export.fit")
    assert fit.status_code == 200 and fit.content[8:12] == b".FIT"
    assert client.get(f"/runs/{run}/export.kml").status_code == 422
    week = client.get("/log?week=2013-11-01")
    assert week.status_code == 200


def test_the_log_and_the_form_page_link_to_the_run(client, rt, make_user) -> None:
    ann = make_user("ann")
    run = _import(rt, ann, "garmin-fenix-5-run.fit")
    web_login(client, "ann")
    with rt.db.session() as db:
        from yolvarex.store import models

        day = db.get(models.Activity, run).day
    assert f'href="/runs/{run}"' in client.get(f"/log?week={day.isoformat()}").text
    assert f'href="/runs/{run}"' in client.get("/form").text
    assert f'href="/runs/{run}"' in client.get(f"/form/runs/{run}").text


def test_another_runners_page_is_not_there(client, rt, make_user) -> None:
    ann = make_user("ann")
    make_user("bob")
    run = _import(rt, ann, "garmin-fenix-5-run.fit")
    web_login(client, "bob")
    for path in (f"/runs/{run}", f"/runs/{run}/original", f"/runs/{run}/export.tcx"):
        assert client.get(path).status_code == 404, path


def test_shoes_zones_and_records_pages(client, rt, make_user) -> None:
    ann = make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    assert "No shoes yet" in client.get("/gear").text
    assert "No records yet" in client.get("/records").text
    added = client.post("/gear", data={"csrf_token": token, "name": "Trail pair", "start_km": "10",
                                       "retire_at_km": "20", "default_for": "all"})
    assert added.status_code == 200 and "Trail pair" in added.text
    bad = client.post("/gear", data={"csrf_token": token, "name": "", "retire_at_km": "-1"})
    assert bad.status_code == 422
    run = _import(rt, ann, "compressed-speed-distance.fit")  # 10.2 km: the pair is past 20 km
    gear_page = client.get("/gear").text
    assert "20 km" in gear_page and "near its limit" in gear_page
    assert "Trail pair" in client.get(f"/runs/{run}").text
    records = client.get("/records").text
    assert "10 km" in records and f"/runs/{run}" in records
    zones = client.get("/zones")
    assert zones.status_code == 200 and "Heart-rate reserve" in zones.text
    saved = client.post("/zones", data={"csrf_token": token, "method": "custom", "z1": "100",
                                        "z2": "120", "z3": "140", "z4": "150", "z5": "170"})
    assert saved.status_code == 200 and "140-149 bpm" in saved.text
    wrong = client.post("/zones", data={"csrf_token": token, "method": "custom", "z1": "150",
                                        "z2": "120", "z3": "140", "z4": "150", "z5": "170"})
    assert wrong.status_code == 422 and "five rising floors" in wrong.text
    assert "Heart-rate zones" in client.get("/progress").text


def test_today_reminds_of_a_shoe_near_its_limit(rt, client, make_user) -> None:
    """Today shows the shoes near their limit, or nothing; in the runner's units."""
    from yolvarex.services import gear
    from yolvarex.web import core

    ann = make_user("ann")
    with rt.db.session() as db:
        gear.add_shoe(db, ann, gear.ShoeIn(name="Worn pair", start_km=650, retire_at_km=700))
        gear.add_shoe(db, ann, gear.ShoeIn(name="New pair", retire_at_km=700))
        near = gear.shoes_near_limit(db, ann)
    partial = core.templates.get_template("today/_shoes.html")
    html = partial.render(near_shoes=near)
    assert "Worn pair" in html and "650 km of 700 km (50 km left)" in html and "New pair" not in html
    assert partial.render(near_shoes=[]).strip() == ""
    web_login(client, "ann")
    today = client.get("/today").text
    assert "Shoes near their limit" in today and "Worn pair" in today and "New pair" not in today


def test_with_a_tile_server_the_page_offers_its_map_and_the_csp_lets_it_in(client, rt, make_user,
                                                                         monkeypatch) -> None:
    from dataclasses import replace

    from yolvarex.settings import MapTiles

    ann = make_user("ann")
    run = _import(rt, ann, "activity-small-fenix2-run.fit")
    web_login(client, "ann")
    plain = client.get(f"/runs/{run}")
    assert "data-run-map" not in plain.text and "tiles.club.example" not in plain.text
    assert "img-src 'self' data:;" in plain.headers["content-security-policy"]
    tiles = MapTiles(url="https://tiles.club.example/{z}/{x}/{y}.png",
                     origin="https://tiles.club.example", attribution="Tiles: the club")
    monkeypatch.setattr(rt, "settings", replace(rt.settings, map_tiles=tiles))
    page = client.get(f"/runs/{run}")
    assert "img-src 'self' data: https://tiles.club.example;" in page.headers["content-security-policy"]
    for other in ("/today", "/login", "/no-such-page"):  # every answer carries the same policy
        assert "https://tiles.club.example" in client.get(other).headers["content-security-policy"]
    urls = re.findall(r'data-src="https://tiles\.club\.example/(\d+)/(\d+)/(\d+)\.png"', page.text)
    assert 1 <= len(urls) <= 9 and len({z for z, _, _ in urls}) == 1
    assert "Tiles: the club" in page.text and "Route outline" in page.text  # the outline stays
    assert not re.search(r'\ssrc="https://', page.text)  # nothing loads until the script asks


def test_a_coach_opening_a_stale_run_sees_it_fresh_and_writes_nothing(client, rt, make_user) -> None:
    from sqlalchemy import select

    from yolvarex.services import accounts
    from yolvarex.store import models

    ann, cora = make_user("ann"), make_user("cora", role="coach")
    run = _import(rt, ann, "activity-small-fenix2-run.fit")
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, cora, "ann").id)
        row = db.get(models.Activity, run)  # as an older version kept it: other splits
        row.analysis = {**row.analysis, "key": "older", "splits_km": [], "laps": []}
    table = models.Activity.__table__
    with rt.db.session() as db:
        before = [tuple(r) for r in db.execute(select(table).where(table.c.user_id == ann.id))]
    web_login(client, "cora")
    page = client.get(f"/runs/{run}")
    assert page.status_code == 200
    assert "Splits per km" in page.text and "Laps from the watch" in page.text
    assert "Edit" not in re.findall(r">(Edit)<", page.text)  # a coach reads only
    with rt.db.session() as db:
        assert [tuple(r) for r in db.execute(select(table).where(table.c.user_id == ann.id))] == before


def test_the_run_page_speaks_the_runners_units(client, rt, make_user) -> None:
    """Miles, pace per mile and splits per mile for a runner who chose imperial; the stored
    figures stay metric (9.01 km is 5.60 mi)."""
    from yolvarex.services import athlete

    ann = make_user("ann")
    run = _import(rt, ann, "activity-small-fenix2-run.fit")
    with rt.db.session() as db:
        athlete.save_preferences(db, ann.id, {"units": "imperial"})
    web_login(client, "ann")
    text = client.get(f"/runs/{run}").text
    for part in ("5.60 mi", "pace per mi (moving)", "Splits per mile", "Pace /mi", "min/mi",
                 " mi</text>"):
        assert part in text, part
    assert "9.01 km" not in text and "Pace /km" not in text and " km</text>" not in text
    assert "Splits per km" in client.get(f"/runs/{run}?splits=km").text
