"""Points (facilities): coordinates to EPSG:25832, the Germany check, and which area contains each point.

Rules:

* Coordinates are transformed with pyproj from the CRS the caller names (a template's ``crs``, a point layer's
  WKT) to EPSG:25832, always x = easting/longitude, y = northing/latitude (``always_xy``); ``EPSG:4326`` means
  x = longitude, y = latitude, whatever the EPSG axis order says.
* A point lies in Germany when its lon/lat falls in :data:`~bildungsplaner.geo.crs.GERMANY_LONLAT`; a point
  outside (or not finite) is the caller's row-level problem, never an exception here.
* :func:`locate` finds for every point the area containing it with one vectorised
  ``STRtree.query(points, predicate="within")``; where areas overlap (a Kreis and its Gemeinden, generalised
  borders) the area with the lowest ``rank`` wins — the caller ranks the deepest level first, then the smallest
  area. A point in no area gets ``-1``. A point exactly on a border is in neither (``within``); borders are
  lines without width, so that needs a hand-placed point.
"""

from __future__ import annotations

import warnings

import numpy as np
import pyproj
import shapely

from bildungsplaner.geo.crs import GERMANY_LONLAT, TARGET_EPSG

__all__ = ["crs_name", "in_germany", "locate", "to_target_xy"]


def to_target_xy(x: np.ndarray, y: np.ndarray, crs: str | pyproj.CRS) -> tuple[np.ndarray, np.ndarray]:
    """``x``/``y`` (float arrays, NaN allowed) from ``crs`` to EPSG:25832 (NaN stays NaN)."""
    source = crs if isinstance(crs, pyproj.CRS) else pyproj.CRS.from_user_input(crs)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if source == pyproj.CRS.from_epsg(TARGET_EPSG):
        return x.copy(), y.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DHDN without the BETA2007 grid: a few metres, fine for a map
        transformer = pyproj.Transformer.from_crs(source, TARGET_EPSG, always_xy=True)
        tx, ty = transformer.transform(x, y, errcheck=False)
    tx, ty = np.asarray(tx, dtype=np.float64), np.asarray(ty, dtype=np.float64)
    bad = ~np.isfinite(tx) | ~np.isfinite(ty)
    tx[bad], ty[bad] = np.nan, np.nan
    return tx, ty


def crs_name(crs: str) -> str:
    """A CRS's short name for messages (``EPSG:4326`` stays, a WKT becomes „WGS 84 / UTM zone 32N“)."""
    text = crs.strip()
    if len(text) <= 40:
        return text
    try:
        return str(pyproj.CRS.from_user_input(text).name)
    except pyproj.exceptions.CRSError:
        return text[:40] + " …"


def in_germany(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True where the EPSG:25832 point (x, y) lies in Germany's lon/lat box; False for NaN."""
    to_lonlat = pyproj.Transformer.from_crs(TARGET_EPSG, 4326, always_xy=True)
    lon, lat = to_lonlat.transform(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64),
                                   errcheck=False)
    lon, lat = np.asarray(lon), np.asarray(lat)
    west, south, east, north = GERMANY_LONLAT
    with np.errstate(invalid="ignore"):
        return np.isfinite(lon) & np.isfinite(lat) & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)


def locate(x: np.ndarray, y: np.ndarray, areas: np.ndarray, rank: np.ndarray | None = None,
           tree: shapely.STRtree | None = None) -> np.ndarray:
    """Index into ``areas`` of the area containing each point (``-1``: none; NaN points: none).

    ``rank`` (same length as ``areas``, lower wins) decides between overlapping areas; default: the smaller
    area. ``tree`` may pass an ``STRtree(areas)`` built before (several calls over the same areas).
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    out = np.full(len(x), -1, dtype=np.int64)
    valid = np.isfinite(x) & np.isfinite(y)
    if not valid.any() or not len(areas):
        return out
    where = np.flatnonzero(valid)
    points = shapely.points(x[where], y[where])
    tree = tree if tree is not None else shapely.STRtree(areas)
    point_idx, area_idx = tree.query(points, predicate="within")
    if not len(point_idx):
        return out
    if rank is None:
        rank = shapely.area(areas)
    order = np.lexsort((rank[area_idx], point_idx))  # by point, then best rank first
    point_idx, area_idx = point_idx[order], area_idx[order]
    first = np.ones(len(point_idx), dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    out[where[point_idx[first]]] = area_idx[first]
    return out
