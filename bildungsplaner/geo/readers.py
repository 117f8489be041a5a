"""Boundary files → features: GeoJSON, Shapefile and GeoPackage, without GDAL.

Rules:

* **GeoJSON** (``.geojson``, ``.json``) through :mod:`json`, refused above :data:`MAX_GEOJSON_BYTES` before it is
  read. Its legacy ``crs`` member is honoured (``{"type": "name", "properties": {"name":
  "urn:ogc:def:crs:EPSG::25832"}}``, also the old ``{"type": "EPSG", "properties": {"code": 25832}}``); without
  one the CRS is left open (RFC 7946 says lon/lat, but offices also ship UTM without saying so: :mod:`.crs`
  decides from the coordinates).
* **Shapefile** (``.shp``) through pyshp. The ``.dbf`` must be there (without it there are no keys); the ``.prj``
  is read as text and kept whole (never reduced to an EPSG code). Text encoding from the ``.cpg``, else strict
  UTF-8, else cp1252 (never latin-1: it decodes anything and hides mojibake).
* **GeoPackage** (``.gpkg``) through :mod:`sqlite3`, opened read-only; it must have ``gpkg_contents`` and
  ``gpkg_geometry_columns``. Its feature tables are its layers; with several, the caller names one
  (:class:`LayerChoiceNeeded` lists them). Geometries are GPKG blobs: the ``GP`` header (8 bytes plus the
  envelope its flags announce) is stripped and the rest read with :func:`shapely.from_wkb`. The CRS is the WKT
  of ``gpkg_spatial_ref_sys.definition``.
* Property values come back as the file stores them (text stays text, so keys keep their leading zeros; numbers
  stay numbers and :mod:`.keys` says so). Files next to the boundary file supply the Stand
  (``aktualitaet.txt``) and the source line (``quellenvermerk*.txt``, ``*lizenz*.txt``: the line with „©“).
* Every problem is a :class:`~bildungsplaner.UserInputError` with one German sentence naming the file; nothing
  is read half.
* **Point layers** (facilities: schools, Kitas) are read the same way by :func:`read_points`, which refuses a
  layer with areas or lines (naming the first such feature); a single-part MultiPoint counts as its point, a
  feature without geometry stays ``None`` (a facility without coordinates).
"""

from __future__ import annotations

import json
import re
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

__all__ = ["MAX_GEOJSON_BYTES", "BoundaryLayer", "LayerChoiceNeeded", "geopackage_layers", "read_boundaries",
           "read_points"]

#: GeoJSON is read whole into memory; larger files are refused (a Germany-wide Gemeinde layer is ~60 MB).
MAX_GEOJSON_BYTES = 500 * 1024 * 1024

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Bytes of the envelope announced by bits 1-3 of a GPKG blob's flags.
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class LayerChoiceNeeded(UserInputError):
    """A GeoPackage with several feature layers and none chosen; ``layers`` lists them."""

    def __init__(self, message: str, layers: list[str]) -> None:
        super().__init__(message)
        self.layers = layers


@dataclass
class BoundaryLayer:
    """The features of one layer of a boundary file, in the file's own coordinates.

    ``crs_text``: the CRS as the file states it (WKT of a ``.prj`` or GeoPackage, a GeoJSON CRS name), ``None``
    where the file says nothing; ``crs_origin`` says where it came from: ``prj``, ``geojson`` or ``gpkg``.
    """

    name: str
    path: Path
    format: str
    fields: list[str]
    properties: list[dict[str, Any]]
    geometries: np.ndarray  # of shapely geometries (None where a feature has none)
    crs_text: str | None = None
    crs_origin: str = ""
    layers: list[str] = field(default_factory=list)
    encoding: str | None = None
    stand: str | None = None
    source: str | None = None

    def __len__(self) -> int:
        return len(self.properties)


