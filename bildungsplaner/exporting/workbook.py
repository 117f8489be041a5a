"""Council-ready Excel workbooks (openpyxl): overview, planning tables, comparison, data, method, charts.

The writer knows nothing about scenarios: the service describes the workbook as a :class:`Report` — its
tables in sheet order (:attr:`Report.tables`: columns with header, unit, decimals and whether they are summed;
several tables may share one sheet and are then written below each other), method sections and document
properties — and :func:`write_report` lays it out:

* title, subtitle and "Stand" above each table; header row with units (wrapped, with an explicit row height
  so that LibreOffice shows it whole as well); one row per record; a totals row of live ``=SUM(…)`` formulas
  per block (``group_by``: one block per value, e.g. per year — totals never run across blocks); with
  ``grand_total_label`` the blocks are groups of one whole (the schools of each Gemeinde): each block's
  subtotal is ``=SUBTOTAL(9,…)`` and a last row sums the whole range with ``=SUBTOTAL(9,…)``, which skips the
  subtotals inside it, so nothing is counted twice;
* number formats with thousands separator and fixed decimals per column; an exact zero shows „–“, a missing
  value „.“ (:mod:`~bildungsplaner.exporting.symbols`); a block whose column holds a missing value gets „.“
  as its total instead of a ``SUM`` that would skip it; negative values of highlighted columns in red;
* frozen header, autofilter, column widths from the content, print setup: A4 landscape, one page wide,
  header rows repeated on every page, footer "Seite x von y" and the file's date;
* text cells are always written as strings (:func:`~bildungsplaner.exporting.safety.clean_text`), never as
  formulas or links;
* disclosure control (``suppress_below``): counts below the threshold and the cells secondary suppression
  picks show ``.``; the totals of a suppressed column are written as values (the true total, or ``.`` where
  the total itself would disclose a cell) instead of formulas, since ``SUM`` would skip the hidden cells;
  ``Report.suppression_note`` is filled for the method sheet — also when the check ran and hid nothing;
* native charts (:mod:`~bildungsplaner.exporting.charts`), never smoothed, one per block where asked;
* map sheets (:attr:`Report.maps`, PNGs drawn by the window's map renderer, embedded without Pillow by
  :func:`~bildungsplaner.exporting.images.write_map_sheet`) after the tables, before the method sheet;
* written through :func:`~bildungsplaner.exporting.safety.atomic_target`;
* the records of every table (the bulk of the cells: 95,000 for 1,000 regions × 10 years) are written as
  worksheet XML by :mod:`~bildungsplaner.exporting.sheet_rows` and spliced into the file openpyxl writes for
  everything else — openpyxl's cells cost ten times as much; the values, types and styles are the same
  (``tests/exporting/test_sheet_rows.py``). ``_write_table`` without ``body`` still makes openpyxl cells, for
  callers that style records afterwards (the Kennzahlen-Tabelle).
"""

from __future__ import annotations

import datetime as _dt
import math
from copy import copy
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bildungsplaner.exporting.images import MapImage, write_map_sheet
from bildungsplaner.exporting.safety import MAX_CELL_TEXT, atomic_target, clean_text, sheet_title
from bildungsplaner.exporting.sheet_rows import SheetRows, column_cells, save
from bildungsplaner.exporting.suppression import suppress
from bildungsplaner.exporting.symbols import MISSING, excel_number_format, is_missing
from bildungsplaner.i18n import tr

__all__ = ["ChartSpec", "MethodSection", "PlanTable", "Report", "SheetColumn", "write_report"]

if not openpyxl.DEFUSEDXML:  # pragma: no cover - the lock file pins defusedxml
    raise ImportError(tr("openpyxl arbeitet ohne defusedxml; die Installation ist unvollständig."))


TITLE_FONT = Font(bold=True, size=14)
HEADING_FONT = Font(bold=True, size=12)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FONT = Font(bold=True)
NEGATIVE_FILL = PatternFill("solid", fgColor="F8CBAD")
THIN = Side(style="thin", color="808080")
RIGHT = Alignment(horizontal="right")
INDENT = Alignment(indent=1)
#: points per line of wrapped text (Calibri 11 in Excel and LibreOffice)
LINE_HEIGHT = 15.0


