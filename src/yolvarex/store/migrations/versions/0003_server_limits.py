"""server limits: login throttle

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-30 03:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import yolvarex.store.types

revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('blocked_until', yolvarex.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )


def downgrade() -> None:
    op.drop_table('login_throttle')
