from __future__ import annotations

import pytest

from yolvarex.errors import Conflict, Invalid, Unauthorized
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime
from yolvarex.store.models import User


def test_passwords_are_argon2_hashes(rt: Runtime, make_user) -> None:
    make_user("ann", "correct horse")
    with rt.db.session() as db:
        stored = db.query(User).one().password_hash
        assert stored.startswith("$argon2id$") and "correct horse" not in stored
        assert accounts.authenticate(db, "ANN", "correct horse").name == "ann"
        with pytest.raises(Unauthorized, match="do not match"):
            accounts.authenticate(db, "ann", "wrong horse")
        with pytest.raises(Unauthorized, match="do not match"):
            accounts.authenticate(db, "nobody", "correct horse")


@pytest.mark.parametrize("name", ["a", "has space", "UPPER!", "-dash", "x" * 41])
def test_bad_user_names(rt: Runtime, name: str) -> None:
    with rt.db.session() as db, pytest.raises(Invalid):
        accounts.create_user(db, name, "correct horse")


def test_duplicate_name_short_password_and_bad_role(rt: Runtime, make_user) -> None:
    make_user("ann")
    with rt.db.session() as db:
        with pytest.raises(Conflict):
            accounts.create_user(db, "Ann", "correct horse")
        with pytest.raises(Invalid, match="at least 8"):
            accounts.create_user(db, "bob", "short")
        with pytest.raises(Invalid, match="Role"):
            accounts.create_user(db, "bob", "correct horse", role="admin")


def test_api_tokens_are_stored_hashed_and_revocable(rt: Runtime, make_user) -> None:
    ann = make_user("ann")
    with rt.db.session() as db:
        token, row = accounts.create_api_token(db, db.get(User, ann.id), "script")
        assert token.startswith("yvx_") and row.token_hash != token and len(row.token_hash) == 64
        assert accounts.user_for_token(db, token).id == ann.id
        accounts.revoke_api_token(db, ann, row.id)
        with pytest.raises(Unauthorized, match="revoked"):
            accounts.user_for_token(db, token)


def test_a_login_never_holds_a_connection_while_taking_another(rt: Runtime, make_user,
                                                               monkeypatch) -> None:
    """The throttle writes on connections of their own: when a login records its success, the
    login's session holds none, so as many logins at once as pooled connections cannot all
    wait for a second one (the pool would time out: 503)."""
    from yolvarex.services import login_throttle

    make_user("ann", password="correct horse battery")
    pool = rt.db.engine.pool
    held: list[int] = []
    real = login_throttle.record_success

    def recording(engine, name):  # type: ignore[no-untyped-def]
        held.append(pool.checkedout())
        return real(engine, name)

    monkeypatch.setattr(login_throttle, "record_success", recording)
    with rt.db.session() as db:
        assert accounts.authenticate(db, "ann", "correct horse battery").name == "ann"
    assert held == [0]
