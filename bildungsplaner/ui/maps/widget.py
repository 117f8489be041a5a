"""The map view of the window (the Daten area's „Karte“ tab): the same drawing as the exports, with zoom and pan.

``MapView.show_map(data)`` shows a :class:`~bildungsplaner.services.maps.MapData` from
:func:`~bildungsplaner.services.maps.map_data` (``None`` clears it); for another period of the same map,
``show_map(data.for_period(period), keep_view=True)`` keeps zoom and pan and reads nothing from the workspace.
``region_clicked(key)`` is emitted when a region is clicked (the window selects it in the tree and table). Rules:

* The picture is :func:`~bildungsplaner.ui.maps.render.render_map` over the whole widget, cached in a pixmap
  until data, size, zoom, pan or labels change; hovering only draws the outline of the region under the mouse on
  top of the cached picture (a map of 11,000 Gemeinden stays responsive).
* Zoom with the wheel (around the mouse) or ``+``/``-``; pan by dragging or with the arrow keys; ``0`` shows the
  whole map again. A press and release without moving (less than 4 pixels) is a click.
* Hover shows a tooltip with the region's name and its value as the map rounds it (``MapData.format_value``);
  over a facility's symbol (within its radius and a few pixels) the facility's name and kind instead.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from bildungsplaner.services.maps import MapData, MapFacility
from bildungsplaner.ui.common.theme import map_colours
from bildungsplaner.ui.maps.render import SYMBOL_RADIUS, MapLayout, region_path, render_map

__all__ = ["MapView"]

ZOOM_STEP = 1.25
PAN_STEP = 0.1  # of the visible width or height per arrow key
CLICK_DISTANCE = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapView", text)


class MapView(QWidget):
    """A choropleth with zoom, pan, hover and click (see the module's rules)."""

    region_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 200)
        self.setAccessibleName(_tr("Karte"))
        self.setWhatsThis(_tr("Karte: Plus und Minus zoomen, die Pfeiltasten verschieben, 0 zeigt die ganze Karte; "
                              "Tab geht weiter. Die Zahlen stehen in der Werte-Tabelle (Strg+Umschalt+T)."))
        self._data: MapData | None = None
        self._view: tuple[float, float, float, float] | None = None
        self._labels = False
        self._cache: QPixmap | None = None
        self._layout: MapLayout | None = None
        self._hover: int | None = None
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False

    # --- what is shown ----------------------------------------------------------------------------------------

    def show_map(self, data: MapData | None, *, keep_view: bool = False) -> None:
        """Show ``data`` (``None``: nothing). ``keep_view`` keeps zoom and pan (another period of the same map)."""
        same_regions = (data is not None and self._data is not None and data.geometry is self._data.geometry
                        and len(data.positions) == len(self._data.positions))
        self._data = data
        if not (keep_view and same_regions):
            self._view = None
        self._hover = None
        self._invalidate()

    def map_data(self) -> MapData | None:
        return self._data

    def set_labels(self, shown: bool) -> None:
        self._labels = shown
        self._invalidate()

    def reset_view(self) -> None:
        self._view = None
        self._invalidate()

    def layout_info(self) -> MapLayout | None:
        """The layout of the last drawing (tests, hover)."""
        return self._layout

    def visible_world(self) -> tuple[float, float, float, float] | None:
        """The world rectangle (EPSG:25832) the map area shows."""
        if self._layout is None:
            return None
        rect = self._layout.map_rect
        x0, y1 = self._layout.to_world(rect.left(), rect.top())
        x1, y0 = self._layout.to_world(rect.right(), rect.bottom())
        return x0, y0, x1, y1

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    # --- drawing ------------------------------------------------------------------------------------------------

    def _picture(self) -> QPixmap:
        if self._cache is None or self._cache.deviceIndependentSize().toSize() != self.size():
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(map_colours().background))  # the palette's in high contrast, as render_map
            if self._data is not None:
                painter = QPainter(pixmap)
                try:
                    self._layout = render_map(painter, self._data, QRectF(0, 0, self.width(), self.height()),
                                              view=self._view, labels=self._labels)
                finally:
                    painter.end()
            else:
                self._layout = None
            self._cache = pixmap
        return self._cache

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = map_colours()
        try:
            painter.drawPixmap(0, 0, self._picture())
            if self._data is None:
                painter.setPen(QColor(colours.secondary))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                                 _tr("Keine Karte: für diese Auswahl gibt es keine Gebietsgrenzen."))
            elif self._hover is not None and self._layout is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setClipRect(self._layout.map_rect)
                painter.setPen(QPen(QColor(colours.text), 2.0))  # hover: black, or the theme's text
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(region_path(self._data, self._layout, self._hover))
            if self.hasFocus():  # visible focus: a frame in the palette's highlight colour (high contrast too)
                painter.setClipping(False)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                painter.setPen(QPen(self.palette().highlight().color(), 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        finally:
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the system switched to high contrast or a dark theme): draw the map in its colours."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._invalidate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    # --- zoom and pan -------------------------------------------------------------------------------------------

    def _current_view(self) -> tuple[float, float, float, float] | None:
        if self._layout is None:
            self._picture()
        return self.visible_world()

    def zoom(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by ``factor`` (> 1: in) keeping the world point under ``at`` (default: the map's centre) in place."""
        view = self._current_view()
        if view is None or self._layout is None:
            return
        rect = self._layout.map_rect
        anchor = at if at is not None and rect.contains(at) else rect.center()
        ax, ay = self._layout.to_world(anchor.x(), anchor.y())
        x0, y0, x1, y1 = view
        width, height = (x1 - x0) / factor, (y1 - y0) / factor
        fx = (anchor.x() - rect.left()) / rect.width()
        fy = (rect.bottom() - anchor.y()) / rect.height()
        left, bottom = ax - fx * width, ay - fy * height
        self._view = (left, bottom, left + width, bottom + height)
        self._invalidate()

    def pan(self, dx: float, dy: float) -> None:
        """Move the picture by ``dx``, ``dy`` widget pixels (the map follows the mouse)."""
        view = self._current_view()
        if view is None or self._layout is None:
            return
        k = self._layout.pixels_per_metre
        x0, y0, x1, y1 = view
        self._view = (x0 - dx / k, y0 + dy / k, x1 - dx / k, y1 + dy / k)
        self._invalidate()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        width, height = (self._layout.map_rect.width(), self._layout.map_rect.height()) if self._layout else (0, 0)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.reset_view()
        elif key == Qt.Key.Key_Left:
            self.pan(width * PAN_STEP, 0)
        elif key == Qt.Key.Key_Right:
            self.pan(-width * PAN_STEP, 0)
        elif key == Qt.Key.Key_Up:
            self.pan(0, height * PAN_STEP)
        elif key == Qt.Key.Key_Down:
            self.pan(0, -height * PAN_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- hover and click ----------------------------------------------------------------------------------------

    def region_under(self, point: QPointF) -> int | None:
        """The position (into the map's geometry) of the region drawn at widget ``point``, or ``None``."""
        if self._data is None or self._layout is None or not self._layout.map_rect.contains(point):
            return None
        x, y = self._layout.to_world(point.x(), point.y())
        return self._data.region_at(x, y)

    def facility_under(self, point: QPointF) -> MapFacility | None:
        """The facility whose symbol is drawn at widget ``point`` (the nearest within its radius and 3 pixels)."""
        data, layout = self._data, self._layout
        if data is None or layout is None or not data.facilities or not layout.map_rect.contains(point):
            return None
        xs, ys = layout.to_device(np.array([f.x for f in data.facilities]), np.array([f.y for f in data.facilities]))
        distance = np.hypot(np.asarray(xs) - point.x(), np.asarray(ys) - point.y())
        nearest = int(np.argmin(distance))
        return data.facilities[nearest] if distance[nearest] <= SYMBOL_RADIUS * layout.scale + 3 else None

    def facility_tooltip(self, facility: MapFacility) -> str:
        return f"{facility.name}\n{facility.kind}"

    def tooltip_text(self, position: int) -> str:
        assert self._data is not None
        index = {int(p): i for i, p in enumerate(self._data.positions)}.get(position)
        value = None if index is None else float(self._data.values[index])
        name = self._data.geometry.names[position]
        return f"{name}\n{self._data.format_value(value)}"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (point - self._press).manhattanLength() >= CLICK_DISTANCE or self._dragged:
                self._dragged = True
                assert self._last is not None
                delta = point - self._last
                self._last = point
                self.pan(delta.x(), delta.y())
            return
        facility = self.facility_under(point)
        found = None if facility is not None else self.region_under(point)
        if found != self._hover:
            self._hover = found
            self.update()
        if facility is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.facility_tooltip(facility), self)
        elif found is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(found), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                found = self.region_under(event.position())
                if found is not None and self._data is not None:
                    self.region_clicked.emit(self._data.geometry.keys[found])
            self._press = self._last = None
            self._dragged = False
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
