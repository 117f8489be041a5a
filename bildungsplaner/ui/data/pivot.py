"""The Daten tab's pivot: regions × periods (or periods × regions) of the indicator shown.

The dimensions follow the chart's choices (one place to choose them); „alle“ follows the totals rule of
``services.aggregate`` — the same numbers as ``bildungsplaner data pivot``. The model is a thin adapter over
an already computed :class:`~bildungsplaner.services.aggregate.Pivot`; ``data()`` never queries anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.services.aggregate import Pivot
from bildungsplaner.ui.common.dialogs import show_error
from bildungsplaner.ui.common.labels import flag_description

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class PivotTableModel(QAbstractTableModel):
    """Row labels in column 0, one column per period (or region); missing values show their symbol („.“)."""

    def __init__(self, pivot: Pivot | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.pivot: Pivot | None = None
        self.decimals = 0
        self.set_pivot(pivot)

    def set_pivot(self, pivot: Pivot | None) -> None:
        self.beginResetModel()
        self.pivot = pivot
        self.decimals = 0
        if pivot is not None:
            import numpy as np  # with the first pivot: the window's first screen does without numpy

            self.decimals = decimals_for(np.asarray(pivot.values, dtype=float))
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self.pivot is None else len(self.pivot.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self.pivot is None else len(self.pivot.columns) + 1

    def cell_text(self, row: int, column: int, *, grouping: bool = True) -> str:
        assert self.pivot is not None
        if column == 0:
            return self.pivot.rows[row]
        value, flag = float(self.pivot.values[row, column - 1]), self.pivot.flags[row][column - 1]
        if not math.isfinite(value):
            return flag or "."
        text = format_number(value, self.decimals, grouping=grouping)
        return f"{text} {flag}" if flag and grouping else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.pivot is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and column > 0:
            flag = self.pivot.flags[row][column - 1]
            if flag:
                return tr("Zeichen „{flag}“: {text}").format(flag=flag, text=flag_description(flag))
            if not math.isfinite(float(self.pivot.values[row, column - 1])):
                return flag_description(".")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.pivot is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return tr("Gebiet") if self.pivot.row_header == "Gebiet" else tr("Zeitraum")
            return self.pivot.columns[section - 1]
        return str(section + 1)

    def copy_text(self, rows: Sequence[int] | None = None, columns: Sequence[int] | None = None) -> str:
        """Tab-separated text with the header row; numbers with decimal comma and no grouping (for Excel)."""
        if self.pivot is None:
            return ""
        rows = list(range(self.rowCount())) if rows is None else list(rows)
        columns = list(range(self.columnCount())) if columns is None else sorted({0, *columns})
        clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
        lines = ["\t".join(str(self.headerData(c, Qt.Orientation.Horizontal)).translate(clean) for c in columns)]
        lines += ["\t".join(self.cell_text(r, c, grouping=False).translate(clean) for c in columns) for r in rows]
        return "\n".join(lines) + "\n"


class PivotPanel(QWidget):
    """The pivot table with its controls: rows (regions or periods), copy, save as Excel.

    ``compute(rows)`` returns the pivot for the current selection and chart choices (``None``: nothing to
    show); ``save(pivot, path)`` writes it. The data browser supplies both.
    """

    def __init__(self, compute: Callable[[str], Pivot | None], save: Callable[[Pivot, Path], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compute, self._save = compute, save
        self.model = PivotTableModel(parent=self)
        self.rows_combo = QComboBox()
        self.rows_combo.addItem(tr("Gebiete in Zeilen"), "region")
        self.rows_combo.addItem(tr("Zeiträume in Zeilen"), "period")
        self.rows_combo.setAccessibleName(tr("Zeilen der Pivot-Tabelle"))
        self.rows_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.copy_button = QPushButton(tr("Kopieren"))
        self.copy_button.setToolTip(tr("Die ganze Tabelle (oder die Auswahl) für Excel kopieren (Strg+C)"))
        self.copy_button.clicked.connect(lambda: self.copy())
        self.save_button = QPushButton(tr("Als Excel speichern …"))
        self.save_button.clicked.connect(self.save_as)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Pivot-Tabelle"))
        self.table.setAccessibleDescription(tr("Gebiete × Zeiträume mit den Merkmalen, wie im Diagramm gewählt; "
                                               "Strg+C kopiert die markierten Zellen"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between cells
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Strg+C: the window's Bearbeiten › Kopieren calls copy(selection=True) when this table has the focus (a
        # shortcut of its own would make the key ambiguous, and Qt then runs neither)
        controls = QHBoxLayout()
        controls.addWidget(self.rows_combo)
        controls.addWidget(self.how, 1)
        controls.addWidget(self.copy_button)
        controls.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        self.copy_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def refresh(self) -> None:
        pivot = self._compute(self.rows_combo.currentData())
        self.model.set_pivot(pivot)
        self._set_enabled(pivot is not None and bool(pivot.rows))
        self.how.setText(" · ".join(f"{name}: {how}" for name, how in (pivot.how if pivot else {}).items()))
        notes = pivot.notes if pivot else []
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.table.resizeColumnsToContents()

    def copy(self, *, selection: bool = False) -> str:
        rows = columns = None
        if selection and self.table.selectionModel().hasSelection():
            picked = self.table.selectionModel().selectedIndexes()
            rows = sorted({i.row() for i in picked})
            columns = sorted({i.column() for i in picked})
        text = self.model.copy_text(rows, columns)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def save_as(self, path: str | None = None) -> Path | None:
        pivot = self.model.pivot
        if pivot is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Pivot-Tabelle speichern unter"), "",
                                                  tr("Excel-Arbeitsmappe (*.xlsx)"))
            if not path:
                return None
        target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path).with_suffix(".xlsx")
        try:
            self._save(pivot, target)
        except Exception as exc:  # shown, never a traceback
            show_error(self, exc)
            return None
        return target


__all__ = ["PivotPanel", "PivotTableModel"]
