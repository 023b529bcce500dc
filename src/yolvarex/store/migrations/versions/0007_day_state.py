"""day state: what is already known about an athlete's day, and the revision of its inputs

Revision ID: 0007_day_state
Revises: 0006_runs
Create Date: 2026-11-30 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import yolvarex.store.types

revision = '0007_day_state'
down_revision = '0006_runs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('advice_revision', sa.Integer(), server_default='0',
                                      nullable=False))
    op.create_table('day_states',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('part', sa.String(length=80), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('build', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('computed_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_day_states_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'day', 'part', name=op.f('pk_day_states'))
    )


def downgrade() -> None:
    op.drop_table('day_states')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('advice_revision')
