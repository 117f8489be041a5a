"""The report as a Word document (python-docx) that opens in Word and LibreOffice without repair.

Layout (A4 portrait, 2,5 cm margins left and right, so the text is 16 cm wide):

* a title page (title, subtitle, region, publisher, date) without a page number;
* „Inhaltsverzeichnis“: a Word TOC field over the headings of level 1 and 2 (``TOC \\o "1-2" \\h \\z \\u``),
  pre-filled with the chapter and module titles so that it reads well before Word updates it
  („Inhaltsverzeichnis aktualisieren“ or F9 fills in the page numbers);
* „Wichtigste Ergebnisse“ (``doc.highlights``) as a bulleted list;
* each chapter as ``Heading 1``, each module as ``Heading 2`` (the real styles, so that Word's navigation and
  table of contents work), its blocks in order:

  - paragraphs as written (line breaks kept),
  - figures as 300 dpi images, 16 cm wide (tall ones fitted to the page), the caption above in Word's
    ``Caption`` style with a ``SEQ Abbildung`` field („Abbildung 3: …“, so Word can renumber) and the source
    line below,
  - tables as Word tables (``Table Grid``): the header row repeats on every page, label columns left, numbers
    right in the German format of :func:`~bildungsplaner.reporting.numbering.format_table` (the same text as the
    PDF and the preview, small counts suppressed), the home region bold; caption „Tabelle n: …“ (``SEQ
    Tabelle``) above, the source line, a symbol legend for the symbols used and the disclosure note below,
  - method boxes as a shaded one-cell table;
* page numbers „Seite x von y“ (``PAGE`` and ``NUMPAGES`` fields) in the footer from the second page on.

The numbering is :func:`~bildungsplaner.reporting.numbering.number_document`'s, the same as in every output.
The file is written through :func:`~bildungsplaner.exporting.safety.atomic_target`.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from bildungsplaner.exporting.safety import atomic_target, clean_text
from bildungsplaner.reporting.document import (
    ChartFigure,
    MapFigure,
    MethodBox,
    ModuleResult,
    Paragraph,
    ReportDocument,
    ReportTable,
)
from bildungsplaner.reporting.numbering import (
    CONTENTS,
    FIGURE,
    HIGHLIGHTS,
    TABLE,
    FormattedTable,
    Numbering,
    format_table,
    number_document,
    source_line,
    symbol_legend,
    table_caption,
)

__all__ = ["TEXT_WIDTH_CM", "add_field", "build_docx", "png_size", "write_docx"]

TEXT_WIDTH_CM = 16.0
#: the tallest figure (a long bar chart, a tall map) fits on a page below its caption
MAX_FIGURE_HEIGHT_CM = 21.0
SOURCE_STYLE = "Quelle"
TABLE_TEXT_STYLE = "Tabellentext"
METHOD_FILL = "E8EEF4"
HEADER_FILL = "DDE6F0"


def _text(value: str) -> str:
    return clean_text(value)


# --- fields -----------------------------------------------------------------------------------------------------

def add_field(paragraph: DocxParagraph, instruction: str, result: str, *, dirty: bool = False) -> None:
    """A complex field ``instruction`` (``PAGE``, ``SEQ Abbildung \\* ARABIC`` …) with ``result`` shown until
    Word updates it."""
    begin = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    if dirty:
        char.set(qn("w:dirty"), "true")
    begin._r.append(char)
    instr = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    separate = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "separate")
    separate._r.append(char)
    paragraph.add_run(result)
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


# --- styles and page ----------------------------------------------------------------------------------------------

def _set_language(document: WordDocument) -> None:
    """German as the document's language (spelling, hyphenation) in the default run properties."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "de-DE")
    lang.set(qn("w:eastAsia"), "de-DE")


def _styles(document: WordDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 16), ("Heading 2", 13)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = False
    caption = styles["Caption"]
    caption.font.name = "Arial"
    caption.font.size = Pt(9.5)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(10)
    caption.paragraph_format.space_after = Pt(4)
    source = styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = normal
    source.font.size = Pt(8)
    source.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    source.paragraph_format.space_after = Pt(10)
    cell = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(8.5)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    _set_language(document)


def _page(document: WordDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True  # the title page without a number
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Seite ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" von ")
    add_field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8.5)


