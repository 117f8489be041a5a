"""What every output of the report prints the same way: the numbers of figures and tables, and the table cells.

* **Numbering**: figures and tables are numbered separately, each in the order their blocks appear in the
  document („Abbildung 1: …“, „Tabelle 1: …“); :func:`number_blocks` gives the one :class:`Numbering` that
  the DOCX, the PDF (HTML), the xlsx annex and the window's preview all use.
* **Cells**: :func:`format_table` turns a :class:`~bildungsplaner.reporting.document.ReportTable` into the
  texts printed in the DOCX and the PDF and the values written to the xlsx: German numbers rounded half up
  (:func:`bildungsplaner.formatting.format_number`), „.“ for a missing value, „–“ for an exact zero
  (:mod:`bildungsplaner.exporting.symbols`), a cell's symbol (``flags``: „p“, „/“, „x“ …) after the number or
  instead of a missing one.
* **Disclosure control**: a table of counts (``counts=True``) has its small counts suppressed by
  :func:`bildungsplaner.exporting.suppression.suppress` as the council workbook does (counts ``0 < v <
  threshold`` primary, then secondary suppression against column totals, since a report's table of
  sub-regions usually stands beside the home region's total); hidden cells print „.“ in every output, and
  :attr:`FormattedTable.note` says how many were hidden.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bildungsplaner.exporting.suppression import suppress
from bildungsplaner.exporting.symbols import MISSING, SYMBOL_LEGEND, ZERO, is_missing
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.reporting.document import Block, ChartFigure, MapFigure, ReportDocument, ReportTable

__all__ = ["CONTENTS", "FIGURE", "HIGHLIGHTS", "SUPPRESS_BELOW", "TABLE", "Cell", "FormattedTable", "Numbering",
           "format_table", "number_blocks", "number_document", "source_line", "symbol_legend", "table_caption"]

CONTENTS = "Inhaltsverzeichnis"
HIGHLIGHTS = "Wichtigste Ergebnisse"
FIGURE = "Abbildung"
TABLE = "Tabelle"
#: counts below this are suppressed in tables with ``counts=True`` (the export area's default N)
SUPPRESS_BELOW = 3


@dataclass(frozen=True)
class Numbering:
    """Figure ids → number; tables (by identity, a table holds a DataFrame) → number."""

    figures: dict[str, int] = field(default_factory=dict)
    tables: dict[int, int] = field(default_factory=dict)

    def figure(self, figure: ChartFigure | MapFigure) -> int:
        return self.figures[figure.id]

    def table(self, table: ReportTable) -> int:
        return self.tables[id(table)]

    def figure_label(self, figure: ChartFigure | MapFigure) -> str:
        """„Abbildung 3“ (without the caption)."""
        return f"{FIGURE} {self.figure(figure)}"

    def table_label(self, table: ReportTable) -> str:
        return f"{TABLE} {self.table(table)}"

    def figure_caption(self, figure: ChartFigure | MapFigure) -> str:
        """„Abbildung 3: Betreuungsquote der unter Dreijährigen 2011–2016“."""
        return f"{self.figure_label(figure)}: {figure.caption}"

    def table_caption(self, table: ReportTable) -> str:
        return f"{self.table_label(table)}: {table.caption}"


def number_blocks(blocks: Iterable[Block]) -> Numbering:
    """Figures and tables of ``blocks`` numbered 1, 2, … each, in block order."""
    numbering = Numbering()
    for block in blocks:
        if isinstance(block, ChartFigure | MapFigure):
            numbering.figures.setdefault(block.id, len(numbering.figures) + 1)
        elif isinstance(block, ReportTable):
            numbering.tables.setdefault(id(block), len(numbering.tables) + 1)
    return numbering


def number_document(doc: ReportDocument) -> Numbering:
    """The numbering of the whole document (what every output prints)."""
    return number_blocks(doc.blocks())


def source_line(source: str) -> str:
    """„Quelle: …“ (a source that already says „Quelle“ is left as it is; none: empty)."""
    source = source.strip()
    if not source:
        return ""
    return source if source.lower().startswith(("quelle", "quellen")) else f"Quelle: {source}"


_FLAG_MEANINGS = {"p": "vorläufige Zahl", "r": "berichtigte Zahl", "s": "geschätzte Zahl"}


def table_caption(table: ReportTable) -> str:
    """The table's caption with its unit („… (%)“) unless the caption already names it."""
    unit = table.unit.strip()
    if unit and f"({unit})" not in table.caption and not table.caption.endswith(unit):
        return f"{table.caption} ({unit})"
    return table.caption


