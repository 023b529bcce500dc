"""stable ids and the calendar feed: every athlete-owned row gets a uid that an export carries
and a restore keeps; a user may have a private calendar subscription token (stored hashed)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 04:10:00
"""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OWNED = ('activities', 'checkins', 'custom_trees', 'form_assessments', 'performance_tests',
         'plans', 'routine_completions', 'strength_sessions')


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_token_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_users_calendar_token_hash'),
                                          ['calendar_token_hash'])
    conn = op.get_bind()
    for table in OWNED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('uid', sa.String(length=32), nullable=True))
        rows = sa.table(table, sa.column('id', sa.Integer), sa.column('uid', sa.String))
        for (row_id,) in conn.execute(sa.select(rows.c.id)).all():
            conn.execute(rows.update().where(rows.c.id == row_id).values(uid=uuid.uuid4().hex))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('uid', existing_type=sa.String(length=32), nullable=False)
            batch_op.create_index(batch_op.f(f'ix_{table}_uid'), ['uid'], unique=False)


def downgrade() -> None:
    for table in OWNED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_uid'))
            batch_op.drop_column('uid')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_calendar_token_hash'), type_='unique')
        batch_op.drop_column('calendar_token_hash')
