"""The Import page of the main window: what can be imported, the button that opens the import assistant,
and the import history of the workspace (:class:`ImportHistoryPage`, over :class:`DatasetTableModel`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.formatting import format_number
from bildungsplaner.services.browse import DatasetRow, list_datasets
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.common.models import RowTableModel, TableColumn
from bildungsplaner.ui.common.views import sorted_list

__all__ = ["DatasetTableModel", "ImportHistoryPage"]


def _dataset_table(r: DatasetRow) -> str:
    return " – ".join(t for t in (r.table_code, r.title) if t) or "–"


def _dataset_tooltip(r: DatasetRow) -> str:
    lines = [r.file_name, _dataset_table(r)]
    if r.stand:
        lines.append(QCoreApplication.translate("Models", "Stand: {stand}").format(stand=r.stand))
    lines += [t for t in (r.source, r.footnotes) if t]
    return "\n".join(lines)


def _dataset_status(r: DatasetRow) -> str:
    if r.superseded_by is None:
        return QCoreApplication.translate("Models", "aktuell")
    return QCoreApplication.translate("Models", "ersetzt durch Nr. {id}").format(id=r.superseded_by)


class DatasetTableModel(RowTableModel):
    """The import history: one row per dataset, newest first."""

    def __init__(self, rows: Sequence[DatasetRow] = (), parent: Any = None) -> None:
        super().__init__([
            TableColumn(QCoreApplication.translate("Models", "Nr."), lambda r: str(r.id), sort=lambda r: r.id,
                   numeric=True),
            TableColumn(QCoreApplication.translate("Models", "Datei"), lambda r: r.file_name, tooltip=_dataset_tooltip),
            TableColumn(QCoreApplication.translate("Models", "Tabelle"), _dataset_table, tooltip=_dataset_tooltip),
            TableColumn(QCoreApplication.translate("Models", "Stand"), lambda r: r.stand or ""),
            TableColumn(QCoreApplication.translate("Models", "Werte"), lambda r: format_number(r.observations),
                   sort=lambda r: r.observations, numeric=True),
            TableColumn(QCoreApplication.translate("Models", "Einrichtungen"), lambda r: format_number(r.facilities),
                   sort=lambda r: r.facilities, numeric=True),
            TableColumn(QCoreApplication.translate("Models", "Importiert"),
                   lambda r: r.imported_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                   sort=lambda r: r.imported_at.isoformat()),
            TableColumn(QCoreApplication.translate("Models", "von"), lambda r: r.imported_by),
            TableColumn(QCoreApplication.translate("Models", "Status"), _dataset_status,
                   sort=lambda r: (r.superseded_by is not None, r.superseded_by or 0)),
        ], rows, parent)


class ImportHistoryPage(QWidget):
    """What can be imported, the button that opens the import assistant (same as Datei › Importieren…), and
    the import history of the workspace: every dataset with its provenance, what it holds, whether a newer
    import of the same table replaced it. The history is read when the page is shown (instant: imports keep
    their counts; only a workspace from before them has its values counted once). "Import löschen…" (Entf)
    asks the window to take the selected import back (``delete_requested``): values, facilities and regions
    (:mod:`bildungsplaner.services.import_history`)."""

    delete_requested = Signal(object)

    def __init__(self, import_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.workspace: Workspace | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{QCoreApplication.translate('Panels', 'Import')}</h2>"))
        for text in (
            QCoreApplication.translate(
                "Panels", "Übernehmen Sie amtliche Statistiken in den Arbeitsbereich: Tabellen aus GENESIS, der "
                          "Regionaldatenbank und der Kommunalen Bildungsdatenbank (CSV, Flatfile), Schul- und "
                          "Kitalisten, Bevölkerungszahlen nach Stadtteilen und Tabellen aus dem Kollegium (xlsx, "
                          "xlsm, xls, ods, csv). Sie können eine Datei auch einfach auf das Fenster ziehen."),
            QCoreApplication.translate(
                "Panels", "Jeder Import wird mit seiner Herkunft gespeichert (Datei, Tabellencode, Stand, "
                          "Fußnoten); Zeichen wie „.“ oder „…“ bleiben als Kennzeichen erhalten, und ein "
                          "Prüfbericht nennt vor dem Import jede Korrektur, etwa ergänzte führende Nullen in "
                          "Gebietsschlüsseln, und jede Summe, die nicht aufgeht."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        button = QToolButton()
        button.setObjectName("importButton")
        button.setDefaultAction(import_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(button)

        history = QLabel(QCoreApplication.translate("Panels", "Bisherige Importe (neueste zuerst):"))
        history_row = QHBoxLayout()
        history_row.addWidget(history, 1)
        layout.addLayout(history_row)
        self.model = DatasetTableModel(parent=self)
        self.proxy, self.view = sorted_list(self, self.model, "datasetList", Qt.SortOrder.DescendingOrder)
        self.delete_action = QAction(QCoreApplication.translate("Panels", "Import löschen…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setStatusTip(QCoreApplication.translate(
            "Panels", "Den gewählten Import zurücknehmen: seine Werte entfernen, Einrichtungen und Gebiete auf den "
                      "Stand davor zurücksetzen; ein älterer Stand derselben Tabelle gilt wieder"))
        self.delete_action.setEnabled(False)
        self.delete_action.triggered.connect(lambda _checked=False: self._delete_clicked())
        self.view.addAction(self.delete_action)
        delete_button = QToolButton()
        delete_button.setObjectName("deleteImport")
        delete_button.setDefaultAction(self.delete_action)
        history.setBuddy(self.view)
        self.view.setAccessibleName(QCoreApplication.translate("Panels", "Bisherige Importe"))
        self.view.setAccessibleDescription(QCoreApplication.translate(
            "Panels", "Liste der Importe, neueste zuerst; Entf nimmt den gewählten zurück"))
        history_row.addWidget(delete_button)
        # footnotes of a GENESIS table run to hundreds of lines: a scrolling text under the list, in a splitter
        self.details = QPlainTextEdit()
        self.details.setObjectName("datasetDetails")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(QCoreApplication.translate("Panels", "Quelle und Fußnoten des Imports"))
        self.details.setPlaceholderText(QCoreApplication.translate(
            "Panels", "Wählen Sie einen Import, um Quelle und Fußnoten zu sehen."))
        self.view.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_details(current))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show ``workspace``'s history (now if the page is visible, else when it is shown)."""
        self.workspace, self._stale = workspace, True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.model.set_rows(list_datasets(self.workspace) if self.workspace is not None else [])
        header = self.view.header()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.details.clear()
        self.delete_action.setEnabled(False)

    def selected_dataset(self) -> DatasetRow | None:
        index = self.view.currentIndex()
        return self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None

    def _delete_clicked(self) -> None:
        row = self.selected_dataset()
        if row is not None:
            self.delete_requested.emit(row)

    def _show_details(self, index: QModelIndex) -> None:
        row = self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None
        self.delete_action.setEnabled(row is not None)
        if row is None:
            self.details.clear()
            return
        parts = [QCoreApplication.translate("Panels", "Nr. {id}: {file} ({format}), {rows} Zeilen gelesen").format(
            id=row.id, file=row.file_name, format=row.format, rows=format_number(row.row_count))]
        if row.source:
            parts.append(QCoreApplication.translate("Panels", "Quelle: {source}").format(source=row.source))
        if row.warnings:
            parts.append(QCoreApplication.translate("Panels", "Hinweise der Prüfung beim Import:"))
            parts += [f"  • {w}" for w in row.warnings]
        if row.footnotes:
            parts.append(QCoreApplication.translate("Panels", "Fußnoten: {notes}").format(notes=row.footnotes))
        self.details.setPlainText("\n".join(parts))
