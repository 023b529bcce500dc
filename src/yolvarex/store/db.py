"""The engine and sessions. SQLite gets WAL, a busy timeout and foreign keys on every connection.

Concurrent writers on SQLite: one writes at a time, the others wait for the write lock up to
`SQLITE_BUSY_TIMEOUT_MS` (too short a wait was how "database is locked" reached people in a
burst). The driver opens a transaction at its first write, so the reads before it hold no lock:
a check followed by a write (the duplicate check of a logged or imported session) could
interleave with the same write from another request, on PostgreSQL too, and store it twice. So
such a check first takes the athlete's lock (`store.locks.hold_athlete`). A write that still
loses (a wait past the timeout, a deadlock) is a 503 "try again" (`db_contended`), never a 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

#: How long a write waits for the writer ahead of it. A burst of 60 writes at once for one
#: runner on a busy 2-core machine queues for several seconds; 5 s was not always enough.
SQLITE_BUSY_TIMEOUT_MS = 20_000


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or reached; the message says where and why."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # what is deleted (a run, its kept file, an account) is overwritten on disk, not only
    # unlinked from the tree: a deleted account's data cannot be read back from the file
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def db_contended(exc: OperationalError) -> bool:
    """Whether the error is writers getting in each other's way (worth a retry), not a fault:
    SQLite's busy timeout passed, or PostgreSQL found a deadlock or a serialization conflict."""
    text = str(exc.orig or exc).lower()
    return any(sign in text for sign in ("database is locked", "database table is locked",
                                         "deadlock detected", "could not serialize"))


def write_back(engine: Engine) -> None:
    """SQLite: move everything committed from the write-ahead log into the database file and
    empty the log, so pages a deletion overwrote leave no older copy in the log (no-op on
    PostgreSQL, whose VACUUM reclaims deleted rows)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(
            f"YOLVAREX_DATABASE_URL is not a database URL ({exc}); use for example "
            "postgresql://user:password@host/dbname") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"cannot create the data directory {folder}: {exc.strerror}; set "
                    "YOLVAREX_DATA_DIR to a folder you can write to") from None
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(
                f"cannot open the database at {describe_url(self.url)}: {exc.__cause__ or exc}"
            ) from None

    def dispose(self) -> None:
        self.engine.dispose()


from yolvarex.store import revisions as _revisions  # noqa: E402  (it needs the models, which need nothing here)

_revisions.install()
