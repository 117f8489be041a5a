"""Every table of the report in one workbook (openpyxl), for the statistics annex.

* a contents sheet („Inhalt“): the report's title, region and date, one line per table („Tabelle n“, caption,
  sheet — a link to it) and the symbol legend;
* one sheet per table, named by :attr:`ReportTable.sheet <bildungsplaner.reporting.document.ReportTable.sheet>`
  (or „Tabelle n“), made valid and unique (≤ 31 characters, :func:`~bildungsplaner.exporting.safety.sheet_title`):
  „Tabelle n“ in the first row, the caption below, the header row, the rows, then the source line, the symbol
  legend and the disclosure note;
* numbers stay numbers, unrounded, shown through German number formats with the table's decimals (an exact zero
  shows „–“, :func:`~bildungsplaner.exporting.symbols.excel_number_format`; a cell's symbol such as „p“ stands in
  its format, so the value stays a number); a missing value and a count hidden by disclosure control are the
  text „.“ — the same cells as the DOCX and the PDF (:func:`~bildungsplaner.reporting.numbering.format_table`);
* text is always written as a string cell, never as a formula or link (``=HYPERLINK(…)`` in a region name stays
  text; DESIGN.md's openpyxl hazard), control characters removed;
* the numbering is the document's (:func:`~bildungsplaner.reporting.numbering.number_document`); written through
  :func:`~bildungsplaner.exporting.safety.atomic_target`.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from bildungsplaner.exporting.safety import atomic_target, clean_text, sheet_title
from bildungsplaner.exporting.symbols import MISSING, SYMBOL_LEGEND, ZERO, excel_number_format
from bildungsplaner.reporting.document import ReportDocument, ReportTable
from bildungsplaner.reporting.numbering import (
    TABLE,
    Cell,
    Numbering,
    format_table,
    number_document,
    source_line,
    symbol_legend,
    table_caption,
)

__all__ = ["CONTENTS_SHEET", "number_format", "write_xlsx"]

CONTENTS_SHEET = "Inhalt"
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(bottom=THIN, top=THIN)
SMALL = Font(size=9, color="555555")
HEADER_ROW = 4


def number_format(decimals: int, flag: str = "") -> str:
    """The cell's number format: German-looking with ``decimals``, „–“ for zero, the symbol ``flag`` after it."""
    if not flag:
        return excel_number_format(decimals)
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    suffix = '" ' + flag.replace('"', "") + '"'
    return f'{body}{suffix};-{body}{suffix};"{ZERO} {flag.replace(chr(34), "")}"'


def _text_cell(ws: Worksheet, row: int, column: int, value: str) -> XlCell:
    cell = ws.cell(row=row, column=column)
    cell.value = clean_text(value)
    cell.data_type = "s"  # never a formula, even when it starts with "="
    return cell


def _value_cell(ws: Worksheet, row: int, column: int, value: Cell) -> XlCell:
    if not value.numeric:
        return _text_cell(ws, row, column, value.text)
    if value.value is None or isinstance(value.value, str):
        cell = _text_cell(ws, row, column, value.text if value.text else MISSING)
        cell.alignment = Alignment(horizontal="right")
        return cell
    cell = ws.cell(row=row, column=column, value=float(value.value))
    cell.number_format = number_format(value.decimals, value.flag)
    return cell


def _table_sheet(ws: Worksheet, table: ReportTable, numbering: Numbering) -> None:
    formatted = format_table(table)
    number = numbering.table(table)
    _text_cell(ws, 1, 1, f"{TABLE} {number}").font = Font(bold=True, size=12)
    _text_cell(ws, 2, 1, table_caption(table)).font = Font(bold=True)
    for j, text in enumerate(formatted.header, start=1):
        cell = _text_cell(ws, HEADER_ROW, j, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(horizontal="right" if formatted.align[j - 1] == "right" else "left",
                                   wrap_text=True, vertical="bottom")
    row = HEADER_ROW
    texts: list[str] = []
    for row, (cells, bold) in enumerate(zip(formatted.rows, formatted.emphasis, strict=True), start=HEADER_ROW + 1):
        for j, value in enumerate(cells, start=1):
            cell = _value_cell(ws, row, j, value)
            if bold:
                cell.font = Font(bold=True)
            if value.numeric:
                texts.append(value.text)
    notes = [symbol_legend(texts), formatted.note, source_line(table.source)]
    at = row + 2
    for note in notes:
        if note:
            _text_cell(ws, at, 1, note).font = SMALL
            at += 1
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=max(1, table.text_columns) + 1)
    for j, header in enumerate(formatted.header, start=1):
        longest = max([len(header)] + [len(r[j - 1].text) for r in formatted.rows])
        ws.column_dimensions[get_column_letter(j)].width = min(max(10, longest + 2), 50)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape" if len(formatted.header) > 8 else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _contents(ws: Worksheet, doc: ReportDocument, entries: list[tuple[str, str, str]]) -> None:
    _text_cell(ws, 1, 1, doc.title).font = Font(bold=True, size=14)
    line = 2
    for text in (doc.subtitle, doc.region_name, f"Stand: {doc.date}" if doc.date else "", doc.publisher):
        if text:
            _text_cell(ws, line, 1, text)
            line += 1
    line += 1
    for j, text in enumerate(("Tabelle", "Inhalt", "Blatt"), start=1):
        cell = _text_cell(ws, line, j, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for label, caption, sheet in entries:
        line += 1
        _text_cell(ws, line, 1, label)
        _text_cell(ws, line, 2, caption)
        link = _text_cell(ws, line, 3, sheet)
        quoted = sheet.replace("'", "''")
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!A1")  # inside the workbook
        link.font = Font(color="0563C1", underline="single")
    line += 2
    _text_cell(ws, line, 1, "Zeichenerklärung").font = Font(bold=True)
    for symbol, meaning in SYMBOL_LEGEND:
        line += 1
        _text_cell(ws, line, 1, symbol)
        _text_cell(ws, line, 2, meaning)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 80
    ws.column_dimensions["C"].width = 32


def write_xlsx(doc: ReportDocument, out: Path) -> Path:
    """Write every table of ``doc`` to the workbook ``out`` (replaced whole or left untouched); returns ``out``."""
    out = Path(out)
    numbering = number_document(doc)
    workbook = openpyxl.Workbook()
    contents = workbook.active
    assert contents is not None
    contents.title = CONTENTS_SHEET
    taken = {CONTENTS_SHEET}
    entries = []
    for table in doc.tables():
        number = numbering.table(table)
        name = sheet_title(table.sheet or f"{TABLE} {number}", taken)
        taken.add(name)
        _table_sheet(workbook.create_sheet(name), table, numbering)
        entries.append((f"{TABLE} {number}", table_caption(table), name))
    _contents(contents, doc, entries)
    workbook.properties.title = clean_text(doc.title)[:255]
    workbook.properties.creator = clean_text(doc.publisher or "Bildungsplaner")[:255]
    workbook.properties.language = "de-DE"
    with atomic_target(out) as tmp:
        workbook.save(tmp)
    return out
