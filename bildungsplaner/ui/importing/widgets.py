"""What the import assistant's pages share, below the wizard and below every page.

:class:`Assistant` is the part of :class:`~bildungsplaner.ui.importing.wizard.ImportWizard` the pages use (the
state they share and the service calls), so a page never imports the wizard; the wizard imports its pages.
Also here: the page ids, the preview's :class:`DataFrameModel`, the in-page :class:`TaskPanel` (progress bar
and Cancel), the combo-box cells of the mapping and check tables (:class:`ComboDelegate`), error labels and
the German text of an error.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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
)

from bildungsplaner import BildungsplanerError
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.importing.sniff import Sniffed
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.common.theme import ERROR, status_colour

if TYPE_CHECKING:
    from bildungsplaner.importing.batch import Batch
    from bildungsplaner.importing.tables import RawTable
    from bildungsplaner.importing.template import ImportTemplate, ReadHints
    from bildungsplaner.services.importing import ImportReport
    from bildungsplaner.services.workspace import Workspace

__all__ = [
    "BOUNDARIES",
    "CHECK",
    "CHOICES_ROLE",
    "FILE",
    "IMPORT",
    "MAPPING",
    "PREVIEW",
    "VALUE_ROLE",
    "WORKBOOKS",
    "Assistant",
    "ComboDelegate",
    "DataFrameModel",
    "TaskPanel",
    "cell_text",
    "editor_value",
    "error_label",
    "format_label",
    "message_for",
    "set_choice",
    "show_message",
]

log = logging.getLogger(__name__)
# The wizard's page ids, in order.
FILE, PREVIEW, MAPPING, CHECK, IMPORT, BOUNDARIES = range(6)
WORKBOOKS = frozenset({"xlsx", "xlsm", "xls", "ods"})
_STEPS = 1000
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Assistant(Protocol):
    """What the pages use of the wizard: the choices they share, the service calls, the other pages."""

    PREVIEW: int
    MAPPING: int
    CHECK: int
    BOUNDARIES: int
    workspace: Workspace
    runner: tasks.TaskRunner
    start_dir: str
    path: Path | None
    sniffed: Sniffed | None
    table: RawTable | None
    preview_frame: pd.DataFrame | None
    preview_batch: Batch | None
    sheet: str | None
    header_rows: int | None
    skip_rows: int | None
    footer_rows: int | None
    stop_at: str | None
    template: ImportTemplate | None
    assignments: dict[str, str]
    create_unmatched: bool
    all_regions: bool
    dry_report: ImportReport | None
    report: ImportReport | None
    preview_page: Any  # the PreviewPage (its hints and error label)
    check_page: Any  # the CheckPage (locked as a commit page once the import runs)
    imported: Any  # the wizard's ``imported`` signal (carries the report)
    boundary_file: Any  # a boundary file (areas) goes to the boundary page: its BoundaryFile, else None

    @property
    def needs_template(self) -> bool: ...

    def set_path(self, path: Path) -> Sniffed: ...

    def read_hints(self, decimal: str | None = None) -> ReadHints: ...

    def read_preview(self) -> None: ...

    def run_import(self, progress: Any, *, dry_run: bool) -> ImportReport: ...


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
        "shapefile": QCoreApplication.translate("ImportWizard", "Shapefile (shp)"),
        "geojson": QCoreApplication.translate("ImportWizard", "GeoJSON"),
        "geopackage": QCoreApplication.translate("ImportWizard", "GeoPackage (gpkg)"),
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


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {status_colour(ERROR)};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    """Show ``text`` in the page's message line (hidden when empty); a new message is read aloud too."""
    from bildungsplaner.ui.common.accessibility import announce

    if text and text != label.text():
        announce(label, text)
    label.setText(text)
    label.setVisible(bool(text))
