"""A Bildungsbericht on real data: the NRW Kreise from ../shared/real-data (GENESIS tables for BQ_U3, BQ_3_6,
JUGENDQUOTIENT, AUSLAENDERANTEIL, ABG_OHNE_HSA and the BKG Kreise), for the Kreis Unna against NRW and
Deutschland — its tables equal ``indicator compute``, its sentences' numbers stand in them, the map is a Kreise
map of NRW; built through ``build`` with the window's renderers it is a Word file with real headings, captions,
images and the computed values, a PDF and an xlsx with the same numbers, and LibreOffice converts it."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from realdata import real_file

from bildungsplaner.reporting.document import ChartFigure, MapFigure, ReportDocument
from bildungsplaner.reporting.spec import parse_report

from .sentence_check import check_module

FILES = ("genesis_22543-01-02-4_00.csv", "genesis_12411-04-02-4_00.csv", "genesis_12411-03-03-4_00.csv",
         "genesis_21111-02-06-4_00.csv")
CODES = ("BQ_U3", "BQ_3_6", "JUGENDQUOTIENT", "AUSLAENDERANTEIL", "ABG_OHNE_HSA")
UNNA = "05978"

REPORT = '''format = 1
kind = "report"
title = "Bildungsbericht Kreis Unna"
region = "05978"
compare = ["05", "DG"]

[[chapter]]
title = "A Rahmenbedingungen"

[[chapter.module]]
indicator = "JUGENDQUOTIENT"

[[chapter.module]]
indicator = "AUSLAENDERANTEIL"
chart = "map"
level = "kreis"

[[chapter]]
title = "C Frühkindliche Bildung"

[[chapter.module]]
indicator = "BQ_U3"
chart = "timeseries"
table = true
text = "auto"

[[chapter.module]]
indicator = "BQ_3_6"
chart = "subregions"
level = "kreis"

[[chapter]]
title = "D Allgemeinbildende Schulen"

[[chapter.module]]
indicator = "ABG_OHNE_HSA"
note = "Anmerkung des Bildungsbüros."
'''


@pytest.fixture(scope="module")
def real_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    paths = [real_file(name) for name in FILES]
    shapes = real_file("geo/kreise/VG5000_KRS.shp")
    ws = open_workspace(Path(tmp_path_factory.mktemp("bericht")) / "real.bpws")
    for path in paths:
        import_file(ws, path, all_regions=True)
    import_boundaries(ws, shapes)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def document(real_workspace) -> ReportDocument:
    from bildungsplaner.services.reports import build_document

    return build_document(real_workspace, parse_report(REPORT))


def test_the_real_report_builds_with_every_module(document):
    assert document.region_name == "Kreis Unna"
    assert document.compare == [("05", "Nordrhein-Westfalen"), ("DG", "Deutschland")]
    modules = list(document.modules())
    assert [m.key for m in modules] == ["JUGENDQUOTIENT", "AUSLAENDERANTEIL", "BQ_U3", "BQ_3_6", "ABG_OHNE_HSA"]
    for module in modules:
        assert not [w for w in module.warnings if w.startswith("Quelle fehlt")], module.warnings
        assert module.tables() and module.blocks
    maps = [f for f in document.figures() if isinstance(f, MapFigure)]
    assert len(maps) == 1 and maps[0].data.geometry.level == "kreis"
    assert len(maps[0].data.positions) >= 53  # the Kreise of NRW
    bars = [f for f in document.figures() if isinstance(f, ChartFigure) and f.kind == "bar"]
    assert len(bars) == 1 and len(bars[0].categories) == 53 and bars[0].reference[0] == "Nordrhein-Westfalen"
    assert len(document.highlights) == 5


def test_the_tables_equal_indicator_compute(real_workspace, document):
    from bildungsplaner.indicators.compute import period_year
    from bildungsplaner.services import indicators

    checked = 0
    for module in document.modules():
        table = module.tables()[0]
        result = indicators.compute(real_workspace, module.key)
        by_key = {(r.region_key, period_year(r.period)): r.value for r in result.rows}
        years = [c for c in table.frame.columns if str(c).isdigit()]
        assert 1 <= len(years) <= 5
        for key, label in ((UNNA, "Kreis Unna"), ("05", "Nordrhein-Westfalen"), ("DG", "Deutschland")):
            rows = table.frame[table.frame["Gebiet"] == label]
            if rows.empty:
                continue
            for year in years:
                shown, computed = rows[year].iloc[0], by_key.get((key, int(year)))
                if computed is None:
                    assert math.isnan(shown)
                else:
                    assert shown == pytest.approx(computed, rel=1e-12)
                    checked += 1
    assert checked >= 15  # the real tables hold one or two years per Kennzahl


def test_every_number_in_the_generated_sentences_stands_in_the_tables(document):
    assert sum(check_module(m) for m in document.modules()) >= 60
    bq = next(m for m in document.modules() if m.key == "BQ_U3")
    text = bq.blocks[0].text
    assert "im Kreis Unna" in text and "Prozentpunkte" in text and "Nordrhein-Westfalen" in text
    assert "Deutschland" in text and "Unter den 53 Kreisen und kreisfreien Städten in Nordrhein-Westfalen" in text
    rank = bq.tables()[-1]
    assert len(rank.frame) == 53 and "Kreis Unna" in set(rank.frame["Gebiet"])


def test_the_highlights_quote_their_modules_tables(document):
    from .sentence_check import check_sentence

    for sentence in document.highlights:
        module = next(m for m in document.modules() if m.title and sentence.text.startswith(m.title + ":"))
        check_sentence(sentence, module.tables())


@pytest.fixture(scope="module")
def written(real_workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real report built through ``build`` with the window's renderers, as DOCX, PDF and xlsx."""
    from bildungsplaner.services.reports import build
    from bildungsplaner.ui.common.pdf import render_html_to_pdf
    from bildungsplaner.ui.report.figures import render_figure

    folder = Path(tmp_path_factory.mktemp("bericht-dateien"))
    files = {}
    for suffix in ("docx", "pdf", "xlsx"):
        out = folder / f"unna.{suffix}"
        summary = build(real_workspace, parse_report(REPORT), out, figure_renderer=render_figure,
                        pdf_renderer=render_html_to_pdf)
        assert summary.to_json()["modules_built"] == 5
        files[suffix] = out
    return files


