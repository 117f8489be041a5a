"""Map sheets in the workbooks (issue 13, point 5): a PNG embedded without Pillow (``exporting/images.py``) that
Excel's format carries (``xl/media``, a drawing relation) and LibreOffice prints; the Kennzahlen-Tabelle of Köln
with the real GENESIS tables, the BKG Kreise and the real Qt map renderer has a „Karte“ sheet per Kennzahl whose
picture shows the palette's class colours, none without a renderer, and the command line passes the renderer."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from realdata import real_file

from bildungsplaner.exporting.images import add_png, png_size
from bildungsplaner.services.indicator_table import export_indicator_table

FILES = ("genesis_22543-01-02-4_00.csv", "genesis_12411-04-02-4_00.csv")
CODES = ["BQ_U3", "BQ_3_6"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
BKG = "© GeoBasis-DE / BKG (2021)"


@pytest.fixture(autouse=True)
def no_pillow(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not reach Pillow (the bundle has none): its own Image would fail here."""
    import openpyxl.drawing.image as image_module

    monkeypatch.setattr(image_module, "PILImage", False)


@pytest.fixture(scope="module")
def app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _png(app: object, colours: list[str], size: tuple[int, int] = (120, 60)) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    step = size[0] // len(colours)
    for i, colour in enumerate(colours):
        painter.fillRect(i * step, 0, step, size[1], QColor(colour))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _pixels(app: object, data: bytes) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage.fromData(data).convertToFormat(QImage.Format.Format_RGB888)
    w, h, line = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), np.uint8, count=h * line).reshape(h, line)
    return raw[:, :w * 3].reshape(h, w, 3).copy()


