"""Import boundary files into a workspace as layers of region geometries; list the layers.

``import_boundaries`` is the one use case behind ``bildungsplaner geo import`` (and the window's import page):

1. read the file (:mod:`bildungsplaner.geo.readers`: GeoJSON, Shapefile, GeoPackage with a layer choice) and
   refuse what is not a boundary layer (points, lines, no features);
2. find the key and name fields and read the keys as text (:mod:`bildungsplaner.geo.keys`; a key stored as a
   number gets its leading zero back by the importer's rule and the report says so); duplicate keys refuse the
   layer, listed;
3. determine the CRS (the user's ``crs``, the file's full WKT or CRS name, else inferred and said so), transform
   to EPSG:25832 and refuse a layer that does not lie in Germany, naming the CRS (:mod:`bildungsplaner.geo.crs`);
4. repair invalid geometries and report each repair; compute the drawing version
   (:mod:`bildungsplaner.geo.geometry`);
5. match the keys to the workspace's regions with the importer's key rules (:class:`KeyIndex`: the same key,
   12-digit ARS ↔ 8-digit AGS, Berlin's and Hamburg's Kreis key ``11000``/``02000`` ↔ their Land key
   ``11``/``02`` when the workspace has only that, a local key below ``create_under``). Unmatched features are
   listed by key and name and not stored — unless ``create_under`` names a region: then they become regions of
   ``level`` below it (Köln's 86 Stadtteile below 05315000, keys ``05315000-101`` …). Regions of the layer's
   level that got no geometry are listed;
6. check coverage: the features below a parent region that already has a geometry (in another layer) must cover
   it — gaps, parts outside and overlaps beyond the tolerance are reported;
7. write the layer (a layer of the same name is replaced), the created regions, one geometry per region and an
   audit entry in ONE transaction; any error or Cancel (``progress``) rolls everything back. ``dry_run`` does all
   of it and rolls back: the report is the preview.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from sqlalchemy import delete, select

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.geo import crs as geo_crs
from bildungsplaner.geo import geometry as geo_geometry
from bildungsplaner.geo.keys import read_keys
from bildungsplaner.geo.readers import read_boundaries
from bildungsplaner.i18n import tr
from bildungsplaner.importing.regionkeys import ags_for_key, ags_from_ars, is_region_key, repair_leading_zero
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.geo import GeoLayer, RegionGeometry
from bildungsplaner.store.models import AuditAction, Region, RegionLevel

__all__ = ["BoundaryReport", "KeyIndex", "LayerInfo", "import_boundaries", "list_layers", "local_key"]

MAX_LISTED = 50
#: Berlin and Hamburg are Land, Kreis and Gemeinde at once: GENESIS tables key them as the Land (``11``, ``02``),
#: boundary files as the Kreis (``11000``) or Gemeinde (``11000000``).
_CITY_STATES = frozenset({"02", "11"})
_KEY_LENGTH = 40


def local_key(under: str, key: str) -> str:
    """The workspace key of a local area ``key`` (a Stadtteil number) below the region ``under``."""
    return key if key.startswith(under) and is_region_key(key) else f"{under}-{key}"


class KeyIndex:
    """The workspace's region keys for matching: by key, and by the AGS of each Gemeinde-level key."""

    def __init__(self, by_key: Mapping[str, int]) -> None:
        self.by_key = by_key
        self._by_ags: dict[str, int | None] | None = None

    def _ags(self) -> dict[str, int | None]:
        if self._by_ags is None:
            found: dict[str, int | None] = {}
            for key, rid in self.by_key.items():
                if len(key) in (10, 11, 12) and is_region_key(key):
                    ags = ags_for_key(key)
                    if ags is not None:
                        found[ags] = None if ags in found else rid  # None: more than one
            self._by_ags = found
        return self._by_ags

    def match(self, key: str, under: str | None = None) -> tuple[int | None, str]:
        """(region id, how) for a feature key; how: ``key``, ``ags``, ``ars``, ``land``, ``local`` (id ``None``:
        none)."""
        if key in self.by_key:
            return self.by_key[key], "key"
        if len(key) == 12 and is_region_key(key):
            ags = ags_from_ars(key)
            if ags in self.by_key:
                return self.by_key[ags], "ags"
        if len(key) == 8 and is_region_key(key):
            rid = self._ags().get(key)
            if rid is not None:
                return rid, "ars"
        if key[:2] in _CITY_STATES and key[2:] in ("000", "000000") and key[:2] in self.by_key:
            return self.by_key[key[:2]], "land"
        if under is not None:
            local = local_key(under, key)
            if local in self.by_key:
                return self.by_key[local], "local"
        return None, ""


