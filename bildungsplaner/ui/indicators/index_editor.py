"""The index editor (``kind = "index"``), first version: the TOML text with a live check, the class distribution
and the inputs per region.

Rules:

* The document is the definition text (``QPlainTextEdit`` with its own undo, Strg+Z / Strg+Umschalt+Z). The live
  check (:func:`~bildungsplaner.services.indicators.check_definition`) runs debounced off the GUI thread with
  :class:`~bildungsplaner.ui.common.tasks.LatestTask`; its German errors stand above the text, its preview values
  in the table. „Speichern“ is enabled only while the check of the current text found nothing wrong.
* The class distribution (regions per class, a bar chart) and the inputs per region (raw and standardized
  values) follow the live check as the author types (the check classifies every region of the unsaved text);
  for an index opened for editing and after each „Speichern“ they come from
  :func:`~bildungsplaner.services.indicators.compute` of the stored index.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.services.indicators import (
    CheckReport,
    IndicatorEntry,
    IndicatorResult,
    ResultRow,
    check_definition,
    define,
)
from bildungsplaner.services.indicators import compute as compute_values
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui.common.dialogs import show_error
from bildungsplaner.ui.common.tasks import LatestTask, TaskRunner
from bildungsplaner.ui.common.theme import ERROR, OK, status_colour
from bildungsplaner.ui.indicators.models import IndexInputsModel, ResultTableModel
from bildungsplaner.ui.indicators.widgets import BarChart, table_view

__all__ = ["INDEX_TEMPLATE", "IndexEditor", "class_distribution"]

CHECK_DELAY_MS = 500


def _error_style() -> str:
    """Error text: our red, or the palette's text where the red is not legible (high contrast, dark theme)."""
    return f"color: {status_colour(ERROR)};"


def _ok_style() -> str:
    return f"color: {status_colour(OK)};"


INDEX_TEMPLATE = """format = 1
kind = "index"
code = "SOZIALINDEX"
name = "Sozialindex der Kreise"
year = 2015
standardize = "z"
aggregate = "sum"
restandardize = true

[regions]
level = "kreis"
within = "05"

[classes]
method = "sigma"
breaks = [-1.0, 1.0, 1.5]
labels = ["niedrig", "mittel", "hoch", "sehr hoch"]

[[input]]
indicator = "ABG_OHNE_HSA"
weight = 1.0
direction = 1
"""


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def class_distribution(rows: IndicatorResult | Sequence[ResultRow]) -> list[tuple[str, int]]:
    """Regions per class, lowest class first (``"Klasse n – label"``); regions without a class are left out."""
    rows = rows.rows if isinstance(rows, IndicatorResult) else rows
    counts = Counter((r.class_no, r.class_label) for r in rows if r.class_no is not None)
    return [(f"{number} – {label}" if label else str(number), count)
            for (number, label), count in sorted(counts.items(), key=lambda item: item[0][0])]


