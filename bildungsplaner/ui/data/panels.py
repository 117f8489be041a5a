"""Side panels of the main window: regions, indicators, facilities (the Import page is
:mod:`bildungsplaner.ui.importing.history`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.services.browse import FacilityRow, IndicatorRow, RegionRow
from bildungsplaner.ui.common.models import TableColumn
from bildungsplaner.ui.common.views import list_view, sorted_list
from bildungsplaner.ui.data.models import AttributeTableModel, FacilityTableModel, IndicatorTableModel, RegionTreeModel

# Region levels shown expanded after opening (so the Gemeinden of a Kreis are visible at once).
EXPANDED_LEVELS = frozenset({"bund", "land", "regierungsbezirk", "kreis"})


class RegionPanel(QWidget):
    """The region tree; several regions can be selected (Strg/Umschalt)."""

    selection_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegionTreeModel(parent=self)
        self.view = list_view(self.model, root_decorated=True)
        self.view.setObjectName("regionTree")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_region_ids()))
        self.view.setAccessibleName(QCoreApplication.translate("Panels", "Gebiete"))
        self.view.setAccessibleDescription(QCoreApplication.translate(
            "Panels", "Baum der Gebiete (Kreis, Gemeinden, Sozialräume); mit Strg oder Umschalt mehrere wählen"))
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
    """Indicators with their number of values; one is selected at a time. Computed Kennzahlen (the codes given
    to :meth:`set_computed`) are marked „(berechnet)“ with a tooltip."""

    indicator_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IndicatorTableModel(parent=self)
        self.computed: set[str] = set()
        name = self.model.columns[0]
        self.model.columns[0] = TableColumn(name.header, self._name, sort=lambda r: r.name,
                                            tooltip=lambda r: self._tooltip(r, name))
        self.proxy, self.view = sorted_list(self, self.model, "indicatorList")
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.indicator_changed.emit(self.selected_indicator()))
        self.view.setAccessibleName(QCoreApplication.translate("Panels", "Indikatoren"))
        self.view.setAccessibleDescription(QCoreApplication.translate(
            "Panels", "Liste der Indikatoren mit der Zahl ihrer Werte; der gewählte wird in der Werte-Tabelle gezeigt"))
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

    def _name(self, row: IndicatorRow) -> str:
        if row.code in self.computed:
            return QCoreApplication.translate("Panels", "{name} (berechnet)").format(name=row.name)
        return row.name

    def _tooltip(self, row: IndicatorRow, column: TableColumn) -> str:
        lines = [column.tooltip(row) if column.tooltip else row.name]
        if row.code in self.computed:
            lines.append(QCoreApplication.translate("Panels", "Berechnete Kennzahl (Bereich Kennzahlen)"))
        return "\n".join(lines)

    def set_computed(self, entries: Sequence[object]) -> None:
        """Mark the computed ones among ``entries`` (the Kennzahlen area's list: objects with ``code``,
        ``kind``)."""
        computed = {str(getattr(e, "code", "")) for e in entries
                    if getattr(e, "kind", "importiert") != "importiert"}
        if computed != self.computed:
            self.computed = computed
            if self.model.rowCount():
                self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 0))

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
        self.proxy, self.view = sorted_list(self, self.model, "facilityList")
        self.proxy.setFilterKeyColumn(FacilityTableModel.KIND_COLUMN)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("facilityKind")
        self.kind_combo.setAccessibleName(QCoreApplication.translate("Panels", "Art der Einrichtung"))
        self.view.setAccessibleName(QCoreApplication.translate("Panels", "Einrichtungen"))
        self.view.setAccessibleDescription(QCoreApplication.translate(
            "Panels", "Liste der Einrichtungen der gewählten Art; die Merkmale der gewählten stehen darunter"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._facility_changed())
        self.attributes = AttributeTableModel(parent=self)
        self.attribute_view = list_view(self.attributes)
        self.attribute_view.setObjectName("facilityAttributes")
        self.attribute_view.setAccessibleName(QCoreApplication.translate("Panels", "Merkmale der Einrichtung"))
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
