"""Import a file into a workspace: all or nothing, recorded, with a validation report.

``import_file`` is the one use case behind the import assistant and ``bildungsplaner import``:

1. decide the format by the file's bytes (:func:`bildungsplaner.importing.sniff.sniff`) and refuse hostile or
   broken files with one German message;
2. refuse a duplicate — the same file (SHA-256) with the same template, sheet and options as an earlier
   import (``Dataset.meta["options_sha256"]``): the report says so (``duplicate_of``; the command line exits
   with 3) and nothing changes. The same file with a corrected template, another sheet or other options is a
   new import that replaces the earlier one (step 5);
3. read it into a :class:`~bildungsplaner.importing.batch.Batch` (GENESIS needs no mapping, generic tables a
   template);
4. match regions (:mod:`bildungsplaner.services.import_regions`): by key first (a key Excel stripped of its
   leading zero is repaired only when unambiguous, and reported), official keys unknown to the workspace are
   created with level and parent from the key, then by name as people write it („Boenen“, „Stadt Unna“,
   „Schwerte (Ruhr)“; names taken that way are reported), preferring the Kreise of the file's other rows;
   ambiguous names are offered, never guessed; whatever stays unmatched is listed with suggestions and the
   import is refused (never silently dropped) unless the caller assigns or creates those regions;
5. before an import of facilities or regions, write an automatic backup to the data folder's backup folder
   (the last :data:`~bildungsplaner.services.workspace.AUTOMATIC_BACKUPS_KEPT` are kept; the report names it;
   removed again when the import fails, since nothing changed);
6. write dataset, indicators, regions, observations/facilities, the history of the facilities and regions it
   created or changed (:mod:`bildungsplaner.services.import_history`, so that it can be taken back) and an
   audit entry in ONE transaction; a newer import of the same table — or of the same file, or of a file of
   the same name with the same template — supersedes the older dataset, whose values stay as history. A
   facility import counts facilities new, updated and unchanged. Any error or Cancel rolls everything back.
   ``dry_run`` does all of it and rolls back: the report is the preview.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.codes import indicator_code
from bildungsplaner.importing.columns import combine_codes, first_occurrences
from bildungsplaner.importing.readers import read_batch, symbol_counts
from bildungsplaner.importing.regionkeys import is_region_key
from bildungsplaner.importing.validate import check_totals
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.home import home_region, keeps_region
from bildungsplaner.services.import_history import (
    HISTORY_VERSION,
    DeletedImport,
    delete_import,
    facility_snapshot,
    max_region_id,
    record_created_regions,
    record_versions,
    region_snapshot,
)
from bildungsplaner.services.import_regions import (
    MAX_LISTED,
    RegionMatchedByName,
    Regions,
    UnmatchedRegion,
    nearest_parent,
    resolve_regions,
)
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.bulk import bulk_job, insert_rows, null_value, object_rows, shared_objects
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import (
    AuditAction,
    Dataset,
    Facility,
    FacilityVersion,
    Indicator,
    Observation,
    Offering,
    Phase,
    Region,
    RegionLevel,
    RegionVersion,
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
    #: The earlier import of the same file with the same template, sheet and options (nothing was changed),
    #: and the import that has replaced that one since, if any.
    duplicate_of: int | None = None
    duplicate_replaced_by: int | None = None
    supersedes: int | None = None
    table_code: str | None = None
    title: str | None = None
    stand: str | None = None
    rows_read: int = 0
    observations: int = 0
    facilities: int = 0
    #: Of ``facilities``: not in the workspace before, listed with other values than before, identical.
    facilities_new: int = 0
    facilities_updated: int = 0
    facilities_unchanged: int = 0
    #: The automatic backup written before an import of facilities or regions.
    backup: str | None = None
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
    #: Facilities placed by their coordinates in the region containing them (no region in the file), and rows
    #: whose coordinates lie outside Germany (imported without coordinates): {"row", "key", "name", "x", "y"}.
    facilities_placed: int = 0
    coordinates_outside: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["regions_unmatched"] = [u.as_dict() for u in self.regions_unmatched]
        return data

    def summary(self) -> str:
        """A few lines for the CLI and the assistant's last page, in the interface's language. Counts stay
        without grouping (``347832 Beobachtungen``), as the assistant has always shown them."""
        if self.duplicate_of is not None:
            text = tr("{name} wurde bereits importiert (Datensatz {dataset}): dieselbe Datei mit derselben Vorlage "
                      "und denselben Einstellungen; nichts geändert. Mit einer geänderten Vorlage, einem anderen "
                      "Tabellenblatt oder anderen Optionen wird sie neu importiert und ersetzt den früheren Import.",
                      name=self.file_name, dataset=self.duplicate_of)
            if self.duplicate_replaced_by is not None:
                text += tr(" Datensatz {dataset} ist inzwischen durch Datensatz {newer} ersetzt; damit er wieder gilt, "
                           "nehmen Sie Import Nr. {newer} zurück (bildungsplaner data delete {newer}).",
                           dataset=self.duplicate_of, newer=self.duplicate_replaced_by)
            return text
        count = (self.observations if self.target == "observations" else self.facilities
                 if self.target == "facilities" else self.regions_created + self.regions_matched)
        if self.target == "observations":
            what = (tr("{count} Beobachtungen würden importiert", count=count) if self.dry_run else
                    tr("{count} Beobachtungen importiert", count=count))
        elif self.target == "facilities":
            what = (tr("{count} Einrichtungen würden importiert", count=count) if self.dry_run else
                    tr("{count} Einrichtungen importiert", count=count))
        else:
            what = (tr("{count} Gebiete würden importiert", count=count) if self.dry_run else
                    tr("{count} Gebiete importiert", count=count))
        dataset = tr(" (Datensatz {dataset})", dataset=self.dataset) if self.dataset and not self.dry_run else ""
        lines = [tr("{name}: {rows} Zeilen gelesen, {what}{dataset}.", name=self.file_name, rows=self.rows_read,
                    what=what, dataset=dataset)]
        if self.target == "facilities":
            lines.append(tr("Einrichtungen: {new} neu, {updated} geändert, {unchanged} unverändert.",
                            new=self.facilities_new, updated=self.facilities_updated,
                            unchanged=self.facilities_unchanged))
            if self.facilities_placed:
                lines.append(tr("{count} Einrichtungen nach ihren Koordinaten dem Gebiet zugeordnet, in dem sie "
                                "liegen.", count=self.facilities_placed))
        lines.append(tr("Gebiete: {matched} zugeordnet, {created} neu angelegt, {unmatched} nicht zugeordnet.",
                        matched=self.regions_matched, created=self.regions_created,
                        unmatched=len(self.regions_unmatched)))
        if self.rows_outside_home:
            lines.append(tr("Außerhalb der Heimatregion {home} übergangen: {regions} Gebiete mit {rows} Werten "
                            "(behalten: die Heimatregion, was darunter liegt, Land und Bund; alle behalten mit "
                            "--all-regions bzw. „alles behalten“).", home=self.home, regions=self.regions_outside_home,
                            rows=self.rows_outside_home) if self.target == "observations" else
                         tr("Außerhalb der Heimatregion {home} übergangen: {regions} Gebiete mit {rows} Einrichtungen "
                            "(behalten: die Heimatregion, was darunter liegt, Land und Bund; alle behalten mit "
                            "--all-regions bzw. „alles behalten“).", home=self.home, regions=self.regions_outside_home,
                            rows=self.rows_outside_home))
        if self.regions_matched_by_name:
            by_name = self.regions_matched_by_name
            lines.append(tr("Namen zugeordnet ({count}):", count=len(by_name)))
            lines += [f"  {m.describe()}" for m in by_name[:MAX_LISTED]]
            if len(by_name) > MAX_LISTED:
                lines.append(tr("  … und {count} weitere", count=len(by_name) - MAX_LISTED))
        if self.regions_unmatched:
            lines.append(tr("Nicht zugeordnet ({count}):", count=len(self.regions_unmatched)))
            lines += [f"  {u.describe(limit=10)}" for u in self.regions_unmatched]
        if self.repaired_keys:
            lines.append(tr("{count} Schlüssel um die verlorene führende Null ergänzt.", count=len(self.repaired_keys)))
        if self.supersedes:
            lines.append(tr("Ersetzt den älteren Stand (Datensatz {dataset}); dessen Werte bleiben als Verlauf "
                            "erhalten.", dataset=self.supersedes))
        if self.backup:
            lines.append(tr("Sicherung vor dem Import: {path}", path=self.backup))
        if self.symbol_counts:
            symbols = ", ".join(tr("„{symbol}“ {count}×", symbol=k, count=v) for k, v in self.symbol_counts.items())

            lines.append(tr("Zeichen: {counts}", counts=symbols))

        lines += [tr("Warnung: {warning}", warning=w) for w in self.warnings]
        return "\n".join(lines)


class UnmatchedRegionsError(UserInputError):
    """Regions in the file that the workspace does not know; carries the (dry-run) report."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        items = report.regions_unmatched
        listed = "; ".join(u.describe() for u in items[:5]) + (tr("; … ({count} insgesamt)", count=len(items))
                                                               if len(items) > 5 else "")
        super().__init__(tr("{count} Gebiet(e) der Datei sind im Arbeitsbereich unbekannt: {listed}. Bitte zuordnen "
                            "oder anlegen (Import-Assistent oder [regions.assign] in der Vorlage); es wurde nichts "
                            "importiert.", count=len(items), listed=listed))


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
                home: str | None = None, all_regions: bool = False, batch: Batch | None = None) -> ImportReport:
    """Import ``path`` into ``ws`` (see the module docstring); raises :class:`UserInputError` on bad input.

    ``assignments`` maps a key or name in the file to a region key of the workspace (the user's choice for
    unmatched regions; a template's ``[regions.assign]`` adds to it). ``create_unmatched`` creates regions
    for unmatched keys (level ``other``) instead of refusing. ``home`` (default: the workspace's home region)
    keeps only the home region, what lies below it and the chain above it (Land, Deutschland) of a
    nationwide table, unless ``all_regions``; it also decides between namesakes and ranks the warnings.
    ``batch``: what :func:`~bildungsplaner.importing.readers.read_batch` gave for this very file (the import
    assistant's preview of a GENESIS table or flat file, read once for preview, check and import); the file
    is then not read again. It is not changed here (its rows are read-only, its lists and metadata copied).
    """
    with bulk_job():  # the collector off, freed memory kept (store/bulk.py: 0.8 s of a large import)
        return _import_file(ws, Path(path), template, sheet, dry_run, assignments, create_unmatched,
                            progress or NullProgress(), home, all_regions, batch)


