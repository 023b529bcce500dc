"""runs: shoes, kept original files, laps and the stored run analysis

Revision ID: 0006_runs
Revises: 0005_coach
Create Date: 2026-11-30 06:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import yolvarex.store.types

revision = '0006_runs'
down_revision = '0005_coach'
branch_labels = None
depends_on = None


def _json() -> sa.JSON:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('shoes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('start_m', sa.Float(), nullable=False),
    sa.Column('retire_at_m', sa.Float(), nullable=True),
    sa.Column('default_for', sa.String(length=20), nullable=True),
    sa.Column('retired_on', sa.Date(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_shoes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shoes'))
    )
    with op.batch_alter_table('shoes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shoes_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shoes_uid'), ['uid'], unique=False)

    op.create_table('activity_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_files_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_activity_files_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_files')),
    sa.UniqueConstraint('activity_id', name=op.f('uq_activity_files_activity_id'))
    )
    with op.batch_alter_table('activity_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_files_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_files_uid'), ['uid'], unique=False)

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shoe_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('laps', _json(), nullable=True))
        batch_op.add_column(sa.Column('analysis', _json(), nullable=True))
        batch_op.add_column(sa.Column('efforts', _json(), nullable=True))
        batch_op.create_index(batch_op.f('ix_activities_shoe_id'), ['shoe_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_activities_shoe_id_shoes'), 'shoes', ['shoe_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activities_shoe_id_shoes'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_activities_shoe_id'))
        batch_op.drop_column('efforts')
        batch_op.drop_column('analysis')
        batch_op.drop_column('laps')
        batch_op.drop_column('shoe_id')

    with op.batch_alter_table('activity_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_files_uid'))
        batch_op.drop_index(batch_op.f('ix_activity_files_user_id'))
    op.drop_table('activity_files')
    with op.batch_alter_table('shoes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shoes_uid'))
        batch_op.drop_index(batch_op.f('ix_shoes_user_id'))
    op.drop_table('shoes')
