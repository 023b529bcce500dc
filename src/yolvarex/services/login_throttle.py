"""Failed logins, counted per account and per address in the database so every worker sees them.

A few failures are free (`FREE_PER_ACCOUNT`, `FREE_PER_ADDRESS`); after that each further
attempt must wait twice as long as the one before (1 s, 2 s, 4 s ... at most `MAX_WAIT`), and a
refused attempt costs one indexed read, no password hash. Failures older than `FORGET_AFTER`
are forgotten; a successful login clears its account's count (not its address's, so one good
account cannot launder guesses at others). Unknown user names count like known ones, so the
answers do not tell which names exist.

The counts are written in their own short transaction, never in the caller's.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Engine, case, delete, select, update

from yolvarex.errors import TooManyRequests
from yolvarex.store.models import LoginThrottle
from yolvarex.store.types import utcnow
from yolvarex.store.upsert import upsert

FREE_PER_ACCOUNT = 5
FREE_PER_ADDRESS = 20
MAX_WAIT = dt.timedelta(minutes=15)
FORGET_AFTER = dt.timedelta(hours=1)


def keys(name: str, address: str | None) -> list[tuple[str, int]]:
    """The throttle keys of one attempt, each with its free failures."""
    out = [(f"user:{name.strip().lower()[:100]}", FREE_PER_ACCOUNT)]
    if address:
        out.append((f"addr:{address[:100]}", FREE_PER_ADDRESS))
    return out


def wait_after(failures: int, free: int) -> dt.timedelta:
    """How long to refuse attempts after `failures` failures (none while they are free)."""
    if failures < free:
        return dt.timedelta(0)
    step = min(failures - free, 20)
    return min(dt.timedelta(seconds=2 ** step), MAX_WAIT)


def check(engine: Engine, name: str, address: str | None) -> None:
    """TooManyRequests (with Retry-After seconds) while either key is waiting."""
    now = utcnow()
    with engine.connect() as conn:
        rows = conn.execute(select(LoginThrottle.blocked_until).where(
            LoginThrottle.key.in_([k for k, _ in keys(name, address)]))).all()
    waits = [row.blocked_until for row in rows if row.blocked_until is not None]
    until = max(waits, default=None)
    if until is not None:
        until = until if until.tzinfo else until.replace(tzinfo=dt.UTC)
    if until is not None and until > now:
        seconds = math.ceil((until - now).total_seconds())
        raise TooManyRequests(
            f"Too many failed logins; wait {seconds} seconds and try again.",
            retry_after=seconds,
            details=["Check the user name and password (caps lock?) before the next try."])


def record_failure(engine: Engine, name: str, address: str | None) -> None:
    now = utcnow()
    with engine.begin() as conn:
        for key, free in keys(name, address):
            stmt = upsert(engine.dialect, LoginThrottle).values(
                key=key, failures=1, last_failure_at=now, blocked_until=None)
            stale = LoginThrottle.last_failure_at < now - FORGET_AFTER
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={
                "failures": case((stale, 1), else_=LoginThrottle.failures + 1),
                "last_failure_at": now}))
            failures = conn.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == key))
            wait = wait_after(int(failures or 0), free)
            if wait:
                conn.execute(update(LoginThrottle).where(LoginThrottle.key == key)
                             .values(blocked_until=now + wait))


def record_success(engine: Engine, name: str) -> None:
    key, _ = keys(name, None)[0]
    with engine.begin() as conn:
        conn.execute(delete(LoginThrottle).where(LoginThrottle.key == key))


def forget_old(engine: Engine) -> None:
    """Drop counts nobody has added to for a while (called now and then, at login)."""
    with engine.begin() as conn:
        conn.execute(delete(LoginThrottle).where(
            LoginThrottle.last_failure_at < utcnow() - FORGET_AFTER,
            (LoginThrottle.blocked_until.is_(None)) | (LoginThrottle.blocked_until < utcnow())))
