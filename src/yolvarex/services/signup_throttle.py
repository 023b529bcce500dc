"""Sign-ups, counted per address in the database so every worker sees them.

User names are unique, so sign-up has to say when a name is taken; that answer is what could
be used to list the names that exist. It is bounded instead of hidden: an address gets
`TAKEN_PER_HOUR` "taken" answers an hour and `PER_HOUR` sign-up attempts of any kind, then
waits (429 with Retry-After). The invite form and the login page say nothing about names.
Counts live in the `login_throttle` table under `signup:` keys, each in a window of
`WINDOW` that starts with its first attempt, written in their own short transaction.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Engine, case, select

from yolvarex.errors import TooManyRequests
from yolvarex.store.models import LoginThrottle
from yolvarex.store.types import utcnow
from yolvarex.store.upsert import upsert

PER_HOUR = 100
TAKEN_PER_HOUR = 10
WINDOW = dt.timedelta(hours=1)


def _keys(address: str | None) -> tuple[str, str] | None:
    if not address:
        return None
    return f"signup:{address[:100]}", f"signup-taken:{address[:100]}"


def _refuse(started: dt.datetime) -> TooManyRequests:
    started = started if started.tzinfo else started.replace(tzinfo=dt.UTC)
    seconds = max(1, math.ceil((started + WINDOW - utcnow()).total_seconds()))
    return TooManyRequests(f"Too many sign-ups from your address; try again in "
                           f"{math.ceil(seconds / 60)} minutes.", retry_after=seconds)


def check(engine: Engine, address: str | None) -> None:
    """TooManyRequests while the address has used up either count."""
    keys = _keys(address)
    if keys is None:
        return
    with engine.connect() as conn:
        rows = conn.execute(select(LoginThrottle.key, LoginThrottle.failures,
                                   LoginThrottle.last_failure_at)
                            .where(LoginThrottle.key.in_(keys))).all()
    for key, count, started in rows:
        started = started if started.tzinfo else started.replace(tzinfo=dt.UTC)
        limit = PER_HOUR if key == keys[0] else TAKEN_PER_HOUR
        if started > utcnow() - WINDOW and count >= limit:
            raise _refuse(started)


def record(engine: Engine, address: str | None, taken: bool = False) -> None:
    """Count one sign-up attempt from the address (and one "taken" answer if it was one)."""
    keys = _keys(address)
    if keys is None:
        return
    now = utcnow()
    with engine.begin() as conn:
        for key in keys if taken else keys[:1]:
            stale = LoginThrottle.last_failure_at <= now - WINDOW
            stmt = upsert(engine.dialect, LoginThrottle).values(
                key=key, failures=1, last_failure_at=now, blocked_until=None)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={
                "failures": case((stale, 1), else_=LoginThrottle.failures + 1),
                "last_failure_at": case((stale, now), else_=LoginThrottle.last_failure_at)}))
