"""drop the observation index on dataset_id

Importing a million observations spent 0.3 s of 4 s maintaining this index (benchmarks/import_1m.py). The
only query that filters observations by dataset alone is the data export of one dataset, which is rare and
scans a million rows in about 50 ms; superseding works on the dataset table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 08:50:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_observation_dataset', table_name='observation')


def downgrade() -> None:
    op.create_index('ix_observation_dataset', 'observation', ['dataset_id'], unique=False)