def symbol_legend(texts: list[str]) -> str:
    """„Zeichenerklärung: . = …; – = …“ for the symbols that occur among the cell ``texts`` (empty: none)."""
    tokens = {t.rsplit(" ", 1)[-1] for t in texts}
    meanings = dict(SYMBOL_LEGEND)
    used = [f"{symbol} = {meanings[symbol]}" for symbol in (MISSING, ZERO, "/", "x", "...") if symbol in tokens]
    used += [f"{flag} = {meaning}" for flag, meaning in _FLAG_MEANINGS.items() if flag in tokens]
    return ("Zeichenerklärung: " + "; ".join(used)) if used else ""


@dataclass(frozen=True)
class Cell:
    #: as printed in the DOCX, PDF and preview
    text: str
    #: for the xlsx: a number (float), a label (str) or None (missing or suppressed: written as „.“)
    value: float | str | None
    numeric: bool
    decimals: int = 0
    #: the cell's symbol after the number („p“ vorläufig …), also in the xlsx number format
    flag: str = ""
    suppressed: bool = False


@dataclass(frozen=True)
class FormattedTable:
    header: list[str]
    rows: list[list[Cell]]
    #: "left" for label columns, "right" for number columns
    align: list[str]
    #: rows to print bold (the home region)
    emphasis: list[bool]
    #: decimals per column (label columns 0)
    decimals: list[int]
    #: what disclosure control hid („Fallzahlen unter 3 …“); empty when nothing was hidden
    note: str = ""
    primary: int = 0
    secondary: int = 0


def _label(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, np.integer):
        return str(int(value))
    if isinstance(value, np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _flag(flags: pd.DataFrame | None, i: int, j: int) -> str:
    if flags is None:
        return ""
    try:
        value = flags.iat[i, j]
    except IndexError:
        return ""
    return "" if is_missing(value) else str(value).strip()


def _column_decimals(table: ReportTable, values: np.ndarray) -> int:
    if table.decimals is not None:
        return table.decimals
    return decimals_for(values, maximum=2) if values.size else 0


def format_table(table: ReportTable, *, threshold: int = SUPPRESS_BELOW) -> FormattedTable:
    """The cells of ``table`` as every output prints them (see the module docstring)."""
    frame = table.frame
    n_text = min(table.text_columns, frame.shape[1])
    numbers = (frame.iloc[:, n_text:].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
               if frame.shape[1] > n_text else np.zeros((len(frame), 0)))
    hidden = np.zeros(numbers.shape, dtype=bool)
    primary = secondary = 0
    if table.counts and numbers.size:
        result = suppress(numbers, threshold, row_totals=False, column_totals=True)
        hidden = result.suppressed
        primary, secondary = result.count
    decimals = [0] * n_text + [_column_decimals(table, numbers[:, j]) for j in range(numbers.shape[1])]
    rows: list[list[Cell]] = []
    for i in range(len(frame)):
        cells: list[Cell] = []
        for j in range(frame.shape[1]):
            flag = _flag(table.flags, i, j)
            if j < n_text:
                text = _label(frame.iat[i, j])
                cells.append(Cell(text, text, False))
                continue
            k = j - n_text
            value = numbers[i, k]
            if hidden[i, k]:
                cells.append(Cell(MISSING, None, True, decimals[j], suppressed=True))
            elif math.isnan(value):
                symbol = flag or MISSING
                cells.append(Cell(symbol, None, True, decimals[j], flag=flag))
            else:
                text = ZERO if value == 0 else format_number(value, decimals[j])
                if flag:
                    text = f"{text} {flag}"
                cells.append(Cell(text, float(value), True, decimals[j], flag=flag))
        rows.append(cells)
    emphasis = {str(e) for e in table.emphasis}
    emphasised = [bool(n_text) and any(_label(frame.iat[i, j]) in emphasis for j in range(n_text))
                  for i in range(len(frame))]
    note = ""
    if primary or secondary:
        note = (f"Geheimhaltung: {primary} Fallzahl(en) unter {threshold} durch „.“ ersetzt (primäre "
                f"Geheimhaltung), {secondary} weitere, damit sie sich nicht aus Summen errechnen lassen "
                "(sekundäre Geheimhaltung).")
    return FormattedTable(header=[_label(c) for c in frame.columns], rows=rows,
                          align=["left"] * n_text + ["right"] * numbers.shape[1], emphasis=emphasised,
                          decimals=decimals, note=note, primary=primary, secondary=secondary)
