"""The access scope on both databases: whose rows a scope reaches, and that nobody else's leak.

A stranger and a coach without an active link get NotFound for reading and writing alike; a
coach with an active link reads, and coaches (plans), but never writes the athlete's own log.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func

from yolvarex.domain.checkin import CheckIn
from yolvarex.errors import NotFound
from yolvarex.services import accounts, checkins, gear
from yolvarex.services.runtime import Runtime
from yolvarex.store import models
from yolvarex.store.access import Action, Scope, Squad, Unchecked, reach, scope, squad

pytestmark = pytest.mark.db

DAY = dt.date(2026, 11, 2)


def _people(rt: Runtime, make_user):  # type: ignore[no-untyped-def]
    """ann and bob, each with a check-in and a shoe; kim invited to coach ann (not yet accepted)."""
    ann, bob = make_user("ann"), make_user("bob")
    kim, stranger = make_user("coach-kim", role="coach"), make_user("coach-zed", role="coach")
    with rt.db.session() as db:
        for who, pain in ((ann, 1), (bob, 3)):
            checkins.save_checkin(db, who, CheckIn(date=DAY, pain=pain))
            gear.add_shoe(db, who, gear.ShoeIn(name=f"{who.name}'s pair"))
        invitation = accounts.invite_athlete(db, kim, "ann")
    return ann, bob, kim, stranger, invitation.id


def _every_door(db, actor, athlete_id, row_id):  # type: ignore[no-untyped-def]
    """Each way into another athlete's rows, for reading and for writing."""
    return [
        lambda: scope(db, actor, athlete_id),
        lambda: scope(db, actor, athlete_id, Action.WRITE),
        lambda: scope(db, actor, athlete_id, Action.COACH),
        lambda: reach(db, actor, models.Shoe, row_id),
        lambda: reach(db, actor, models.Shoe, row_id, Action.WRITE),
        lambda: squad(db, actor, [athlete_id]),
        lambda: checkins.get_checkin(db, actor, DAY, athlete_id=athlete_id),
        lambda: checkins.save_checkin(db, actor, CheckIn(date=DAY), athlete_id=athlete_id),
        lambda: gear.shoes(db, actor, athlete_id),
        lambda: gear.retire(db, actor, row_id, DAY),
    ]


def _ann_shoe(db, ann) -> int:  # type: ignore[no-untyped-def]
    return int(db.scalar(scope(db, ann).select(models.Shoe.id)))


def test_a_stranger_gets_not_found_for_reading_and_writing(rt: Runtime, make_user) -> None:
    ann, bob, _kim, stranger, _ = _people(rt, make_user)
    with rt.db.session() as db:
        shoe_id = _ann_shoe(db, ann)
        for who in (bob, stranger):
            for attempt in _every_door(db, who, ann.id, shoe_id):
                with pytest.raises(NotFound):
                    attempt()


def test_a_coach_without_an_active_link_gets_not_found(rt: Runtime, make_user) -> None:
    ann, _bob, kim, _stranger, invitation_id = _people(rt, make_user)
    with rt.db.session() as db:
        shoe_id = _ann_shoe(db, ann)
        for attempt in _every_door(db, kim, ann.id, shoe_id):  # invited, not accepted
            with pytest.raises(NotFound):
                attempt()
        link = accounts.accept_coach(db, ann, invitation_id)
        accounts.revoke_coach(db, ann, link.id)
        for attempt in _every_door(db, kim, ann.id, shoe_id):  # accepted, then revoked
            with pytest.raises(NotFound):
                attempt()


def test_a_linked_coach_reads_and_coaches_but_never_writes(rt: Runtime, make_user) -> None:
    ann, bob, kim, _stranger, invitation_id = _people(rt, make_user)
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, invitation_id)
        shoe_id = _ann_shoe(db, ann)
        reads = scope(db, kim, ann.id)
        assert reads.athlete_id == ann.id and not reads.is_own
        assert checkins.get_checkin(db, kim, DAY, athlete_id=ann.id).pain == 1
        assert reads.get(models.Shoe, shoe_id).name == "ann's pair"
        assert [s.name for s in gear.shoes(db, kim, ann.id)] == ["ann's pair"]
        assert scope(db, kim, ann.id, Action.COACH).athlete_id == ann.id
        with pytest.raises(NotFound):  # reading is no licence to change
            reads.delete(models.CheckIn)
        assert squad(db, kim).athlete_ids == (ann.id,)
        for write in (lambda: scope(db, kim, ann.id, Action.WRITE),
                      lambda: reach(db, kim, models.Shoe, shoe_id, Action.WRITE),
                      lambda: checkins.save_checkin(db, kim, CheckIn(date=DAY), athlete_id=ann.id),
                      lambda: gear.retire(db, kim, shoe_id, DAY)):
            with pytest.raises(NotFound):
                write()
        with pytest.raises(NotFound):  # the link is to ann, not to bob
            scope(db, kim, bob.id)
        with pytest.raises(NotFound):
            squad(db, kim, [ann.id, bob.id])


