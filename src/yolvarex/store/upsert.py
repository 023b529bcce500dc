"""An insert that updates the row it collides with (`INSERT ... ON CONFLICT DO UPDATE`), in the
dialect of the database at hand: one statement, so two writers of a new key at once both
succeed, on SQLite and PostgreSQL. The PostgreSQL dialect is imported only when it is used."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Dialect
    from sqlalchemy.dialects import postgresql, sqlite


def upsert(dialect: Dialect, table: Any) -> sqlite.Insert | postgresql.Insert:
    """`insert(table)` of the dialect, with `on_conflict_do_update` and `excluded`."""
    if dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
