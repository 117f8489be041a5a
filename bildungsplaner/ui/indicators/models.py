"""Item models of the Kennzahlen area: the list grouped by area, result rows, an index's inputs per region.

Rules: thin adapters over rows already loaded by :mod:`bildungsplaner.services.indicators` (no model reads the
database); numbers are formatted with the Kennzahl's decimals, rounded half-up as published
(:func:`~bildungsplaner.indicators.compute.round_half_up`), a missing value shows its symbol („.“, „x“),
never 0 or blank; an entry whose source is missing stays selectable but is greyed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from bildungsplaner.formatting import format_number, format_period, round_half_up
from bildungsplaner.indicators.spec import AREAS
from bildungsplaner.services.browse import natural_key
from bildungsplaner.services.indicators import IndicatorEntry, ResultRow
from bildungsplaner.ui.common.labels import flag_description
from bildungsplaner.ui.common.models import SORT_ROLE, RowTableModel, TableColumn

__all__ = ["ENTRY_ROLE", "EntryFilter", "EntryTreeModel", "ResultTableModel", "kind_label", "value_text"]

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: the :class:`IndicatorEntry` behind a row (``None`` on a group row)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10
_GREY = QColor("#666666")
_SYMBOLS = {".", "x", "-", "...", "/", "–"}


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def kind_label(kind: str) -> str:
    return {"importiert": tr("importiert"), "berechnet": tr("berechnet (eigene)"), "index": tr("Index"),
            "katalog": tr("Katalog")}.get(kind, kind)


def value_text(value: float | None, flag: str | None, decimals: int | None) -> str:
    """A value as published: rounded half-up to ``decimals``, German comma; missing: its symbol."""
    if value is None:
        return flag or "."
    places = 2 if decimals is None else decimals
    rounded = round_half_up(value, places)
    text = format_number(rounded if rounded is not None else value, places)
    return f"{text} {flag}" if flag and flag not in _SYMBOLS else text


def availability_text(entry: IndicatorEntry) -> str:
    if not entry.available:
        return tr("Quelle fehlt: {sources}").format(sources=", ".join(entry.missing_sources))
    if entry.problem:
        return tr("nicht berechenbar")
    return tr("verfügbar")


def _groups(entries: Sequence[IndicatorEntry]) -> list[tuple[str, list[IndicatorEntry]]]:
    """Areas A–I of the Anwendungsleitfaden, then own Kennzahlen without area, indices, imported indicators."""
    by_area: dict[str, list[IndicatorEntry]] = {}
    own: list[IndicatorEntry] = []
    indices: list[IndicatorEntry] = []
    imported: list[IndicatorEntry] = []
    for entry in entries:
        if entry.kind == "importiert":
            imported.append(entry)
        elif entry.area in AREAS:
            by_area.setdefault(str(entry.area), []).append(entry)
        elif entry.kind == "index":
            indices.append(entry)
        else:
            own.append(entry)
    order = {"berechnet": 0, "index": 1, "katalog": 2, "importiert": 3}

    def ordered(items: list[IndicatorEntry]) -> list[IndicatorEntry]:
        return sorted(items, key=lambda e: (order.get(e.kind, 9), natural_key(e.name), e.code))

    groups = [(f"{area} – {AREAS[area]}", ordered(by_area[area])) for area in AREAS if area in by_area]
    if own:
        groups.append((tr("Eigene Kennzahlen"), ordered(own)))
    if indices:
        groups.append((tr("Indizes"), ordered(indices)))
    if imported:
        groups.append((tr("Importierte Indikatoren"), ordered(imported)))
    return groups


class EntryTreeModel(QAbstractItemModel):
    """Group rows (areas) with the entries below them; columns Kennzahl, Art, Verfügbarkeit (the code is in the
    tooltip and the details)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[IndicatorEntry]]] = []
        self.headers = [tr("Kennzahl"), tr("Art"), tr("Verfügbarkeit")]

    def set_entries(self, entries: Sequence[IndicatorEntry]) -> None:
        self.beginResetModel()
        self.groups = _groups(entries)
        self.endResetModel()

    def entries(self) -> list[IndicatorEntry]:
        return [e for _, items in self.groups for e in items]

    def index_of(self, code: str) -> QModelIndex:
        for g, (_, items) in enumerate(self.groups):
            for r, entry in enumerate(items):
                if entry.code == code:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # --- QAbstractItemModel ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        group = int(child.internalId())
        if group == 0:
            return QModelIndex()
        return self.createIndex(group - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.column() != 0 or int(parent.internalId()) != 0:
            return 0
        return len(self.groups[parent.row()][1])

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.headers)

    def entry(self, index: Index) -> IndicatorEntry | None:
        if not index.isValid() or int(index.internalId()) == 0:
            return None
        return self.groups[int(index.internalId()) - 1][1][index.row()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if int(index.internalId()) == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is None:  # a group row
            title, items = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return title if index.column() == 0 else ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("{count} Einträge").format(count=len(items))
            if role == SORT_ROLE:
                return index.row()
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (entry.name, kind_label(entry.kind), availability_text(entry))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and (not entry.available or entry.problem):
            return QBrush(_GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{entry.name} ({entry.code})", kind_label(entry.kind)]
            if entry.tier:
                lines.append(tr("Stufe: {tier}").format(tier=entry.tier))
            if not entry.available:
                lines.append(availability_text(entry))
            if entry.problem:
                lines.append(entry.problem)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return availability_text(entry)
        if role == ENTRY_ROLE:
            return entry
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None


class EntryFilter(QSortFilterProxyModel):
    """Shows the entries whose name, code, kind or availability contain the filter text, with their groups."""

    needle = ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not source_parent.isValid():  # a group: shown when one of its entries is (recursive filtering)
            return not self.needle
        model = self.sourceModel()
        entry = model.index(source_row, 0, source_parent).data(ENTRY_ROLE)
        if not isinstance(entry, IndicatorEntry):
            return False
        return any(self.needle in text.casefold() for text in (
            entry.name, entry.code, kind_label(entry.kind), availability_text(entry)))


def _period_sort(row: ResultRow) -> Any:
    return row.period


class ResultTableModel(RowTableModel):
    """The values of a Kennzahl: Gebiet, Schlüssel, Zeitraum, Wert (and Klasse for an index)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent=parent)
        self.decimals: int | None = 1
        self.set_result([], 1, index=False)

    def set_result(self, rows: Sequence[ResultRow], decimals: int | None, *, index: bool = False) -> None:
        self.beginResetModel()
        self.decimals = decimals
        columns = [
            TableColumn(tr("Gebiet"), lambda r: r.region_name, sort=lambda r: natural_key(r.region_name)),
            TableColumn(tr("Schlüssel"), lambda r: r.region_key, sort=lambda r: natural_key(r.region_key)),
            TableColumn(tr("Zeitraum"), lambda r: format_period(r.period), sort=_period_sort),
            TableColumn(tr("Wert"), lambda r: value_text(r.value, r.flag, self.decimals),
                        sort=lambda r: float("-inf") if r.value is None else r.value, numeric=True,
                        tooltip=lambda r: flag_description(r.flag) if r.flag else ""),
        ]
        if index:
            columns.append(TableColumn(tr("Klasse"), lambda r: "" if r.class_no is None else
                                       f"{r.class_no} – {r.class_label or ''}".rstrip(" –"),
                                       sort=lambda r: -1 if r.class_no is None else r.class_no))
        self.columns = columns
        self.rows = list(rows)
        self.endResetModel()


class IndexInputsModel(RowTableModel):
    """An index's inputs per region: the raw and the standardized value of every input."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent=parent)

    def set_rows_for(self, rows: Sequence[ResultRow]) -> None:
        self.beginResetModel()
        codes: list[str] = []
        for row in rows:
            for code in row.inputs or {}:
                if code not in codes:
                    codes.append(code)
        columns = [TableColumn(tr("Gebiet"), lambda r: r.region_name, sort=lambda r: natural_key(r.region_name)),
                   TableColumn(tr("Index"), lambda r: value_text(r.value, r.flag, 2),
                               sort=lambda r: float("-inf") if r.value is None else r.value, numeric=True)]
        for code in codes:
            for part, header in (("raw", tr("{code} (Wert)")), ("z", tr("{code} (standardisiert)"))):
                columns.append(_input_column(header.format(code=code), code, part))
        self.columns = columns
        self.rows = list(rows)
        self.endResetModel()


def _input_column(header: str, code: str, part: str) -> TableColumn:
    def text(row: ResultRow) -> str:
        return _input_text(row, code, part)

    def sort(row: ResultRow) -> float:
        return _input_value(row, code, part)

    return TableColumn(header, text, sort=sort, numeric=True)


def _input_value(row: ResultRow, code: str, part: str) -> float:
    value = ((row.inputs or {}).get(code) or {}).get(part)
    return float("-inf") if value is None else float(value)


def _input_text(row: ResultRow, code: str, part: str) -> str:
    value = ((row.inputs or {}).get(code) or {}).get(part)
    if value is None:
        return "."
    return format_number(float(value), 2 if part == "z" else 1)
