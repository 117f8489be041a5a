"""Boundary files written by the tests: GeoJSON with a legacy ``crs`` member, a minimal GeoPackage via sqlite3; the
real Kreise with a region without data for the map tests."""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path
from typing import Any

import shapely

from bildungsplaner.geo import crs as geo_crs
from bildungsplaner.geo.readers import read_boundaries

UTM32 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}


#: Städteregion Aachen: its population is deleted in :func:`kreise_with_a_gap`, so it has no data on the map
AACHEN = "05334"


def kreise_with_a_gap(path: Path) -> Path:
    """A workspace at ``path`` with the real population table 12411-04-02-4 and the BKG Kreise, Aachen's values
    deleted (a region with a boundary and „keine Daten“)."""
    from realdata import real_file
    from sqlalchemy import delete, select

    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.services.workspace import open_workspace
    from bildungsplaner.store.models import Observation, Region

    with open_workspace(path) as ws:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"))
        import_boundaries(ws, real_file("geo/kreise/VG5000_KRS.shp"))
        with ws.transaction() as s:
            rid = s.scalar(select(Region.id).where(Region.key == AACHEN))
            s.execute(delete(Observation).where(Observation.region_id == rid))
    return path


def write_geojson(path: Path, features: list[tuple[dict[str, Any], shapely.Geometry | None]],
                  crs: dict[str, Any] | None = UTM32) -> Path:
    """A FeatureCollection of (properties, geometry); ``crs=None`` writes no crs member."""
    data: dict[str, Any] = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props,
         "geometry": json.loads(shapely.to_geojson(geom)) if geom is not None else None}
        for props, geom in features]}
    if crs is not None:
        data["crs"] = crs
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def koeln_in_utm32(shp: Path) -> list[tuple[dict[str, Any], shapely.Geometry]]:
    """Köln's Stadtteile from the real Shapefile, transformed to EPSG:25832 (properties STT_NR, STT_NAME)."""
    layer = read_boundaries(shp)
    source = geo_crs.resolve_crs(layer.crs_text, layer.crs_origin, shp.name,
                                 tuple(shapely.total_bounds(layer.geometries)))
    moved = geo_crs.to_target(layer.geometries, source)
    return [({"STT_NR": p["STT_NR"], "STT_NAME": p["STT_NAME"]}, g)
            for p, g in zip(layer.properties, moved, strict=True)]


def _gpkg_blob(geometry: shapely.Geometry, srs_id: int) -> bytes:
    """A GPKG geometry blob: 'GP', version 0, flags (little endian, envelope kind 1 = xy), srs id, envelope, WKB."""
    flags = 0b0000_0011  # bit 0: little endian; bits 1-3: envelope kind 1 (minx, maxx, miny, maxy)
    min_x, min_y, max_x, max_y = geometry.bounds
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id) + struct.pack("<4d", min_x, max_x, min_y, max_y)
    return header + shapely.to_wkb(geometry, byte_order=1)


def write_geopackage(path: Path, layers: dict[str, list[tuple[dict[str, Any], shapely.Geometry]]],
                     srs_id: int = 25832, wkt: str | None = None) -> Path:
    """A minimal GeoPackage with one feature table per layer (all in ``srs_id``, defined by ``wkt``)."""
    import pyproj

    definition = wkt or pyproj.CRS.from_epsg(srs_id).to_wkt("WKT1_GDAL")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
    conn.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
            description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT,
            description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,
            max_y DOUBLE, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
            geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            PRIMARY KEY (table_name, column_name));
    """)
    conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, '')",
                 (f"EPSG:{srs_id}", srs_id, srs_id, definition))
    for name, features in layers.items():
        fields = list(features[0][0])
        columns = ", ".join(f'"{f}" TEXT' for f in fields)
        conn.execute(f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, {columns})')
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                     "VALUES (?, 'features', ?, ?)", (name, name, srs_id))
        conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)", (name, srs_id))
        marks = ", ".join("?" for _ in fields)
        names = ", ".join(f'"{f}"' for f in fields)
        conn.executemany(f'INSERT INTO "{name}" (geom, {names}) VALUES (?, {marks})',
                         [(_gpkg_blob(g, srs_id), *(p[f] for f in fields)) for p, g in features])
    conn.commit()
    conn.close()
    return path
