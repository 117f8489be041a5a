"""Import a file into a workspace: all or nothing, recorded, with a validation report.

``import_file`` is the one use case behind the import assistant and ``bildungsplaner import``:

1. decide the format by the file's bytes (:func:`bildungsplaner.importing.sniff.sniff`) and refuse hostile or
   broken files with one German message;
2. refuse a file already imported (same SHA-256) — the report says so and nothing changes;
3. read it into a :class:`~bildungsplaner.importing.batch.Batch` (GENESIS needs no mapping, generic tables a
   template);
4. match regions (:mod:`bildungsplaner.services.import_regions`): by key first (a key Excel stripped of its
   leading zero is repaired only when unambiguous, and reported), official keys unknown to the workspace are
   created with level and parent from the key, then by name as people write it („Boenen“, „Stadt Unna“,
   „Schwerte (Ruhr)“; names taken that way are reported), preferring the Kreise of the file's other rows;
   ambiguous names are offered, never guessed; whatever stays unmatched is listed with suggestions and the
   import is refused (never silently dropped) unless the caller assigns or creates those regions;
5. write dataset, indicators, regions, observations/facilities and an audit entry in ONE transaction; a
   newer import of the same table supersedes the older dataset, whose values stay as history. Any error or
   Cancel rolls everything back. ``dry_run`` does all of it and rolls back: the report is the preview.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.columns import combine_codes, first_occurrences
from bildungsplaner.importing.readers import indicator_code, read_batch, symbol_counts
from bildungsplaner.importing.regionkeys import is_region_key
from bildungsplaner.importing.validate import check_totals
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.home import home_region, keeps_region
from bildungsplaner.services.import_regions import (
    MAX_LISTED,
    RegionMatchedByName,
    Regions,
    UnmatchedRegion,
    nearest_parent,
    resolve_regions,
)
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import (
    AuditAction,
    Dataset,
    Facility,
    Indicator,
    Observation,
    Offering,
    Phase,
    Region,
    RegionLevel,
)

if TYPE_CHECKING:
    from bildungsplaner.importing.template import ImportTemplate

__all__ = ["DeletedImport", "ImportReport", "RegionMatchedByName", "UnmatchedRegion", "UnmatchedRegionsError",
           "delete_import", "file_sha256", "import_file"]

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What an import read, matched, created and found; the same for a dry run and a real import."""

    file_name: str
    format: str
    sha256: str
    target: str = "observations"
    dry_run: bool = False
    committed: bool = False
    dataset: int | None = None
    duplicate_of: int | None = None
    supersedes: int | None = None
    table_code: str | None = None
    title: str | None = None
    stand: str | None = None
    rows_read: int = 0
    observations: int = 0
    facilities: int = 0
    regions_matched: int = 0
    regions_created: int = 0
    created_regions: list[str] = field(default_factory=list)
    regions_unmatched: list[UnmatchedRegion] = field(default_factory=list)
    #: Names without key taken for a region the workspace writes differently („Boenen“ → Bönen).
    regions_matched_by_name: list[RegionMatchedByName] = field(default_factory=list)
    repaired_keys: dict[str, str] = field(default_factory=dict)
    indicators: list[str] = field(default_factory=list)
    indicators_created: list[str] = field(default_factory=list)
    symbol_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: The home region whose chain was kept (``None``: everything kept), and what lay outside it (values or
    #: facilities, and their regions).
    home: str | None = None
    rows_outside_home: int = 0
    regions_outside_home: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["regions_unmatched"] = [u.as_dict() for u in self.regions_unmatched]
        return data

    def summary(self) -> str:
        """A few German lines for the CLI and the assistant's last page."""
        if self.duplicate_of is not None:
            return (f"{self.file_name} wurde bereits importiert (Datensatz {self.duplicate_of}); "
                    "nichts geändert.")
        verb = "würden importiert" if self.dry_run else "importiert"
        what = (f"{self.observations} Beobachtungen" if self.target == "observations"
                else f"{self.facilities} Einrichtungen" if self.target == "facilities"
                else f"{self.regions_created + self.regions_matched} Gebiete")
        lines = [f"{self.file_name}: {self.rows_read} Zeilen gelesen, {what} {verb}"
                 + (f" (Datensatz {self.dataset})" if self.dataset and not self.dry_run else "") + "."]
        lines.append(f"Gebiete: {self.regions_matched} zugeordnet, {self.regions_created} neu angelegt, "
                     f"{len(self.regions_unmatched)} nicht zugeordnet.")
        if self.rows_outside_home:
            items = "Werten" if self.target == "observations" else "Einrichtungen"
            lines.append(f"Außerhalb der Heimatregion {self.home} übergangen: {self.regions_outside_home} Gebiete "
                         f"mit {self.rows_outside_home} {items} (behalten: die Heimatregion, was darunter liegt, "
                         "Land und Bund; alle behalten mit --all-regions bzw. „alles behalten“).")
        if self.regions_matched_by_name:
            by_name = self.regions_matched_by_name
            lines.append(f"Namen zugeordnet ({len(by_name)}):")
            lines += [f"  {m.describe()}" for m in by_name[:MAX_LISTED]]
            if len(by_name) > MAX_LISTED:
                lines.append(f"  … und {len(by_name) - MAX_LISTED} weitere")
        if self.regions_unmatched:
            lines.append(f"Nicht zugeordnet ({len(self.regions_unmatched)}):")
            lines += [f"  {u.describe(limit=10)}" for u in self.regions_unmatched]
        if self.repaired_keys:
            lines.append(f"{len(self.repaired_keys)} Schlüssel um die verlorene führende Null ergänzt.")
        if self.supersedes:
            lines.append(f"Ersetzt den älteren Stand (Datensatz {self.supersedes}); dessen Werte bleiben als "
                         "Verlauf erhalten.")
        if self.symbol_counts:
            lines.append("Zeichen: " + ", ".join(f"„{k}“ {v}×" for k, v in self.symbol_counts.items()))
        lines += [f"Warnung: {w}" for w in self.warnings]
        return "\n".join(lines)


class UnmatchedRegionsError(UserInputError):
    """Regions in the file that the workspace does not know; carries the (dry-run) report."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        items = report.regions_unmatched
        listed = "; ".join(u.describe() for u in items[:5]) + (f"; … ({len(items)} insgesamt)"
                                                               if len(items) > 5 else "")
        super().__init__(f"{len(items)} Gebiet(e) der Datei sind im Arbeitsbereich unbekannt: {listed}. "
                         "Bitte zuordnen oder anlegen (Import-Assistent oder [regions.assign] in der Vorlage); "
                         "es wurde nichts importiert.")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _DryRun(Exception):
    pass


def import_file(ws: Workspace, path: Path, *, template: ImportTemplate | None = None, sheet: str | None = None,
                dry_run: bool = False, assignments: dict[str, str] | None = None,
                create_unmatched: bool = False, progress: Progress | None = None,
                home: str | None = None, all_regions: bool = False) -> ImportReport:
    """Import ``path`` into ``ws`` (see the module docstring); raises :class:`UserInputError` on bad input.

    ``assignments`` maps a key or name in the file to a region key of the workspace (the user's choice for
    unmatched regions; a template's ``[regions.assign]`` adds to it). ``create_unmatched`` creates regions
    for unmatched keys (level ``other``) instead of refusing. ``home`` (default: the workspace's home region)
    keeps only the home region, what lies below it and the chain above it (Land, Deutschland) of a
    nationwide table, unless ``all_regions``; it also decides between namesakes and ranks the warnings.
    """
    from bildungsplaner.importing.sniff import sniff

    progress = progress or NullProgress()
    path = Path(path)
    sniffed = sniff(path)
    report = ImportReport(file_name=path.name, format=sniffed.kind, sha256=file_sha256(path), dry_run=dry_run)
    with ws.session() as s:
        previous = s.scalars(select(Dataset).where(Dataset.sha256 == report.sha256).order_by(Dataset.id)).first()
    if previous is not None:
        report.duplicate_of = previous.id
        report.table_code, report.title, report.stand = previous.table_code, previous.title, previous.stand
        return report
    batch = read_batch(path, sniffed, template=template, sheet=sheet, progress=progress)
    progress.check()
    if home is None:
        home = home_region(ws)
    if home and not all_regions and batch.target != "regions":
        batch = _keep_home(batch, home, report)
    assign = dict(assignments or {})
    if template is not None:
        assign = {**template.assignments, **assign}
        create_unmatched = create_unmatched or template.create_unmatched
    report.format, report.target = batch.format, batch.target
    report.table_code, report.title, report.stand = batch.table_code, batch.title, batch.stand
    report.rows_read = batch.rows_read
    report.warnings += batch.warnings
    session = ws.session()
    try:
        session.begin()
        _import_batch(session, batch, report, path, assign, create_unmatched, progress, home)
        if dry_run:
            raise _DryRun
        session.commit()
        report.committed = True
    except _DryRun:
        session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    if report.regions_unmatched and not dry_run:  # pragma: no cover - _import_batch raised already
        raise UnmatchedRegionsError(report)
    progress.report(1.0, "Import abgeschlossen." if not dry_run else "Prüfung abgeschlossen.")
    return report


def _keep_home(batch: Batch, home: str, report: ImportReport) -> Batch:
    """Only the rows of the home region, what lies below it and the chain above it (see ``services.home``)."""
    codes, keys = batch.codes("region_key")
    keep_key = np.fromiter((keeps_region(k if isinstance(k, str) else None, home) for k in keys.tolist()),
                           dtype=bool, count=len(keys))
    mask = np.append(keep_key, True)[codes]  # code -1 (no key) indexes the appended True
    if mask.all():
        return batch
    report.home = home
    report.rows_outside_home = int((~mask).sum())
    report.regions_outside_home = int((~keep_key).sum())
    return batch.keep(mask)


# --- regions -----------------------------------------------------------------------------------------------

def _import_regions(session: Session, batch: Batch, report: ImportReport) -> None:
    """Target ``regions``: create or update each listed region (parents first)."""
    regions = Regions.load(session)
    rows = batch.rows.sort_values("key", key=lambda s: s.str.len(), kind="stable")
    levels = {v.value for v in RegionLevel}
    file_keys = set(rows["key"])
    pending_parents: list[tuple[Region, str, int]] = []
    for row in rows.itertuples(index=False):
        if row.level not in levels:
            raise UserInputError(f"Zeile {row.source_row}: Ebene „{row.level}“ ist unbekannt "
                                 f"(erlaubt: {', '.join(sorted(levels))}).")
        existing_id = regions.by_key.get(row.key)
        if existing_id is not None:
            region = session.get(Region, existing_id)
            assert region is not None
            region.name, region.level = row.name, row.level
            report.regions_matched += 1
        else:
            region = Region(key=row.key, name=row.name, level=row.level)
            session.add(region)
            session.flush()
            regions.add(region)
            report.regions_created += 1
            if len(report.created_regions) < MAX_LISTED:
                report.created_regions.append(row.key)
        if row.parent_key:
            pending_parents.append((region, str(row.parent_key), int(row.source_row)))
        elif is_region_key(row.key):
            region.parent_id = nearest_parent(row.key, regions.by_key)
    for region, parent, source_row in pending_parents:
        if parent not in regions.by_key:
            hint = " (steht auch nicht in der Datei)" if parent not in file_keys else ""
            raise UserInputError(f"Zeile {source_row}: übergeordnetes Gebiet {parent} von {region.key} ist im "
                                 f"Arbeitsbereich unbekannt{hint}.")
        if regions.by_key[parent] == region.id:
            raise UserInputError(f"Zeile {source_row}: Gebiet {region.key} kann nicht sein eigenes "
                                 "übergeordnetes Gebiet sein.")
        region.parent_id = regions.by_key[parent]
    session.flush()


# --- indicators, datasets ----------------------------------------------------------------------------------

def _resolve_indicators(session: Session, batch: Batch, report: ImportReport) -> np.ndarray:
    existing = {code: (iid, unit) for iid, code, unit in session.execute(
        select(Indicator.id, Indicator.code, Indicator.unit))}
    phases: dict[str, str] = batch.meta.get("indicator_phases", {})
    default_phase = batch.meta.get("phase", Phase.KONTEXT.value)
    # each distinct (label, code, unit) once: combine the columns' codes (a million rows of one indicator cost
    # 0.2 s through drop_duplicates/MultiIndex, a few ms this way); codes are dense and in order of first
    # appearance, so indicators are created in the order of the file
    coded = [batch.codes(column) for column in ("indicator", "indicator_code", "unit")]
    combined = combine_codes([(codes, len(uniques)) for codes, uniques in coded], len(batch.rows))
    first_rows = first_occurrences(combined)
    columns = [np.append(uniques, np.asarray([None], dtype=object))[codes[first_rows]] for codes, uniques in coded]
    ids_by_combo = np.zeros(len(first_rows), dtype=np.int64)
    for combo in range(len(first_rows)):
        label = str(columns[0][combo])
        code = "" if pd.isna(columns[1][combo]) else str(columns[1][combo])
        unit = "" if pd.isna(columns[2][combo]) else str(columns[2][combo])
        wanted = code or indicator_code(label)
        if wanted in existing and existing[wanted][1] and unit and existing[wanted][1] != unit and not code:
            wanted = indicator_code(label, unit)  # same label, other unit: a different indicator
        if wanted in existing:
            iid = existing[wanted][0]
        else:
            indicator = Indicator(code=wanted, name=label[:300], unit=unit, phase=phases.get(wanted, default_phase),
                                  description=f"Importiert aus {batch.table_code or report.file_name}")
            session.add(indicator)
            session.flush()
            iid = indicator.id
            existing[wanted] = (iid, unit)
            report.indicators_created.append(wanted)
        ids_by_combo[combo] = iid
        if wanted not in report.indicators:
            report.indicators.append(wanted)
    return ids_by_combo[combined]


def _supersede(session: Session, batch: Batch, dataset: Dataset, report: ImportReport) -> None:
    stmt = select(Dataset).where(Dataset.superseded_by_id.is_(None), Dataset.id != dataset.id)
    if batch.table_code:
        stmt = stmt.where(Dataset.table_code == batch.table_code)
    else:  # a colleague's workbook: the same file name imported with the same template
        stmt = stmt.where(Dataset.file_name == dataset.file_name, Dataset.table_code.is_(None))
    older = [d for d in session.scalars(stmt) if (d.meta or {}).get("target", "observations") == batch.target
             and (d.meta or {}).get("template") == batch.meta.get("template")]
    for old in older:
        old.superseded_by_id = dataset.id
        if old.stand and batch.stand and _stand_key(old.stand) > _stand_key(batch.stand):
            report.warnings.append(f"Der bisherige Stand ({old.stand}, Datensatz {old.id}) ist neuer als der "
                                   f"importierte ({batch.stand}); der importierte gilt nun trotzdem.")
    if older:
        report.supersedes = older[-1].id


def _stand_key(stand: str) -> str:
    match = re.match(r"(\d{2})\.(\d{2})\.(\d{4})(?:\s*/\s*(\S+))?", stand)
    return f"{match[3]}{match[2]}{match[1]}{match[4] or ''}" if match else stand


# --- the write ---------------------------------------------------------------------------------------------

def _import_batch(session: Session, batch: Batch, report: ImportReport, path: Path, assign: dict[str, str],
                  create_unmatched: bool, progress: Progress, home: str | None = None) -> None:
    rows = batch.rows
    progress.report(0.4, "Gebiete werden zugeordnet …")
    if batch.target == "regions":
        _import_regions(session, batch, report)
    else:
        region_ids = resolve_regions(session, batch, report, assign, create_unmatched,
                                     region_optional=batch.target == "facilities", home=home)
        if report.regions_unmatched:
            if report.dry_run:
                return
            raise UnmatchedRegionsError(report)
    progress.check()
    dataset = Dataset(
        file_name=path.name, sha256=report.sha256, format=batch.format, table_code=batch.table_code,
        title=batch.title, stand=batch.stand, source=batch.source,
        footnotes="\n".join(batch.footnotes) or None, imported_by=current_user(), row_count=batch.rows_read,
        meta={**_jsonable(batch.meta), "target": batch.target,
              "repaired_keys": report.repaired_keys or None, "path": str(path)},
    )
    session.add(dataset)
    session.flush()
    report.dataset = dataset.id
    _supersede(session, batch, dataset, report)
    if batch.target == "observations":
        report.symbol_counts = symbol_counts(rows)
        progress.report(0.45, "Summen werden geprüft …")
        report.warnings += check_totals(rows, codes=batch.codes, home=home)
        indicator_ids = _resolve_indicators(session, batch, report)
        _write_observations(session, dataset.id, rows, region_ids, indicator_ids, progress)
        report.observations = len(rows)
    elif batch.target == "facilities":
        report.facilities = _write_facilities(session, dataset.id, rows, region_ids, progress)
    # what this import brought and what the check said, kept with it: the import history shows both without
    # counting a million rows (the warnings as far as MAX_LISTED go)
    dataset.meta = {**dataset.meta, "observations": report.observations, "facilities": report.facilities,
                    "warnings": report.warnings[:MAX_LISTED]}
    record(session, AuditAction.IMPORT, {
        "dataset": dataset.id, "file": path.name, "sha256": report.sha256, "format": batch.format,
        "table_code": batch.table_code, "target": batch.target, "observations": report.observations,
        "facilities": report.facilities, "regions_created": report.regions_created,
        "supersedes": report.supersedes,
    })
    session.flush()


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(meta, ensure_ascii=False, default=str))


def _write_observations(session: Session, dataset_id: int, rows: pd.DataFrame, region_ids: np.ndarray,
                        indicator_ids: np.ndarray, progress: Progress) -> None:
    n = len(rows)
    values = rows["value"].to_numpy(dtype="float64")
    value_obj = values.astype(object)
    value_obj[np.isnan(values)] = None
    flags = rows["flag"].to_numpy(dtype=object, copy=True)
    flags[pd.isna(flags)] = None
    data = zip([dataset_id] * n, indicator_ids.tolist(), region_ids.tolist(),
               rows["period_iso"].to_numpy(dtype=object).tolist(), rows["dimensions"].to_numpy(dtype=object).tolist(),
               value_obj.tolist(), flags.tolist(), strict=True)

    def after_chunk(done: int) -> None:
        progress.report(0.5 + 0.48 * done / max(n, 1), f"{done:,} von {n:,} Werten geschrieben …".replace(",", "."))
        progress.check()

    insert_rows(session, Observation.__table__,
                ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"),
                data, after_chunk=after_chunk)


def _write_facilities(session: Session, dataset_id: int, rows: pd.DataFrame, region_ids: np.ndarray,
                      progress: Progress) -> int:
    existing = {(kind, key): fid for fid, kind, key in session.execute(select(Facility.id, Facility.kind,
                                                                              Facility.key))}
    offerings = {o.value for o in Offering}
    phases = {p.value for p in Phase}
    seen: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows.itertuples(index=False)):
        ident = (str(row.kind), str(row.key))
        if ident in seen:
            raise UserInputError(f"Zeile {row.source_row}: Einrichtung {row.key} ({row.kind}) steht doppelt in der "
                                 f"Datei (auch Zeile {seen[ident]}).")
        seen[ident] = int(row.source_row)
        if row.offering not in offerings:
            raise UserInputError(f"Zeile {row.source_row}: Angebotsform „{row.offering}“ ist unbekannt "
                                 "(analog, digital oder both).")
        if row.phase not in phases:
            raise UserInputError(f"Zeile {row.source_row}: Bildungsphase „{row.phase}“ ist unbekannt.")
        attributes = {k: (None if v is None or (isinstance(v, float) and np.isnan(v)) else v)
                      for k, v in (row.attributes or {}).items()}
        fields = {"name": str(row.name)[:300], "phase": row.phase, "address": (row.address or "")[:300],
                  "offering": row.offering, "attributes": attributes, "dataset_id": dataset_id,
                  "region_id": int(region_ids[i]) if region_ids[i] >= 0 else None}
        if ident in existing:
            facility = session.get(Facility, existing[ident])
            assert facility is not None
            for name, value in fields.items():
                setattr(facility, name, value)
        else:
            session.add(Facility(key=ident[1], kind=ident[0], **fields))
        if i % 2000 == 0:
            progress.report(0.5 + 0.48 * i / max(len(rows), 1), f"{i} Einrichtungen geschrieben …")
            progress.check()
    session.flush()
    return len(rows)


# --- taking an import back ---------------------------------------------------------------------------------

@dataclass
class DeletedImport:
    """What :func:`delete_import` removed and what became current again."""

    dataset: int
    file_name: str
    observations: int
    #: Older imports of the same table that the deleted one had replaced: their values count again.
    current_again: list[int] = field(default_factory=list)
    #: Indicators left without any value, removed with the import.
    indicators_removed: list[str] = field(default_factory=list)


def delete_import(ws: Workspace, dataset_id: int) -> DeletedImport:
    """Remove one import of values (a wrongly chosen file, a mapping mistake) in one transaction.

    Its observations go; an older import of the same table that it had replaced becomes current again
    (the store's ``ON DELETE SET NULL``) — unless the deleted one was itself replaced, then the older one stays
    replaced, by the newer; indicators left without any value go too. Regions it created stay
    (other data may use them). Imports of facilities or regions overwrite what was there and cannot be taken
    back one by one: refused with a message pointing to the backups, as is an unknown number. An audit entry
    (action ``import``, ``{"deleted": …}``) records it.
    """
    with ws.transaction() as s:
        dataset = s.get(Dataset, dataset_id)
        if dataset is None:
            raise UserInputError(f"Einen Import Nr. {dataset_id} gibt es in diesem Arbeitsbereich nicht.")
        target = (dataset.meta or {}).get("target", "observations")
        touches = s.scalar(select(func.count()).select_from(Facility).where(Facility.dataset_id == dataset_id))
        if target != "observations" or touches:
            raise UserInputError(
                f"Import Nr. {dataset_id} ({dataset.file_name}) hat Einrichtungen oder Gebiete angelegt oder "
                "geändert; solche Importe lassen sich nicht einzeln löschen. Stellen Sie dafür eine Sicherung "
                "von vorher wieder her (bildungsplaner restore --from SICHERUNG).")
        indicator_ids = list(s.scalars(select(Observation.indicator_id).where(Observation.dataset_id == dataset_id)
                                       .distinct()))
        older = list(s.scalars(select(Dataset.id).where(Dataset.superseded_by_id == dataset_id).order_by(Dataset.id)))
        if dataset.superseded_by_id is not None:  # itself replaced: what it replaced stays replaced by the newer
            s.execute(update(Dataset).where(Dataset.superseded_by_id == dataset_id)
                      .values(superseded_by_id=dataset.superseded_by_id))
        current_again = older if dataset.superseded_by_id is None else []
        removed = s.execute(delete(Observation).where(Observation.dataset_id == dataset_id)).rowcount
        s.delete(dataset)
        s.flush()
        empty = [iid for iid in indicator_ids
                 if s.scalar(select(Observation.id).where(Observation.indicator_id == iid).limit(1)) is None]
        codes = list(s.scalars(select(Indicator.code).where(Indicator.id.in_(empty)).order_by(Indicator.code)))
        if empty:
            s.execute(delete(Indicator).where(Indicator.id.in_(empty)))
        result = DeletedImport(dataset_id, dataset.file_name, int(removed or 0), current_again, codes)
        record(s, AuditAction.IMPORT, {"deleted": dataset_id, "file": dataset.file_name,
                                       "observations": result.observations, "current_again": current_again,
                                       "indicators_removed": codes})
    return result

