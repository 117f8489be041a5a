"""The report as HTML (reporting/html.py) and as PDF through ui/common/pdf.render_html_to_pdf with its figures:
the same captions and cells as the DOCX, A4 portrait, the images embedded at full resolution."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from bildungsplaner.reporting.html import module_html, report_html
from bildungsplaner.reporting.numbering import format_table, number_document

from .test_libreoffice_docx import drawn_images

#: pypdf reads Qt's ligatures as single characters
LIGATURES = str.maketrans({"ﬂ": "fl", "ﬁ": "fi", "ﬀ": "ff"})


def test_the_html_holds_every_heading_caption_and_cell(document, images) -> None:
    text = report_html(document, images)
    numbering = number_document(document)
    for chapter in document.chapters:
        assert f">{chapter.title}</span></h1>" in text
    for module in document.modules():
        assert f">{module.title}</span></h2>" in text
    for figure in document.figures():
        assert numbering.figure_caption(figure) in text and f'<img src="{figure.id}"' in text
    for table in document.tables():
        assert numbering.table_caption(table) in text
        for row in format_table(table).rows:
            for cell in row[1:]:
                assert f">{cell.text}<" in text or f"><b>{cell.text}</b><" in text
    assert "&lt;" not in document.title and "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in text  # escaped
    assert '<meta name="orientation" content="portrait">' in text


def test_layout_contract_no_nested_tables_and_a_thead_per_data_table(document, images) -> None:
    text = report_html(document, images)
    for table in re.findall(r"<table\b.*?</table>", text, re.S):
        assert "<table" not in table[6:]
    data_tables = [t for t in re.findall(r"<table\b.*?</table>", text, re.S) if "<thead>" in t]
    assert len(data_tables) == len(document.tables())


def test_a_module_alone_keeps_the_reports_numbers_when_given_them(document, images) -> None:
    module = list(document.modules())[1]
    own = module_html(module, images)
    assert "Abbildung 1: Jugendquotient" in own and "Tabelle 1: Kinder in Tagespflege" in own
    whole = module_html(module, images, number_document(document))
    assert "Abbildung 3: Jugendquotient" in whole and "Tabelle 2: Kinder in Tagespflege" in whole
    missing = module_html(module, {})
    assert "(Abbildung nicht gezeichnet)" in missing and "<img" not in missing


@pytest.fixture
def pdf(document, images, tmp_path: Path) -> Path:
    from bildungsplaner.ui.common.pdf import render_html_to_pdf

    out = tmp_path / "bericht.pdf"
    render_html_to_pdf(report_html(document, images), out, images=images)
    return out


def test_the_pdf_prints_headings_captions_tables_and_page_numbers(pdf: Path, document) -> None:
    reader = pypdf.PdfReader(pdf)
    pages = [" ".join(page.extract_text().split()).translate(LIGATURES) for page in reader.pages]
    whole = " ".join(pages)
    assert len(pages) > 1
    assert all(f"Seite {i} von {len(pages)}" in page for i, page in enumerate(pages, start=1))
    numbering = number_document(document)
    for chapter in document.chapters:
        assert chapter.title in whole
    for figure in document.figures():
        assert numbering.figure_caption(figure) in whole
    for table in document.tables():
        assert numbering.table_caption(table) in whole
    assert "26,7 p" in whole and "Wichtigste Ergebnisse" in whole
    # the contents name the page each chapter and module starts on
    starts = {}
    for title in [c.title for c in document.chapters] + [m.title for m in document.modules()]:
        starts[title] = next(i for i, page in enumerate(pages[2:], start=3) if title in page)
    contents = pages[1]
    for title, page in starts.items():
        assert f"{title} {page}" in contents, (title, page)
    box = reader.pages[0].mediabox
    assert float(box.width) < float(box.height)  # A4 portrait
    assert reader.metadata.title == document.title


def test_the_pdf_embeds_each_figure_at_its_full_resolution(pdf: Path, images) -> None:
    from bildungsplaner.reporting.docx import png_size

    reader = pypdf.PdfReader(pdf)
    assert sorted(drawn_images(reader)) == sorted(png_size(data) for data in images.values())


def test_an_image_is_printed_at_its_size_and_never_wider_than_the_page() -> None:
    from bildungsplaner.ui.common.pdf import size_images

    from .conftest import png

    images = {"a": png(1890, 945), "b": png(4000, 1000)}
    html = size_images('<p><img src="a"/></p><p><img src="b" alt="x"/></p><p><img src="c"/></p>', images, 680, 900)
    sizes = dict(re.findall(r'src="(\w)"[^>]*?width="(\d+)"', html))
    assert sizes["a"] == "605"  # 1890 px at 300 dpi = 16 cm = 605 px at 96 dpi
    assert sizes["b"] == "680"  # wider than the page: fitted
    assert '<img src="c"/>' in html  # an unknown image left alone


def test_no_caption_stays_behind_at_the_foot_of_a_page(document, images) -> None:
    """The sample's second table and the map would otherwise start a page below their captions."""
    from PySide6.QtCore import QSizeF

    from bildungsplaner.ui.common.pdf import paginate, parted_captions

    html = report_html(document, images)
    size = QSizeF(718, 1020)  # A4 portrait at 96 dpi within the renderer's margins and footer
    assert parted_captions(paginate(html, size, images)) == []
    # what paginate repaired: without it, a caption is parted from what it names
    from bildungsplaner.ui.common.pdf import _document, size_images

    raw = _document(size_images(html, images, size.width(), size.height() * 0.9), size, images)
    assert parted_captions(raw)


def test_charts_are_embedded_lossless_not_as_jpeg(document, tmp_path: Path) -> None:
    """Qt would store a chart as JPEG where that is smaller, blurring its thin lines and small text."""
    from bildungsplaner.ui.common.pdf import render_html_to_pdf
    from bildungsplaner.ui.report.figures import render_figure

    images = {f.id: render_figure(f, 300) for f in document.figures() if f.id != "m1"}
    out = tmp_path / "diagramme.pdf"
    render_html_to_pdf(report_html(document, images), out, images=images)
    reader = pypdf.PdfReader(out)
    filters = {str(ref.get_object().get("/Filter")) for page in reader.pages
               for ref in page["/Resources"].get_object().get("/XObject", {}).values()}
    assert filters == {"/FlateDecode"}