@dataclass(frozen=True)
class SheetColumn:
    """One table column: ``key`` in the rows frame, ``header`` (and ``unit``, shown as "Header (unit)")."""

    key: str
    header: str
    unit: str | None = None
    decimals: int = 0
    total: bool = False  #: a ``=SUM`` in the totals row
    count: bool = False  #: counts of people: subject to disclosure control
    negative_red: bool = False
    text: bool = False
    #: columns derived from this count (e.g. its share); hidden together with it
    derived: tuple[str, ...] = ()
    #: an Excel number format instead of the default (e.g. ``"0"`` for years: no thousands separator)
    number_format: str | None = None

    @property
    def excel_format(self) -> str:
        return self.number_format or excel_number_format(self.decimals)

    @property
    def label(self) -> str:
        return f"{self.header} ({self.unit})" if self.unit else self.header


@dataclass
class ChartSpec:
    """A native chart beside its table: ``kind`` ``bar`` or ``line``, categories and series by key.

    ``split_by``: one chart per block of consecutive rows with the same value of this column (its title gets
    the value), so that e.g. each demand line has its own chart over its own years.
    """

    title: str
    category: str
    series: list[str]
    kind: str = "bar"
    y_title: str = ""
    split_by: str | None = None


@dataclass
class PlanTable:
    sheet: str
    title: str
    columns: list[SheetColumn]
    rows: pd.DataFrame
    subtitle: str = ""
    stand: str = ""
    totals_label: str | None = "Summe"
    notes: list[str] = field(default_factory=list)
    #: blocks of consecutive rows with the same value of this column, each with its own totals row
    group_by: str | None = None
    #: with ``group_by``: a grand total over all blocks under this label (subtotals as ``SUBTOTAL(9,…)``)
    grand_total_label: str | None = None
    chart: ChartSpec | None = None
    #: what the table is to the exports: ``overview``, ``plan`` (a planning table), ``comparison``, ``data``
    role: str = "plan"


@dataclass
class MethodSection:
    heading: str
    lines: list[tuple[str, str]]  #: (label, text); an empty label continues the previous text


@dataclass
class Report:
    title: str
    table: PlanTable  #: the first sheet
    method: list[MethodSection] = field(default_factory=list)
    extra_tables: list[PlanTable] = field(default_factory=list)  #: the further sheets, in order
    chart: ChartSpec | None = None
    author: str = ""
    suppression_note: list[str] = field(default_factory=list)
    maps: list[MapImage] = field(default_factory=list)  #: map sheets, each „Karte …“, before the method

    @property
    def tables(self) -> list[PlanTable]:
        """Every table in sheet order."""
        return [self.table, *self.extra_tables]


def _cell_value(value: Any, column: SheetColumn) -> Any:
    if is_missing(value):
        return None
    if column.text:
        return clean_text(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float):
        return value
    return clean_text(value)


def _suppressed_frame(table: PlanTable, threshold: int) -> tuple[pd.DataFrame, dict[str, bool], int, int]:
    """Rows with hidden cells as ``"."``, which count columns' totals must be hidden, and the counts."""
    counts = [c for c in table.columns if c.count]
    rows = table.rows.copy()
    if not counts or rows.empty:
        return rows, {}, 0, 0
    values = np.column_stack([pd.to_numeric(rows[c.key], errors="coerce").to_numpy(dtype=float) for c in counts])
    result = suppress(values, threshold, row_totals=False, column_totals=True)
    hidden_totals = {}
    for j, column in enumerate(counts):
        mask = result.suppressed[:, j]
        if mask.any():
            for key in (column.key, *column.derived):
                rows[key] = rows[key].astype(object)
                rows.loc[mask, key] = MISSING
            hidden_totals[column.key] = bool(result.hidden_column_totals[j])
    primary, secondary = result.count
    return rows, hidden_totals, primary, secondary