# --- parts ----------------------------------------------------------------------------------------------------------

def _title_page(document: WordDocument, doc: ReportDocument) -> None:
    for _ in range(6):
        document.add_paragraph()
    document.add_paragraph(_text(doc.title), style="Title")
    if doc.subtitle:
        document.add_paragraph(_text(doc.subtitle), style="Subtitle")
    details = [doc.region_name]
    if doc.years:
        first, last = doc.years
        details.append(f"Berichtszeitraum {first}–{last}" if first != last else f"Berichtsjahr {last}")
    if doc.compare:
        details.append("im Vergleich mit " + ", ".join(name for _key, name in doc.compare))
    for line in details:
        if line:
            document.add_paragraph(_text(line))
    for _ in range(8):
        document.add_paragraph()
    for line in (doc.publisher, f"Stand: {doc.date}" if doc.date else ""):
        if line:
            document.add_paragraph(_text(line))
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _contents(document: WordDocument, doc: ReportDocument) -> None:
    document.add_paragraph(CONTENTS, style="TOC Heading")
    paragraph = document.add_paragraph()
    # the field's result: the headings as Word would list them, without page numbers until it is updated
    lines = ([HIGHLIGHTS] if doc.highlights else []) + [
        line for chapter in doc.chapters for line in
        [chapter.title, *("    " + m.title for m in chapter.modules if m.title)]]
    add_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', "", dirty=True)
    # the result text between "separate" and "end" as lines
    result_run = paragraph.runs[-2]
    for k, line in enumerate(lines):
        if k:
            result_run.add_break()
        result_run.add_text(_text(line))
    note = document.add_paragraph(style=SOURCE_STYLE)
    note.add_run("In Word: Rechtsklick auf das Verzeichnis → „Felder aktualisieren“ ergänzt die Seitenzahlen.")
    note.runs[0].add_break(WD_BREAK.PAGE)


def _highlights(document: WordDocument, doc: ReportDocument) -> None:
    if not doc.highlights:
        return
    document.add_heading(HIGHLIGHTS, level=1)
    for sentence in doc.highlights:
        document.add_paragraph(_text(sentence.text), style="List Bullet")


def _caption(document: WordDocument, label: str, number: int, caption: str) -> None:
    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")
    add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    paragraph.add_run(f": {_text(caption)}")


def _source(document: WordDocument, *lines: str) -> None:
    lines = tuple(line for line in lines if line)
    if not lines:
        return
    paragraph = document.add_paragraph(style=SOURCE_STYLE)
    for k, line in enumerate(lines):
        run = paragraph.add_run(_text(line))
        if k < len(lines) - 1:
            run.add_break()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG in pixels (from its header)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _figure(document: WordDocument, figure: ChartFigure | MapFigure, images: Mapping[str, bytes],
            numbering: Numbering) -> None:
    _caption(document, FIGURE, numbering.figure(figure), figure.caption)
    data = images.get(figure.id)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    if data is None:
        paragraph.add_run("(Abbildung nicht gezeichnet)").italic = True
    else:
        width_px, height_px = png_size(data)
        width = TEXT_WIDTH_CM
        if height_px / width_px * width > MAX_FIGURE_HEIGHT_CM:
            width = MAX_FIGURE_HEIGHT_CM * width_px / height_px
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(width))
        # the alternative text that screen readers and Word's accessibility check read
        shape._inline.docPr.set("descr", _text(numbering.figure_caption(figure)))
        shape._inline.docPr.set("title", _text(figure.caption)[:255])
    _source(document, source_line(figure.source))


