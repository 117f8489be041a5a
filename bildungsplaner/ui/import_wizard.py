"""The import assistant: file → preview → mapping → validation (dry run) → import.

The wizard only collects choices and calls the same functions as ``bildungsplaner import``:
:func:`~bildungsplaner.importing.sniff.sniff` on the chosen file, :func:`~bildungsplaner.importing.tables.read_table`
(at most :data:`PREVIEW_ROWS` rows) or :func:`~bildungsplaner.importing.readers.read_batch` (GENESIS, ffcsv) for the
preview, :func:`~bildungsplaner.importing.template_suggest.suggest_template` for the first mapping and
:func:`~bildungsplaner.services.importing.import_file` for the check (``dry_run=True``) and the import.

Nothing is written to the workspace before the user presses "Importieren" on the check page; the dry run
rolls back. Long work runs on the main window's :class:`~bildungsplaner.ui.tasks.TaskRunner` (one database
worker) with an embedded progress bar and Cancel (:class:`TaskPanel`). Errors appear as the German message in
the page, never as a traceback. The pages live in :mod:`bildungsplaner.ui.import_pages`,
:mod:`bildungsplaner.ui.import_mapping` and :mod:`bildungsplaner.ui.import_check`.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bildungsplaner import BildungsplanerError
from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.readers import read_batch
from bildungsplaner.importing.sniff import Sniffed, sniff
from bildungsplaner.importing.tables import RawTable, read_table
from bildungsplaner.importing.template import ImportTemplate, ReadHints
from bildungsplaner.services.importing import ImportReport, import_file
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui import tasks
from bildungsplaner.ui.dialogs import error_text
from bildungsplaner.ui.models import decimals_for, format_number

__all__ = [
    "CHOICES_ROLE",
    "PREVIEW_ROWS",
    "VALUE_ROLE",
    "ComboDelegate",
    "DataFrameModel",
    "ImportWizard",
    "TaskPanel",
    "cell_text",
    "format_label",
    "message_for",
    "set_choice",
]

log = logging.getLogger(__name__)
PREVIEW_ROWS = 200
#: Formats whose structure says what every cell is (no mapping page).
SELF_DESCRIBING = frozenset({"genesis", "ffcsv"})
WORKBOOKS = frozenset({"xlsx", "xlsm", "xls", "ods"})
_STEPS = 1000
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def cell_text(value: Any) -> str:
    """A cell as the import reads it: numbers without thousands dots (decimal comma), dates as dd.mm.yyyy."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        import numpy as np

        return format_number(value, decimals_for(np.array([value]), 6), grouping=False)
    if isinstance(value, dt.datetime | pd.Timestamp):
        if value.hour == value.minute == value.second == 0:
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


