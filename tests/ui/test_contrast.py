"""Contrast (issue 17, WCAG 2.1 AA as EN 301 549 takes it for software): text ≥ 4.5:1 in the application's
default palette and in every colour our code hardcodes for text; chart series, legend swatches, hatching and
outlines ≥ 3:1 (1.4.11 non-text contrast); map classes distinguishable from their neighbours and labelled
legibly; a high-contrast palette reaches the charts and the map (screenshots in /tmp/H6/)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from bildungsplaner.geo import palettes
from bildungsplaner.ui.common.contrast import (
    GRAPHICS,
    TEXT,
    adjust_for_contrast,
    compose,
    contrast_ratio,
    relative_luminance,
)

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path("/tmp/H6")

colours = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06x}")


# --- the arithmetic ------------------------------------------------------------------------------------------

def test_black_on_white_is_21_and_equal_colours_are_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#000") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#767676") == pytest.approx(1.0)
    # WCAG's own examples: #767676 is the lightest grey with 4.5:1 on white
    assert contrast_ratio("#767676", "#ffffff") >= 4.5 > contrast_ratio("#777777", "#ffffff")


@given(colours, colours)
def test_the_ratio_is_symmetric_and_between_1_and_21(a: str, b: str) -> None:
    ratio = contrast_ratio(a, b)
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0 + 1e-9
    assert (relative_luminance(a) >= relative_luminance(b)) == (ratio == pytest.approx(
        (relative_luminance(a) + 0.05) / (relative_luminance(b) + 0.05)))


@given(colours, colours, st.sampled_from([GRAPHICS, TEXT, 7.0]))
def test_adjusting_reaches_the_ratio_and_keeps_colours_that_already_do(colour: str, background: str,
                                                                       minimum: float) -> None:
    adjusted = adjust_for_contrast(colour, background, minimum)
    reachable = max(contrast_ratio("#000000", background), contrast_ratio("#ffffff", background))
    assert contrast_ratio(adjusted, background) >= min(minimum, reachable) - 1e-9
    if contrast_ratio(colour, background) >= minimum:
        assert adjusted == colour


def test_translucent_colours_are_measured_over_their_background() -> None:
    assert compose("#80000000", "#ffffff") == "#7f7f7f"
    assert contrast_ratio("#80000000", "#ffffff") == pytest.approx(contrast_ratio("#7f7f7f", "#ffffff"))


# --- the application's palette ---------------------------------------------------------------------------------

@pytest.fixture
def app_palette(qapp: Any) -> Iterator[Any]:
    """The application's palette as ``ui/app.py`` sets it up; the test's palette restored afterwards."""
    from PySide6.QtGui import QPalette

    from bildungsplaner.ui.app import apply_palette

    before = QPalette(qapp.palette())
    apply_palette(qapp)
    yield qapp.palette()
    qapp.setPalette(before)


def _pairs() -> list[Any]:
    from bildungsplaner.ui.common.theme import TEXT_PAIRS

    return [pytest.param(fg, bg, id=f"{fg.name}-on-{bg.name}") for fg, bg in TEXT_PAIRS]


@pytest.mark.parametrize(("fg", "bg"), _pairs())
def test_every_text_role_of_the_default_palette_reaches_4_5(app_palette: Any, fg: Any, bg: Any) -> None:
    from PySide6.QtGui import QPalette

    from bildungsplaner.ui.common.theme import colour_of

    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text, back = colour_of(app_palette, fg, group), colour_of(app_palette, bg, group)
        assert contrast_ratio(text, back) >= TEXT, f"{fg.name} {text} on {bg.name} {back} ({group.name})"


def test_the_fix_touches_only_failing_roles_and_never_a_high_contrast_palette(qapp: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    from bildungsplaner.ui.common.theme import accessible_palette, colour_of

    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))  # Fusion's selection: 3.7:1 under white
    light.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.LinkVisited, QColor("#ff00ff"))  # 3.1:1 on white
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    assert contrast_ratio("#ffffff", "#308cc6") < TEXT
    fixed = accessible_palette(light)
    assert contrast_ratio(colour_of(fixed, QPalette.ColorRole.HighlightedText),
                          colour_of(fixed, QPalette.ColorRole.Highlight)) >= TEXT
    assert contrast_ratio(colour_of(fixed, QPalette.ColorRole.LinkVisited), "#ffffff") >= TEXT
    assert fixed.color(QPalette.ColorRole.Text) == light.color(QPalette.ColorRole.Text)
    assert fixed.color(QPalette.ColorRole.HighlightedText) == QColor("#ffffff")  # the selection got darker

    contrast = _high_contrast_palette()
    contrast.setColor(QPalette.ColorRole.LinkVisited, QColor("#202020"))  # however poor: the user's theme wins
    assert accessible_palette(contrast).color(QPalette.ColorRole.LinkVisited) == QColor("#202020")


# --- colours hardcoded in our code -----------------------------------------------------------------------------

#: every hex colour our window code writes, with what it is drawn as and on what; a new colour fails
#: :func:`test_no_unchecked_colour_in_the_code` until it is listed here (and so measured)
TEXT_ON_WINDOW = {
    "#b00020": "error text (stylesheets, warning list, Kennzahl details)",
    "#1b5e20": "„ok“ text of the Kennzahl editors",
    "#555": "hint text of the Kennzahl editor",
    "#555555": "„Keine Karte“ text of the map view; the map's source lines",
    "#666": "„Noch keine Werte“ title of the Kennzahl bar chart",
    "#222": "chart titles and tick labels",
    "#222222": "chart titles",
    "#1a1a1a": "map title, legend, scale bar",
    "#666666": "greyed Kennzahl names (ui/indicators/models.py)",
}
GRAPHIC_ON_WHITE = {
    "#444": "chart axes",
    "#2f6f9f": "bars and lines (data chart, Kennzahl chart, allocation amount)",
    "#c0392b": "capacity line 1", "#8e44ad": "capacity line 2", "#d35400": "capacity line 3",
    "#117a65": "capacity line 4", "#1e8449": "demand line 2", "#b35806": "demand line 3",
    "#2c3e50": "demand line 4",
    "#7a7a7a": "legend swatch outline, „keine Daten“ outline",
    "#000000": "hover outline on the map",
    "#1f1f1f": "facility symbols",
}
BACKGROUNDS = {  # black text on them
    "#ffffff": "paper, plot background", "#e4ecf4": "sum rows of the planning tables",
    "#dde6f0": "table headings of the PDF",
}
#: region borders between map classes: thin lines that separate regions, not ≥ 3:1 against every fill (the
#: classes themselves differ by ΔE ≥ 9 and lightness, see below; the table view is the map's alternative)
BORDERS = {"#bdbdbd": "region border on the lightest fills (map)"}
#: light fills whose shape carries an outline of ≥ 3:1 (the fill alone need not)
OUTLINED_FILLS = {"#a9c4dc": ("exact share bars, hatched and outlined", "#2f6f9f")}
#: pending a fix in a file this work does not own (the test fails when it is fixed: then move it above)
PENDING: dict[str, str] = {}

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F])")


def _code_colours() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    files = [p for p in (REPO / "bildungsplaner" / "ui").rglob("*.py")
             if "report" not in p.parts and p.name != "contrast.py"]  # the arithmetic's docstring examples
    files += [REPO / "bildungsplaner" / "exporting" / "html.py", REPO / "bildungsplaner" / "ui" / "common" /
              "theme.py"]
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if line.lstrip().startswith("#") else line
            for match in _HEX.findall(code):
                found.setdefault(match.lower(), []).append(f"{path.relative_to(REPO)}:{number}")
    return found


def test_no_unchecked_colour_in_the_code() -> None:
    known = {**TEXT_ON_WINDOW, **GRAPHIC_ON_WHITE, **BACKGROUNDS, **OUTLINED_FILLS, **BORDERS}
    unknown = {c: where for c, where in _code_colours().items() if c not in known}
    assert not unknown, f"colours not measured by this test (add them to a table above): {unknown}"


@pytest.mark.parametrize("colour", sorted(TEXT_ON_WINDOW))
def test_hardcoded_text_colours_reach_4_5(colour: str) -> None:
    if colour in PENDING:
        pytest.xfail(PENDING[colour])
    for background in ("#ffffff", "#efefef", "#f7f7f7"):  # Base, Window (Fusion), AlternateBase
        assert contrast_ratio(colour, background) >= TEXT, (colour, background, TEXT_ON_WINDOW[colour])


@pytest.mark.parametrize("colour", sorted(GRAPHIC_ON_WHITE))
def test_chart_and_map_graphics_reach_3(colour: str) -> None:
    assert contrast_ratio(colour, "#ffffff") >= GRAPHICS, GRAPHIC_ON_WHITE[colour]


@pytest.mark.parametrize("colour", sorted(BACKGROUNDS))
def test_backgrounds_carry_black_text(colour: str) -> None:
    assert contrast_ratio("#000000", colour) >= TEXT


def test_light_fills_have_an_outline_of_3() -> None:
    for fill, (_what, outline) in OUTLINED_FILLS.items():
        assert contrast_ratio(fill, "#ffffff") < GRAPHICS  # why it needs the outline
        assert contrast_ratio(outline, "#ffffff") >= GRAPHICS


def test_the_planning_chart_series_colours_all_reach_3() -> None:
    from bildungsplaner.ui.planning import widgets

    for colour in (widgets.AMOUNT_COLOUR, *widgets.DEMAND_COLOURS, *widgets.CAPACITY_COLOURS):
        assert contrast_ratio(colour, "#ffffff") >= GRAPHICS, colour
    assert len(set(widgets.DEMAND_SYMBOLS)) == len(widgets.DEMAND_COLOURS)  # a marker per line, not only colour


# --- map colours -------------------------------------------------------------------------------------------------

def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    text = colour.lstrip("#")
    rgb = [int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


@pytest.mark.parametrize("name", palettes.PALETTES)
def test_neighbouring_map_classes_are_distinguishable_and_labels_legible(name: str) -> None:
    for count in range(palettes.MIN_CLASSES, palettes.MAX_CLASSES + 1):
        classes = palettes.palette(name, count)
        for low, high in itertools.pairwise(classes):
            # ΔE*ab ≥ 9: clearly apart side by side (a just noticeable difference is about 2.3)
            assert _delta_e(low, high) >= 9, (name, count, low, high)
        lum = [relative_luminance(c) for c in classes]
        if name in palettes.SEQUENTIAL:  # light = low: the order survives greyscale printing and colour blindness
            assert lum == sorted(lum, reverse=True) and len(set(lum)) == len(lum), (name, count)
        else:  # diverging: darker towards both ends
            lower, upper = lum[:(count + 1) // 2], lum[count // 2:]
            assert lower == sorted(lower), (name, count)
            assert upper == sorted(upper, reverse=True), (name, count)
        for fill in classes:  # value labels on the class colour (the map's „Werte beschriften“)
            assert contrast_ratio(palettes.text_colour(fill), fill) >= TEXT, (name, count, fill)
            assert palettes.text_colour(fill) != palettes.NO_DATA


def test_no_data_is_hatched_and_outlined_legibly() -> None:
    from bildungsplaner.ui.common.theme import PRINT
    from bildungsplaner.ui.maps import render

    assert contrast_ratio(palettes.NO_DATA_HATCH, palettes.NO_DATA) >= GRAPHICS
    assert contrast_ratio(PRINT.outline, PRINT.background) >= GRAPHICS  # swatches and „keine Daten“ outlines
    assert contrast_ratio(PRINT.text, PRINT.background) >= TEXT
    assert contrast_ratio(PRINT.secondary, PRINT.background) >= TEXT  # source lines
    for name in palettes.PALETTES:  # facility symbols stand on every class: by their fill or their outline
        for fill in palettes.palette(name, 7):
            assert max(contrast_ratio(render.FACILITY_FILL, fill),
                       contrast_ratio(render.FACILITY_OUTLINE, fill)) >= GRAPHICS, (name, fill)


# --- high contrast -------------------------------------------------------------------------------------------------

def _high_contrast_palette() -> Any:
    """Windows' „Nachtschwarz“ high-contrast theme, roughly: black window and base, white text, yellow
    selection with black text, yellow links."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in ((QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.Base, "#000000"),
                             (QPalette.ColorRole.AlternateBase, "#000000"), (QPalette.ColorRole.Button, "#000000"),
                             (QPalette.ColorRole.WindowText, "#ffffff"), (QPalette.ColorRole.Text, "#ffffff"),
                             (QPalette.ColorRole.ButtonText, "#ffffff"), (QPalette.ColorRole.Highlight, "#1aebff"),
                             (QPalette.ColorRole.HighlightedText, "#000000"), (QPalette.ColorRole.Link, "#ffff00"),
                             (QPalette.ColorRole.LinkVisited, "#ffff00"),
                             (QPalette.ColorRole.PlaceholderText, "#c0c0c0")):
            palette.setColor(group, role, QColor(colour))
    return palette