def _import_file(ws: Workspace, path: Path, template: ImportTemplate | None, sheet: str | None, dry_run: bool,
                 assignments: dict[str, str] | None, create_unmatched: bool, progress: Progress, home: str | None,
                 all_regions: bool, batch: Batch | None) -> ImportReport:
    from bildungsplaner.importing.sniff import sniff

    path = Path(path)
    from bildungsplaner.services.facility_layers import (
        is_point_layer,
        point_layer_sha256,
        point_layer_sniffed,
        read_point_batch,
    )

    point_layer = is_point_layer(path)  # GeoJSON, Shapefile, GeoPackage: its properties are the table
    sniffed = point_layer_sniffed(path) if point_layer else sniff(path)
    report = ImportReport(file_name=path.name, format=sniffed.kind, dry_run=dry_run,
                          sha256=point_layer_sha256(path) if point_layer else file_sha256(path))
    if home is None:
        home = home_region(ws)
    options = _import_options(template, sheet, home, all_regions, assignments, create_unmatched)
    options_sha256 = hashlib.sha256(json.dumps(options, sort_keys=True, ensure_ascii=False,
                                               default=str).encode("utf-8")).hexdigest()
    if _find_duplicate(ws, report, options_sha256, template):
        return report
    if batch is None and point_layer:
        batch = read_point_batch(path, template, layer=sheet, progress=progress)
    elif batch is None:
        batch = read_batch(path, sniffed, template=template, sheet=sheet, progress=progress)
    else:  # shares the rows and the codes already computed for them (the check's codes serve the import)
        batch = dataclasses.replace(batch, footnotes=list(batch.footnotes), meta=dict(batch.meta),
                                    warnings=list(batch.warnings))
    progress.check()
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
    batch.meta["options_sha256"] = options_sha256
    if template is not None:  # which mapping made these values: kept with them
        batch.meta["template_mapping"] = options["template"]
    backup: Path | None = None
    # on a server IT backs the database up, and a copy of a shared workspace would take long: no file backup
    if not dry_run and batch.target in ("facilities", "regions") and not ws.is_server:
        from bildungsplaner.services.workspace import backup_before_import

        progress.report(0.35, tr("Sicherung wird geschrieben …"))
        backup = backup_before_import(ws)
        report.backup = str(backup)
    # a preview (dry run) also waits for no colleague, but is not announced as an import
    with contextlib.nullcontext() if dry_run else ws.announce("import"):
        _write_import(ws, batch, report, path, assign, create_unmatched, progress, home, dry_run, backup)
    if backup is not None:
        from bildungsplaner.services.workspace import prune_automatic_backups

        prune_automatic_backups(ws)
    if report.regions_unmatched and not dry_run:  # pragma: no cover - _import_batch raised already
        raise UnmatchedRegionsError(report)
    progress.report(1.0, tr("Import abgeschlossen.") if not dry_run else tr("Prüfung abgeschlossen."))
    return report


