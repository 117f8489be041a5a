"""keys, codes, periods and dimension texts compare bytewise on PostgreSQL (collation "C")

A Kreis server usually runs a German collation, which sorts „b1“ before „B2“ and may ignore punctuation, while
SQLite compares bytewise: region keys, codes, periods and dimension texts would then sort differently on the two
back ends (a data export, the order of keys). On PostgreSQL these columns get the collation "C" (``KeyText`` in
``store/models.py``); names keep the server's collation. On SQLite nothing changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 05:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

#: (table, column, length)
COLUMNS = (
    ("region", "key", 40),
    ("dataset", "table_code", 40),
    ("indicator", "code", 80),
    ("observation", "period", 20),
    ("observation", "dimensions", 500),
    ("facility", "key", 40),
    ("indicator_definition", "code", 80),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "default"')