class IndexEditor(QDialog):
    """Define or change a composite index (see the module docstring)."""

    saved = Signal(object)

    def __init__(self, workspace: Workspace, runner: TaskRunner, text: str | None = None, *,
                 original_code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner, self.original_code = workspace, runner, original_code
        self.report: CheckReport | None = None
        self.checked_text: str | None = None
        self.index_result: IndicatorResult | None = None
        self.saved_entry: IndicatorEntry | None = None
        self.check_task = LatestTask(runner)
        self.result_task = LatestTask(runner)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)
        self.setWindowTitle(tr("Index bearbeiten") if original_code else tr("Neuer Index"))
        self.resize(1200, 740)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("indexText")
        self.text_edit.setAccessibleName(tr("Indexdefinition (TOML)"))
        self.text_edit.setTabChangesFocus(True)  # Tab leaves the field (TOML needs no tab characters)
        font = QFont("Monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text_edit.setFont(font)
        self.text_edit.setPlainText(text if text is not None else INDEX_TEMPLATE)
        text_label = QLabel(tr("&Definition (TOML):"))
        text_label.setBuddy(self.text_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(text_label)
        left_layout.addWidget(self.error_label)
        left_layout.addWidget(self.text_edit, 1)

        self.preview_model = ResultTableModel(self)
        self.preview_view, _ = table_view(self.preview_model, "indexPreview", tr("Vorschau des Index"))
        self.chart = BarChart(tr("Verteilung auf die Klassen"))
        self.inputs_model = IndexInputsModel(self)
        self.inputs_view, _ = table_view(self.inputs_model, "indexInputs", tr("Eingaben je Gebiet"))
        self.preview_view.setAccessibleDescription(tr("Der Index je Gebiet mit seiner Klasse, aus der geprüften "
                                                      "Definition"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        tabs = QTabWidget()
        tabs.setObjectName("indexTabs")
        tabs.addTab(self.preview_view, tr("Vorschau"))
        tabs.addTab(self.inputs_view, tr("Eingaben je Gebiet"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(tabs, 3)
        right_layout.addWidget(QLabel(tr("Verteilung auf die Klassen:")))
        right_layout.addWidget(self.chart, 2)
        right_layout.addWidget(self.result_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])

        self.export_button = QPushButton(tr("Als TOML e&xportieren…"))
        self.export_button.setAccessibleName(tr("Als TOML exportieren"))
        self.export_button.clicked.connect(lambda: self.export_toml())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Speichern"))
        self.save_button.setAccessibleName(tr("Speichern"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Schließen"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.text_edit.textChanged.connect(self.schedule_check)
        self.run_check()
        if original_code:
            self.load_result(original_code)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def schedule_check(self) -> None:
        self.checked_text = None
        self.save_button.setEnabled(False)
        if self.runner.inline:
            self.run_check()
        else:
            self.check_timer.start()

    def run_check(self) -> None:
        self.check_timer.stop()
        text, ws = self.text(), self.workspace
        self.check_task.start(lambda _progress: check_definition(ws, text), title=tr("Definition prüfen"),
                              show_dialog=False, on_done=lambda report: self._show_check(text, report),
                              on_error=lambda exc: self._show_check(text, CheckReport(errors=[str(exc)])))

    def _show_check(self, text: str, report: CheckReport) -> None:
        self.report, self.checked_text = report, text
        if report.errors:
            self.error_label.setText("\n".join(report.errors))
            self.error_label.setStyleSheet(_error_style())
        else:
            message = tr("Die Definition ist in Ordnung: {count} Gebiete.").format(
                count=format_number(report.row_count))
            if report.problems:
                message += " " + tr("{count} ausgeschlossen.").format(count=format_number(len(report.problems)))
            self.error_label.setText(message)
            self.error_label.setStyleSheet(_ok_style())
        self.preview_model.set_result(report.rows, 2)
        if not report.errors and any(r.class_no is not None for r in report.rows):
            self._show_classes(report.rows)
        self.save_button.setEnabled(report.ok and text == self.text())

    def _show_classes(self, rows: Sequence[ResultRow]) -> None:
        distribution = class_distribution(rows)
        self.chart.show_bars([label for label, _ in distribution], [count for _, count in distribution],
                             tr("Gebiete je Klasse"))
        self.inputs_model.set_rows_for(rows)

    def load_result(self, code: str) -> None:
        """The class distribution and the inputs per region of the stored index ``code``."""
        ws = self.workspace
        self.result_task.start(lambda _progress: compute_values(ws, code), title=tr("Index berechnen"),
                               on_done=self._show_result,
                               on_error=lambda exc: self.result_label.setText(str(exc)))

    def _show_result(self, result: IndicatorResult) -> None:
        self.index_result = result
        self._show_classes(result.rows)
        self.preview_model.set_result(result.rows, result.decimals, index=True)  # with the classes
        self.result_label.setText("\n".join(result.problems[:6]))

    def export_toml(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, tr("Als TOML exportieren"), "Index.toml",
                                                  tr("Indexdefinition (*.toml);;Alle Dateien (*)"))
            if not name:
                return None
            path = Path(name)
        try:
            Path(path).write_text(self.text(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, tr("Als TOML exportieren"),
                                tr("Die Datei lässt sich nicht schreiben: {error}").format(error=exc.strerror or exc))
            return None
        return Path(path)

    def save(self) -> bool:
        """Store the index (``define``, ``replace`` for the code it was opened with); the editor stays open and
        shows the distribution of the stored index."""
        text, ws = self.text(), self.workspace
        code = self.report.code if self.report is not None else None
        replace_existing = bool(self.original_code) and code == self.original_code
        try:
            entry = self.runner.run_blocking(lambda _progress: define(ws, text, replace=replace_existing),
                                             title=tr("Index speichern"))
        except Exception as exc:
            show_error(self, exc, tr("Index speichern"))
            return False
        if not isinstance(entry, IndicatorEntry):
            raise UserInputError(tr("Der Index wurde nicht gespeichert."))
        self.saved_entry = entry
        self.original_code = entry.code
        self.setWindowTitle(tr("Index bearbeiten"))
        self.saved.emit(entry)
        self.load_result(entry.code)
        return True

    def done(self, result: int) -> None:
        self.check_task.cancel()
        self.result_task.cancel()
        self.check_timer.stop()
        super().done(result)
