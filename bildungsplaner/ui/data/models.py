"""The data room's item models: regions, indicators, facilities and observations.

No model here ever queries the database; ``data()`` only indexes into lists and numpy arrays. The
observation table keeps its rows as columns (numpy codes into small label lists), so a million rows cost a
few arrays, and sorting and filtering are vectorised inside the model (see :class:`ObservationProxyModel`).
numpy and pandas are imported where used (pandas only for type hints): the window imports this module before
it is shown, and its empty observation table is built without them; the frames arrive loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    Qt,
)

from bildungsplaner.formatting import decimals_for, format_number, format_period
from bildungsplaner.services.browse import (
    FacilityRow,
    IndicatorRow,
    RegionIndex,
    RegionRow,
    dimension_columns,
    natural_key,
)
from bildungsplaner.ui.common.labels import flag_description, level_label
from bildungsplaner.ui.common.models import ID_ROLE, SORT_ROLE, Index, RowTableModel, TableColumn, display_value

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["SYMBOL_FLAGS", "AttributeTableModel", "FacilityTableModel", "IndicatorTableModel", "ObservationProxyModel",
           "ObservationTableModel", "RegionTreeModel"]

_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# Symbols that stand instead of a number (GENESIS Zeichenerklärung); other flags are suffixes (p, r, s).
SYMBOL_FLAGS = frozenset({"-", "0", ".", "...", "/", "x"})


# --- region tree --------------------------------------------------------------------------------------------

class RegionTreeModel(QAbstractItemModel):
    """Regions as a tree (Land → … → Kreis → Gemeinden → Sozialräume); columns Gebiet and Schlüssel.

    Each index carries the position of its node in :attr:`nodes` as internal id.
    """

    def __init__(self, rows: Sequence[RegionRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._build(RegionIndex(rows))

    def _build(self, index: RegionIndex) -> None:
        self.region_index = index
        self.nodes: list[RegionRow] = []
        self._parent_node: list[int] = []  # -1 for top level
        self._row_in_parent: list[int] = []
        self._children: dict[int, list[int]] = {-1: []}
        self._node_of_region: dict[int, int] = {}
        stack = [(row, -1) for row in reversed(index.roots)]
        while stack:
            row, parent = stack.pop()
            if row.id in self._node_of_region:
                continue
            node = len(self.nodes)
            self.nodes.append(row)
            self._parent_node.append(parent)
            self._row_in_parent.append(len(self._children[parent]))
            self._children[parent].append(node)
            self._children[node] = []
            self._node_of_region[row.id] = node
            stack.extend((child, node) for child in reversed(index.children.get(row.id, [])))

    def set_regions(self, rows: Sequence[RegionRow]) -> None:
        self.beginResetModel()
        self._build(RegionIndex(rows))
        self.endResetModel()

    def _node(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else -1

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        children = self._children.get(self._node(parent), [])
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        parent = self._parent_node[self._node(index)]
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[parent], 0, parent)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._node(parent), []))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self.nodes[self._node(index)]
        if role in (_DISPLAY, SORT_ROLE):
            return row.name if index.column() == 0 else row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} ({level_label(row.level)}, {row.key})"
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and section in (0, 1):
            return (QCoreApplication.translate("Models", "Gebiet"),
                    QCoreApplication.translate("Models", "Schlüssel"))[section]
        return None

    def region_id(self, index: Index) -> int | None:
        return self.nodes[self._node(index)].id if index.isValid() else None

    def index_for_region(self, region_id: int, column: int = 0) -> QModelIndex:
        node = self._node_of_region.get(region_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[node], column, node)


# --- small row tables ---------------------------------------------------------------------------------------

class IndicatorTableModel(RowTableModel):
    """Indicators with their number of values."""

    def __init__(self, rows: Sequence[IndicatorRow] = (), parent: Any = None) -> None:
        def tooltip(r: IndicatorRow) -> str:
            return "\n".join(t for t in (f"{r.name} ({r.code})", r.description, r.phase) if t)

        super().__init__([
            TableColumn(QCoreApplication.translate("Models", "Indikator"), lambda r: r.name, tooltip=tooltip),
            TableColumn(QCoreApplication.translate("Models", "Werte"), lambda r: format_number(r.observations),
                   sort=lambda r: r.observations, numeric=True),
            TableColumn(QCoreApplication.translate("Models", "Einheit"), lambda r: r.unit),
            TableColumn(QCoreApplication.translate("Models", "Code"), lambda r: r.code),
        ], rows, parent)


class FacilityTableModel(RowTableModel):
    KIND_COLUMN = 1

    def __init__(self, rows: Sequence[FacilityRow] = (), parent: Any = None) -> None:
        super().__init__([
            TableColumn(QCoreApplication.translate("Models", "Einrichtung"), lambda r: r.name,
                   tooltip=lambda r: f"{r.name}\n{r.address}"),
            TableColumn(QCoreApplication.translate("Models", "Art"), lambda r: r.kind),
            TableColumn(QCoreApplication.translate("Models", "Gebiet"), lambda r: r.region_name,
                   tooltip=lambda r: r.region_key),
            TableColumn(QCoreApplication.translate("Models", "Nummer"), lambda r: r.key,
                   sort=lambda r: natural_key(r.key)),
        ], rows, parent)


class AttributeTableModel(RowTableModel):
    """Name/value pairs describing one facility (its fields, then its attributes)."""

    def __init__(self, facility: FacilityRow | None = None, parent: Any = None) -> None:
        super().__init__([
            TableColumn(QCoreApplication.translate("Models", "Merkmal"), lambda r: r[0]),
            TableColumn(QCoreApplication.translate("Models", "Wert"), lambda r: display_value(r[1]),
                   sort=lambda r: r[1] if isinstance(r[1], int | float) else str(r[1]),
                   numeric=False),
        ], parent=parent)
        self.set_facility(facility)

    def set_facility(self, facility: FacilityRow | None) -> None:
        pairs: list[tuple[str, Any]] = []
        if facility is not None:
            region = f"{facility.region_name} ({facility.region_key})" if facility.region_key else ""
            pairs = [
                (QCoreApplication.translate("Models", "Name"), facility.name),
                (QCoreApplication.translate("Models", "Art"), facility.kind),
                (QCoreApplication.translate("Models", "Nummer"), facility.key),
                (QCoreApplication.translate("Models", "Bildungsphase"), facility.phase),
                (QCoreApplication.translate("Models", "Angebot"), facility.offering),
                (QCoreApplication.translate("Models", "Gebiet"), region),
                (QCoreApplication.translate("Models", "Anschrift"), facility.address),
            ]
            pairs += sorted(facility.attributes.items(), key=lambda kv: natural_key(kv[0]))
        self.set_rows(pairs)


# --- observations -------------------------------------------------------------------------------------------

@dataclass
class _CodedColumn:
    """A text column as codes into a label list (-1: empty)."""

    header: str
    codes: np.ndarray
    labels: list[str]
    # Natural-order rank of each label, for sorting.
    ranks: np.ndarray

    @classmethod
    def from_categorical(cls, header: str, cat: pd.Categorical,
                         label: Callable[[str], str] = str) -> _CodedColumn:
        import numpy as np

        raw = [str(c) for c in cat.categories]
        order = sorted(range(len(raw)), key=lambda i: natural_key(raw[i]))
        ranks = np.empty(len(raw), dtype=np.int64)
        ranks[np.asarray(order, dtype=np.int64)] = np.arange(len(raw))
        return cls(header, np.asarray(cat.codes), [label(c) for c in raw], ranks)

    @classmethod
    def empty(cls, header: str) -> _CodedColumn:
        """The column of an empty table (no rows, no labels; empty sequences, without numpy)."""
        return cls(header, (), [], ())  # type: ignore[arg-type]

    def texts(self, rows: np.ndarray) -> np.ndarray:
        import numpy as np

        return np.array([*self.labels, ""], dtype=object)[self.codes[rows]]


class ObservationTableModel(QAbstractTableModel):
    """Observations (from :func:`~bildungsplaner.services.browse.load_observations`) as a table.

    Columns: Schlüssel, Gebiet, Zeitraum, one column per dimension, Wert. ``_rows`` maps visible rows to
    frame rows; :meth:`sort` and :meth:`set_filter_text` rebuild it with numpy, never row by row in Python.
    """

    def __init__(self, frame: pd.DataFrame | None = None, unit: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self._set(frame, unit, None)

    # building
    def _set(self, frame: pd.DataFrame | None, unit: str, dimensions: dict[str, pd.Categorical] | None) -> None:
        """``frame`` ``None``: the empty table, built without pandas, which the window imports only with the
        first loaded values (``frame`` stays ``None``; the browser and the chart read that as empty).
        ``dimensions``: ``dimension_columns(frame["dimensions"])`` if made already (on the loading thread)."""
        self.frame = frame
        self.unit = unit
        headers = [QCoreApplication.translate("Models", "Schlüssel"), QCoreApplication.translate("Models", "Gebiet"),
                   QCoreApplication.translate("Models", "Zeitraum")]
        self.dimensions: dict[str, pd.Categorical] = {}
        if frame is None:
            self.columns: list[_CodedColumn] = [_CodedColumn.empty(header) for header in headers]
            self.values: np.ndarray | tuple[float, ...] = ()
            self.flag_column = _CodedColumn.empty("")
        else:
            import numpy as np

            f = frame
            self.dimensions = dimension_columns(f["dimensions"]) if dimensions is None else dimensions
            self.columns = [
                _CodedColumn.from_categorical(headers[0], f["region_key"].array),
                _CodedColumn.from_categorical(headers[1], f["region_name"].array),
                _CodedColumn.from_categorical(headers[2], f["period"].array, format_period),
                *(_CodedColumn.from_categorical(name, cat) for name, cat in self.dimensions.items()),
            ]
            self.values = np.asarray(f["value"], dtype=np.float64)
            self.flag_column = _CodedColumn.from_categorical("", f["flag"].array)
        self.value_column = len(self.columns)
        self.decimals = decimals_for(self.values) if len(self.values) else 0  # what decimals_for gives for none
        # unsorted, the order is a range (no array of a million row numbers: 8 MiB less resident)
        self._order: np.ndarray | range = range(len(self.values))
        self._value_ranks: tuple[np.ndarray, int] | bool | None = None  # (see value_ranks), made at the first sort
        self._mask: np.ndarray | None = None
        self._rows = self._order
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.filter_text = ""

    def set_frame(self, frame: pd.DataFrame | None, unit: str = "",
                  dimensions: dict[str, pd.Categorical] | None = None) -> None:
        self.beginResetModel()
        self._set(frame, unit, dimensions)
        self.endResetModel()

    @property
    def total_rows(self) -> int:
        return len(self.values)

    # Qt interface
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.value_column + 1

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = int(self._rows[index.row()]), index.column()
        if column == self.value_column:
            return self._value_data(row, role)
        col = self.columns[column]
        code = int(col.codes[row])
        if role == _DISPLAY:
            return col.labels[code] if code >= 0 else ""
        if role == SORT_ROLE:
            return int(col.ranks[code]) if code >= 0 else -1
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self.columns[0].labels[int(self.columns[0].codes[row])]
        return None

    def _value_data(self, row: int, role: int) -> Any:
        if role == _DISPLAY:
            return self.value_text(row, grouping=True)
        if role == SORT_ROLE:
            value = float(self.values[row])
            return None if math.isnan(value) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            flag = self._flag(row)
            if flag:
                return QCoreApplication.translate("Models", "Zeichen „{flag}“: {text}").format(
                    flag=flag, text=flag_description(flag))
        return None

    def _flag(self, row: int) -> str:
        code = int(self.flag_column.codes[row])
        return self.flag_column.labels[code] if code >= 0 else ""

    def value_text(self, row: int, *, grouping: bool) -> str:
        """The value cell as text: the number, ``number flag`` for p/r/s, or the symbol instead of a number."""
        flag, value = self._flag(row), float(self.values[row])
        if flag in SYMBOL_FLAGS or math.isnan(value):
            return flag or "."  # a value without a number is unknown („.“), never blank or the zero sign „–“
        text = format_number(value, self.decimals, grouping=grouping)
        return f"{text} {flag}" if flag and grouping else text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._rows) else None
        if 0 <= section < self.value_column:
            return self.columns[section].header
        if section == self.value_column:
            word = QCoreApplication.translate("Models", "Wert")
            return f"{word} ({self.unit})" if self.unit else word
        return None

    # sorting and filtering (vectorised)
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.sort_column, self.sort_order = column, order
        descending = order == Qt.SortOrder.DescendingOrder
        n = len(self.values)
        if n == 0:  # the empty table (also at the window's start, when sorting is switched on): no numpy
            self._order = range(0)
            self._apply()
            self.endResetModel()
            return
        import numpy as np

        if column < 0 or column > self.value_column:
            self._order = range(n)
        elif column == self.value_column:
            if self._value_ranks is None:  # once per loaded table: the values stay, only the order changes
                self._value_ranks = value_ranks(np.asarray(self.values))
            self._order = value_order(np.asarray(self.values), self._value_ranks, descending)
        else:
            col = self.columns[column]
            count = len(col.ranks)
            ranks = np.append(col.ranks, count)[col.codes]  # empty cells (-1) sort last
            if descending and count:
                ranks = turned_round(ranks, count)
            self._order = rank_order(ranks, count + 1)
        self._apply()
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        """Keep the rows in which every word of ``text`` occurs (case-insensitive) in some text column."""
        import numpy as np

        self.beginResetModel()
        self.filter_text = text
        words = [w.casefold() for w in text.split()]
        if not words:
            self._mask = None
        else:
            mask = np.ones(len(self.values), dtype=bool)
            for word in words:
                hit = np.zeros(len(self.values), dtype=bool)
                for col in [*self.columns, self.flag_column]:
                    match = np.array([word in label.casefold() for label in col.labels] + [False], dtype=bool)
                    if match.any():  # (a column none of whose texts match adds nothing: no pass over its rows)
                        hit |= match[col.codes]
                mask &= hit
            self._mask = mask
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        if self._mask is None:
            self._rows = self._order
            return
        order = _as_array(self._order)
        self._rows = order[self._mask[order]]

    def frame_rows(self, view_rows: np.ndarray | Sequence[int]) -> np.ndarray:
        """Frame row numbers of visible rows."""
        import numpy as np

        return _as_array(self._rows)[np.asarray(view_rows, dtype=np.int64)]

    # copying
    def copy_text(self, view_rows: np.ndarray | Sequence[int], columns: Sequence[int]) -> str:
        """Tab-separated text with a header row, numbers with decimal comma and no grouping (for Excel)."""
        rows = self.frame_rows(view_rows)
        columns = [c for c in columns if 0 <= c <= self.value_column]
        header = [_clean(str(self.headerData(c, Qt.Orientation.Horizontal))) for c in columns]
        cells: list[Any] = []
        for c in columns:
            if c == self.value_column:
                cells.append([self.value_text(int(r), grouping=False) for r in rows])
            else:
                cells.append([_clean(t) for t in self.columns[c].texts(rows)])
        lines = ["\t".join(header), *("\t".join(values) for values in zip(*cells, strict=True))]
        return "\n".join(lines) + "\n"


def value_ranks(values: np.ndarray, limit: int | None = None) -> tuple[np.ndarray, int] | bool:
    """Each value's rank among the distinct values (16 bits; a missing value ranked after all, as ``count``) and
    their count, or ``False`` where there are ``limit`` (:data:`RADIX_RANKS`: what 16 bits hold) or more.

    Counts, the usual values, have a few thousand distinct numbers among a million rows: hashed once (pandas'
    factorize), each sort is then a radix sort of the ranks (:func:`value_order`). In the window with a million
    rows (``benchmarks/browse_1m.py``'s workspace, 5,000 distinct values) the first sort by value takes 50 ms
    (the hash included), every further one 15-20 ms, where numpy's stable sort of the numbers took 60-70 ms."""
    import numpy as np
    import pandas as pd

    codes, distinct = pd.factorize(values)  # (-0.0 and 0.0 hash as one number); NaN: -1
    count = len(distinct)
    if count >= (RADIX_RANKS if limit is None else limit):
        return False
    rank = np.empty(count + 1, dtype=np.uint16)
    rank[np.argsort(distinct, kind="stable")] = np.arange(count)
    rank[count] = count  # index -1: the missing values
    return rank[codes], count


#: Fewer distinct values than this are sorted by their ranks (16 bits, which numpy sorts by radix).
RADIX_RANKS = 1 << 16


def value_order(values: np.ndarray, ranks: tuple[np.ndarray, int] | bool, descending: bool) -> np.ndarray:
    """The stable order of ``values`` (missing ones last either way) from their :func:`value_ranks`, else by
    numpy's stable sort of the numbers (more distinct values: the hash costs more than it saves, 1 M distinct
    values 200 against 120 ms)."""
    import numpy as np

    if isinstance(ranks, bool):  # (numpy sorts NaN after every number, also after infinity)
        return np.argsort(-values if descending else values, kind="stable")
    by_rank, count = ranks
    if descending and count:  # (no number at all: every rank is ``count``, nothing to turn round)
        by_rank = turned_round(by_rank, count)
    return rank_order(by_rank, count + 1)


def turned_round(ranks: np.ndarray, count: int) -> np.ndarray:
    """Ranks 0 … ``count`` - 1 in reverse (``count`` - 1 - rank), while ``count`` (a missing value) stays ``count``:
    sorted ascending, that is the descending order with the missing values still last. 16-bit where they fit
    (fewer fresh pages to fault in; :func:`rank_order` then needs no copy)."""
    import numpy as np

    dtype = np.uint16 if count < RADIX_RANKS else np.int64
    turned = np.subtract(count - 1, ranks.astype(dtype, copy=False), dtype=dtype)  # (wraps round for ``count`` …)
    turned[ranks == count] = count  # (… which is set back)
    return turned


def rank_order(ranks: np.ndarray, count: int) -> np.ndarray:
    """The stable ascending order of ``ranks`` (integers from 0 to ``count`` - 1): numpy's stable sort of
    16-bit integers is a radix sort, one pass over the rows, where wider integers get a merge sort."""
    import numpy as np

    if count <= RADIX_RANKS:
        return np.argsort(ranks.astype(np.uint16, copy=False), kind="stable")
    return np.argsort(ranks, kind="stable")


def _as_array(rows: np.ndarray | range) -> np.ndarray:
    """Row numbers as an int64 array (a range through ``np.arange``, not element by element)."""
    import numpy as np

    if isinstance(rows, range):
        return np.arange(rows.start, rows.stop, rows.step, dtype=np.int64)
    return np.asarray(rows, dtype=np.int64)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


class ObservationProxyModel(QIdentityProxyModel):
    """The proxy between the observation table and its view; sorting and filtering go to the source.

    QSortFilterProxyModel's own sorting and filtering call ``data()`` per row and comparison — minutes for a
    million rows in Python — and even unused it rebuilds a row mapping of the size of the table after every
    reset (30-60 ms for a million rows, on each load, sort and filter). This proxy is an identity: it keeps no
    mapping and forwards :meth:`sort` and :meth:`set_filter_text` to the :class:`ObservationTableModel`,
    which does both with numpy; proxy row *n* is source row *n*.
    """

    def source(self) -> ObservationTableModel:
        model = self.sourceModel()
        assert isinstance(model, ObservationTableModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def set_filter_text(self, text: str) -> None:
        self.source().set_filter_text(text)