def read_boundaries(path: Path, *, layer: str | None = None) -> BoundaryLayer:
    """Read the boundary file at ``path`` (``layer``: the GeoPackage table to read)."""
    path = Path(path)
    if not path.is_file():
        raise UserInputError(tr("Die Datei {path} gibt es nicht.", path=str(path)))
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        result = _read_geojson(path)
    elif suffix == ".shp":
        result = _read_shapefile(path)
    elif suffix == ".gpkg":
        result = _read_geopackage(path, layer)
    else:
        raise UserInputError(tr("{name}: unbekanntes Format für Gebietsgrenzen; gelesen werden GeoJSON (.geojson), "
                                "Shapefile (.shp mit .dbf) und GeoPackage (.gpkg).", name=path.name))
    result.stand, result.source = _provenance(path)
    return result


def read_points(path: Path, *, layer: str | None = None) -> BoundaryLayer:
    """Read the point layer at ``path`` (facilities); its ``geometries`` are points or ``None``."""
    data = read_boundaries(path, layer=layer)
    geometries = data.geometries
    present = ~shapely.is_missing(geometries)
    kinds = shapely.get_type_id(geometries)
    multi = present & (kinds == shapely.GeometryType.MULTIPOINT) & (shapely.get_num_geometries(geometries) == 1)
    if multi.any():
        geometries = geometries.copy()
        geometries[multi] = shapely.get_geometry(geometries[multi], 0)
        kinds = shapely.get_type_id(geometries)
    empty = present & shapely.is_empty(geometries)
    wrong = np.flatnonzero(present & ~empty & (kinds != shapely.GeometryType.POINT))
    if len(wrong):
        raise UserInputError(tr("{name} ist keine Punkt-Ebene: Objekt {number} ist ein {kind}; als Einrichtungen "
                                "lassen sich nur Punkte importieren.", name=path.name,
                                number=format_number(int(wrong[0]) + 1),
                                kind=str(geometries[wrong[0]].geom_type)))
    if empty.any():
        geometries = geometries.copy()
        geometries[empty] = None
    data.geometries = geometries
    return data


# --- GeoJSON -------------------------------------------------------------------------------------------------

