"""Facilities on the map (issue 13 point 3 and 5): two kinds imported through a template with coordinates (no
region column) onto the real BKG Kreise and the GENESIS population table; NRW drawn with both kinds — a dark
symbol at each facility's position (by the layout's world→pixel transform), one shape per kind, the legend block
„Einrichtungen“ with each kind's count, the symbols as paths in the SVG, hover names the facility, a period change
keeps them, and ``map export --facilities … --json`` counts them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyproj
import pytest
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services import maps
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import open_workspace

POPULATION = "BEVOELKERUNGSSTAND"
TO_UTM = pyproj.Transformer.from_crs(4326, 25832, always_xy=True)
#: (key, name, lon, lat); München lies outside NRW's extent, the last has no coordinates
SCHOOLS = [("100", "GGS Domplatz", "6,9583", "50,9413"), ("200", "Grundschule am Hbf", "7,4592", "51,5178"),
           ("300", "Lambertischule", "7,6261", "51,9625"), ("900", "Marienschule", "11,5755", "48,1374"),
           ("950", "ohne Lage", "", "")]
KITAS = [("K1", "Kita Sparrenburg", "8,5325", "52,0302"), ("K2", "Kita Gruga", "7,0045", "51,4290")]
TEMPLATE = """
format = 1
name = "{kind} mit Lage"
target = "facilities"
[facilities]
key = "Nummer"
name = "Name"
fixed_kind = "{kind}"
phase = "{phase}"
x = "Länge"
y = "Breite"
crs = "EPSG:4326"
"""


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path.write_text("\n".join(["Nummer;Name;Länge;Breite", *(";".join(r) for r in rows)]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mapfac")
    path = folder / "kreise.bpws"
    with open_workspace(path) as ws:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"), all_regions=True)
        import_boundaries(ws, real_file("geo/kreise/VG5000_KRS.shp"))
        import_file(ws, _write(folder / "schulen.csv", SCHOOLS),
                    template=ImportTemplate.loads(TEMPLATE.format(kind="Grundschule", phase="Schule")))
        import_file(ws, _write(folder / "kitas.csv", KITAS),
                    template=ImportTemplate.loads(TEMPLATE.format(kind="Kita", phase="frühkindliche Bildung")))
    return path


@pytest.fixture(scope="module")
def nrw(workspace: Path) -> maps.MapData:
    with open_workspace(workspace, create=False) as ws:
        return maps.map_data(ws, POPULATION, within="05", facilities=["Grundschule", "Kita"])


def _utm(lon: str, lat: str) -> tuple[float, float]:
    return TO_UTM.transform(float(lon.replace(",", ".")), float(lat.replace(",", ".")))


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, line = rgb.width(), rgb.height(), rgb.bytesPerLine()
    raw = np.frombuffer(rgb.constBits(), np.uint8, count=h * line).reshape(h, line)
    return raw[:, :w * 3].reshape(h, w, 3).copy()


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_map_data_takes_the_facilities_of_the_kinds_inside_the_map(workspace: Path, nrw: maps.MapData) -> None:
    assert nrw.facility_counts() == {"Grundschule": 3, "Kita": 2}  # not München, not the one without coordinates
    assert {f.key for f in nrw.facilities} == {"100", "200", "300", "K1", "K2"}
    dom = next(f for f in nrw.facilities if f.key == "100")
    assert (dom.x, dom.y) == pytest.approx(_utm("6,9583", "50,9413"), abs=1)
    assert (dom.name, dom.kind) == ("GGS Domplatz", "Grundschule")
    # a period change carries them along; no kinds: none
    other = nrw.for_period(nrw.periods[0])
    assert other.facilities == nrw.facilities and other.facility_kinds == ("Grundschule", "Kita")
    with open_workspace(workspace, create=False) as ws:
        assert maps.map_data(ws, POPULATION, within="05").facilities == ()
        assert maps.facility_kinds(ws) == [("Grundschule", 4), ("Kita", 2)]
        with pytest.raises(UserInputError, match="Einrichtungen der Art „Hort“ gibt es im Arbeitsbereich nicht"):
            maps.map_data(ws, POPULATION, within="05", facilities=["Hort"])
    assert nrw.to_dict()["facilities"] == {"Grundschule": 3, "Kita": 2}


def test_png_shows_a_symbol_at_each_facility_and_the_legend_block(nrw: maps.MapData) -> None:
    from bildungsplaner.ui.maps.render import FACILITY_FILL, SYMBOLS, render_image

    image, layout = render_image(nrw)
    image.save("/tmp/mapfac/nrw_facilities.png")
    pixels = _pixels(image)
    dark = np.array(_rgb(FACILITY_FILL))
    for facility in nrw.facilities:
        px, py = layout.to_device(facility.x, facility.y)
        centre = pixels[int(py), int(px)]
        assert np.abs(centre.astype(int) - dark).max() <= 6, facility.name
        # the white outline around it: a white pixel within the symbol's reach but not at the centre
        around = pixels[int(py) - 25:int(py) + 26, int(px) - 25:int(px) + 26]
        assert (around.min(axis=-1) > 245).any()
    # without facilities those pixels are class colours, not the dark fill
    from dataclasses import replace

    plain, plain_layout = render_image(replace(nrw, facilities=(), facility_kinds=()))
    bare = _pixels(plain)
    for facility in nrw.facilities:
        px, py = plain_layout.to_device(facility.x, facility.y)
        assert np.abs(bare[int(py), int(px)].astype(int) - dark).max() > 40
    # the legend: „Einrichtungen“, both kinds with counts and their own shapes, each symbol drawn dark
    assert layout.facility_heading == "Einrichtungen"
    assert [(t, s) for t, s, _ in layout.facility_legend] == [("Grundschule (3)", SYMBOLS[0]),
                                                               ("Kita (2)", SYMBOLS[1])]
    for _text, _shape, rect in layout.facility_legend:
        centre = pixels[int(rect.center().y()), int(rect.center().x())]
        assert np.abs(centre.astype(int) - dark).max() <= 6
        assert rect.left() > layout.map_rect.right()
    assert layout.facility_symbols == 5
    assert "Kita (2)" in layout.text_dump()


def test_svg_has_the_symbols_as_paths(nrw: maps.MapData, tmp_path: Path) -> None:
    from bildungsplaner.ui.maps.render import FACILITY_FILL, export_map

    out = tmp_path / "karte.svg"
    report = export_map(nrw, out)
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    parents = {child: parent for parent in root.iter() for child in parent}
    symbols = [p for p in root.iter(f"{ns}path") if parents[p].get("fill") == FACILITY_FILL]
    assert len(symbols) == 4  # one path per kind on the map, one symbol per kind in the legend
    texts = "".join(t.text or "" for t in root.iter(f"{ns}text"))
    assert "Einrichtungen" in texts and "Grundschule (3)" in texts and "Kita (2)" in texts
    assert report["facilities"] == ["Grundschule (3)", "Kita (2)"]


def test_pdf_has_the_facility_legend(nrw: maps.MapData, tmp_path: Path) -> None:
    import pypdf

    from bildungsplaner.ui.maps.render import export_map

    out = tmp_path / "karte.pdf"
    export_map(nrw, out)
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Einrichtungen" in text and "Grundschule (3)" in text and "Kita (2)" in text


def test_hover_over_a_symbol_names_the_facility(qtbot, nrw: maps.MapData) -> None:
    from PySide6.QtCore import QPointF

    from bildungsplaner.ui.maps.widget import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_map(nrw)
    view.grab()
    layout = view.layout_info()
    assert layout is not None
    kita = next(f for f in nrw.facilities if f.key == "K2")
    px, py = layout.to_device(kita.x, kita.y)
    found = view.facility_under(QPointF(float(px) + 1, float(py)))
    assert found == kita and view.facility_tooltip(found) == "Kita Gruga\nKita"
    assert view.facility_under(QPointF(float(px) + 40, float(py))) is None


def test_command_line_counts_the_facilities(workspace: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from bildungsplaner.__main__ import main

    out = tmp_path / "nrw.png"
    assert main(["map", "export", "--indicator", POPULATION, "--within", "05", "--facilities", "Grundschule",
                 "Kita", "--out", str(out), "--json", "--workspace", str(workspace)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["facilities"] == {"Grundschule": 3, "Kita": 2}
    assert report["drawn"]["facilities"] == ["Grundschule (3)", "Kita (2)"]
    assert out.read_bytes().startswith(b"\x89PNG")
    assert main(["map", "export", "--indicator", POPULATION, "--within", "05", "--facilities", "Kita",
                 "--out", str(tmp_path / "k.pdf"), "--workspace", str(workspace)]) == 0
    assert "Einrichtungen „Kita“: 2" in capsys.readouterr().out


def test_the_daten_tab_offers_the_kinds_and_draws_the_ones_checked(qtbot, workspace: Path) -> None:
    from bildungsplaner.settings import Settings
    from bildungsplaner.store.database import open_workspace as open_store
    from bildungsplaner.ui.main_window import MainWindow

    ws = open_store(workspace, create=False)
    window = MainWindow(ws, owns_workspace=True, settings=Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    ids = {r.key: r.id for r in window.browser.region_index.rows}
    window.regions.select_regions([ids["05315"], ids["05913"]])
    indicator = next(i for i in window.indicators.model.rows if i.code == POPULATION)
    window.indicators.select_indicator(indicator.id)
    browser = window.browser
    browser.reload()
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=5000)
    browser.views.setCurrentWidget(browser.map)
    panel = browser.map
    qtbot.waitUntil(lambda: panel.data is not None, timeout=10000)
    first = panel.data
    assert first is not None and first.facilities == ()
    assert [a.text() for a in panel.facility_menu.actions()] == ["Grundschule (4)", "Kita (2)"]
    assert panel.facilities.text() == "Einrichtungen: keine"
    panel.check_facility_kind("Kita")
    qtbot.waitUntil(lambda: panel.data is not first, timeout=10000)
    assert panel.data is not None and panel.data.facility_counts() == {"Kita": 2}
    assert panel.facilities.text() == "Einrichtungen: Kita"
    # holding the classes goes the period-change way (MapData.for_period, no new reading): they stay
    with_kita = panel.data
    panel.fixed.setChecked(True)
    assert panel.data is not with_kita and panel.data.facility_counts() == {"Kita": 2}
    panel.view.resize(900, 600)
    assert not panel.view.grab().isNull()
    assert panel.view.layout_info() is not None and panel.view.layout_info().facility_symbols == 2
