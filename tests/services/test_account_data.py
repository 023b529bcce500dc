"""Deleting an account leaves nothing of the runner in any table."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from yolvarex import clock
from yolvarex.errors import Invalid, Unauthorized
from yolvarex.services import account_data, accounts, coach_notes
from yolvarex.services.demo import load_demo
from yolvarex.services.runtime import library
from yolvarex.store import models
from yolvarex.store.access import Actor
from yolvarex.store.models import Base

OWNER_COLUMNS = ("user_id", "coach_id", "athlete_id", "created_by")


def _rows_of(db, user_id: int) -> dict[str, int]:
    found = {}
    for table in Base.metadata.sorted_tables:
        for column in OWNER_COLUMNS:
            if column in table.c:
                count = db.execute(select(text("count(*)")).select_from(table).where(
                    table.c[column] == user_id)).scalar_one()
                if count:
                    found[f"{table.name}.{column}"] = count
        if table.name == "users":
            count = db.execute(select(text("count(*)")).select_from(table).where(
                table.c.id == user_id)).scalar_one()
            if count:
                found["users"] = count
    return found


def test_deleting_the_demo_runner_leaves_nothing_of_theirs(rt, make_user) -> None:
    coach, other = make_user("cora", role="coach"), make_user("bob")
    with rt.db.session() as db:
        demo = load_demo(db, library(), clock.today("UTC"))
        demo_id = demo.id
        accounts.create_api_token(db, demo)
        accounts.start_web_session(db, demo)
        accounts.accept_coach(db, Actor.of(demo), accounts.invite_athlete(db, coach, "demo").id)
        coach_notes.write(db, coach, demo.id, clock.today("UTC"), "Easy day")
        sets = db.execute(text("select count(*) from strength_sets")).scalar_one()
        assert sets > 0
        before = _rows_of(db, demo_id)
    assert before["activities.user_id"] > 0 and before["coach_links.athlete_id"] == 1
    with rt.db.session() as db:
        removed = account_data.delete_account(db, db.get(models.User, demo_id))
    assert removed["activities"] == before["activities.user_id"] and removed["coach_links"] == 1
    assert before["coach_notes.athlete_id"] == before["coach_invitations.athlete_id"] == 1
    assert removed["coach_notes"] == 1
    with rt.db.session() as db:
        assert _rows_of(db, demo_id) == {}
        assert db.execute(text("select count(*) from strength_sets")).scalar_one() == 0
        assert accounts.user_named(db, "bob").id == other.id  # others untouched
        assert accounts.user_named(db, "cora").id == coach.id


def test_a_coach_deleted_leaves_their_athletes_plans(rt, make_user) -> None:
    ann, coach = make_user("ann"), make_user("cora", role="coach")
    with rt.db.session() as db:
        accounts.accept_coach(db, ann, accounts.invite_athlete(db, coach, "ann").id)
        db.add(models.CustomTree(user_id=coach.id, tree_id="cora-tree", source="id: cora-tree"))
        db.add(models.Plan(user_id=ann.id, profile={}, plan={}, created_by=coach.id))
    with rt.db.session() as db:
        account_data.delete_account(db, db.get(models.User, coach.id))
    with rt.db.session() as db:
        assert _rows_of(db, coach.id) == {}
        plan = db.scalar(select(models.Plan).where(models.Plan.user_id == ann.id))
        assert plan is not None and plan.created_by is None  # the athlete keeps the plan


def test_deleting_needs_the_password(rt, make_user) -> None:
    make_user("ann")
    with rt.db.session() as db:
        user = accounts.user_named(db, "ann")
        with pytest.raises(Unauthorized, match="not your current password"):
            account_data.confirm_password(db, user, "wrong one")
        account_data.confirm_password(db, user, "correct horse")
        cli_only = accounts.create_user(db, "cli", None)
        with pytest.raises(Invalid, match="type its name"):
            account_data.confirm_password(db, cli_only, "")
        account_data.confirm_password(db, cli_only, "cli")
