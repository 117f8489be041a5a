"""The one drawing of a choropleth map over a ``QPainter`` — for the screen, PNG (300 dpi), SVG and PDF.

:func:`render_map` draws a :class:`~bildungsplaner.services.maps.MapData` into a rectangle of any paint device
and returns a :class:`MapLayout` (where everything went: map rectangle and scale, legend texts and swatches,
scale bar, source lines) that the map view uses for hover and the tests use to find things by pixel. Rules:

* **One path per class** (``DESIGN.md`` „Hazards measured“): the rings of all regions of a class become one
  ``QPainterPath`` (odd-even fill, so holes stay holes), built from the cached coordinate arrays in one call
  (pyqtgraph's ``arrayToQPath``), filled with the class colour and outlined with a thin white line; never one
  item per region (light grey instead of white on the lightest fills). The SVG therefore holds one ``<path>``
  per class. On raster devices (screen, PNG) the fill
  is drawn without antialiasing and the rings' outlines with it (Qt's antialiased fill of one path with
  thousands of rings is 100× slower; measured in ``benchmarks/bench_maps.py``).
* **„keine Daten“** is filled grey (:data:`~bildungsplaner.geo.palettes.NO_DATA`) and hatched with diagonal
  lines (:data:`~bildungsplaner.geo.palettes.NO_DATA_HATCH`) that are *computed* — intersected with the regions
  by shapely — and drawn as one path, never a Qt pattern brush (those get very dense in a 300 dpi PDF) and
  never a clip (the SVG generator does not keep clips). Its legend swatch is hatched the same way.
* **Sizes are in points** (1/72 inch) scaled by the device's resolution, so a PNG at 300 dpi, a PDF and the
  screen look the same; fonts are point sizes on the device's own resolution.
* **Layout**: title and subtitle (period, dimension choices) on top; the map (EPSG:25832 metres, equal scale in
  x and y, north up) on the left; on the right the legend in German statistical style with counts
  („unter 2,0 (12)“, from :attr:`Classes.labels <bildungsplaner.geo.classify.Classes.labels>`), the unit, a
  north arrow and a scale bar rounded to 1, 2 or 5 × 10ⁿ km; the source lines at the bottom.
* **Facilities** (:attr:`MapData.facilities <bildungsplaner.services.maps.MapData.facilities>`) are drawn on top
  of the choropleth as small symbols, one shape per kind in the order asked for (:data:`SYMBOLS`: circle, square,
  triangle, diamond, …; distinguishable without colour), all of a kind as one path, dark fill with a white
  outline so that they stand on every class colour; the legend gets a block „Einrichtungen“ with each kind's
  symbol and count.
* Optional value labels at each region's representative point, black or white by
  :func:`~bildungsplaner.geo.palettes.text_colour` of the class colour.
* **Colours of the sheet** (background, texts, outlines, scale bar; :class:`~bildungsplaner.ui.common.theme.
  MapColours`): printed ones (white paper) for images, PDF and SVG; on the screen the application palette's in a
  high-contrast or dark theme (:func:`~bildungsplaner.ui.common.theme.map_colours`). The class colours stay: the
  legend's texts, the value labels and the hatching of „keine Daten“ (≥ 3:1 on its grey) do not depend on them.
* Exports (:func:`export_map`) choose the sheet height from the map's aspect at 180 mm width; PNG at 300 dpi
  (with the resolution in the file), SVG by ``QSvgGenerator``, PDF by ``QPdfWriter`` (vector).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.geo.palettes import NO_DATA, NO_DATA_HATCH, relative_luminance, text_colour
from bildungsplaner.services.maps import MapData
from bildungsplaner.ui.common.offscreen import ensure_application, print_font
from bildungsplaner.ui.common.theme import PRINT, MapColours, map_colours

__all__ = ["FACILITY_FILL", "SYMBOLS", "MapLayout", "export_map", "facility_path", "nice_distance", "region_path",
           "render_image", "render_map", "sheet_size"]

MM = 72 / 25.4  # points per millimetre
SHEET_WIDTH = 180 * MM
HATCH_SPACING = 3.2  # points between hatch lines
BORDER = 0.35  # points, region outlines
BORDER_COLOUR = "#ffffff"
LIGHT_BORDER_COLOUR = "#bdbdbd"
LIGHT_FILL = 0.8  # relative luminance above which a fill gets the grey border
# the printed colours (:data:`~bildungsplaner.ui.common.theme.PRINT`); on screen the palette's in high contrast
OUTLINE_COLOUR = PRINT.outline  # the outline of „keine Daten“ regions and legend swatches
TEXT = PRINT.text
SOURCE_TEXT = PRINT.secondary
#: facility symbols: their shapes by kind (in the order the kinds were asked for), size, fill and outline
SYMBOLS = ("circle", "square", "triangle", "diamond", "triangle_down", "pentagon", "hexagon", "star")
SYMBOL_RADIUS = 3.4  # points
FACILITY_FILL = "#1f1f1f"
FACILITY_OUTLINE = "#ffffff"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapExport", text)


def _add_symbol(path: QPainterPath, shape: str, x: float, y: float, r: float) -> None:
    """One symbol of ``shape`` centred on ``x``, ``y`` with radius ``r`` (device units), added to ``path``."""
    if shape == "circle":
        path.addEllipse(QPointF(x, y), r * 0.9, r * 0.9)
        return
    if shape == "square":
        path.addRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6))
        return
    if shape == "star":
        corners = [(r if i % 2 == 0 else r * 0.45, -math.pi / 2 + i * math.pi / 5) for i in range(10)]
    else:
        count, start = {"triangle": (3, -math.pi / 2), "diamond": (4, -math.pi / 2),
                        "triangle_down": (3, math.pi / 2), "pentagon": (5, -math.pi / 2),
                        "hexagon": (6, 0.0)}[shape]
        corners = [(r * (1.1 if count == 3 else 1.0), start + i * 2 * math.pi / count) for i in range(count)]
    path.addPolygon(QPolygonF([QPointF(x + d * math.cos(a), y + d * math.sin(a)) for d, a in corners]))
    path.closeSubpath()


def facility_path(shape: str, xs: Any, ys: Any, radius: float) -> QPainterPath:
    """The symbols of one kind at device points ``xs``, ``ys`` as one path."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for x, y in zip(np.asarray(xs, dtype=float).tolist(), np.asarray(ys, dtype=float).tolist(), strict=True):
        _add_symbol(path, shape, x, y, radius)
    return path


