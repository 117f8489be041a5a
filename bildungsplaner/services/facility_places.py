"""Where each facility lies: coordinates on import, ``facilities assign`` and the counts per region and kind.

Rules:

* **On import** (:func:`place_rows`, called by :mod:`bildungsplaner.services.importing` for a facility batch
  with ``x``/``y``): the coordinates are transformed from the batch's CRS (``meta["crs"]``, a template's ``crs``
  or a point layer's) to EPSG:25832. A point outside Germany (or that pyproj cannot transform) is a row-level
  problem: the facility is imported without coordinates and the report lists the row (never an exception). A
  row whose region columns name no region (or a template without region columns) is placed in the smallest
  region whose stored boundary (:class:`~bildungsplaner.store.geo.RegionGeometry`, any layer; the newest layer
  where a region has several) contains the point: the deepest level wins, then the smaller area. A row that
  names its region keeps it. A point in no stored boundary leaves the facility without a region, reported.
* **``facilities assign --level LEVEL``** (:func:`assign_facilities`): every facility with coordinates is placed
  in the region of that level containing it (one vectorised ``STRtree.query(points, predicate="within")``,
  :func:`bildungsplaner.geo.points.locate`); the report lists moved and „nicht zugeordnet“ facilities (by key
  and name; these keep their region) and counts the unchanged ones. One transaction; ``dry_run`` rolls back.
* **Taken back like an import**: an assignment that moves facilities is one dataset (format
  :data:`COUNT_FORMAT`, ``meta["history"]``) with a :class:`~bildungsplaner.store.models.FacilityVersion` row per
  moved facility (its state before), and the moved facilities now come from it — so ``bildungsplaner data delete
  N`` / „Import löschen…“ restores their regions, exactly as for an import of facilities
  (:func:`bildungsplaner.services.import_history.delete_import`).
* **Counts as an indicator**: the same dataset holds, per kind of facility, the number of facilities in each
  region of the level (``EINR_<KIND>``, e.g. ``EINR_GRUNDSCHULE`` „Grundschule je Kreis“, unit Anzahl; 0 for a
  region of the level with a boundary and no such facility), period = the day of the assignment. They are
  ordinary observations, so the Daten tab, maps, Kennzahlen formulas (``EINR_GRUNDSCHULE / BEV_6_10``) and
  exports use them unchanged. A newer assignment to the same level supersedes the older counts (kept as
  history, current again when the newer one is taken back). They are a snapshot: a later import of facilities
  does not recount them — the next ``assign`` does (the report of an import does not say so; see the handbook).
  The Kennzahlen are refreshed in the same transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from sqlalchemy import Text, bindparam, insert, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.geo import points as geo_points
from bildungsplaner.i18n import tr
from bildungsplaner.importing.codes import indicator_code
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.import_history import HISTORY_VERSION
from bildungsplaner.store import dimensions as dims
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.bulk import insert_rows, null_value
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.geo import GeoLayer, RegionGeometry
from bildungsplaner.store.models import (
    AuditAction,
    Dataset,
    Facility,
    FacilityVersion,
    Indicator,
    Observation,
    Phase,
    Region,
    RegionLevel,
)

if TYPE_CHECKING:
    from bildungsplaner.importing.batch import Batch

__all__ = ["COUNT_FORMAT", "Areas", "AssignReport", "assign_facilities", "count_code", "load_areas", "place_rows"]

#: Dataset format of an assignment (its count values and the moved facilities' history).
COUNT_FORMAT = "zaehlung"
MAX_LISTED = 50
_LEVEL_DEPTH = {level.value: depth for depth, level in enumerate(RegionLevel)}


def count_code(kind: str) -> str:
    """The indicator code of the counts of one kind of facility: ``Grundschule`` → ``EINR_GRUNDSCHULE``."""
    return f"EINR_{indicator_code(kind)}"[:80]


@dataclass
class Areas:
    """Regions with a stored boundary: ids, keys, names, levels and geometries (EPSG:25832), with a rank for
    overlaps (deepest level, then smallest area, first)."""

    region_ids: np.ndarray
    keys: list[str]
    names: list[str]
    levels: list[str]
    geometries: np.ndarray
    rank: np.ndarray

    def __len__(self) -> int:
        return len(self.region_ids)

    def locate(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Region id per point (``-1``: in none)."""
        index = geo_points.locate(x, y, self.geometries, self.rank)
        return np.where(index >= 0, np.append(self.region_ids, -1)[index], -1)


