"""Alembic migrations, run on start and by `yolvarex db upgrade`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from yolvarex import logs
from yolvarex.store.db import Database, DatabaseUnavailable, describe_url

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    config.attributes["engine"] = db.engine
    return config


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
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
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def check(db: Database) -> None:
    """Raise when the models and the migrations disagree (alembic's autogenerate check)."""
    command.check(alembic_config(db))
