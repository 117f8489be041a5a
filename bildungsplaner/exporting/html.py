"""The report as simple HTML for the PDF: every table the workbook holds, with the same totals, and the method.

The PDF holds what the workbook holds: the overview, each planning table with its totals per block (e.g.
„Summe 2025“), the comparison with its totals per line and year, the data tables and the method with sources,
warnings and symbol legend. Numbers use German separators, „.“ for a missing value and „–“ for an exact zero
(:mod:`~bildungsplaner.exporting.symbols`). What a PDF cannot hold is said in the document: the charts are the
workbook's (their numbers stand in the overview table). Disclosure control exists only in the workbook; the
service refuses a PDF with it.

Layout contract with the renderer (:mod:`bildungsplaner.ui.common.pdf`): tables are never nested, every table row is
one ``<tr>…</tr>`` and the header rows of a table are its ``<thead>``, so that the renderer can split a table
between two rows (to keep at least two rows of a table together on a page).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from bildungsplaner.exporting.symbols import is_missing, number_text
from bildungsplaner.exporting.workbook import PlanTable, Report, SheetColumn, method_sections

__all__ = ["report_html", "table_total"]


def _cell(value: Any, column: SheetColumn) -> tuple[str, str]:
    """(text, alignment) of one cell."""
    if column.text:
        return ("" if is_missing(value) else str(value)), "left"
    if column.key == "year" and not is_missing(value):
        return str(int(value)), "right"
    if isinstance(value, bool):
        return ("ja" if value else "nein"), "left"
    if isinstance(value, str):  # a symbol („.“, „x“) in a number column
        return value, "right"
    return number_text(value, column.decimals), "right"


def table_total(values: pd.Series) -> float | None:
    """The total of a block's column: ``None`` (shown „.“) when any part is missing — never a partial sum."""
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.isna().any():
        return None
    return float(numbers.sum())


def _row(cells: list[tuple[str, str]], *, bold: bool = False) -> str:
    tag = ("<b>", "</b>") if bold else ("", "")
    return "<tr>" + "".join(f'<td align="{align}">{tag[0]}{html.escape(text)}{tag[1]}</td>'
                            for text, align in cells) + "</tr>"


def _table(table: PlanTable) -> str:
    head = "".join(f"<th>{html.escape(c.label)}</th>" for c in table.columns)
    body = []
    if table.group_by and len(table.rows):
        blocks = list(table.rows.groupby(table.group_by, sort=False))
    else:
        blocks = [(None, table.rows)]
    for value, block in blocks:
        for record in block.to_dict("records"):
            body.append(_row([_cell(record.get(c.key), c) for c in table.columns]))
        if table.totals_label is None or not len(block):
            continue
        label = table.totals_label if value is None else f"{table.totals_label} {value}"
        cells = []
        for j, column in enumerate(table.columns):
            if j == 0:
                cells.append((label, "left"))
            elif column.total:
                total = table_total(block[column.key])
                cells.append((number_text(total, column.decimals), "right"))
            else:
                cells.append(("", "left"))
        body.append(_row(cells, bold=True))
    return (f'<table border="1" cellspacing="0" cellpadding="2" width="100%"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def report_html(report: Report) -> str:
    """Every table of ``report`` (sheet order) with totals, then the method (A4 landscape, printable)."""
    parts = [f"<h1>{html.escape(report.title)}</h1>"]
    charts = [t for t in report.tables if t.chart is not None] or ([report.table] if report.chart else [])
    if charts:
        parts.append("<p><i>Die Diagramme stehen nur in der Excel-Arbeitsmappe; ihre Zahlen enthält die Tabelle "
                     f"„{html.escape(charts[0].title)}“.</i></p>")
    for table in report.tables:
        parts.append(f"<h2>{html.escape(table.title)}</h2>")
        for text in (table.subtitle, f"Stand: {table.stand}" if table.stand else ""):
            if text:
                parts.append(f"<p>{html.escape(text)}</p>")
        parts.append(_table(table))
        for text in table.notes:
            parts.append(f"<p>{html.escape(text)}</p>")
    parts.append("<h2>Methodik</h2>")
    for section in method_sections(report):
        parts.append(f"<h3>{html.escape(section.heading)}</h3><table cellpadding='2'>")
        for label, text in section.lines:
            parts.append(f"<tr><td valign='top'><b>{html.escape(label)}</b></td><td>{html.escape(text)}</td></tr>")
        parts.append("</table>")
    return "<html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>"