def _write_import(ws: Workspace, batch: Batch, report: ImportReport, path: Path, assign: dict[str, str],
                  create_unmatched: bool, progress: Progress, home: str | None, dry_run: bool,
                  backup: Path | None) -> None:
    """The import's one transaction; on a server under the workspace's write lock (refused at once while a
    colleague imports)."""
    session = ws.session()
    try:
        progress.check()
        session.begin()
        ws.lock_for_writing(session)
        _import_batch(session, batch, report, path, assign, create_unmatched, progress, home)
        if dry_run:
            raise _DryRun
        from bildungsplaner.services.indicators import refresh  # Kennzahlen follow their inputs, same transaction
        refresh(session)
        session.commit()
        report.committed = True
    except _DryRun:
        session.rollback()
    except BaseException:
        session.rollback()
        if backup is not None:  # nothing changed: the backup would only push an older one out
            backup.unlink(missing_ok=True)
        raise
    finally:
        session.close()


def _import_options(template: ImportTemplate | None, sheet: str | None, home: str | None, all_regions: bool,
                    assignments: dict[str, str] | None, create_unmatched: bool) -> dict[str, Any]:
    """Everything besides the file that decides what an import writes: the same file with the same options is
    a duplicate, with other options a new import that replaces the earlier one."""
    return {"template": template.to_dict() if template is not None else None,
            "sheet": sheet or (template.read.sheet if template is not None else None),
            "home": None if all_regions else home, "all_regions": all_regions,
            "assignments": dict(sorted((assignments or {}).items())), "create_unmatched": create_unmatched}