def load_areas(session: Session, level: str | None = None) -> Areas:
    """The stored boundaries (one per region: the newest layer's), of one level or of all.

    A level's boundaries are those of its regions and those of a layer of that level: Berlin and Hamburg are
    Kreise in the BKG's Kreis layer and Länder (``11``, ``02``) in a GENESIS table."""
    query = (select(RegionGeometry.region_id, RegionGeometry.geometry, Region.key, Region.name, Region.level)
             .join(Region, Region.id == RegionGeometry.region_id).order_by(RegionGeometry.layer_id))
    if level is not None:
        query = query.join(GeoLayer, GeoLayer.id == RegionGeometry.layer_id).where(
            or_(Region.level == level, GeoLayer.level == level))
    newest: dict[int, Any] = {row.region_id: row for row in session.execute(query)}
    rows = list(newest.values())
    geometries = shapely.from_wkb(np.array([r.geometry for r in rows], dtype=object)) if rows \
        else np.empty(0, dtype=object)
    depth = np.array([_LEVEL_DEPTH.get(r.level, len(_LEVEL_DEPTH)) for r in rows], dtype=np.float64)
    rank = -depth * 1e13 + (shapely.area(geometries) if rows else 0.0)  # areas stay far below 1e13 m²
    return Areas(np.array([r.region_id for r in rows], dtype=np.int64), [r.key for r in rows],
                 [r.name for r in rows], [r.level for r in rows], geometries, np.asarray(rank, dtype=np.float64))


# --- on import ---------------------------------------------------------------------------------------------

