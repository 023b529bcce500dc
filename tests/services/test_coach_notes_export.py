"""Coach notes travel with the data export: the athlete's archive holds the notes written for
them (coach and day), the coach's archive the notes they wrote; deleting either account removes
exactly the notes its export listed, and a restore reads past them."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from yolvarex import clock
from yolvarex.services import account_data, accounts, coach_notes, data_archive, invitations
from yolvarex.store import models
from yolvarex.store.access import Actor

LIMIT = 50 * 1024 * 1024


def _notes_in(data: bytes) -> tuple[list[dict[str, str]], int]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        return json.loads(archive.read("coach_notes.json")), manifest["counts"]["coach_notes.json"]


def _two_coaches_one_athlete(rt, make_user):  # type: ignore[no-untyped-def]
    kim, lou, ann, bob = (make_user("kim", role="coach"), make_user("lou", role="coach"),
                          make_user("ann"), make_user("bob"))
    today = clock.today("UTC")
    with rt.db.session() as db:
        for coach, athlete in ((kim, ann), (lou, ann), (kim, bob)):
            invitations.accept(db, athlete, invitations.invite_by_name(db, coach, athlete.name).id)
        coach_notes.write(db, kim, ann.id, today, "Easy and chatty")
        coach_notes.write(db, kim, ann.id, today + dt.timedelta(days=2), "Hills, 6 x 1 min")
        coach_notes.write(db, lou, ann.id, today, "Mobility after the run")
        coach_notes.write(db, kim, bob.id, today, "Rest, you earned it")
    return kim, lou, ann, bob, today


def test_the_athletes_export_holds_the_notes_written_for_them(rt, make_user) -> None:
    _, _, ann, _, today = _two_coaches_one_athlete(rt, make_user)
    with rt.db.session() as db:
        data = data_archive.export_archive(db, ann)
    notes, counted = _notes_in(data)
    assert counted == 3
    assert [(n["date"], n["coach"], n["athlete"], n["text"]) for n in notes] == [
        (today.isoformat(), "kim", "ann", "Easy and chatty"),
        (today.isoformat(), "lou", "ann", "Mobility after the run"),
        ((today + dt.timedelta(days=2)).isoformat(), "kim", "ann", "Hills, 6 x 1 min")]
    assert "Rest, you earned it" not in json.dumps(notes)  # bob's note is bob's


def test_the_coachs_export_holds_the_notes_they_wrote(rt, make_user) -> None:
    kim, lou, *_ = _two_coaches_one_athlete(rt, make_user)
    with rt.db.session() as db:
        notes, counted = _notes_in(data_archive.export_archive(db, kim))
        lou_notes, _ = _notes_in(data_archive.export_archive(db, lou))
    assert counted == 3 and {n["athlete"] for n in notes} == {"ann", "bob"}
    assert {n["coach"] for n in notes} == {"kim"}
    assert [n["text"] for n in lou_notes] == ["Mobility after the run"]


def test_deleting_an_account_removes_exactly_the_notes_its_export_listed(rt, make_user) -> None:
    kim, _, ann, _, _ = _two_coaches_one_athlete(rt, make_user)
    for who in (ann, kim):
        with rt.db.session() as db:
            _, counted = _notes_in(data_archive.export_archive(db, who))
            removed = account_data.delete_account(db, db.get(models.User, who.id))
        assert removed["coach_notes"] == counted
    with rt.db.session() as db:  # only lou's note was ann's (gone), and kim's to bob went with kim
        assert db.query(models.CoachNote).count() == 0


def test_an_export_with_notes_restores_and_leaves_the_notes_out(rt, make_user) -> None:
    _, _, ann, _, _ = _two_coaches_one_athlete(rt, make_user)
    with rt.db.session() as db:
        data = data_archive.export_archive(db, ann)
        fresh = Actor.of(accounts.create_user(db, "ann2", None))
    with rt.db.session() as db:
        data_archive.restore_archive(db, fresh, data, LIMIT)
    with rt.db.session() as db:
        assert db.query(models.CoachNote).filter_by(athlete_id=fresh.id).count() == 0
