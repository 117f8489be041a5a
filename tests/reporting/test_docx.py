"""The Word report (reporting/docx.py) re-opened with python-docx: real heading styles, numbered captions with
SEQ fields, tables equal to the formatted tables, images present, a TOC field, page numbers, A4."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from bildungsplaner.reporting.docx import write_docx
from bildungsplaner.reporting.numbering import format_table, number_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def instructions(document) -> list[str]:
    return [e.text.strip() for e in document.element.body.iter(f"{W}instrText")]


@pytest.fixture
def written(document, images, tmp_path: Path):
    out = write_docx(document, images, tmp_path / "bericht.docx")
    return docx.Document(str(out)), out


def test_headings_are_real_heading_styles_in_document_order(written, document) -> None:
    word, _ = written
    h1 = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert h1 == ["Wichtigste Ergebnisse", "C Frühkindliche Bildung", "H Non-formale Bildung"]
    assert h2 == [m.title for m in document.modules()]
    assert word.paragraphs[[p.style.name for p in word.paragraphs].index("Title")].text == document.title


def test_title_page_contents_and_highlights(written, document) -> None:
    word, _ = written
    texts = [p.text for p in word.paragraphs]
    for expected in ("Teilbericht Frühkindliche Bildung", "Kreis Unna", "Kreis Unna, Bildungsbüro",
                     "Stand: 3. Dezember 2026", "Inhaltsverzeichnis"):
        assert expected in texts
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert bullets == [s.text for s in document.highlights]
    toc = [i for i in instructions(word) if i.startswith("TOC")]
    assert toc == ['TOC \\o "1-2" \\h \\z \\u']


def test_captions_are_numbered_in_block_order_with_seq_fields(written, document) -> None:
    word, _ = written
    numbering = number_document(document)
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    figures = [numbering.figure_caption(f) for f in document.figures()]
    tables = [numbering.table_caption(t) for t in document.tables()]
    assert [c for c in captions if c.startswith("Abbildung")] == figures
    assert [c.split(" (")[0] for c in captions if c.startswith("Tabelle")] == tables
    assert captions[0].startswith("Abbildung 1: ") and captions[1].startswith("Tabelle 1: ")
    seq = [i for i in instructions(word) if i.startswith("SEQ")]
    assert seq == ["SEQ Abbildung \\* ARABIC", "SEQ Tabelle \\* ARABIC", "SEQ Abbildung \\* ARABIC",
                   "SEQ Abbildung \\* ARABIC", "SEQ Tabelle \\* ARABIC"]


def test_tables_equal_the_formatted_tables_with_a_repeated_header(written, document) -> None:
    word, _ = written
    data_tables = [t for t in word.tables if len(t.columns) > 1]
    assert len(data_tables) == len(document.tables())
    for word_table, table in zip(data_tables, document.tables(), strict=True):
        formatted = format_table(table)
        rows = [[c.text for c in row.cells] for row in word_table.rows]
        assert rows[0] == formatted.header
        assert rows[1:] == [[c.text for c in row] for row in formatted.rows]
        first = word_table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(f"{W}tblHeader") is not None
        numbers = word_table.rows[1].cells[1].paragraphs[0]
        assert numbers.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    counts = [[c.text for c in row.cells] for row in data_tables[1].rows]
    assert counts[2][1] == "."  # the small count is suppressed in the Word table too
    assert counts[4][0] == '=HYPERLINK("http://x","y")'  # text stays text


def test_sources_legends_and_method_box(written) -> None:
    word, _ = written
    sources = [p.text for p in word.paragraphs if p.style.name == "Quelle"]
    assert "Quelle: IT.NRW; Statistisches Bundesamt" in sources
    legend = next(s for s in sources if s.startswith("Zeichenerklärung"))
    assert ". = Zahlenwert unbekannt" in legend and "p = vorläufige Zahl" in legend
    assert any("Geheimhaltung" in s for s in sources)
    boxes = [t for t in word.tables if len(t.columns) == 1]
    assert boxes and boxes[0].cell(0, 0).paragraphs[0].text == "Methodik"
    shading = boxes[0].cell(0, 0)._tc.tcPr.find(f"{W}shd")
    assert shading is not None and shading.get(f"{W}fill")


def test_images_are_inline_16_cm_wide_at_most(written, images, document) -> None:
    word, _ = written
    shapes = word.inline_shapes
    assert len(shapes) == len(images)
    assert abs(shapes[0].width - Cm(16)) < Cm(0.01)
    for shape in shapes:
        assert shape.width <= Cm(16.01) and shape.height <= Cm(21.01)
    # the map (taller than wide) fitted to the page height
    assert any(shape.height > shape.width for shape in shapes)
    # each image carries its caption as alternative text (screen readers, Word's accessibility check)
    assert [s._inline.docPr.get("descr") for s in shapes] == [
        number_document(document).figure_caption(f) for f in document.figures()]


def test_a4_portrait_and_page_numbers_in_the_footer(written) -> None:
    word, out = written
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert abs(section.page_width - section.left_margin - section.right_margin - Cm(16)) < Cm(0.01)
    assert section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    fields = [e.text.strip() for e in footer._p.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text.startswith("Seite ")
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        styles = archive.read("word/styles.xml").decode()
        assert 'w:val="de-DE"' in styles


def test_a_missing_image_is_said_not_left_out(document, tmp_path: Path) -> None:
    word = docx.Document(str(write_docx(document, {}, tmp_path / "ohne.docx")))
    assert sum(p.text == "(Abbildung nicht gezeichnet)" for p in word.paragraphs) == 3


def test_an_existing_file_is_replaced_whole(document, images, tmp_path: Path) -> None:
    out = tmp_path / "bericht.docx"
    out.write_bytes(b"old")
    write_docx(document, images, out)
    assert zipfile.is_zipfile(out) and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.slow
def test_the_demo_report_builds_to_word_pdf_and_xlsx_from_the_command_line(demo_file: Path, tmp_path: Path) -> None:
    """``report build`` with the entry point's lazy Qt renderers: the three files hold the same numbered tables."""
    import openpyxl
    import pypdf

    from bildungsplaner.__main__ import main
    from bildungsplaner.reporting.numbering import table_caption
    from bildungsplaner.services.reports import build_document
    from bildungsplaner.store.database import open_workspace

    name = "Bildungsbericht Demokreis"
    ws = ["--workspace", str(demo_file)]
    for suffix in ("docx", "pdf", "xlsx"):
        assert main(["report", "build", name, "--out", str(tmp_path / f"bericht.{suffix}"), *ws]) == 0
    with open_workspace(demo_file) as workspace:
        document = build_document(workspace, name)
    numbering = number_document(document)
    tables = document.tables()
    assert tables and document.figures()

    word = docx.Document(str(tmp_path / "bericht.docx"))
    assert len(word.inline_shapes) == len(document.figures())
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert [c for c in captions if c.startswith("Tabelle")] == [
        f"Tabelle {numbering.table(t)}: {table_caption(t)}" for t in tables]
    data_tables = [t for t in word.tables if len(t.columns) > 1 or len(t.rows) > 1]
    for word_table, table in zip(data_tables, tables, strict=True):
        assert [[c.text for c in row.cells] for row in word_table.rows][1:] == [
            [c.text for c in row] for row in format_table(table).rows]

    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(tmp_path / "bericht.pdf").pages)
    text = text.translate(str.maketrans({"ﬂ": "fl", "ﬁ": "fi", "ﬀ": "ff"}))
    for figure in document.figures():
        assert " ".join(numbering.figure_caption(figure).split()) in text

    book = openpyxl.load_workbook(tmp_path / "bericht.xlsx")
    assert len(book.sheetnames) == len(tables) + 1
    assert [book[n]["A1"].value for n in book.sheetnames[1:]] == [f"Tabelle {i}" for i in range(1, len(tables) + 1)]
