"""A pivot table (regions × periods of one indicator) as an xlsx workbook, the way a council paper shows it.

Title, unit, what each dimension shows („Altersgruppe: Insgesamt“), the table with German number formats
(exact zero „–“, missing „.“ as text), the notes about totals, the symbol legend and the sources. Written
atomically; texts go through the same safety as every export (no formulas from data, no control characters).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from bildungsplaner.exporting.safety import atomic_target, clean_text
from bildungsplaner.exporting.symbols import MISSING, SYMBOL_LEGEND, excel_number_format
from bildungsplaner.formatting import decimals_for

__all__ = ["write_pivot_xlsx"]

_BOLD = Font(bold=True)
_RIGHT = Alignment(horizontal="right")
_VALUE_WIDTH = 13


def _text(ws: Any, row: int, column: int, value: str, **style: Any) -> Any:
    cell = ws.cell(row=row, column=column, value=clean_text(value))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def write_pivot_xlsx(pivot: Any, path: Path, *, title: str, unit: str = "",
                     sources: Sequence[str] = ()) -> Path:
    """Write ``pivot`` (:class:`bildungsplaner.services.aggregate.Pivot`) to ``path``; returns the path."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pivot"
    _text(ws, 1, 1, f"{title}{f' ({unit})' if unit else ''}", font=Font(bold=True, size=13))
    row = 2
    for dimension, how in pivot.how.items():
        _text(ws, row, 1, f"{dimension}: {how}")
        row += 1
    header = row + 1
    _text(ws, header, 1, pivot.row_header, font=_BOLD)
    for j, label in enumerate(pivot.columns, start=2):
        _text(ws, header, j, label, font=_BOLD, alignment=_RIGHT)
    number_format = excel_number_format(decimals_for(np.asarray(pivot.values, dtype=float)))
    for i, (label, values, flags) in enumerate(zip(pivot.rows, pivot.values, pivot.flags, strict=True),
                                               start=header + 1):
        _text(ws, i, 1, label)
        for j, (value, flag) in enumerate(zip(values, flags, strict=True), start=2):
            if np.isfinite(value):
                cell = ws.cell(row=i, column=j, value=float(value))
                cell.number_format = number_format
            else:
                _text(ws, i, j, flag or MISSING, alignment=_RIGHT)
    first_width = min(60, max(12, *(len(r) + 2 for r in [pivot.row_header, *pivot.rows])))
    ws.column_dimensions["A"].width = first_width
    for j in range(2, len(pivot.columns) + 2):
        ws.column_dimensions[ws.cell(row=header, column=j).column_letter].width = _VALUE_WIDTH
    line_chars = first_width + _VALUE_WIDTH * len(pivot.columns)

    def paragraph(row: int, text: str, **style: Any) -> None:
        """Text across the table's width, wrapped, so it prints on the table's pages at the table's scale."""
        _text(ws, row, 1, text, alignment=Alignment(wrap_text=True, vertical="top"), **style)
        if len(pivot.columns):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(pivot.columns) + 1)
        ws.row_dimensions[row].height = 15 * max(1, -(-len(text) // max(20, int(line_chars * 0.95))))

    row = header + len(pivot.rows) + 2
    for note in pivot.notes:
        paragraph(row, f"Hinweis: {note}")
        row += 1
    paragraph(row, "Zeichenerklärung", font=_BOLD)
    for symbol, meaning in SYMBOL_LEGEND:
        row += 1
        paragraph(row, f"{symbol} = {meaning}")
    row += 1
    for source in sources:
        row += 1
        paragraph(row, f"Quelle: {source}")
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{header}:{header}"
    with atomic_target(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)
