"""Alembic migrations, run on start and by `yolvarex db upgrade`."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from yolvarex import logs
from yolvarex.store.db import Database, DatabaseUnavailable, describe_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*(?:['\"]([^'\"]+)['\"]|None)\s*$",
                       re.MULTILINE)


@cache
def _file_heads() -> frozenset[str]:
    """The head revisions, read from the migration files' `revision` and `down_revision` lines
    without loading Alembic; empty when a file cannot be read that simply (Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((key, value) for key, value in _REVISION.findall(path.read_text("utf-8")))
        if "revision" not in found or "down_revision" not in found:
            return frozenset()
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    return frozenset(revisions - parents)


def at_head(db: Database) -> bool:
    """Whether the database is already at the newest revision (one small query; Alembic and
    its imports are only needed when there is something to do)."""
    heads = _file_heads()
    if len(heads) != 1:
        return False
    try:
        with db.engine.connect() as conn:
            current = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except SQLAlchemyError:
        return False
    return current == heads


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    config.attributes["engine"] = db.engine
    return config


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    if at_head(db):
        return
    from alembic import command

    try:
        before = current_revision(db)
        command.upgrade(alembic_config(db), "head")
        after = current_revision(db)
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(
            f"cannot migrate the database at {describe_url(db.url)}: {exc.__cause__ or exc}"
        ) from None
    if after != before:
        logs.event("migrated", database=describe_url(db.url), from_revision=before,
                   to_revision=after)


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def check(db: Database) -> None:
    """Raise when the models and the migrations disagree (alembic's autogenerate check)."""
    from alembic import command

    command.check(alembic_config(db))
