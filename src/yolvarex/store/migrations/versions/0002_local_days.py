"""local days: a time zone per athlete, the local day of each activity and routine

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 04:00:00

Instants stay as they are; each activity's and routine completion's day is recomputed in its
athlete's zone (the server's zone for everyone who had none, which is where their days were
being cut before, apart from the UTC cut that this fixes).
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

from yolvarex import clock

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_users = sa.table('users', sa.column('id', sa.Integer), sa.column('timezone', sa.String))


def _fill_days(table: str, stamp: str, zones: dict[int, str], with_offset: bool) -> None:
    conn = op.get_bind()
    rows = sa.table(table, sa.column('id', sa.Integer), sa.column('user_id', sa.Integer),
                    sa.column(stamp, sa.DateTime(timezone=True)), sa.column('day', sa.Date),
                    *([sa.column('utc_offset_min', sa.Integer)] if with_offset else []))
    for row_id, user_id, when in conn.execute(sa.select(rows.c.id, rows.c.user_id, rows.c[stamp])).all():
        if when.tzinfo is None:  # SQLite keeps naive UTC
            when = when.replace(tzinfo=dt.UTC)
        local = when.astimezone(clock.zone(zones.get(user_id, 'UTC')))
        values = {'day': local.date()}
        if with_offset:
            offset = local.utcoffset()
            values['utc_offset_min'] = int(offset.total_seconds() // 60) if offset is not None else 0
        conn.execute(rows.update().where(rows.c.id == row_id).values(**values))


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild): everyone who had no zone gets the server's.
    op.add_column('users', sa.Column('timezone', sa.String(length=64), nullable=False,
                                     server_default=clock.server_zone()))

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('utc_offset_min', sa.Integer(), nullable=True))
    with op.batch_alter_table('routine_completions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day', sa.Date(), nullable=True))

    zones = dict(op.get_bind().execute(sa.select(_users.c.id, _users.c.timezone)).all())
    _fill_days('activities', 'start', zones, with_offset=True)
    _fill_days('routine_completions', 'completed_at', zones, with_offset=False)

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.alter_column('day', existing_type=sa.Date(), nullable=False)
        batch_op.create_index('ix_activities_user_day', ['user_id', 'day'], unique=False)
    with op.batch_alter_table('routine_completions', schema=None) as batch_op:
        batch_op.alter_column('day', existing_type=sa.Date(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('routine_completions', schema=None) as batch_op:
        batch_op.drop_column('day')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_user_day')
        batch_op.drop_column('utc_offset_min')
        batch_op.drop_column('day')
    op.drop_column('users', 'timezone')