def _read_geojson(path: Path) -> BoundaryLayer:
    size = path.stat().st_size
    if size > MAX_GEOJSON_BYTES:
        raise UserInputError(tr("{name} ist mit {size} MB größer als die erlaubten {maximum} MB für GeoJSON; bitte "
                                "als GeoPackage oder Shapefile speichern.", name=path.name,
                                size=format_number(size // (1024 * 1024)),
                                maximum=format_number(MAX_GEOJSON_BYTES // (1024 * 1024))))
    try:
        data = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserInputError(tr("{name} ist keine lesbare GeoJSON-Datei: {problem}", name=path.name,
                                problem=str(exc))) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection" and isinstance(data.get("features"),
                                                                                           list):
        features = data["features"]
    else:
        raise UserInputError(tr("{name} ist keine GeoJSON-FeatureCollection.", name=path.name))
    properties: list[dict[str, Any]] = []
    geometries: list[Any] = []
    fields: dict[str, None] = {}
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise UserInputError(tr("{name}: Objekt {number} ist kein GeoJSON-Feature.", name=path.name,
                                    number=format_number(number)))
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        properties.append(props)
        fields.update(dict.fromkeys(props))
        geom = feature.get("geometry")
        try:
            geometries.append(shape(geom) if geom else None)
        except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException) as exc:
            raise UserInputError(tr("{name}: die Geometrie von Objekt {number} ist nicht lesbar ({problem}).",
                                    name=path.name, number=format_number(number), problem=str(exc))) from None
    crs_text = _geojson_crs(data.get("crs"), path)
    return BoundaryLayer(name=path.stem, path=path, format="GeoJSON", fields=list(fields), properties=properties,
                         geometries=_array(geometries), crs_text=crs_text,
                         crs_origin="geojson" if crs_text else "")


def _geojson_crs(member: object, path: Path) -> str | None:
    if member is None:
        return None
    if isinstance(member, dict) and isinstance(member.get("properties"), dict):
        kind, props = member.get("type"), member["properties"]
        if kind == "name" and isinstance(props.get("name"), str):
            return str(props["name"])
        if kind == "EPSG" and isinstance(props.get("code"), int | str):
            return f"EPSG:{props['code']}"
    raise UserInputError(tr("{name}: die crs-Angabe {crs} ist nicht lesbar.", name=path.name,
                            crs=json.dumps(member, ensure_ascii=False)[:200]))


# --- Shapefile -----------------------------------------------------------------------------------------------

_CPG_ALIASES = {"ansi 1252": "cp1252", "1252": "cp1252", "windows-1252": "cp1252", "utf8": "utf-8",
                "88591": "latin-1", "iso88591": "latin-1"}


def _sibling(path: Path, suffix: str) -> Path | None:
    """``path`` with another suffix, in any case (``.DBF``, ``.dbf``)."""
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.is_file():
            return candidate
    return None


def _cpg_encoding(cpg: Path) -> str | None:
    import codecs

    text = cpg.read_bytes().decode("ascii", errors="replace").strip()
    name = _CPG_ALIASES.get(text.lower(), text)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _read_shapefile(path: Path) -> BoundaryLayer:
    import shapefile  # pyshp

    dbf = _sibling(path, ".dbf")
    if dbf is None:
        raise UserInputError(tr("{name}: die zugehörige .dbf-Datei fehlt (sie enthält die Schlüssel und Namen der "
                                "Gebiete); bitte .shp, .dbf, .shx und .prj zusammen auswählen.", name=path.name))
    prj = _sibling(path, ".prj")
    crs_text = prj.read_bytes().decode("utf-8", errors="replace").strip() if prj else None
    cpg = _sibling(path, ".cpg")
    declared = _cpg_encoding(cpg) if cpg else None
    encodings = [declared] if declared else ["utf-8", "cp1252"]
    problem = ""
    for encoding in encodings:
        try:
            with shapefile.Reader(str(path), encoding=encoding, encodingErrors="strict") as reader:
                names = [f[0] for f in reader.fields[1:]]
                records = [dict(zip(names, rec, strict=True)) for rec in reader.iterRecords()]
                fast = _shp_polygons(path, reader)
                geometries = list(fast) if fast is not None else [
                    shape(s.__geo_interface__) if s.shapeType != shapefile.NULL else None for s in reader.shapes()]
            break
        except (UnicodeDecodeError, shapefile.ShapefileException) as exc:
            if not isinstance(exc, UnicodeDecodeError) and "decode" not in str(exc):
                raise UserInputError(tr("{name} ist kein lesbares Shapefile ({problem}).", name=path.name,
                                        problem=str(exc))) from None
            problem = tr("die Texte sind weder als {encodings} lesbar", encodings=" noch ".join(encodings))
        except (struct.error, ValueError, OSError) as exc:
            raise UserInputError(tr("{name} ist kein lesbares Shapefile ({problem}).", name=path.name,
                                    problem=str(exc))) from None
    else:
        raise UserInputError(tr("{name} ist kein lesbares Shapefile ({problem}).", name=path.name, problem=problem))
    if len(records) != len(geometries):
        raise UserInputError(tr("{name}: .shp und .dbf passen nicht zusammen ({shapes} Formen, {records} "
                                "Datensätze).", name=path.name, shapes=format_number(len(geometries)),
                                records=format_number(len(records))))
    return BoundaryLayer(name=path.stem, path=path, format="Shapefile", fields=names, properties=records,
                         geometries=_array(geometries), crs_text=crs_text, crs_origin="prj" if prj else "",
                         encoding=encoding)


_SHP_POLYGON_TYPES = frozenset({5, 15, 25})  # Polygon, PolygonZ, PolygonM (x and y are read, z and m ignored)


def _shp_polygons(path: Path, reader: Any) -> np.ndarray | None:
    """The polygons of a .shp read with numpy and built vectorised (11,000 Gemeinden: ~0.3 s instead of ~4 s).

    Only for polygon files whose records parse cleanly; ``None`` sends the caller to pyshp's general path. A shape
    of one ring is a polygon; several rings all clockwise (the Shapefile's outer rings) a multipolygon; a shape
    with holes (counter-clockwise rings) is built by pyshp, which assigns each hole to the ring containing it.
    """
    data = path.read_bytes()
    if len(data) < 100 or int.from_bytes(data[32:36], "little") not in _SHP_POLYGON_TYPES:
        return None
    rings_of: list[int] = []  # per record: number of rings (0: no geometry)
    parts_all: list[np.ndarray] = []
    points_all: list[np.ndarray] = []
    pos = 100
    try:
        while pos + 8 <= len(data):
            length = int.from_bytes(data[pos + 4:pos + 8], "big") * 2
            content = pos + 8
            kind = int.from_bytes(data[content:content + 4], "little")
            if kind == 0:
                rings_of.append(0)
            elif kind in _SHP_POLYGON_TYPES:
                parts, points = struct.unpack_from("<2i", data, content + 36)
                if parts <= 0 or points < 4 * parts:
                    return None
                starts = np.frombuffer(data, "<i4", parts, content + 44)
                coords = np.frombuffer(data, "<f8", 2 * points, content + 44 + 4 * parts).reshape(-1, 2)
                rings_of.append(parts)
                parts_all.append(np.diff(np.append(starts, points)))
                points_all.append(coords)
            else:
                return None
            pos = content + length
    except (struct.error, ValueError):
        return None
    if len(rings_of) != len(reader) or not points_all:
        return None
    ring_lengths = np.concatenate(parts_all)
    if (ring_lengths < 4).any():
        return None
    coords = np.concatenate(points_all)
    try:
        rings = shapely.linearrings(coords, indices=np.repeat(np.arange(len(ring_lengths)), ring_lengths))
    except (shapely.errors.GEOSException, ValueError):
        return None
    ccw = shapely.is_ccw(rings)
    counts = np.array(rings_of)
    owner = np.repeat(np.nonzero(counts)[0], counts[counts > 0])  # record of each ring
    polygons = shapely.polygons(rings)
    out = np.full(len(counts), None, dtype=object)
    single = counts == 1
    first_ring = np.cumsum(counts) - counts
    out[single] = polygons[first_ring[single]]
    multi = np.nonzero(counts > 1)[0]
    if len(multi):
        has_hole = np.zeros(len(counts), dtype=bool)
        np.logical_or.at(has_hole, owner, ccw)
        plain = multi[~has_hole[multi]]
        if len(plain):
            take = np.isin(owner, plain)
            built = shapely.multipolygons(polygons[take], indices=np.searchsorted(plain, owner[take]))
            out[plain] = built
        for record in multi[has_hole[multi]]:
            out[record] = shape(reader.shape(int(record)).__geo_interface__)
    return out


# --- GeoPackage ----------------------------------------------------------------------------------------------

def _open_geopackage(path: Path) -> sqlite3.Connection:
    with path.open("rb") as fh:
        head = fh.read(len(_SQLITE_MAGIC))
    not_one = tr("{name} ist keine GeoPackage-Datei.", name=path.name)
    if head != _SQLITE_MAGIC:
        raise UserInputError(not_one)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        raise UserInputError(not_one) from None
    if not {"gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys"} <= tables:
        conn.close()
        raise UserInputError(tr("{name} ist eine SQLite-Datenbank, aber keine GeoPackage-Datei (es fehlen die "
                                "gpkg-Tabellen).", name=path.name))
    return conn


def geopackage_layers(path: Path) -> list[str]:
    """The feature layers (tables) of a GeoPackage, in the order of ``gpkg_contents``."""
    conn = _open_geopackage(Path(path))
    try:
        return _layers(conn)
    finally:
        conn.close()


def _layers(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
        "WHERE c.data_type = 'features' ORDER BY c.rowid")]


def _gpkg_wkb(blob: bytes) -> bytes:
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("kein GPKG-Geometrieblock")
    envelope = (blob[3] >> 1) & 0b111
    if envelope not in _ENVELOPE_BYTES:
        raise ValueError(f"unbekannte Hüllenart {envelope}")
    return blob[8 + _ENVELOPE_BYTES[envelope]:]


def _read_geopackage(path: Path, layer: str | None) -> BoundaryLayer:
    conn = _open_geopackage(path)
    try:
        layers = _layers(conn)
        if not layers:
            raise UserInputError(tr("{name}: das GeoPackage enthält keine Flächen-Ebene.", name=path.name))
        if layer is None:
            if len(layers) > 1:
                raise LayerChoiceNeeded(tr("{name} enthält mehrere Ebenen; bitte eine wählen: {layers}.",
                                           name=path.name, layers=", ".join(layers)), layers)
            layer = layers[0]
        elif layer not in layers:
            raise UserInputError(tr("{name} hat keine Ebene „{layer}“; vorhanden: {layers}.", name=path.name,
                                    layer=layer, layers=", ".join(layers)))
        column, srs_id = conn.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                                      (layer,)).fetchone()
        srs = conn.execute("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
        crs_text = srs[0] if srs and srs[0] and srs[0].strip().lower() != "undefined" else None
        cursor = conn.execute(f'SELECT * FROM "{layer.replace(chr(34), chr(34) * 2)}"')
        names = [d[0] for d in cursor.description]
        geo_at = names.index(column)
        pk = {row[1] for row in conn.execute(f'PRAGMA table_info("{layer.replace(chr(34), chr(34) * 2)}")')
              if row[5]}
        fields = [n for i, n in enumerate(names) if i != geo_at and n not in pk]
        properties: list[dict[str, Any]] = []
        blobs: list[bytes | None] = []
        for row in cursor:
            properties.append({n: row[i] for i, n in enumerate(names) if n in fields})
            blobs.append(_gpkg_wkb(row[geo_at]) if row[geo_at] is not None else None)
    except sqlite3.DatabaseError as exc:
        raise UserInputError(tr("{name}: das GeoPackage ist nicht lesbar ({problem}).", name=path.name,
                                problem=str(exc))) from None
    except ValueError as exc:
        raise UserInputError(tr("{name}: eine Geometrie der Ebene „{layer}“ ist nicht lesbar ({problem}).",
                                name=path.name, layer=layer, problem=str(exc))) from None
    finally:
        conn.close()
    try:
        geometries = shapely.from_wkb(np.array(blobs, dtype=object))
    except shapely.errors.GEOSException as exc:
        raise UserInputError(tr("{name}: eine Geometrie der Ebene „{layer}“ ist nicht lesbar ({problem}).",
                                name=path.name, layer=layer, problem=str(exc))) from None
    return BoundaryLayer(name=layer, path=path, format="GeoPackage", fields=fields, properties=properties,
                         geometries=np.asarray(geometries, dtype=object), crs_text=crs_text,
                         crs_origin="gpkg" if crs_text else "", layers=layers)


# --- provenance ----------------------------------------------------------------------------------------------

def _text(path: Path) -> str:
    raw = path.read_bytes()[:100_000]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_DATE = re.compile(r"\b(\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})\b")
_YEAR_PLACEHOLDER = re.compile(r"\s*<[^>]*>\s*|\s*\(?\b(?:19|20)\d{2}\b\)?\s*")


def _provenance(path: Path) -> tuple[str | None, str | None]:
    """(Stand, source line) from the files beside the boundary file, where there are such files."""
    stand: str | None = None
    source: str | None = None
    folder = path.parent
    for candidate in sorted(folder.glob("*.txt")):
        lower = candidate.name.lower()
        if stand is None and ("aktualit" in lower or lower.startswith("stand")):
            found = _DATE.search(_text(candidate))
            stand = found.group(1) if found else None
        if source is None and ("quellenvermerk" in lower or "lizenz" in lower or "licen" in lower):
            for line in _text(candidate).splitlines():
                if "©" in line and "verändert" not in line:
                    source = line.strip()
                    break
    if source is not None:
        year = stand[-4:] if stand and stand[-4:].isdigit() else (stand[:4] if stand else None)
        if year:
            source = f"{_YEAR_PLACEHOLDER.sub(' ', source).strip()} ({year})"
        else:
            source = re.sub(r"\s*<[^>]*>", "", source).strip()
    return stand, source


def _array(items: list[Any]) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out
