"""A burst that keeps every pooled database connection busy past the pool's wait gets 503 with
Retry-After (nothing was done; try again), never a 500."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from tests.conftest import api_token


def test_no_free_connection_is_a_503_to_retry(rt, client, make_user) -> None:
    make_user("ann")
    headers = api_token(rt, "ann")
    assert client.get("/api/v1/load", headers=headers).status_code == 200
    rt.db.engine.dispose()
    rt.db.engine = create_engine(rt.settings.database_url, poolclass=QueuePool, pool_size=1,
                                 max_overflow=0, pool_timeout=0.2)
    rt.db._sessions = sessionmaker(rt.db.engine, expire_on_commit=False)
    held = rt.db.engine.connect()  # the pool's one connection, busy elsewhere
    try:
        answer = client.get("/api/v1/load", headers=headers)
    finally:
        held.close()
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "2"
    assert "Try again" in answer.json()["error"]
    assert client.get("/api/v1/load", headers=headers).status_code == 200
    rt.db.engine.dispose()
