"""Table models of the planning area: thin adapters over already computed result frames.

:class:`FrameTableModel` shows a DataFrame through a list of :class:`FrameColumn` (header, kind, decimals);
``set_frame`` converts the columns to plain arrays once, so ``data()`` only indexes and formats (German
numbers). A missing number shows the GENESIS symbol „.“ (unknown), never „–“ (which the legend reserves for
exactly zero; an exact zero shows as the number „0“); a value that is not meaningful, such as a coverage without
demand, shows „x“. The allocation model adds a checkable "fest" column: checking it asks the editor (signal
``lock_requested``) to lock the recipient at its amount — the model never changes the spec itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.i18n import translated
from bildungsplaner.planning.allocation import AllocationResult
from bildungsplaner.planning.demand import DemandResult
from bildungsplaner.planning.groups import Grouping
from bildungsplaner.services.kinds import kind_named
from bildungsplaner.services.planning import Comparison
from bildungsplaner.services.scenarios import SavedScenario
from bildungsplaner.ui.common.labels import kind_label
from bildungsplaner.ui.common.models import SORT_ROLE, RowTableModel, TableColumn

__all__ = ["MISSING", "NOT_MEANINGFUL", "AllocationResultModel", "ComparisonModel", "DemandResultModel", "FrameColumn",
           "FrameTableModel", "ScenarioListModel"]

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


#: background of a subtotal or grand total row
SUM_ROW_COLOUR = "#e4ecf4"

#: GENESIS symbols (Zeichenerklärung) shown instead of a number
MISSING = "."  # Zahlenwert unbekannt
NOT_MEANINGFUL = "x"  # Aussage nicht sinnvoll


def grouped_frame(grouping: Grouping) -> pd.DataFrame:
    """The grouping's table with its subtotal and total rows named („Summe Lindental (7)“, „Insgesamt“)."""
    frame = grouping.table()
    sums = frame["row_kind"] != "recipient"
    frame.loc[sums, "key"] = ""
    frame.loc[sums, "name"] = [
        tr("Summe {name} ({count})").format(name=n, count=int(c)) if kind == "group" else tr("Insgesamt")
        for n, c, kind in zip(frame.loc[sums, "group_name"], frame.loc[sums, "count"],
                              frame.loc[sums, "row_kind"], strict=True)]
    return frame


@dataclass(frozen=True)
class FrameColumn:
    field: str
    header: str
    kind: str = "text"  # "text", "number", "percent", "bool"
    decimals: int = 0
    tooltip: str = ""
    empty: str = MISSING  #: shown for a missing (NaN) number


