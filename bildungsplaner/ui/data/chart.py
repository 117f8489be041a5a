"""The chart below the data table (pyqtgraph).

What is drawn follows from the selection: several regions → horizontal bars per region for one period (the
latest unless chosen); one region with several periods → a line over time. Dimensions (Alter, Geschlecht, …)
are fixed to one value each or summed, chosen in combo boxes, so the chart always shows one series.
:func:`chart_data` decides this without Qt, so it is easy to test.

Nothing by colour alone (issue 17): negative bars are hatched and outlined with a legend entry, a missing bar says
„keine Angabe“ in its place, a gap in the line is named in the legend and the periods without a value below the
chart. Background, axes, titles and legend take the palette's colours (:func:`~bildungsplaner.ui.common.theme.
chart_colours`), so a high-contrast theme reaches the chart; it redraws when the palette changes.

pyqtgraph (~100 ms to import) and numpy are loaded when there is something to draw (or :attr:`ChartWidget.plot` is
asked for): the Daten tab is on the first screen, shown before any values are loaded
(``tests/test_startup_imports.py``); an empty placeholder of the plot's size stands in until then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bildungsplaner.formatting import decimals_for, format_number, format_period
from bildungsplaner.services.aggregate import ALL, collapse, default_choices, dimension_choices, is_additive
from bildungsplaner.services.browse import natural_key
from bildungsplaner.ui.common.theme import chart_colours

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pyqtgraph as pg

BAR_COLOUR = "#2f6f9f"
MAX_MAJOR_LABELS = 14
MAX_GAP_LABELS = 40  # „keine Angabe“ written at most this often into the bars


@dataclass
class ChartData:
    kind: str  # "bars", "line" or "empty"
    labels: list[str] = field(default_factory=list)
    #: the values (float array; an empty tuple for the empty chart, so that it needs no numpy)
    values: np.ndarray | tuple[float, ...] = ()
    caption: str = ""
    #: Per dimension what is shown (a value, the total „Insgesamt“, or „Summe der Teile“).
    how: dict[str, str] = field(default_factory=dict)
    #: Totals that differ from their parts and similar remarks (German sentences).
    notes: list[str] = field(default_factory=list)


def chart_data(frame: pd.DataFrame | None, dimensions: dict[str, pd.Categorical], choices: dict[str, str | None],
               period: str | None = None, *, unit: str = "") -> ChartData:
    """One series from the observations: fixed dimension values filter, ``None`` means „alle“ — the total
    where the data have one, else the sum of the parts (``services.aggregate``, see its module doc)."""
    if frame is None or frame.empty:
        return ChartData("empty")
    collapsed = collapse(frame, dimensions, choices, unit=unit)
    grouped = collapsed.frame
    if grouped.empty:
        return ChartData("empty", how=collapsed.how, notes=collapsed.notes)
    regions = sorted(grouped["region_key"].unique(), key=natural_key)
    periods = sorted(grouped["period"].unique(), key=natural_key)
    names = dict(zip(grouped["region_key"], grouped["region_name"], strict=False))
    extra = {"how": collapsed.how, "notes": collapsed.notes}
    if len(regions) > 1:
        chosen = period if period in periods else periods[-1]
        rows = grouped[grouped["period"] == chosen].copy()
        rows["rank"] = rows["region_key"].map({k: i for i, k in enumerate(regions)})
        rows = rows.sort_values("rank")
        labels = [_region_label(names, str(k)) for k in rows["region_key"]]
        return ChartData("bars", labels, rows["value"].to_numpy(dtype=float), format_period(chosen), **extra)
    rows = grouped.assign(rank=grouped["period"].map({p: i for i, p in enumerate(periods)}))
    rows = rows.sort_values("rank")
    caption = _region_label(names, regions[0])
    values = rows["value"].to_numpy(dtype=float)
    labels = [format_period(str(p)) for p in rows["period"]]
    return ChartData("line" if len(periods) > 1 else "bars", labels if len(periods) > 1 else [caption],
                     values, caption if len(periods) > 1 else format_period(periods[0]), **extra)


@dataclass(frozen=True)
class DrawnAhead:
    """The chart of a fresh load, computed where the load ran (:func:`draw_ahead`), for the choices the chart's
    controls start with; :meth:`ChartWidget.set_data` uses it when they still match."""

    choices: dict[str, str | None]
    period: str | None
    data: ChartData


def draw_ahead(frame: pd.DataFrame, dimensions: dict[str, pd.Categorical], unit: str = "") -> DrawnAhead:
    """:func:`chart_data` for the controls' starting choices — every dimension „alle“ where it can be (else its
    first value), the latest period — without Qt, so that a worker thread computes it right after the load.

    On the GUI thread, right after a load of a million rows, the collapse took 60–170 ms (first touches of fresh
    memory; 45–60 ms when called again), while the window waited for it (``benchmarks/browse_1m.py``,
    2026-12-04; the browser's ``reload`` has the figures of the whole load)."""
    choices = default_choices(dimensions, unit)
    periods = sorted((str(p) for p in frame["period"].array.categories), key=natural_key) if len(frame) else []
    period = periods[-1] if periods else None
    return DrawnAhead(choices, period, chart_data(frame, dimensions, choices, period, unit=unit))


def _region_label(names: dict[str, str], key: str) -> str:
    return names.get(key, key)


class ChartWidget(QWidget):
    """Combo boxes for the dimensions and the period, and the plot. Call :meth:`set_data` after a load."""

    #: After every redraw (new data or another dimension choice): the pivot follows the chart's choices.
    redrawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame: pd.DataFrame | None = None  # nothing loaded
        self.dimensions: dict[str, pd.Categorical] = {}
        self.unit = ""
        self.title = ""
        self.combos: dict[str, QComboBox] = {}
        self.items: list[Any] = []
        self.data = ChartData("empty")
        self._ahead: DrawnAhead | None = None  # the next drawing, if computed already (see set_data)
        self.legend: Any = None
        #: the colours of the last drawing (background, foreground, series: from the palette, see ``theme``)
        self.colours = chart_colours((BAR_COLOUR,))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._controls = QHBoxLayout()
        layout.addLayout(self._controls)
        self.period_combo = QComboBox()
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_combo.setToolTip(QCoreApplication.translate(
            "Chart", "Zeitraum für das Balkendiagramm, wenn mehrere Gebiete gewählt sind"))
        self.period_combo.currentIndexChanged.connect(self.redraw)
        self._period_label = QLabel(QCoreApplication.translate("Chart", "Zeitraum:"))
        self._plot: pg.PlotWidget | None = None
        self._placeholder = QWidget()  # the plot's place until there is something to draw
        self._placeholder.setMinimumHeight(180)
        layout.addWidget(self._placeholder, 1)
        self.note = QLabel()
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self._rebuild_controls()

    @property
    def plot(self) -> pg.PlotWidget:
        """The pyqtgraph plot, made (and drawn) on first use."""
        if self._plot is None:
            self._make_plot()
            self._paint()
        assert self._plot is not None
        return self._plot

    def _make_plot(self) -> None:
        import pyqtgraph as pg  # lazily: see the module's docstring

        from bildungsplaner.ui.common.plots import GermanAxis

        plot = pg.PlotWidget(background="w", axisItems={"bottom": GermanAxis("bottom"), "left": GermanAxis("left")})
        plot.setMinimumHeight(180)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=True, alpha=0.15)
        self.legend = item.addLegend(offset=(-10, 10))
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(self._placeholder, plot)
        self._placeholder.hide()  # out of the layout: until deleted it would lie over the window at 640×480
        self._placeholder.deleteLater()
        self._plot = plot

    def set_data(self, frame: pd.DataFrame | None, dimensions: dict[str, pd.Categorical], unit: str = "",
                 title: str = "", *, ahead: DrawnAhead | None = None) -> None:
        """Show ``frame``; ``ahead`` (:func:`draw_ahead` of this frame) is drawn instead of computing the chart
        again if the rebuilt controls start with its choices."""
        self.frame, self.dimensions, self.unit, self.title = frame, dimensions, unit, title
        self._ahead = ahead
        try:
            self._rebuild_controls()
            self.redraw()
        finally:
            self._ahead = None

    def clear(self) -> None:
        self.set_data(None, {})

    def _rebuild_controls(self) -> None:
        while self._controls.count():
            widget = self._controls.takeAt(0).widget()
            if widget is not None and widget not in (self.period_combo, self._period_label):
                widget.hide()  # deleted later; hidden now so it never shows over the plot
                widget.deleteLater()
        self.combos = {}
        self._controls.addWidget(QLabel(QCoreApplication.translate("Chart", "Diagramm:")))
        for option in dimension_choices(self.dimensions, self.unit):
            name, values = option.name, option.values
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setObjectName(f"dimension:{name}")
            if option.can_take_all:
                if option.total is None:
                    text = QCoreApplication.translate("Chart", "alle (Summe)")
                    tip = QCoreApplication.translate(
                        "Chart", "Die Daten haben keine Gesamtzahl: die Werte aller Ausprägungen werden addiert.")
                else:
                    text = QCoreApplication.translate("Chart", "alle ({total})").format(
                        total=option.total or QCoreApplication.translate("Chart", "Insgesamt"))
                    tip = QCoreApplication.translate(
                        "Chart", "Die Gesamtzahl der Quelle, nicht die Summe der Teile (Teile können sich "
                        "überschneiden).")
                combo.addItem(text, ALL)
                combo.setItemData(0, tip, Qt.ItemDataRole.ToolTipRole)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(0)
            combo.currentIndexChanged.connect(self.redraw)
            self._controls.addWidget(QLabel(f"{name}:"))
            self._controls.addWidget(combo)
            self.combos[name] = combo
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        if self.frame is not None and not self.frame.empty:
            periods = [str(p) for p in self.frame["period"].array.categories]
            for period in sorted(periods, key=natural_key):
                self.period_combo.addItem(format_period(period), period)
            self.period_combo.setCurrentIndex(self.period_combo.count() - 1)
        self.period_combo.blockSignals(False)
        self._controls.addWidget(self._period_label)
        self._controls.addWidget(self.period_combo)
        self._controls.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system switched to high contrast or a dark theme): redraw in its colours."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self._plot is not None:
            self._paint()

    def choices(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def redraw(self) -> None:
        try:
            self._draw()
        finally:
            self.redrawn.emit()

    def _draw(self) -> None:
        choices, period, ahead = self.choices(), self.period_combo.currentData(), self._ahead
        self._ahead = None
        if ahead is not None and ahead.choices == choices and ahead.period == period:
            self.data = ahead.data
        else:
            self.data = chart_data(self.frame, self.dimensions, choices, period, unit=self.unit)
        notes = list(self.data.notes)
        missing = [label for label, v in zip(self.data.labels, self.data.values, strict=False) if not math.isfinite(v)]
        if missing and self.data.kind != "empty":
            shown = ", ".join(missing[:MAX_GAP_LABELS]) + (" …" if len(missing) > MAX_GAP_LABELS else "")
            notes.append(QCoreApplication.translate("Chart", "Ohne Wert (Lücke im Diagramm): {labels}").format(
                labels=shown))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        several_regions = False
        if self.frame is not None and not self.frame.empty:
            keys = self.frame["region_key"]
            codes = getattr(keys.array, "codes", None)  # the loaded categorical: min ≠ max, no hashing a million
            several_regions = (bool(codes.min() != codes.max()) if codes is not None and codes.min() >= 0
                               else keys.nunique() > 1)
        self.period_combo.setEnabled(several_regions)
        if self._plot is None and (self.data.kind == "empty" or not any(map(math.isfinite, self.data.values))):
            self.items = []  # nothing to draw and no plot yet: the placeholder stays
            return
        if self._plot is None:
            self._make_plot()
        self._paint()

    def _paint(self) -> None:
        """Draw :attr:`data` into the plot."""
        import numpy as np
        import pyqtgraph as pg

        assert self._plot is not None
        item = self._plot.getPlotItem()
        item.clear()
        self.items = []
        self.gap_labels: list[Any] = []  # „keine Angabe“ where a bar is missing
        colours = self.colours = chart_colours((BAR_COLOUR,))
        fg, series = colours.foreground, colours.series[0]
        self._plot.setBackground(colours.background)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(fg))
            axis.setTextPen(pg.mkPen(fg))
        if self.legend is not None:
            self.legend.clear()
            self.legend.setLabelTextColor(fg)
            self.legend.setLabelTextSize(f"{self._plot.font().pointSizeF():.1f}pt")  # large text: the legend too
            self.legend.setPen(pg.mkPen(fg))
            translucent = pg.mkColor(colours.background)
            translucent.setAlpha(210)  # the data behind the legend stays visible
            self.legend.setBrush(pg.mkBrush(translucent))
        left, bottom = item.getAxis("left"), item.getAxis("bottom")
        left.setTicks(None)
        bottom.setTicks(None)
        item.setLabel("left", "")
        item.setLabel("bottom", "")
        values = np.asarray(self.data.values, dtype=float)
        finite = np.isfinite(values)
        empty = self.data.kind == "empty" or not finite.any()
        for name in ("left", "bottom"):
            item.showAxis(name, not empty)
        item.showGrid(x=not empty, y=not empty, alpha=0.15)
        if empty:
            if self.legend is not None:
                self.legend.setVisible(False)
            item.setTitle(QCoreApplication.translate("Chart", "Keine Werte für das Diagramm"), color=fg)
            self._plot.setToolTip("")
            return
        unit = f" ({self.unit})" if self.unit else ""
        value_label = QCoreApplication.translate("Chart", "Wert") + unit
        item.setTitle(f"{self.title} – {self.data.caption}" if self.title else self.data.caption,
                      color=fg)
        positions = np.arange(len(values), dtype=float)
        if self.data.kind == "bars":
            # negative values: hatched with an outline (not told by colour alone), with a legend entry
            negative = finite & (values < 0)
            positive = finite & ~negative
            bars = pg.BarGraphItem(x0=0, y=positions[positive], height=0.7, width=values[positive],
                                   brush=series, pen=pg.mkPen(series))
            item.addItem(bars)
            self.items.append(bars)
            if negative.any():  # one kind of bar needs no legend (the axis says „Wert“); two do
                self.legend.addItem(bars, QCoreApplication.translate("Chart", "Wert"))
                below = pg.BarGraphItem(x0=0, y=positions[negative], height=0.7, width=values[negative],
                                        brush=QBrush(QColor(series), Qt.BrushStyle.BDiagPattern),
                                        pen=pg.mkPen(series, width=1.5))
                item.addItem(below)
                self.items.append(below)
                self.legend.addItem(below, QCoreApplication.translate("Chart", "negativer Wert (schraffiert, mit −)"))
            for position in positions[~finite][:MAX_GAP_LABELS]:
                gap = pg.TextItem(QCoreApplication.translate("Chart", "keine Angabe"), color=fg, anchor=(0, 0.5))
                gap.setPos(0, float(position))
                item.addItem(gap)
                self.gap_labels.append(gap)
            left.setTicks(_ticks(self.data.labels))
            item.invertY(True)
            item.setLabel("bottom", value_label)
            low, high = value_range(values[finite], from_zero=True)
            item.setXRange(low, high, padding=0)
            item.setYRange(-0.6, len(values) - 0.4, padding=0)
        else:
            line = pg.PlotDataItem(positions, values, connect="finite", pen=pg.mkPen(series, width=2),
                                   symbol="o", symbolBrush=series, symbolPen=None, symbolSize=7)
            item.addItem(line)
            self.items.append(line)
            self.legend.addItem(line, self.data.caption)
            if not finite.all():  # a gap in the line: said in the legend (and which periods, below the chart)
                gap = pg.PlotDataItem([], [], pen=pg.mkPen(fg, width=1, style=Qt.PenStyle.DotLine))
                self.legend.addItem(gap, QCoreApplication.translate("Chart", "Lücke: kein Wert"))
            bottom.setTicks(_ticks(self.data.labels))
            item.invertY(False)
            low, high = value_range(values[finite], from_zero=is_additive(self.unit))
            if low > 0:
                value_label += " – " + QCoreApplication.translate("Chart", "Achse beginnt nicht bei 0")
            item.setLabel("left", value_label)
            item.setXRange(-0.5, len(values) - 0.5, padding=0)  # room for the first and last date label
            item.setYRange(low, high, padding=0)
        if self.legend is not None:  # one kind of bar has no entry: no empty framed box over the plot
            self.legend.setVisible(bool(self.legend.items))
        decimals = decimals_for(values)
        self._plot.setToolTip("\n".join(
            f"{label}: {format_number(v, decimals) if np.isfinite(v) else '.'}"
            for label, v in list(zip(self.data.labels, values, strict=True))[:40]))


def value_range(values: np.ndarray, *, from_zero: bool) -> tuple[float, float]:
    """The value axis: from 0 for counts (bars always; a line of counts too), else around the data with 5 %
    margin — then the axis may not start at 0 and the chart says so in its label."""
    low, high = float(min(values)), float(max(values))
    if from_zero:
        low, high = min(low, 0.0), max(high, 0.0)
        span = high - low or 1.0
        return (low - 0.05 * span if low < 0 else 0.0), (high + 0.05 * span if high > 0 else 0.0)
    span = high - low or abs(high) or 1.0
    return low - 0.05 * span, high + 0.05 * span


def _ticks(labels: list[str]) -> list[list[tuple[float, str]]]:
    """Major ticks (always drawn) for at most ``MAX_MAJOR_LABELS`` labels, the rest as minor ticks."""
    step = max(1, math.ceil(len(labels) / MAX_MAJOR_LABELS))
    major = [(float(i), text) for i, text in enumerate(labels) if i % step == 0]
    minor = [(float(i), text) for i, text in enumerate(labels) if i % step != 0]
    return [major, minor]


__all__ = ["ChartData", "ChartWidget", "DrawnAhead", "chart_data", "draw_ahead", "is_additive", "value_range"]
