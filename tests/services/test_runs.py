"""Runs in the store: kept analysis, shoes and their mileage, records, original files, exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import ACTIVITIES
from yolvarex.errors import Invalid, NotFound
from yolvarex.ingest import read_activity_file
from yolvarex.services import (
    accounts,
    activity_files,
    athlete,
    gear,
    imports,
    records,
    run_analysis,
    run_page,
    training_log,
    zone_weeks,
)
from yolvarex.services.training_log import EntryChanges, RunEntry
from yolvarex.store import models
from yolvarex.store.access import scope

FENIX2 = ACTIVITIES / "activity-small-fenix2-run.fit"
FR70 = ACTIVITIES / "compressed-speed-distance.fit"
TCX = ACTIVITIES / "forerunner-410-run.tcx"
GPX = ACTIVITIES / "polar-m400-run.gpx"


def _import(rt, actor, *paths: Path) -> imports.ImportReport:
    with rt.db.session() as db:
        return imports.import_sources(db, actor, imports.path_sources(list(paths)))


def _only_id(report: imports.ImportReport) -> int:
    (activity_id,) = [i for f in report.files for i in f.activity_ids]
    return activity_id


def test_the_analysis_is_computed_at_import_and_kept(rt, make_user, monkeypatch) -> None:
    ann = make_user("ann")
    activity_id = _only_id(_import(rt, ann, FENIX2))
    with rt.db.session() as db:
        row = db.get(models.Activity, activity_id)
        kept = row.analysis
        assert kept and kept["splits_km"] and kept["outline"] and kept["heart_rate_time"]["seconds"]
        assert len(row.laps) == 4 and row.efforts["5 km"] > 0
        assert sum(lap["distance_m"] for lap in row.laps) == pytest.approx(row.distance_m, abs=1)
        climbs = [s["climb_m"] for s in kept["splits_km"]]  # the watch's 64 m, shared out
        assert abs(sum(climbs) - row.ascent_m) <= len(climbs) / 2
    calls = []
    real = run_analysis.compute
    monkeypatch.setattr(run_analysis, "compute", lambda *a: calls.append(1) or real(*a))
    with rt.db.session() as db:
        page = run_page.run_page(db, ann, activity_id)
    assert calls == []  # read from what was kept
    assert page["analysis"]["splits_km"] == kept["splits_km"]
    assert page["summary"]["distance_km"] == 9.01 and page["has_original"]
    assert page["has_form_analysis"]
    # an edit computes it again as it is written; new zones need nothing computed again
    with rt.db.session() as db:
        training_log.update_entry(db, ann, activity_id, EntryChanges(distance_km=9.5))
    assert len(calls) == 1
    with rt.db.session() as db:
        before = run_page.run_page(db, ann, activity_id)["analysis"]["zones"]
        athlete.save_zone_settings(db, ann.id, "custom", [100, 120, 140, 150, 160])
    with rt.db.session() as db:
        after = run_page.run_page(db, ann, activity_id)["analysis"]["zones"]
        run_page.run_page(db, ann, activity_id)
    assert len(calls) == 1
    assert after["floors"] == [100, 120, 140, 150, 160] and after["seconds"] != before["seconds"]
    assert sum(after["seconds"]) == pytest.approx(sum(before["seconds"]), abs=0.5)


def _rows(rt, athlete_id: int) -> list[tuple]:
    """Every stored column of the athlete's activities, as the database holds them."""
    with rt.db.session() as db:
        table = models.Activity.__table__
        return [tuple(r) for r in db.execute(select(table).where(table.c.user_id == athlete_id)
                                             .order_by(table.c.id))]


def test_reading_a_run_never_writes_it_and_never_shows_a_stale_analysis(rt, make_user) -> None:
    ann, cora = make_user("ann"), make_user("cora", role="coach")
    activity_id = _only_id(_import(rt, ann, FENIX2))
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, cora, "ann").id)
    with rt.db.session() as db:  # kept by an older version: stale
        row = db.get(models.Activity, activity_id)
        row.analysis = {**row.analysis, "key": "from-an-older-version", "splits_km": []}
    stored = _rows(rt, ann.id)
    with rt.db.session() as db:
        coach_view = run_page.run_page(db, cora, activity_id)
        own_view = run_page.run_page(db, ann, activity_id)
        found = records.records(db, cora, ann.id)
        day = dt.date.fromisoformat(coach_view["activity"]["date"])
        (week,) = zone_weeks.zone_weeks(db, cora, day - dt.timedelta(days=day.weekday()), 1, ann.id)
    assert _rows(rt, ann.id) == stored  # nobody's read wrote the athlete's rows
    for page in (coach_view, own_view):  # the stale splits are not what was shown
        assert len(page["analysis"]["splits_km"]) == 10 and page["analysis"]["zones"]["seconds"]
    assert [r.name for r in found] == ["400 m", "1 km", "1 mile", "5 km"]
    assert week.seconds == pytest.approx(tuple(coach_view["analysis"]["zones"]["seconds"]))
    # the refresh at start stores it again, once
    assert run_analysis.refresh_stale(rt.db) == 1
    assert run_analysis.refresh_stale(rt.db) == 0
    with rt.db.session() as db:
        assert run_analysis.is_fresh(db.get(models.Activity, activity_id))


