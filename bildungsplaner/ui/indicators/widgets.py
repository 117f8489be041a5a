"""Pieces the Kennzahlen area and its editors share: a labelled form row, the result chart, a table view.

Rules: every interactive widget gets an accessible name and a label buddy; the chart draws what the table shows
(values rounded as published are the table's business, the chart plots the unrounded values).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QHeaderView, QLabel, QTableView, QWidget

from bildungsplaner.indicators.compute import period_year
from bildungsplaner.services.indicators import ResultRow
from bildungsplaner.ui.common.accessibility import keyboard_sorting
from bildungsplaner.ui.common.models import SORT_ROLE
from bildungsplaner.ui.common.plots import GermanAxis
from bildungsplaner.ui.common.theme import ChartColours, chart_colours

__all__ = ["BarChart", "form_row", "result_chart_data", "table_view"]

BAR_COLOUR = "#2f6f9f"
#: bars shown at most (the chart is a preview; the table holds every row)
MAX_BARS = 40


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def form_row(form: QFormLayout, text: str, widget: QWidget, accessible: str | None = None) -> QLabel:
    """A row ``text: widget`` whose label is the widget's buddy (Alt+letter) and names it for screen readers."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible or text.replace("&", "").rstrip(":"))
    form.addRow(label, widget)
    return label


def table_view(model: Any, name: str, accessible: str) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, read-only table over ``model`` (keyboard navigable, whole rows selected)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between cells
    keyboard_sorting(view)  # the header click's counterpart in the context menu (Menu key, Umschalt+F10)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


def result_chart_data(rows: Sequence[ResultRow]) -> tuple[int | None, list[str], list[float]]:
    """The latest year of ``rows`` and its values per region (missing left out), at most :data:`MAX_BARS`."""
    years = [y for y in (period_year(r.period) for r in rows) if y is not None]
    if not years:
        return None, [], []
    latest = max(years)
    chosen = [r for r in rows if period_year(r.period) == latest and r.value is not None][:MAX_BARS]
    return latest, [r.region_name for r in chosen], [float(r.value or 0.0) for r in chosen]


class BarChart(pg.PlotWidget):
    """Vertical bars with category labels below (regions, or the classes of an index). Background, axes and
    title follow the palette (:func:`~bildungsplaner.ui.common.theme.chart_colours`): white and black in the
    default theme, the system's colours in high contrast or a dark theme."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w", axisItems={"left": GermanAxis("left")})
        self.setAccessibleName(accessible)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(160)
        self.labels: list[str] = []
        self.heights: list[float] = []
        self.title = ""
        #: the colours of the last drawing (see ``theme.chart_colours``)
        self.colours: ChartColours = self._apply_colours()

    def _apply_colours(self) -> ChartColours:
        colours = chart_colours((BAR_COLOUR,))
        self.setBackground(colours.background)
        item = self.getPlotItem()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(pg.mkPen(colours.foreground))
            item.getAxis(axis).setTextPen(pg.mkPen(colours.foreground))
        return colours

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system switched to high contrast or a dark theme): redrawn in its colours."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(self, "title"):
            self.show_bars(self.labels, self.heights, self.title)

    def show_bars(self, labels: Sequence[str], heights: Sequence[float], title: str = "") -> None:
        self.clear()
        self.labels, self.heights, self.title = list(labels), [float(h) for h in heights], title
        colours = self.colours = self._apply_colours()
        item = self.getPlotItem()
        if not self.heights:  # no axes without numbers: a short note instead
            note = colours.foreground if colours.from_palette else "#666"
            item.setTitle(tr("Noch keine Werte"), color=note, size="9pt")
            item.getAxis("bottom").setTicks([[], []])
            item.getAxis("left").setTicks([[], []])
            return
        item.getAxis("left").setTicks(None)
        item.setTitle(title, color=colours.foreground, size="9pt")
        x = np.arange(len(self.heights), dtype=float)
        bar = colours.series[0]
        self.addItem(pg.BarGraphItem(x=x, height=np.asarray(self.heights), width=0.7, brush=bar,
                                     pen=pg.mkPen(bar)))
        step = max(1, -(-len(self.labels) // 6))
        ticks = [(float(i), _short(text)) for i, text in enumerate(self.labels) if i % step == 0]
        item.getAxis("bottom").setTicks([ticks, []])
        low = min(0.0, *self.heights)
        high = max(0.0, *self.heights)
        item.setXRange(-0.6, len(self.heights) - 0.4, padding=0)
        item.setYRange(low, high * 1.05 if high > 0 else 1.0, padding=0)


def _short(text: str, limit: int = 12) -> str:
    head = text.split(",")[0]
    return head if len(head) <= limit else head[: limit - 1] + "…"
