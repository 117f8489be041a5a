"""facility coordinates (facilities on the map, where each facility lies)

A facility may carry its location as two plain columns ``x`` and ``y`` in EPSG:25832 (ETRS89 / UTM 32N,
metres), the CRS of every stored geometry (``store/geo.py``); ``NULL`` where the list gave none. Import templates
name the columns (``[facilities] x``/``y``/``crs``), point layers give them from their geometry.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 22:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('facility', schema=None) as batch_op:
        batch_op.add_column(sa.Column('x', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('y', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('facility', schema=None) as batch_op:
        batch_op.drop_column('y')
        batch_op.drop_column('x')
