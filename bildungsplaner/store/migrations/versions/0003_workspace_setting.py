"""workspace settings (name, home region)

A workspace belongs to one Kreis, kreisfreie Stadt or Gemeinde: its *home region* decides what a nationwide
import keeps and where the window opens. Settings of the workspace (not of the user) live in the workspace.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 17:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workspace_setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_workspace_setting'))
    )


def downgrade() -> None:
    op.drop_table('workspace_setting')
