"""The report's figures (ui/report/figures.py): PNGs at print size, gaps where values are missing, negative
values around a zero line, many sub-regions still readable, series told apart without colour, maps drawn
through the map renderer."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from bildungsplaner.reporting.document import ChartFigure, ChartSeries, MapFigure
from bildungsplaner.ui.report.figures import AXIS, COLOURS, LINE_STYLES, MARKERS, nice_ticks, render_figure

YEARS = ("2012", "2013", "2014", "2015", "2016")
PT = 300 / 72  # pixels per point at 300 dpi


def image(png: bytes) -> QImage:
    result = QImage()
    assert result.loadFromData(png, "PNG")
    return result


def pixels(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8, count=stride * height).reshape(height, stride)[
        :, : width * 3].reshape(height, width, 3).copy()  # a copy while the converted image is alive


def mask(px: np.ndarray, colour: str, tolerance: int = 12) -> np.ndarray:
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return (np.abs(px.astype(int) - rgb) <= tolerance).all(axis=2)


def line(values_home, *others, zero: bool = True) -> ChartFigure:
    series = [ChartSeries("Kreis", tuple(values_home), home=True)]
    series += [ChartSeries(f"Vergleich {i}", tuple(v)) for i, v in enumerate(others, 1)]
    return ChartFigure("f1", "line", "Kurve", YEARS[:len(values_home)], tuple(series), "Q", unit="%", zero=zero)


def test_a_chart_is_a_png_16_by_8_cm_at_300_dpi_with_its_resolution_stored() -> None:
    png = render_figure(line([18.0, 20.3, 22.4, 24.0, 26.7], [18.1, 21.0, 23.5, 25.7, 26.0]), 300)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    img = image(png)
    assert (img.width(), img.height()) == (round(16 / 2.54 * 300), round(8 / 2.54 * 300))  # 1890 × 945
    assert round(img.dotsPerMeterX() * 0.0254) == 300
    small = image(render_figure(line([1.0, 2.0, 3.0]), 96))
    assert (small.width(), small.height()) == (round(16 / 2.54 * 96), round(8 / 2.54 * 96))


def test_a_missing_value_leaves_a_gap_in_the_line() -> None:
    whole = pixels(image(render_figure(line([10.0, 10.0, 10.0]), 150)))
    gap = pixels(image(render_figure(line([10.0, None, 10.0]), 150)))
    home = COLOURS[0]
    # between the first and the second year (markers left out): the line is there, or not at all
    width = whole.shape[1]
    band = slice(int(width * 0.27), int(width * 0.40))
    assert mask(whole[:, band], home).sum() > 200
    assert mask(gap[:, band], home).sum() == 0
    # the points on both sides of the gap are still drawn
    assert mask(gap[:, : int(width * 0.25)], home).sum() > 50 and mask(gap[:, int(width * 0.7):], home).sum() > 50


def test_negative_values_lie_below_a_drawn_zero_line() -> None:
    px = pixels(image(render_figure(line([-1.5, -0.4, 0.8, 1.9, 2.4], zero=False), 150)))
    axis = mask(px, f"#{AXIS.red():02x}{AXIS.green():02x}{AXIS.blue():02x}", 4)
    rows = np.flatnonzero(axis.sum(axis=1) > px.shape[1] * 0.6)  # horizontal lines across the plot
    assert rows.size, "no zero line"
    zero_row = int(rows.min())  # the zero line lies above the x axis at the bottom
    home = mask(px, COLOURS[0])
    assert home[: zero_row - 2].sum() > 0 and home[zero_row + 3:].sum() > 0
    assert nice_ticks(-1.5, 2.4) == (-2.0, 3.0, 1.0)


def test_each_series_has_its_own_line_style_and_marker_so_colour_is_not_needed() -> None:
    from bildungsplaner.ui.report.figures import _styles

    series = [ChartSeries(f"S{i}", (1.0,), home=i == 2) for i in range(5)]
    styles = _styles(series)
    assert len({(style, marker) for _colour, style, marker, _width in styles}) == 5
    assert len({marker for _c, _s, marker, _w in styles}) == 5
    assert styles[2][3] == max(width for *_rest, width in styles)  # the home region strongest
    assert len(set(MARKERS)) == len(MARKERS) and len(set(LINE_STYLES[:5])) == 5


def many_regions(count: int) -> ChartFigure:
    names = tuple(f"Gemeinde {i:02d} an der langen Straße" for i in range(count))
    values = tuple(float((i * 37) % 50 - 10) for i in range(count))
    return ChartFigure("f2", "bar", "Balken", names, (ChartSeries("2016", values),), "Q", unit="%",
                       reference=("Land", 12.3))


def test_many_sub_regions_get_a_taller_image_with_readable_rows() -> None:
    few = image(render_figure(many_regions(6), 300))
    many = image(render_figure(many_regions(40), 300))
    assert few.height() == round(8 / 2.54 * 300)
    assert many.height() > few.height() and many.height() <= round(23 / 2.54 * 300)
    assert many.height() / 40 >= 10 * PT  # at least 10 points per bar: an 8 pt name fits
    assert many.width() == few.width()


def test_bars_are_sorted_largest_on_top_and_negative_bars_go_left() -> None:
    figure = ChartFigure("f2", "bar", "Balken", ("A", "B", "C"), (ChartSeries("x", (2.0, 8.0, -4.0)),), "Q",
                         zero=True)
    px = pixels(image(render_figure(figure, 150)))
    bars = mask(px, COLOURS[0], 4)
    rows = [r for r in range(px.shape[0]) if bars[r].sum() > 10]
    # three bands of rows: widths in the order drawn from top: 8 (largest), 2, then the negative 4
    bands: list[list[int]] = []
    for r in rows:
        if bands and r - bands[-1][-1] <= 1:
            bands[-1].append(r)
        else:
            bands.append([r])
    assert len(bands) == 3
    widths = [bars[b[len(b) // 2]].sum() for b in bands]
    lefts = [int(np.flatnonzero(bars[b[len(b) // 2]])[0]) for b in bands]
    assert widths[0] > widths[2] > widths[1]
    assert lefts[2] < lefts[0] == lefts[1]  # the negative bar starts left of zero


def test_year_categories_become_columns_with_a_legend_per_series() -> None:
    figure = ChartFigure("f3", "bar", "Bedarf", ("2020", "2021", "2022"),
                         (ChartSeries("Bedarf", (120.0, None, 150.0)), ChartSeries("Plätze", (110.0, 125.0, 140.0))),
                         "Q", unit="Plätze", decimals=0)
    img = image(render_figure(figure, 150))
    assert img.height() == round(8 / 2.54 * 150)


@pytest.mark.slow
def test_a_map_figure_is_drawn_by_the_map_renderer(demo_workspace) -> None:
    from bildungsplaner.services.maps import map_data

    data = map_data(demo_workspace, "BEV_ALTER", level="gemeinde")
    img = image(render_figure(MapFigure("m1", "Karte", data, "Q"), 150))
    assert round(img.width() / 150 * 25.4) == 180  # the map sheet's width
    px = pixels(img)
    assert len(np.unique(px.reshape(-1, 3), axis=0)) > 5  # classes drawn, not an empty sheet