def place_rows(session: Session, batch: Batch, region_ids: np.ndarray, report: Any) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of a facility batch in EPSG:25832 (NaN where none or outside Germany) and, in place, a region
    for each row that names none and lies in a stored boundary; fills ``report.coordinates_outside`` and
    ``report.facilities_placed`` (an :class:`~bildungsplaner.services.importing.ImportReport`)."""
    rows = batch.rows
    crs = str(batch.meta.get("crs") or "EPSG:25832")
    x, y = geo_points.to_target_xy(rows["x"].to_numpy(dtype=np.float64), rows["y"].to_numpy(dtype=np.float64), crs)
    given = ~np.isnan(rows["x"].to_numpy(dtype=np.float64)) & ~np.isnan(rows["y"].to_numpy(dtype=np.float64))
    inside = geo_points.in_germany(x, y)
    outside = given & ~inside
    for i in np.flatnonzero(outside)[:MAX_LISTED]:
        report.coordinates_outside.append({
            "row": int(rows["source_row"].iat[i]), "key": str(rows["key"].iat[i]), "name": str(rows["name"].iat[i]),
            "x": float(rows["x"].iat[i]), "y": float(rows["y"].iat[i])})
    if outside.any():
        first = int(np.argmax(outside))
        report.warnings.append(tr(
            "{count} Einrichtungen haben Koordinaten außerhalb Deutschlands (Koordinatensystem {crs}; z. B. Zeile "
            "{row}, {key} {name}: {x}, {y}); sie wurden ohne Koordinaten übernommen. Bitte Spalten und "
            "Koordinatensystem prüfen (crs in der Importvorlage).", count=format_number(int(outside.sum())),
            crs=geo_points.crs_name(crs),
            row=int(rows["source_row"].iat[first]), key=str(rows["key"].iat[first]), name=str(rows["name"].iat[first]),
            x=format_number(float(rows["x"].iat[first]), 4), y=format_number(float(rows["y"].iat[first]), 4)))
    x[~inside], y[~inside] = np.nan, np.nan
    wanted = (region_ids < 0) & inside
    if wanted.any():
        areas = load_areas(session)
        found = areas.locate(x[wanted], y[wanted])
        placed = np.flatnonzero(wanted)[found >= 0]
        region_ids[placed] = found[found >= 0]
        report.facilities_placed = len(placed)
        missing = np.flatnonzero(wanted)[found < 0]
        if len(missing):
            first = int(missing[0])
            report.warnings.append(tr(
                "{count} Einrichtungen ohne Gebietsangabe liegen in keinem Gebiet mit importierter Grenze (z. B. "
                "Zeile {row}, {key} {name}); sie wurden ohne Gebiet übernommen.",
                count=format_number(len(missing)), row=int(rows["source_row"].iat[first]),
                key=str(rows["key"].iat[first]), name=str(rows["name"].iat[first])))
    return x, y


# --- facilities assign -------------------------------------------------------------------------------------

@dataclass
class AssignReport:
    """What :func:`assign_facilities` did (or, with ``dry_run``, would do)."""

    level: str
    #: facilities with coordinates (the ones placed), and those without
    facilities: int = 0
    without_coordinates: int = 0
    moved: int = 0
    unchanged: int = 0
    #: facilities in no region of the level („nicht zugeordnet“): {"key", "name", "kind"}; they keep their region
    not_assigned: list[dict[str, Any]] = field(default_factory=list)
    #: moved facilities: {"key", "name", "kind", "from", "to"} (region keys; at most MAX_LISTED)
    moved_facilities: list[dict[str, Any]] = field(default_factory=list)
    #: regions of the level with a boundary
    regions: int = 0
    #: count indicators: code -> {"kind", "name", "total", "regions_with": n}
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)
    period: str = ""
    dataset: int | None = None
    supersedes: list[int] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "facilities": self.facilities, "moved": self.moved,
                "unchanged": self.unchanged, "not_assigned": self.not_assigned,
                "without_coordinates": self.without_coordinates, "moved_facilities": self.moved_facilities,
                "regions": self.regions, "indicators": self.indicators, "period": self.period,
                "dataset": self.dataset, "supersedes": self.supersedes, "dry_run": self.dry_run}

    def summary(self) -> str:
        lines = [tr("Ebene {level}: {facilities} Einrichtungen mit Koordinaten, {moved} neu zugeordnet, {unchanged} "
                    "unverändert, {outside} nicht zugeordnet; {without} ohne Koordinaten.", level=self.level,
                    facilities=format_number(self.facilities), moved=format_number(self.moved),
                    unchanged=format_number(self.unchanged), outside=format_number(len(self.not_assigned)),
                    without=format_number(self.without_coordinates))]
        if self.not_assigned:
            shown = "; ".join(f"{f['key']} {f['name']}" for f in self.not_assigned[:20])
            more = len(self.not_assigned) - 20
            lines.append(tr("Nicht zugeordnet (in keinem Gebiet der Ebene; Gebiet unverändert): {items}",
                            items=shown + (tr(" … und {count} weitere", count=format_number(more))
                                           if more > 0 else "")))
        for code, info in self.indicators.items():
            lines.append(tr("Kennzahl {code} „{name}“: {total} Einrichtungen in {regions} Gebieten.", code=code,
                            name=info["name"], total=format_number(info["total"]),
                            regions=format_number(info["regions_with"])))
        if self.dataset is not None and not self.dry_run:
            lines.append(tr("Gespeichert als Datensatz {dataset}; zurücknehmen mit bildungsplaner data delete "
                            "{dataset}.", dataset=self.dataset))
        if self.dry_run:
            lines.append(tr("Probelauf: nichts gespeichert."))
        return "\n".join(lines)


class _DryRun(Exception):
    pass


def _level_label(level: str) -> str:
    return {"gemeindeverband": "Gemeindeverband", "regierungsbezirk": "Regierungsbezirk",
            "other": "Gebiet"}.get(level, level.capitalize())


def assign_facilities(ws: Workspace, level: str, *, dry_run: bool = False,
                      progress: Progress | None = None) -> AssignReport:
    """Place every facility with coordinates in the region of ``level`` containing it (see the module docstring)."""
    progress = progress or NullProgress()
    levels = [lv.value for lv in RegionLevel]
    if level not in levels:
        raise UserInputError(tr("Unbekannte Ebene „{level}“; möglich sind: {levels}.", level=level,
                                levels=", ".join(levels)))
    report = AssignReport(level=level, dry_run=dry_run, period=date.today().isoformat())
    # on a server one writer at a time (the workspace's write lock, refused at once naming who writes): the
    # assignment rewrites the facilities' regions and their counts; a preview is not announced
    try:
        with contextlib.nullcontext() if dry_run else ws.announce("assign"), ws.transaction() as session:
            ws.lock_for_writing(session)
            _assign(session, report, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    progress.report(1.0, tr("Fertig."))
    return report


def _assign(session: Session, report: AssignReport, progress: Progress) -> None:
    level = report.level
    progress.report(0.0, tr("Grenzen lesen …"))
    areas = load_areas(session, level)
    if not len(areas):
        raise UserInputError(tr("Für die Ebene {level} gibt es im Arbeitsbereich keine Grenzen; bitte zuerst eine "
                                "Grenzdatei dieser Ebene importieren (bildungsplaner geo import DATEI --level "
                                "{level}).", level=level))
    report.regions = len(areas)
    progress.check()
    rows = session.execute(select(Facility.id, Facility.key, Facility.name, Facility.kind, Facility.region_id,
                                  Facility.x, Facility.y, Facility.phase, Facility.address, Facility.offering,
                                  # as text: decoded only for the facilities that move
                                  type_coerce(Facility.attributes, Text).label("attributes_text"),
                                  Facility.dataset_id).order_by(Facility.id)).all()
    with_xy = [r for r in rows if r.x is not None and r.y is not None]
    report.facilities, report.without_coordinates = len(with_xy), len(rows) - len(with_xy)
    progress.report(0.2, tr("Einrichtungen zuordnen …"))
    x = np.fromiter((r.x for r in with_xy), dtype=np.float64, count=len(with_xy))
    y = np.fromiter((r.y for r in with_xy), dtype=np.float64, count=len(with_xy))
    found = areas.locate(x, y)
    progress.check()
    old = np.fromiter((r.region_id if r.region_id is not None else -1 for r in with_xy), dtype=np.int64,
                      count=len(with_xy))
    moved = (found >= 0) & (found != old)
    report.moved = int(moved.sum())
    report.unchanged = int(((found >= 0) & ~moved).sum())
    report.not_assigned = [{"key": with_xy[i].key, "name": with_xy[i].name, "kind": with_xy[i].kind}
                           for i in np.flatnonzero(found < 0)]
    key_of: dict[int, str] = {rid: key for rid, key in session.execute(select(Region.id, Region.key))}
    report.moved_facilities = [
        {"key": with_xy[i].key, "name": with_xy[i].name, "kind": with_xy[i].kind,
         "from": key_of.get(int(old[i])) if old[i] >= 0 else None, "to": key_of[int(found[i])]}
        for i in np.flatnonzero(moved)[:MAX_LISTED]]

    # stored texts stay German (the workspace is shared; the window translates only its own labels)
    dataset = Dataset(file_name=f"Zuordnung der Einrichtungen zur Ebene {level}",
                      sha256=hashlib.sha256(json.dumps([level, report.period, report.moved]).encode()).hexdigest(),
                      format=COUNT_FORMAT, title=f"Einrichtungen je {_level_label(level)}",
                      stand=report.period, imported_by=current_user(), row_count=len(with_xy),
                      meta={"target": "facilities", "history": HISTORY_VERSION, "level": level,
                            "moved": report.moved, "unchanged": report.unchanged,
                            "not_assigned": len(report.not_assigned), "facilities": report.facilities})
    session.add(dataset)
    session.flush()
    report.dataset = dataset.id
    progress.report(0.4, tr("Neue Gebiete speichern …"))
    moving = np.flatnonzero(moved).tolist()
    if moving:
        # Core executemany (the ORM's bulk paths cost ~1 s more per 100,000 rows); the snapshot as
        # import_history.facility_snapshot writes it
        connection = session.connection()
        connection.execute(insert(FacilityVersion), [
            {"dataset_id": dataset.id, "facility_id": f.id, "before": {
                "name": f.name, "phase": f.phase, "address": f.address, "offering": f.offering,
                "attributes": json.loads(f.attributes_text) if f.attributes_text else {},
                "region": key_of.get(f.region_id) if f.region_id is not None else None,
                "dataset": f.dataset_id, "x": f.x, "y": f.y}} for f in (with_xy[i] for i in moving)])
        connection.execute(update(Facility).where(Facility.id == bindparam("facility"))
                           .values(region_id=bindparam("region"), dataset_id=bindparam("dataset")),
                           [{"facility": with_xy[i].id, "region": int(found[i]), "dataset": dataset.id}
                            for i in moving])
        session.expire_all()
    progress.check()
    progress.report(0.7, tr("Einrichtungen je Gebiet zählen …"))
    _write_counts(session, report, dataset, areas, rows, found, with_xy, moved)
    older = list(session.scalars(select(Dataset).where(Dataset.format == COUNT_FORMAT, Dataset.id != dataset.id,
                                                       Dataset.superseded_by_id.is_(None))))
    for previous in older:
        if (previous.meta or {}).get("level") == level:
            previous.superseded_by_id = dataset.id
            report.supersedes.append(previous.id)
    from bildungsplaner.services.indicators import refresh  # Kennzahlen over the counts follow, same transaction

    refresh(session)
    record(session, AuditAction.IMPORT, {"assign": level, "dataset": dataset.id, "moved": report.moved,
                                         "unchanged": report.unchanged, "not_assigned": len(report.not_assigned),
                                         "indicators": sorted(report.indicators)})
    session.flush()


def _write_counts(session: Session, report: AssignReport, dataset: Dataset, areas: Areas, rows: Sequence[Any],
                  found: np.ndarray, with_xy: list[Any], moved: np.ndarray) -> None:
    """Per kind, the number of facilities in each region of the level after the assignment (0 where none)."""
    region_after = {r.id: r.region_id for r in rows}
    for i in np.flatnonzero(moved):
        region_after[with_xy[i].id] = int(found[i])
    level_regions = set(session.scalars(select(Region.id).where(Region.level == report.level)))
    level_regions |= {int(rid) for rid in areas.region_ids}
    counts: Counter[tuple[str, int]] = Counter()
    phases: dict[str, Counter[str]] = {}
    for r in rows:
        rid = region_after[r.id]
        phases.setdefault(r.kind, Counter())[r.phase] += 1
        if rid is not None and rid in level_regions:
            counts[(r.kind, rid)] += 1
    kinds = sorted(phases)
    with_boundary = [int(rid) for rid in areas.region_ids]
    existing = {code: iid for code, iid in session.execute(select(Indicator.code, Indicator.id))}
    label = _level_label(report.level)
    values: list[tuple[Any, ...]] = []
    null = null_value(session)  # (NaN on SQLite: binds as NULL without the driver's adapter lookup)
    for kind in kinds:
        code = count_code(kind)
        name = f"{kind} je {label}"
        if code not in existing:
            indicator = Indicator(code=code, name=name[:300], unit="Anzahl",
                                  phase=phases[kind].most_common(1)[0][0] if phases[kind] else Phase.KONTEXT.value,
                                  description=f"Anzahl der Einrichtungen der Art „{kind}“ je Gebiet, gezählt von "
                                              "bildungsplaner facilities assign.")
            session.add(indicator)
            session.flush()
            existing[code] = indicator.id
        regions = sorted(set(with_boundary) | {rid for (k, rid) in counts if k == kind})
        total = sum(n for (k, _), n in counts.items() if k == kind)
        report.indicators[code] = {"kind": kind, "name": name, "total": total,
                                   "regions_with": sum(1 for (k, _), n in counts.items() if k == kind and n)}
        values += [(dataset.id, existing[code], rid, report.period, dims.encode({}), float(counts.get((kind, rid), 0)),
                    null) for rid in regions]
    insert_rows(session, Observation.__table__,
                ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"), values)
    dataset.meta = {**dataset.meta, "observations": len(values), "indicators": sorted(report.indicators)}
