"""Side panels of the main window (regions, indicators, facilities) and the Import page."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.services.browse import DatasetRow, FacilityRow, IndicatorRow, RegionRow, list_datasets
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.models import (
    SORT_ROLE,
    AttributeTableModel,
    DatasetTableModel,
    FacilityTableModel,
    IndicatorTableModel,
    RegionTreeModel,
    RowTableModel,
    format_number,
)

# Region levels shown expanded after opening (so the Gemeinden of a Kreis are visible at once).
EXPANDED_LEVELS = frozenset({"bund", "land", "regierungsbezirk", "kreis"})


def _list_view(model: QSortFilterProxyModel | RegionTreeModel, *, root_decorated: bool = False) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setUniformRowHeights(True)
    view.setRootIsDecorated(root_decorated)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def _sorting_proxy(parent: QWidget) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def _sorted_list(parent: QWidget, model: RowTableModel, name: str,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> tuple[QSortFilterProxyModel, QTreeView]:
    """A single-selection list over ``model``, sortable by header click, sorted by the first column."""
    proxy = _sorting_proxy(parent)
    proxy.setSourceModel(model)
    view = _list_view(proxy)
    view.setObjectName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(0, order)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return proxy, view


class RegionPanel(QWidget):
    """The region tree; several regions can be selected (Strg/Umschalt)."""

    selection_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegionTreeModel(parent=self)
        self.view = _list_view(self.model, root_decorated=True)
        self.view.setObjectName("regionTree")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_region_ids()))
        self.view.setAccessibleName(QCoreApplication.translate("Panels", "Gebiete"))
        self.search = QLineEdit()
        self.search.setObjectName("regionSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("Panels", "Suchen: Name oder Schlüssel"))
        self.search.setAccessibleName(QCoreApplication.translate("Panels", "Gebiet suchen"))
        self.search.setToolTip(QCoreApplication.translate(
            "Panels", "Das erste passende Gebiet wird gewählt; Eingabetaste: das nächste"))
        self.search.textChanged.connect(lambda text: self.find(text))
        self.search.returnPressed.connect(self.find_next)
        self._matches: list[int] = []
        self._match = 0
        label = QLabel(QCoreApplication.translate("Panels", "&Gebiete"))
        label.setBuddy(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)

    def set_regions(self, rows: Sequence[RegionRow]) -> None:
        self.model.set_regions(rows)
        self._matches = []
        for row in self.model.nodes:
            if row.level in EXPANDED_LEVELS:
                self.view.expand(self.model.index_for_region(row.id))

    def find(self, text: str) -> RegionRow | None:
        """Select the region that best matches ``text``: the key, a key prefix, a name start, a name part."""
        needle = text.strip().casefold()
        self._matches, self._match = [], 0
        if not needle:
            return None
        ranked = []
        for position, row in enumerate(self.model.nodes):
            key, name = row.key.casefold(), row.name.casefold()
            rank = (0 if key == needle else 1 if key.startswith(needle) else 2 if name.startswith(needle)
                    else 3 if needle in name else None)
            if rank is not None:
                ranked.append((rank, position, row.id))
        self._matches = [rid for _, _, rid in sorted(ranked)]
        return self._show_match()

    def find_next(self) -> RegionRow | None:
        if not self._matches:
            return self.find(self.search.text())
        self._match = (self._match + 1) % len(self._matches)
        return self._show_match()

    def _show_match(self) -> RegionRow | None:
        if not self._matches:
            return None
        rid = self._matches[self._match]
        index = self.model.index_for_region(rid)
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.select_regions([rid])
        return next(r for r in self.model.nodes if r.id == rid)

    def selected_region_ids(self) -> list[int]:
        indexes = self.view.selectionModel().selectedRows(0)
        ids = [self.model.region_id(i) for i in indexes]
        return [i for i in ids if i is not None]

    def select_regions(self, region_ids: Sequence[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for rid in region_ids:
            index = self.model.index_for_region(rid)
            if index.isValid():
                selection.select(index, flags)
                self.view.scrollTo(index)
        if region_ids:
            current = self.model.index_for_region(region_ids[0])
            selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)


class IndicatorPanel(QWidget):
    """Indicators with their number of values; one is selected at a time."""

    indicator_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IndicatorTableModel(parent=self)
        self.proxy, self.view = _sorted_list(self, self.model, "indicatorList")
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.indicator_changed.emit(self.selected_indicator()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_indicators(self, rows: Sequence[IndicatorRow]) -> None:
        self.model.set_rows(rows)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def selected_indicator(self) -> IndicatorRow | None:
        rows = self.view.selectionModel().selectedRows(0)
        return self.model.row(self.proxy.mapToSource(rows[0])) if rows else None

    def select_indicator(self, indicator_id: int) -> bool:
        for row, indicator in enumerate(self.model.rows):
            if indicator.id == indicator_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False


class FacilityPanel(QWidget):
    """Facilities, filterable by kind, and the attributes of the selected one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FacilityTableModel(parent=self)
        self.proxy, self.view = _sorted_list(self, self.model, "facilityList")
        self.proxy.setFilterKeyColumn(FacilityTableModel.KIND_COLUMN)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("facilityKind")
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._facility_changed())
        self.attributes = AttributeTableModel(parent=self)
        self.attribute_view = _list_view(self.attributes)
        self.attribute_view.setObjectName("facilityAttributes")
        self.attribute_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.attribute_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(splitter, 1)

    def set_facilities(self, rows: Sequence[FacilityRow]) -> None:
        self.model.set_rows(rows)
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(QCoreApplication.translate("Panels", "Alle Arten ({count})").format(
            count=len(rows)), None)
        kinds: dict[str, int] = {}
        for row in rows:
            kinds[row.kind] = kinds.get(row.kind, 0) + 1
        for kind in sorted(kinds, key=str.casefold):
            self.kind_combo.addItem(f"{kind} ({kinds[kind]})", kind)
        self.kind_combo.blockSignals(False)
        self._kind_changed()
        self.view.resizeColumnToContents(0)

    def set_kind(self, kind: str | None) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        pattern = "" if kind is None else f"^{re.escape(kind)}$"
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))
        self._facility_changed()

    def selected_facility(self) -> FacilityRow | None:
        rows = self.view.selectionModel().selectedRows(0)
        return self.model.row(self.proxy.mapToSource(rows[0])) if rows else None

    def _facility_changed(self) -> None:
        self.attributes.set_facility(self.selected_facility())
        self.attribute_view.resizeColumnToContents(0)


class ImportPage(QWidget):
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
        self.proxy, self.view = _sorted_list(self, self.model, "datasetList", Qt.SortOrder.DescendingOrder)
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
        history_row.addWidget(delete_button)
        # footnotes of a GENESIS table run to hundreds of lines: a scrolling text under the list, in a splitter
        self.details = QPlainTextEdit()
        self.details.setObjectName("datasetDetails")
        self.details.setReadOnly(True)
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
