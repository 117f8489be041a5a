"""history of facilities and regions per import (taking facility and region imports back)

An import of facilities or regions overwrites what was there. ``facility_version`` and ``region_version`` keep,
per import, the state of every facility and region it listed before it changed them (``NULL``: it created
them), so the import can be taken back like an import of values.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('facility_version',
    sa.Column('dataset_id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['dataset_id'], ['dataset.id'], name=op.f('fk_facility_version_dataset_id_dataset'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['facility_id'], ['facility.id'],
                            name=op.f('fk_facility_version_facility_id_facility'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dataset_id', 'facility_id', name=op.f('pk_facility_version'))
    )
    with op.batch_alter_table('facility_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_version_facility_id'), ['facility_id'], unique=False)

    op.create_table('region_version',
    sa.Column('dataset_id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['dataset_id'], ['dataset.id'], name=op.f('fk_region_version_dataset_id_dataset'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_region_version_region_id_region'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dataset_id', 'region_id', name=op.f('pk_region_version'))
    )
    with op.batch_alter_table('region_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_region_version_region_id'), ['region_id'], unique=False)


def downgrade() -> None:
    op.drop_table('region_version')
    op.drop_table('facility_version')