class FrameTableModel(QAbstractTableModel):
    """Rows of a DataFrame through :class:`FrameColumn` definitions (read-only)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[FrameColumn] = []
        self.frame = pd.DataFrame()
        self._arrays: list[np.ndarray] = []

    def set_frame(self, frame: pd.DataFrame, columns: Sequence[FrameColumn]) -> None:
        """Show ``frame``; with the same columns and row count only the values change (``dataChanged``), so the
        view keeps its selection, scroll position and sort order while a weight is dragged."""
        frame = frame.reset_index(drop=True)
        columns = [c for c in columns if c.field in frame.columns]
        arrays = [frame[c.field].to_numpy(dtype=float if c.kind in ("number", "percent") else object)
                  for c in columns]
        if columns == self.columns and len(frame) == len(self.frame) and len(frame) and columns:
            self.frame, self._arrays = frame, arrays
            self.dataChanged.emit(self.index(0, 0), self.index(len(frame) - 1, len(columns) - 1))
            return
        self.beginResetModel()
        self.frame, self.columns, self._arrays = frame, columns, arrays
        self.endResetModel()

    def clear(self) -> None:
        self.set_frame(pd.DataFrame(), [])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == _DISPLAY:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip
        return None

    def display(self, column: FrameColumn, value: Any) -> str:
        if column.kind == "bool":
            return tr("ja") if bool(value) else ""
        if column.kind in ("number", "percent"):
            if value is None or not math.isfinite(value):
                return column.empty
            if column.kind == "percent":
                return format_number(100 * value, column.decimals) + " %"
            return format_number(value, column.decimals)
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)

    def cell_text(self, row: int, column: FrameColumn, value: Any) -> str:
        """The text of one cell (subclasses pick the symbol of a missing value by the row)."""
        return self.display(column, value)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.frame) or not 0 <= index.column() < len(
                self.columns):
            return None
        column = self.columns[index.column()]
        value = self._arrays[index.column()][index.row()]
        if role == _DISPLAY:
            return self.cell_text(index.row(), column, value)
        if role == SORT_ROLE:
            if column.kind in ("number", "percent"):
                return float(value) if math.isfinite(value) else -math.inf
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind in ("number", "percent") else _LEFT
        return None


class AllocationResultModel(FrameTableModel):
    """One row per recipient: key, name, amount, exact, difference, bound, the checkable "fest" column (lock the
    recipient at its amount), need share and index, need values — the amount next to the name, so that it is
    in view on a small screen. Grouped (``set_result(…, grouping)``): the recipients of each group, then a bold
    subtotal row, and a grand total at the end (field ``row_kind``: recipient, group, total)."""

    lock_requested = Signal(str, object)  # key, amount (None: unlock)

    LOCK_FIELD = "locked"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locked: dict[str, float] = {}
        self.value_columns: set[str] = set()
        self._kinds: np.ndarray = np.array([], dtype=object)

    def set_result(self, result: AllocationResult, locked: dict[str, float], grouping: Grouping | None = None) -> None:
        self.locked = dict(locked)
        self.value_columns = set(result.value_columns)
        step = decimals_for(np.array([result.step]))
        unit = f" ({result.unit})" if result.unit else ""
        columns = [
            FrameColumn("key", tr("Schlüssel")), FrameColumn("name", tr("Name")),
            FrameColumn("amount", tr("Zuteilung") + unit, "number", step),
            FrameColumn("exact", tr("Exakt") + unit, "number", max(step, 2),
                        tr("Der exakte Anteil vor dem Runden")),
            FrameColumn("difference", tr("Differenz"), "number", max(step, 2), tr("Zuteilung − exakter Anteil")),
            FrameColumn("bound", tr("Grenze"), "text", 0, tr("Minimum, Maximum oder fest")),
            FrameColumn(self.LOCK_FIELD, tr("fest"), "bool", 0,
                        tr("Ankreuzen: dieser Empfänger behält seine Zuteilung fest")),
            FrameColumn("need_share", tr("Bedarfsanteil"), "percent", 2),
            FrameColumn("need", tr("Bedarfsindex"), "number", 3,
                        tr("Bedarfsanteil × Zahl der Empfänger: 1 = durchschnittlicher Bedarf")),
        ]
        for column in result.value_columns:
            label = column.split(":", 1)[-1]
            values = result.rows[column].to_numpy(dtype=float)
            finite = values[np.isfinite(values)]
            decimals = 0 if finite.size == 0 or np.allclose(finite, np.round(finite)) else 2
            columns.append(FrameColumn(column, label, "number", decimals, column))
        frame = result.rows.assign(row_kind="recipient") if grouping is None else grouped_frame(grouping)
        frame = frame.assign(locked=frame["key"].isin(list(self.locked)))
        self._kinds = frame["row_kind"].to_numpy(dtype=object)
        self.set_frame(frame, columns)

    def clear(self) -> None:
        self._kinds = np.array([], dtype=object)
        super().clear()

    def is_sum_row(self, row: int) -> bool:
        """A group's subtotal or the grand total (not a recipient)."""
        return 0 <= row < len(self._kinds) and self._kinds[row] != "recipient"

    def cell_text(self, row: int, column: FrameColumn, value: Any) -> str:
        if self.is_sum_row(row) and column.kind in ("number", "percent") and not math.isfinite(value) \
                and column.field not in ("amount", "exact", "difference", "need_share"):
            return ""  # need values and the index are not summed
        return super().cell_text(row, column, value)

    def _column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or self.is_sum_row(index.row()):
            return flags
        field = self.columns[index.column()].field
        if field == self.LOCK_FIELD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif field == "amount" and str(self._arrays[0][index.row()]) in self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        field = self.columns[index.column()].field
        if self.is_sum_row(index.row()):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(SUM_ROW_COLOUR))
            if field == self.LOCK_FIELD and role in (_DISPLAY, Qt.ItemDataRole.CheckStateRole):
                return "" if role == _DISPLAY else None
        if field == self.LOCK_FIELD:
            if role == Qt.ItemDataRole.CheckStateRole and 0 <= index.row() < len(self.frame):
                key = str(self._arrays[0][index.row()])
                return Qt.CheckState.Checked if key in self.locked else Qt.CheckState.Unchecked
            if role == _DISPLAY:
                return ""
        if field == "amount" and role == Qt.ItemDataRole.EditRole and 0 <= index.row() < len(self.frame):
            return float(self._arrays[index.column()][index.row()])
        if (role == Qt.ItemDataRole.ToolTipRole and field in self.value_columns and 0 <= index.row() < len(self.frame)
                and not math.isfinite(self._arrays[index.column()][index.row()])):
            return tr("„.“: der Wert fehlt; im Bedarf als 0 gerechnet (missing = \"zero\"), siehe Hinweise")
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        field = self.columns[index.column()].field
        key = str(self._arrays[0][index.row()])
        if self.is_sum_row(index.row()):
            return False
        if field == self.LOCK_FIELD and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            amount = float(self._arrays[self._column_of("amount")][index.row()])
            self.lock_requested.emit(key, amount if checked else None)
            return True
        if field == "amount" and role == Qt.ItemDataRole.EditRole and key in self.locked:
            try:
                number = float(str(value).replace(".", "").replace(",", ".")) if isinstance(value, str) \
                    else float(value)
            except ValueError:
                return False
            self.lock_requested.emit(key, number)
            return True
        return False


