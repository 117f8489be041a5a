"""The report's figures as PNG at print size: charts drawn with QPainter, maps through ``ui/maps/render``.

:func:`render_figure` is the :data:`~bildungsplaner.reporting.document.FigureRenderer` that the window and the
command line hand to the report's writers. A chart is drawn on a 16 cm wide image at ``dpi`` (the resolution is
stored in the PNG, so Word places it at 16 cm); sizes are in points, so the chart looks the same at any dpi.

* **Line chart** (a time series): years on the x axis, German numbers on the value axis with the unit above
  it, the home region drawn strongest; every series has its own marker shape *and* line style (solid, dashed,
  dotted …), so nothing relies on colour alone (printed in black and white, or for colour-blind readers); a
  missing value (``None``) leaves a gap in the line; a legend with the names below the chart.
* **Bar chart**: sub-regions as horizontal bars sorted by value (largest on top), the value at each bar, a
  labelled reference line (e.g. the Kreis's value); the image grows with the number of bars so that every
  name stays readable; categories that are years become vertical columns in their order. Several series are
  told apart by the fill's lightness and a legend.
* A zero baseline wherever zero lies on the value axis; the axis starts at zero unless the figure says
  otherwise (``zero=False``) or values are negative.

Needs a ``QGuiApplication``; one is created offscreen when none exists (the command line).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from bildungsplaner.formatting import format_number
from bildungsplaner.reporting.document import ChartFigure, ChartSeries, Figure, MapFigure
from bildungsplaner.ui.common.offscreen import ensure_application, print_font

__all__ = ["CHART_HEIGHT_CM", "CHART_WIDTH_CM", "LINE_STYLES", "MARKERS", "chart_image", "nice_ticks",
           "render_figure"]

CHART_WIDTH_CM = 16.0
CHART_HEIGHT_CM = 8.0
MAX_HEIGHT_CM = 23.0
TEXT = QColor("#1a1a1a")
GRID = QColor("#d9d9d9")
REFERENCE = QColor("#c00000")
AXIS = QColor("#4d4d4d")
#: home region first, then the comparison regions (colour-blind safe; told apart by line and marker too)
COLOURS = ("#1f4e79", "#c55a11", "#595959", "#2e7d32", "#7b3294", "#946c00", "#0f7f8f")  # each ≥ 4.3:1 on white
LINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
               Qt.PenStyle.DashDotDotLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "cross", "star")
#: fills of bar series (lightness apart, so they differ in grey too); the light ones (#8fb3d9: 2.2:1 on white)
#: are seen by their outline in :data:`AXIS` (8.4:1), :data:`BAR_OUTLINE_PT` wide
BAR_FILLS = ("#1f4e79", "#8fb3d9", "#ffffff", "#4d4d4d")
BAR_OUTLINE_PT = 0.8
FONT_PT = 8.0
SMALL_PT = 7.0


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[float, float, float]:
    """``(first, last, step)`` of round ticks (1, 2, 2,5 or 5 × 10ⁿ) covering ``low``…``high``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return 0.0, 1.0, 0.2
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    return first, last, step


def _ticks(first: float, last: float, step: float) -> list[float]:
    """The tick values from ``first`` to ``last`` (zero exactly zero, not 1e-17)."""
    values = [first + i * step for i in range(round((last - first) / step) + 1)]
    return [0.0 if abs(v) < step * 1e-6 else v for v in values]


def _step_decimals(step: float) -> int:
    for decimals in range(4):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 4


def _value_decimals(figure: ChartFigure) -> int:
    if figure.decimals is not None:
        return figure.decimals
    values = [v for s in figure.series for v in s.values if v is not None]
    for decimals in range(3):
        if all(abs(round(v, decimals) - v) < 1e-9 for v in values):
            return decimals
    return 2


def _number(value: float, decimals: int) -> str:
    return "–" if value == 0 else format_number(value, decimals)


