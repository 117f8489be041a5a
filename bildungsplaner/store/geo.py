"""Boundaries in the workspace: layers of region geometries (migration 0006).

Rules:

* A :class:`GeoLayer` is one imported boundary layer (the Kreise, the Gemeinden, the Sozialräume of a city), with
  its provenance: source file, Stand, source line / licence („© GeoBasis-DE / BKG (2021)“), the source's CRS and
  who imported it when. Its ``name`` is unique: importing a layer of the same name again replaces it.
* A :class:`RegionGeometry` holds one region's boundary in one layer, as WKB in EPSG:25832 (ETRS89 / UTM 32N,
  metres), once as imported (repaired where it was invalid) and once simplified for drawing (shared borders
  stay shared), with its bounding box as plain columns so that a map section can be selected in SQL.
* A region may have a geometry in several layers (an older and a newer Gemeinde layer); at most one per layer.
* Generic column types only (``LargeBinary``, ``Float``), as in :mod:`bildungsplaner.store.models`; this module
  uses the same :class:`~bildungsplaner.store.models.Base`, and ``store/__init__`` imports it so that the
  metadata always knows these tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bildungsplaner.store.models import Base, UTCDateTime, utcnow

__all__ = ["GEO_SRID", "GeoLayer", "RegionGeometry"]

#: The one coordinate reference system of every stored geometry: ETRS89 / UTM zone 32N.
GEO_SRID = 25832


class GeoLayer(Base):
    """One imported boundary layer with its provenance."""

    __tablename__ = "geo_layer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The region level of its features (a ``RegionLevel`` value), ``None`` where they are mixed.
    level: Mapped[str | None] = mapped_column(String(20))
    source_file: Mapped[str] = mapped_column(String(500))
    stand: Mapped[str | None] = mapped_column(String(40))
    #: Source line / licence as the map must show it („© GeoBasis-DE / BKG (2021)“).
    source: Mapped[str | None] = mapped_column(Text)
    #: The source's coordinate reference system (its name) and how it was determined.
    source_crs: Mapped[str] = mapped_column(Text)
    feature_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(100))
    #: Key and name field, repaired features, coverage notes (JSON).
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)


class RegionGeometry(Base):
    """One region's boundary in one layer (EPSG:25832 WKB, the drawing version and the bounding box)."""

    __tablename__ = "region_geometry"

    layer_id: Mapped[int] = mapped_column(ForeignKey("geo_layer.id", ondelete="CASCADE"), primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)
    #: The key and name as the file writes them (the region's may differ: AGS ↔ ARS).
    feature_key: Mapped[str] = mapped_column(String(40))
    feature_name: Mapped[str] = mapped_column(String(200))
    geometry: Mapped[bytes] = mapped_column(LargeBinary)
    simplified: Mapped[bytes] = mapped_column(LargeBinary)
    min_x: Mapped[float] = mapped_column(Float)
    min_y: Mapped[float] = mapped_column(Float)
    max_x: Mapped[float] = mapped_column(Float)
    max_y: Mapped[float] = mapped_column(Float)
