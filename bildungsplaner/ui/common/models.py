"""Generic Qt item models and roles: thin adapters over rows that are already loaded.

No model here ever queries the database; ``data()`` only indexes into lists. The rooms build their tables on
:class:`RowTableModel` (one :class:`TableColumn` spec per column); the observation models live in
:mod:`bildungsplaner.ui.data.models`, the planning result models in :mod:`bildungsplaner.ui.planning.models`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from bildungsplaner.formatting import decimals_for, format_number

__all__ = ["ID_ROLE", "SORT_ROLE", "Index", "RowTableModel", "TableColumn", "display_value"]

# Raw value for sorting (numbers as float, texts as their natural-order rank).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The id (region, indicator, facility) behind a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def display_value(value: Any) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("Models", "ja") if value else QCoreApplication.translate("Models", "nein")
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float):
        import numpy as np  # here, not at module level: the window's first screen does without numpy

        return format_number(value, decimals_for(np.array([value])))
    return "" if value is None else str(value)


@dataclass(frozen=True)
class TableColumn:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """A table over a list of row objects, one :class:`TableColumn` spec per column."""

    def __init__(self, columns: Sequence[TableColumn], rows: Sequence[Any] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def row(self, index: Index) -> Any:
        return self.rows[index.row()] if index.isValid() else None