def _marker(path: QPainterPath, shape: str, x: float, y: float, r: float) -> None:
    if shape == "circle":
        path.addEllipse(QPointF(x, y), r, r)
    elif shape == "square":
        path.addRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "cross":
        w = r * 0.35
        path.addRect(QRectF(x - r, y - w, 2 * r, 2 * w))
        path.addRect(QRectF(x - w, y - r, 2 * w, 2 * r))
    else:
        if shape == "star":
            corners = [(r * (1.2 if i % 2 == 0 else 0.5), -math.pi / 2 + i * math.pi / 5) for i in range(10)]
        else:
            count, start = {"triangle": (3, -math.pi / 2), "diamond": (4, -math.pi / 2),
                            "triangle_down": (3, math.pi / 2)}[shape]
            corners = [(r * (1.25 if count == 3 else 1.15), start + i * 2 * math.pi / count) for i in range(count)]
        path.moveTo(x + corners[0][0] * math.cos(corners[0][1]), y + corners[0][0] * math.sin(corners[0][1]))
        for d, a in corners[1:]:
            path.lineTo(x + d * math.cos(a), y + d * math.sin(a))
        path.closeSubpath()


def _styles(series: Sequence[ChartSeries]) -> list[tuple[QColor, Qt.PenStyle, str, float]]:
    """Colour, line style, marker and width (points) per series: the home region solid, thick, circles; every
    other series its own colour, dash pattern and marker (without a home series the first gets the solid line)."""
    styles = []
    has_home = any(s.home for s in series)
    order = 1 if has_home else 0
    for s in series:
        if s.home:
            styles.append((QColor(COLOURS[0]), Qt.PenStyle.SolidLine, MARKERS[0], 2.4))
            continue
        k = order % len(COLOURS)
        styles.append((QColor(COLOURS[k]), LINE_STYLES[k % len(LINE_STYLES)], MARKERS[k % len(MARKERS)],
                       1.8 if k == 0 else 1.3))
        order += 1
    return styles


class _Canvas:
    """A white image of ``width_cm`` × ``height_cm`` at ``dpi`` and a painter with points as the unit."""

    def __init__(self, width_cm: float, height_cm: float, dpi: int) -> None:
        self.dpi = dpi
        self.scale = dpi / 72.0  # pixels per point
        width = round(width_cm / 2.54 * dpi)
        height = round(height_cm / 2.54 * dpi)
        self.image = QImage(width, height, QImage.Format.Format_RGB32)
        per_metre = round(dpi / 0.0254)
        self.image.setDotsPerMeterX(per_metre)
        self.image.setDotsPerMeterY(per_metre)
        self.image.fill(QColor("#ffffff"))
        self.width = width / self.scale  # in points
        self.height = height / self.scale

    def begin(self) -> QPainter:
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self.scale, self.scale)
        return painter


def _metrics(size: float, dpi: int, *, bold: bool = False) -> QFontMetricsF:
    """Metrics of a font of ``size`` points, in points (measured on a 72 dpi probe: one pixel = one point)."""
    del dpi
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    per_metre = round(72 / 0.0254)
    probe.setDotsPerMeterX(per_metre)
    probe.setDotsPerMeterY(per_metre)
    return QFontMetricsF(print_font(size, bold=bold), probe)


class _Text:
    """Text drawn and measured in points on a painter scaled from pixels to points."""

    def __init__(self, painter: QPainter, dpi: int) -> None:
        self.painter = painter
        self.dpi = dpi
        self.scale = dpi / 72.0

    def font(self, size: float, *, bold: bool = False) -> QFontMetricsF:
        """Set a font of ``size`` points; its metrics in points. The painter is scaled from pixels to points, so
        the font's own size is divided by that scale (else Qt would scale the device's point size once more)."""
        font = print_font(size / self.scale, bold=bold)
        self.painter.setFont(font)
        return QFontMetricsF(font, self.painter.device())

    def width(self, metrics: QFontMetricsF, text: str) -> float:
        return metrics.horizontalAdvance(text)