def test_a_scope_builds_queries_narrowed_to_its_athlete(rt: Runtime, make_user) -> None:
    ann, bob, *_ = _people(rt, make_user)
    with rt.db.session() as db:
        mine: Scope = scope(db, ann)
        assert mine.is_own
        assert [c.data["pain"] for c in db.scalars(mine.select(models.CheckIn))] == [1]
        assert db.scalar(mine.select(func.count(), model=models.Shoe)) == 1
        assert db.scalar(squad(db, ann, [ann.id]).select(func.count(), model=models.CheckIn)) == 1
        bobs_shoe = int(db.scalar(scope(db, bob).select(models.Shoe.id)))
        with pytest.raises(NotFound):  # a row id of someone else's is no row of this scope
            mine.get(models.Shoe, bobs_shoe)
        assert mine.find(models.Shoe, bobs_shoe) is None
        assert mine.find(models.Shoe, None) is None
        db.execute(mine.delete(models.CheckIn))
        assert db.scalar(scope(db, bob).select(func.count(), model=models.CheckIn)) == 1
        with pytest.raises(TypeError):  # a scope only builds queries on owned rows
            mine.select(models.User)


def test_a_scope_or_squad_built_around_the_check_refuses(rt: Runtime, make_user) -> None:
    """Only the checks make a scope: one built by hand (which would reach anyone's rows) raises
    before it can build a query, and a squad narrows to its own athletes but never widens."""
    ann, bob, kim, _stranger, _ = _people(rt, make_user)
    with rt.db.session() as db:
        with pytest.raises(Unchecked):
            Scope(db, ann, bob.id)
        with pytest.raises(Unchecked):
            Squad(db, kim, (ann.id, bob.id))
        mine = squad(db, ann, [ann.id])
        assert mine.among([ann.id]).athlete_ids == (ann.id,)
        with pytest.raises(NotFound):
            mine.among([ann.id, bob.id])


def test_a_new_row_belongs_to_the_scope_athlete(rt: Runtime, make_user) -> None:
    """A new row is made by the scope, for its athlete: a coach who reads an athlete's log adds
    nothing to it, and no caller names another owner."""
    ann, bob, kim, _stranger, invitation_id = _people(rt, make_user)
    later = DAY + dt.timedelta(days=1)
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, invitation_id)
        reads = scope(db, kim, ann.id)
        with pytest.raises(NotFound):
            reads.new(models.Shoe, name="kim's pick")
        with pytest.raises(NotFound):
            reads.upsert(models.CheckIn, date=later, data={})
        plan = scope(db, kim, ann.id, Action.COACH).new(models.Plan, profile={}, plan={},
                                                        created_by=kim.id)
        assert plan.user_id == ann.id  # a coach writes plans for the athlete, owned by them
        mine = scope(db, ann, action=Action.WRITE)
        shoe = mine.new(models.Shoe, name="new pair")
        assert isinstance(shoe, models.Shoe) and shoe.user_id == ann.id
        db.add(shoe)
        data = CheckIn(date=later, pain=2).model_dump(mode="json", exclude_none=True)
        db.execute(mine.upsert(models.CheckIn, date=later, data=data).on_conflict_do_update(
            index_elements=["user_id", "date"], set_={"data": data}))
        db.flush()
        assert sorted(db.scalars(mine.select(models.Shoe.name))) == ["ann's pair", "new pair"]
        assert checkins.get_checkin(db, ann, later).pain == 2
        for smuggle in (lambda: mine.new(models.Shoe, name="bob's now", user_id=bob.id),
                        lambda: mine.upsert(models.CheckIn, user_id=bob.id, date=later, data={})):
            with pytest.raises(TypeError):
                smuggle()
        theirs = scope(db, bob)
        assert list(db.scalars(theirs.select(models.Shoe.name))) == ["bob's pair"]
        assert db.scalar(theirs.select(func.count(), model=models.CheckIn)) == 1