def _write_block(ws: Worksheet, table: PlanTable, rows: pd.DataFrame, first: int, label: str | None, *,
                 suppress_below: int | None, note: list[str], positions: list[int], body: SheetRows | None) -> int:
    """Rows of one block from ``first`` on, then its totals row (if ``label``); returns the next free row.
    A table with a grand total gets ``SUBTOTAL(9,…)`` here (the grand total skips it), else ``SUM``.
    ``body``: the records go there as XML (:func:`_body_rows`), else they become openpyxl cells."""
    original = rows
    hidden_totals: dict[str, bool] = {}
    if suppress_below:
        rows, hidden_totals, primary, secondary = _suppressed_frame(replace(table, rows=rows), suppress_below)
        if primary or secondary:
            where = f"Blatt „{ws.title}“" + (f", {label}" if label and table.group_by else "")
            note.append(f"{where}: {primary} Zahl(en) unter {suppress_below} durch „.“ ersetzt (primäre "
                        f"Geheimhaltung), {secondary} weitere, damit sie sich nicht aus den Summen errechnen "
                        "lassen (sekundäre Geheimhaltung).")
    n = len(rows)
    positions.extend(range(first, first + n))
    if body is not None:
        _body_rows(ws, table, rows, first, body)
    else:
        _body_cells(ws, table, rows, first)
    last = first + len(rows) - 1
    if label is None or not len(rows):
        return last + 1
    total_row = last + 1
    subtotal = bool(table.group_by and table.grand_total_label)
    _write_totals(ws, table, original, total_row, label, first, last, hidden_totals, subtotal=subtotal)
    return total_row + 1


def _body_cells(ws: Worksheet, table: PlanTable, rows: pd.DataFrame, first: int) -> None:
    """The records as openpyxl cells (the Kennzahlen-Tabelle styles some of them afterwards; the tests compare
    :func:`_body_rows` with this)."""
    # Cell by cell, but with the per-cell work cut to the bone (1,000 regions × 10 years are ~90,000 cells):
    # values taken column-wise as Python objects (``tolist``), and each column's few cell styles (number format;
    # a symbol aligned right; indented text) set once on a first cell and then copied as openpyxl's style array,
    # instead of building and looking up Alignment/format objects per cell; the cells are added as
    # ``Worksheet.append`` adds them (``ws.cell`` would first check and look up each coordinate).
    # What remains is openpyxl's own cost per cell, most of it the XML it writes on save
    # (``benchmarks/bench_demand_workbook.py`` measures it against a bare table of the same size).
    n = len(rows)
    columns = [(j, column, rows[column.key].tolist() if column.key in rows else [None] * n)
               for j, column in enumerate(table.columns, start=1)]
    styles: dict[tuple[int, str], Any] = {}
    for j, column, column_values in columns:
        number_style, symbol_style, text_style = (j, "number"), (j, "symbol"), (j, "text")
        indent = column.text and j > 1
        for i, raw in enumerate(column_values, start=first):
            value = _cell_value(raw, column)
            if value is None and not column.text:
                value = MISSING  # missing is not zero, and not blank either
            cell = Cell(ws, row=i, column=j, value=value)
            ws._add_cell(cell)
            if isinstance(value, str):
                cell.data_type = "s"
                key = symbol_style if not column.text else text_style if indent else None
            elif value is not None:
                key = number_style
            else:
                continue
            if key is None:
                continue
            style = styles.get(key)
            if style is not None:
                cell._style = copy(style)
                continue
            if key is number_style:
                cell.number_format = column.excel_format
            elif key is symbol_style:  # a symbol („.“, „x“) in a number column stands where the number would
                cell.alignment = RIGHT
            else:  # text apart from a number to its left
                cell.alignment = INDENT
            styles[key] = copy(cell._style)


def _body_values(rows: pd.DataFrame, column: SheetColumn, n: int) -> list[Any]:
    """The cell values of one column as :func:`_cell_value` gives them, missing numbers as „.“ (``None``: no
    cell). A numeric column is taken whole (its only missing value is NaN, ``v != v``) instead of cell by cell."""
    if column.key not in rows:
        return [None if column.text else MISSING] * n
    series = rows[column.key]
    raw = series.tolist()
    if not column.text and isinstance(series.dtype, np.dtype) and series.dtype.kind in "fiu":  # not Int64: pd.NA
        return [MISSING if v != v else v for v in raw]
    strings = [v for v in raw if type(v) is str]
    # clean_text per cell only where a column holds a control character or an overlong text: one C-level
    # isprintable over all its text says none does (tab and line breaks are not printable either: then per cell)
    clean = not strings or ("".join(strings).isprintable() and max(map(len, strings)) <= MAX_CELL_TEXT)
    out: list[Any] = []
    append = out.append
    for value in raw:
        kind = type(value)
        if kind is str:  # what _cell_value makes of any string, text column or not
            append(value if clean else clean_text(value))
        elif kind is float and not column.text:  # a number beside symbols („x“) in an object column
            append(MISSING if value != value else value)
        else:
            value = _cell_value(value, column)
            append(MISSING if value is None and not column.text else value)
    return out