def demand_columns(entitlement: bool = True) -> list[FrameColumn]:
    """The demand table's columns; ``entitlement``: with the part that has a Ganztag entitlement."""
    right = tr("„x“: diese Bedarfszeile hat keinen Ganztagsanspruch")
    columns = [FrameColumn("region_key", tr("Schlüssel")), FrameColumn("region_name", tr("Gebiet")),
               FrameColumn("year", tr("Jahr")), FrameColumn("line", tr("Bedarf")),
               FrameColumn("ages", tr("Alter")),
               FrameColumn("entitled_ages", tr("Alter mit Rechtsanspruch"), "text", 0,
                           tr("Ganztag (GaFöG): die Alter der Klassen mit Rechtsanspruch in diesem Schuljahr")),
               FrameColumn("observed", tr("beobachtet"), "bool", 0,
                           tr("ja: Bevölkerung beobachtet; sonst fortgeschrieben")),
               FrameColumn("population", tr("Kinder"), "number", 0),
               FrameColumn("entitled_population", tr("davon mit Rechtsanspruch"), "number", 0,
                           tr("Kinder der Klassen mit Rechtsanspruch auf Ganztag; ") + right, NOT_MEANINGFUL),
               FrameColumn("demand", tr("Bedarf (Plätze)"), "number", 0,
                           tr("Ganztag: Kinder mit Rechtsanspruch × Quote + übrige Kinder × Quote vor dem "
                              "Rechtsanspruch")),
               FrameColumn("entitled_demand", tr("Bedarf mit Rechtsanspruch"), "number", 0,
                           tr("davon: Bedarf der Klassen mit Rechtsanspruch; ") + right, NOT_MEANINGFUL),
               FrameColumn("capacity", tr("Plätze"), "number", 0),
               FrameColumn("gap", tr("Lücke"), "number", 0, tr("Plätze − Bedarf; negativ: es fehlen Plätze")),
               FrameColumn("coverage", tr("Deckung"), "percent", 1, tr("Plätze / Bedarf"))]
    if not entitlement:
        columns = [c for c in columns if not c.field.startswith("entitled_")]
    return columns


class DemandResultModel(FrameTableModel):
    """One row per region, year and demand line; the entitled part only when a line has a Ganztag entitlement."""

    def set_result(self, result: DemandResult) -> None:
        entitlement = "entitled_population" in result.rows and bool(result.rows["entitled_population"].notna().any())
        self.set_frame(result.rows, demand_columns(entitlement))

    def cell_text(self, row: int, column: FrameColumn, value: Any) -> str:
        if column.field == "coverage" and not math.isfinite(value):
            demand, capacity = (float(self.frame[name].iat[row]) for name in ("demand", "capacity"))
            if demand == 0 and math.isfinite(capacity):  # places but no demand: a share of nothing
                return NOT_MEANINGFUL
        return super().cell_text(row, column, value)


class ComparisonModel(FrameTableModel):
    """Two results side by side with the difference B − A; grouped like :class:`AllocationResultModel`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kinds: np.ndarray = np.array([], dtype=object)

    def clear(self) -> None:
        self._kinds = np.array([], dtype=object)
        super().clear()

    def set_comparison(self, comparison: Comparison, decimals: int = 2, grouping: Grouping | None = None) -> None:
        kind = kind_named(comparison.kind)
        keys = [FrameColumn(column, translated(heading)) for column, heading in kind.comparison_keys]
        frame = comparison.rows.assign(row_kind="recipient")
        if grouping is not None:
            frame = grouped_frame(grouping)
        self._kinds = frame["row_kind"].to_numpy(dtype=object)
        self.set_frame(frame, [*keys, FrameColumn("a", comparison.name_a, "number", decimals),
                               FrameColumn("b", comparison.name_b, "number", decimals),
                               FrameColumn("difference", tr("Differenz (B − A)"), "number", decimals)])

    def is_sum_row(self, row: int) -> bool:
        return 0 <= row < len(self._kinds) and self._kinds[row] != "recipient"

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if index.isValid() and self.is_sum_row(index.row()):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(SUM_ROW_COLOUR))
        return super().data(index, role)


class ScenarioListModel(RowTableModel):
    """The saved scenarios of the workspace: name and kind."""

    def __init__(self, parent: Any = None) -> None:
        def changed(row: SavedScenario) -> str:
            return tr("Geändert am {date}").format(date=f"{row.changed_at:%d.%m.%Y %H:%M}")

        super().__init__([TableColumn(tr("Szenario"), lambda r: r.name, tooltip=changed),
                          TableColumn(tr("Art"), lambda r: kind_label(r.kind), tooltip=changed)], parent=parent)

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.name == name), -1)