def _bq_u3_rows(real_workspace) -> dict[str, list[str]]:
    """The BQ_U3 values of Unna, NRW and Germany as ``indicator compute`` gives them, formatted as printed."""
    from bildungsplaner.formatting import format_number
    from bildungsplaner.indicators.compute import period_year
    from bildungsplaner.services import indicators

    result = indicators.compute(real_workspace, "BQ_U3")
    rows: dict[str, list[str]] = {}
    for key, label in ((UNNA, "Kreis Unna"), ("05", "Nordrhein-Westfalen"), ("DG", "Deutschland")):
        values = sorted((period_year(r.period), r.value) for r in result.rows if r.region_key == key
                        and r.value is not None)
        rows[label] = [format_number(v, 1) for _, v in values]
    return rows


def test_the_real_report_as_word_has_headings_captions_images_and_the_computed_values(real_workspace, written):
    import docx

    document = docx.Document(str(written["docx"]))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "C Frühkindliche Bildung") in headings
    assert any(style == "Heading 2" and "unter 3" in text for style, text in headings)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("Abbildung 1:") for c in captions) and any(c.startswith("Tabelle 1:") for c in captions)
    assert len(document.inline_shapes) == len(written_figures(real_workspace))
    # the BQ_U3 time-series table holds the values of ``indicator compute``, in German format
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    for label, values in _bq_u3_rows(real_workspace).items():
        assert any(row[0] == label and row[1:1 + len(values)] == values for row in rows), (label, values)


def written_figures(real_workspace) -> list:
    from bildungsplaner.services.reports import build_document

    return build_document(real_workspace, parse_report(REPORT)).figures()


def test_the_real_report_as_pdf_and_xlsx_holds_the_same_numbers(real_workspace, written):
    import openpyxl
    import pypdf

    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(written["pdf"]).pages)
    assert "Bildungsbericht Kreis Unna" in text and "Abbildung 1:" in text and "Tabelle 1:" in text
    book = openpyxl.load_workbook(written["xlsx"])
    numbers = {round(c.value, 6) for ws in book.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, float)}
    for label, values in _bq_u3_rows(real_workspace).items():
        assert " ".join(values) in text or all(v in text for v in values), label
    from bildungsplaner.services import indicators

    unna = [r.value for r in indicators.compute(real_workspace, "BQ_U3").rows
            if r.region_key == UNNA and r.value is not None]
    assert unna and all(round(v, 6) in numbers for v in unna)  # unrounded in the annex


@pytest.mark.slow
def test_libreoffice_converts_the_real_report_without_error(written, tmp_path: Path):
    from .test_libreoffice_docx import SOFFICE, to_pdf

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    import pypdf

    pdf = to_pdf(written["docx"], tmp_path)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)
    assert "Bildungsbericht Kreis Unna" in text and "C Frühkindliche Bildung" in text and "Abbildung 1:" in text
