"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:31:50.924137
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import yolvarex.store.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('settings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sport', sa.String(length=20), nullable=False),
    sa.Column('sub_sport', sa.String(length=40), nullable=True),
    sa.Column('run_type', sa.String(length=20), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('start', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_s', sa.Float(), nullable=False),
    sa.Column('moving_s', sa.Float(), nullable=True),
    sa.Column('distance_m', sa.Float(), nullable=True),
    sa.Column('ascent_m', sa.Float(), nullable=True),
    sa.Column('avg_hr', sa.Float(), nullable=True),
    sa.Column('max_hr', sa.Float(), nullable=True),
    sa.Column('avg_cadence_spm', sa.Float(), nullable=True),
    sa.Column('rpe', sa.Float(), nullable=True),
    sa.Column('load', sa.Float(), nullable=True),
    sa.Column('dynamics', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('samples', sa.LargeBinary(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_name', sa.String(length=255), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_activities_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_user_id'), ['user_id'], unique=False)
        batch_op.create_index('ix_activities_user_start', ['user_id', 'start'], unique=False)

    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('updated_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_checkins_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins')),
    sa.UniqueConstraint('user_id', 'date', name=op.f('uq_checkins_user_id'))
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_user_id'), ['user_id'], unique=False)

    op.create_table('coach_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('athlete_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('responded_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['athlete_id'], ['users.id'], name=op.f('fk_coach_links_athlete_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_links_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_links')),
    sa.UniqueConstraint('coach_id', 'athlete_id', name=op.f('uq_coach_links_coach_id'))
    )
    with op.batch_alter_table('coach_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_links_athlete_id'), ['athlete_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_links_coach_id'), ['coach_id'], unique=False)

    op.create_table('custom_trees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tree_id', sa.String(length=80), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('updated_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_custom_trees_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_trees')),
    sa.UniqueConstraint('user_id', 'tree_id', name=op.f('uq_custom_trees_user_id'))
    )
    with op.batch_alter_table('custom_trees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_trees_user_id'), ['user_id'], unique=False)

    op.create_table('form_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ranking', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_form_assessments_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_assessments'))
    )
    with op.batch_alter_table('form_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_assessments_user_id'), ['user_id'], unique=False)

    op.create_table('performance_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('test', sa.String(length=40), nullable=False),
    sa.Column('side', sa.String(length=5), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_performance_tests_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_performance_tests'))
    )
    with op.batch_alter_table('performance_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_performance_tests_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_tests_user_id'), ['user_id'], unique=False)

    op.create_table('plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('plan', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_plans_created_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_plans_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans'))
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_user_id'), ['user_id'], unique=False)

    op.create_table('routine_completions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('routine', sa.String(length=80), nullable=False),
    sa.Column('completed_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_routine_completions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routine_completions'))
    )
    with op.batch_alter_table('routine_completions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routine_completions_user_id'), ['user_id'], unique=False)

    op.create_table('strength_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('minutes', sa.Float(), nullable=True),
    sa.Column('rpe', sa.Float(), nullable=True),
    sa.Column('plan_session', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_strength_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strength_sessions'))
    )
    with op.batch_alter_table('strength_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strength_sessions_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_strength_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('web_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', yolvarex.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_web_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_web_sessions_token_hash'))
    )
    with op.batch_alter_table('web_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_web_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('strength_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.String(length=80), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=True),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.Column('load_kg', sa.Float(), nullable=True),
    sa.Column('side', sa.String(length=5), nullable=False),
    sa.Column('rpe', sa.Float(), nullable=True),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['strength_sessions.id'], name=op.f('fk_strength_sets_session_id_strength_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strength_sets'))
    )
    with op.batch_alter_table('strength_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strength_sets_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('strength_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strength_sets_session_id'))

    op.drop_table('strength_sets')
    with op.batch_alter_table('web_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_web_sessions_user_id'))

    op.drop_table('web_sessions')
    with op.batch_alter_table('strength_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strength_sessions_user_id'))
        batch_op.drop_index(batch_op.f('ix_strength_sessions_date'))

    op.drop_table('strength_sessions')
    with op.batch_alter_table('routine_completions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routine_completions_user_id'))

    op.drop_table('routine_completions')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_user_id'))

    op.drop_table('plans')
    with op.batch_alter_table('performance_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_performance_tests_user_id'))
        batch_op.drop_index(batch_op.f('ix_performance_tests_date'))

    op.drop_table('performance_tests')
    with op.batch_alter_table('form_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_assessments_user_id'))

    op.drop_table('form_assessments')
    with op.batch_alter_table('custom_trees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_trees_user_id'))

    op.drop_table('custom_trees')
    with op.batch_alter_table('coach_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_links_coach_id'))
        batch_op.drop_index(batch_op.f('ix_coach_links_athlete_id'))

    op.drop_table('coach_links')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_user_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_user_start')
        batch_op.drop_index(batch_op.f('ix_activities_user_id'))

    op.drop_table('activities')
    op.drop_table('users')