def _legend(painter: QPainter, text: _Text, entries: list[tuple[str, QColor, Qt.PenStyle, str, float, bool]],
            left: float, top: float, width: float, *, bars: bool = False) -> float:
    """Legend entries in rows from ``top``; returns the height used."""
    metrics = text.font(FONT_PT)
    sample = 26.0
    x, y = left, top
    row = metrics.height() + 4
    for name, colour, style, marker, pen_width, home in entries:
        text.font(FONT_PT, bold=home)
        entry = sample + 5 + metrics.horizontalAdvance(name) + (3 if home else 0) + 14
        if x > left and x + entry > left + width:
            x, y = left, y + row
        mid = y + row / 2
        if bars:
            painter.setPen(QPen(AXIS, BAR_OUTLINE_PT))
            painter.setBrush(QBrush(colour))
            painter.drawRect(QRectF(x + 6, mid - 4.5, 14, 9))
        else:
            pen = QPen(colour, pen_width, style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + sample, mid))
            path = QPainterPath()
            _marker(path, marker, x + sample / 2, mid, 3.0 if home else 2.6)
            painter.setPen(QPen(QColor("#ffffff"), 0.6))
            painter.setBrush(QBrush(colour))
            painter.drawPath(path)
        painter.setPen(TEXT)
        painter.drawText(QPointF(x + sample + 5, mid + metrics.ascent() / 2 - 1), name)
        x += entry
    return y + row - top


def _legend_height(entries: list[str], width: float, dpi: int) -> float:
    metrics = _metrics(FONT_PT, dpi, bold=True)
    x, rows = 0.0, 1
    for name in entries:
        entry = 26 + 5 + metrics.horizontalAdvance(name) + 17
        if x > 0 and x + entry > width:
            x, rows = 0.0, rows + 1
        x += entry
    return rows * (metrics.height() + 4)


def _value_range(figure: ChartFigure) -> tuple[float, float]:
    values = [v for s in figure.series for v in s.values if v is not None and math.isfinite(v)]
    if figure.reference is not None:
        values.append(figure.reference[1])
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    if figure.zero or low < 0 < high:
        low, high = min(low, 0.0), max(high, 0.0)
    elif low > 0:  # indices: some room below the smallest value
        low -= (high - low) * 0.1
    return low, high