def _find_duplicate(ws: Workspace, report: ImportReport, options_sha256: str,
                    template: ImportTemplate | None) -> bool:
    """Fill ``report.duplicate_of`` when the same file was imported with the same options; True if so.

    Imports from before options were recorded count as the same when neither used a template."""
    with ws.session() as s:
        earlier = list(s.scalars(select(Dataset).where(Dataset.sha256 == report.sha256)
                                 .order_by(Dataset.id.desc())))
    for previous in earlier:
        meta = previous.meta or {}
        recorded = meta.get("options_sha256")
        if recorded == options_sha256 or (recorded is None and template is None and not meta.get("template")):
            report.duplicate_of, report.duplicate_replaced_by = previous.id, previous.superseded_by_id
            report.table_code, report.title, report.stand = previous.table_code, previous.title, previous.stand
            return True
    return False


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

def _import_regions(session: Session, batch: Batch, report: ImportReport) -> list[tuple[int, dict[str, Any]]]:
    """Target ``regions``: create or update each listed region (parents first); returns the regions it found
    with their state before (the history that lets the import be taken back)."""
    regions = Regions.load(session)
    before: dict[int, dict[str, Any]] = {}
    created: set[int] = set()
    rows = batch.rows.sort_values("key", key=lambda s: s.str.len(), kind="stable")
    levels = {v.value for v in RegionLevel}
    file_keys = set(rows["key"])
    pending_parents: list[tuple[Region, str, int]] = []
    for row in rows.itertuples(index=False):
        if row.level not in levels:
            raise UserInputError(tr("{where}: Ebene „{value}“ ist unbekannt (erlaubt: {allowed}).",
                                    where=tr("Zeile {row}", row=row.source_row), value=row.level,
                                    allowed=", ".join(sorted(levels))))
        existing_id = regions.by_key.get(row.key)
        if existing_id is not None:
            region = session.get(Region, existing_id)
            assert region is not None
            if existing_id not in created and existing_id not in before:
                before[existing_id] = region_snapshot(region, regions.keys)
            region.name, region.level = row.name, row.level
            report.regions_matched += 1
        else:
            region = Region(key=row.key, name=row.name, level=row.level)
            session.add(region)
            session.flush()
            regions.add(region)
            created.add(region.id)
            report.regions_created += 1
            if len(report.created_regions) < MAX_LISTED:
                report.created_regions.append(row.key)
        if row.parent_key:
            pending_parents.append((region, str(row.parent_key), int(row.source_row)))
        elif is_region_key(row.key):
            region.parent_id = nearest_parent(row.key, regions.by_key)
    for region, parent, source_row in pending_parents:
        if parent not in regions.by_key:
            hint = tr(" (steht auch nicht in der Datei)") if parent not in file_keys else ""
            raise UserInputError(tr("Zeile {row}: übergeordnetes Gebiet {parent} von {key} ist im Arbeitsbereich "
                                    "unbekannt{hint}.", row=source_row, parent=parent, key=region.key, hint=hint))
        if regions.by_key[parent] == region.id:
            raise UserInputError(tr("Zeile {row}: Gebiet {key} kann nicht sein eigenes übergeordnetes Gebiet sein.",
                                    row=source_row, key=region.key))
        region.parent_id = regions.by_key[parent]
    session.flush()
    return list(before.items())


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
    """Mark older current imports that this one replaces: the same table (GENESIS), else the same file (a
    corrected template, another sheet or other options) or a file of the same name with the same template (a
    colleague's workbook, updated)."""
    stmt = select(Dataset).where(Dataset.superseded_by_id.is_(None), Dataset.id != dataset.id)
    if batch.table_code:
        stmt = stmt.where(Dataset.table_code == batch.table_code)
    else:
        stmt = stmt.where(or_(Dataset.file_name == dataset.file_name, Dataset.sha256 == dataset.sha256),
                          Dataset.table_code.is_(None))
    older = [d for d in session.scalars(stmt.order_by(Dataset.id))
             if (d.meta or {}).get("target", "observations") == batch.target
             and (d.sha256 == dataset.sha256 or (d.meta or {}).get("template") == batch.meta.get("template"))]
    for old in older:
        old.superseded_by_id = dataset.id
        if old.stand and batch.stand and _stand_key(old.stand) > _stand_key(batch.stand):
            report.warnings.append(tr("Der bisherige Stand ({old}, Datensatz {dataset}) ist neuer als der importierte "
                                      "({new}); der importierte gilt nun trotzdem.", old=old.stand, dataset=old.id,
                                      new=batch.stand))
    if older:
        report.supersedes = older[-1].id