def _body_style(ws: Worksheet, styles: dict[tuple[int, str], int], j: int, kind: str, column: SheetColumn) -> int:
    """The workbook's style id of a body cell of column ``j``: ``number`` (the column's number format),
    ``symbol`` („.“ or „x“ in a number column: right-aligned) or ``text`` (indented)."""
    key = (j, kind)
    if key not in styles:
        sample = Cell(ws, row=1, column=j)  # never added to the sheet: only its style is registered
        if kind == "number":
            sample.number_format = column.excel_format
        else:
            sample.alignment = RIGHT if kind == "symbol" else INDENT
        styles[key] = sample.style_id
    return styles[key]


def _body_rows(ws: Worksheet, table: PlanTable, rows: pd.DataFrame, first: int, body: SheetRows) -> None:
    """The records as worksheet XML (:mod:`~bildungsplaner.exporting.sheet_rows`), with the same values and
    styles as :func:`_body_cells` — about a tenth of openpyxl's time per cell."""
    n = len(rows)
    if not n:
        return
    styles: dict[tuple[int, str], int] = {}
    cells = []
    for j, column in enumerate(table.columns, start=1):
        values = _body_values(rows, column, n)
        number_style = string_style = None
        if column.text:
            if j > 1 and any(v is not None for v in values):  # text apart from a number to its left
                string_style = _body_style(ws, styles, j, "text", column)
        else:
            if any(type(v) is str for v in values):  # a symbol stands where the number would
                string_style = _body_style(ws, styles, j, "symbol", column)
            if not all(type(v) is str for v in values):
                number_style = _body_style(ws, styles, j, "number", column)
        cells.append(column_cells(get_column_letter(j), first, values, number_style, string_style))
    body.add(first, cells)


def _write_totals(ws: Worksheet, table: PlanTable, original: pd.DataFrame, row: int, label: str, first: int, last: int,
                  hidden_totals: dict[str, bool], *, subtotal: bool) -> None:
    """A totals row over the sheet rows ``first``…``last`` (``subtotal``: ``SUBTOTAL(9,…)`` instead of ``SUM``)."""
    ws.cell(row, 1, clean_text(label)).font = TOTAL_FONT
    for j, column in enumerate(table.columns, start=1):
        if not column.total:
            continue
        letter = get_column_letter(j)
        cell = ws.cell(row, j)
        numbers = pd.to_numeric(original[column.key], errors="coerce")
        if numbers.isna().any():  # a missing part makes the total unknown: „.“, not a sum that skips it
            cell.value, cell.data_type = MISSING, "s"
            cell.alignment = Alignment(horizontal="right")
        elif column.key in hidden_totals:
            cell.value = MISSING if hidden_totals[column.key] else float(numbers.sum())
            if cell.value == MISSING:
                cell.data_type = "s"
                cell.alignment = Alignment(horizontal="right")
        elif subtotal:
            cell.value = f"=SUBTOTAL(9,{letter}{first}:{letter}{last})"
        else:
            cell.value = f"=SUM({letter}{first}:{letter}{last})"
        cell.number_format = column.excel_format
        cell.font = TOTAL_FONT
        cell.border = Border(top=THIN)


@dataclass
class _Placed:
    """Where a table landed on its sheet: header row, the sheet row of each record (in ``rows`` order)."""

    header: int
    positions: list[int]
    rows: pd.DataFrame
    next_row: int


def _blocks(table: PlanTable) -> list[tuple[Any, pd.DataFrame]]:
    if table.group_by and len(table.rows):
        return list(table.rows.groupby(table.group_by, sort=False))
    return [(None, table.rows)]


