"""The import assistant: file → preview → mapping → validation (dry run) → import.

The wizard only collects choices and calls the same functions as ``bildungsplaner import``:
:func:`~bildungsplaner.importing.sniff.sniff` on the chosen file, :func:`~bildungsplaner.importing.tables.read_table`
(at most :data:`PREVIEW_ROWS` rows) or :func:`~bildungsplaner.importing.readers.read_batch` (GENESIS, ffcsv) for the
preview, :func:`~bildungsplaner.importing.template_suggest.suggest_template` for the first mapping and
:func:`~bildungsplaner.services.importing.import_file` for the check (``dry_run=True``) and the import.

A boundary file (areas in a Shapefile, GeoJSON or GeoPackage) goes from the file page to the boundary page
(:mod:`bildungsplaner.ui.importing.boundaries`, ``import_boundaries`` with its own check and import) instead of
the preview; a finished boundary import is announced with ``boundaries_imported``.

Nothing is written to the workspace before the user presses "Importieren" on the check page; the dry run
rolls back. Long work runs on the main window's :class:`~bildungsplaner.ui.common.tasks.TaskRunner` (one database
worker) with an embedded progress bar and Cancel (:class:`~bildungsplaner.ui.importing.widgets.TaskPanel`).
Errors appear as the German message in the page, never as a traceback. The pages live in
:mod:`bildungsplaner.ui.importing.pages`, :mod:`bildungsplaner.ui.importing.mapping` and
:mod:`bildungsplaner.ui.importing.check`; they know the wizard only as
:class:`~bildungsplaner.ui.importing.widgets.Assistant` and never import this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget, QWizard

from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.readers import read_batch
from bildungsplaner.importing.sniff import Sniffed, sniff
from bildungsplaner.importing.tables import RawTable, read_table
from bildungsplaner.importing.template import ImportTemplate, ReadHints
from bildungsplaner.services.importing import ImportReport, import_file
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.importing.boundaries import BoundaryFile, BoundaryPage, probe_boundaries
from bildungsplaner.ui.importing.check import CheckPage, ImportRunPage
from bildungsplaner.ui.importing.mapping import MappingPage
from bildungsplaner.ui.importing.pages import FilePage, PreviewPage
from bildungsplaner.ui.importing.widgets import (
    BOUNDARIES,
    CHECK,
    FILE,
    IMPORT,
    MAPPING,
    PREVIEW,
    WORKBOOKS,
    TaskPanel,
)

__all__ = ["PREVIEW_ROWS", "SELF_DESCRIBING", "ImportWizard"]

PREVIEW_ROWS = 200
#: Formats whose structure says what every cell is (no mapping page).
SELF_DESCRIBING = frozenset({"genesis", "ffcsv"})
#: point layers (facilities with coordinates): their properties are the table (``services/facility_layers``)
POINT_LAYERS = frozenset({"geojson", "shapefile", "geopackage"})


class ImportWizard(QWizard):
    """The import assistant (see the module docstring). ``imported`` carries the report of a finished import."""

    imported = Signal(object)
    #: the BoundaryReport of a finished boundary import (the boundary page's)
    boundaries_imported = Signal(object)

    FILE, PREVIEW, MAPPING, CHECK, IMPORT = FILE, PREVIEW, MAPPING, CHECK, IMPORT  # the page ids (widgets)
    BOUNDARIES = BOUNDARIES

    def __init__(
        self,
        workspace: Workspace,
        runner: tasks.TaskRunner,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        start_dir: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(QCoreApplication.translate("ImportWizard", "Daten importieren"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, QCoreApplication.translate("ImportWizard", "< &Zurück"))
        self.setButtonText(QWizard.WizardButton.NextButton, QCoreApplication.translate("ImportWizard", "&Weiter >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, QCoreApplication.translate("ImportWizard", "&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, QCoreApplication.translate("ImportWizard", "Abbrechen"))
        self.resize(960, 700)
        self.workspace, self.runner, self.start_dir = workspace, runner, start_dir
        # the state the pages share
        self.path: Path | None = None
        self.sniffed: Sniffed | None = None
        self.table: RawTable | None = None
        self.preview_frame: pd.DataFrame | None = None
        self.preview_batch: Batch | None = None  #: GENESIS/ffcsv: the whole file as read (for its metadata)
        #: (modification time, size) of the file when ``preview_batch`` was read: while they hold, the check
        #: and the import use that batch instead of parsing the file again (a large table: seconds each)
        self.preview_stamp: tuple[int, int] | None = None
        self.sheet: str | None = None
        self.header_rows: int | None = None
        self.skip_rows: int | None = None
        #: where the data end: the last N non-empty rows are no data / stop at the first empty row (None: found)
        self.footer_rows: int | None = None
        self.stop_at: str | None = None
        self.template: ImportTemplate | None = None
        self.assignments: dict[str, str] = {}
        self.create_unmatched = False
        self.all_regions = False
        self.dry_report: ImportReport | None = None
        self.report: ImportReport | None = None
        self.boundary_file: BoundaryFile | None = None

        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportRunPage(self)
        self.boundary_page = BoundaryPage(workspace, runner)
        self.boundary_page.imported.connect(self.boundaries_imported)
        for page_id, page in (
            (self.FILE, self.file_page),
            (self.PREVIEW, self.preview_page),
            (self.MAPPING, self.mapping_page),
            (self.CHECK, self.check_page),
            (self.IMPORT, self.import_page),
            (self.BOUNDARIES, self.boundary_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(self.FILE)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    # --- state ------------------------------------------------------------------------------------------------
    @property
    def needs_template(self) -> bool:
        return self.sniffed is not None and self.sniffed.kind not in SELF_DESCRIBING

    def set_path(self, path: Path) -> Sniffed:
        """Sniff ``path`` and reset everything read from a previous file; raises ``UserInputError``."""
        self.path, self.sniffed, self.table, self.preview_frame, self.preview_batch = None, None, None, None, None
        self.preview_stamp = None
        self.sheet = self.header_rows = self.skip_rows = self.footer_rows = self.stop_at = None
        self.template, self.dry_report, self.report = None, None, None
        self.assignments, self.create_unmatched, self.all_regions = {}, False, False
        self.boundary_file = probe_boundaries(path)
        if self.boundary_file is not None:  # areas: the boundary page, not the table path
            from bildungsplaner.services.facility_layers import point_layer_sniffed

            sniffed = point_layer_sniffed(path)
            self.path, self.sniffed = path, sniffed
            self.boundary_page.set_file(self.boundary_file)
            return sniffed
        from bildungsplaner.services.facility_layers import is_point_layer, point_layer_sniffed

        if is_point_layer(path):  # points (a GeoJSON, Shapefile, GeoPackage of facilities): a table of properties
            sniffed = point_layer_sniffed(path)
            self.path, self.sniffed = path, sniffed
            return sniffed
        sniffed = sniff(path)
        self.path, self.sniffed = path, sniffed
        return sniffed

    def read_hints(self, decimal: str | None = None) -> ReadHints:
        """What the preview settled on, for the template (the sheet only where there is a choice)."""
        sheets = self.sniffed.sheets if self.sniffed else []
        sheet = self.sheet if self.sheet and len(sheets) > 1 else None
        return ReadHints(sheet, self.header_rows, self.skip_rows, decimal, self.footer_rows, self.stop_at)

    def read_preview(self) -> None:
        """Read the first :data:`PREVIEW_ROWS` rows as the import will (raises ``UserInputError``)."""
        assert self.path is not None and self.sniffed is not None
        path, sniffed = self.path, self.sniffed
        self.table, self.preview_frame, self.preview_batch = None, None, None
        if sniffed.kind in SELF_DESCRIBING:
            stamp = _stamp(path)

            def work_batch(progress: Any) -> Any:
                return read_batch(path, sniffed, progress=progress)

            batch = self.runner.run_blocking(
                work_batch,
                title=QCoreApplication.translate("ImportWizard", "Vorschau"),
                label=QCoreApplication.translate("ImportWizard", "{name} wird gelesen …").format(name=path.name),
            )
            self.preview_batch, self.preview_stamp = batch, stamp
            self.preview_frame = _batch_preview(batch.rows.head(PREVIEW_ROWS))
            return
        if sniffed.kind in POINT_LAYERS:
            self.table = self.runner.run_blocking(
                lambda _progress: _point_layer_table(path, sniffed.kind),
                title=QCoreApplication.translate("ImportWizard", "Vorschau"),
                label=QCoreApplication.translate("ImportWizard", "{name} wird gelesen …").format(name=path.name))
            self.preview_frame = self.table.frame
            return
        sheet, header_rows, skip_rows = self.sheet, self.header_rows, self.skip_rows
        footer_rows, stop_at = self.footer_rows, self.stop_at

        def work(progress: Any) -> RawTable:
            return read_table(
                path,
                sheet=sheet,
                header_rows=header_rows,
                skip_rows=skip_rows,
                nrows=PREVIEW_ROWS,
                progress=progress,
                kind=sniffed.kind,
                footer_rows=footer_rows,
                stop_at=stop_at,
            )

        table = self.runner.run_blocking(
            work,
            title=QCoreApplication.translate("ImportWizard", "Vorschau"),
            label=QCoreApplication.translate("ImportWizard", "{name} wird gelesen …").format(name=path.name),
        )
        self.table, self.preview_frame = table, table.frame
        if sniffed.kind in WORKBOOKS:
            self.sheet = table.sheet

    def run_import(self, progress: Any, *, dry_run: bool) -> ImportReport:
        """The service call of the check page (``dry_run``) and of the import page."""
        assert self.path is not None
        sheet = self.sheet if self.needs_template else None
        batch = None
        stamp = self.preview_stamp
        if not self.needs_template and self.preview_batch is not None and stamp and stamp == _stamp(self.path):
            batch = self.preview_batch  # parsed once for preview, check and import
        return import_file(
            self.workspace,
            self.path,
            template=self.template if self.needs_template else None,
            sheet=sheet,
            dry_run=dry_run,
            assignments=dict(self.assignments),
            create_unmatched=self.create_unmatched,
            progress=progress,
            all_regions=self.all_regions,
            batch=batch,
        )

    # --- closing ------------------------------------------------------------------------------------------------
    def running_panel(self) -> TaskPanel | None:
        for panel in (self.check_page.panel, self.import_page.panel, self.boundary_page.panel):
            if panel.running:
                return panel
        return None

    def reject(self) -> None:
        """Cancel (Escape) first stops a running check or import (which then rolls back), then closes."""
        panel = self.running_panel()
        if panel is not None:
            panel.cancel()
            return
        super().reject()


def _point_layer_table(path: Path, kind: str) -> RawTable:
    """A point layer's properties and coordinates (``Geometrie x/y``) as the preview's table; the import reads
    the whole layer again through the template (``services/facility_layers.read_point_batch``)."""
    from bildungsplaner.services.facility_layers import point_layer_frame

    frame, _crs, layer = point_layer_frame(path)
    head = frame.head(PREVIEW_ROWS)
    grid = [[str(c) for c in head.columns]] + [["" if v is None else str(v) for v in row]
                                               for row in head.itertuples(index=False)]
    return RawTable(frame=head.reset_index(drop=True), format=kind, sheet=layer, header_rows=1, first_data_row=1,
                    preview=grid)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _batch_preview(rows: pd.DataFrame) -> pd.DataFrame:
    """The first observation rows of a GENESIS table or flat file, with German column names."""
    from bildungsplaner.store.dimensions import decode

    def dims(text: Any) -> str:
        try:
            return ", ".join(f"{k}: {v}" for k, v in decode(text).items()) if text else ""
        except Exception:  # the preview shows the raw text then
            return str(text)

    return pd.DataFrame(
        {
            QCoreApplication.translate("ImportWizard", "Schlüssel"): rows["region_key"].astype(object),
            QCoreApplication.translate("ImportWizard", "Gebiet"): rows["region_name"].astype(object),
            QCoreApplication.translate("ImportWizard", "Merkmal"): rows["indicator"].astype(object),
            QCoreApplication.translate("ImportWizard", "Einheit"): rows["unit"].astype(object),
            QCoreApplication.translate("ImportWizard", "Zeitraum"): rows["period"].astype(object),
            QCoreApplication.translate("ImportWizard", "Gliederung"): rows["dimensions"].map(dims).astype(object),
            QCoreApplication.translate("ImportWizard", "Wert"): rows["value"],
            QCoreApplication.translate("ImportWizard", "Zeichen"): rows["flag"].astype(object),
        }
    )