def _stand_key(stand: str) -> str:
    match = re.match(r"(\d{2})\.(\d{2})\.(\d{4})(?:\s*/\s*(\S+))?", stand)
    return f"{match[3]}{match[2]}{match[1]}{match[4] or ''}" if match else stand


# --- the write ---------------------------------------------------------------------------------------------

def _import_batch(session: Session, batch: Batch, report: ImportReport, path: Path, assign: dict[str, str],
                  create_unmatched: bool, progress: Progress, home: str | None = None) -> None:
    rows = batch.rows
    progress.report(0.4, tr("Gebiete werden zugeordnet …"))
    regions_before = max_region_id(session)  # every region above it is created by this import
    region_versions: list[tuple[int, dict[str, Any]]] = []
    if batch.target == "regions":
        region_versions = _import_regions(session, batch, report)
    else:
        region_ids = resolve_regions(session, batch, report, assign, create_unmatched,
                                     region_optional=batch.target == "facilities", home=home)
        if report.regions_unmatched:
            if report.dry_run:
                return
            raise UnmatchedRegionsError(report)
    coordinates: tuple[np.ndarray, np.ndarray] | None = None
    if batch.target == "facilities" and "x" in rows.columns:
        from bildungsplaner.services.facility_places import place_rows

        coordinates = place_rows(session, batch, region_ids, report)
    progress.check()
    dataset = Dataset(
        file_name=path.name, sha256=report.sha256, format=batch.format, table_code=batch.table_code,
        title=batch.title, stand=batch.stand, source=batch.source,
        footnotes="\n".join(batch.footnotes) or None, imported_by=current_user(), row_count=batch.rows_read,
        meta={**_jsonable(batch.meta), "target": batch.target, "history": HISTORY_VERSION,
              "repaired_keys": report.repaired_keys or None, "path": str(path),
              "backup": report.backup},
    )
    session.add(dataset)
    session.flush()
    report.dataset = dataset.id
    _supersede(session, batch, dataset, report)
    if batch.target == "observations":
        report.symbol_counts = symbol_counts(rows)
        indicator_ids = _resolve_indicators(session, batch, report)
        progress.report(0.45, tr("Summen werden geprüft …"))
        # the totals check runs beside the insert: SQLite writes without holding Python's interpreter lock and
        # the check is mostly numpy, so it costs next to nothing there (0.3 s off an import of 1.5 million cells,
        # benchmarks/bench_genesis_import.py). Neither changes the rows; the codes the insert's side needs are
        # made above, so the two never compute the same batch column at once. Its warnings keep their place.
        at = len(report.warnings)
        with ThreadPoolExecutor(1, thread_name_prefix="Summenprüfung") as beside:
            checked = beside.submit(check_totals, rows, codes=batch.codes, home=home)
            _write_observations(session, dataset.id, rows, region_ids, indicator_ids, progress)
            report.warnings[at:at] = checked.result()
        report.observations = len(rows)
    elif batch.target == "facilities":
        _write_facilities(session, dataset.id, rows, region_ids, progress, report, coordinates)
    # what it created or changed, so that it can be taken back (services/import_history.py)
    record_created_regions(session, dataset.id, regions_before)
    record_versions(session, RegionVersion, dataset.id, region_versions)
    # what this import brought and what the check said, kept with it: the import history shows both without
    # counting a million rows (the warnings as far as MAX_LISTED go)
    counts = {"facilities_new": report.facilities_new, "facilities_updated": report.facilities_updated,
              "facilities_unchanged": report.facilities_unchanged} if batch.target == "facilities" else {}
    dataset.meta = {**dataset.meta, "observations": report.observations, "facilities": report.facilities,
                    **counts, "warnings": report.warnings[:MAX_LISTED]}
    record(session, AuditAction.IMPORT, {
        "dataset": dataset.id, "file": path.name, "sha256": report.sha256, "format": batch.format,
        "table_code": batch.table_code, "target": batch.target, "observations": report.observations,
        "facilities": report.facilities, **counts, "regions_created": report.regions_created,
        "supersedes": report.supersedes, "backup": report.backup,
    })
    session.flush()


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(meta, ensure_ascii=False, default=str))