def _write_table(ws: Worksheet, table: PlanTable, *, top: int = 1, suppress_below: int | None,
                 note: list[str], body: SheetRows | None = None) -> _Placed:
    """Lay out ``table`` on ``ws`` from row ``top`` on (the first table of a sheet also freezes its header).
    ``body``: the records are written as XML rows there (:func:`save` splices them into the sheet); without
    it they are openpyxl cells, which a caller may style afterwards (the Kennzahlen-Tabelle does)."""
    first_on_sheet = top == 1
    ws.cell(top, 1, clean_text(table.title)).font = TITLE_FONT if first_on_sheet else HEADING_FONT
    line = top + 1
    for text in (table.subtitle, f"Stand: {table.stand}" if table.stand else ""):
        if text:
            ws.cell(line, 1, clean_text(text)).data_type = "s"
            line += 1
    header = line + 1
    for j, column in enumerate(table.columns, start=1):
        cell = ws.cell(header, j, clean_text(column.label))
        cell.data_type = "s"
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = Border(bottom=THIN)
    first = header + 1
    row = first
    positions: list[int] = []
    parts = []
    for value, block in _blocks(table):
        if value is None:
            label = table.totals_label
        else:
            label = f"{table.totals_label} {value}" if table.totals_label is not None else None
        row = _write_block(ws, table, block, row, label, suppress_below=suppress_below, note=note,
                           positions=positions, body=body)
        parts.append(block)
    written = pd.concat(parts) if parts else table.rows
    last = row - 1 - (1 if table.totals_label is not None and len(table.rows) else 0)
    if table.group_by and table.grand_total_label and len(table.rows):
        _write_grand_total(ws, table, row, first, suppress_below)
        row += 1
    for j, column in enumerate(table.columns, start=1):
        if column.negative_red and len(table.rows):
            letter = get_column_letter(j)
            ws.conditional_formatting.add(f"{letter}{first}:{letter}{row - 1}",
                                          CellIsRule(operator="lessThan", formula=["0"], fill=NEGATIVE_FILL))
    at = row
    if table.notes:
        at = row + 1
        for text in table.notes:
            ws.cell(at, 1, clean_text(text)).data_type = "s"
            at += 1
    if first_on_sheet:
        # a coordinate, not ws.cell(…): that would add an empty cell to a row the body rows write
        ws.freeze_panes = f"{'B' if table.columns and table.columns[0].text else 'A'}{first}"
        if len(table.rows):
            ws.auto_filter.ref = f"A{header}:{get_column_letter(len(table.columns))}{last}"
        _print_setup(ws, header)
    _widths(ws, table, table.rows, widen_only=not first_on_sheet)
    _header_height(ws, table, header)
    return _Placed(header, positions, written, at + 2)


def _write_grand_total(ws: Worksheet, table: PlanTable, row: int, first: int, suppress_below: int | None) -> None:
    """The grand total of a grouped table: ``SUBTOTAL(9,…)`` over every row including the group subtotals (which
    it skips); a column with hidden cells in some group gets its true total as a value, or „.“ where a
    group's subtotal is hidden as well (else the hidden subtotal could be computed back)."""
    hidden: dict[str, bool] = {}
    if suppress_below:  # hidden in a group: the true total, or „.“ if a group's subtotal is hidden too
        for _value, block in _blocks(table):
            _rows, block_hidden, _primary, _secondary = _suppressed_frame(replace(table, rows=block), suppress_below)
            for key, total_hidden in block_hidden.items():
                hidden[key] = hidden.get(key, False) or total_hidden
    _write_totals(ws, table, table.rows, row, table.grand_total_label or "", first, row - 1, hidden, subtotal=True)
    for j in range(1, len(table.columns) + 1):
        ws.cell(row, j).border = Border(top=THIN, bottom=Side(style="double", color="808080"))


