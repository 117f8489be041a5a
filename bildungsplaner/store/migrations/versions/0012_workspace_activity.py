"""who is writing to a server workspace right now (``workspace_activity``)

Before an import or the deletion of an import takes the workspace's write lock on a server, the program notes
kind, person, computer, start and its server process in ``workspace_activity`` (in a short transaction of its own,
so that colleagues can read it) and removes the row afterwards. A colleague refused by the lock then reads
„Gerade importiert anna@PC-0815 seit 14:02“ (ordinary roles cannot read other sessions' start times). The table
exists on SQLite too (one schema for both) but stays empty there.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 05:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workspace_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('who', sa.String(length=100), nullable=False),
    sa.Column('host', sa.String(length=100), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspace_activity'))
    )


def downgrade() -> None:
    op.drop_table('workspace_activity')