def _write_observations(session: Session, dataset_id: int, rows: pd.DataFrame, region_ids: np.ndarray,
                        indicator_ids: np.ndarray, progress: Progress) -> None:
    n = len(rows)
    null = null_value(session)  # (NaN on SQLite: binds as NULL without the driver's adapter lookup)
    flags = rows["flag"].to_numpy(dtype=object, copy=True)
    flags[pd.isna(flags)] = null
    # the columns, made into one object array per chunk and cut into statements in C (store/bulk.py), equal numbers
    # one object; written in the file's order: sorting by the index key first gained nothing measurable
    # (benchmarks/sqlite_floor_genesis.py case c)
    data = object_rows(n, (dataset_id, shared_objects(indicator_ids), shared_objects(region_ids),
                           rows["period_iso"].to_numpy(dtype=object), rows["dimensions"].to_numpy(dtype=object),
                           shared_objects(rows["value"].to_numpy(dtype="float64"), null), flags))

    def after_chunk(done: int) -> None:
        progress.report(0.5 + 0.48 * done / max(n, 1),
                        tr("{done} von {total} Werten geschrieben …", done=format_number(done), total=format_number(n)))
        progress.check()

    insert_rows(session, Observation.__table__,
                ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"),
                data, after_chunk=after_chunk)


