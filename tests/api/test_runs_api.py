"""The run page, records, zones, shoes and the paged activity list through the JSON API."""

from __future__ import annotations

from tests.conftest import ACTIVITIES, api_token


def _upload(client, headers, *names: str) -> list[int]:
    files = [("files", (n, (ACTIVITIES / n).read_bytes(), "application/octet-stream")) for n in names]
    data = client.post("/api/v1/imports", files=files, headers=headers).json()
    return [i for f in data["files"] for i in f["activity_ids"]]


def test_the_run_page_its_files_and_records(rt, client, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    shoe = client.post("/api/v1/shoes", json={"name": "Daily", "retire_at_km": 600,
                                              "default_for": "all"}, headers=ann)
    assert shoe.status_code == 201, shoe.text
    upload = client.post("/api/v1/imports", headers=ann, files=[(
        "files", ("forerunner-410-run.tcx", (ACTIVITIES / "forerunner-410-run.tcx").read_bytes()))])
    assert upload.json()["files"][0]["new_bests"] == ["400 m", "1 km", "1 mile"]
    (run,) = upload.json()["files"][0]["activity_ids"]
    page = client.get(f"/api/v1/activities/{run}/analysis", headers=ann).json()
    assert page["summary"]["distance_km"] == 4.69 and page["shoe"]["name"] == "Daily"
    a = page["analysis"]
    assert len(a["splits_km"]) == 5 and len(a["laps"]) == 3
    assert sum(a["zones"]["seconds"]) == a["zones"]["moving_s"]
    assert a["outline"]["tolerance_m"] == 5.0 and a["series"]["hr"]
    assert page["records_held"] == ["400 m", "1 km", "1 mile"]
    assert client.get(f"/api/v1/activities/{run}/original", headers=ann).content == \
        (ACTIVITIES / "forerunner-410-run.tcx").read_bytes()
    tcx = client.get(f"/api/v1/activities/{run}/export?format=tcx", headers=ann)
    assert tcx.status_code == 200 and "<TrainingCenterDatabase" in tcx.text
    fit = client.get(f"/api/v1/activities/{run}/export?format=fit", headers=ann)
    assert fit.status_code == 200 and fit.headers["content-type"] == "application/vnd.ant.fit"
    assert client.get(f"/api/v1/activities/{run}/export?format=kml", headers=ann).status_code == 422
    listed = client.get("/api/v1/records", headers=ann).json()
    assert [r["name"] for r in listed] == ["400 m", "1 km", "1 mile"]
    assert listed[0]["activity_id"] == run
    shoes = client.get("/api/v1/shoes", headers=ann).json()
    assert shoes[0]["distance_km"] == 4.7 and shoes[0]["runs"] == 1
    off = client.put(f"/api/v1/activities/{run}/shoe", json={"shoe_id": None}, headers=ann)
    assert off.status_code == 200 and off.json()["shoe_id"] is None
    assert client.get("/api/v1/shoes", headers=ann).json()[0]["runs"] == 0
    retired = client.post(f"/api/v1/shoes/{shoes[0]['id']}/retire", headers=ann).json()
    assert retired["retired_on"] == "2026-11-30" and retired["default_for"] is None


def test_another_runner_reaches_none_of_it(rt, client, make_user) -> None:
    make_user("ann")
    make_user("bob")
    ann, bob = api_token(rt, "ann"), api_token(rt, "bob")
    (run,) = _upload(client, ann, "garmin-fenix-5-run.fit")
    shoe = client.post("/api/v1/shoes", json={"name": "Ann's"}, headers=ann).json()
    for path in (f"/api/v1/activities/{run}/analysis", f"/api/v1/activities/{run}/original",
                 f"/api/v1/activities/{run}/export"):
        assert client.get(path, headers=bob).status_code == 404, path
    assert client.put(f"/api/v1/activities/{run}/shoe", json={"shoe_id": shoe["id"]},
                      headers=bob).status_code == 404
    assert client.post(f"/api/v1/shoes/{shoe['id']}/retire", headers=bob).status_code == 404
    assert client.get("/api/v1/shoes", headers=bob).json() == []
    assert client.get("/api/v1/records", headers=bob).json() == []


def test_zones_settings_and_weeks(rt, client, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    _upload(client, ann, "compressed-speed-distance.fit")
    assert client.get("/api/v1/zones", headers=ann).json()["method"] == "reserve"
    by_max = client.put("/api/v1/zones", json={"method": "max"}, headers=ann).json()
    assert by_max["method"] == "max" and by_max["floors"][0] == round(0.5 * by_max["max"])
    bad = client.put("/api/v1/zones", json={"method": "custom", "floors": [1, 2]}, headers=ann)
    assert bad.status_code == 422
    weeks = client.get("/api/v1/zones/weeks?weeks=2", headers=ann)
    assert weeks.status_code == 200 and len(weeks.json()) == 2


def test_the_activity_list_pages_and_has_no_range_cap(rt, client, make_user) -> None:
    make_user("ann")
    ann = api_token(rt, "ann")
    for day in range(1, 6):
        created = client.post("/api/v1/activities/runs", json={
            "date": f"2026-11-0{day}", "minutes": 30 + day}, headers=ann)
        assert created.status_code == 201, created.text
    first = client.get("/api/v1/activities?limit=2", headers=ann)
    assert [a["date"] for a in first.json()] == ["2026-11-01", "2026-11-02"]
    cursor = first.headers["x-next-cursor"]
    assert 'rel="next"' in first.headers["link"]
    second = client.get(f"/api/v1/activities?limit=2&cursor={cursor}", headers=ann)
    assert [a["date"] for a in second.json()] == ["2026-11-03", "2026-11-04"]
    last = client.get(f"/api/v1/activities?limit=2&cursor={second.headers['x-next-cursor']}",
                      headers=ann)
    assert [a["date"] for a in last.json()] == ["2026-11-05"] and "x-next-cursor" not in last.headers
    decades = client.get("/api/v1/activities?from=2000-01-01&to=2030-12-31", headers=ann)
    assert decades.status_code == 200 and len(decades.json()) == 5
    assert client.get("/api/v1/activities?cursor=nonsense", headers=ann).status_code == 422
    assert client.get("/api/v1/activities?from=2026-12-01&to=2026-11-01",
                      headers=ann).status_code == 422
