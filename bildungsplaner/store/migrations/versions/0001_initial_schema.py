"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 01:24:10.462705
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.CheckConstraint("action IN ('create', 'import', 'scenario', 'export', 'backup', 'restore', 'migration', 'demo')", name=op.f('ck_audit_entry_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('dataset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('format', sa.String(length=40), nullable=False),
    sa.Column('table_code', sa.String(length=40), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('stand', sa.String(length=40), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('footnotes', sa.Text(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=100), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('superseded_by_id', sa.Integer(), nullable=True),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['dataset.id'], name=op.f('fk_dataset_superseded_by_id_dataset'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dataset'))
    )
    with op.batch_alter_table('dataset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dataset_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_dataset_table_code'), ['table_code'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('phase', sa.String(length=40), nullable=False),
    sa.CheckConstraint("phase IN ('frühkindliche Bildung', 'Schule', 'berufliche Bildung', 'Hochschule', 'Weiterbildung', 'non-formale Bildung', 'Bevölkerung/Kontext')", name=op.f('ck_indicator_phase')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sa.UniqueConstraint('code', name=op.f('uq_indicator_code'))
    )
    op.create_table('region',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("level IN ('bund', 'land', 'regierungsbezirk', 'kreis', 'gemeindeverband', 'gemeinde', 'stadtteil', 'sozialraum', 'schulbezirk', 'other')", name=op.f('ck_region_level')),
    sa.ForeignKeyConstraint(['parent_id'], ['region.id'], name=op.f('fk_region_parent_id_region'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_region')),
    sa.UniqueConstraint('key', name=op.f('uq_region_key'))
    )
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_region_parent_id'), ['parent_id'], unique=False)

    op.create_table('scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parameters', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('allocation', 'demand')", name=op.f('ck_scenario_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario')),
    sa.UniqueConstraint('name', name=op.f('uq_scenario_name'))
    )
    op.create_table('facility',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=80), nullable=False),
    sa.Column('phase', sa.String(length=40), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('offering', sa.String(length=10), nullable=False),
    sa.Column('dataset_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("offering IN ('analog', 'digital', 'both')", name=op.f('ck_facility_offering')),
    sa.CheckConstraint("phase IN ('frühkindliche Bildung', 'Schule', 'berufliche Bildung', 'Hochschule', 'Weiterbildung', 'non-formale Bildung', 'Bevölkerung/Kontext')", name=op.f('ck_facility_phase')),
    sa.ForeignKeyConstraint(['dataset_id'], ['dataset.id'], name=op.f('fk_facility_dataset_id_dataset'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_facility_region_id_region'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility')),
    sa.UniqueConstraint('kind', 'key', name='uq_facility_kind_key')
    )
    with op.batch_alter_table('facility', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_facility_region_id'), ['region_id'], unique=False)

    op.create_table('observation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dataset_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('dimensions', sa.String(length=500), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('flag', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['dataset_id'], ['dataset.id'], name=op.f('fk_observation_dataset_id_dataset'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_observation_indicator_id_indicator'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_observation_region_id_region'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observation'))
    )
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.create_index('ix_observation_dataset', ['dataset_id'], unique=False)
        batch_op.create_index('ix_observation_indicator_region_period', ['indicator_id', 'region_id', 'period'], unique=False)

    op.create_table('scenario_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], name=op.f('fk_scenario_result_scenario_id_scenario'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_result'))
    )
    with op.batch_alter_table('scenario_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_result_scenario_id'), ['scenario_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('scenario_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_result_scenario_id'))

    op.drop_table('scenario_result')
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_index('ix_observation_indicator_region_period')
        batch_op.drop_index('ix_observation_dataset')

    op.drop_table('observation')
    with op.batch_alter_table('facility', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facility_region_id'))
        batch_op.drop_index(batch_op.f('ix_facility_kind'))

    op.drop_table('facility')
    op.drop_table('scenario')
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_region_parent_id'))

    op.drop_table('region')
    op.drop_table('indicator')
    with op.batch_alter_table('dataset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dataset_table_code'))
        batch_op.drop_index(batch_op.f('ix_dataset_sha256'))

    op.drop_table('dataset')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')
