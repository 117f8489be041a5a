"""report definitions (the Bildungsbericht); audit action ``report``

A workspace keeps its report definitions (TOML text, format 1, ``kind = "report"``) under a unique name in
``report_definition``, as the author wrote them (comments kept). The built report is never stored: it is built
from the workspace each time. Saving, renaming and deleting a definition is recorded in the audit trail with
the new action ``report``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_ACTIONS = "'create', 'import', 'scenario', 'export', 'backup', 'restore', 'migration', 'demo', 'indicator'"


def upgrade() -> None:
    op.create_table('report_definition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('toml', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_definition')),
    sa.UniqueConstraint('name', name=op.f('uq_report_definition_name'))
    )
    with op.batch_alter_table('audit_entry', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_audit_entry_action'), type_='check')
        batch_op.create_check_constraint(op.f('ck_audit_entry_action'), f"action IN ({_ACTIONS}, 'report')")


def downgrade() -> None:
    op.execute("DELETE FROM audit_entry WHERE action = 'report'")
    with op.batch_alter_table('audit_entry', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_audit_entry_action'), type_='check')
        batch_op.create_check_constraint(op.f('ck_audit_entry_action'), f"action IN ({_ACTIONS})")
    op.drop_table('report_definition')
