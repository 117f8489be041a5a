"""Parse GENESIS / Regionaldatenbank table downloads (``;``-separated CSV) into one row per data cell.

Layout of such a file::

    GENESIS-Tabelle: 12411-01-01-4              table code
    Bevölkerungsstand: Bevölkerung nach ...      title lines (one or more)
    regionale Tiefe: Kreise und krfr. Städte     (also misspelt "regional Tiefe")
    Fortschreibung des Bevölkerungsstandes       statistic
    Bevölkerungsstand (Anzahl)                   optional unit line "Measure (Unit)" of one-measure tables
    2015                                         optional period of the whole table
    ;;31.12.2015;31.12.2015                      1-4 stacked header rows, first cells empty
    ;;Insgesamt;männlich
    DG;Deutschland;82175684;40514123             data: [period;] key; indented name; [row dims;] values
    __________
    "zu ""gesamter Tabelle"": ..."               quoted multi-line footnotes
    "© Statistische Ämter ..."                   licence
    Stand: 14.12.2017 / 15:51:18

Rules for the header (the files do not state them):

* The *front columns* (period, key, name, row dimensions) are those left of the first data column: as
  many as the fewest leading empty cells of any header row.
* A header row whose non-empty cells all look like periods (``31.12.2015``, ``2015``, ``2015/16``) gives
  each column its period. The last row is the *unit row* if its cells are units (``Anzahl``, ``EUR``, ...)
  or if the file has no unit line and at least two label rows stand above it.
* Without a unit line the first remaining row names each column's *measure*; further rows are *dimension
  rows*. Per column their non-empty cells pair up top-down as (dimension name, value); an odd last cell is
  a value without a name (``Insgesamt;männlich;weiblich`` below a period row).
* An empty header cell inherits its left neighbour's text only when all rows above agree for both columns
  and a deeper label row of the column is filled (``31.12.2015;;`` above ``Insgesamt;männlich;weiblich``
  is filled; an empty total column beside an ``Altersgruppe`` block is not).
* Unnamed dimensions (also the row-dimension front columns) are named from their values (``Geschlecht``
  for männlich/weiblich, ``Altersgruppe`` for age bands), else from the title's "nach X und Y" when that
  leaves exactly as many names as unnamed dimensions, else ``Merkmal 1``, ``Merkmal 2``, ...
* A cell's period is its column's period, else its row's period column, else the last period line
  (``2015;;;``) above it, which is the table period line unless the data repeat one per block.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.encoding import decode_text
from bildungsplaner.importing.numbers import parse_cell
from bildungsplaner.importing.periods import period_iso
from bildungsplaner.importing.regionkeys import is_region_key, repair_leading_zero
from bildungsplaner.store.dimensions import TOTAL as TOTAL_LABEL

__all__ = ["CELL_COLUMNS", "GenesisCell", "GenesisColumn", "GenesisFormatError", "GenesisTable",
           "dimensions_of", "parse_genesis_table"]

#: Columns of :attr:`GenesisTable.cells`, in this order.
CELL_COLUMNS = ("region_key", "region_name", "region_depth", "measure", "unit", "period", "period_iso",
                "dimensions", "value", "flag", "source_row", "source_column")
MAX_BYTES = 200 * 1024 * 1024

_CODE_LINE = re.compile(r"\s*GENESIS-Tabelle:\s*(\S+)\s*$")
_DEPTH_LINE = re.compile(r"\s*regionale?\s+Tiefe\s*:\s*(.*)$", re.IGNORECASE)
_UNIT_LINE = re.compile(r"(.*\S)\s*\(([^()]+)\)\s*$")
_PERIOD = re.compile(r"\d{2}\.\d{2}\.\d{4}|(?:1[89]|2\d)\d{2}(?:/(?:\d{2}|\d{4}))?", re.ASCII)
_KEY = re.compile(r"DG|\d+", re.ASCII)
_AGE = re.compile(r"\bunter \d+ Jahr|\d+ bis unter \d+ Jahr|\d+ Jahre? und (?:mehr|älter)|^\d+ Jahre?\b")
_UNITS = frozenset({"Anzahl", "Prozent", "%", "Promille", "‰", "EUR", "Euro", "Tsd. EUR", "1000 EUR",
                    "Mill. EUR", "Mio. EUR", "Tsd.", "1000", "ha", "qkm", "km²", "m²", "Jahre", "Personen",
                    "Stunden", "Tage", "kg", "t", "Tonnen", "kWh", "MWh", "Index", "Quote"})
_SEXES = frozenset({"männlich", "weiblich", "divers", "ohne Angabe", "Männer", "Frauen", "Jungen", "Mädchen"})
_TOTALS = frozenset({"Insgesamt", "insgesamt", "Zusammen", "zusammen"})
_UNNAMED = "\x00"  # prefix of placeholder dimension names until _name_dimensions has named them


class GenesisFormatError(UserInputError):
    """The file is not a GENESIS table this parser understands (message: one sentence in the interface's language)."""


class GenesisColumn(NamedTuple):
    """What one data column means (``position`` is 0-based within the CSV row)."""

    position: int
    measure: str
    unit: str | None
    period: str | None
    dimensions: dict[str, str]


class GenesisCell(NamedTuple):
    """One data cell with plain Python values (``None`` where the DataFrame has NaN)."""

    region_key: str
    region_name: str
    region_depth: int
    measure: str
    unit: str | None
    period: str | None
    period_iso: str | None
    dimensions: dict[str, str]
    value: float | None
    flag: str | None
    source_row: int
    source_column: int


@dataclass
class GenesisTable:
    """A parsed GENESIS table: metadata, the header as read, and ``cells`` (one row per data cell).

    ``cells`` has the columns :data:`CELL_COLUMNS`. Keys are text with leading zeros; ``region_depth`` is
    the indentation of the name (2 blanks per level: Deutschland 0, Land 1, Regierungsbezirk 2, Kreis 3,
    Gemeinde 4); ``dimensions`` is canonical JSON (sorted keys, ``"{}"`` for none; :func:`dimensions_of`
    decodes it); ``value`` is float with NaN for "no value"; ``flag`` is the symbol or quality suffix (NaN
    for none); ``source_row`` and ``source_column`` are 1-based positions in the file.
    """

    file_name: str
    encoding: str
    table_code: str
    title: str
    title_lines: list[str]
    regional_depth: str
    statistic: str
    unit_line: str
    table_period: str | None
    stand: str
    licence: str
    footnotes: list[str]
    header_rows: list[list[str]]
    columns: list[GenesisColumn]
    dimension_names: list[str]
    cells: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    @property
    def stand_iso(self) -> str | None:
        """``Stand`` as ISO date-time (``2017-12-14T15:51:18``); ``None`` if absent or unreadable."""
        match = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})\s*/\s*(\d{2}:\d{2}:\d{2})", self.stand)
        return f"{match[3]}-{match[2]}-{match[1]}T{match[4]}" if match else None

    def iter_cells(self) -> Iterator[GenesisCell]:
        """The cells as :class:`GenesisCell` tuples with ``None`` for missing values and dict dimensions."""
        decoded: dict[str, dict[str, str]] = {}
        for row in self.cells.itertuples(index=False, name=None):
            values: list[Any] = [None if _isna(v) else v for v in row]
            if values[7] not in decoded:
                decoded[values[7]] = dimensions_of(values[7])
            values[7] = decoded[values[7]]
            values[2], values[10], values[11] = int(values[2]), int(values[10]), int(values[11])
            yield GenesisCell(*values)


