"""Every write to what an athlete's advice is computed from moves their advice revision, in the
same transaction; other athletes' stay where they were (`store.revisions`)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, insert, or_, select, update

from yolvarex.store import models, revisions
from yolvarex.store.models import Base

DAY = dt.date(2026, 11, 30)


def _revisions(rt) -> dict[int, int]:
    with rt.db.session() as db:
        return dict(db.execute(select(models.User.id, models.User.advice_revision)).all())


def _moved(before: dict[int, int], after: dict[int, int]) -> set[int]:
    return {user for user, value in after.items() if value != before.get(user)}


@pytest.fixture
def people(rt, make_user):
    ann, bob, kim = make_user("ann"), make_user("bob"), make_user("kim", role="coach")
    with rt.db.session() as db:
        db.add(models.CoachLink(coach_id=kim.id, athlete_id=ann.id, status="active"))
    return ann, bob, kim


def test_every_table_is_either_watched_with_a_known_owner_or_named_as_not_advice() -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in revisions.NOT_ADVICE:
            continue
        owner = {"user_id", "athlete_id"} & set(table.c.keys())
        assert owner or table.name in ("users", "strength_sets"), (
            f"{table.name}: say in store/revisions.py whose advice a write to it changes")
    assert {t.name for t in revisions.watched_tables()} >= {
        "users", "checkins", "activities", "strength_sessions", "strength_sets", "plans",
        "performance_tests", "routine_completions", "form_assessments", "custom_trees", "shoes",
        "coach_links", "coach_notes"}


def test_a_row_written_moves_its_athletes_revision_only(rt, people) -> None:
    ann, _, _ = people
    before = _revisions(rt)
    with rt.db.session() as db:
        db.add(models.CheckIn(user_id=ann.id, date=DAY, data={"date": DAY.isoformat()}))
    assert _moved(before, _revisions(rt)) == {ann.id}


def test_a_change_and_a_delete_move_it_too(rt, people) -> None:
    ann, _, _ = people
    with rt.db.session() as db:
        row = models.Shoe(user_id=ann.id, name="Trail")
        db.add(row)
    before = _revisions(rt)
    with rt.db.session() as db:
        db.get(models.Shoe, row.id).name = "Road"
    middle = _revisions(rt)
    assert _moved(before, middle) == {ann.id}
    with rt.db.session() as db:
        db.delete(db.get(models.Shoe, row.id))
    assert _moved(middle, _revisions(rt)) == {ann.id}


def test_a_strength_set_moves_its_sessions_athlete(rt, people) -> None:
    ann, _, _ = people
    with rt.db.session() as db:
        session = models.StrengthSession(user_id=ann.id, date=DAY)
        db.add(session)
    before = _revisions(rt)
    with rt.db.session() as db:  # only the session's id is known to the new set
        db.add(models.StrengthSet(session_id=session.id, position=0, exercise="split-squat"))
    assert _moved(before, _revisions(rt)) == {ann.id}


def test_a_coachs_tree_and_row_move_their_athletes(rt, people) -> None:
    ann, _, kim = people
    before = _revisions(rt)
    with rt.db.session() as db:
        db.add(models.CustomTree(user_id=kim.id, tree_id="t", source="id: t"))
    middle = _revisions(rt)
    assert _moved(before, middle) == {ann.id, kim.id}
    with rt.db.session() as db:
        db.get(models.User, kim.id).name = "kimberly"  # the coach's name is in their trees' ids
    assert _moved(middle, _revisions(rt)) == {ann.id, kim.id}


def test_logins_and_tokens_move_nothing(rt, people) -> None:
    ann, _, _ = people
    before = _revisions(rt)
    with rt.db.session() as db:
        db.add(models.WebSession(user_id=ann.id, token_hash="x" * 64, csrf_token="c",
                                 expires_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC)))
        db.add(models.ApiToken(user_id=ann.id, token_hash="y" * 64))
    assert _moved(before, _revisions(rt)) == set()


def test_bulk_statements_move_the_athletes_they_name(rt, people) -> None:
    ann, bob, kim = people
    before = _revisions(rt)
    with rt.db.session() as db:
        db.execute(insert(models.CheckIn).values(user_id=bob.id, date=DAY, data={}, uid="u1"))
    step1 = _revisions(rt)
    assert _moved(before, step1) == {bob.id}
    with rt.db.session() as db:
        db.execute(update(models.CheckIn).where(models.CheckIn.user_id == bob.id,
                                                models.CheckIn.date == DAY).values(data={"a": 1}))
    step2 = _revisions(rt)
    assert _moved(step1, step2) == {bob.id}
    with rt.db.session() as db:
        db.execute(delete(models.CheckIn).where(models.CheckIn.user_id.in_([ann.id, bob.id])))
    step3 = _revisions(rt)
    assert _moved(step2, step3) == {ann.id, bob.id}
    with rt.db.session() as db:
        db.execute(delete(models.CustomTree).where(models.CustomTree.user_id == kim.id))
    step4 = _revisions(rt)
    assert _moved(step3, step4) == {kim.id, ann.id}  # a coach's trees decide for their athletes


def test_a_bulk_statement_whose_athletes_cannot_be_read_moves_everyone(rt, people) -> None:
    ann, bob, kim = people
    before = _revisions(rt)
    with rt.db.session() as db:
        db.execute(delete(models.CoachNote).where(or_(models.CoachNote.coach_id == kim.id,
                                                      models.CoachNote.athlete_id == ann.id)))
    assert _moved(before, _revisions(rt)) == {ann.id, bob.id, kim.id}


def test_a_write_rolled_back_moves_nothing(rt, people) -> None:
    ann, _, _ = people
    before = _revisions(rt)
    with pytest.raises(RuntimeError), rt.db.session() as db:
        db.add(models.CheckIn(user_id=ann.id, date=DAY, data={}))
        db.flush()
        raise RuntimeError
    assert _revisions(rt) == before