def test_zones_per_run_and_per_week_add_up_to_moving_time(rt, make_user) -> None:
    ann = make_user("ann")
    activity_id = _only_id(_import(rt, ann, FENIX2))
    with rt.db.session() as db:
        row = db.get(models.Activity, activity_id)
        zones = run_analysis.analysis_of(scope(db, ann), row)["zones"]
        assert sum(zones["seconds"]) + zones["without_hr_s"] == pytest.approx(zones["moving_s"])
        assert zones["moving_s"] == pytest.approx(row.moving_s, abs=1)
        monday = row.day - __import__("datetime").timedelta(days=row.day.weekday())
        (week,) = zone_weeks.zone_weeks(db, ann, monday, 1)
        assert week.seconds == pytest.approx(tuple(zones["seconds"]))
        assert week.activities == 1


def test_zone_settings_by_hand_are_checked(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        with pytest.raises(Invalid):
            athlete.save_zone_settings(db, ann.id, "custom", [120, 110, 130, 140, 150])
        athlete.save_zone_settings(db, ann.id, "custom", [100, 125, 140, 155, 170])
    with rt.db.session() as db:
        zones = athlete.athlete_zones(db, ann)
        assert zones.method == "custom" and zones.floors == (100, 125, 140, 155, 170)


def test_shoe_mileage_follows_imports_edits_and_deletions(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        daily = gear.add_shoe(db, ann, gear.ShoeIn(name="Daily trainer", start_km=100,
                                                   retire_at_km=120, default_for="all"))
        racer = gear.add_shoe(db, ann, gear.ShoeIn(name="Racer", default_for="race"))
    first = _only_id(_import(rt, ann, FENIX2))
    second = _only_id(_import(rt, ann, FR70))
    with rt.db.session() as db:
        shoe = gear.get_shoe(db, ann, daily.id)
        assert shoe.runs == 2
        assert shoe.distance_km == pytest.approx(100 + 9.00822 + 10.24867, abs=1e-3)
        assert shoe.near_limit  # 119.3 of 120 km
    with rt.db.session() as db:
        assert [s.name for s in gear.shoes_near_limit(db, ann)] == ["Daily trainer"]
        gear.assign(db, ann, second, racer.id)
    with rt.db.session() as db:
        assert gear.get_shoe(db, ann, daily.id).distance_km == pytest.approx(109.00822, abs=1e-3)
        assert gear.get_shoe(db, ann, racer.id).runs == 1
        training_log.delete_entry(db, ann, first)
    with rt.db.session() as db:
        assert gear.get_shoe(db, ann, daily.id).distance_km == pytest.approx(100.0)
        assert gear.get_shoe(db, ann, daily.id).runs == 0
        retired = gear.retire(db, ann, daily.id, __import__("datetime").date(2026, 11, 30))
        assert retired.default_for is None
        assert gear.default_shoe_id(scope(db, ann), "easy") is None
        assert gear.default_shoe_id(scope(db, ann), "race") == racer.id


def test_a_run_logged_by_hand_takes_the_default_for_its_type(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        easy = gear.add_shoe(db, ann, gear.ShoeIn(name="Easy pair", default_for="easy"))
        gear.add_shoe(db, ann, gear.ShoeIn(name="Any pair", default_for="all"))
        row = training_log.log_entry(db, ann, RunEntry(date="2026-11-29", minutes=40,
                                                       distance_km=8, run_type="easy"))
        assert row.shoe_id == easy.id
        long_run = training_log.log_entry(db, ann, RunEntry(date="2026-11-28", minutes=90,
                                                            distance_km=16, run_type="long"))
        assert gear.shoe_name(scope(db, ann), long_run) == "Any pair"


def test_nobody_reaches_another_runners_shoes_or_runs(rt, make_user) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    activity_id = _only_id(_import(rt, ann, FENIX2))
    with rt.db.session() as db:
        shoe = gear.add_shoe(db, ann, gear.ShoeIn(name="Mine"))
        bobs = gear.add_shoe(db, bob, gear.ShoeIn(name="Bob's"))
    with rt.db.session() as db:
        for attempt in (lambda: run_page.run_page(db, bob, activity_id),
                        lambda: gear.assign(db, bob, activity_id, shoe.id),
                        lambda: gear.assign(db, ann, activity_id, bobs.id),
                        lambda: gear.retire(db, bob, shoe.id, __import__("datetime").date(2026, 1, 1)),
                        lambda: activity_files.original(db, bob, activity_id),
                        lambda: activity_files.export(db, bob, activity_id, "gpx")):
            with pytest.raises(NotFound):
                attempt()


def test_records_and_new_bests(rt, make_user) -> None:
    ann = make_user("ann")
    slow = _import(rt, ann, TCX)
    assert set(slow.files[0].new_bests) == {"400 m", "1 km", "1 mile"}
    fast = _import(rt, ann, FENIX2)
    assert fast.files[0].new_bests == ["400 m", "1 km", "1 mile", "5 km"]
    with rt.db.session() as db:
        found = {r.name: r for r in records.records(db, ann)}
        fenix = db.get(models.Activity, _only_id(fast))
        assert found["1 km"].activity_id == fenix.id
        assert found["1 km"].seconds == fenix.efforts["1 km"]
        assert "10 km" not in found
        assert records.held_by(scope(db, ann), fenix) == ["400 m", "1 km", "1 mile", "5 km"]
    again = _import(rt, ann, FR70)  # 10 km, slower than the fenix over 1-5 km
    assert again.files[0].new_bests == ["10 km"]


def test_runs_kept_before_efforts_were_fill_in_at_the_next_import(rt, make_user) -> None:
    ann = make_user("ann")
    activity_id = _only_id(_import(rt, ann, FENIX2))
    with rt.db.session() as db:
        row = db.get(models.Activity, activity_id)
        row.efforts, row.analysis = None, None
    with rt.db.session() as db:
        assert records.records(db, ann) == []  # a read does not work them out
    _import(rt, ann, TCX)
    with rt.db.session() as db:
        assert [r.name for r in records.records(db, ann)][:4] == ["400 m", "1 km", "1 mile", "5 km"]
        assert db.get(models.Activity, activity_id).efforts["5 km"] > 0


@pytest.mark.parametrize("path", [GPX, TCX, FENIX2])
@pytest.mark.parametrize("fmt", ["gpx", "tcx", "fit"])
def test_an_export_imports_again_to_the_same_distance(rt, make_user, path: Path, fmt: str) -> None:
    ann = make_user("ann")
    activity_id = _only_id(_import(rt, ann, path))
    with rt.db.session() as db:
        row = db.get(models.Activity, activity_id)
        name, text = activity_files.export(db, ann, activity_id, fmt)
        distance, start = row.distance_m, row.start
    assert name.endswith("." + fmt)
    (again,) = read_activity_file(name, text)
    assert again.start == start
    if fmt in ("tcx", "fit"):  # both carry the total
        assert again.distance_m == pytest.approx(distance, abs=0.01)
    elif path == GPX:  # measured along the positions again, written to 7 decimals (1 cm)
        assert again.distance_m == pytest.approx(distance, abs=0.5)
    else:  # GPX has positions only: the distance is measured along them again
        assert again.distance_m == pytest.approx(distance, rel=0.01)


def test_a_hand_logged_run_exports_its_summary(rt, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        row = training_log.log_entry(db, ann, RunEntry(date="2026-11-29", minutes=42,
                                                       distance_km=8.4, avg_hr=141))
        _, tcx = activity_files.export(db, ann, row.id, "tcx")
        _, gpx_bytes = activity_files.export(db, ann, row.id, "gpx")
        _, fit = activity_files.export(db, ann, row.id, "fit")
        gpx = gpx_bytes.decode()
        with pytest.raises(NotFound):
            activity_files.original(db, ann, row.id)
        page = run_page.run_page(db, ann, row.id)
    for name, content in (("x.tcx", tcx), ("x.fit", fit)):
        (again,) = read_activity_file(name, content)
        assert again.distance_m == pytest.approx(8400) and again.duration_s == pytest.approx(42 * 60)
        assert again.avg_hr == 141 and len(again.samples) == 0
    assert "<trkpt" not in gpx and "8.40 km" in gpx
    assert page["analysis"]["splits_km"] == [] and page["analysis"]["outline"] is None


def test_the_original_file_is_kept_and_given_back(rt, make_user) -> None:
    ann = make_user("ann")
    activity_id = _only_id(_import(rt, ann, TCX))
    with rt.db.session() as db:
        name, data = activity_files.original(db, ann, activity_id)
        stored = db.scalar(select(models.ActivityFile))
        assert stored.size == TCX.stat().st_size and len(stored.content) < stored.size / 3
    assert name == TCX.name and data == TCX.read_bytes()
    with rt.db.session() as db:
        training_log.delete_entry(db, ann, activity_id)
    with rt.db.session() as db:
        assert db.scalar(select(models.ActivityFile)) is None


def test_deleting_the_account_removes_shoes_and_kept_files(rt, make_user) -> None:
    from yolvarex.services import account_data

    ann = make_user("ann")
    _import(rt, ann, TCX)
    with rt.db.session() as db:
        gear.add_shoe(db, ann, gear.ShoeIn(name="Old pair"))
    with rt.db.session() as db:
        removed = account_data.delete_account(db, db.get(models.User, ann.id))
        assert removed["shoes"] == 1 and removed["activities"] == 1
    with rt.db.session() as db:
        assert db.scalar(select(models.ActivityFile)) is None
        assert db.scalar(select(models.Shoe)) is None