def _symbol_of(index: int) -> str:
    return SYMBOLS[index % len(SYMBOLS)]


def nice_distance(metres: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ km (in metres) not above ``metres`` (a scale bar's length)."""
    if metres <= 0 or not math.isfinite(metres):
        return 0.0
    km = metres / 1000
    power = 10.0 ** math.floor(math.log10(km))
    for step in (5, 2, 1):
        if step * power <= km * (1 + 1e-9):
            return step * power * 1000
    return power * 1000  # pragma: no cover - step 1 always fits


def _km_text(metres: float) -> str:
    km = metres / 1000
    decimals = 0 if km >= 1 else max(0, -math.floor(math.log10(km) + 1e-9))
    return f"{format_number(km, decimals)} km"


@dataclass
class MapLayout:
    """Where :func:`render_map` put things, in device coordinates of the painter."""

    rect: QRectF
    map_rect: QRectF
    #: device pixels per metre, and the world point at the map rectangle's centre
    pixels_per_metre: float
    centre: tuple[float, float]
    scale: float
    title: str = ""
    subtitle: str = ""
    #: (text, colour, swatch rectangle) per legend entry, „keine Daten“ last
    legend: list[tuple[str, str, QRectF]] = field(default_factory=list)
    legend_heading: str = ""
    scale_bar_metres: float = 0.0
    scale_bar_text: str = ""
    sources: list[str] = field(default_factory=list)
    paths: int = 0
    #: the legend block „Einrichtungen“: its heading and (text, symbol shape, symbol rectangle) per kind
    facility_heading: str = ""
    facility_legend: list[tuple[str, str, QRectF]] = field(default_factory=list)
    #: facility symbols drawn (all kinds)
    facility_symbols: int = 0
    #: background, text and outline colours the sheet was drawn in
    colours: MapColours = PRINT

    def to_device(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple[Any, Any]:
        """World (EPSG:25832) → device coordinates."""
        cx, cy = self.centre
        mx, my = self.map_rect.center().x(), self.map_rect.center().y()
        k = self.pixels_per_metre
        return (np.asarray(x) - cx) * k + mx, my - (np.asarray(y) - cy) * k

    def to_world(self, px: float, py: float) -> tuple[float, float]:
        cx, cy = self.centre
        mx, my = self.map_rect.center().x(), self.map_rect.center().y()
        k = self.pixels_per_metre
        return (px - mx) / k + cx, (my - py) / k + cy

    def text_dump(self) -> str:
        """Every text on the map, one per line (tests, the export's JSON)."""
        return "\n".join([self.title, self.subtitle, self.legend_heading, *(t for t, _, _ in self.legend),
                          *([self.facility_heading] if self.facility_heading else []),
                          *(t for t, _, _ in self.facility_legend), self.scale_bar_text, *self.sources])

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "subtitle": self.subtitle, "legend": [t for t, _, _ in self.legend],
                "scale_bar": self.scale_bar_text, "sources": self.sources, "paths": self.paths,
                "facilities": [t for t, _, _ in self.facility_legend]}


def _colour(text: str) -> QColor:
    return QColor(text)


def _border_for(fill: str) -> str:
    """The border colour of a class: white, but light grey on a fill nearly as light as the paper (the lightest
    sequential class, the neutral middle of a diverging palette), whose regions would otherwise lose their
    outline against the background."""
    return LIGHT_BORDER_COLOUR if relative_luminance(fill) > LIGHT_FILL else BORDER_COLOUR


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(trial) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def _class_path(data: MapData, layout: MapLayout, positions: np.ndarray) -> QPainterPath:
    """One path of the rings of the regions at ``positions`` (device coordinates)."""
    g = data.geometry
    if not len(positions):
        return QPainterPath()
    starts, ends = g.offsets[positions], g.offsets[positions + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return QPainterPath()
    # the indices of all points of these regions, without a Python loop over regions
    index = np.arange(total) + np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    xy = g.coords[index]
    x, y = layout.to_device(xy[:, 0], xy[:, 1])
    connect = (~g.ring_end[index]).astype(np.int32)
    path = arrayToQPath(np.ascontiguousarray(x, dtype=float), np.ascontiguousarray(y, dtype=float), connect,
                        finiteCheck=False)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def region_path(data: MapData, layout: MapLayout, position: int) -> QPainterPath:
    """The outline of one region (a position into ``data.geometry``) in the layout's device coordinates."""
    return _class_path(data, layout, np.array([position], dtype=np.int64))


def _hatch_lines(area: shapely.Geometry, spacing: float) -> shapely.Geometry:
    """Diagonal lines (rising to the right) ``spacing`` apart, cut to ``area`` (any coordinates)."""
    if area is None or area.is_empty or spacing <= 0:
        return shapely.GeometryCollection()
    x0, y0, x1, y1 = area.bounds
    step = spacing * math.sqrt(2)
    first = math.floor((y0 - x1) / step) * step  # lines y = x + c for c from y0 − x1 to y1 − x0
    offsets = np.arange(first, y1 - x0 + step, step)
    if len(offsets) > 20_000:  # a hatch of more lines than a sheet can show: coarser
        offsets = offsets[:: len(offsets) // 20_000 + 1]
    starts = np.column_stack((np.full(len(offsets), x0 - 1), x0 - 1 + offsets))
    ends = np.column_stack((np.full(len(offsets), x1 + 1), x1 + 1 + offsets))
    lines = shapely.multilinestrings(shapely.linestrings(np.stack((starts, ends), axis=1)))
    return shapely.intersection(lines, area)


def _lines_path(lines: shapely.Geometry) -> QPainterPath:
    path = QPainterPath()
    for part in shapely.get_parts(lines):
        if part.geom_type != "LineString" or part.is_empty:
            continue
        coords = np.asarray(part.coords)
        path.moveTo(float(coords[0, 0]), float(coords[0, 1]))
        for px, py in coords[1:]:
            path.lineTo(float(px), float(py))
    return path


def _hatch_device(layout: MapLayout, area_world: shapely.Geometry) -> QPainterPath:
    """Hatch lines for a world-coordinate area, cut in device coordinates (constant spacing on the sheet)."""
    k, (cx, cy) = layout.pixels_per_metre, layout.centre
    mx, my = layout.map_rect.center().x(), layout.map_rect.center().y()
    device = shapely.transform(area_world, lambda c: np.column_stack(((c[:, 0] - cx) * k + mx,
                                                                     my - (c[:, 1] - cy) * k)))
    view = shapely.box(layout.map_rect.left(), layout.map_rect.top(), layout.map_rect.right(),
                       layout.map_rect.bottom())
    return _lines_path(_hatch_lines(shapely.intersection(device, view), HATCH_SPACING * layout.scale))


def _device_scale(device: QPaintDevice) -> float:
    """Device pixels per point."""
    return device.logicalDpiX() / 72.0



@dataclass
class _Boxes:
    """Fonts, texts and rectangles of a map sheet before anything is drawn."""

    scale: float
    pad: float
    fonts: tuple[QFont, ...]
    metrics: tuple[QFontMetricsF, ...]
    entries: list[tuple[str, str, int]]
    #: the legend block „Einrichtungen“: (text, symbol shape) per kind
    facility_entries: list[tuple[str, str]]
    title_lines: list[str]
    source_lines: list[str]
    swatch_w: float
    swatch_h: float
    row_h: float
    legend_w: float
    legend_h: float
    top: float
    map_top: float
    bottom_h: float
    map_rect: QRectF


def _measure(data: MapData, device: QPaintDevice, rect: QRectF) -> _Boxes:
    scale = _device_scale(device)
    pad = 10 * scale
    fonts = (print_font(13, bold=True), print_font(8.5), print_font(8), print_font(8, bold=True), print_font(6.5))
    tm, sm, lm, hm, qm = (QFontMetricsF(f, device) for f in fonts)
    entries = data.legend()
    facility_entries = [(f"{kind} ({format_number(count)})", _symbol_of(number))
                        for number, (kind, count) in enumerate(data.facility_counts().items())]
    swatch_w, swatch_h, row_h = 16 * scale, 10 * scale, max(14 * scale, lm.height() * 1.35)
    text_w = max([lm.horizontalAdvance(t) for t, _, _ in entries] + [hm.horizontalAdvance(data.unit or "")]
                 + [lm.horizontalAdvance(t) for t, _ in facility_entries] + [60 * scale])
    legend_w = min(swatch_w + 6 * scale + text_w + pad, rect.width() * 0.45)
    legend_h = (hm.lineSpacing() + 3 * scale if data.unit else 0) + len(entries) * row_h + 40 * scale \
        + 4 * scale + lm.height() * 2
    if facility_entries:
        legend_h += 8 * scale + hm.lineSpacing() + 3 * scale + len(facility_entries) * row_h
    top = rect.top() + pad
    title_lines = _wrap(data.title, tm, rect.width() - 2 * pad)
    source_lines = [line for text in data.sources for line in _wrap(text, qm, rect.width() - 2 * pad)]
    bottom_h = len(source_lines) * qm.lineSpacing() + pad
    map_top = top + len(title_lines) * tm.lineSpacing() + (sm.lineSpacing() if data.subtitle else 0) + 6 * scale
    map_rect = QRectF(rect.left() + pad, map_top, max(rect.width() - 3 * pad - legend_w, 10.0),
                      max(rect.bottom() - bottom_h - map_top - 4 * scale, 10.0))
    return _Boxes(scale, pad, fonts, (tm, sm, lm, hm, qm), entries, facility_entries, title_lines, source_lines,
                  swatch_w, swatch_h, row_h, legend_w, legend_h, top, map_top, bottom_h, map_rect)


def render_map(painter: QPainter, data: MapData, rect: QRectF, *, view: tuple[float, float, float, float] | None
               = None, labels: bool = False, highlight: int | None = None,
               colours: MapColours | None = None) -> MapLayout:
    """Draw ``data`` into ``rect`` of the painter's device (see the module's rules) and return the layout.

    ``view``: the world rectangle (EPSG:25832: min x, min y, max x, max y) to fit into the map area (default: the
    map's regions; the map view passes its zoom and pan). ``labels``: values at the regions' representative
    points. ``highlight``: a region position (into ``data.geometry``) to outline (hover). ``colours``: background,
    text and outlines; by default the printed ones on an image, PDF or SVG, and on the screen (a pixmap or
    widget) those of the application's palette, so a high-contrast or dark theme reaches the map
    (:func:`~bildungsplaner.ui.common.theme.map_colours`; the class colours stay).
    """
    device = painter.device()
    if colours is None:
        screen = device is not None and device.devType() in (1, 2)  # QInternal::Widget, QInternal::Pixmap
        colours = map_colours() if screen else PRINT
    c = colours
    box = _measure(data, device, rect)
    scale, pad = box.scale, box.pad
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, QColor(c.background))
    title_font, sub_font, legend_font, head_font, source_font = box.fonts
    tm, sm, lm, hm, qm = box.metrics
    entries, title_lines, subtitle, source_lines = box.entries, box.title_lines, data.subtitle, box.source_lines
    sources = data.sources
    swatch_w, swatch_h, row_h, legend_w = box.swatch_w, box.swatch_h, box.row_h, box.legend_w
    top, map_rect = box.top, box.map_rect

    x0, y0, x1, y1 = view or data.bounds
    width_m, height_m = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    k = min(map_rect.width() / width_m, map_rect.height() / height_m)
    layout = MapLayout(rect=QRectF(rect), map_rect=map_rect, pixels_per_metre=k,
                       centre=((x0 + x1) / 2, (y0 + y1) / 2), scale=scale, title=data.title, subtitle=subtitle,
                       legend_heading=data.unit or "", sources=list(sources), colours=c)

    # --- the map: one path per class, „keine Daten“ grey and hatched ---------------------------------------
    painter.save()
    painter.setClipRect(map_rect)
    raster = painter.paintEngine().type() == QPaintEngine.Type.Raster
    stroke = 1.0 if raster else BORDER * scale
    shapes: list[tuple[QPainterPath, str, str]] = []  # path, fill, outline
    for k_class in range(data.classes.count):
        chosen = data.positions[data.class_index == k_class]
        if len(chosen):
            fill = data.colours[k_class]
            shapes.append((_class_path(data, layout, chosen), fill, _border_for(fill)))
    missing = data.positions[data.class_index < 0]
    if len(missing):
        shapes.append((_class_path(data, layout, missing), NO_DATA, c.outline))
    layout.paths = len(shapes)
    if raster:
        # Qt's antialiased fill of one path with thousands of rings spanning the image is very slow (11,000
        # polygons: 4.7 s; its gray rasterizer splits the image into bands again and again); the plain fill
        # takes 0.03 s. So on raster devices: fill without antialiasing, then draw every ring's outline
        # antialiased, which also smooths the fill's edges (0.1–0.2 s)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for path, fill, _outline in shapes:
            painter.setBrush(QBrush(_colour(fill)))
            painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, _fill, outline in shapes:
            painter.setPen(QPen(_colour(outline), stroke))
            for ring in path.toSubpathPolygons():
                painter.drawPolyline(ring)
    else:  # vector devices (PDF, SVG): one filled and outlined path per class
        for path, fill, outline in shapes:
            painter.setPen(QPen(_colour(outline), stroke))
            painter.setBrush(QBrush(_colour(fill)))
            painter.drawPath(path)
    if len(missing):
        area = shapely.union_all(data.geometry.geometries[missing])
        hatch = _hatch_device(layout, area)
        painter.setPen(QPen(_colour(NO_DATA_HATCH), 0.6 * scale))  # few lines: the full width is cheap
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(hatch)
    _draw_facilities(painter, data, layout)
    if highlight is not None:
        painter.setPen(QPen(_colour("#000000"), 1.6 * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(region_path(data, layout, highlight))
    if labels:
        _draw_labels(painter, data, layout, print_font(5.5))
    painter.restore()

    # --- title, legend, north arrow, scale bar, sources ------------------------------------------------------
    painter.setPen(_colour(c.text))
    painter.setFont(title_font)
    y = top
    for line in title_lines:
        painter.drawText(QPointF(rect.left() + pad, y + tm.ascent()), line)
        y += tm.lineSpacing()
    if subtitle:
        painter.setFont(sub_font)
        painter.drawText(QPointF(rect.left() + pad, y + sm.ascent()), subtitle)

    lx = map_rect.right() + pad
    ly = map_rect.top()
    if data.unit:
        painter.setFont(head_font)
        painter.drawText(QPointF(lx, ly + hm.ascent()), data.unit)
        ly += hm.lineSpacing() + 3 * scale
    painter.setFont(legend_font)
    for text, colour, _count in entries:
        swatch = QRectF(lx, ly + (row_h - swatch_h) / 2, swatch_w, swatch_h)
        painter.setPen(QPen(_colour(c.outline), BORDER * scale))
        painter.setBrush(QBrush(_colour(colour)))
        painter.drawRect(swatch)
        if colour == NO_DATA and text.startswith(data.classes.labels[-1]):
            painter.setPen(QPen(_colour(NO_DATA_HATCH), 0.6 * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_lines_path(_hatch_lines(shapely.box(swatch.left(), swatch.top(), swatch.right(),
                                                                  swatch.bottom()), HATCH_SPACING * scale)))
        painter.setPen(_colour(c.text))
        painter.drawText(QPointF(swatch.right() + 6 * scale, ly + (row_h + lm.ascent() - lm.descent()) / 2), text)
        layout.legend.append((text, colour, swatch))
        ly += row_h
    if box.facility_entries:
        ly += 8 * scale
        layout.facility_heading = _tr("Einrichtungen")
        painter.setFont(head_font)
        painter.drawText(QPointF(lx, ly + hm.ascent()), layout.facility_heading)
        ly += hm.lineSpacing() + 3 * scale
        painter.setFont(legend_font)
        radius = SYMBOL_RADIUS * scale * 1.2
        for text, shape in box.facility_entries:
            centre = QPointF(lx + swatch_w / 2, ly + row_h / 2)
            _fill_symbols(painter, facility_path(shape, [centre.x()], [centre.y()], radius), scale)
            painter.setPen(_colour(c.text))
            painter.drawText(QPointF(lx + swatch_w + 6 * scale, ly + (row_h + lm.ascent() - lm.descent()) / 2), text)
            layout.facility_legend.append((text, shape, QRectF(centre.x() - radius, centre.y() - radius,
                                                               2 * radius, 2 * radius)))
            ly += row_h
    ly += 10 * scale
    _north_arrow(painter, QPointF(lx + swatch_w / 2, ly), scale, legend_font, c)
    ly += 30 * scale
    layout.scale_bar_metres, layout.scale_bar_text = _scale_bar(painter, QPointF(lx, ly), k, scale,
                                                                min(90 * scale, legend_w - pad), legend_font, c)

    painter.setFont(source_font)
    painter.setPen(_colour(c.secondary))
    sy = rect.bottom() - pad / 2 - len(source_lines) * qm.lineSpacing()
    for line in source_lines:
        painter.drawText(QPointF(rect.left() + pad, sy + qm.ascent()), line)
        sy += qm.lineSpacing()
    painter.restore()
    return layout


def _fill_symbols(painter: QPainter, path: QPainterPath, scale: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(_colour(FACILITY_OUTLINE), 0.8 * scale))
    painter.setBrush(QBrush(_colour(FACILITY_FILL)))
    painter.drawPath(path)


def _draw_facilities(painter: QPainter, data: MapData, layout: MapLayout) -> None:
    """Every facility as its kind's symbol, one path per kind (see the module's rules)."""
    if not data.facilities:
        return
    radius = SYMBOL_RADIUS * layout.scale
    for number, kind in enumerate(data.facility_counts()):
        chosen = [f for f in data.facilities if f.kind == kind]
        if not chosen:
            continue
        xs, ys = layout.to_device(np.array([f.x for f in chosen]), np.array([f.y for f in chosen]))
        _fill_symbols(painter, facility_path(_symbol_of(number), xs, ys, radius), layout.scale)
        layout.facility_symbols += len(chosen)


def _draw_labels(painter: QPainter, data: MapData, layout: MapLayout, font: QFont) -> None:
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    points = data.geometry.label_points[data.positions]
    xs, ys = layout.to_device(points[:, 0], points[:, 1])
    for px, py, value, cls in zip(xs, ys, data.values, data.class_index, strict=True):
        if not np.isfinite(value):
            continue
        text = format_number(float(value), data.decimals) if data.decimals else format_number(float(value))
        painter.setPen(_colour(text_colour(data.colour_of(int(cls)))))
        width = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(px - width / 2, py + (metrics.ascent() - metrics.descent()) / 2), text)


def _north_arrow(painter: QPainter, tip: QPointF, scale: float, font: QFont, c: MapColours = PRINT) -> None:
    """A small arrow pointing up (north is up: the map is in UTM without rotation) with an N above it."""
    metrics = QFontMetricsF(font, painter.device())
    painter.setPen(_colour(c.text))
    painter.setFont(font)
    painter.drawText(QPointF(tip.x() - metrics.horizontalAdvance("N") / 2, tip.y() + metrics.ascent()), "N")
    base = tip.y() + metrics.height() + 1 * scale
    arrow = QPolygonF([QPointF(tip.x(), base), QPointF(tip.x() + 4 * scale, base + 12 * scale),
                       QPointF(tip.x(), base + 9 * scale), QPointF(tip.x() - 4 * scale, base + 12 * scale)])
    painter.setBrush(QBrush(_colour(c.text)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(arrow)


def _scale_bar(painter: QPainter, at: QPointF, pixels_per_metre: float, scale: float, longest: float,
               font: QFont, c: MapColours = PRINT) -> tuple[float, str]:
    """A two-part scale bar no longer than ``longest`` pixels; returns its length in metres and its label."""
    metres = nice_distance(longest / pixels_per_metre) if pixels_per_metre > 0 else 0.0
    if metres <= 0:
        return 0.0, ""
    length = metres * pixels_per_metre
    height = 4 * scale
    painter.setPen(QPen(_colour(c.text), 0.5 * scale))
    painter.setBrush(QBrush(_colour(c.text)))
    painter.drawRect(QRectF(at.x(), at.y(), length / 2, height))
    painter.setBrush(QBrush(_colour(c.scale_fill)))
    painter.drawRect(QRectF(at.x() + length / 2, at.y(), length / 2, height))
    text = _km_text(metres)
    metrics = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    painter.setPen(_colour(c.text))
    painter.drawText(QPointF(at.x(), at.y() + height + 2 * scale + metrics.ascent()), "0")
    painter.drawText(QPointF(at.x() + length - metrics.horizontalAdvance(text) / 2,
                             at.y() + height + 2 * scale + metrics.ascent()), text)
    return metres, text


# --- files -----------------------------------------------------------------------------------------------------

def sheet_size(data: MapData, dpi: float = 300) -> QSize:
    """The export sheet in pixels at ``dpi``: 180 mm wide, as high as the map's aspect and the legend need
    (at most 270 mm; a wider map gets the full width and white below)."""
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    width = SHEET_WIDTH / 72 * dpi
    box = _measure(data, probe, QRectF(0, 0, width, 1000 * dpi))
    x0, y0, x1, y1 = data.bounds
    aspect = max(y1 - y0, 1.0) / max(x1 - x0, 1.0)
    body = max(box.map_rect.width() * aspect, box.legend_h)
    height = min(box.map_top + body + 4 * box.scale + box.bottom_h, 270 / 25.4 * dpi)
    return QSize(round(width), round(height))


def render_image(data: MapData, *, dpi: int = 300, labels: bool = False) -> tuple[QImage, MapLayout]:
    """The export sheet as an image at ``dpi`` (the resolution is stored in it), and its layout."""
    ensure_application()
    pixels = sheet_size(data, dpi)
    image = QImage(pixels, QImage.Format.Format_RGB32)
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        layout = render_map(painter, data, QRectF(0, 0, pixels.width(), pixels.height()), labels=labels)
    finally:
        painter.end()
    return image, layout


def export_map(data: MapData, out: Path, *, dpi: int = 300, labels: bool = False) -> dict[str, Any]:
    """Write the map to ``out`` — PNG at ``dpi``, SVG or PDF by the suffix; returns the layout's texts.

    The entry point passes this function to the command line as its ``map_renderer``."""
    ensure_application()
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".png":
        image, layout = render_image(data, dpi=dpi, labels=labels)
        if not image.save(str(out)):  # the format from the suffix .png
            raise OSError(f"cannot write {out}")
    elif suffix == ".svg":
        try:
            from PySide6.QtSvg import QSvgGenerator
        except ImportError:  # a build without Qt's SVG module
            raise UserInputError(QCoreApplication.translate(
                "MapExport", "Diese Programmversion kann keine SVG-Dateien schreiben (das Qt-Modul QtSvg fehlt); "
                "bitte PNG oder PDF wählen.")) from None

        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setResolution(96)
        pixels = sheet_size(data, 96)
        generator.setSize(pixels)
        generator.setViewBox(QRectF(0, 0, pixels.width(), pixels.height()))
        generator.setTitle(data.title)
        generator.setDescription(data.subtitle)
        painter = QPainter(generator)
        try:
            layout = render_map(painter, data, QRectF(0, 0, pixels.width(), pixels.height()), labels=labels)
        finally:
            painter.end()
    elif suffix == ".pdf":
        writer = QPdfWriter(str(out))
        writer.setResolution(dpi)
        writer.setTitle(data.title)
        writer.setCreator("Bildungsplaner")
        size = sheet_size(data, dpi)
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(size.width() / dpi * 25.4, size.height() / dpi * 25.4),
                                                   QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        painter = QPainter(writer)
        try:
            page = writer.pageLayout().paintRectPixels(writer.resolution())
            layout = render_map(painter, data, QRectF(0, 0, page.width(), page.height()), labels=labels)
        finally:
            painter.end()
    else:
        raise ValueError(f"unknown map format: {out.suffix}")
    return {"file": str(out), "format": suffix.lstrip("."), **layout.to_dict()}