def _write_facilities(session: Session, dataset_id: int, rows: pd.DataFrame, region_ids: np.ndarray,
                      progress: Progress, report: ImportReport,
                      coordinates: tuple[np.ndarray, np.ndarray] | None = None) -> None:
    """Create or update one facility per row (identified by kind and key) and count them new, updated and
    unchanged. Every listed facility now comes from this import (``dataset_id``); its state before is kept in
    ``facility_version`` (``None`` for a new one). ``coordinates``: x and y per row in EPSG:25832 (NaN: none);
    without them (a list without coordinate columns) the facilities keep the coordinates they have."""
    existing = {(f.kind, f.key): f for f in session.scalars(select(Facility))}
    region_keys = dict(session.execute(select(Region.id, Region.key).where(
        Region.id.in_(select(Facility.region_id).where(Facility.region_id.is_not(None))))).all())
    offerings = {o.value for o in Offering}
    phases = {p.value for p in Phase}
    seen: dict[tuple[str, str], int] = {}
    versions: list[tuple[Facility, dict[str, Any] | None]] = []
    for i, row in enumerate(rows.itertuples(index=False)):
        ident = (str(row.kind), str(row.key))
        if ident in seen:
            raise UserInputError(tr("Zeile {row}: Einrichtung {key} ({kind}) steht doppelt in der Datei (auch Zeile "
                                    "{other}).", row=row.source_row, key=row.key, kind=row.kind, other=seen[ident]))
        seen[ident] = int(row.source_row)
        if row.offering not in offerings:
            raise UserInputError(tr("Zeile {row}: Angebotsform „{value}“ ist unbekannt (analog, digital oder both).",
                                    row=row.source_row, value=row.offering))
        if row.phase not in phases:
            raise UserInputError(tr("Zeile {row}: Bildungsphase „{value}“ ist unbekannt.", row=row.source_row,
                                    value=row.phase))
        attributes = {k: (None if v is None or (isinstance(v, float) and np.isnan(v)) else v)
                      for k, v in (row.attributes or {}).items()}
        fields = {"name": str(row.name)[:300], "phase": row.phase, "address": (row.address or "")[:300],
                  "offering": row.offering, "attributes": _jsonable(attributes),
                  "region_id": int(region_ids[i]) if region_ids[i] >= 0 else None}
        if coordinates is not None:
            x, y = float(coordinates[0][i]), float(coordinates[1][i])
            fields["x"], fields["y"] = (None, None) if np.isnan(x) or np.isnan(y) else (x, y)
        facility = existing.get(ident)
        if facility is None:
            facility = Facility(key=ident[1], kind=ident[0], dataset_id=dataset_id, **fields)
            session.add(facility)
            versions.append((facility, None))
            report.facilities_new += 1
        else:
            if all(getattr(facility, name) == value for name, value in fields.items()):
                versions.append((facility, {"dataset": facility.dataset_id}))  # only where it came from changes
                report.facilities_unchanged += 1
            else:
                versions.append((facility, facility_snapshot(facility, region_keys)))
                report.facilities_updated += 1
                for name, value in fields.items():
                    setattr(facility, name, value)
            facility.dataset_id = dataset_id
        if i % 2000 == 0:
            progress.report(0.5 + 0.48 * i / max(len(rows), 1),
                            tr("{count} Einrichtungen geschrieben …", count=format_number(i)))

            progress.check()
    session.flush()
    record_versions(session, FacilityVersion, dataset_id, ((f.id, before) for f, before in versions))
    report.facilities = len(rows)
