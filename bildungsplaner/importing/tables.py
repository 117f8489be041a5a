"""Read a generic table (csv/txt, xlsx, xlsm, xls, ods) into a DataFrame with one row per data row.

The file is read as a grid of cells first, then the header is found:

* **Header start**: explicit ``skip_rows``, else the first row in which at least 60 % of the table's width is
  filled (title lines above the table fill one cell). A row directly above it that is filled in at least two
  cells and holds no number is taken as an upper header row (a header whose first row is mostly merged).
* **Header rows**: explicit ``header_rows``, else the start row plus each following row that holds no number,
  as long as the row above it has gaps (stacked headers leave gaps where cells were merged); at most 4.
* **Composite names**: the header rows are combined per column, upper rows filled rightwards across merged
  (empty) cells, parts joined with :data:`JOIN` (``"Schüler | männlich"``); line breaks become blanks, empty
  names become ``Spalte C`` (the column letter in the file), duplicates get ``(2)``, ``(3)``.

Columns empty in header and data are dropped, trailing empty rows too; empty rows inside the data stay (the
template reports them with their row numbers). ``RawTable.first_data_row`` is the file's 1-based row number
of the frame's first row.

Totals and notes below the table (a „Summe“ row, „Quelle: …“, footnotes) are recognised by
:func:`~bildungsplaner.importing.footers.find_footer` (or cut as ``footer_rows``/``stop_at`` say) and kept out
of ``frame``: ``RawTable.footer`` holds them for the preview, ``RawTable.skipped`` lists each non-empty one
with its row number and reason.

CSV: the encoding via :func:`~bildungsplaner.importing.encoding.decode_text`, the separator from a
``sep=`` first line or else the candidate (``;`` ``,`` tab ``^`` ``|``) that splits the first lines most
consistently. Every cell stays text; numbers are parsed by the template (decimal comma, thousands dots).

Spreadsheets are read by python-calamine in a child process (:func:`~bildungsplaner.importing.sandbox.run_limited`)
after :func:`~bildungsplaner.importing.sniff.sniff` has checked the container. Numeric columns arrive as
float64, others as object columns of ``str``/``float``/``datetime``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.encoding import decode_text
from bildungsplaner.importing.footers import SkippedRow, find_footer, row_text
from bildungsplaner.importing.footers import is_filled as _filled
from bildungsplaner.progress import NullProgress, Progress

__all__ = ["JOIN", "MAX_COLUMNS", "RawTable", "column_letter", "detect_header", "detect_separator", "read_table"]

JOIN = " | "
MAX_COLUMNS = 2_000
_SEPARATORS = (";", ",", "\t", "^", "|")
_SCAN_ROWS = 60


@dataclass
class RawTable:
    """A table as read: ``frame`` (named columns, data rows only) and how it was found."""

    frame: pd.DataFrame
    format: str
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_start: int = 0  #: 0-based grid row of the first header row
    header_rows: int = 1
    first_data_row: int = 2  #: 1-based row number in the file of ``frame``'s first row
    encoding: str | None = None
    separator: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: The first rows of the grid as read (header included), for the import assistant's preview.
    preview: list[list[str]] = field(default_factory=list)
    #: Rows below the data that are not imported (totals, notes; empty rows among them), columns as ``frame``;
    #: they follow ``frame``'s last row in the file.
    footer: pd.DataFrame | None = None
    #: Why each row of ``footer`` is not imported (``""`` for an empty row).
    footer_reasons: list[str] = field(default_factory=list)
    #: The non-empty rows of ``footer`` with row number, reason and text.
    skipped: list[SkippedRow] = field(default_factory=list)
    #: ``nrows`` cut the table short: its end (and any footer) was not read.
    truncated: bool = False


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- reading the grid --------------------------------------------------------------------------------------

def detect_separator(lines: list[str]) -> str:
    """The separator that splits ``lines`` into the most consistent number of fields (ties: order above)."""
    best, best_score = ";", (-1.0, 0)
    for sep in _SEPARATORS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=sep) if row]
        except csv.Error:
            continue
        if not counts:
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = (wide.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = sep, score
    return best


def _csv_grid(path: Path, table: RawTable) -> pd.DataFrame:
    decoded = decode_text(path.read_bytes())
    table.encoding = decoded.encoding
    if decoded.lossy:
        table.warnings.append(tr("Die Datei ist weder UTF-8 noch Windows-1252; nicht lesbare Zeichen wurden durch "
                                 "„�“ ersetzt."))
    text = decoded.text.lstrip("\ufeff")
    first_line = text[:text.find("\n")] if "\n" in text[:4096] else text[:4096]
    skipped = 0
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        separator = first_line.strip()[4]
        text, skipped = text[len(first_line) + 1:], 1
    else:
        separator = detect_separator(text[:200_000].splitlines()[:_SCAN_ROWS])
    table.separator = separator
    sample_rows = list(csv.reader(text[:400_000].splitlines()[:500], delimiter=separator))
    width = max((len(r) for r in sample_rows), default=1)
    if width > MAX_COLUMNS:
        raise UserInputError(tr("{name} hat {count} Spalten; mehr als {maximum} werden nicht gelesen.",
                                name=path.name, count=format_number(width), maximum=format_number(MAX_COLUMNS)))
    try:
        # the C parser reads UTF-8 bytes directly; from a StringIO it would re-encode in small chunks (+35 %)
        grid = pd.read_csv(io.BytesIO(text.encode("utf-8", "replace")), encoding="utf-8", sep=separator,
                           header=None, names=range(width), dtype=object, keep_default_na=False, na_filter=False,
                           skip_blank_lines=False, engine="c", quotechar='"', doublequote=True)
    except pd.errors.ParserError as exc:
        raise UserInputError(tr("{name} ist keine gleichmäßige Tabelle: {detail}", name=path.name,
                                detail=_parser_detail(str(exc), skipped))
                             ) from exc
    table.format = "csv"
    if skipped:
        grid.index = grid.index + skipped
    return grid


def _parser_detail(message: str, skipped: int) -> str:
    import re

    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if match:
        expected, line, saw = (int(g) for g in match.groups())
        return tr("Zeile {line} hat {count} Felder, die Zeilen davor höchstens {expected}.", line=line + skipped,
                  count=format_number(saw), expected=format_number(expected))
    return message.splitlines()[0] if message else tr("unlesbar")



def read_sheet_columns(path: str, sheet: str | None, nrows: int | None
                       ) -> tuple[str, list[str], list[list[Any]], list[Any]]:
    """Child-process side: the sheet's first rows as read, and the rest as columns.

    Runs inside :func:`~bildungsplaner.importing.sandbox.run_limited`; returns ``(sheet, sheets, head,
    columns)``: ``head`` the first :data:`_SCAN_ROWS` rows (lists of cells), ``columns`` the cells below them,
    one array per column (float64 where every cell is a number or empty, else object).
    """
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise LookupError(sheet)
        chosen = sheet if sheet is not None else _first_visible(workbook, names)
        rows = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False, nrows=nrows)
    except LookupError:
        raise
    except Exception as exc:
        text = str(exc)
        if any(word in text.lower() for word in ("password", "encrypt", "protected")):
            raise PermissionError(text) from None
        raise ValueError(text) from None
    width = max((len(r) for r in rows), default=0)
    head = [list(r) for r in rows[:_SCAN_ROWS]]
    body = rows[_SCAN_ROWS:]
    del rows
    columns: list[Any] = []
    for j in range(width):
        cells = [r[j] if j < len(r) else "" for r in body]
        try:
            if any(isinstance(c, bool | str) and c != "" for c in cells):
                raise TypeError
            columns.append(np.array([np.nan if c == "" else c for c in cells], dtype=np.float64))
        except (TypeError, ValueError):
            columns.append(np.array(cells, dtype=object))
    return chosen, names, head, columns


def _first_visible(workbook: Any, names: list[str]) -> str:
    try:
        for meta in workbook.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).endswith("Visible") and getattr(meta, "typ", None) is not None \
                    and str(meta.typ).endswith("WorkSheet"):
                return str(meta.name)
    except Exception:  # metadata is a convenience
        pass
    if not names:
        raise ValueError(tr("Die Arbeitsmappe hat keine Tabellenblätter."))
    return names[0]


def _sheet_grid(path: Path, kind: str, sheet: str | None, table: RawTable, progress: Progress,
                nrows: int | None) -> tuple[list[list[Any]], list[Any]]:
    from bildungsplaner.importing.sandbox import ChildError, run_limited

    try:
        chosen, names, head, columns = run_limited(read_sheet_columns, str(path), sheet, nrows, what=path.name,
                                                   progress=progress)
    except ChildError as exc:
        if exc.kind == "LookupError":
            raise UserInputError(tr("{name} hat kein Tabellenblatt „{sheet}“.", name=path.name, sheet=sheet)) from None
        if exc.kind == "PermissionError":
            raise UserInputError(tr("{name} ist mit einem Kennwort geschützt; bitte ohne Kennwort speichern.",
                                    name=path.name)
                                 ) from None
        raise UserInputError(tr("{name} ist beschädigt und kann nicht gelesen werden ({error}); bitte in Excel oder "
                                "LibreOffice öffnen und neu speichern.", name=path.name, error=exc)) from None
    width = max([len(columns), *(len(r) for r in head)])
    if width > MAX_COLUMNS:
        raise UserInputError(tr("{name}: das Blatt „{chosen}“ hat {count} Spalten; mehr als {maximum} werden nicht "
                                "gelesen.", name=path.name, chosen=chosen, count=format_number(width),
                                maximum=format_number(MAX_COLUMNS)))
    table.format, table.sheet, table.sheets = kind, chosen, names
    head = [row + [""] * (width - len(row)) for row in head]
    return head, columns


def _join_column(head_part: list[Any], bulk: np.ndarray | None) -> np.ndarray:
    """Head cells below the header plus the bulk column, float64 when every cell is a number."""
    numeric = all((isinstance(c, float | int) and not isinstance(c, bool)) or c == "" or c is None for c in head_part)
    if bulk is None:
        bulk = np.empty(0, dtype=np.float64)
    if numeric and bulk.dtype == np.float64:
        first = np.array([np.nan if c == "" or c is None else c for c in head_part], dtype=np.float64)
        return np.concatenate([first, bulk])
    return np.concatenate([np.array(head_part, dtype=object), bulk.astype(object)])


# --- header ------------------------------------------------------------------------------------------------

def _is_number(cell: Any) -> bool:
    if isinstance(cell, float | int | np.floating | np.integer) and not isinstance(cell, bool):
        return not (isinstance(cell, float | np.floating) and np.isnan(cell))
    if isinstance(cell, str):
        text = cell.strip().replace(".", "").replace(",", "").replace(" ", "").lstrip("-+")
        return text.isdigit()
    return False




def detect_header(rows: list[list[Any]], *, skip_rows: int | None = None,
                  header_rows: int | None = None) -> tuple[int, int]:
    """``(header_start, header_rows)`` for the first rows of a grid (see the module docstring)."""
    if not rows:
        return 0, 1
    filled = [sum(_filled(c) for c in row) for row in rows]
    width = max(filled) or 1
    if skip_rows is not None:
        start = skip_rows
    else:
        start = next((i for i, n in enumerate(filled) if n >= max(2, 0.6 * width)), 0)
        if start > 0 and filled[start - 1] >= 2 and not any(_is_number(c) for c in rows[start - 1]) \
                and not any(_is_number(c) for c in rows[start]):
            start -= 1
    if header_rows is not None:
        return start, header_rows
    count = 1
    if any(_is_number(c) for c in rows[start]) and start + 1 < len(rows):
        return start, 1  # a number in the first header row: a year header; one row
    while count < 4 and start + count < len(rows) - 1:
        above, row = rows[start + count - 1], rows[start + count]
        span = range(min(len(above), len(row)))
        gaps = any(not _filled(above[j]) and _filled(row[j]) for j in span)
        if not gaps or any(_is_number(c) for c in row) or sum(_filled(c) for c in row) < 1:
            break
        count += 1
    return start, count


def _clean(cell: Any) -> str:
    if not _filled(cell):
        return ""
    if isinstance(cell, float | np.floating) and float(cell).is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def composite_names(header: list[list[Any]], width: int) -> list[str]:
    """Column names from stacked header rows (see the module docstring)."""
    parts: list[list[str]] = [[] for _ in range(width)]
    for level, row in enumerate(header):
        texts = [_clean(row[j]) if j < len(row) else "" for j in range(width)]
        if level < len(header) - 1:  # upper rows: merged cells span rightwards
            current = ""
            for j in range(width):
                if texts[j]:
                    current = texts[j]
                elif current and not any(_clean(r[j]) if j < len(r) else "" for r in header[:level]):
                    texts[j] = current
        for j, text in enumerate(texts):
            if text and (not parts[j] or parts[j][-1] != text):
                parts[j].append(text)
    names: list[str] = []
    seen: dict[str, int] = {}
    for j, column_parts in enumerate(parts):
        name = JOIN.join(column_parts) or f"Spalte {column_letter(j)}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names


# --- read_table --------------------------------------------------------------------------------------------

def read_table(path: Path, *, sheet: str | None = None, header_rows: int | None = None,
               skip_rows: int | None = None, nrows: int | None = None, progress: Progress | None = None,
               kind: str | None = None, footer_rows: int | None = None, stop_at: str | None = None,
               key_columns: list[str] | tuple[str, ...] = ()) -> RawTable:
    """Read ``path`` (see the module docstring); ``nrows`` limits the rows read (for previews).

    ``footer_rows``/``stop_at`` say where the data ends (``None``: recognised); ``key_columns`` are the
    template's key columns (a totals row leaves them empty).
    """
    from bildungsplaner.importing.sniff import sniff

    path = Path(path)
    progress = progress or NullProgress()
    kind = kind or sniff(path).kind
    table = RawTable(frame=pd.DataFrame(), format=kind)
    if kind in ("csv", "genesis", "ffcsv"):
        grid = _csv_grid(path, table)
        if nrows is not None:
            table.truncated = len(grid) > nrows
            grid = grid.iloc[:nrows]
        head = grid.iloc[:_SCAN_ROWS].astype(object).to_numpy().tolist()
        row_numbers = grid.index.to_numpy()
        width = grid.shape[1]
    elif kind in ("xlsx", "xlsm", "xls", "ods"):
        head, columns = _sheet_grid(path, kind, sheet, table, progress, None if nrows is None else nrows + 1)
        if nrows is not None and len(head) + (len(columns[0]) if columns else 0) > nrows:
            table.truncated = True  # one row more than asked for was there
            head, columns = head[:nrows], [c[:max(0, nrows - len(head))] for c in columns]
        width = len(head[0]) if head else 0
        row_numbers = np.arange(len(head) + (len(columns[0]) if columns else 0))
    else:
        raise UserInputError(tr("{name}: das Format „{kind}“ kann nicht als Tabelle gelesen werden.",
                                name=path.name, kind=kind))
    progress.check()
    if not head or width == 0:
        raise UserInputError(tr("{name} (Blatt „{sheet}“) enthält keine Daten.", name=path.name, sheet=table.sheet)
                             if table.sheet else tr("{name} enthält keine Daten.", name=path.name))
    table.preview = [[_clean(c) for c in row] for row in head[:30]]
    start, count = detect_header(head, skip_rows=skip_rows, header_rows=header_rows)
    if start + count >= len(row_numbers):
        raise UserInputError(tr("{name}: unter der Kopfzeile (Zeile {line}) folgen keine Datenzeilen.",
                                name=path.name, line=start + 1))
    names = composite_names(head[start:start + count], width)
    if kind in ("csv", "genesis", "ffcsv"):
        data = grid.iloc[start + count:]
        data.columns = names
    else:
        below = head[start + count:]
        data = pd.DataFrame({name: _join_column([r[j] for r in below], columns[j] if j < len(columns) else None)
                             for j, name in enumerate(names)}, copy=False)
    header_cells = head[start:start + count]
    keep = [name for j, name in enumerate(names) if not name.startswith("Spalte ") or _column_filled(data[name])
            or any(_filled(r[j]) for r in header_cells)]
    data = data[keep]
    last = _last_filled_row(data)
    if last == 0:
        raise UserInputError(tr("{name}: unter der Kopfzeile (Zeile {line}) stehen keine Daten.", name=path.name,
                                line=start + 1))
    data = data.iloc[:last].reset_index(drop=True)
    if table.truncated:  # a preview of the first rows: the end of the table is not there to look at
        end, reasons = find_footer(data, footer_rows=0, stop_at=stop_at) if stop_at else (len(data), [])
    else:
        end, reasons = find_footer(data, footer_rows=footer_rows, stop_at=stop_at,
                                   key_columns=_positions(list(data.columns), key_columns))
    table.frame = data.iloc[:end]
    table.header_start, table.header_rows = int(row_numbers[start]), count
    table.first_data_row = int(row_numbers[start + count]) + 1
    if end < len(data):
        table.footer, table.footer_reasons = data.iloc[end:].reset_index(drop=True), reasons
        cells = table.footer.astype(object).to_numpy().tolist()
        first = int(row_numbers[start + count + end]) + 1
        table.skipped = [SkippedRow(first + i, reason, row_text(row))
                         for i, (reason, row) in enumerate(zip(reasons, cells, strict=True)) if reason]
    return table


def _positions(columns: list[str], names: list[str] | tuple[str, ...]) -> list[int]:
    """Positions of ``names`` among ``columns``: exact, else unique ignoring case and blanks (as templates)."""
    found = []
    for name in names:
        if name in columns:
            found.append(columns.index(name))
            continue
        loose = [j for j, c in enumerate(columns) if c.strip().casefold() == name.strip().casefold()]
        if len(loose) == 1:
            found.append(loose[0])
    return found


def _column_filled(series: pd.Series) -> bool:
    if series.dtype == np.float64:
        return bool(series.notna().any())
    return bool(series.map(_filled).any())


def _last_filled_row(frame: pd.DataFrame) -> int:
    """1 + the position of the last row with any filled cell (0: none); scans backwards in blocks."""
    end = len(frame)
    block = 256
    while end > 0:
        start = max(0, end - block)
        filled = _row_filled(frame.iloc[start:end])
        if filled.any():
            return start + int(np.flatnonzero(filled)[-1]) + 1
        end, block = start, block * 4
    return 0


def _row_filled(frame: pd.DataFrame) -> np.ndarray:
    result = np.zeros(len(frame), dtype=bool)
    for name in frame.columns:
        column = frame[name]
        if column.dtype == np.float64:
            result |= column.notna().to_numpy()
        elif pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
            result |= column.str.strip().ne("").to_numpy(dtype=bool, na_value=False)
        else:
            result |= column.map(_filled).to_numpy(dtype=bool)
    return result
