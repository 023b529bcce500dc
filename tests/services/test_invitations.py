"""Invitations by name and by code, their answers, and the links either side ends."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex import clock
from yolvarex.errors import Conflict, Invalid, NotFound, TooManyRequests
from yolvarex.services import invitations
from yolvarex.store.access import Action, allowed
from yolvarex.store.models import CoachInvitation


def test_an_invitation_by_name_looks_the_same_whether_or_not_the_name_exists(rt, make_user) -> None:
    kim = make_user("kim", role="coach")
    make_user("ann")
    with rt.db.session() as db:
        real = invitations.invite_by_name(db, kim, "Ann ")
        ghost = invitations.invite_by_name(db, kim, "ghost")
        assert (real.invitee_name, ghost.invitee_name) == ("ann", "ghost")
        assert real.status == ghost.status == "pending" and real.expires_at == ghost.expires_at
        assert {i.invitee_name for i in invitations.sent_by(db, kim)} == {"ann", "ghost"}
        # the message never depends on the name existing, nor mentions the CLI
        assert "yolvarex" not in invitations.sent_message("ghost")
        # inviting again returns the open invitation instead of a second one
        assert invitations.invite_by_name(db, kim, "ann").id == real.id


def test_the_athlete_sees_accepts_and_either_side_ends(rt, make_user) -> None:
    kim, ann, bob = make_user("kim", role="coach"), make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        invitation = invitations.invite_by_name(db, kim, "ann")
        assert [(i.id, c.name) for i, c in invitations.open_for(db, ann)] == [(invitation.id, "kim")]
        assert invitations.open_for(db, bob) == []
        with pytest.raises(NotFound):
            invitations.accept(db, bob, invitation.id)  # not bob's
        assert not allowed(db, kim, ann.id)
        link = invitations.accept(db, ann, invitation.id)
        assert allowed(db, kim, ann.id, Action.COACH) and invitations.open_for(db, ann) == []
        with pytest.raises(Conflict):
            invitations.accept(db, ann, invitation.id)  # used
        with pytest.raises(NotFound):
            invitations.end_link(db, bob, link.id)
        invitations.end_link(db, kim, link.id)  # the coach ends it
        assert not allowed(db, kim, ann.id)
        again = invitations.invite_by_name(db, kim, "ann")  # after the coach ended: may ask again
        link = invitations.accept(db, ann, again.id)
        invitations.end_link(db, ann, link.id)  # the athlete ends it
        assert not allowed(db, kim, ann.id)


def test_a_declined_invitation_is_not_sent_again_and_the_coach_can_cancel(rt, make_user) -> None:
    kim, ann = make_user("kim", role="coach"), make_user("ann")
    with rt.db.session() as db:
        invitation = invitations.invite_by_name(db, kim, "ann")
        invitations.decline(db, ann, invitation.id)
        with pytest.raises(Conflict, match="declined"):
            invitations.invite_by_name(db, kim, "ann")
        assert invitations.open_for(db, ann) == []
        other = invitations.invite_by_name(db, kim, "bob")
        with pytest.raises(NotFound):
            invitations.cancel(db, ann, other.id)  # only the coach who sent it
        invitations.cancel(db, kim, other.id)
        with pytest.raises(Conflict):
            invitations.cancel(db, kim, other.id)
        assert [i.invitee_name for i in invitations.sent_by(db, kim)] == ["ann"]  # the declined one


def test_a_code_works_once_and_expires(rt, make_user) -> None:
    kim, ann, bob = make_user("kim", role="coach"), make_user("ann"), make_user("bob")
    with rt.db.session() as db:
        new = invitations.new_code(db, kim)
        stored = db.get(CoachInvitation, new.invitation.id)
        assert stored is not None and stored.code_hash and new.code not in stored.code_hash
        with pytest.raises(Invalid):
            invitations.by_code(db, kim, new.code)  # your own code
        # typed in lower case and without dashes it is the same code
        link = invitations.accept_code(db, ann, new.code.lower().replace("-", ""))
        assert link.status == "active" and allowed(db, kim, ann.id)
        with pytest.raises(NotFound):
            invitations.accept_code(db, bob, new.code)  # single use
        late = invitations.new_code(db, kim)
    later = clock.now() + dt.timedelta(hours=invitations.CODE_HOURS, seconds=1)
    with clock.frozen(later), rt.db.session() as db, pytest.raises(NotFound, match="expired"):
        invitations.accept_code(db, bob, late.code)
    with rt.db.session() as db, pytest.raises(NotFound):
        invitations.accept_code(db, bob, "ABCD-EFGH-JKMN")


def test_invitations_are_throttled_per_coach_from_the_stored_rows(rt, make_user) -> None:
    kim, lee = make_user("kim", role="coach"), make_user("lee", role="coach")
    with rt.db.session() as db:
        for n in range(invitations.PER_DAY):
            invitations.invite_by_name(db, kim, f"runner-{n}")
        with pytest.raises(TooManyRequests) as refused:
            invitations.invite_by_name(db, kim, "one-more")
        assert 0 < refused.value.retry_after <= 86400
        with pytest.raises(TooManyRequests):
            invitations.new_code(db, kim)
        invitations.invite_by_name(db, lee, "one-more")  # another coach is not held back
    with clock.frozen(clock.now() + dt.timedelta(days=1, minutes=1)), rt.db.session() as db:
        invitations.invite_by_name(db, kim, "one-more")


def test_only_coaches_invite_and_nobody_coaches_themselves(rt, make_user) -> None:
    kim, ann = make_user("kim", role="coach"), make_user("ann")
    with rt.db.session() as db:
        with pytest.raises(Invalid):
            invitations.invite_by_name(db, ann, "kim")
        with pytest.raises(Invalid):
            invitations.invite_by_name(db, kim, "kim")
        with pytest.raises(Invalid):
            invitations.invite_by_name(db, kim, "no spaces allowed")


def test_an_expired_invitation_by_name_is_no_longer_shown_or_accepted(rt, make_user) -> None:
    kim, ann = make_user("kim", role="coach"), make_user("ann")
    with rt.db.session() as db:
        invitation_id = invitations.invite_by_name(db, kim, "ann").id
    with clock.frozen(clock.now() + dt.timedelta(days=invitations.NAME_DAYS, minutes=1)), \
            rt.db.session() as db:
        assert invitations.open_for(db, ann) == []
        with pytest.raises(Conflict):
            invitations.accept(db, ann, invitation_id)