class DataFrameModel(QAbstractTableModel):
    """A thin read-only table over a DataFrame; the vertical header shows the row numbers in the file."""

    def __init__(self, frame: pd.DataFrame | None = None, first_row: int | None = 1, parent: Any = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._first_row: int | None = 1
        self._columns: list[str] = []
        self._numeric: list[bool] = []
        self.set_frame(frame, first_row)

    def set_frame(self, frame: pd.DataFrame | None, first_row: int | None = 1) -> None:
        """Show ``frame``; ``first_row`` is the file's row number of its first row (``None``: count from 1)."""
        self.beginResetModel()
        self._frame = frame if frame is not None else pd.DataFrame()
        self._first_row = first_row
        self._columns = [str(c) for c in self._frame.columns]
        self._numeric = [pd.api.types.is_numeric_dtype(self._frame.dtypes.iloc[j]) for j in range(len(self._columns))]
        self.endResetModel()

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._frame) or index.column() >= len(self._columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self._frame.iat[index.row(), index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._frame.iat[index.row(), index.column()]
            numeric = self._numeric[index.column()] or isinstance(value, int | float)
            return int(
                (Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        if 0 <= section < len(self._frame):
            return str((self._first_row or 1) + section)
        return None


class _PanelProgress:
    """The task's progress, also forwarded to the panel's progress bar (thread-safe: a queued signal)."""

    def __init__(self, inner: tasks.TaskProgress, emit: Callable[[float, str], None]) -> None:
        self._inner, self._emit = inner, emit

    @property
    def cancelled(self) -> bool:
        return self._inner.cancelled

    def report(self, fraction: float, message: str = "") -> None:
        self._inner.report(fraction, message)
        self._emit(max(0.0, min(1.0, float(fraction))), message)

    def check(self) -> None:
        self._inner.check()


class TaskPanel(QWidget):
    """A progress bar with a message and an "Abbrechen" button for one task at a time, inside a page."""

    progressed = Signal(float, str)
    finished = Signal()

    def __init__(self, runner: tasks.TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.handle: tasks.TaskHandle | None = None
        self.bar = QProgressBar()
        self.bar.setRange(0, _STEPS)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportWizard", "Abbrechen"))
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.progressed.connect(self._show_progress)
        self._active = False
        self._progress: tasks.TaskProgress | None = None
        self._set_running(False)

    @property
    def running(self) -> bool:
        return self._active

    def start(
        self,
        fn: Callable[[Any], Any],
        *,
        title: str,
        label: str,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancel: Callable[[], None],
    ) -> tasks.TaskHandle:
        """Run ``fn(progress)`` on the runner; the callbacks run in the GUI thread afterwards."""
        self.bar.setValue(0)
        self.message.setText(label)
        self._active = True
        self._set_running(True)
        emit = self.progressed.emit

        def work(progress: tasks.TaskProgress) -> Any:
            self._progress = progress  # (synchronous tests cancel before ``start`` returns the handle)
            return fn(_PanelProgress(progress, emit))

        def finish(callback: Callable[..., None]) -> Callable[..., None]:
            def call(*args: Any) -> None:
                self._active, self._progress = False, None
                self._set_running(False)
                try:
                    callback(*args)
                finally:
                    self.finished.emit()

            return call

        self.handle = self.runner.start(
            work,
            title=title,
            label=label,
            show_dialog=False,
            on_done=finish(on_done),
            on_error=finish(on_error),
            on_cancel=finish(on_cancel),
        )
        return self.handle

    def cancel(self) -> None:
        """Ask the running task to stop; the service rolls back whatever it began."""
        if not self.running:
            return
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()
        elif self._progress is not None:
            self._progress.cancel()
        self.message.setText(QCoreApplication.translate("ImportWizard", "Wird abgebrochen …"))

    def _show_progress(self, fraction: float, message: str) -> None:
        if not self.running:
            return
        self.bar.setValue(int(fraction * _STEPS))
        progress = self._progress or (self.handle.progress if self.handle else None)
        if message and not (progress is not None and progress.cancelled):
            self.message.setText(message)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)


CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10  #: list of (text, data) a ComboDelegate offers for the cell
VALUE_ROLE = Qt.ItemDataRole.UserRole + 11  #: the chosen data of a ComboDelegate cell


class ComboDelegate(QStyledItemDelegate):
    """Edit a table cell with a combo box (F2, typing or double-click); keyboard-friendly unlike cell widgets.

    The cell's :data:`CHOICES_ROLE` holds ``[(text, data), ...]``; the choice is stored as :data:`VALUE_ROLE`
    and shown as its text. ``editable``: the user may also type a value (stored as typed, up to " – ").
    """

    def __init__(self, editable: bool = False, parent: QObject | None = None,
                 completer: Callable[[QWidget], QCompleter] | None = None) -> None:
        super().__init__(parent)
        self.editable = editable
        self.completer = completer  # for typed values (editable): e.g. every region of the workspace

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self.editable)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed key is a value, not a new choice
        for text, data in index.data(CHOICES_ROLE) or []:
            combo.addItem(text, data)
        if self.editable and self.completer is not None:
            combo.setCompleter(self.completer(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(VALUE_ROLE)
        position = editor.findData(value)
        if position >= 0:
            editor.setCurrentIndex(position)
        elif self.editable and value:
            editor.setEditText(str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        set_choice(model, index, editor_value(editor) if self.editable else editor.currentData())


def editor_value(combo: QComboBox) -> Any:
    """The value of an editable choice: an offered item's data, or the typed text (before " – ")."""
    text = combo.currentText().strip()
    position = combo.findText(text)
    if position >= 0:
        return combo.itemData(position)
    return text.split(" – ")[0].strip() or None


def set_choice(model: Any, index: Index, value: Any) -> None:
    """Store ``value`` in a :class:`ComboDelegate` cell and show its text."""
    text = next((t for t, d in index.data(CHOICES_ROLE) or [] if d == value), None)
    model.setData(index, value, VALUE_ROLE)
    model.setData(
        index, text if text is not None else ("" if value is None else str(value)), Qt.ItemDataRole.DisplayRole
    )


def message_for(exc: BaseException) -> str:
    """The German text for ``exc`` shown in a page; an unexpected error is logged with its traceback."""
    if not isinstance(exc, BildungsplanerError):
        log.error("import assistant: unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return error_text(exc)


def format_label(sniffed: Sniffed) -> str:
    """The detected format in words, with size, encoding and sheets."""
    kinds = {
        "genesis": QCoreApplication.translate("ImportWizard", "GENESIS-Tabelle (CSV)"),
        "ffcsv": QCoreApplication.translate("ImportWizard", "GENESIS-Flatfile (ffcsv)"),
        "csv": QCoreApplication.translate("ImportWizard", "Text-Tabelle (CSV)"),
        "xlsx": QCoreApplication.translate("ImportWizard", "Excel-Arbeitsmappe (xlsx)"),
        "xlsm": QCoreApplication.translate("ImportWizard", "Excel-Arbeitsmappe mit Makros (xlsm)"),
        "xls": QCoreApplication.translate("ImportWizard", "Excel-Arbeitsmappe im alten Format (xls)"),
        "ods": QCoreApplication.translate("ImportWizard", "OpenDocument-Tabelle (ods)"),
    }
    parts = [kinds.get(sniffed.kind, sniffed.kind)]
    size = sniffed.size
    parts.append(
        QCoreApplication.translate("ImportWizard", "{size} KB").format(size=format_number(max(1, round(size / 1024))))
        if size < 1024 * 1024
        else QCoreApplication.translate("ImportWizard", "{size} MB").format(size=format_number(size / 1024 / 1024, 1))
    )
    if sniffed.encoding:
        parts.append(
            QCoreApplication.translate("ImportWizard", "Kodierung {encoding}").format(encoding=sniffed.encoding)
        )
    if sniffed.sheets:
        parts.append(
            QCoreApplication.translate("ImportWizard", "Blätter: {sheets}").format(sheets=", ".join(sniffed.sheets))
        )
    return " · ".join(parts)


class ImportWizard(QWizard):
    """The import assistant (see the module docstring). ``imported`` carries the report of a finished import."""

    imported = Signal(object)

    FILE, PREVIEW, MAPPING, CHECK, IMPORT = range(5)

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
        from bildungsplaner.ui.import_check import CheckPage, ImportPage
        from bildungsplaner.ui.import_pages import FilePage, MappingPage, PreviewPage

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

        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in (
            (self.FILE, self.file_page),
            (self.PREVIEW, self.preview_page),
            (self.MAPPING, self.mapping_page),
            (self.CHECK, self.check_page),
            (self.IMPORT, self.import_page),
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
        self.sheet = self.header_rows = self.skip_rows = self.footer_rows = self.stop_at = None
        self.template, self.dry_report, self.report = None, None, None
        self.assignments, self.create_unmatched, self.all_regions = {}, False, False
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

            def work_batch(progress: Any) -> Any:
                return read_batch(path, sniffed, progress=progress)

            batch = self.runner.run_blocking(
                work_batch,
                title=QCoreApplication.translate("ImportWizard", "Vorschau"),
                label=QCoreApplication.translate("ImportWizard", "{name} wird gelesen …").format(name=path.name),
            )
            self.preview_batch = batch
            self.preview_frame = _batch_preview(batch.rows.head(PREVIEW_ROWS))
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
        )

    # --- closing ------------------------------------------------------------------------------------------------
    def running_panel(self) -> TaskPanel | None:
        for panel in (self.check_page.panel, self.import_page.panel):
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
