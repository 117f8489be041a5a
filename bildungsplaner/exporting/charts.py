"""Native charts beside a workbook table (openpyxl): bar or line, one chart per block where asked.

A line chart is never smoothed (a smoothed curve through a few yearly points overshoots, in LibreOffice even
below zero), its value axis starts at zero, and each chart's categories are the rows of its own block — a
demand line's years, not the years of all lines one after the other.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import NumFmt, StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["add_charts"]

#: rows between two charts stacked beside the table
CHART_ROWS = 18


def _blocks(rows: pd.DataFrame, positions: list[int], split_by: str | None) -> list[tuple[Any, list[int]]]:
    """(value, sheet rows) per block of consecutive records with the same ``split_by`` value."""
    if split_by is None or split_by not in rows:
        return [(None, positions)]
    out: list[tuple[Any, list[int]]] = []
    for value, at in zip(rows[split_by].tolist(), positions, strict=True):
        if out and out[-1][0] == value and out[-1][1][-1] == at - 1:
            out[-1][1].append(at)
        else:
            out.append((value, [at]))
    return out


def add_charts(ws: Worksheet, table: Any, chart: Any, header: int, positions: list[int], rows: pd.DataFrame) -> int:
    """Add ``chart`` (a :class:`~bildungsplaner.exporting.workbook.ChartSpec`) for ``table`` placed at
    ``positions``; returns the number of charts added."""
    keys = [c.key for c in table.columns]
    if chart.category not in keys or not positions:
        return 0
    category = keys.index(chart.category) + 1
    added = 0
    for value, block in _blocks(rows, positions, chart.split_by):
        made = BarChart() if chart.kind == "bar" else LineChart()
        if isinstance(made, BarChart):
            made.type = "col"
        made.title = f"{chart.title}: {value}" if value is not None else chart.title
        made.y_axis.title = chart.y_title
        made.y_axis.scaling.min = 0
        made.x_axis.number_format = "0"
        made.y_axis.numFmt = NumFmt(formatCode="#,##0", sourceLinked=False)
        made.x_axis.delete = False
        made.y_axis.delete = False
        made.legend.position = "b"
        made.height, made.width = 8, max(16, min(40, len(block) * 0.6))
        first, last = block[0], block[-1]
        for key in chart.series:
            if key not in keys:
                continue
            col = keys.index(key) + 1
            series = Series(Reference(ws, min_col=col, min_row=first, max_row=last))
            series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(ws.title)}!${get_column_letter(col)}${header}"))
            if isinstance(made, LineChart):
                series.smooth = False
                series.marker.symbol = "circle"
            made.series.append(series)
        made.set_categories(Reference(ws, min_col=category, min_row=first, max_row=last))
        if isinstance(made, LineChart):
            made.smooth = False
        ws.add_chart(made, f"{get_column_letter(len(keys) + 2)}{header + added * CHART_ROWS}")
        added += 1
    return added