def _line_chart(figure: ChartFigure, dpi: int) -> QImage:
    names = [s.name for s in figure.series]
    canvas = _Canvas(CHART_WIDTH_CM, CHART_HEIGHT_CM, dpi)
    legend_h = _legend_height(names, canvas.width - 12, dpi)
    low, high = _value_range(figure)
    first, last, step = nice_ticks(low, high)
    tick_decimals = _step_decimals(step)
    ticks = _ticks(first, last, step)
    labels = [_number(t, tick_decimals) if t != 0 else "0" for t in ticks]
    axis_metrics = _metrics(FONT_PT, dpi)
    left = 6 + max(axis_metrics.horizontalAdvance(t) for t in labels) + 6
    top = 6 + axis_metrics.height() + 4  # the unit above the axis
    right = 14
    bottom = axis_metrics.height() + 10 + legend_h + 6
    plot = QRectF(left, top, canvas.width - left - right, canvas.height - top - bottom)
    painter = canvas.begin()
    try:
        text = _Text(painter, dpi)
        metrics = text.font(FONT_PT)

        def y_of(v: float) -> float:
            return plot.bottom() - (v - first) / (last - first) * plot.height()

        for tick, label in zip(ticks, labels, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(AXIS if tick == 0 else GRID, 1.0 if tick == 0 else 0.5))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        if figure.unit:
            painter.setPen(TEXT)
            painter.drawText(QPointF(6, 6 + metrics.ascent()), figure.unit)
        painter.setPen(QPen(AXIS, 0.8))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        n = max(len(figure.categories), 1)
        slot = plot.width() / n

        def x_of(i: int) -> float:
            return plot.left() + slot * (i + 0.5)

        widest = max((metrics.horizontalAdvance(c) for c in figure.categories), default=0.0)
        every = max(1, math.ceil((widest + 6) / slot))
        painter.setPen(TEXT)
        for i, category in enumerate(figure.categories):
            painter.setPen(QPen(AXIS, 0.6))
            painter.drawLine(QPointF(x_of(i), plot.bottom()), QPointF(x_of(i), plot.bottom() + 3))
            if i % every == 0:
                painter.setPen(TEXT)
                painter.drawText(QRectF(x_of(i) - slot * every / 2, plot.bottom() + 4, slot * every,
                                        metrics.height()), int(Qt.AlignmentFlag.AlignHCenter), category)
        styles = _styles(figure.series)
        # comparison series first, the home series last (on top)
        order = sorted(range(len(figure.series)), key=lambda k: figure.series[k].home)
        for k in order:
            series = figure.series[k]
            colour, style, marker, width = styles[k]
            pen = QPen(colour, width, style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            line = QPainterPath()
            points = QPainterPath()
            drawing = False
            for i, value in enumerate(series.values[:n]):
                if value is None or not math.isfinite(value):
                    drawing = False  # a gap: the line stops here
                    continue
                point = QPointF(x_of(i), y_of(value))
                if drawing:
                    line.lineTo(point)
                else:
                    line.moveTo(point)
                    drawing = True
                _marker(points, marker, point.x(), point.y(), 3.2 if series.home else 2.7)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(line)
            painter.setPen(QPen(QColor("#ffffff"), 0.7))
            painter.setBrush(QBrush(colour))
            painter.drawPath(points)
        entries = [(s.name, *styles[k], s.home) for k, s in enumerate(figure.series)]
        _legend(painter, text, entries, 12, plot.bottom() + metrics.height() + 10, canvas.width - 12)
    finally:
        painter.end()
    return canvas.image


def _is_years(categories: Sequence[str]) -> bool:
    return bool(categories) and all(len(c) == 4 and c.isdigit() for c in categories)


def _elide(metrics: QFontMetricsF, text: str, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _bar_chart(figure: ChartFigure, dpi: int) -> QImage:
    if _is_years(figure.categories) and len(figure.categories) <= 15:
        return _column_chart(figure, dpi)
    series = list(figure.series)
    n = len(figure.categories)
    order = list(range(n))
    if len(series) == 1:  # sorted, largest on top; missing values at the end
        values = series[0].values
        order.sort(key=lambda i: (values[i] is None, -(values[i] or 0.0)))
    decimals = _value_decimals(figure)
    metrics = _metrics(FONT_PT, dpi)
    # rows: at least 10 points per bar group, so that each name stays readable; the image grows with them
    group = max(11.0, metrics.height() + 2) if len(series) == 1 else (metrics.height() + 2) * max(len(series), 1)
    legend_h = _legend_height([s.name for s in series], 16 / 2.54 * 72 - 12, dpi) if len(series) > 1 else 0.0
    top = 8 + (metrics.height() + 6 if figure.reference else 0)
    bottom = 2 * metrics.height() + 12 + legend_h
    height_pt = top + bottom + n * group
    height_cm = min(max(CHART_HEIGHT_CM, height_pt / 72 * 2.54), MAX_HEIGHT_CM)
    canvas = _Canvas(CHART_WIDTH_CM, height_cm, dpi)
    group = (canvas.height - top - bottom) / max(n, 1)
    low, high = _value_range(figure)
    first, last, step = nice_ticks(low, high)
    tick_decimals = _step_decimals(step)
    ticks = _ticks(first, last, step)
    size = FONT_PT if group >= 10 else max(5.5, group * 0.75)
    label_metrics = _metrics(size, dpi)
    widest_name = max((label_metrics.horizontalAdvance(c) for c in figure.categories), default=0.0)
    left = 6 + min(widest_name, canvas.width * 0.32) + 6
    value_w = max((metrics.horizontalAdvance(_number(v, decimals)) for s in series for v in s.values
                   if v is not None), default=0.0) + 6
    neg_room = value_w if low < 0 else 0.0
    plot = QRectF(left + neg_room, top, canvas.width - left - neg_room - value_w - 8, n * group)
    painter = canvas.begin()
    try:
        text = _Text(painter, dpi)
        metrics = text.font(FONT_PT)

        def x_of(v: float) -> float:
            return plot.left() + (v - first) / (last - first) * plot.width()

        for tick in ticks:
            x = x_of(tick)
            painter.setPen(QPen(AXIS if tick == 0 else GRID, 1.0 if tick == 0 else 0.5))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(TEXT)
            label = "0" if tick == 0 else _number(tick, tick_decimals)
            painter.drawText(QRectF(x - 40, plot.bottom() + 3, 80, metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), label)
        if figure.unit:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 3 + metrics.height(), plot.width(),
                                    metrics.height()), int(Qt.AlignmentFlag.AlignRight), figure.unit)
        zero = x_of(0.0) if first <= 0 <= last else x_of(first)
        bar_h = group * (0.7 if len(series) == 1 else 0.85) / max(len(series), 1)
        if figure.reference is not None:  # under the bars and their values, which stay readable
            name, value = figure.reference
            x = x_of(value)
            painter.setPen(QPen(REFERENCE, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top() - 3), QPointF(x, plot.bottom()))
            bold = text.font(FONT_PT, bold=True)
            painter.setPen(REFERENCE)
            label = f"{name}: {_number(value, decimals)}"
            label_w = bold.horizontalAdvance(label) + 4
            lx = min(max(x - label_w / 2, 2), canvas.width - label_w - 2)
            painter.drawText(QRectF(lx, plot.top() - 4 - bold.height(), label_w, bold.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), label)
        labels: list[tuple[QRectF, int, str]] = []
        for row, i in enumerate(order):
            y = plot.top() + row * group
            name_metrics = text.font(size)
            painter.setPen(TEXT)
            painter.drawText(QRectF(6, y, left - 12, group), int(Qt.AlignmentFlag.AlignRight
                                                                 | Qt.AlignmentFlag.AlignVCenter),
                             _elide(name_metrics, figure.categories[i], left - 12))
            for k, s in enumerate(series):
                value = s.values[i] if i < len(s.values) else None
                by = y + (group - bar_h * len(series)) / 2 + k * bar_h
                if value is None or not math.isfinite(value):
                    labels.append((QRectF(zero + 3, by, value_w, bar_h), int(Qt.AlignmentFlag.AlignLeft), "."))
                    continue
                x = x_of(value)
                painter.setPen(QPen(AXIS, BAR_OUTLINE_PT))
                painter.setBrush(QBrush(QColor(BAR_FILLS[k % len(BAR_FILLS)] if len(series) > 1 else COLOURS[0])))
                painter.drawRect(QRectF(min(x, zero), by, abs(x - zero), bar_h))
                label = _number(value, decimals)
                if value >= 0:
                    labels.append((QRectF(x + 3, by, value_w, bar_h), int(Qt.AlignmentFlag.AlignLeft), label))
                else:
                    labels.append((QRectF(x - 3 - value_w, by, value_w, bar_h), int(Qt.AlignmentFlag.AlignRight),
                                   label))
        value_metrics = text.font(min(size, FONT_PT))
        for rect, align, label in labels:  # on a white ground, over the reference line
            width = value_metrics.horizontalAdvance(label) + 2
            box = QRectF(rect.left() - 1 if align == int(Qt.AlignmentFlag.AlignLeft) else rect.right() - width + 1,
                         rect.center().y() - value_metrics.height() / 2, width, value_metrics.height())
            painter.fillRect(box, QColor("#ffffff"))
            painter.setPen(TEXT)
            painter.drawText(rect, align | int(Qt.AlignmentFlag.AlignVCenter), label)
        painter.setPen(QPen(AXIS, 1.0))
        painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()))
        text.font(FONT_PT)
        if len(series) > 1:
            entries = [(s.name, QColor(BAR_FILLS[k % len(BAR_FILLS)]), Qt.PenStyle.SolidLine, "", 1.0, False)
                       for k, s in enumerate(series)]
            _legend(painter, text, entries, 12, plot.bottom() + 2 * metrics.height() + 8, canvas.width - 12,
                    bars=True)
    finally:
        painter.end()
    return canvas.image


