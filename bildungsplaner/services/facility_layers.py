"""Point layers (GeoJSON, Shapefile, GeoPackage) imported as facilities through a template, like any table.

Rules:

* A file ending in ``.geojson``, ``.json``, ``.shp`` or ``.gpkg`` given to the import is a point layer
  (:func:`is_point_layer`); :func:`bildungsplaner.geo.readers.read_points` reads it (no sniffing of bytes: a
  Shapefile is binary, a GeoPackage SQLite) and refuses areas and lines.
* Its properties are the table's columns (named as in the file; a GeoPackage's layer is chosen like a
  worksheet, the import's ``sheet``), its features the rows, numbered from 1 in messages. Only the target
  ``facilities`` makes sense for points; another target is refused.
* The geometry gives x/y: two columns :data:`X_COLUMN` and :data:`Y_COLUMN` are added and the template's
  ``x``/``y``/``crs`` set to them and to the layer's CRS (the full WKT of a ``.prj`` or GeoPackage, a GeoJSON
  ``crs`` member, else inferred from the coordinates as for boundaries) — unless the template names ``x``/``y``
  itself (property columns with coordinates), then its own ``crs`` holds. A feature without geometry is a
  facility without coordinates.
* A Shapefile's fingerprint (the import's SHA-256, which recognises a file imported before) covers its .dbf,
  .prj and .cpg too: a list whose names changed only in the .dbf is imported again, not refused as the same.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.sniff import Sniffed
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.progress import NullProgress, Progress

__all__ = ["POINT_LAYER_SUFFIXES", "X_COLUMN", "Y_COLUMN", "is_point_layer", "point_layer_frame",
           "point_layer_sha256", "point_layer_sniffed", "read_point_batch"]

POINT_LAYER_SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".shp": "shapefile", ".gpkg": "geopackage"}
#: The columns the geometry's coordinates get (in the layer's CRS).
X_COLUMN = "Geometrie x"
Y_COLUMN = "Geometrie y"


def is_point_layer(path: Path) -> bool:
    return Path(path).suffix.lower() in POINT_LAYER_SUFFIXES


def point_layer_sniffed(path: Path) -> Sniffed:
    path = Path(path)
    if not path.is_file():
        raise UserInputError(tr("Die Datei {path} gibt es nicht.", path=str(path)))
    return Sniffed(POINT_LAYER_SUFFIXES[path.suffix.lower()], path.stat().st_size)


def point_layer_sha256(path: Path) -> str:
    """The SHA-256 of a point layer: a Shapefile's .shp with its .dbf, .prj and .cpg (a list whose names changed
    in the .dbf alone is another file), any other layer's one file."""
    path = Path(path)
    digest = hashlib.sha256()
    parts = [path]
    if path.suffix.lower() == ".shp":
        parts += [p for suffix in (".dbf", ".prj", ".cpg") for p in (path.with_suffix(suffix),
                                                                     path.with_suffix(suffix.upper())) if p.is_file()]
    for part in parts:
        with open(part, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def point_layer_frame(path: Path, *, layer: str | None = None) -> tuple[pd.DataFrame, str, str]:
    """The layer as a table (properties plus :data:`X_COLUMN`/:data:`Y_COLUMN`), its CRS as WKT and the
    layer's name (for the assistant's preview as well as the import)."""
    # shapely, pyproj and the readers on first use: every import asks this module whether its file is a point
    # layer, and a table's import needs none of them (45 ms)
    import shapely

    from bildungsplaner.geo import crs as geo_crs
    from bildungsplaner.geo.readers import read_points

    path = Path(path)
    data = read_points(path, layer=layer)
    frame = pd.DataFrame.from_records(data.properties, columns=data.fields) if data.fields \
        else pd.DataFrame(index=pd.RangeIndex(len(data)))
    frame = frame.astype(object).where(frame.notna(), None)
    present = ~shapely.is_missing(data.geometries)
    x = np.full(len(data), np.nan)
    y = np.full(len(data), np.nan)
    if present.any():
        x[present] = shapely.get_x(data.geometries[present])
        y[present] = shapely.get_y(data.geometries[present])
        source = geo_crs.resolve_crs(data.crs_text, data.crs_origin, path.name,
                                     tuple(shapely.total_bounds(data.geometries[present])))
        wkt = source.crs.to_wkt()
    else:
        wkt = "EPSG:25832"
    frame[X_COLUMN], frame[Y_COLUMN] = x, y
    return frame, wkt, data.name


def read_point_batch(path: Path, template: ImportTemplate | None, *, layer: str | None = None,
                     progress: Progress | None = None) -> Batch:
    """The facilities of a point layer as a batch (see the module docstring)."""
    from bildungsplaner.importing.template_apply import apply_template

    progress = progress or NullProgress()
    path = Path(path)
    if template is None:
        raise UserInputError(tr("{name} ist eine Punkt-Ebene; für den Import als Einrichtungen braucht es eine "
                                "Importvorlage, die sagt, welche Eigenschaft was enthält (--template VORLAGE.toml "
                                "oder der Import-Assistent).", name=path.name))
    if template.target != "facilities" or template.facilities is None:
        raise UserInputError(tr("{name} ist eine Punkt-Ebene; sie lässt sich nur als Einrichtungen importieren "
                                "(target = „facilities“). Gebietsgrenzen: bildungsplaner geo import.",
                                name=path.name))
    progress.report(0.05, tr("Punkt-Ebene wird gelesen …"))
    frame, wkt, name = point_layer_frame(path, layer=layer or template.read.sheet)
    facilities = template.facilities
    if facilities.x is None:
        facilities = dataclasses.replace(facilities, x=X_COLUMN, y=Y_COLUMN, crs=wkt)
    effective = dataclasses.replace(template, facilities=facilities)
    progress.report(0.35, tr("Spalten werden zugeordnet …"))
    batch = apply_template(effective, frame, format=POINT_LAYER_SUFFIXES[path.suffix.lower()], first_data_row=1)
    batch.rows_read = len(frame)
    batch.meta["layer"] = name
    return batch
