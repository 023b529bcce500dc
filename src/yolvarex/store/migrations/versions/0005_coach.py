"""coach invitations (by name or single-use code) and coach notes

Revision ID: 0005_coach
Revises: 0004
Create Date: 2026-11-30 06:00:00
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import yolvarex.store.types
from yolvarex import clock

revision = '0005_coach'
down_revision = '0004'
branch_labels = None
depends_on = None

#: how long an invitation moved from the old `coach_links.status = 'invited'` stays open
_MOVED_INVITATION_DAYS = 14


def upgrade() -> None:
    invitations = op.create_table('coach_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('invitee_name', sa.String(length=40), nullable=True),
    sa.Column('code_hash', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('responded_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('athlete_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['athlete_id'], ['users.id'], name=op.f('fk_coach_invitations_athlete_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_invitations_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_invitations')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_coach_invitations_code_hash'))
    )
    with op.batch_alter_table('coach_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_invitations_athlete_id'), ['athlete_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_invitations_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_invitations_invitee_name'), ['invitee_name'], unique=False)

    op.create_table('coach_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('athlete_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('text', sa.String(length=2000), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['athlete_id'], ['users.id'], name=op.f('fk_coach_notes_athlete_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_notes_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_notes')),
    sa.UniqueConstraint('athlete_id', 'coach_id', 'day', name=op.f('uq_coach_notes_athlete_id'))
    )
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_notes_athlete_id'), ['athlete_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_notes_coach_id'), ['coach_id'], unique=False)

    # Open invitations of the old kind (a coach_links row waiting as 'invited') become
    # invitations by name, open for two more weeks.
    conn = op.get_bind()
    old = conn.execute(sa.text(
        "SELECT l.id, l.coach_id, l.athlete_id, u.name, l.created_at FROM coach_links l "
        "JOIN users u ON u.id = l.athlete_id WHERE l.status = 'invited'")).all()
    if old:
        now = clock.now()
        op.bulk_insert(invitations, [
            {"coach_id": row.coach_id, "invitee_name": row.name, "code_hash": None,
             "status": "pending", "created_at": now, "responded_at": None, "athlete_id": None,
             "expires_at": now + dt.timedelta(days=_MOVED_INVITATION_DAYS)} for row in old])
        conn.execute(sa.text("DELETE FROM coach_links WHERE status = 'invited'"))


def downgrade() -> None:
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_notes_coach_id'))
        batch_op.drop_index(batch_op.f('ix_coach_notes_athlete_id'))
    op.drop_table('coach_notes')
    with op.batch_alter_table('coach_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_invitations_invitee_name'))
        batch_op.drop_index(batch_op.f('ix_coach_invitations_coach_id'))
        batch_op.drop_index(batch_op.f('ix_coach_invitations_athlete_id'))
    op.drop_table('coach_invitations')