def _widths(ws: Worksheet, table: PlanTable, rows: pd.DataFrame, *, widen_only: bool = False) -> None:
    """Column widths from the content (a sheet with several tables: the widest of them)."""
    for j, column in enumerate(table.columns, start=1):
        sample = rows[column.key].head(200).tolist() if column.key in rows else []
        # the header wraps between words, never inside one (bold: a little wider)
        word = max((len(w) for w in column.label.split()), default=0) * 1.15 + 1
        longest = max([len(column.label) // 2 + 2, word, *(len(f"{v:,.{column.decimals}f}")
                                                           if isinstance(v, int | float) else len(str(v))
                                                           for v in sample)], default=8)
        dimension = ws.column_dimensions[get_column_letter(j)]
        wanted = min(max(8, longest + 2), 60)
        if j == 1 and len(table.columns) > 1 and not column.text:
            wanted = max(wanted, 12)
        dimension.width = max(wanted, dimension.width or 0) if widen_only else wanted


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` characters wide (a cautious estimate)."""
    per_line = max(1, int(width * 1.0) - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _header_height(ws: Worksheet, table: PlanTable, header: int) -> None:
    """An explicit height for the wrapped header row: LibreOffice does not grow it on its own."""
    lines = max((_lines(c.label, ws.column_dimensions[get_column_letter(j)].width or 8.43)
                 for j, c in enumerate(table.columns, start=1)), default=1)
    ws.row_dimensions[header].height = LINE_HEIGHT * lines + 3


def _print_setup(ws: Worksheet, header: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"
    ws.oddFooter.left.text = "&F"
    ws.oddFooter.center.text = "Seite &P von &N"
    ws.oddFooter.right.text = "&D"
    ws.print_options.gridLines = False


def method_sections(report: Report) -> list[MethodSection]:
    """The method with the disclosure note (after :func:`write_report` filled it)."""
    sections = list(report.method)
    if report.suppression_note:
        at = next((i for i, s in enumerate(sections) if s.heading == "Zeichenerklärung"), len(sections))
        sections.insert(at, MethodSection("Geheimhaltung", [("", t) for t in report.suppression_note]))
    return sections


def _write_method(ws: Worksheet, report: Report) -> None:
    ws["A1"] = "Methodik"
    ws["A1"].font = TITLE_FONT
    row = 3
    widths = (34, 110)
    for section in method_sections(report):
        ws.cell(row, 1, clean_text(section.heading)).font = HEADER_FONT
        row += 1
        for label, text in section.lines:
            if label:
                cell = ws.cell(row, 1, clean_text(label))
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell = ws.cell(row, 2, clean_text(text))
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(_lines(label, widths[0]), _lines(text, widths[1]))
            if lines > 1:  # LibreOffice keeps one line per row unless told
                ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
            row += 1
        row += 1
    ws.column_dimensions["A"].width = widths[0]
    ws.column_dimensions["B"].width = widths[1]
    _print_setup(ws, 1)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT


def write_report(report: Report, path: Path, *, suppress_below: int | None = None) -> Path:
    """Write ``report`` to ``path`` (xlsx) through a temporary file; returns ``path``."""
    from bildungsplaner.exporting.charts import add_charts

    workbook = openpyxl.Workbook()
    taken: set[str] = set()
    note: list[str] = []
    sheets: dict[str, Worksheet] = {}
    next_row: dict[str, int] = {}
    bodies: dict[Worksheet, SheetRows] = {}  # the records of every table, as XML (sheet_rows)
    for number, table in enumerate(report.tables):
        if table.sheet in sheets:
            sheet = sheets[table.sheet]
        else:
            sheet = workbook.active if number == 0 else workbook.create_sheet()
            sheet.title = sheet_title(table.sheet, taken)
            taken.add(sheet.title)
            sheets[table.sheet] = sheet
        placed = _write_table(sheet, table, top=next_row.get(table.sheet, 1), suppress_below=suppress_below,
                              note=note, body=bodies.setdefault(sheet, SheetRows()))
        next_row[table.sheet] = placed.next_row
        chart = table.chart if number else (report.chart or table.chart)
        if chart is not None:
            add_charts(sheet, table, chart, placed.header, placed.positions, placed.rows)
    if suppress_below and not note:
        note.append(f"Geheimhaltung geprüft: Fallzahlen unter {suppress_below} wären durch „.“ ersetzt worden; "
                    "keine Zahl lag darunter, nichts ist verborgen.")
    elif suppress_below:
        note.insert(0, f"Fallzahlen unter {suppress_below} sind durch „.“ ersetzt (primäre Geheimhaltung), dazu "
                       "so viele weitere, dass sich keine aus den Summen errechnen lässt (sekundäre Geheimhaltung).")
    report.suppression_note = note
    for number, image in enumerate(report.maps, start=1):
        map_sheet = workbook.create_sheet(sheet_title("Karte" if len(report.maps) == 1 else f"Karte {number}",
                                                      taken))
        taken.add(map_sheet.title)
        write_map_sheet(map_sheet, image)
    method = workbook.create_sheet(sheet_title("Methodik", taken))
    taken.add(method.title)
    _write_method(method, report)
    props = workbook.properties
    props.title = clean_text(report.title)[:250]
    props.creator = clean_text(report.author)[:250] if report.author else "Bildungsplaner"  # never the login
    props.lastModifiedBy = None
    props.created = props.modified = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    with atomic_target(Path(path)) as tmp:
        save(workbook, tmp, bodies)  # openpyxl's file with the records spliced in
    return Path(path)
