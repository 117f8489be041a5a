"""Pieces shared by the allocation and demand editors: result views, the warnings list, the charts.

The editors never change a spec themselves: every edit goes to ``host.push(edit, merge_key)`` (the
:class:`~bildungsplaner.ui.planning.editor.PlanningEditor`), which validates it, puts it on the undo stack
and recomputes; the editor then gets ``show_spec`` and ``show_result`` back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QWidget,
)

from bildungsplaner.formatting import format_number
from bildungsplaner.planning.allocation import AllocationResult
from bildungsplaner.planning.demand import DemandResult
from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.common.models import SORT_ROLE
from bildungsplaner.ui.common.plots import GermanAxis
from bildungsplaner.ui.common.theme import ChartColours, chart_colours, error_colour
from bildungsplaner.ui.planning.commands import Edit

__all__ = ["AllocationChart", "DemandChart", "EditorHost", "GroupToggle", "WarningList", "result_view"]

#: the exact share: light, hatched and outlined in the amount's colour (the outline reaches 3:1 on white, and the
#: two bars differ by pattern, not by colour alone)
EXACT_COLOUR = "#a9c4dc"
AMOUNT_COLOUR = "#2f6f9f"
#: every series colour reaches 3:1 on white (WCAG 1.4.11); demand lines are solid with a marker per line,
#: capacity lines dashed
CAPACITY_COLOURS = ("#c0392b", "#8e44ad", "#d35400", "#117a65")
DEMAND_COLOURS = ("#2f6f9f", "#1e8449", "#b35806", "#2c3e50")
DEMAND_SYMBOLS = ("o", "s", "t", "d")
MAX_MAJOR_LABELS = 8


class EditorHost(Protocol):
    spec: ScenarioSpec | None  #: the open scenario
    result: PlanningResult | None  #: the last result (None: none yet or failed)
    error: str | None

    def push(self, edit: Edit, merge_key: Any = None) -> bool: ...


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def result_view(model: Any, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, keyboard-navigable table over ``model``."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # rows in result order until a
    view.setSortingEnabled(True)  # header is clicked (sorting 5,000 rows on every slider step costs time)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setSortIndicatorShown(True)
    return view, proxy


class GroupToggle(QWidget):
    """„nach Gemeinde gruppieren“: a check box and the region level to group by (the levels above the
    recipients, offered by :meth:`set_levels`); ``changed`` when either changes. Grouping is a way of looking
    at the result, not part of the scenario."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setObjectName(f"{name}Check")
        self.check.setToolTip(tr("Die Empfänger nach dem übergeordneten Gebiet zusammenfassen, mit Zwischensummen"))
        self.combo = QComboBox()
        self.combo.setObjectName(f"{name}Level")
        self.combo.setToolTip(tr("Ebene der Gruppen"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)  # „Regierungsbezirk“ whole
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.combo)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.combo.activated.connect(lambda _i: self._level_chosen())
        self.set_levels([])

    def _level_chosen(self) -> None:
        self._label()
        self.changed.emit()

    def _label(self) -> None:
        level = self.combo.currentData()
        self.check.setText(tr("nach {level} gruppieren").format(level=level_label(level) if level else
                                                                  tr("Gebiet")))

    def set_levels(self, levels: Sequence[str]) -> None:
        """Offer ``levels`` (from the top down); keeps the chosen one if still offered, else the Gemeinde, else
        the lowest. Without levels the toggle is disabled (the recipients lie in no region above them)."""
        levels = list(levels)
        current = self.combo.currentData()
        if levels == [self.combo.itemData(i) for i in range(self.combo.count())]:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        for level in levels:
            self.combo.addItem(level_label(level), level)
        preferred = current if current in levels else ("gemeinde" if "gemeinde" in levels else
                                                        (levels[-1] if levels else None))
        self.combo.setCurrentIndex(levels.index(preferred) if preferred in levels else -1)
        self.combo.blockSignals(False)
        self.setEnabled(bool(levels))
        self._label()

    def level(self) -> str | None:
        """The level to group by, or None (not grouped)."""
        return self.combo.currentData() if self.check.isChecked() and self.isEnabled() else None

    def set_level(self, level: str | None) -> None:
        """Group by ``level`` (None: not grouped), as if the user had chosen it."""
        if level is not None:
            index = self.combo.findData(level)
            if index >= 0:
                self.combo.setCurrentIndex(index)
                self._label()
        self.check.setChecked(level is not None)
        self.changed.emit()