def _cell_shading(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _table(document: WordDocument, table: ReportTable, numbering: Numbering) -> Table:
    formatted = format_table(table)
    _caption(document, TABLE, numbering.table(table), table_caption(table))
    columns = len(formatted.header)
    word = document.add_table(rows=1, cols=columns)
    word.style = document.styles["Table Grid"]
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = word.rows[0]
    _repeat_header(header)
    # the cells' paragraph style set by its id (``paragraph.style = …`` looks the style up anew for every cell)
    style_id = document.styles[TABLE_TEXT_STYLE].style_id
    for j, text in enumerate(formatted.header):
        cell = header.cells[j]
        paragraph = cell.paragraphs[0]
        paragraph._p.get_or_add_pPr().style = style_id
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if formatted.align[j] == "right" else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.add_run(_text(text)).bold = True
        _cell_shading(cell, HEADER_FILL)
    texts: list[str] = []
    for row, bold in zip(formatted.rows, formatted.emphasis, strict=True):
        cells = word.add_row().cells
        for j, cell_value in enumerate(row):
            paragraph = cells[j].paragraphs[0]
            paragraph._p.get_or_add_pPr().style = style_id
            if formatted.align[j] == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                texts.append(cell_value.text)
            run = paragraph.add_run(_text(cell_value.text))
            run.bold = bold
    _column_widths(word, formatted)
    legend = symbol_legend(texts)
    _source(document, legend, formatted.note, source_line(table.source))
    return word


def _column_widths(word: Table, formatted: FormattedTable) -> None:
    """Label columns as wide as their longest text needs (within limits), numbers share the rest of 16 cm."""
    labels = [j for j, align in enumerate(formatted.align) if align == "left"]
    widths: dict[int, float] = {}
    for j in labels:
        longest = max([len(formatted.header[j])] + [len(row[j].text) for row in formatted.rows])
        widths[j] = min(max(2.0, longest * 0.2 + 0.4), 6.5)
    numbers = len(formatted.align) - len(labels)
    rest = TEXT_WIDTH_CM - sum(widths.values())
    if numbers:
        each = max(rest / numbers, 1.3)
        for j in range(len(formatted.align)):
            widths.setdefault(j, each)
    word.autofit = False
    for j, column in enumerate(word.columns):
        width = Cm(widths.get(j, 2.0))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _method(document: WordDocument, box: MethodBox) -> None:
    table = document.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.rows[0].cells[0]
    _cell_shading(cell, METHOD_FILL)
    first = cell.paragraphs[0]
    first.add_run(_text(box.title)).bold = True
    for part in box.text.split("\n\n"):
        paragraph = cell.add_paragraph(_text(part.strip()))
        paragraph.paragraph_format.space_after = Pt(3)
    document.add_paragraph().paragraph_format.space_after = Pt(2)


def _paragraph(document: WordDocument, block: Paragraph) -> None:
    if block.generated:
        document.add_paragraph(_text(block.text))
        return
    text = "\n".join(s.text for s in block.sentences)
    for part in text.split("\n\n"):
        if part.strip():
            document.add_paragraph(_text(part.strip()))


def _module(document: WordDocument, module: ModuleResult, images: Mapping[str, bytes], numbering: Numbering) -> None:
    if module.title:
        document.add_heading(_text(module.title), level=2)
    for block in module.blocks:
        if isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, ChartFigure | MapFigure):
            _figure(document, block, images, numbering)
        elif isinstance(block, ReportTable):
            _table(document, block, numbering)
        elif isinstance(block, MethodBox):
            _method(document, block)


def build_docx(doc: ReportDocument, images: Mapping[str, bytes]) -> WordDocument:
    """The Word document of ``doc`` (not yet saved); ``images`` holds each figure's PNG by its id."""
    document = Document()
    _styles(document)
    _page(document)
    properties = document.core_properties
    properties.title = _text(doc.title)[:255]
    properties.subject = _text(doc.subtitle)[:255]
    properties.author = _text(doc.publisher or "Bildungsplaner")[:255]
    properties.language = "de-DE"
    properties.comments = "Erstellt mit dem Bildungsplaner"
    _title_page(document, doc)
    _contents(document, doc)
    _highlights(document, doc)
    numbering = number_document(doc)
    for k, chapter in enumerate(doc.chapters):
        heading = document.add_heading(_text(chapter.title), level=1)
        if k or doc.highlights:
            heading.paragraph_format.page_break_before = True
        if chapter.intro:
            for part in chapter.intro.split("\n\n"):
                if part.strip():
                    document.add_paragraph(_text(part.strip()))
        for module in chapter.modules:
            _module(document, module, images, numbering)
    return document


def write_docx(doc: ReportDocument, images: Mapping[str, bytes], out: Path) -> Path:
    """Write ``doc`` as a Word document to ``out`` (replaced whole or left untouched); returns ``out``."""
    out = Path(out)
    document = build_docx(doc, images)
    with atomic_target(out) as tmp:
        document.save(str(tmp))
    return out
