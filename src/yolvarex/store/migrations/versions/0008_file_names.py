"""file names: imported files keep their name, not the folders they were read from

Revision ID: 0008_file_names
Revises: 0007_day_state
Create Date: 2026-11-30 12:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_file_names'
down_revision = '0007_day_state'
branch_labels = None
depends_on = None


def _base_name(name: str) -> str:
    # as `store.models.training.file_name` (a migration keeps its own copy: models change later)
    return name.replace("\\", "/").rsplit("/", 1)[-1][-255:] or "activity"


def _strip_folders(table: str, column: str) -> None:
    bind = op.get_bind()
    rows = sa.table(table, sa.column("id"), sa.column(column))
    found = bind.execute(sa.select(rows.c.id, rows.c[column]).where(rows.c[column].is_not(None)))
    for row_id, name in found.fetchall():
        if "/" in name or "\\" in name:
            bind.execute(sa.update(rows).where(rows.c.id == row_id)
                         .values({column: _base_name(name)}))


def upgrade() -> None:
    _strip_folders("activities", "source_name")
    _strip_folders("activity_files", "name")


def downgrade() -> None:
    pass  # the folders are gone; nothing to put back