def _column_chart(figure: ChartFigure, dpi: int) -> QImage:
    """Vertical columns for years (in their order), several series side by side."""
    series = list(figure.series)
    canvas = _Canvas(CHART_WIDTH_CM, CHART_HEIGHT_CM, dpi)
    legend_h = _legend_height([s.name for s in series], canvas.width - 12, dpi) if len(series) > 1 else 0.0
    decimals = _value_decimals(figure)
    low, high = _value_range(figure)
    first, last, step = nice_ticks(low, high)
    tick_decimals = _step_decimals(step)
    ticks = _ticks(first, last, step)
    labels = ["0" if t == 0 else _number(t, tick_decimals) for t in ticks]
    metrics = _metrics(FONT_PT, dpi)
    left = 6 + max(metrics.horizontalAdvance(t) for t in labels) + 6
    top = 6 + metrics.height() + 4 + metrics.height()
    bottom = metrics.height() + 10 + legend_h + 6
    plot = QRectF(left, top, canvas.width - left - 14, canvas.height - top - bottom)
    painter = canvas.begin()
    try:
        text = _Text(painter, dpi)
        metrics = text.font(FONT_PT)

        def y_of(v: float) -> float:
            return plot.bottom() - (v - first) / (last - first) * plot.height()

        for tick, label in zip(ticks, labels, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID, 0.5))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        if figure.unit:
            painter.drawText(QPointF(6, 6 + metrics.ascent()), figure.unit)
        n = max(len(figure.categories), 1)
        slot = plot.width() / n
        bar_w = slot * 0.75 / max(len(series), 1)
        zero = y_of(0.0) if first <= 0 <= last else y_of(first)
        small = text.font(SMALL_PT)
        for i, category in enumerate(figure.categories):
            x0 = plot.left() + i * slot + slot * 0.125
            for k, s in enumerate(series):
                value = s.values[i] if i < len(s.values) else None
                bx = x0 + k * bar_w
                if value is None or not math.isfinite(value):
                    painter.setPen(TEXT)
                    painter.drawText(QRectF(bx, zero - small.height() - 2, bar_w, small.height()),
                                     int(Qt.AlignmentFlag.AlignHCenter), ".")
                    continue
                y = y_of(value)
                painter.setPen(QPen(AXIS, BAR_OUTLINE_PT))
                painter.setBrush(QBrush(QColor(BAR_FILLS[k % len(BAR_FILLS)] if len(series) > 1 else COLOURS[0])))
                painter.drawRect(QRectF(bx, min(y, zero), bar_w, abs(zero - y)))
                if len(series) <= 2:
                    painter.setPen(TEXT)
                    label_y = y - small.height() - 1 if value >= 0 else y + 1
                    painter.drawText(QRectF(bx - 20, label_y, bar_w + 40, small.height()),
                                     int(Qt.AlignmentFlag.AlignHCenter), _number(value, decimals))
            text.font(FONT_PT)
            painter.setPen(TEXT)
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 4, slot, metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), category)
            text.font(SMALL_PT)
        painter.setPen(QPen(AXIS, 1.0))
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
        text.font(FONT_PT)
        if figure.reference is not None:
            name, value = figure.reference
            y = y_of(value)
            painter.setPen(QPen(QColor("#c00000"), 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#c00000"))
            painter.drawText(QRectF(plot.left(), y - metrics.height() - 1, plot.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight), f"{name}: {_number(value, decimals)}")
        if len(series) > 1:
            entries = [(s.name, QColor(BAR_FILLS[k % len(BAR_FILLS)]), Qt.PenStyle.SolidLine, "", 1.0, False)
                       for k, s in enumerate(series)]
            _legend(painter, text, entries, 12, plot.bottom() + metrics.height() + 10, canvas.width - 12, bars=True)
    finally:
        painter.end()
    return canvas.image


def chart_image(figure: ChartFigure, dpi: int = 300) -> QImage:
    """The chart as an image at ``dpi`` (16 cm wide; the resolution stored in it)."""
    ensure_application()
    if figure.kind == "line":
        return _line_chart(figure, dpi)
    return _bar_chart(figure, dpi)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("PNG could not be written")
    buffer.close()
    return bytes(data.data())


def render_figure(figure: Figure, dpi: int = 300) -> bytes:
    """The figure as PNG bytes at ``dpi`` — the report's :data:`~bildungsplaner.reporting.document.FigureRenderer`."""
    ensure_application()
    if isinstance(figure, MapFigure):
        from bildungsplaner.ui.maps.render import render_image

        image, _layout = render_image(figure.data, dpi=dpi, labels=figure.labels)
        return _png(image)
    return _png(chart_image(figure, dpi))
