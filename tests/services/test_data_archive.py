"""Export and restore: a round trip keeps every record and its stable id, on SQLite, PostgreSQL
and from one to the other; hostile or broken archives are refused with nothing written."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from tests.conftest import BACKEND
from yolvarex import clock
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import accounts, data_archive
from yolvarex.services.demo import load_demo
from yolvarex.services.runtime import Runtime, library
from yolvarex.settings import Settings
from yolvarex.store import migrate, models
from yolvarex.store.access import Actor
from yolvarex.store.db import Database

LIMIT = 50 * 1024 * 1024


def _files(data: bytes) -> dict[str, object]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {n: json.loads(archive.read(n)) for n in archive.namelist() if n.endswith(".json")}
    files.pop("manifest.json")
    files["profile.json"]["settings"].pop("demo", None)  # the demo flag is not restored
    return files


def _demo_export(rt: Runtime) -> bytes:
    with rt.db.session() as db:
        user = load_demo(db, library(), clock.today("UTC"))
        return data_archive.export_archive(db, Actor.of(user))


def _owned_rows(rt: Runtime, user_id: int) -> int:
    with rt.db.session() as db:
        return sum(db.scalar(select(func.count()).select_from(model).where(model.user_id == user_id)) or 0
                   for model in data_archive.RECORDS.values())


def _restore(rt: Runtime, name: str, data: bytes) -> data_archive.RestoreReport:
    with rt.db.session() as db:
        user = db.scalar(select(models.User).where(models.User.name == name)) or \
            accounts.create_user(db, name, None)
        return data_archive.restore_archive(db, Actor.of(user), data, LIMIT)


def test_export_restore_export_keeps_every_record_and_its_id(rt, tmp_path) -> None:
    first = _demo_export(rt)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "README.txt" in archive.namelist()
    assert manifest["schema_version"] == data_archive.SCHEMA_VERSION
    assert manifest["counts"]["activities.json"] > 0 and manifest["counts"]["checkins.json"] > 0
    other = Runtime(settings=rt.settings, db=Database(f"sqlite:///{tmp_path / 'other.sqlite3'}"))
    migrate.upgrade(other.db)
    report = _restore(other, "demo", first)
    assert report.total_added == sum(len(v) for k, v in _files(first).items()
                                     if k not in ("profile.json", "coach_links.json"))
    with other.db.session() as db:
        again = data_archive.export_archive(db, Actor.of(accounts.user_named(db, "demo")))
    assert _files(again) == _files(first)
    with other.db.session() as db:  # samples survive byte for byte
        a = db.scalars(select(models.Activity).where(models.Activity.samples.is_not(None))).first()
        assert a is not None and len(a.samples) > 1000
    other.db.dispose()


def test_sqlite_to_postgresql_round_trip(rt, tmp_path) -> None:
    """How a self-hoster moves to a bigger server: SQLite export, PostgreSQL restore."""
    if BACKEND != "postgresql":
        pytest.skip("runs in the PostgreSQL pass of make test")
    small = Runtime(settings=Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 's.db'}",
                                      default_user=None, max_upload_bytes=LIMIT, secure_cookies=False),
                    db=Database(f"sqlite:///{tmp_path / 's.db'}"))
    migrate.upgrade(small.db)
    first = _demo_export(small)
    small.db.dispose()
    _restore(rt, "demo", first)
    with rt.db.session() as db:
        again = data_archive.export_archive(db, Actor.of(accounts.user_named(db, "demo")))
    assert _files(again) == _files(first)


def test_restoring_twice_adds_nothing_and_a_clash_keeps_yours(rt) -> None:
    data = _demo_export(rt)
    with rt.db.session() as db:
        ann = Actor.of(accounts.create_user(db, "ann", None))
    first = _restore(rt, "ann", data)
    before = _owned_rows(rt, ann.id)
    second = _restore(rt, "ann", data)
    assert second.total_added == 0 and sum(second.already_there.values()) == first.total_added
    assert _owned_rows(rt, ann.id) == before
    files = _files(data)
    checkin = dict(files["checkins.json"][0], uid="f" * 32)  # another check-in on a day ann has
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["checkins.json"] = json.dumps([checkin]).encode()
    third = _restore(rt, "ann", _zip(members))
    assert third.kept_yours == {"checkins": 1} and _owned_rows(rt, ann.id) == before


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _minimal(**extra: bytes) -> dict[str, bytes]:
    manifest = {"format": "yolvarex-export", "schema_version": 1}
    return {"manifest.json": json.dumps(manifest).encode(), "profile.json": b"{}", **extra}


@pytest.mark.parametrize(("members", "words"), [
    ({"manifest.json": b'{"format": "yolvarex-export", "schema_version": 99}', "profile.json": b"{}"},
     "newer yolvarex"),
    ({"../../etc/passwd": b"x", **_minimal()}, "files a yolvarex export does not"),
    ({f"x{i}.json": b"" for i in range(3000)}, "holds 3000 files"),
    (_minimal(**{"checkins.json": b"[{not json"}), "not valid JSON"),
    (_minimal(**{"checkins.json": b'[{"uid": "abcdefgh12345678", "date": "2026-02-30", "data": {}}]'}),
     "cannot be read"),
    (_minimal(**{"activities.json": b'[{"uid": "abcdefgh12345678", "sport": 7}]'}), "lacks"),
    (_minimal(**{"checkins.json": b'[{"uid": "abcdefgh12345678", "date": "2026-01-01", "data": {}, '
                                  b'"owner": "eve"}]'}), "does not know: owner"),
    ({"manifest.json": b'{"format": "zip"}', "profile.json": b"{}"}, "not say this is a yolvarex"),
])
def test_broken_or_hostile_archives_are_refused_with_nothing_written(rt, members, words) -> None:
    with rt.db.session() as db:
        ann = Actor.of(accounts.create_user(db, "ann", None))
    with pytest.raises(Invalid, match=words), rt.db.session() as db:
        data_archive.restore_archive(db, ann, _zip(members), LIMIT)
    assert _owned_rows(rt, ann.id) == 0


def test_an_archive_that_expands_too_far_is_refused_before_reading(rt) -> None:
    bomb = _zip(_minimal(**{"activities.json": b"[" + b" " * (30 * 1024 * 1024) + b"]"}))
    assert len(bomb) < 100 * 1024  # 30 MB of spaces squeeze into a few kB
    with rt.db.session() as db:
        ann = Actor.of(accounts.create_user(db, "ann", None))
    with pytest.raises(Invalid, match="expands to 30 MB"), rt.db.session() as db:
        data_archive.restore_archive(db, ann, bomb, limit=1024 * 1024)
    with pytest.raises(Invalid, match="not a zip archive"), rt.db.session() as db:
        data_archive.restore_archive(db, ann, b"PK\x03\x04 broken", LIMIT)


def test_a_bad_record_late_in_the_archive_undoes_the_whole_restore(rt) -> None:
    files = _files(_demo_export(rt))
    with rt.db.session() as db:
        ann = Actor.of(accounts.create_user(db, "ann", None))
    members = {name: json.dumps(records).encode() for name, records in files.items()}
    members["custom_trees.json"] = b'[{"uid": "abcdefgh12345678", "tree_id": 5}]'
    with pytest.raises(Invalid), rt.db.session() as db:
        data_archive.restore_archive(db, ann, _zip(_minimal(**members)), LIMIT)
    assert _owned_rows(rt, ann.id) == 0


def test_only_the_athlete_exports_their_data(rt, make_user) -> None:
    ann, coach = make_user("ann"), make_user("cora", role="coach")
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, coach, "ann").id)
    with pytest.raises(NotFound), rt.db.session() as db:
        data_archive.export_archive(db, coach, ann.id)
