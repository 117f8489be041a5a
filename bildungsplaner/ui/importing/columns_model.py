"""The column table of the mapping page: a table model over the columns of an :class:`ImportTemplate`.

Rules:

* The model keeps no mapping of its own. A row is a column of the table (then the columns the template names
  that the table lacks, marked „fehlt in der Tabelle“); what a row shows — its use (Messwert, Dimension,
  Attribut), indicator code or attribute name, indicator name and unit — is read from the template last given
  to :meth:`ColumnsModel.show`.
* An edit in a cell is a new template, computed by the pure functions :func:`with_role` and :func:`with_text`;
  the model shows it and emits :attr:`ColumnsModel.edited` with it, and the mapping page makes it its state.
  A cell therefore cannot hold anything the template does not: the code, name and unit cells are editable only
  where the row's use has them (a measure: all three; an attribute: its name).
* A new measure, dimension or attribute goes after the last one of an earlier row (row order for a
  suggestion); the order of a loaded template is kept. Rows stay while one template is edited (a column the
  template no longer names keeps its row) and are laid out afresh for another template (``fresh``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from bildungsplaner.importing.template import ImportTemplate, Measure
from bildungsplaner.ui.importing.widgets import CHOICES_ROLE, VALUE_ROLE

__all__ = ["ATTRIBUTE", "COL_CODE", "COL_LABEL", "COL_NAME", "COL_ROLE", "COL_UNIT", "DIMENSION", "MEASURE", "NONE",
           "ColumnsModel", "role_items", "role_of", "template_columns", "with_role", "with_text"]

NONE, MEASURE, DIMENSION, ATTRIBUTE = "", "measure", "dimension", "attribute"
# columns of the column table
COL_NAME, COL_ROLE, COL_CODE, COL_LABEL, COL_UNIT = range(5)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY, _EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
T = TypeVar("T")


def role_items(target: str) -> list[tuple[str, str]]:
    """The uses a column can have for ``target``, as ``(text, role)`` for the combo box of the cell."""
    none = (QCoreApplication.translate("ImportWizard", "–"), NONE)
    if target == "observations":
        return [none, (QCoreApplication.translate("ImportWizard", "Messwert"), MEASURE),
                (QCoreApplication.translate("ImportWizard", "Dimension"), DIMENSION)]
    if target == "facilities":
        return [none, (QCoreApplication.translate("ImportWizard", "Attribut"), ATTRIBUTE)]
    return [none]


def role_of(template: ImportTemplate, column: str) -> str:
    """The use of ``column`` in ``template`` (a column named as measure and dimension counts as dimension)."""
    if (obs := template.observations) is not None:
        if column in obs.dimensions:
            return DIMENSION
        if any(m.column == column for m in obs.measures):
            return MEASURE
    if (fac := template.facilities) is not None and column in fac.attributes.values():
        return ATTRIBUTE
    return NONE


def template_columns(template: ImportTemplate) -> list[str]:
    """The columns the column table shows a use for: measures, dimensions, attributes."""
    names: list[str] = []
    if (obs := template.observations) is not None:
        names += [m.column for m in obs.measures] + list(obs.dimensions)
    if (fac := template.facilities) is not None:
        names += list(fac.attributes.values())
    return list(dict.fromkeys(names))


def _measure(template: ImportTemplate, column: str) -> Measure | None:
    obs = template.observations
    return next((m for m in obs.measures if m.column == column), None) if obs is not None else None


def _attribute(template: ImportTemplate, column: str) -> str | None:
    fac = template.facilities
    return next((a for a, c in fac.attributes.items() if c == column), None) if fac is not None else None


def _inserted(items: Sequence[T], item: T, column_of: Callable[[T], str], column: str, order: Sequence[str]) -> list[T]:
    """``items`` with ``item`` after the last one whose column comes earlier in ``order`` (first if none): in row
    order where the items are, beside its neighbour where they are in an order of their own."""
    rank = {name: number for number, name in enumerate(order)}
    mine = rank.get(column, len(rank))
    position = max((i + 1 for i, other in enumerate(items) if rank.get(column_of(other), len(rank)) < mine), default=0)
    return [*items[:position], item, *items[position:]]


def with_role(template: ImportTemplate, column: str, role: str, order: Sequence[str] = ()) -> ImportTemplate:
    """``template`` with ``column`` used as ``role`` and as nothing else of the column table; a measure or
    attribute it already is stays as it is (with its code, name, unit), a new one takes the place of ``column``
    in ``order`` (the rows). An attribute is named after its column until the user renames it."""
    if (obs := template.observations) is not None:
        measures = [m for m in obs.measures if role == MEASURE or m.column != column]
        dimensions = [d for d in obs.dimensions if role == DIMENSION or d != column]
        if role == MEASURE and all(m.column != column for m in measures):
            measures = _inserted(measures, Measure(column), lambda m: m.column, column, order)
        if role == DIMENSION and column not in dimensions:
            dimensions = _inserted(dimensions, column, lambda d: d, column, order)
        if (measures, dimensions) != (obs.measures, obs.dimensions):
            template = replace(template, observations=replace(obs, measures=measures, dimensions=dimensions))
    if (fac := template.facilities) is not None:
        attributes = [(a, c) for a, c in fac.attributes.items() if role == ATTRIBUTE or c != column]
        if role == ATTRIBUTE and all(c != column for _a, c in attributes):
            attributes = _inserted(attributes, (column, column), lambda item: item[1], column, order)
        if attributes != list(fac.attributes.items()):
            template = replace(template, facilities=replace(fac, attributes=dict(attributes)))
    return template


def with_text(template: ImportTemplate, column: str, cell: int, text: str | None) -> ImportTemplate:
    """``template`` with the code (``COL_CODE``), name (``COL_LABEL``) or unit (``COL_UNIT``) of ``column``'s
    measure, or the name of its attribute (``COL_CODE``; empty: the column's name), set to ``text``."""
    value = (text or "").strip() or None
    role = role_of(template, column)
    if role == MEASURE and (obs := template.observations) is not None:
        key = {COL_CODE: "indicator", COL_LABEL: "name", COL_UNIT: "unit"}[cell]
        first, change = _measure(template, column), dict[str, Any]({key: value})
        measures = [replace(m, **change) if m is first else m for m in obs.measures]
        return replace(template, observations=replace(obs, measures=measures))
    if role == ATTRIBUTE and cell == COL_CODE and (fac := template.facilities) is not None:
        old, new = _attribute(template, column), value or column
        attributes = {(new if name == old else name): c for name, c in fac.attributes.items()}
        return replace(template, facilities=replace(fac, attributes=attributes))
    return template


class ColumnsModel(QAbstractTableModel):
    """The rows of the column table over a template (see the module docstring)."""

    #: the template after an edit in a cell (the page makes it its state)
    edited = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._template = ImportTemplate("", "observations")
        self._table: list[str] = []  #: the columns of the table, in its order
        self._rows: list[str] = []  #: the table's columns, then those of the template it lacks

    @property
    def template(self) -> ImportTemplate:
        return self._template

    @property
    def rows(self) -> list[str]:
        """The column name of every row."""
        return list(self._rows)

    def show(self, template: ImportTemplate, table_columns: Sequence[str], *, fresh: bool = False) -> None:
        """Show ``template`` over the table's columns; ``fresh``: lay the rows out anew (another template)."""
        table = list(table_columns)
        fresh = fresh or table != self._table or template.target != self._template.target
        kept = table if fresh else self._rows
        rows = kept + [c for c in template_columns(template) if c not in kept]
        if rows != self._rows or fresh:
            self.beginResetModel()
            self._template, self._table, self._rows = template, table, rows
            self.endResetModel()
            return
        self._template = template
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COL_UNIT))

    # --- Qt ---------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else COL_UNIT + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        role = role_of(self._template, self._rows[index.row()])
        cell = index.column()
        if cell == COL_ROLE or (role == MEASURE and cell in (COL_CODE, COL_LABEL, COL_UNIT)) or (
                role == ATTRIBUTE and cell == COL_CODE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column, cell = self._rows[index.row()], index.column()
        if cell == COL_NAME:
            if role == Qt.ItemDataRole.UserRole:
                return column
            if role in (_DISPLAY, _EDIT):
                return column if column in self._table else QCoreApplication.translate(
                    "ImportWizard", "{name} (fehlt in der Tabelle)").format(name=column)
            return None
        use = role_of(self._template, column)
        if cell == COL_ROLE:
            if role == VALUE_ROLE:
                return use
            if role == CHOICES_ROLE:
                return role_items(self._template.target)
            if role in (_DISPLAY, _EDIT):
                return next((text for text, value in role_items(self._template.target) if value == use), "")
            return None
        if role not in (_DISPLAY, _EDIT):
            return None
        if use == MEASURE and (measure := _measure(self._template, column)) is not None:
            return {COL_CODE: measure.indicator, COL_LABEL: measure.name, COL_UNIT: measure.unit}[cell] or ""
        if use == ATTRIBUTE and cell == COL_CODE:
            return _attribute(self._template, column) or ""
        return ""

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        column, cell = self._rows[index.row()], index.column()
        if cell == COL_ROLE:
            if role == _DISPLAY:  # the ComboDelegate also sets the choice's text: it follows the value
                return True
            if role != VALUE_ROLE:
                return False
            template = with_role(self._template, column, value or NONE, self._rows)
        elif role == _EDIT:
            template = with_text(self._template, column, cell, None if value is None else str(value))
        else:
            return False
        if template != self._template:
            self._template = template
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_UNIT))
            self.edited.emit(template)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY or not 0 <= section <= COL_UNIT:
            return super().headerData(section, orientation, role)
        code = (QCoreApplication.translate("ImportWizard", "Indikatorcode") if self._template.target == "observations"
                else QCoreApplication.translate("ImportWizard", "Attributname"))
        return [QCoreApplication.translate("ImportWizard", "Spalte"),
                QCoreApplication.translate("ImportWizard", "Verwendung"), code,
                QCoreApplication.translate("ImportWizard", "Indikatorname"),
                QCoreApplication.translate("ImportWizard", "Einheit")][section]
