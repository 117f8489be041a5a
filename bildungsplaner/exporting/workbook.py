"""Council-ready Excel workbooks (openpyxl): planning table, comparison, method, data, chart.

The writer knows nothing about scenarios: the service describes the workbook as a :class:`Report` — a main
:class:`PlanTable` (columns with header, unit, decimals and whether they are summed), optional further
tables (comparison, data), method sections and document properties — and :func:`write_report` lays it out:

* title, subtitle and "Stand" above the table; header row with units; one row per record; a totals row of
  live ``=SUM(…)`` formulas (so a council member who edits a number sees the totals follow);
* number formats with thousands separator and fixed decimals per column (Excel shows them with German
  separators on a German system), negative values of highlighted columns in red (conditional format);
* frozen header, autofilter, column widths from the content, print setup: A4 landscape, one page wide,
  header rows repeated on every page, footer "Seite x von y" and the file's date;
* text cells are always written as strings (:func:`~bildungsplaner.exporting.safety.clean_text`), never as
  formulas or links;
* disclosure control (``suppress_below``): counts below the threshold and the cells secondary suppression
  picks show ``.``; the totals of a suppressed column are written as values (the true total, or ``.`` where
  the total itself would disclose a cell) instead of formulas, since ``SUM`` would skip the hidden cells;
  ``Report.suppression_note`` is filled for the method sheet;
* a native bar or line chart where the report asks for one;
* written through :func:`~bildungsplaner.exporting.safety.atomic_target`.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bildungsplaner.exporting.safety import atomic_target, clean_text, sheet_title
from bildungsplaner.exporting.suppression import suppress

__all__ = ["ChartSpec", "Column", "MethodSection", "PlanTable", "Report", "write_report"]

if not openpyxl.DEFUSEDXML:  # pragma: no cover - the lock file pins defusedxml
    raise ImportError("openpyxl arbeitet ohne defusedxml; die Installation ist unvollständig.")

TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FONT = Font(bold=True)
NEGATIVE_FILL = PatternFill("solid", fgColor="F8CBAD")
THIN = Side(style="thin", color="808080")


@dataclass(frozen=True)
class Column:
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
        return self.number_format or _number_format(self.decimals)

    @property
    def label(self) -> str:
        return f"{self.header} ({self.unit})" if self.unit else self.header


@dataclass
class ChartSpec:
    """A native chart on the table's sheet: ``kind`` ``bar`` or ``line``, categories and series by key."""

    title: str
    category: str
    series: list[str]
    kind: str = "bar"
    y_title: str = ""


@dataclass
class PlanTable:
    sheet: str
    title: str
    columns: list[Column]
    rows: pd.DataFrame
    subtitle: str = ""
    stand: str = ""
    totals_label: str | None = "Summe"
    notes: list[str] = field(default_factory=list)
    #: blocks of consecutive rows with the same value of this column, each with its own totals row
    group_by: str | None = None
    chart: ChartSpec | None = None


@dataclass
class MethodSection:
    heading: str
    lines: list[tuple[str, str]]  #: (label, text); an empty label continues the previous text


@dataclass
class Report:
    title: str
    table: PlanTable
    method: list[MethodSection] = field(default_factory=list)
    extra_tables: list[PlanTable] = field(default_factory=list)
    chart: ChartSpec | None = None
    author: str = ""
    suppression_note: list[str] = field(default_factory=list)


def _number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _cell_value(value: Any, column: Column) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
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
                rows.loc[mask, key] = "."
            hidden_totals[column.key] = bool(result.hidden_column_totals[j])
    primary, secondary = result.count
    return rows, hidden_totals, primary, secondary


def _write_block(ws: Worksheet, table: PlanTable, rows: pd.DataFrame, first: int, label: str | None, *,
                 suppress_below: int | None, note: list[str]) -> int:
    """Rows of one block from ``first`` on, then its totals row (if ``label``); returns the next free row."""
    original = rows
    hidden_totals: dict[str, bool] = {}
    if suppress_below:
        rows, hidden_totals, primary, secondary = _suppressed_frame(replace(table, rows=rows), suppress_below)
        if primary or secondary:
            where = f"Blatt „{ws.title}“" + (f", {label}" if label and table.group_by else "")
            note.append(f"{where}: {primary} Zahl(en) unter {suppress_below} durch „.“ ersetzt (primäre "
                        f"Geheimhaltung), {secondary} weitere, damit sie sich nicht aus den Summen errechnen "
                        "lassen (sekundäre Geheimhaltung).")
    for i, values in enumerate(rows.to_dict("records"), start=first):
        for j, column in enumerate(table.columns, start=1):
            value = _cell_value(values.get(column.key), column)
            cell = ws.cell(i, j, value)
            if isinstance(value, str):
                cell.data_type = "s"
                if value == ".":
                    cell.alignment = Alignment(horizontal="right")
            elif value is not None:
                cell.number_format = column.excel_format
    last = first + len(rows) - 1
    if label is None or not len(rows):
        return last + 1
    total_row = last + 1
    ws.cell(total_row, 1, clean_text(label)).font = TOTAL_FONT
    for j, column in enumerate(table.columns, start=1):
        if not column.total:
            continue
        letter = get_column_letter(j)
        cell = ws.cell(total_row, j)
        if column.key in hidden_totals:
            true_total = float(pd.to_numeric(original[column.key], errors="coerce").sum())
            cell.value = "." if hidden_totals[column.key] else true_total
            if cell.value == ".":
                cell.data_type = "s"
        else:
            cell.value = f"=SUM({letter}{first}:{letter}{last})"
        cell.number_format = column.excel_format
        cell.font = TOTAL_FONT
        cell.border = Border(top=THIN)
    return total_row + 1


