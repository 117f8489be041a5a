"""Item models of the report window: the outline of a report definition and the list of saved reports.

:class:`OutlineModel` is a thin tree over one :class:`~bildungsplaner.reporting.spec.ReportSpec`: one top row
for the report itself, its chapters below it, each chapter's modules below the chapter. It never edits the spec
(the area changes it through undoable outline operations and hands the new spec over with :meth:`set_spec`).
An index's internal id says where its parent is: 0 — the report row (parent: root), 1 — a chapter (parent: the
report row), 2 + c — a module of chapter c.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt

from bildungsplaner.reporting.outline import Location
from bildungsplaner.reporting.spec import BacktestModule, IndicatorModule, Module, ReportSpec, ScenarioModule
from bildungsplaner.ui.common.models import Index, RowTableModel, TableColumn

__all__ = ["LOCATION_ROLE", "OutlineModel", "chart_label", "module_kind", "module_title", "report_list_model"]

#: the :data:`~bildungsplaner.reporting.outline.Location` of an outline row
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 11
_ROOT = QModelIndex()
_REPORT, _CHAPTER, _MODULE = 0, 1, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr("…") under the empty context


def chart_label(kind: str) -> str:
    return {"timeseries": tr("Zeitreihe mit Vergleichsregionen"), "subregions": tr("Balken nach Teilgebieten"),
            "map": tr("Karte"), "none": tr("kein Diagramm")}.get(kind, kind)


def module_kind(module: Module) -> str:
    if isinstance(module, IndicatorModule):
        return tr("Kennzahl")
    if isinstance(module, ScenarioModule):
        return tr("Szenario")
    if isinstance(module, BacktestModule):
        return tr("Prognose-Ist-Vergleich")
    return tr("Text")


def module_title(module: Module, names: Mapping[str, str]) -> str:
    """The heading the module gets: its own title, else the indicator's name, the scenario's name, the text's
    first words."""
    if module.title:
        return module.title
    if isinstance(module, IndicatorModule):
        return names.get(module.indicator, module.indicator)
    if isinstance(module, ScenarioModule):
        return module.scenario
    if isinstance(module, BacktestModule):
        return tr("Prognose-Ist-Vergleich: {name}").format(name=module.backtest)
    words = " ".join(module.text.split())
    return words if len(words) <= 48 else words[:47].rstrip() + "…"


def module_details(module: Module) -> str:
    """The second column: kind and what it shows."""
    parts = [module_kind(module)]
    if isinstance(module, IndicatorModule):
        parts[0] = f"{parts[0]} {module.indicator}"
        parts.append(chart_label(module.chart))
        if module.table:
            parts.append(tr("Tabelle"))
        if module.text != "auto":
            parts.append(tr("eigener Text"))
    elif isinstance(module, ScenarioModule | BacktestModule):
        if module.chart:
            parts.append(tr("Diagramm"))
        if module.table:
            parts.append(tr("Tabelle"))
    return " · ".join(parts)


class OutlineModel(QAbstractItemModel):
    """The report, its chapters and their modules (see the module docstring); two columns: title and content."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec: ReportSpec | None = None
        #: indicator code → name (module titles)
        self.names: dict[str, str] = {}

    def set_spec(self, spec: ReportSpec | None) -> None:
        self.beginResetModel()
        self.spec = spec
        self.endResetModel()

    def set_names(self, names: Mapping[str, str]) -> None:
        self.names = dict(names)
        if self.spec is not None:
            self.set_spec(self.spec)

    # --- structure ------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _REPORT)
        kind = parent.internalId()
        if kind == _REPORT:
            return self.createIndex(row, column, _CHAPTER)
        if kind == _CHAPTER:
            return self.createIndex(row, column, _MODULE + parent.row())
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        kind = index.internalId()
        if kind == _REPORT:
            return QModelIndex()
        if kind == _CHAPTER:
            return self.createIndex(0, 0, _REPORT)
        return self.createIndex(kind - _MODULE, 0, _CHAPTER)

    def rowCount(self, parent: Index = _ROOT) -> int:
        spec = self.spec
        if spec is None:
            return 0
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        kind = parent.internalId()
        if kind == _REPORT:
            return len(spec.chapters)
        if kind == _CHAPTER:
            return len(spec.chapters[parent.row()].modules)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def location(self, index: Index) -> Location:
        """Where the row of ``index`` is in the spec (``None``: the report row or no row)."""
        if not index.isValid():
            return None
        kind = index.internalId()
        if kind == _REPORT:
            return None
        if kind == _CHAPTER:
            return index.row(), None
        return kind - _MODULE, index.row()

    def index_of(self, location: Location) -> QModelIndex:
        """The first-column index of ``location`` (the report row for ``None``)."""
        if self.spec is None:
            return QModelIndex()
        report = self.index(0, 0)
        if location is None:
            return report
        chapter, module = location
        chapter_index = self.index(chapter, 0, report)
        if module is None or not chapter_index.isValid():
            return chapter_index
        return self.index(module, 0, chapter_index)

    # --- content --------------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        spec = self.spec
        if not index.isValid() or spec is None:
            return None
        location = self.location(index)
        if role == LOCATION_ROLE:
            return location
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if location is None:
            if column == 0:
                return spec.title
            return tr("Bericht · {count} Kapitel").format(count=len(spec.chapters))
        chapter_no, module_no = location
        chapter = spec.chapters[chapter_no]
        if module_no is None:
            if column == 0:
                return chapter.title
            count = len(chapter.modules)
            return tr("Kapitel · 1 Baustein") if count == 1 else tr("Kapitel · {count} Bausteine").format(count=count)
        module = chapter.modules[module_no]
        return module_title(module, self.names) if column == 0 else module_details(module)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Gliederung"), tr("Inhalt"))[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def report_list_model(rows: Sequence[Any] = (), parent: Any = None) -> RowTableModel:
    """The saved reports (:class:`~bildungsplaner.services.reports.SavedReport`): name and last change."""
    def changed(row: Any) -> str:
        return f"{row.changed_at:%d.%m.%Y %H:%M}" if getattr(row, "changed_at", None) else ""

    return RowTableModel([TableColumn(tr("Bericht"), lambda r: r.name),
                          TableColumn(tr("Geändert"), changed, sort=lambda r: r.changed_at)], rows, parent)

