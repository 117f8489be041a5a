"""The first pages of the import assistant (:class:`~bildungsplaner.ui.importing.wizard.ImportWizard`).

File → preview → mapping (generic tables only) → check (dry run) → import. Each page keeps its widgets; the
shared choices live on the wizard. The mapping page is in :mod:`bildungsplaner.ui.importing.mapping`, the check
and import pages (which run the service) in :mod:`bildungsplaner.ui.importing.check`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from bildungsplaner.importing.footers import STOP_AT_FIRST_EMPTY
from bildungsplaner.importing.tables import RawTable
from bildungsplaner.progress import Cancelled
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.importing.widgets import (
    WORKBOOKS,
    Assistant,
    DataFrameModel,
    error_label,
    format_label,
    message_for,
    show_message,
)

__all__ = ["FilePage", "PreviewModel", "PreviewPage", "local_files"]

def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files of a drag (URLs of files, not folders or web addresses)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


# --- 1 file -------------------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: Assistant) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Datei wählen"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "Wählen Sie die Datei, die Sie importieren möchten, oder ziehen Sie sie in dieses "
                "Fenster: amtliche Statistik (GENESIS, Regionaldatenbank, Kommunale "
                "Bildungsdatenbank, ffcsv) oder eine eigene Tabelle (xlsx, xls, ods, csv).",
            )
        )
        self.setAcceptDrops(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(QCoreApplication.translate("ImportWizard", "Pfad der Datei"))
        self.browse_button = QPushButton(QCoreApplication.translate("ImportWizard", "Durch&suchen …"))
        self.browse_button.clicked.connect(self.browse)
        self.format_label = QLabel()
        self.format_label.setObjectName("formatLabel")
        self.format_label.setWordWrap(True)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        label = QLabel(QCoreApplication.translate("ImportWizard", "&Datei:"))
        label.setBuddy(self.path_edit)
        form = QFormLayout()
        form.addRow(label, row)
        form.addRow(QCoreApplication.translate("ImportWizard", "Erkannt:"), self.format_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self._path_changed)

    def browse(self) -> None:
        start = str(self.wiz.path.parent) if self.wiz.path else self.wiz.start_dir
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportWizard", "Datei zum Importieren wählen"),
            start,
            QCoreApplication.translate(
                "ImportWizard", "Tabellen und Statistiken (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;"
                "Gebietsgrenzen und Punkte (*.shp *.geojson *.json *.gpkg);;Alle Dateien (*)"
            ),
        )
        if name:
            self.path_edit.setText(name)

    def _path_changed(self, text: str) -> None:
        self.format_label.clear()
        self.hint_label.clear()
        show_message(self.error, "")
        text = text.strip().strip('"')
        self.wiz.path = self.wiz.sniffed = self.wiz.boundary_file = None
        if text:
            path = Path(text).expanduser()
            if not path.is_file():
                show_message(
                    self.error,
                    QCoreApplication.translate("ImportWizard", "Die Datei {name} gibt es nicht.").format(name=path.name)
                    if not path.exists()
                    else QCoreApplication.translate("ImportWizard", "{name} ist keine Datei.").format(name=path.name),
                )
            else:
                try:
                    sniffed = self.wiz.set_path(path)
                except Exception as exc:  # a hostile file: its message, never a traceback
                    show_message(self.error, message_for(exc))
                else:
                    self.format_label.setText(format_label(sniffed))
                    if self.wiz.boundary_file is not None:
                        self.hint_label.setText(QCoreApplication.translate(
                            "ImportWizard", "Die Datei enthält Gebietsgrenzen (Flächen); im nächsten Schritt wählen "
                                            "Sie Schlüsselfeld und Ebene."))
                        self.completeChanged.emit()
                        return
                    self.hint_label.setText(
                        QCoreApplication.translate(
                            "ImportWizard",
                            "Die Datei beschreibt ihren Aufbau selbst; eine Zuordnung der Spalten ist nicht nötig.",
                        )
                        if not self.wiz.needs_template
                        else QCoreApplication.translate(
                            "ImportWizard",
                            "Im nächsten Schritt sehen Sie die ersten Zeilen, danach ordnen Sie die Spalten zu.",
                        )
                    )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.sniffed is not None

    def nextId(self) -> int:
        return self.wiz.BOUNDARIES if self.wiz.boundary_file is not None else self.wiz.PREVIEW

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event)
        if files:
            self.path_edit.setText(str(files[0]))
            event.acceptProposedAction()


# --- 2 preview ----------------------------------------------------------------------------------------------


class PreviewModel(DataFrameModel):
    """The rows as the import reads them, then the rows below the data that it leaves out (totals, notes):
    those grey and struck through, with the reason as tooltip."""

    def __init__(self, parent: Any = None) -> None:
        self._data_rows = 0
        self._reasons: list[str] = []
        super().__init__(parent=parent)

    def set_table(self, table: RawTable | None) -> None:
        if table is None:
            self.set_frame(None)
            return
        frame = table.frame
        reasons = list(table.footer_reasons) if table.footer is not None else []
        if table.footer is not None:  # as objects: one column may be all empty below the data
            frame = pd.concat([frame.astype(object), table.footer.astype(object)], ignore_index=True)
        self.set_frame(frame, table.first_data_row)
        self._data_rows, self._reasons = len(table.frame), reasons

    def set_frame(self, frame: pd.DataFrame | None, first_row: int | None = 1) -> None:
        self._data_rows, self._reasons = (0 if frame is None else len(frame)), []
        super().set_frame(frame, first_row)

    def skipped(self, row: int) -> str | None:
        """Why ``row`` is not imported (``""``: an empty row below the data); ``None`` for a data row."""
        at = row - self._data_rows
        return self._reasons[at] if 0 <= at < len(self._reasons) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        reason = self.skipped(index.row()) if index.isValid() else None
        if reason is not None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ImportWizard", "Wird nicht importiert: {reason}").format(
                    reason=reason or QCoreApplication.translate("ImportWizard", "leere Zeile unter den Daten")
                )
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.ToolTipRole:
            reason = self.skipped(section)
            if reason:
                return QCoreApplication.translate("ImportWizard", "Wird nicht importiert: {reason}").format(
                    reason=reason
                )
        return super().headerData(section, orientation, role)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: Assistant) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Vorschau"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "So wird die Datei gelesen: die ersten Zeilen unter der Kopfzeile, mit den Spalten"
                "namen, die die Zuordnung verwendet. Stimmt die Kopfzeile nicht, stellen Sie sie hier "
                "ein.",
            )
        )
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetChooser")
        self.header_rows = QSpinBox()
        self.header_rows.setObjectName("headerRows")
        self.header_rows.setRange(0, 10)
        self.header_rows.setSpecialValueText(QCoreApplication.translate("ImportWizard", "automatisch"))
        self.skip_rows = QSpinBox()
        self.skip_rows.setObjectName("skipRows")
        self.skip_rows.setRange(-1, 10_000)
        # re-read when the number is complete, not per digit typed
        self.header_rows.setKeyboardTracking(False)
        self.skip_rows.setKeyboardTracking(False)
        self.skip_rows.setSpecialValueText(QCoreApplication.translate("ImportWizard", "automatisch"))
        # where the data end: totals and notes below them are recognised, or the user says so
        self.footer_rows = QSpinBox()
        self.footer_rows.setObjectName("footerRows")
        self.footer_rows.setRange(-1, 10_000)
        self.footer_rows.setKeyboardTracking(False)
        self.footer_rows.setSpecialValueText(QCoreApplication.translate("ImportWizard", "automatisch"))
        self.footer_rows.setToolTip(
            QCoreApplication.translate(
                "ImportWizard",
                "So viele nicht leere Zeilen am Ende der Tabelle (Summe, Quelle, Fußnoten) werden nicht importiert. "
                "„automatisch“: Summenzeilen und Anmerkungen unter der Tabelle werden erkannt; 0: keine.",
            )
        )
        self.stop_at = QCheckBox(QCoreApplication.translate("ImportWizard", "Bei der ersten &leeren Zeile aufhören"))
        self.stop_at.setObjectName("stopAtEmpty")
        self.stop_at.setToolTip(
            QCoreApplication.translate(
                "ImportWizard", "Alles ab der ersten leeren Zeile unter den Daten wird nicht importiert."
            )
        )
        self.info = QLabel()
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.error = error_label()
        self.model = PreviewModel(parent=self)
        self.view = QTableView()
        self.view.setObjectName("previewTable")
        self.view.setAccessibleName(QCoreApplication.translate("ImportWizard", "Vorschau der Datei"))
        self.view.setAccessibleDescription(QCoreApplication.translate(
            "ImportWizard", "Die ersten Zeilen der Datei so, wie sie gelesen werden, mit den erkannten Spalten"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(140)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.controls = QHBoxLayout()
        self.sheet_label = QLabel(QCoreApplication.translate("ImportWizard", "&Blatt:"))
        self.sheet_label.setBuddy(self.sheet)
        header_label = QLabel(QCoreApplication.translate("ImportWizard", "&Kopfzeilen:"))
        header_label.setBuddy(self.header_rows)
        skip_label = QLabel(QCoreApplication.translate("ImportWizard", "Zeilen darüber über&springen:"))
        skip_label.setBuddy(self.skip_rows)
        footer_label = QLabel(QCoreApplication.translate("ImportWizard", "&Fußzeilen am Ende:"))
        footer_label.setBuddy(self.footer_rows)
        self._table_controls = [header_label, self.header_rows, skip_label, self.skip_rows, footer_label,
                                self.footer_rows, self.stop_at]
        for widget in (self.sheet_label, self.sheet, header_label, self.header_rows, skip_label, self.skip_rows):
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.end_controls = QHBoxLayout()
        for widget in (footer_label, self.footer_rows, self.stop_at):
            self.end_controls.addWidget(widget)
        self.end_controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addLayout(self.end_controls)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        self.sheet.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.header_rows.valueChanged.connect(lambda _v: self._settings_changed())
        self.skip_rows.valueChanged.connect(lambda _v: self._settings_changed())
        self.footer_rows.valueChanged.connect(lambda _v: self._settings_changed())
        self.stop_at.toggled.connect(lambda _c: self._settings_changed())
        self._updating = False
        self._ok = False

    def initializePage(self) -> None:
        wiz = self.wiz
        assert wiz.sniffed is not None
        generic = wiz.needs_template
        workbook = wiz.sniffed.kind in WORKBOOKS and len(wiz.sniffed.sheets) > 0
        self._updating = True
        try:
            self.sheet.clear()
            for name in wiz.sniffed.sheets if workbook else []:
                self.sheet.addItem(name, name)
            self.header_rows.setValue(wiz.header_rows or 0)
            self.skip_rows.setValue(-1 if wiz.skip_rows is None else wiz.skip_rows)
            self.footer_rows.setValue(-1 if wiz.footer_rows is None else wiz.footer_rows)
            self.stop_at.setChecked(wiz.stop_at == STOP_AT_FIRST_EMPTY)
        finally:
            self._updating = False
        self.sheet_label.setVisible(workbook)
        self.sheet.setVisible(workbook)
        for widget in self._table_controls:
            widget.setVisible(generic)
        self.reread()

    def _settings_changed(self) -> None:
        if self._updating:
            return
        self.wiz.sheet = self.sheet.currentData() if self.sheet.count() else None
        self.wiz.header_rows = self.header_rows.value() or None
        self.wiz.skip_rows = None if self.skip_rows.value() < 0 else self.skip_rows.value()
        self.wiz.footer_rows = None if self.footer_rows.value() < 0 else self.footer_rows.value()
        self.wiz.stop_at = STOP_AT_FIRST_EMPTY if self.stop_at.isChecked() else None
        self.reread()

    def apply_hints(self, sheet: str | None, header_rows: int | None, skip_rows: int | None,
                    footer_rows: int | None = None, stop_at: str | None = None) -> None:
        """Take the read hints of a loaded template and read again (the mapping page calls this)."""
        if sheet is not None:
            self.wiz.sheet = sheet
        self.wiz.header_rows, self.wiz.skip_rows = header_rows, skip_rows
        self.wiz.footer_rows, self.wiz.stop_at = footer_rows, stop_at
        self._updating = True
        try:
            if sheet is not None and self.sheet.findData(sheet) >= 0:
                self.sheet.setCurrentIndex(self.sheet.findData(sheet))
            self.header_rows.setValue(header_rows or 0)
            self.skip_rows.setValue(-1 if skip_rows is None else skip_rows)
            self.footer_rows.setValue(-1 if footer_rows is None else footer_rows)
            self.stop_at.setChecked(stop_at == STOP_AT_FIRST_EMPTY)
        finally:
            self._updating = False
        self.reread()

    def reread(self) -> bool:
        """Read the preview with the current settings; shows the message of a failure in the page."""
        wiz = self.wiz
        show_message(self.error, "")
        self.info.clear()
        try:
            wiz.read_preview()
        except Cancelled:
            self.model.set_frame(None)
            show_message(self.error, QCoreApplication.translate("ImportWizard", "Lesen abgebrochen."))
            self._set_ok(False)
            return False
        except Exception as exc:
            self.model.set_frame(None)
            text = error_text(exc)
            if self.sheet.isVisibleTo(self) and self.sheet.count() > 1:
                text = QCoreApplication.translate(
                    "ImportWizard",
                    "Blatt „{sheet}“: {error} Wählen Sie oben ein anderes Blatt oder stellen Sie die Kopfzeilen ein.",
                ).format(sheet=self.sheet.currentText(), error=text)
            show_message(self.error, text)
            self._set_ok(False)
            return False
        table = wiz.table
        if table is not None:
            self.model.set_table(table)
            if table.sheet and self.sheet.findData(table.sheet) >= 0 and self.sheet.currentData() != table.sheet:
                self._updating = True
                self.sheet.setCurrentIndex(self.sheet.findData(table.sheet))
                self._updating = False
            first = table.header_start + 1
            last = table.header_start + table.header_rows
            heading = (
                QCoreApplication.translate("ImportWizard", "Kopfzeile: Zeile {first}").format(first=first)
                if first == last
                else QCoreApplication.translate("ImportWizard", "Kopfzeilen: Zeile {first} bis {last}").format(
                    first=first, last=last
                )
            )
            self.info.setText(
                QCoreApplication.translate(
                    "ImportWizard",
                    "{heading}; Daten ab Zeile {row}; {count} Spalten. Die Vorschau zeigt die ersten {rows} "
                    "Datenzeilen.",
                ).format(
                    heading=heading, row=table.first_data_row, count=len(table.frame.columns), rows=len(table.frame)
                )
            )
            if table.skipped:
                self.info.setText(
                    self.info.text()
                    + "\n"
                    + QCoreApplication.translate(
                        "ImportWizard",
                        "Nicht importiert (grau durchgestrichen, der Grund steht im Tooltip): {rows}.",
                    ).format(
                        rows=", ".join(
                            QCoreApplication.translate("ImportWizard", "Zeile {row} ({reason})").format(
                                row=s.row, reason=s.reason
                            )
                            for s in table.skipped[:10]
                        )
                    )
                )
            elif table.truncated and self.footer_rows.value() != 0:
                self.info.setText(
                    self.info.text()
                    + "\n"
                    + QCoreApplication.translate(
                        "ImportWizard",
                        "Summen und Anmerkungen am Ende der Datei liegen außerhalb der Vorschau; der Import "
                        "erkennt sie (oder nimmt die eingestellten Fußzeilen) und nennt sie in der Prüfung.",
                    )
                )
            if table.warnings:
                self.info.setText(self.info.text() + "\n" + "\n".join(table.warnings[:5]))
        else:
            batch = wiz.preview_batch
            self.model.set_frame(wiz.preview_frame, None)
            if batch is not None:
                parts = [p for p in (batch.table_code, batch.title) if p]
                self.info.setText(
                    QCoreApplication.translate(
                        "ImportWizard",
                        "{table}{stand}: {rows} Zeilen, {values} Werte. Die Vorschau zeigt die ersten "
                        "Werte, wie sie importiert werden.",
                    ).format(
                        table=" – ".join(parts) or wiz.path.name if wiz.path else "",
                        stand=QCoreApplication.translate("ImportWizard", " (Stand {stand})").format(stand=batch.stand)
                        if batch.stand
                        else "",
                        rows=batch.rows_read,
                        values=len(batch.rows),
                    )
                )
        self.view.resizeColumnsToContents()
        self._set_ok(True)
        return True

    def _set_ok(self, ok: bool) -> None:
        self._ok = ok
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok

    def nextId(self) -> int:
        return self.wiz.MAPPING if self.wiz.needs_template else self.wiz.CHECK