def _write_table(ws: Worksheet, table: PlanTable, *, suppress_below: int | None,
                 note: list[str]) -> tuple[int, int, int]:
    """Lay out ``table`` on ``ws``; returns (header row, first data row, last data row)."""
    ws["A1"] = clean_text(table.title)
    ws["A1"].font = TITLE_FONT
    line = 2
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
    if table.group_by and len(table.rows):
        for value, block in table.rows.groupby(table.group_by, sort=False):
            label = f"{table.totals_label} {value}" if table.totals_label is not None else None
            row = _write_block(ws, table, block, row, label, suppress_below=suppress_below, note=note)
    else:
        row = _write_block(ws, table, table.rows, row, table.totals_label, suppress_below=suppress_below, note=note)
    last = row - 1 - (1 if table.totals_label is not None and len(table.rows) else 0)
    for j, column in enumerate(table.columns, start=1):
        if column.negative_red and len(table.rows):
            letter = get_column_letter(j)
            ws.conditional_formatting.add(f"{letter}{first}:{letter}{row - 1}",
                                          CellIsRule(operator="lessThan", formula=["0"], fill=NEGATIVE_FILL))
    if table.notes:
        at = row + 2
        for text in table.notes:
            ws.cell(at, 1, clean_text(text)).data_type = "s"
            at += 1
    ws.freeze_panes = ws.cell(first, 2 if table.columns and table.columns[0].text else 1)
    if len(table.rows):
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(table.columns))}{last}"
    _widths(ws, table, table.rows)
    _print_setup(ws, header)
    return header, first, last


def _widths(ws: Worksheet, table: PlanTable, rows: pd.DataFrame) -> None:
    for j, column in enumerate(table.columns, start=1):
        sample = rows[column.key].head(200).tolist() if column.key in rows else []
        longest = max([len(column.label) // 2 + 2, *(len(f"{v:,.{column.decimals}f}") if isinstance(v, int | float)
                                                      else len(str(v)) for v in sample)], default=8)
        ws.column_dimensions[get_column_letter(j)].width = min(max(8, longest + 2), 60)


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


def _write_method(ws: Worksheet, report: Report) -> None:
    ws["A1"] = "Methodik"
    ws["A1"].font = TITLE_FONT
    row = 3
    sections = list(report.method)
    if report.suppression_note:
        sections.append(MethodSection("Geheimhaltung", [("", t) for t in report.suppression_note]))
    for section in sections:
        ws.cell(row, 1, clean_text(section.heading)).font = HEADER_FONT
        row += 1
        for label, text in section.lines:
            if label:
                ws.cell(row, 1, clean_text(label)).data_type = "s"
            cell = ws.cell(row, 2, clean_text(text))
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 110
    _print_setup(ws, 1)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT


def _add_chart(ws: Worksheet, table: PlanTable, chart: ChartSpec, header: int, first: int, last: int) -> None:
    keys = [c.key for c in table.columns]
    if chart.category not in keys or last < first:
        return
    made = BarChart() if chart.kind == "bar" else LineChart()
    if isinstance(made, BarChart):
        made.type = "col"
    made.title = chart.title
    made.y_axis.title = chart.y_title
    made.height, made.width = 9, max(16, min(40, (last - first + 1) * 0.6))
    for key in chart.series:
        if key in keys:
            col = keys.index(key) + 1
            made.add_data(Reference(ws, min_col=col, min_row=header, max_row=last), titles_from_data=True)
    made.set_categories(Reference(ws, min_col=keys.index(chart.category) + 1, min_row=first, max_row=last))
    ws.add_chart(made, f"{get_column_letter(len(keys) + 2)}{header}")


def write_report(report: Report, path: Path, *, suppress_below: int | None = None) -> Path:
    """Write ``report`` to ``path`` (xlsx) through a temporary file; returns ``path``."""
    workbook = openpyxl.Workbook()
    taken: set[str] = set()
    note: list[str] = []
    main = workbook.active
    main.title = sheet_title(report.table.sheet, taken)
    taken.add(main.title)
    header, first, last = _write_table(main, report.table, suppress_below=suppress_below, note=note)
    if (chart := report.chart or report.table.chart) is not None:
        _add_chart(main, report.table, chart, header, first, last)
    for table in report.extra_tables:
        sheet = workbook.create_sheet(sheet_title(table.sheet, taken))
        taken.add(sheet.title)
        header, first, last = _write_table(sheet, table, suppress_below=suppress_below, note=note)
        if table.chart is not None:
            _add_chart(sheet, table, table.chart, header, first, last)
    report.suppression_note = note
    method = workbook.create_sheet(sheet_title("Methodik", taken))
    taken.add(method.title)
    _write_method(method, report)
    props = workbook.properties
    props.title = clean_text(report.title)[:250]
    props.creator = clean_text(report.author)[:250]
    props.created = props.modified = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    with atomic_target(Path(path)) as tmp:
        workbook.save(tmp)
    return Path(path)
