"""The data export carries shoes, which run wore which, and the original watch files; a restore
puts them back (once), and deleting the account leaves no copy of the files on disk."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import ACTIVITIES, BACKEND
from yolvarex.errors import Invalid
from yolvarex.services import (
    account_data,
    accounts,
    activity_files,
    data_archive,
    gear,
    imports,
    run_analysis,
    run_page,
)
from yolvarex.services.runtime import Runtime
from yolvarex.store import migrate, models
from yolvarex.store.access import Actor
from yolvarex.store.db import Database

LIMIT = 5 * 1024 * 1024
FILES = [ACTIVITIES / "activity-small-fenix2-run.fit", ACTIVITIES / "forerunner-410-run.tcx",
         ACTIVITIES / "polar-m400-run.gpx"]


def _runner_with_shoes(rt: Runtime) -> tuple[Actor, dict[str, int]]:
    """ann with two pairs (one her default), three imported runs, one moved to the other pair."""
    with rt.db.session() as db:
        ann = Actor.of(accounts.create_user(db, "ann", None))
        daily = gear.add_shoe(db, ann, gear.ShoeIn(name="Daily trainer", start_km=120,
                                                   retire_at_km=700, default_for="all"))
        racer = gear.add_shoe(db, ann, gear.ShoeIn(name="Racer"))
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.path_sources(FILES))
    ids = {Path(f.file).name: f.activity_ids[0] for f in report.files}
    with rt.db.session() as db:
        gear.assign(db, ann, ids[FILES[1].name], racer.id)
    return ann, {"daily": daily.id, "racer": racer.id, **ids}


def _other_database(tmp_path) -> Runtime:
    other = Runtime(settings=None, db=Database(f"sqlite:///{tmp_path / 'other.sqlite3'}"))  # type: ignore[arg-type]
    migrate.upgrade(other.db)
    return other


def test_shoes_and_original_files_go_out_and_come_back(rt, tmp_path) -> None:
    ann, _ = _runner_with_shoes(rt)
    with rt.db.session() as db:
        archive = data_archive.export_archive(db, ann)
        mileage = {s.name: s.distance_km for s in gear.shoes(db, ann)}
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        names = z.namelist()
        shoes = json.loads(z.read("shoes.json"))
        runs = {r["uid"]: r for r in json.loads(z.read("activities.json"))}
        manifest = json.loads(z.read("manifest.json"))
        originals = {n: z.read(n) for n in names if n.startswith("files/")}
        readme = z.read("README.txt").decode()
    assert manifest["schema_version"] == 2 and manifest["counts"]["files/"] == 3
    assert {s["name"] for s in shoes} == {"Daily trainer", "Racer"}
    assert "shoes.json" in readme and "files/UID/NAME" in readme
    worn = {Path(runs[n.split("/")[1]]["source_name"]).name: n for n in originals}
    assert set(worn) == {p.name for p in FILES}
    for path in FILES:  # each watch file byte for byte, under its run's uid and own name
        assert originals[worn[path.name]] == path.read_bytes()
        assert worn[path.name].endswith("/" + path.name)
    by_name = {s["uid"]: s["name"] for s in shoes}
    assert sorted(by_name[r["shoe_uid"]] for r in runs.values()) == ["Daily trainer",
                                                                      "Daily trainer", "Racer"]

    other = _other_database(tmp_path)
    try:
        with other.db.session() as db:
            ann2 = Actor.of(accounts.create_user(db, "ann", None))
            report = data_archive.restore_archive(db, ann2, archive, LIMIT)
        assert report.added["shoes"] == 2 and report.added["files"] == 3
        assert report.added["activities"] == 3
        with other.db.session() as db:
            assert {s.name: s.distance_km for s in gear.shoes(db, ann2)} == mileage
            assert {s.name: s.default_for for s in gear.shoes(db, ann2)} == {
                "Daily trainer": "all", "Racer": None}
            for row in db.scalars(select(models.Activity)):
                name, data = activity_files.original(db, ann2, row.id)
                assert data == (ACTIVITIES / name).read_bytes()
                page = run_page.run_page(db, ann2, row.id)  # figures kept again, as at import
                assert run_analysis.is_fresh(row)
                assert page["shoe"]["name"] == ("Racer" if name == FILES[1].name else "Daily trainer")
            again = data_archive.restore_archive(db, ann2, archive, LIMIT)
        assert again.total_added == 0 and again.already_there["files"] == 3
        assert again.already_there["shoes"] == 2
    finally:
        other.db.dispose()


def test_a_restored_default_shoe_does_not_take_over_the_accounts_own(rt, tmp_path) -> None:
    ann, _ = _runner_with_shoes(rt)
    with rt.db.session() as db:
        archive = data_archive.export_archive(db, ann)
        bob = Actor.of(accounts.create_user(db, "bob", None))
        gear.add_shoe(db, bob, gear.ShoeIn(name="Bob's own", default_for="all"))
    with rt.db.session() as db:
        data_archive.restore_archive(db, bob, archive, LIMIT)
    with rt.db.session() as db:
        assert {s.name: s.default_for for s in gear.shoes(db, bob)} == {
            "Bob's own": "all", "Daily trainer": None, "Racer": None}


def _rewrite(archive: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            for name, content in change(info.filename, src.read(info)):
                dst.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(("change", "message"), [
    (lambda n, c: [(n.replace("files/", "files/../"), c)] if n.startswith("files/") else [(n, c)],
     "files a yolvarex export does not"),
    (lambda n, c: [(n, c)] + ([("files/0123456789abcdef/extra.fit", c)]
                              if n.endswith(".fit") else []),
     "belongs to no activity"),
    (lambda n, c: [(n, c.replace(b'"shoe_uid": "', b'"shoe_uid": "x'))],
     "not in shoes.json"),
])
def test_a_broken_archive_restores_nothing(rt, change, message: str) -> None:
    ann, _ = _runner_with_shoes(rt)
    with rt.db.session() as db:
        archive = data_archive.export_archive(db, ann)
        bob = Actor.of(accounts.create_user(db, "bob", None))
    with pytest.raises(Invalid, match=message), rt.db.session() as db:
        data_archive.restore_archive(db, bob, _rewrite(archive, change), LIMIT)
    with rt.db.session() as db:
        for model in (models.Shoe, models.Activity, models.ActivityFile):
            assert db.scalar(select(model).where(model.user_id == bob.id)) is None


def test_deleting_the_account_leaves_no_copy_of_the_watch_files_on_disk(rt, tmp_path) -> None:
    if BACKEND != "sqlite":
        pytest.skip("reads the SQLite file; PostgreSQL's VACUUM reclaims deleted rows")
    ann, _ = _runner_with_shoes(rt)
    with rt.db.session() as db:
        kept = [k for k in db.scalars(select(models.ActivityFile.content)) if k]
        assert len(kept) == len(FILES)
        samples = [s for s in db.scalars(select(models.Activity.samples)) if s]
    marks = [k[len(k) // 2: len(k) // 2 + 48] for k in kept] + [s[-48:] for s in samples]
    path = rt.settings.database_url.removeprefix("sqlite:///")

    def on_disk() -> bytes:
        found = b""
        for suffix in ("", "-wal"):
            try:
                with open(path + suffix, "rb") as handle:
                    found += handle.read()
            except FileNotFoundError:
                pass
        return found

    before = on_disk()
    assert all(m in before for m in marks)  # the files are there to begin with
    with rt.db.session() as db:
        account_data.delete_account(db, db.get(models.User, ann.id))
    after = on_disk()
    assert [m in after for m in marks] == [False] * len(marks)