class WarningList(QListWidget):
    """Warnings of the last computation, and its error (in red) when it failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningWarnings")
        self._fit_height()
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def _fit_height(self) -> None:
        """Room for four lines of the current font (80 px at normal size; more with large text)."""
        self.setMaximumHeight(max(80, self.fontMetrics().lineSpacing() * 4 + 2 * self.frameWidth() + 6))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_height()

    def show_messages(self, warnings: Sequence[str], error: str | None = None) -> None:
        self.clear()
        if error:
            item = QListWidgetItem(tr("Fehler: {message}").format(message=error))
            item.setForeground(QBrush(QColor(error_colour())))
            self.addItem(item)
        for text in warnings:
            self.addItem(QListWidgetItem(text))
        if not error and not warnings:
            self.addItem(QListWidgetItem(tr("Keine Hinweise.")))

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]


def _ticks(labels: Sequence[str], most: int = MAX_MAJOR_LABELS) -> list[list[tuple[float, str]]]:
    """At most ``most`` (≤ ``MAX_MAJOR_LABELS``) labelled ticks, the rest unlabelled (long names would overlap; and
    pyqtgraph measures every tick text on each paint, which thousands of texts crash in PySide 6.12)."""
    step = max(1, int(np.ceil(len(labels) / max(1, min(most, MAX_MAJOR_LABELS)))))
    major = [(float(i), t) for i, t in enumerate(labels) if i % step == 0]
    minor = [(float(i), "") for i in range(len(labels)) if i % step != 0] if len(labels) <= 500 else []
    return [major, minor]


def _plot() -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w", axisItems={"left": GermanAxis("left")})
    plot.setMinimumHeight(160)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(x=False, y=True, alpha=0.15)
    return plot


class _PlanChart(QWidget):
    """A plot with a legend filling the widget; :meth:`_start` clears it for the next result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        super().__init__(parent)
        self.plot = _plot()
        self.items: list[Any] = []
        self.legend = self.plot.getPlotItem().addLegend(offset=(-10, 10))
        self.result: Any = None
        #: the colours of the last drawing (from the palette, see ``ui/common/theme``)
        self.colours: ChartColours = chart_colours(self.SERIES)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    #: our series colours (replaced by the palette's in high contrast)
    SERIES: tuple[str, ...] = (AMOUNT_COLOUR,)

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    def _title(self, text: str) -> None:
        """The chart's title, shortened with „…“ to the plot's width (large text; the whole title as tooltip of
        the title) — pyqtgraph would cut it at the plot's edges."""
        self._full_title = text
        self._fit_title()

    def _fit_title(self) -> None:
        text = getattr(self, "_full_title", "")
        metrics = QFontMetrics(self.plot.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(40, int(self.plot.width() / 1.25) - 20))
        item = self.plot.getPlotItem()
        item.setTitle(shown, color=self.colours.foreground)
        height = max(30, round(metrics.height() * 1.25 * 1.4))  # pyqtgraph's 30 px cut the title at large text
        item.titleLabel.setMaximumHeight(height)
        item.layout.setRowFixedHeight(0, height)
        item.titleLabel.setToolTip(text if shown != text else "")

    def _fit_legend(self, names: Sequence[str]) -> None:
        """The plot at least as wide as its legend and the value axis, so the legend's names are never cut."""
        metrics = QFontMetrics(self.plot.font())
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        self.plot.setMinimumWidth(min(widest + 20 + 40 + 150, 480))  # sample, spacing, axes and margins

    def _label_ticks(self) -> None:
        """Set the bottom axis' labels for the current width (the allocation chart's names)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._label_ticks()
        self._fit_title()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (high contrast or a dark theme switched on): the chart redrawn in its colours."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.show_result(self.result)

    def _start(self, empty: bool) -> Any | None:
        """The cleared plot item, or ``None`` (titled "Kein Ergebnis") when there is nothing to draw."""
        item = self.plot.getPlotItem()
        item.clear()
        self.legend.clear()
        self.items = []
        colours = self.colours = chart_colours(self.SERIES)
        self.plot.setBackground(colours.background)
        for name in ("left", "bottom"):
            item.getAxis(name).setPen(pg.mkPen(colours.foreground))
            item.getAxis(name).setTextPen(pg.mkPen(colours.foreground))
        self.legend.setLabelTextColor(colours.foreground)
        self.legend.setLabelTextSize(f"{self.plot.font().pointSizeF():.1f}pt")  # large text: the legend too
        self.legend.setPen(pg.mkPen(colours.foreground))
        translucent = pg.mkColor(colours.background)
        translucent.setAlpha(210)  # the data behind the legend stays visible
        self.legend.setBrush(pg.mkBrush(translucent))
        if empty:
            self._title(tr("Kein Ergebnis"))
            return None
        return item


class AllocationChart(_PlanChart):
    """Bars per recipient: the exact share (light) next to the rounded amount (dark)."""

    SERIES = (AMOUNT_COLOUR,)

    def show_result(self, result: AllocationResult | None) -> None:
        self.result = result
        item = self._start(result is None or result.rows.empty)
        if item is None:
            return
        rows = result.rows
        x = np.arange(len(rows), dtype=float)
        dark = self.colours.series[0]
        light = EXACT_COLOUR if not self.colours.from_palette else self.colours.background
        exact = pg.BarGraphItem(x=x - 0.2, height=rows["exact"].to_numpy(dtype=float), width=0.4,
                                brush=pg.mkBrush(light), pen=pg.mkPen(dark, width=1))
        hatch = pg.BarGraphItem(x=x - 0.2, height=rows["exact"].to_numpy(dtype=float), width=0.4,
                                brush=QBrush(QColor(dark), Qt.BrushStyle.BDiagPattern), pen=pg.mkPen(dark, width=1))
        amount = pg.BarGraphItem(x=x + 0.2, height=rows["amount"].to_numpy(dtype=float), width=0.4,
                                 brush=dark, pen=pg.mkPen(dark))
        item.addItem(exact)  # drawn below the hatch; ``items`` holds the hatch (the exact bars) and the amount
        exact = hatch  # the hatch over the light fill; the legend shows the hatch
        for bars in (exact, amount):
            item.addItem(bars)
            self.items.append(bars)
        self.legend.addItem(exact, tr("exakt"))
        self.legend.addItem(amount, tr("gerundet"))
        self._fit_legend([tr("exakt"), tr("gerundet")])
        unit = f" ({result.unit})" if result.unit else ""
        self._title(tr("Zuteilung je Empfänger") + unit)
        self._names = [str(n) if len(str(n)) <= 22 else str(n)[:21] + "…" for n in rows["name"]]
        self._label_ticks()
        item.setXRange(-0.6, len(rows) - 0.4, padding=0)
        item.enableAutoRange(axis="y")
        names, values = rows["name"].tolist(), rows["amount"].to_numpy(dtype=float)
        self.plot.setToolTip("\n".join(f"{n}: {format_number(v, 2)}" for n, v in list(zip(names, values,
                                                                                         strict=True))[:40]))


    def _label_ticks(self) -> None:
        """As many names below the bars as fit side by side at the plot's width and font (large text: fewer)."""
        names = getattr(self, "_names", [])
        if not names:
            return
        axis = self.plot.getPlotItem().getAxis("bottom")
        metrics = QFontMetrics(axis.style.get("tickFont") or self.plot.font())
        widest = max(metrics.horizontalAdvance(n) for n in names) + metrics.horizontalAdvance("  ")
        available = self.plot.width() - 70  # without the value axis on the left
        axis.setTicks(_ticks(names, max(1, available // max(widest, 1))))



class DemandChart(_PlanChart):
    """Lines per year, summed over the regions: demand (solid) against capacity (dashed) per demand line."""

    SERIES = DEMAND_COLOURS + CAPACITY_COLOURS

    def show_result(self, result: DemandResult | None) -> None:
        self.result = result
        item = self._start(result is None or result.totals.empty)
        if item is None:
            return
        totals = result.totals
        years = sorted(int(y) for y in totals["year"].unique())
        series = self.colours.series
        own = not self.colours.from_palette
        for i, (line, part) in enumerate(totals.groupby("line", sort=False)):
            part = part.sort_values("year")
            x = part["year"].to_numpy(dtype=float)
            colour = DEMAND_COLOURS[i % len(DEMAND_COLOURS)] if own else series[i % len(series)]
            symbol = DEMAND_SYMBOLS[i % len(DEMAND_SYMBOLS)]
            demand_values = part["demand"].to_numpy(dtype=float)
            gap = "" if np.isfinite(demand_values).all() else tr(" (Lücke: kein Wert)")
            demand = pg.PlotDataItem(x, demand_values, connect="finite", pen=pg.mkPen(colour, width=2),
                                     symbol=symbol, symbolBrush=colour, symbolPen=None, symbolSize=7,
                                     name=tr("{line}: Bedarf").format(line=line) + gap)
            item.addItem(demand)
            self.items.append(demand)
            capacity = part["capacity"].to_numpy(dtype=float)
            if np.isfinite(capacity).any():
                cap_colour = CAPACITY_COLOURS[i % len(CAPACITY_COLOURS)] if own else colour
                gap = "" if np.isfinite(capacity).all() else tr(" (Lücke: kein Wert)")
                cap = pg.PlotDataItem(x, capacity, connect="finite",
                                      pen=pg.mkPen(cap_colour, width=2, style=Qt.PenStyle.DashLine),
                                      symbol=symbol, symbolBrush=None, symbolPen=pg.mkPen(cap_colour, width=1.5),
                                      symbolSize=7, name=tr("{line}: Plätze").format(line=line) + gap)
                item.addItem(cap)
                self.items.append(cap)
        self._title(tr("Bedarf und Plätze je Jahr (alle Gebiete)"))
        self._fit_legend([str(label.text) for _sample, label in self.legend.items])
        item.getAxis("bottom").setTicks([[(float(y), str(y)) for y in years], []])
        item.enableAutoRange()