@pytest.fixture
def high_contrast(qapp: Any) -> Iterator[Any]:
    from PySide6.QtGui import QPalette

    before = QPalette(qapp.palette())
    qapp.setPalette(_high_contrast_palette())
    yield qapp.palette()
    qapp.setPalette(before)


def _pixel(image: Any, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


def test_the_data_chart_follows_a_high_contrast_palette(qtbot: Any, high_contrast: Any) -> None:
    import numpy as np

    from bildungsplaner.ui.data.chart import ChartData, ChartWidget

    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    chart.show()
    chart.data = ChartData("line", ["2019", "2020", "2021", "2022"], np.array([3.0, np.nan, 5.0, -1.0]), "Arnsberg")
    chart._make_plot()
    chart._paint()
    assert chart.colours.from_palette
    assert chart.colours.background == "#000000" and chart.colours.foreground == "#ffffff"
    assert all(contrast_ratio(c, "#000000") >= GRAPHICS for c in chart.colours.series)
    item = chart.plot.getPlotItem()
    assert item.getAxis("left").textPen().color().name() == "#ffffff"
    assert chart.plot.backgroundBrush().color().name() == "#000000"
    legend = [label.text for _sample, label in chart.legend.items]
    assert "Arnsberg" in legend and "Lücke: kein Wert" in legend
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    image = chart.grab().toImage()
    image.save(str(SHOTS / "chart_high_contrast.png"))
    assert _pixel(image, 5, image.height() // 2) == "#000000"


def test_bars_tell_negative_and_missing_values_without_colour(qtbot: Any, app_palette: Any) -> None:
    import numpy as np

    from bildungsplaner.ui.data.chart import ChartData, ChartWidget

    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    chart.show()
    chart.data = ChartData("bars", ["Arnsberg", "Brilon", "Marsberg"], np.array([4.0, -2.0, np.nan]), "2023")
    chart._make_plot()
    chart._paint()
    assert not chart.colours.from_palette and chart.colours.background == "#ffffff"
    legend = [label.text for _sample, label in chart.legend.items]
    assert legend == ["Wert", "negativer Wert (schraffiert, mit −)"]
    assert chart.items[1].opts["brush"].style() == Qt.BrushStyle.BDiagPattern
    assert [t.textItem.toPlainText() for t in chart.gap_labels] == ["keine Angabe"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    chart.grab().save(str(SHOTS / "chart_bars_default.png"))


def test_the_allocation_chart_follows_high_contrast(qtbot: Any, high_contrast: Any) -> None:
    import pandas as pd

    from bildungsplaner.ui.planning.widgets import AllocationChart

    chart = AllocationChart()
    qtbot.addWidget(chart)

    class Result:
        rows = pd.DataFrame({"name": ["Arnsberg", "Sundern"], "exact": [10.4, 15.6], "amount": [10.0, 16.0]})
        unit = "Plätze"

    chart.show_result(Result())  # type: ignore[arg-type]
    assert chart.colours.from_palette and chart.plot.backgroundBrush().color().name() == "#000000"
    assert chart.plot.getPlotItem().getAxis("bottom").textPen().color().name() == "#ffffff"
    assert [label.text for _s, label in chart.legend.items] == ["exakt", "gerundet"]


def test_the_map_on_screen_follows_high_contrast_and_exports_stay_on_paper(qtbot: Any, demo_workspace: Any,
                                                                           high_contrast: Any) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from bildungsplaner.services import maps
    from bildungsplaner.ui.maps.render import render_image, render_map

    data = maps.map_data(demo_workspace, "SGB2_U15")
    pixmap = QPixmap(900, 600)
    painter = QPainter(pixmap)
    try:
        layout = render_map(painter, data, QRectF(0, 0, 900, 600), labels=True)
    finally:
        painter.end()
    assert layout.colours.background == "#000000" and layout.colours.text == "#ffffff"
    image = pixmap.toImage()
    SHOTS.mkdir(parents=True, exist_ok=True)
    image.save(str(SHOTS / "map_high_contrast.png"))
    assert _pixel(image, 2, 2) == "#000000"
    # the legend's text is drawn in the palette's text colour: white pixels right of the first swatch
    _text, _colour, swatch = layout.legend[0]
    row = [_pixel(image, x, int(swatch.center().y())) for x in range(int(swatch.right()) + 4,
                                                                     min(int(swatch.right()) + 120, 899))]
    assert max(relative_luminance(c) for c in row) > 0.6  # (antialiased) white text
    exported, printed = render_image(data, dpi=96)
    assert printed.colours.background == "#ffffff" and _pixel(exported, 2, 2) == "#ffffff"


def test_demand_lines_differ_by_marker_and_name_their_gaps(qtbot: Any, app_palette: Any) -> None:
    import numpy as np
    import pandas as pd

    from bildungsplaner.ui.planning.widgets import DemandChart

    chart = DemandChart()
    qtbot.addWidget(chart)

    class Result:
        totals = pd.DataFrame({"line": ["U3"] * 3 + ["Ü3"] * 3, "year": [2025, 2026, 2027] * 2,
                               "demand": [100.0, np.nan, 120.0, 300.0, 310.0, 320.0],
                               "capacity": [90.0, 95.0, 99.0, np.nan, np.nan, np.nan]})

    chart.show_result(Result())  # type: ignore[arg-type]
    names = [label.text for _s, label in chart.legend.items]
    assert names == ["U3: Bedarf (Lücke: kein Wert)", "U3: Plätze", "Ü3: Bedarf"]
    symbols = [item.opts["symbol"] for item in chart.items]
    assert symbols[0] != symbols[2]  # the two demand lines: not by colour alone
    assert chart.items[1].opts["pen"].style() == Qt.PenStyle.DashLine  # capacity dashed
    assert all(contrast_ratio(item.opts["pen"].color().name(), "#ffffff") >= GRAPHICS for item in chart.items)


def test_status_texts_keep_their_colour_only_where_it_is_legible(qapp: Any, high_contrast: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    from bildungsplaner.ui.common.theme import ERROR, OK, error_colour, status_colour

    assert error_colour() == "#ffffff" and status_colour(OK) == "#ffffff"  # red on black: 2.9:1
    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert error_colour(light) == ERROR and status_colour(OK, light) == OK
    assert contrast_ratio(ERROR, "#000000") < TEXT
