"""Which coordinate reference system a boundary file is in, and the way to EPSG:25832.

Rules:

* A ``.prj`` or GeoPackage CRS is parsed from its **full WKT** (:meth:`pyproj.CRS.from_wkt`) and the
  transformation built from that parsed CRS — never from ``to_epsg()`` or a name: Köln's Stadtteile carry a
  „WGS_1984_UTM_Zone_32N“ with a false easting of 2,500,000, which as EPSG:32632 would land at 33.9°E.
* A GeoJSON ``crs`` name (``urn:ogc:def:crs:EPSG::25832``, ``…OGC:1.3:CRS84``) and the user's ``--crs EPSG:N``
  go through :meth:`pyproj.CRS.from_user_input`. The user's choice wins over the file's.
* Without any statement the CRS is inferred from the coordinate ranges (lon/lat, UTM 32N with or without the
  zone prefix, Gauss-Krüger zones 2–5 by the millions digit of the easting) and the report says so. UTM 33N
  (Brandenburg, Sachsen …) cannot be told from 32N by the numbers: the note says how to choose it.
* After the transformation every feature must lie in Germany (5.5–15.5°E, 47–55.5°N, checked on the corners of
  each feature's bounding box); otherwise the import is refused with a message that names the CRS used.
* Axis order is always x = easting/longitude, y = northing/latitude (``always_xy``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

__all__ = ["GERMANY_LONLAT", "TARGET_EPSG", "SourceCrs", "check_in_germany", "resolve_crs", "to_target"]

TARGET_EPSG = 25832
#: lon/lat box every boundary must lie in after the transformation (min lon, min lat, max lon, max lat).
GERMANY_LONLAT = (5.5, 47.0, 15.5, 55.5)

_GK_ZONES = {2: 31466, 3: 31467, 4: 31468, 5: 31469}


@dataclass(frozen=True)
class SourceCrs:
    """The CRS a layer is read in, its name for the report and how it was determined (a German phrase)."""

    crs: pyproj.CRS
    how: str
    inferred: bool = False

    @property
    def name(self) -> str:
        return str(self.crs.name)

    def describe(self) -> str:
        return f"{self.name} ({self.how})"


def _parse(text: str, *, where: str, wkt: bool) -> pyproj.CRS:
    try:
        return pyproj.CRS.from_wkt(text) if wkt else pyproj.CRS.from_user_input(text)
    except pyproj.exceptions.CRSError:
        raise UserInputError(tr("Das Koordinatensystem in {where} ist nicht lesbar: {text}", where=where,
                                text=text[:200])) from None


def resolve_crs(crs_text: str | None, origin: str, file_name: str, bounds: tuple[float, float, float, float],
                *, user: str | None = None) -> SourceCrs:
    """The CRS of a layer: the user's ``--crs``, else the file's statement, else inferred from ``bounds``.

    ``origin`` is the reader's ``crs_origin`` (``prj``, ``geojson``, ``gpkg``); ``bounds`` are the layer's
    bounds in its own coordinates.
    """
    if user:
        crs = _parse(user, where=tr("der Angabe --crs"), wkt=False)
        return SourceCrs(crs, tr("vom Benutzer angegeben"))
    if crs_text:
        if origin == "geojson":
            return SourceCrs(_parse(crs_text, where=file_name, wkt=False), tr("aus der crs-Angabe der GeoJSON-Datei"))
        where = tr("der .prj-Datei zu {name}", name=file_name) if origin == "prj" else file_name
        how = tr("aus der .prj-Datei") if origin == "prj" else tr("aus dem GeoPackage")
        return SourceCrs(_parse(crs_text, where=where, wkt=True), how)
    return infer_crs(bounds, file_name)


def infer_crs(bounds: tuple[float, float, float, float], file_name: str) -> SourceCrs:
    """Guess the CRS from the coordinate ranges of a file that names none (and say so)."""
    min_x, min_y, max_x, max_y = bounds
    guessed = tr("ohne Angabe in der Datei, aus den Koordinaten geschlossen")
    if min_x >= -180 and max_x <= 180 and min_y >= -90 and max_y <= 90:
        return SourceCrs(pyproj.CRS.from_user_input("OGC:CRS84"), guessed, inferred=True)
    if min_y >= 5_200_000 and max_y <= 6_200_000:
        if min_x >= 100_000 and max_x <= 1_000_000:
            return SourceCrs(pyproj.CRS.from_epsg(25832),
                             tr("ohne Angabe in der Datei, aus den Koordinaten geschlossen; Daten in UTM-Zone 33 "
                                "(z. B. aus Brandenburg oder Sachsen) bitte mit --crs EPSG:25833 angeben"),
                             inferred=True)
        if min_x >= 32_100_000 and max_x <= 32_999_999:
            return SourceCrs(pyproj.CRS.from_epsg(4647), guessed, inferred=True)
        if min_x >= 33_100_000 and max_x <= 33_999_999:
            return SourceCrs(pyproj.CRS.from_epsg(5650), guessed, inferred=True)
        zone = int(min_x // 1_000_000)
        if zone in _GK_ZONES and int(max_x // 1_000_000) == zone:
            return SourceCrs(pyproj.CRS.from_epsg(_GK_ZONES[zone]), guessed, inferred=True)
    raise UserInputError(tr("{name} nennt kein Koordinatensystem und die Koordinaten ({bounds}) passen zu keinem "
                            "bekannten; bitte mit --crs EPSG:N angeben.", name=file_name,
                            bounds=", ".join(format_number(v, 1) for v in bounds)))


def to_target(geometries: np.ndarray, source: SourceCrs) -> np.ndarray:
    """The geometries transformed from ``source`` to EPSG:25832 (a new array)."""
    target = pyproj.CRS.from_epsg(TARGET_EPSG)
    if source.crs == target:
        return geometries
    with warnings.catch_warnings():
        # DHDN → ETRS89 without the BETA2007 grid: a ~3 m Helmert transformation, fine for maps
        warnings.simplefilter("ignore")
        transformer = pyproj.Transformer.from_crs(source.crs, target, always_xy=True)

    def move(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return shapely.transform(geometries, move)


def check_in_germany(geometries: np.ndarray, source: SourceCrs, file_name: str) -> None:
    """Refuse when any feature lies outside Germany after the transformation (names the CRS used)."""
    present = geometries[~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)]
    if not len(present):
        return
    boxes = shapely.bounds(present)
    xs = np.concatenate([boxes[:, 0], boxes[:, 2], boxes[:, 0], boxes[:, 2]])
    ys = np.concatenate([boxes[:, 1], boxes[:, 3], boxes[:, 3], boxes[:, 1]])
    to_lonlat = pyproj.Transformer.from_crs(TARGET_EPSG, 4326, always_xy=True)
    lon, lat = to_lonlat.transform(xs, ys)
    lon, lat = np.asarray(lon), np.asarray(lat)
    west, south, east, north = GERMANY_LONLAT
    outside = ~np.isfinite(lon) | ~np.isfinite(lat) | (lon < west) | (lon > east) | (lat < south) | (lat > north)
    if outside.any():
        finite = np.isfinite(lon) & np.isfinite(lat)
        where = (tr("bei {lon}° O, {lat}° N", lon=format_number(float(np.median(lon[finite])), 1),
                    lat=format_number(float(np.median(lat[finite])), 1))
                 if finite.any() else tr("an keinem gültigen Ort"))
        raise UserInputError(tr("{name}: mit dem Koordinatensystem „{crs}“ ({how}) lägen die Grenzen {where}, nicht "
                                "in Deutschland (5,5–15,5° O, 47–55,5° N). Bitte das Koordinatensystem prüfen und "
                                "mit --crs EPSG:N angeben.", name=file_name, crs=source.name, how=source.how,
                                where=where))
