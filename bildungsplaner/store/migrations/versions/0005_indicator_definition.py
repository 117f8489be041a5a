"""Kennzahl definitions and their versions; audit action ``indicator``

A workspace keeps its own Kennzahlen (computed indicators and composite indices) as TOML text
(``indicator_definition``) with every version of that text, who wrote it and when
(``indicator_definition_version``, kept after a definition is deleted). The computed values themselves are
ordinary observations of a dataset of format ``kennzahl`` and need no table of their own. Changing a
definition is recorded in the audit trail with the new action ``indicator``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_ACTIONS = "'create', 'import', 'scenario', 'export', 'backup', 'restore', 'migration', 'demo'"


def upgrade() -> None:
    op.create_table('indicator_definition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('indicator', 'index')", name=op.f('ck_indicator_definition_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_definition')),
    sa.UniqueConstraint('code', name=op.f('uq_indicator_definition_code'))
    )
    op.create_table('indicator_definition_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_definition_version')),
    sa.UniqueConstraint('code', 'version', name='uq_indicator_definition_version_code_version')
    )
    with op.batch_alter_table('audit_entry', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_audit_entry_action'), type_='check')
        batch_op.create_check_constraint(op.f('ck_audit_entry_action'), f"action IN ({_ACTIONS}, 'indicator')")


def downgrade() -> None:
    op.execute("DELETE FROM audit_entry WHERE action = 'indicator'")
    with op.batch_alter_table('audit_entry', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_audit_entry_action'), type_='check')
        batch_op.create_check_constraint(op.f('ck_audit_entry_action'), f"action IN ({_ACTIONS})")
    op.drop_table('indicator_definition_version')
    op.drop_table('indicator_definition')
