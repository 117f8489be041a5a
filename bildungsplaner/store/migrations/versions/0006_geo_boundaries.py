"""boundary layers and region geometries (maps)

Imported boundary files (Kreise, Gemeinden, Sozialräume) become layers (``geo_layer``: name, level, source file,
Stand, source line / licence, the source's CRS, who imported it when) and one geometry per region and layer
(``region_geometry``: WKB in EPSG:25832 as imported and simplified for drawing, with its bounding box).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('geo_layer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=True),
    sa.Column('source_file', sa.String(length=500), nullable=False),
    sa.Column('stand', sa.String(length=40), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('source_crs', sa.Text(), nullable=False),
    sa.Column('feature_count', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=100), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_geo_layer')),
    sa.UniqueConstraint('name', name=op.f('uq_geo_layer_name'))
    )
    op.create_table('region_geometry',
    sa.Column('layer_id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('feature_key', sa.String(length=40), nullable=False),
    sa.Column('feature_name', sa.String(length=200), nullable=False),
    sa.Column('geometry', sa.LargeBinary(), nullable=False),
    sa.Column('simplified', sa.LargeBinary(), nullable=False),
    sa.Column('min_x', sa.Float(), nullable=False),
    sa.Column('min_y', sa.Float(), nullable=False),
    sa.Column('max_x', sa.Float(), nullable=False),
    sa.Column('max_y', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['layer_id'], ['geo_layer.id'], name=op.f('fk_region_geometry_layer_id_geo_layer'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_region_geometry_region_id_region'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('layer_id', 'region_id', name=op.f('pk_region_geometry'))
    )
    with op.batch_alter_table('region_geometry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_region_geometry_region_id'), ['region_id'], unique=False)


def downgrade() -> None:
    op.drop_table('region_geometry')
    op.drop_table('geo_layer')
