"""observation ids as BIGINT on PostgreSQL (team mode)

A team's workspace on the Kreis's PostgreSQL server (``store/postgres.py``) can pass 2³¹ imported values over
the years; ``observation.id`` and its sequence become BIGINT there. On SQLite nothing changes: an INTEGER
PRIMARY KEY is already 64 bits wide, and it must stay exactly that type to remain the table's rowid.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column('observation', 'id', type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=False)
    op.execute("ALTER SEQUENCE observation_id_seq AS bigint")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER SEQUENCE observation_id_seq AS integer")
    op.alter_column('observation', 'id', type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=False)