def _has(pixels: np.ndarray, colour: str) -> bool:
    rgb = (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    return bool((np.abs(pixels.astype(int) - rgb).max(axis=-1) <= 2).any())


def convert_to_pdf(path: Path, out: Path) -> Path:
    assert SOFFICE is not None
    out.mkdir(exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=240)
    return out / (path.stem + ".pdf")


def _pages_with_images(pdf: Path) -> list[int]:
    """The pages that paint an image XObject (LibreOffice shares one resource dictionary among all pages, so the
    page's content stream must draw it: ``/ImN Do``)."""
    from pypdf import PdfReader

    found = []
    for n, page in enumerate(PdfReader(pdf).pages):
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            continue
        images = {str(name).encode() for name, x in xobjects.get_object().items()
                  if x.get_object().get("/Subtype") == "/Image"}
        drawn = {b"/" + m for m in re.findall(rb"/(\w+)\s+Do\b", page.get_contents().get_data())}
        if images & drawn:
            found.append(n)
    return found


# --- the PNG without Pillow -----------------------------------------------------------------------------------

def test_png_size_from_ihdr_and_refusal(app: object) -> None:
    assert png_size(_png(app, ["#ff0000"], (321, 123))) == (321, 123)
    with pytest.raises(ValueError):
        png_size(b"GIF89a" + b"\0" * 30)


def test_png_lands_in_the_workbook_with_its_bytes(app: object, tmp_path: Path) -> None:
    data = _png(app, ["#08519c", "#fd8d3c"], (200, 100))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    image = add_png(sheet, data, "B3", width=400)
    assert (image.width, image.height) == (400, 200)
    path = tmp_path / "bild.xlsx"
    workbook.save(path)
    with zipfile.ZipFile(path) as z:
        assert z.read("xl/media/image1.png") == data
        rels = z.read("xl/drawings/_rels/drawing1.xml.rels").decode()
        assert "relationships/image" in rels and "media/image1.png" in rels
        assert "drawing1.xml" in z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        assert re.search(r"<(\w+:)?col>1</(\w+:)?col>", drawing)  # B3, zero-based
        assert re.search(r"<(\w+:)?row>2</(\w+:)?row>", drawing)
        assert f'cx="{400 * 9525}"' in drawing and f'cy="{200 * 9525}"' in drawing  # EMU of 400 × 200 px
        assert 'image/png' in z.read("[Content_Types].xml").decode()
    again = openpyxl.load_workbook(path)
    assert again.active is not None


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_embedded_png(app: object, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Karte"
    add_png(sheet, _png(app, ["#08519c", "#fd8d3c"], (200, 100)), "A2")
    path = tmp_path / "bild.xlsx"
    workbook.save(path)
    pdf = convert_to_pdf(path, tmp_path / "out")
    assert _pages_with_images(pdf) == [0]


# --- the Kennzahlen-Tabelle with maps -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Day care and population for all of Germany, the BKG Kreise, home region Köln (read only!)."""
    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.services.home import set_home_region
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    ws = open_workspace(Path(tmp_path_factory.mktemp("kennzahlen_karte")) / "real.bpws")
    for name in FILES:
        import_file(ws, real_file(name), all_regions=True)
    import_boundaries(ws, real_file("geo/kreise/VG5000_KRS.shp"))
    set_home_region(ws, "05315")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def with_maps(real_ws, app: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bildungsplaner.ui.maps.render import export_map

    return export_indicator_table(real_ws, CODES, tmp_path_factory.mktemp("out") / "koeln.xlsx",
                                  map_renderer=export_map)


def test_a_map_sheet_per_kennzahl_with_the_class_colours(real_ws, with_maps: Path, app: object) -> None:
    from bildungsplaner.services.maps import map_data

    workbook = openpyxl.load_workbook(with_maps)
    assert workbook.sheetnames == ["Übersicht", "BQ_U3", "Karte BQ_U3", "BQ_3_6", "Karte BQ_3_6", "Methodik"]
    with zipfile.ZipFile(with_maps) as z:
        media = sorted(n for n in z.namelist() if n.startswith("xl/media/"))
        assert media == ["xl/media/image1.png", "xl/media/image2.png"]
        pngs = [z.read(name) for name in media]  # in the order of the sheets
    for code, png in zip(CODES, pngs, strict=True):
        sheet = workbook[f"Karte {code}"]
        texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert texts[0].startswith("Karte: ")
        assert texts[1].startswith("Kreise in Nordrhein-Westfalen, ")
        assert any(BKG in t for t in texts), texts  # the boundaries' licence line under the map
        assert any("22543" in t for t in texts), texts  # the values' source table
        data = map_data(real_ws, code, level="kreis", within="05")
        assert len(data.positions) == 53
        drawn = _pixels(app, png)
        assert drawn.shape[1] > 1500  # the 300 dpi PNG, shown smaller on the sheet
        for colour in data.colours:
            assert _has(drawn, colour), (code, colour)


def test_without_a_renderer_no_map_sheet(real_ws, tmp_path: Path) -> None:
    path = export_indicator_table(real_ws, CODES, tmp_path / "ohne.xlsx")
    assert not any(name.startswith("Karte") for name in openpyxl.load_workbook(path).sheetnames)
    with zipfile.ZipFile(path) as z:
        assert not any(n.startswith("xl/media/") for n in z.namelist())


def test_the_command_line_passes_the_renderer(real_ws, app: object, tmp_path: Path) -> None:
    from bildungsplaner.__main__ import main

    out = tmp_path / "cli.xlsx"
    assert main(["indicator", "export", "BQ_U3", "--out", str(out), "--workspace", str(real_ws.path)]) == 0
    assert "Karte BQ_U3" in openpyxl.load_workbook(out).sheetnames


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_map_sheet(with_maps: Path, tmp_path: Path) -> None:
    pdf = convert_to_pdf(with_maps, tmp_path / "out")
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    with_image = _pages_with_images(pdf)
    assert len(with_image) == 2  # each map sheet's page carries the picture, the others none
    for n in with_image:
        text = pages[n].extract_text()
        assert text.startswith("Karte: Betreuungsquote"), text[:80]
        assert BKG in text
    keep = os.environ.get("BILDUNGSPLANER_KEEP_MAP_PDF")
    if keep:
        shutil.copy(pdf, keep)


def test_with_a_renderer_but_no_boundaries_no_map_sheet_and_no_error(tmp_path: Path) -> None:
    from bildungsplaner.services.home import set_home_region
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    calls: list[object] = []

    def renderer(data: object, out: Path, *, labels: bool = False) -> dict[str, object]:
        calls.append(data)
        raise AssertionError("no boundaries: nothing to draw")

    ws = open_workspace(tmp_path / "ohne_grenzen.bpws")
    try:
        for name in FILES:
            import_file(ws, real_file(name), all_regions=True)
        set_home_region(ws, "05315")
        path = export_indicator_table(ws, ["BQ_U3"], tmp_path / "ohne_grenzen.xlsx", map_renderer=renderer)
    finally:
        ws.close()
    assert calls == []
    assert openpyxl.load_workbook(path).sheetnames == ["Übersicht", "BQ_U3", "Methodik"]


# --- the council workbook with maps ---------------------------------------------------------------------------

PLANNING = Path(__file__).resolve().parents[1] / "planning"


@pytest.fixture
def demo_with_boundaries(demo_file: Path, tmp_path: Path) -> Path:
    """The demo workspace with a boundary layer of its 12 Gemeinden: 5 km squares in EPSG:25832 (in NRW)."""
    import json

    from bildungsplaner.demo.geography import gemeinde_key
    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.store.database import open_workspace

    features = []
    for i in range(12):
        x, y = 350_000 + (i % 4) * 5000, 5_650_000 + (i // 4) * 5000
        ring = [[x, y], [x + 5000, y], [x + 5000, y + 5000], [x, y + 5000], [x, y]]
        features.append({"type": "Feature", "properties": {"AGS": gemeinde_key(i), "GEN": f"Gemeinde {i + 1}"},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    path = tmp_path / "gemeinden.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features,
                                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}}),
                    encoding="utf-8")
    with open_workspace(demo_file) as ws:
        report = import_boundaries(ws, path, level="gemeinde", source="Grenzen: Testdaten (2024)")
        assert report.matched == 12
    return demo_file


def test_council_workbook_of_a_demand_scenario_has_a_map_per_line(demo_with_boundaries: Path, app: object,
                                                                   tmp_path: Path) -> None:
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.scenario_export import export_scenario
    from bildungsplaner.services.scenario_maps import region_values_map
    from bildungsplaner.store.database import open_workspace
    from bildungsplaner.ui.maps.render import export_map

    spec = scenario_files.load(PLANNING / "demand_demo.toml")
    with open_workspace(demo_with_boundaries) as ws:
        out = export_scenario(ws, spec, tmp_path / "bedarf.xlsx", map_renderer=export_map)
        plain = export_scenario(ws, spec, tmp_path / "ohne.xlsx")
        hidden = export_scenario(ws, spec, tmp_path / "geheim.xlsx", map_renderer=export_map, suppress_below=3)
        from bildungsplaner.services.planning import run_scenario

        result = run_scenario(ws, spec)
        rows = result.rows
        last = rows[(rows["line"] == "U3") & (rows["year"] == rows["year"].max())]
        expected = region_values_map(ws, dict(zip(last["region_key"], last["gap"], strict=True)), title="U3",
                                     unit="Plätze", period="2030")
    assert expected is not None and len(expected.positions) == 12
    names = openpyxl.load_workbook(out).sheetnames
    assert names[-3:] == ["Karte 1", "Karte 2", "Methodik"]
    sheet = openpyxl.load_workbook(out)["Karte 1"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert texts[0] == "Karte: Platzbilanz U3"
    assert texts[1].startswith("Plätze − Bedarf 2030")
    assert "Grenzen: Testdaten (2024)" in " ".join(texts)
    with zipfile.ZipFile(out) as z:
        png = z.read("xl/media/image1.png")
    drawn = _pixels(app, png)
    for colour in expected.colours:
        assert _has(drawn, colour), colour
    for path in (plain, hidden):  # without a renderer; with disclosure control
        assert not any(n.startswith("Karte") for n in openpyxl.load_workbook(path).sheetnames)


def test_the_export_command_passes_the_renderer(demo_with_boundaries: Path, app: object, tmp_path: Path) -> None:
    from bildungsplaner.__main__ import main

    out = tmp_path / "cli.xlsx"
    assert main(["export", str(PLANNING / "demand_demo.toml"), "--out", str(out), "--workspace",
                 str(demo_with_boundaries)]) == 0
    assert "Karte 1" in openpyxl.load_workbook(out).sheetnames


def test_the_window_export_passes_the_renderer(demo_with_boundaries: Path, app: object, tmp_path: Path) -> None:
    """The Export area's task (``ui/exporting/panel.run_export``) draws the maps with the Qt renderer: the demand
    scenario by its lines, the allocation by its schools' Sozialräume (the demo's own invented boundaries)."""
    from bildungsplaner.store.database import open_workspace
    from bildungsplaner.ui.exporting.panel import run_export

    with open_workspace(demo_with_boundaries) as ws:
        demand = run_export(ws, "Kita- und Ganztagsbedarf 2025-2030", tmp_path / "bedarf.xlsx", compare=None,
                            format="xlsx", suppress_below=None)
        allocation = run_export(ws, "Schulsozialarbeit Grundschulen 2027", tmp_path / "verteilung.xlsx",
                                compare=None, format="xlsx", suppress_below=None)
    assert [n for n in openpyxl.load_workbook(demand).sheetnames if n.startswith("Karte")] == ["Karte 1", "Karte 2"]
    assert [n for n in openpyxl.load_workbook(allocation).sheetnames if n.startswith("Karte")] == ["Karte"]


def test_allocation_map_of_the_amount_per_region(demo_file: Path, app: object, tmp_path: Path) -> None:
    """With boundaries of the demo's Sozialräume the allocation's amounts, added up per Sozialraum, are a map."""
    import json

    from sqlalchemy import select

    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.services.planning import run_scenario
    from bildungsplaner.services.scenario_maps import region_values_map
    from bildungsplaner.services.scenarios import get_scenario
    from bildungsplaner.store.database import open_workspace
    from bildungsplaner.store.models import Region
    from bildungsplaner.ui.exporting.panel import run_export

    name = "Schulsozialarbeit Grundschulen 2027"
    with open_workspace(demo_file) as ws:
        with ws.session() as s:
            keys = sorted(s.scalars(select(Region.key).where(Region.level == "sozialraum")))
        features = []
        for i, key in enumerate(keys):
            x, y = 350_000 + (i % 8) * 2000, 5_650_000 + (i // 8) * 2000
            ring = [[x, y], [x + 2000, y], [x + 2000, y + 2000], [x, y + 2000], [x, y]]
            features.append({"type": "Feature", "properties": {"ID": key, "NAME": key},
                             "geometry": {"type": "Polygon", "coordinates": [ring]}})
        path = tmp_path / "sozialraeume.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features, "crs": {
            "type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}}), encoding="utf-8")
        import_boundaries(ws, path, level="sozialraum", key_field="ID", name_field="NAME")
        rows = run_scenario(ws, get_scenario(ws, name).spec).rows
        amounts = rows.groupby("region_key")["amount"].sum()
        expected = region_values_map(ws, {str(k): float(v) for k, v in amounts.items()}, title=name, unit="")
        out = run_export(ws, name, tmp_path / "verteilung.xlsx", compare=None, format="xlsx", suppress_below=None)
    assert expected is not None and len(expected.positions) == len(amounts)
    sheet = openpyxl.load_workbook(out)["Karte"]
    assert str(sheet["A2"].value) == "Verteilter Betrag je Gebiet"
    with zipfile.ZipFile(out) as z:
        drawn = _pixels(app, z.read("xl/media/image1.png"))
    for colour in expected.colours:
        assert _has(drawn, colour), colour
