"""The map drawing (``ui/maps/render.py``) and view (``ui/maps/widget.py``) on the real BKG Kreise and the GENESIS
population table, checked by pixel: every class colour is on the map, a region without data is grey *and*
hatched inside its own outline, the legend counts are the classification's, the source line is there; the SVG
has one path per class, the PDF carries the legend as text; ``python -m bildungsplaner map export`` draws with
the real renderer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import shapely
from geo.geo_files import AACHEN, kreise_with_a_gap

from bildungsplaner.geo.palettes import NO_DATA, NO_DATA_HATCH, palette
from bildungsplaner.services import maps
from bildungsplaner.services.workspace import open_workspace

POPULATION = "BEVOELKERUNGSSTAND"
BKG = "© GeoBasis-DE / BKG (2021)"


@pytest.fixture(scope="module")
def kreise(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kreise_with_a_gap(tmp_path_factory.mktemp("maprender") / "kreise.bpws")


@pytest.fixture(scope="module")
def nrw(kreise: Path) -> maps.MapData:
    with open_workspace(kreise, create=False) as ws:
        return maps.map_data(ws, POPULATION, within="05")


@pytest.fixture(scope="module")
def germany(kreise: Path) -> maps.MapData:
    with open_workspace(kreise, create=False) as ws:
        return maps.map_data(ws, "ANTEIL_U6", method="jenks", palette="YlGnBu", classes=6)


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, line = rgb.width(), rgb.height(), rgb.bytesPerLine()
    raw = np.frombuffer(rgb.constBits(), np.uint8, count=h * line).reshape(h, line)
    return raw[:, :w * 3].reshape(h, w, 3).copy()  # a copy while the converted image is alive


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _has(pixels: np.ndarray, colour: str, tolerance: int = 0) -> bool:
    return bool((np.abs(pixels.astype(int) - _rgb(colour)).max(axis=-1) <= tolerance).any())


def _inside(data: maps.MapData, layout, key: str, pixels: np.ndarray, inset: float = 3.0) -> np.ndarray:
    """The pixels whose centres lie inside the region ``key`` (at least ``inset`` pixels from its outline)."""
    position = data.geometry.keys.index(key)
    device = shapely.transform(data.geometry.geometries[position],
                               lambda c: np.column_stack(layout.to_device(c[:, 0], c[:, 1])))
    area = device.buffer(-inset)
    x0, y0, x1, y1 = (int(v) for v in area.bounds)
    xs, ys = np.meshgrid(np.arange(x0, x1 + 1), np.arange(y0, y1 + 1))
    inside = shapely.contains_xy(area, xs + 0.5, ys + 0.5)
    return pixels[ys[inside], xs[inside]]


@pytest.mark.parametrize("which", ["nrw", "germany"])
def test_png_by_pixel(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from bildungsplaner.ui.maps.render import export_map, render_image

    data: maps.MapData = request.getfixturevalue(which)
    image, layout = render_image(data)
    pixels = _pixels(image)
    # 300 dpi, 180 mm wide
    assert image.width() == round(180 / 25.4 * 300) and round(image.dotsPerMeterX() * 0.0254) == 300
    map_area = pixels[int(layout.map_rect.top()):int(layout.map_rect.bottom()),
                      int(layout.map_rect.left()):int(layout.map_rect.right())]
    for colour in data.colours:  # every class colour is on the map itself
        assert _has(map_area, colour), colour
    assert data.colours == palette(data.classes and ("Blues" if which == "nrw" else "YlGnBu"), data.classes.count)
    # the region without data: grey fill and hatch lines inside its own outline, no class colour there
    inner = _inside(data, layout, AACHEN, pixels)
    assert len(inner) > 200
    assert _has(inner, NO_DATA) and _has(inner, NO_DATA_HATCH)
    assert not any(_has(inner, colour) for colour in data.colours)
    # a region with data is filled with its class colour, without hatch
    koeln = data.geometry.keys.index("05315")
    cls = int(data.class_index[list(data.positions).index(koeln)])
    inner = _inside(data, layout, "05315", pixels)
    assert _has(inner, data.colours[cls]) and not _has(inner, NO_DATA_HATCH, tolerance=8)
    # the legend: one entry per class with the classification's counts, „keine Daten“ last and hatched
    texts = [text for text, _, _ in layout.legend]
    assert [int(t.rsplit("(", 1)[1].rstrip(")")) for t in texts] == list(data.classes.counts)
    assert texts[-1].startswith("keine Daten") and texts[0].startswith("unter ")
    swatch = layout.legend[-1][2]
    block = pixels[int(swatch.top()) + 2:int(swatch.bottom()) - 2, int(swatch.left()) + 2:int(swatch.right()) - 2]
    assert _has(block, NO_DATA) and _has(block, NO_DATA_HATCH)
    for (_, colour, rect), _count in zip(layout.legend[:-1], data.classes.counts, strict=False):
        centre = pixels[int(rect.center().y()), int(rect.center().x())]
        assert tuple(int(v) for v in centre) == _rgb(colour)
    # title, source lines (the BKG line among them) and scale bar are drawn: dark pixels in the bottom band
    assert BKG in layout.text_dump() and data.title in layout.text_dump()
    assert layout.scale_bar_text.endswith(" km") and layout.scale_bar_text.split()[0] in {
        "1", "2", "5", "10", "20", "50", "100", "200", "500"}
    bottom = pixels[int(image.height() - 12 * layout.scale * len(layout.sources)):, :]
    assert (bottom.max(axis=-1) < 120).sum() > 500
    # one path per class (and one for „keine Daten“), not one per region
    assert layout.paths == data.classes.count + 1
    # the exported PNG is this image
    out = tmp_path / "karte.png"
    report = export_map(data, out)
    from PySide6.QtGui import QImage

    assert (_pixels(QImage(str(out))) == pixels).all()
    assert report["legend"] == texts


def test_svg_has_one_path_per_class(nrw: maps.MapData, tmp_path: Path) -> None:
    from bildungsplaner.ui.maps.render import export_map

    out = tmp_path / "karte.svg"
    export_map(nrw, out)
    root = ET.parse(out).getroot()  # valid XML
    ns = "{http://www.w3.org/2000/svg}"
    paths = list(root.iter(f"{ns}path"))
    parents = {child: parent for parent in root.iter() for child in parent}
    fills = [parents[p].get("fill") for p in paths]
    for colour in nrw.colours:
        assert fills.count(colour) == 1, colour  # the whole class in one path
    assert fills.count(NO_DATA) == 1
    # class paths + keine Daten + its hatch + the legend swatch's hatch: far fewer than the 53 regions
    assert len(paths) == nrw.classes.count + 3
    texts = "".join(t.text or "" for t in root.iter(f"{ns}text"))
    assert "keine Daten (1)" in texts and "GeoBasis-DE" in texts


def test_pdf_has_the_legend_as_text(nrw: maps.MapData, tmp_path: Path) -> None:
    import pypdf

    from bildungsplaner.ui.maps.render import export_map

    out = tmp_path / "karte.pdf"
    export_map(nrw, out)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())  # Qt writes each word apart (tabs between)
    for label, count in zip(nrw.classes.labels, nrw.classes.counts, strict=True):
        assert f"{label} ({count})" in text
    assert "Bevölkerungsstand" in text and "GeoBasis-DE / BKG (2021)" in text
    assert float(reader.pages[0].mediabox.width) == pytest.approx(180 / 25.4 * 72, abs=1)


def test_value_labels_use_the_contrasting_text_colour(nrw: maps.MapData) -> None:
    from bildungsplaner.ui.maps.render import render_image

    plain, _ = render_image(nrw, dpi=150)
    labelled, layout = render_image(nrw, dpi=150, labels=True)
    a, b = _pixels(plain), _pixels(labelled)
    inner = _inside(nrw, layout, "05315", b, inset=0)  # Köln is in the darkest class: white text
    assert _has(inner, "#ffffff", tolerance=10)
    assert (a != b).any(axis=-1).sum() > 1000


def test_nice_scale_bar_lengths() -> None:
    from bildungsplaner.ui.maps.render import nice_distance

    assert nice_distance(73_000) == 50_000
    assert nice_distance(19_999) == 10_000
    assert nice_distance(2_100) == 2_000
    assert nice_distance(700) == 500
    assert nice_distance(100_000) == 100_000


def test_command_line_draws_with_the_real_renderer(kreise: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from bildungsplaner.__main__ import main

    out = tmp_path / "nrw.pdf"
    assert main(["map", "export", "--indicator", POPULATION, "--within", "05", "--out", str(out),
                 "--workspace", str(kreise)]) == 0
    printed = capsys.readouterr().out
    assert f"Karte geschrieben: {out} (53 Gebiete, davon 1 ohne Daten)" in printed
    assert out.read_bytes().startswith(b"%PDF")


# --- the map view ----------------------------------------------------------------------------------------------

def test_map_view_zoom_pan_hover_click(qtbot, nrw: maps.MapData) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt

    from bildungsplaner.ui.maps.widget import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_map(nrw)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # draws once
    layout = view.layout_info()
    assert layout is not None and [t for t, _, _ in layout.legend][-1] == "keine Daten (1)"
    whole = view.visible_world()
    # the Kölner Dom: hover text and click
    px, py = layout.to_device(356_590, 5_645_340)
    point = QPoint(int(px), int(py))
    found = view.region_under(QPointF(point))
    assert found is not None and nrw.geometry.keys[found] == "05315"
    assert view.tooltip_text(found) == "Köln, Kreisfreie Stadt\n1.060.582"
    with qtbot.waitSignal(view.region_clicked, timeout=1000) as signal:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["05315"]
    # keyboard: + zooms in (a smaller world), an arrow pans, 0 resets
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    view.grab()
    zoomed = view.visible_world()
    assert (zoomed[2] - zoomed[0]) == pytest.approx((whole[2] - whole[0]) / 1.25, rel=1e-6)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    view.grab()
    moved = view.visible_world()
    assert moved[0] > zoomed[0] and moved[1] == pytest.approx(zoomed[1])
    qtbot.keyClick(view, Qt.Key.Key_0)
    view.grab()
    assert view.visible_world() == pytest.approx(whole)
    # the wheel zooms around the mouse: the world point under it stays under it
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    before = view.layout_info().to_world(px, py)
    event = QWheelEvent(QPointF(px, py), QPointF(view.mapToGlobal(point)), P(0, 0), P(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(event)
    view.grab()
    after = view.layout_info().to_world(px, py)
    assert after == pytest.approx(before, abs=50)
    assert view.layout_info().pixels_per_metre == pytest.approx(layout.pixels_per_metre * 1.25 ** 2, rel=1e-6)
    # dragging pans and is no click
    view.reset_view()
    view.grab()
    start = view.visible_world()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseMove(view, point + QPoint(60, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point + QPoint(60, 0))
    view.grab()
    assert view.visible_world()[0] < start[0]
    # another period of the same map keeps zoom and pan; a new map starts whole
    view.zoom(2.0)
    view.grab()
    kept = view.visible_world()
    view.show_map(nrw.for_period("2015-12-31"), keep_view=True)
    view.grab()
    assert view.visible_world() == pytest.approx(kept)
    view.show_map(nrw)
    view.grab()
    assert view.visible_world() == pytest.approx(whole)
    aachen = nrw.geometry.keys.index(AACHEN)
    assert view.tooltip_text(aachen).endswith("\nkeine Daten")
    view.show_map(None)
    assert view.grab() is not None and view.layout_info() is None


def test_svg_without_qtsvg_is_refused_with_a_message(nrw: maps.MapData, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from bildungsplaner import UserInputError
    from bildungsplaner.ui.maps.render import export_map

    monkeypatch.setitem(sys.modules, "PySide6.QtSvg", None)  # a build without Qt's SVG module
    with pytest.raises(UserInputError, match="QtSvg fehlt"):
        export_map(nrw, tmp_path / "karte.svg")
    assert not (tmp_path / "karte.svg").exists()
