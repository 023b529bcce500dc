"""A coach's note for an athlete's day: written only while coaching, seen on that day only."""

from __future__ import annotations

import datetime as dt

import pytest

from yolvarex import clock
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import accounts, coach_notes, days, invitations


def _coached(rt, make_user, zone: str = "UTC"):  # type: ignore[no-untyped-def]
    kim = make_user("kim", role="coach")
    with rt.db.session() as db:
        ann_user = accounts.create_user(db, "ann", None, timezone=zone)
        from yolvarex.store.access import Actor

        ann = Actor.of(ann_user)
        link = invitations.accept(db, ann, invitations.invite_by_name(db, kim, "ann").id)
        return kim, ann, link.id


def test_the_note_shows_on_its_day_in_the_athletes_zone(rt, make_user) -> None:
    with clock.frozen(dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)):
        _the_note_on_its_day(rt, make_user)


def _the_note_on_its_day(rt, make_user) -> None:  # type: ignore[no-untyped-def]
    # 12:00 UTC on Monday 30 November is already Tuesday 1 December in Auckland
    kim, ann, _ = _coached(rt, make_user, "Pacific/Auckland")
    with rt.db.session() as db:
        athlete_today = days.today_for(db, ann.id)
        assert athlete_today == dt.date(2026, 12, 1)
        coach_notes.write(db, kim, ann.id, athlete_today, "Easy today\x07, keep it chatty.\n")
        coach_notes.write(db, kim, ann.id, athlete_today + dt.timedelta(days=1), "Hills tomorrow")
        seen = coach_notes.for_day(db, ann, ann.id, athlete_today)
        assert [(n.coach, n.text) for n in seen] == [("kim", "Easy today, keep it chatty.")]
        assert coach_notes.for_day(db, ann, ann.id, clock.today("UTC")) == []  # not on Monday
    later = clock.now() + dt.timedelta(days=1)
    with clock.frozen(later), rt.db.session() as db:
        assert [n.text for n in coach_notes.for_day(db, ann, ann.id, days.today_for(db, ann.id))] \
            == ["Hills tomorrow"]


def test_only_the_coaching_coach_writes_and_an_ended_link_hides_the_notes(rt, make_user) -> None:
    kim, ann, link_id = _coached(rt, make_user)
    lee, bob = make_user("lee", role="coach"), make_user("bob")
    day = clock.today("UTC")
    with rt.db.session() as db:
        with pytest.raises(NotFound):
            coach_notes.write(db, lee, ann.id, day, "not my athlete")
        with pytest.raises(Invalid):
            coach_notes.write(db, bob, ann.id, day, "athletes do not write notes")
        with pytest.raises(NotFound):
            coach_notes.for_day(db, bob, ann.id, day)
        with pytest.raises(Invalid):
            coach_notes.write(db, kim, ann.id, day, "x" * (coach_notes.MAX_CHARS + 1))
        coach_notes.write(db, kim, ann.id, day, "Rest well")
        assert len(coach_notes.for_day(db, ann, ann.id, day)) == 1
        invitations.end_link(db, ann, link_id)
        assert coach_notes.for_day(db, ann, ann.id, day) == []
        with pytest.raises(NotFound):
            coach_notes.write(db, kim, ann.id, day, "after the end")


def test_an_empty_note_removes_it(rt, make_user) -> None:
    kim, ann, _ = _coached(rt, make_user)
    day = clock.today("UTC")
    with rt.db.session() as db:
        coach_notes.write(db, kim, ann.id, day, "first")
        assert coach_notes.write(db, kim, ann.id, day, "second") is not None
        assert [n.text for n in coach_notes.for_day(db, ann, ann.id, day)] == ["second"]
        assert coach_notes.write(db, kim, ann.id, day, "   ") is None
        assert coach_notes.for_day(db, ann, ann.id, day) == []