def dimensions_of(text: str) -> dict[str, str]:
    """Decode the ``dimensions`` column (canonical JSON) into a dict."""
    return json.loads(text)


def _isna(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _blank(row: list[str]) -> bool:
    return not "".join(row).strip()


def _is_period(text: str) -> bool:
    return _PERIOD.fullmatch(text) is not None


def _is_period_line(row: list[str]) -> bool:
    """A line that only names a period (``2015;;;;``): the table period line or a block period in the data."""
    return _is_period(row[0].strip()) and _blank(row[1:])


def _is_unit(text: str) -> bool:
    return text in _UNITS or any(text.startswith(f"{unit} je ") for unit in _UNITS)


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV rows with the 1-based line each starts on (quoted footnotes span several lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            if not _blank(row):
                rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error:  # e.g. a field beyond csv.field_size_limit() in a hostile file
        raise GenesisFormatError(tr("Die Datei ist ab Zeile {line} keine lesbare CSV-Datei.", line=line)) from None
    return rows


def parse_genesis_table(data: bytes, file_name: str = "") -> GenesisTable:
    """Parse a GENESIS table CSV (any encoding :func:`decode_text` handles).

    Raises :class:`GenesisFormatError` for empty files, files that do not start with ``GENESIS-Tabelle:``,
    tables without header or data rows, files that end before the ``__________`` footer line (a truncated
    download could otherwise pass a cut-off last number as a value), unknown region keys and cells that
    are neither numbers nor symbols. Keys Excel stripped of their leading zero are repaired where
    unambiguous and listed in ``warnings``.
    """
    if not data.strip():
        raise GenesisFormatError(tr("Die Datei ist leer."))
    if len(data) > MAX_BYTES:
        raise GenesisFormatError(tr("Die Datei ist mit {size} MB zu groß für eine GENESIS-Tabelle.",
                                    size=format_number(len(data) // 1_000_000)))
    decoded = decode_text(data)
    warnings: list[str] = []
    if decoded.lossy:
        warnings.append(tr("Einige Zeichen der Datei waren nicht lesbar und wurden durch Ersatzzeichen ersetzt."))
    rows = _read_rows(decoded.text)
    if not rows or (code := _CODE_LINE.match(rows[0][1][0])) is None:
        raise GenesisFormatError(tr("Die Datei ist keine GENESIS-Tabelle, denn die erste Zeile beginnt nicht "
                                    "mit „GENESIS-Tabelle:“."))
    pos = 1
    while pos < len(rows) and rows[pos][1][0].strip() and _blank(rows[pos][1][1:]) \
            and not rows[pos][1][0].startswith("___"):
        pos += 1  # metadata lines: only the first cell filled
    meta = [row[0].strip() for _, row in rows[1:pos]]
    title_lines, regional_depth, statistic, unit_line, table_period, extra = _split_metadata(meta)
    title = " ".join(title_lines)
    header_start = pos
    while pos < len(rows) and not rows[pos][1][0].strip():
        pos += 1
    header_rows = [row for _, row in rows[header_start:pos]]
    data_start = pos
    while pos < len(rows) and not rows[pos][1][0].startswith("___"):
        pos += 1
    if pos == len(rows):
        raise GenesisFormatError(tr("Die GENESIS-Tabelle endet ohne die Trennlinie „__________“ vor der "
                                    "Fußzeile; die Datei ist vermutlich unvollständig."))
    data_rows = rows[data_start:pos]
    if not header_rows:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle hat keine Kopfzeilen über den Daten."))
    if not data_rows:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Datenzeilen."))
    stand, licence, footnotes = _parse_footer([row for _, row in rows[pos + 1 :]])

    width = max(max(i + 1 for i, c in enumerate(r) if c.strip()) for r in header_rows)
    front = min(next(i for i, c in enumerate(r) if c.strip()) for r in header_rows)
    if front < 2 or front >= width:
        raise GenesisFormatError(tr("Die Kopfzeilen der GENESIS-Tabelle lassen keine Schlüssel-, Namens- und "
                                    "Datenspalten erkennen."))
    key_col = _find_key_column(data_rows, front)
    period_col = next((c for c in range(key_col)
                       if all(_is_period(r[c].strip()) for _, r in data_rows[:200] if len(r) > c)), None)
    row_dim_cols = [c for c in range(front) if c not in (key_col, key_col + 1, period_col)]
    padded = [[c.strip() for c in (r + [""] * width)[:width]] for r in header_rows]
    columns = _analyse_header(padded, front, width, unit_line, statistic, title)
    frame, row_dims = _build_cells(data_rows, front, width, key_col, period_col, row_dim_cols, columns,
                                   table_period, warnings)
    dimension_names = _name_dimensions(frame, row_dims, row_dim_cols, columns, title)
    if extra:
        warnings.append(tr("Nicht erkannte Zeilen im Tabellenkopf: {lines}", lines="; ".join(extra)))

    return GenesisTable(
        file_name=file_name, encoding=decoded.encoding, table_code=code[1], title=title,
        title_lines=title_lines, regional_depth=regional_depth, statistic=statistic, unit_line=unit_line,
        table_period=table_period, stand=stand, licence=licence, footnotes=footnotes,
        header_rows=header_rows, columns=columns, dimension_names=dimension_names, cells=frame,
        warnings=warnings,
    )


def _split_metadata(meta: list[str]) -> tuple[list[str], str, str, str, str | None, list[str]]:
    """Title lines up to ``regionale Tiefe``; after it the statistic, unit line, table period, others."""
    depth_index = next((i for i, line in enumerate(meta) if _DEPTH_LINE.match(line)), None)
    if depth_index is None:  # no "regionale Tiefe": the title runs up to the first unit or period line
        end = next((i for i, m in enumerate(meta) if _UNIT_LINE.match(m) or _is_period(m)), len(meta))
        title_lines, regional_depth, statistic, after = meta[:end], "", "", meta[end:]
    else:
        title_lines, after = meta[:depth_index], meta[depth_index + 1 :]
        regional_depth = _DEPTH_LINE.match(meta[depth_index])[1].strip()  # type: ignore[index]
        statistic = after.pop(0) if after and not _is_period(after[0]) else ""
    unit_line, table_period, extra = "", None, []
    for line in after:
        if _is_period(line) and table_period is None:
            table_period = line
        elif _UNIT_LINE.match(line) and not unit_line:
            unit_line = line
        else:
            extra.append(line)
    return title_lines, regional_depth, statistic, unit_line, table_period, extra


def _parse_footer(rows: list[list[str]]) -> tuple[str, str, list[str]]:
    """``Stand``, licence (one line) and footnotes (one entry per ``zu "..."`` section)."""
    stand, licence = "", ""
    footnotes: list[str] = []
    for text in (cell.strip() for row in rows for cell in row):
        if text.startswith("Stand:"):
            stand = text[len("Stand:") :].strip()
        elif text.startswith("©") or "Datenlizenz" in text:
            licence = " ".join(text.split())
        elif text:
            sections: list[list[str]] = []
            for line in (raw.rstrip() for raw in text.split("\n")):
                if re.match(r'zu\s+"', line) or not sections:
                    sections.append([])
                sections[-1].append(line if line.strip() else "")
            footnotes.extend(s for s in ("\n".join(lines).strip() for lines in sections) if s)
    return stand, licence, footnotes


def _find_key_column(data_rows: list[tuple[int, list[str]]], front: int) -> int:
    """The first front column whose sample values are all keys and not all periods (years have 4 digits)."""
    sample = [row for _, row in data_rows[:200] if len(row) >= front and not _is_period_line(row)]
    for col in range(front - 1):
        values = [row[col].strip() for row in sample]
        if values and all(_KEY.fullmatch(v) for v in values) and not all(_is_period(v) for v in values):
            return col
    raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Spalte mit Regionalschlüsseln."))


def _fill_left(rows: list[list[str]], label_rows: list[int], front: int, width: int) -> list[list[str]]:
    """Blank header cells inherit from the left (see the module docstring for when)."""
    filled = [list(r) for r in rows]
    for pos, r in enumerate(label_rows):
        for c in range(front + 1, width):
            if filled[r][c] or not filled[r][c - 1]:
                continue
            same_parent = all(filled[k][c] == filled[k][c - 1] for k in label_rows[:pos])
            if same_parent and any(rows[k][c] for k in label_rows[pos + 1 :]):
                filled[r][c] = filled[r][c - 1]
    return filled


def _analyse_header(rows: list[list[str]], front: int, width: int, unit_line: str, statistic: str,
                    title: str) -> list[GenesisColumn]:
    """Describe each data column; unnamed dimensions get placeholder names."""
    period_rows = [i for i, r in enumerate(rows)
                   if any(r[front:]) and all(map(_is_period, filter(None, r[front:])))]
    others = [i for i in range(len(rows)) if i not in period_rows]
    unit_row = None
    last = rows[others[-1]][front:] if others else []
    if others and (all(map(_is_unit, filter(None, last))) or (not unit_line and len(others) > 2)):
        unit_row = others[-1]
    label_rows = [i for i in others if i != unit_row]
    filled = _fill_left(rows, period_rows + label_rows, front, width)
    measure_row = label_rows[0] if label_rows and not unit_line else None
    dim_rows = [i for i in label_rows if i != measure_row]
    line_match = _UNIT_LINE.match(unit_line) if unit_line else None
    default_measure = line_match[1] if line_match else (statistic or title.split(":")[0] or "Wert")
    default_unit = line_match[2] if line_match else None
    columns: list[GenesisColumn] = []
    for c in range(front, width):
        measure = (filled[measure_row][c] if measure_row is not None else "") or default_measure
        unit = (rows[unit_row][c] if unit_row is not None else "") or default_unit
        period = next((filled[i][c] for i in reversed(period_rows) if filled[i][c]), None)
        cells = [(i, filled[i][c]) for i in dim_rows if filled[i][c]]
        dims = {cells[j][1]: cells[j + 1][1] for j in range(0, len(cells) - 1, 2)}
        if len(cells) % 2:  # a value without a name, grouped by header row and measure
            dims[f"{_UNNAMED}{cells[-1][0]}{_UNNAMED}{measure}"] = cells[-1][1]
        columns.append(GenesisColumn(c, measure, unit, period, dims))
    return columns


def _build_cells(data_rows: list[tuple[int, list[str]]], front: int, width: int, key_col: int,
                 period_col: int | None, row_dim_cols: list[int], columns: list[GenesisColumn],
                 table_period: str | None, warnings: list[str]) -> tuple[pd.DataFrame, list[tuple[str, ...]]]:
    """The cells DataFrame, built column-wise (repeat/tile over rows x data columns), and the distinct
    row-dimension tuples; its ``dimensions`` column holds integer codes until :func:`_name_dimensions`."""
    keys, names, depths, lines, periods, row_dims, flat, repaired = [], [], [], [], [], [], [], []
    current_period = table_period
    ncols = width - front
    for line, row in data_rows:
        if _is_period_line(row):
            current_period = row[0].strip()
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        elif len(row) > width and not _blank(row[width:]):
            raise GenesisFormatError(tr("Zeile {line} hat mehr Werte, als die Kopfzeilen Spalten haben.", line=line))
        key = row[key_col].strip()
        if not is_region_key(key):
            fixed, was_repaired = repair_leading_zero(key)
            if not (was_repaired and is_region_key(fixed)):
                raise GenesisFormatError(tr("Zeile {line} enthält „{key}“, das ist kein amtlicher "
                                            "Regionalschlüssel.", line=line, key=key))
            repaired.append(f"{key} → {fixed}")
            key = fixed
        name = row[key_col + 1]
        keys.append(key)
        names.append(name.strip())
        depths.append((len(name) - len(name.lstrip(" "))) // 2)
        lines.append(line)
        periods.append(row[period_col].strip() if period_col is not None else current_period)
        row_dims.append(tuple(row[c].strip() for c in row_dim_cols))
        flat.extend(row[front:width])
    nrows = len(keys)
    if nrows == 0:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Datenzeilen."))
    if repaired:
        warnings.append(tr("Bei {count} Regionalschlüsseln fehlte die führende Null; sie wurde ergänzt "
                           "(z. B. {example}).", count=format_number(len(repaired)), example=repaired[0]))
    codes, uniques = pd.factorize(np.asarray(flat, dtype=object))
    unique_values = np.empty(len(uniques), dtype=float)
    unique_flags = np.empty(len(uniques), dtype=object)
    for i, text in enumerate(uniques):
        try:
            parsed = parse_cell(text)
        except ValueError:
            at = int(np.flatnonzero(codes == i)[0])
            raise GenesisFormatError(tr(
                "Zeile {line}, Spalte {column}: „{text}“ ist weder eine Zahl noch ein Zeichen der "
                "Zeichenerklärung.", line=lines[at // ncols], column=front + at % ncols + 1,
                text=text.strip())) from None

        unique_values[i] = np.nan if parsed.value is None else parsed.value
        unique_flags[i] = parsed.flag

    col_period = np.array([col.period for col in columns], dtype=object)
    has_col_period = np.array([col.period is not None for col in columns])
    cell_period = np.where(np.tile(has_col_period, nrows), np.tile(col_period, nrows),
                           np.repeat(np.array(periods, dtype=object), ncols))
    iso = {p: period_iso(p) for p in set(cell_period.tolist()) if p is not None}
    row_dim_codes, row_dim_uniques = pd.factorize(pd.Series(row_dims, dtype=object))
    frame = pd.DataFrame({
        "region_key": np.repeat(np.asarray(keys, dtype=object), ncols),
        "region_name": np.repeat(np.asarray(names, dtype=object), ncols),
        "region_depth": np.repeat(np.asarray(depths, dtype=np.int16), ncols),
        "measure": np.tile(np.array([c.measure for c in columns], dtype=object), nrows),
        "unit": np.tile(np.array([c.unit for c in columns], dtype=object), nrows),
        "period": cell_period,
        "period_iso": np.array([iso.get(p) for p in cell_period.tolist()], dtype=object),
        "dimensions": np.repeat(row_dim_codes * ncols, ncols) + np.tile(np.arange(ncols), nrows),
        "value": unique_values[codes],
        "flag": unique_flags[codes],
        "source_row": np.repeat(np.asarray(lines, dtype=np.int64), ncols),
        "source_column": np.tile(np.arange(front + 1, width + 1, dtype=np.int64), nrows),
    })
    return frame, list(row_dim_uniques)


def _name_for_values(values: set[str]) -> str | None:
    proper = values - _TOTALS
    if proper and proper <= _SEXES:
        return "Geschlecht"
    if values and sum(1 for v in values if _AGE.search(v)) * 2 > len(values):
        return "Altersgruppe"
    return None


def _title_names(title: str) -> list[str]:
    """Dimension names from the title's ``nach X, Y und Z`` (without ``(79)`` counts and ``- Stichtag -``)."""
    match = re.search(r"\bnach\s+(.+)", title)
    if match is None:
        return []
    text = re.sub(r"\(\d+\)", "", re.split(r"\s+-\s+|\s+-$", match[1])[0])
    return [p.strip(" .") for p in re.split(r",\s*|\s+und\s+|\s+sowie\s+", text) if p.strip(" .")]


def _label_total_columns(columns: list[GenesisColumn]) -> None:
    """Name the total column of a dimension „Insgesamt“ (GENESIS leaves its header cell empty).

    A column that lacks a dimension which other columns of the same measure and period have, and agrees with
    one of them on every dimension it does have, is their total (``Betreute Kinder`` beside ``Betreute
    Kinder / Altersgruppe=unter 3 Jahre`` …). Labelled, it is stored as the total category, so „alle“ means
    it and is never added to its parts.
    """
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, column in enumerate(columns):
        groups.setdefault((column.measure, column.period), []).append(i)
    for members in groups.values():
        names = {n for i in members for n in columns[i].dimensions}
        for i in members:
            dims = dict(columns[i].dimensions)
            for name in sorted(names - dims.keys()):
                siblings = [columns[j].dimensions for j in members if j != i and name in columns[j].dimensions]
                if any(s[name] == TOTAL_LABEL for s in siblings):
                    continue  # a labelled total exists: this column is something else
                if any(all(s.get(k) == v for k, v in dims.items()) for s in siblings):
                    dims[name] = TOTAL_LABEL
            columns[i] = columns[i]._replace(dimensions=dims)


def _name_dimensions(frame: pd.DataFrame, row_dims: list[tuple[str, ...]], row_dim_cols: list[int],
                     columns: list[GenesisColumn], title: str) -> list[str]:
    """Name unnamed dimensions, rename them in ``columns``, write the JSON ``dimensions``; all names."""
    groups: dict[tuple[str, Any], set[str]] = {}  # ("row", front column) or ("col", placeholder) -> values
    for j, col in enumerate(row_dim_cols):
        groups[("row", col)] = {dims[j] for dims in row_dims}
    for column in columns:
        for name, value in column.dimensions.items():
            if name.startswith(_UNNAMED):
                groups.setdefault(("col", name), set()).add(value)
    names = {g: found for g, values in groups.items() if (found := _name_for_values(values)) is not None}
    used = {n.lower() for n in names.values()}
    used |= {n.lower() for c in columns for n in c.dimensions if not n.startswith(_UNNAMED)}
    candidates = [n for n in _title_names(title)
                  if n.lower() not in used and not ("alter" in n.lower() and "altersgruppe" in used)]
    open_groups = [g for g in groups if g not in names]
    if open_groups and len(candidates) == len(open_groups):
        names.update(zip(open_groups, candidates, strict=True))
    for number, group in enumerate((g for g in groups if g not in names), start=1):
        names[group] = f"Merkmal {number}"

    for index, column in enumerate(columns):
        dims = {names[("col", n)] if n.startswith(_UNNAMED) else n: v for n, v in column.dimensions.items()}
        columns[index] = column._replace(dimensions=dims)
    _label_total_columns(columns)
    column_names = {n for c in columns for n in c.dimensions}
    row_names: list[str] = []
    for col in row_dim_cols:  # a row dimension must not hide a column dimension of the same name
        name = base = names[("row", col)]
        while name in column_names or name in row_names:
            name = f"{base} ({len(row_names) + 2})"
        row_names.append(name)
    texts = {}
    for code in np.unique(frame["dimensions"].to_numpy()).tolist():
        row_code, col_index = divmod(code, len(columns))
        merged = dict(zip(row_names, row_dims[row_code], strict=True)) | columns[col_index].dimensions
        texts[code] = json.dumps(merged, ensure_ascii=False, sort_keys=True)
    frame["dimensions"] = frame["dimensions"].map(texts)
    return list(dict.fromkeys(row_names + [n for c in columns for n in c.dimensions]))