@dataclass
class BoundaryReport:
    """What an import of boundaries found and did (or, with ``dry_run``, would do)."""

    file: str
    layer: str
    format: str
    features: int = 0
    matched: int = 0
    created: int = 0
    #: features whose key no region of the workspace has, as (key, name); not stored
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    #: regions of the layer's level that got no geometry from it, as (key, name)
    regions_without_geometry: list[tuple[str, str]] = field(default_factory=list)
    crs: str = ""
    crs_how: str = ""
    crs_inferred: bool = False
    key_field: str = ""
    name_field: str | None = None
    level: str | None = None
    #: repaired features: {"key", "name", "reason", "area_before", "area_after"} (areas in m²)
    repaired: list[dict[str, Any]] = field(default_factory=list)
    #: coverage problems: {"parent", "name", "covered", "gap_km2", "outside_km2", "overlap_km2", "kinds"}
    coverage: list[dict[str, Any]] = field(default_factory=list)
    #: keys stored as numbers in the file, as (stored, key used)
    keys_from_numbers: list[tuple[str, str]] = field(default_factory=list)
    matched_by: dict[str, int] = field(default_factory=dict)
    without_geometry: list[tuple[str, str]] = field(default_factory=list)
    shared_borders: bool = True
    stand: str | None = None
    source: str | None = None
    layers: list[str] = field(default_factory=list)
    replaced: bool = False
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``features``, ``matched``, ``created``, ``unmatched``, ``regions_without_geometry``,
        ``crs``, ``layer`` and the details)."""
        return {
            "features": self.features, "matched": self.matched, "created": self.created,
            "unmatched": [{"key": k, "name": n} for k, n in self.unmatched],
            "regions_without_geometry": [{"key": k, "name": n} for k, n in self.regions_without_geometry],
            "crs": self.crs, "layer": self.layer,
            "crs_how": self.crs_how, "crs_inferred": self.crs_inferred, "file": self.file, "format": self.format,
            "key_field": self.key_field, "name_field": self.name_field, "level": self.level,
            "matched_by": self.matched_by, "repaired": self.repaired, "coverage": self.coverage,
            "keys_from_numbers": [{"stored": s, "key": k} for s, k in self.keys_from_numbers],
            "without_geometry": [{"key": k, "name": n} for k, n in self.without_geometry],
            "shared_borders": self.shared_borders, "stand": self.stand, "source": self.source,
            "layers": self.layers, "replaced": self.replaced, "dry_run": self.dry_run,
        }

    def summary(self) -> str:
        """German lines for the command line and the window."""
        lines = [tr("Ebene „{layer}“ aus {file}: {features} Gebiete, {matched} zugeordnet, {created} neu angelegt, "
                    "{unmatched} ohne passendes Gebiet.", layer=self.layer, file=self.file,
                    features=format_number(self.features), matched=format_number(self.matched),
                    created=format_number(self.created), unmatched=format_number(len(self.unmatched))),
                 tr("Koordinatensystem: {crs} ({how}); Schlüsselfeld „{key}“.", crs=self.crs, how=self.crs_how,
                    key=self.key_field)]
        if self.keys_from_numbers:
            lines.append(tr("{count} Schlüssel waren als Zahlen gespeichert und wurden als Text gelesen (führende "
                            "Null ergänzt, wo eindeutig).", count=format_number(len(self.keys_from_numbers))))
        if self.unmatched:
            lines.append(tr("Ohne passendes Gebiet (nicht übernommen): {items}", items=_items(self.unmatched)))
        if self.regions_without_geometry:
            lines.append(tr("Gebiete ohne Grenze in dieser Ebene: {items}",
                            items=_items(self.regions_without_geometry)))
        for item in self.repaired:
            lines.append(tr("Ungültige Geometrie repariert: {name} ({key}): {reason}", name=item["name"],
                            key=item["key"], reason=item["reason"]))
        for item in self.coverage:
            lines.append(tr("{name} ({key}) wird von den Gebieten dieser Ebene zu {covered} % abgedeckt (Lücken "
                            "{gap} km², außerhalb {outside} km², Überlappungen {overlap} km²).", name=item["name"],
                            key=item["parent"], covered=format_number(item["covered"] * 100, 1),
                            gap=format_number(item["gap_km2"], 2), outside=format_number(item["outside_km2"], 2),
                            overlap=format_number(item["overlap_km2"], 2)))
        if self.without_geometry:
            lines.append(tr("Ohne Geometrie (nicht übernommen): {items}", items=_items(self.without_geometry)))
        if not self.shared_borders:
            lines.append(tr("Die Zeichenfassung einiger Gebiete wurde einzeln vereinfacht (ihre gemeinsamen Grenzen "
                            "können um Bruchteile eines Bildpunkts abweichen)."))
        if self.replaced:
            lines.append(tr("Die bisherige Ebene gleichen Namens wurde ersetzt."))
        if self.dry_run:
            lines.append(tr("Probelauf: nichts gespeichert."))
        return "\n".join(lines)


def _items(pairs: list[tuple[str, str]], limit: int = 10) -> str:
    shown = "; ".join(f"{name} ({key})" for key, name in pairs[:limit])
    more = len(pairs) - limit
    return shown + (tr(" … und {count} weitere", count=format_number(more)) if more > 0 else "")


@dataclass
class LayerInfo:
    """One stored layer (``geo list``)."""

    id: int
    name: str
    level: str | None
    features: int
    source_file: str
    stand: str | None
    source: str | None
    source_crs: str
    imported_at: datetime
    imported_by: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "level": self.level, "features": self.features,
                "source_file": self.source_file, "stand": self.stand, "source": self.source,
                "source_crs": self.source_crs, "imported_at": self.imported_at.isoformat(),
                "imported_by": self.imported_by}


def list_layers(ws: Workspace) -> list[LayerInfo]:
    """The workspace's boundary layers, by name (in natural order, alike on a file and a server:
    :func:`~bildungsplaner.services.browse.by_natural_name`)."""
    from bildungsplaner.services.browse import by_natural_name

    with ws.session() as session:
        rows = by_natural_name(session.scalars(select(GeoLayer)).all(), lambda r: r.name)
        return [LayerInfo(r.id, r.name, r.level, r.feature_count, r.source_file, r.stand, r.source, r.source_crs,
                          r.imported_at, r.imported_by) for r in rows]


class _DryRun(Exception):
    """Raised at the end of a dry run so that the transaction rolls back."""


def _listed(pairs: list[tuple[str, str]]) -> str:
    return _items(pairs, limit=20)


def import_boundaries(ws: Workspace, path: Path, *, layer: str | None = None, key_field: str | None = None,
                      name_field: str | None = None, level: str | None = None, create_under: str | None = None,
                      crs: str | None = None, dry_run: bool = False, progress: Progress | None = None,
                      name: str | None = None, stand: str | None = None, source: str | None = None
                      ) -> BoundaryReport:
    """Import the boundary file at ``path`` as a layer (see the module docstring); ``name``, ``stand`` and
    ``source`` override what the file says (layer name, Stand, source line)."""
    progress = progress or NullProgress()
    path = Path(path)
    levels = [lv.value for lv in RegionLevel]
    if level is not None and level not in levels:
        raise UserInputError(tr("Unbekannte Ebene „{level}“; möglich sind: {levels}.", level=level,
                                levels=", ".join(levels)))
    if create_under is not None and level is None:
        raise UserInputError(tr("Mit --create-under bitte auch die Ebene der neuen Gebiete angeben (--level, z. B. "
                                "sozialraum oder stadtteil)."))
    progress.report(0.0, tr("Grenzen lesen …"))
    data = read_boundaries(path, layer=layer)
    progress.check()
    if not len(data):
        raise UserInputError(tr("{name} enthält keine Gebiete.", name=path.name))
    keys = read_keys(data.fields, data.properties, path.name, key_field=key_field, name_field=name_field,
                     repair=lambda k: repair_leading_zero(k)[0])
    wrong = geo_geometry.non_areal(data.geometries)
    if wrong:
        raise UserInputError(tr("{name} enthält keine Flächen, sondern Punkte oder Linien (z. B. {items}); "
                                "Gebietsgrenzen müssen Polygone sein.", name=path.name,
                                items=_listed([(keys.keys[i], keys.names[i]) for i in wrong])))
    report = BoundaryReport(file=path.name, layer=name or data.name, format=data.format, features=len(data),
                            key_field=keys.key_field, name_field=keys.name_field, layers=data.layers,
                            keys_from_numbers=keys.from_numbers, stand=stand or data.stand,
                            source=source or data.source, dry_run=dry_run)
    present = ~shapely.is_missing(data.geometries) & ~shapely.is_empty(data.geometries)
    report.without_geometry = [(keys.keys[i], keys.names[i]) for i in np.nonzero(~present)[0]]
    if not present.any():
        raise UserInputError(tr("{name}: kein Gebiet hat eine Geometrie.", name=path.name))

    source_crs = geo_crs.resolve_crs(data.crs_text, data.crs_origin, path.name,
                                     tuple(shapely.total_bounds(data.geometries[present])), user=crs)
    report.crs, report.crs_how, report.crs_inferred = source_crs.name, source_crs.how, source_crs.inferred
    progress.report(0.1, tr("Koordinaten umrechnen …"))
    geometries = geo_crs.to_target(data.geometries, source_crs)
    geo_crs.check_in_germany(geometries, source_crs, path.name)
    progress.check()
    progress.report(0.3, tr("Geometrien prüfen …"))
    geometries, repairs = geo_geometry.repair(geometries)
    lost = [r for r in repairs if r.area_after <= 0]
    if lost:
        raise UserInputError(tr("{name}: die Geometrie von {items} ist nicht zu reparieren (keine Fläche übrig).",
                                name=path.name, items=_listed([(keys.keys[r.index], keys.names[r.index])
                                                               for r in lost])))
    report.repaired = [{"key": keys.keys[r.index], "name": keys.names[r.index], "reason": r.reason,
                        "area_before": r.area_before, "area_after": r.area_after} for r in repairs]
    progress.check()
    indices = np.nonzero(present)[0]
    simplified, report.shared_borders = geo_geometry.simplify_for_drawing(
        geometries[indices], geo_geometry.drawing_tolerance(geometries[indices]))
    progress.check()
    progress.report(0.5, tr("Gebiete zuordnen …"))
    # on a server one writer at a time (the workspace's write lock, refused at once naming who writes): the layer
    # rewrites regions and their geometry in bulk; a preview waits for nobody either, but is not announced
    try:
        with contextlib.nullcontext() if dry_run else ws.announce("boundaries"), ws.transaction() as session:
            ws.lock_for_writing(session)
            _store(session, report, keys.keys, keys.names, indices, geometries, simplified, level, create_under,
                   source_crs, path, progress)
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    progress.report(1.0, tr("Fertig."))
    return report


def _store(session: Any, report: BoundaryReport, keys: list[str], names: list[str], indices: np.ndarray,
           geometries: np.ndarray, simplified: np.ndarray, level: str | None, create_under: str | None,
           source_crs: geo_crs.SourceCrs, path: Path, progress: Progress) -> None:
    rows = session.execute(select(Region.id, Region.key, Region.name, Region.level, Region.parent_id)).all()
    by_key = {r.key: r.id for r in rows}
    info = {r.id: r for r in rows}
    index = KeyIndex(by_key)
    under_id: int | None = None
    if create_under is not None:
        if create_under not in by_key:
            raise UserInputError(tr("Das Gebiet {key} (--create-under) gibt es im Arbeitsbereich nicht.",
                                    key=create_under))
        under_id = by_key[create_under]
    region_of: dict[int, int] = {}  # feature index -> region id
    how_counts: Counter[str] = Counter()
    to_create: list[int] = []
    for i in indices:
        rid, how = index.match(keys[i], create_under)
        if rid is None:
            if under_id is not None:
                to_create.append(int(i))
            else:
                report.unmatched.append((keys[i], names[i]))
            continue
        region_of[int(i)] = rid
        how_counts[how] += 1
    twice = [rid for rid, n in Counter(region_of.values()).items() if n > 1]
    if twice:
        pairs = [(keys[i], names[i]) for i, rid in region_of.items() if rid in twice]
        raise UserInputError(tr("{name}: mehrere Objekte gehören zu demselben Gebiet (z. B. AGS und ARS desselben "
                                "Orts): {items}.", name=path.name, items=_listed(pairs)))
    report.matched = len(region_of)
    report.matched_by = dict(how_counts)
    if to_create:
        assert create_under is not None and level is not None
        new = [(local_key(create_under, keys[i]), (names[i] or keys[i])[:200], level, under_id) for i in to_create]
        too_long = [(k, n) for k, n, _, _ in new if len(k) > _KEY_LENGTH]
        if too_long:
            raise UserInputError(tr("Schlüssel länger als {count} Zeichen: {items}.",
                                    count=format_number(_KEY_LENGTH), items=_listed(too_long)))
        insert_rows(session, Region.__table__, ["key", "name", "level", "parent_id"], new)
        created = dict(session.execute(select(Region.key, Region.id).where(
            Region.key.in_([k for k, *_ in new]))).all())
        for i, (key, *_rest) in zip(to_create, new, strict=True):
            region_of[i] = created[key]
        report.created = len(new)
    progress.check()

    levels = Counter(info[rid].level for rid in region_of.values() if rid in info)
    report.level = level or (levels.most_common(1)[0][0] if levels else None)
    got = set(region_of.values())
    if report.level is not None:
        report.regions_without_geometry = sorted(
            (r.key, r.name) for r in rows if r.level == report.level and r.id not in got
            and (under_id is None or r.parent_id == under_id))

    old = session.scalars(select(GeoLayer).where(GeoLayer.name == report.layer)).one_or_none()
    _check_coverage(session, report, region_of, info, geometries, old.id if old else None, under_id)
    progress.check()
    progress.report(0.7, tr("Speichern …"))
    if old is not None:
        session.execute(delete(RegionGeometry).where(RegionGeometry.layer_id == old.id))
        session.delete(old)
        session.flush()
        report.replaced = True
    layer = GeoLayer(name=report.layer, level=report.level, source_file=path.name, stand=report.stand,
                     source=report.source, source_crs=source_crs.describe(), feature_count=len(region_of),
                     imported_by=current_user(),
                     meta={"key_field": report.key_field, "name_field": report.name_field, "format": report.format,
                           "repaired": report.repaired, "coverage": report.coverage,
                           "shared_borders": report.shared_borders})
    session.add(layer)
    session.flush()
    position = {int(i): n for n, i in enumerate(indices)}
    order = sorted(region_of)
    full = geometries[order]
    drawn = simplified[[position[i] for i in order]]
    boxes = shapely.bounds(full)
    wkb_full = shapely.to_wkb(full)
    wkb_drawn = shapely.to_wkb(drawn)
    out = [(layer.id, region_of[i], keys[i][:_KEY_LENGTH], names[i][:200], wkb_full[n], wkb_drawn[n],
            *map(float, boxes[n])) for n, i in enumerate(order)]
    insert_rows(session, RegionGeometry.__table__,
                ["layer_id", "region_id", "feature_key", "feature_name", "geometry", "simplified", "min_x", "min_y",
                 "max_x", "max_y"], out, after_chunk=lambda _n: progress.check())
    record(session, AuditAction.IMPORT, {"geo_layer": report.layer, "file": path.name, "features": report.features,
                                         "matched": report.matched, "created": report.created,
                                         "crs": report.crs, "replaced": report.replaced})


def _check_coverage(session: Any, report: BoundaryReport, region_of: dict[int, int], info: dict[int, Any],
                    geometries: np.ndarray, old_layer: int | None, under_id: int | None) -> None:
    """Compare the features below each parent region that has a geometry in another layer with that geometry."""
    parents: dict[int, list[int]] = {}
    for i, rid in region_of.items():
        parent = under_id if under_id is not None and rid not in info else (info[rid].parent_id if rid in info
                                                                            else None)
        if parent is not None:
            parents.setdefault(parent, []).append(i)
    if not parents:
        return
    query = select(RegionGeometry.region_id, RegionGeometry.geometry).where(
        RegionGeometry.region_id.in_(list(parents))).order_by(RegionGeometry.layer_id)
    if old_layer is not None:
        query = query.where(RegionGeometry.layer_id != old_layer)
    shapes = {rid: blob for rid, blob in session.execute(query)}  # the newest layer's geometry wins
    # a kreisfreie Stadt (AGS KKKKK000) has the area of its Kreis KKKKK: the Kreis layer's geometry stands in
    stand_in = {parent: info[parent].key[:5] for parent in parents
                if parent not in shapes and parent in info and len(info[parent].key) == 8
                and info[parent].key.endswith("000") and is_region_key(info[parent].key)}
    kreis_ids = {r.key: rid for rid, r in info.items() if r.key in set(stand_in.values())}
    if kreis_ids:
        more = select(RegionGeometry.region_id, RegionGeometry.geometry).where(
            RegionGeometry.region_id.in_(list(kreis_ids.values()))).order_by(RegionGeometry.layer_id)
        if old_layer is not None:
            more = more.where(RegionGeometry.layer_id != old_layer)
        kreis_shapes = {rid: blob for rid, blob in session.execute(more)}
        for parent, kreis in stand_in.items():
            if kreis_ids.get(kreis) in kreis_shapes:
                shapes[parent] = kreis_shapes[kreis_ids[kreis]]
    for parent, children in sorted(parents.items()):
        if parent not in shapes:
            continue
        problem = geo_geometry.check_coverage(shapely.from_wkb(shapes[parent]), geometries[children])
        if problem is None:
            continue
        row = info.get(parent)
        report.coverage.append({
            "parent": row.key if row else str(parent), "name": row.name if row else "",
            "covered": round(problem.covered, 4), "gap_km2": round(problem.gap / 1e6, 3),
            "outside_km2": round(problem.outside / 1e6, 3), "overlap_km2": round(problem.overlap / 1e6, 3),
            "kinds": problem.kinds})
