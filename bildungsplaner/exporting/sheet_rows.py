"""Large table bodies as worksheet XML written directly, spliced into the file openpyxl writes for the rest.

Why: openpyxl spends about 5 µs per cell (a ``Cell`` object, its style array, then lxml's serialisation on save);
a demand workbook of 1,000 regions × 10 years has ~95,000 body cells, so openpyxl alone needed more than the
half second the export may take (``benchmarks/bench_demand_workbook.py``). The body rows — plain values with
one of two styles per column — are simple enough to write as text: one f-string per cell, one ``join`` per row,
about 0.5 µs per cell. Everything else (titles, headers, totals formulas, styles, column widths, frozen panes,
print setup, conditional formats, charts, images, the method sheet) is still openpyxl's.

The cells are written exactly as openpyxl 3.1 writes them, so a workbook re-reads the same either way
(``tests/exporting/test_sheet_rows.py`` compares them cell by cell):

* a number: ``<c r="E6" s="5" t="n"><v>…</v></c>`` with ``"%.16g"`` (openpyxl's ``safe_string``; NaN and
  infinity give an empty value), so ``55.0`` is written ``55`` and reads back as the integer 55;
* a string: an inline string ``<c r="A6" t="inlineStr"><is><t>…</t></is></c>`` with ``&``, ``<``, ``>`` and a
  carriage return escaped and ``xml:space="preserve"`` where the text starts or ends with white space; text is
  never a formula. The caller passes text already through :func:`~bildungsplaner.exporting.safety.clean_text`;
* ``None``: no cell at all.

How they get into the file (:func:`save`): openpyxl writes the workbook *uncompressed* into memory
(``ExcelWriter`` on a ``ZIP_STORED`` archive: it costs no deflate time), the sheets with body rows get them
inserted into their ``<sheetData>`` in row order (openpyxl's own rows — title, header, totals — stay where they
are) and ``<dimension>`` widened to cover them; then every part is deflated once into the target file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

__all__ = ["SheetRows", "column_cells", "number_text", "rows_xml", "save", "splice"]

_ESCAPE_NEEDED = re.compile(r"[&<>\r]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ROW_START = re.compile(r'<row r="(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*/>')


def number_text(value: float) -> str:
    """A number as openpyxl writes it (``"%.16g"``; NaN and infinity: empty)."""
    text = f"{value:.16g}"
    return "" if text[-1] in "nf" else text


def column_cells(letter: str, first: int, values: Sequence[Any], number_style: int | None,
                 string_style: int | None) -> list[str]:
    """The cells of one column from sheet row ``first`` on: numbers with the style ``number_style``, strings
    with ``string_style`` (``None``: no ``s`` attribute, the default style); ``None`` values give ``""``."""
    number = f' s="{number_style}" t="n"><v>' if number_style is not None else ' t="n"><v>'
    style = f' s="{string_style}"' if string_style is not None else ""
    string = f'{style} t="inlineStr"><is><t>'
    preserved = f'{style} t="inlineStr"><is><t xml:space="preserve">'
    empty = f'{style} t="inlineStr"/>'
    out: list[str] = []
    append = out.append
    row = first
    for value in values:
        if value is None:
            append("")
        elif type(value) is str:
            if not value:
                append(f'<c r="{letter}{row}"{empty}')
            else:
                opening = preserved if value[0].isspace() or value[-1].isspace() else string
                if _ESCAPE_NEEDED.search(value):
                    value = value.translate(_ESCAPES)
                append(f'<c r="{letter}{row}"{opening}{value}</t></is></c>')
        else:
            text = f"{value:.16g}"
            if text[-1] in "nf":  # nan, inf, -inf: openpyxl writes an empty value
                text = ""
            append(f'<c r="{letter}{row}"{number}{text}</v></c>')
        row += 1
    return out


def rows_xml(first: int, columns: Sequence[Sequence[str]]) -> str:
    """``<row>`` elements from sheet row ``first`` on, each with its cells of ``columns`` (from
    :func:`column_cells`, all of the same length) left to right."""
    return "".join(f'<row r="{row}">{"".join(cells)}</row>' for row, cells in enumerate(zip(*columns, strict=True),
                                                                                       start=first))


@dataclass
class _Block:
    first: int
    last: int
    columns: int  #: the rightmost column (1-based)
    xml: str


@dataclass
class SheetRows:
    """Body rows for one worksheet, in blocks of consecutive rows; spliced into it by :func:`save`."""

    blocks: list[_Block] = field(default_factory=list)

    def add(self, first: int, columns: Sequence[Sequence[str]]) -> None:
        """Rows from ``first`` on, one list of cells per column (see :func:`column_cells`)."""
        count = len(columns[0]) if columns else 0
        if count:
            self.blocks.append(_Block(first, first + count - 1, len(columns), rows_xml(first, columns)))


def splice(xml: str, rows: SheetRows) -> str:
    """The worksheet ``xml`` with ``rows`` in its ``<sheetData>`` (by row number) and its ``<dimension>``
    covering them. A row of openpyxl's inside a block must be empty (e.g. left by ``row_dimensions``); one with
    cells is a programming error (two writers for one row)."""
    if not rows.blocks:
        return xml
    start = xml.find("<sheetData")
    if start < 0:
        raise ValueError("worksheet without sheetData")
    if xml.startswith("<sheetData/>", start):
        inner_start = inner_end = start + len("<sheetData/>")
        head, tail = xml[:start] + "<sheetData>", "</sheetData>" + xml[inner_end:]
        inner = ""
    else:
        inner_start = xml.index(">", start) + 1
        inner_end = xml.index("</sheetData>", inner_start)
        head, tail, inner = xml[:inner_start], xml[inner_end:], xml[inner_start:inner_end]
    starts = [(m.start(), int(m.group(1))) for m in _ROW_START.finditer(inner)]
    if (starts[0][0] if starts else len(inner)) != 0:  # rows written some other way: never drop them silently
        raise ValueError("sheetData holds something other than <row r=…> elements")
    theirs = [(number, inner[at:(starts[k + 1][0] if k + 1 < len(starts) else len(inner))])
              for k, (at, number) in enumerate(starts)]
    blocks = sorted(rows.blocks, key=lambda b: b.first)
    parts: list[str] = []
    k = 0
    for block in blocks:
        while k < len(theirs) and theirs[k][0] < block.first:
            parts.append(theirs[k][1])
            k += 1
        while k < len(theirs) and theirs[k][0] <= block.last:
            if "<c " in theirs[k][1]:
                raise ValueError(f"row {theirs[k][0]} written twice")
            k += 1
        parts.append(block.xml)
    parts.extend(row for _number, row in theirs[k:])
    head = _DIMENSION.sub(lambda m: _dimension(m, blocks), head, count=1)
    return head + "".join(parts) + tail


def _dimension(match: re.Match[str], blocks: list[_Block]) -> str:
    first_col, first_row = column_index_from_string(match.group(1)), int(match.group(2))
    last_col = column_index_from_string(match.group(3) or match.group(1))
    last_row = int(match.group(4) or match.group(2))
    first_col, first_row = min(first_col, 1), min(first_row, *(b.first for b in blocks))
    last_col, last_row = max(last_col, *(b.columns for b in blocks)), max(last_row, *(b.last for b in blocks))
    return f'<dimension ref="{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"/>'


def save(workbook: Workbook, path: Path, rows: dict[Any, SheetRows]) -> None:
    """Write ``workbook`` to ``path`` with the body rows ``rows`` (by worksheet) spliced into their sheets."""
    buffer = io.BytesIO()
    # openpyxl's own save (openpyxl.writer.excel.save_workbook) on an archive that does not compress
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    parts = {ws.path[1:]: found for ws, found in rows.items() if found.blocks}
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in parts:
                data = splice(data.decode("utf-8"), parts[info.filename]).encode("utf-8")
            target = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            target.compress_type = zipfile.ZIP_DEFLATED
            target.external_attr = info.external_attr
            out.writestr(target, data)
