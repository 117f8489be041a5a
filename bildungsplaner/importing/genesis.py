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
import itertools
import json
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.columns import combine_codes, first_occurrences, merge_equal
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

    ``cells`` has the columns :data:`CELL_COLUMNS`; its texts are Python strings (dtype ``object``, ``None``
    where a cell has none: unit, period, flag). Keys are text with leading zeros; ``region_depth`` is
    the indentation of the name (2 blanks per level: Deutschland 0, Land 1, Regierungsbezirk 2, Kreis 3,
    Gemeinde 4); ``dimensions`` is canonical JSON (sorted keys, ``"{}"`` for none; :func:`dimensions_of`
    decodes it); ``value`` is float with NaN for "no value"; ``flag`` is the symbol or quality suffix
    (``None`` for none); ``source_row`` and ``source_column`` are 1-based positions in the file.
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
    #: ``(codes, distinct values)`` of the text columns ``region_key``, ``region_name``, ``measure``, ``unit``,
    #: ``period``, ``period_iso`` and ``dimensions`` as the parser built them: ``values[codes[i]]`` is cell ``i``'s
    #: value (``-1``: missing), codes dense and numbered in order of first appearance (like
    #: :func:`pandas.factorize`). They spare the import hashing 1.5 million strings per column again
    #: (:attr:`Batch.coded`).
    codes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False, compare=False)

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


def _csv_rows(lines: Iterable[str], start: int) -> Generator[tuple[int, list[str]], None, None]:
    """Non-blank CSV rows of ``lines[start:]`` with the 0-based index of the line each starts on (quoted
    footnotes span several lines)."""
    reader = csv.reader(itertools.islice(lines, start, None), delimiter=";")
    index = start
    try:
        for row in reader:
            if not _blank(row):
                yield index, row
            index = start + reader.line_num
    except csv.Error:  # e.g. a field beyond csv.field_size_limit() in a hostile file
        raise GenesisFormatError(tr("Die Datei ist ab Zeile {line} keine lesbare CSV-Datei.",
                                    line=index + 1)) from None


def parse_genesis_table(data: bytes, file_name: str = "") -> GenesisTable:
    """Parse a GENESIS table CSV (any encoding :func:`decode_text` handles).

    Raises :class:`GenesisFormatError` for empty files, files that do not start with ``GENESIS-Tabelle:``,
    tables without header or data rows, files that end before the ``__________`` footer line (a truncated
    download could otherwise pass a cut-off last number as a value), unknown region keys and cells that
    are neither numbers nor symbols. Keys Excel stripped of their leading zero are repaired where
    unambiguous and listed in ``warnings``.

    Speed: the head (metadata, header rows) and the footer go through the csv module row by row; the data
    block between them — all but a few lines of the file — is read by pandas' C reader in one call
    (:func:`_read_block`) and turned into cells column by column, each distinct text parsed once
    (:func:`_build_cells`).
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
    text, encoding = decoded.text, decoded.encoding
    del decoded
    # the head's lines as the csv module sees them (newline="": \r\n, \n and \r end a line, nothing else), from
    # the first MiB of whole lines (a StringIO of the whole text costs 0.1 s for 40 MB), more only if the head is
    # longer; the data block is cut out of the text whole (_read_block)
    for part in _line_prefixes(text, _HEAD_CHARS):
        code, meta, header_rows, lines, data_start = _read_head(part)
        if data_start is not None or len(part) == len(text):
            break
    if data_start is None:  # the head ran to the end of the file
        data_start = len(lines)
    block = _read_block(text, sum(map(len, lines[:data_start])), data_start)
    del lines
    if block.footer is None:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle endet ohne die Trennlinie „__________“ vor der "
                                    "Fußzeile; die Datei ist vermutlich unvollständig."))
    footer_rows = [row for _, row in _csv_rows(io.StringIO(text[block.footer:], newline="").readlines(), 1)]
    del text
    title_lines, regional_depth, statistic, unit_line, table_period, extra = _split_metadata(meta)
    title = " ".join(title_lines)
    if not header_rows:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle hat keine Kopfzeilen über den Daten."))
    if not block.sample:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Datenzeilen."))
    stand, licence, footnotes = _parse_footer(footer_rows)

    width = max(max(i + 1 for i, c in enumerate(r) if c.strip()) for r in header_rows)
    front = min(next(i for i, c in enumerate(r) if c.strip()) for r in header_rows)
    if front < 2 or front >= width:
        raise GenesisFormatError(tr("Die Kopfzeilen der GENESIS-Tabelle lassen keine Schlüssel-, Namens- und "
                                    "Datenspalten erkennen."))
    key_col = _find_key_column(block.sample, front)
    period_col = next((c for c in range(key_col)
                       if all(_is_period(r[c].strip()) for r in block.sample if len(r) > c)), None)
    row_dim_cols = [c for c in range(front) if c not in (key_col, key_col + 1, period_col)]
    padded = [[c.strip() for c in (r + [""] * width)[:width]] for r in header_rows]
    columns = _analyse_header(padded, front, width, unit_line, statistic, title)
    frame, row_dims, codes = _build_cells(block, front, width, key_col, period_col, row_dim_cols, columns,
                                          table_period, warnings)
    dimension_names = _name_dimensions(frame, row_dims, row_dim_cols, columns, title, codes)
    if extra:
        warnings.append(tr("Nicht erkannte Zeilen im Tabellenkopf: {lines}", lines="; ".join(extra)))

    return GenesisTable(
        file_name=file_name, encoding=encoding, table_code=code[1], title=title,
        title_lines=title_lines, regional_depth=regional_depth, statistic=statistic, unit_line=unit_line,
        table_period=table_period, stand=stand, licence=licence, footnotes=footnotes,
        header_rows=header_rows, columns=columns, dimension_names=dimension_names, cells=frame,
        warnings=warnings, codes=codes,
    )


_HEAD_CHARS = 1 << 20


def _read_head(text: str) -> tuple[re.Match[str], list[str], list[list[str]], list[str], int | None]:
    """The table code, the metadata lines and the header rows of ``text``, the lines read, and the 0-based line
    where the data start (``None``: not in ``text``)."""
    lines: list[str] = []
    head = _csv_rows(_kept(io.StringIO(text, newline=""), lines), 0)
    first = next(head, None)
    if first is None or (code := _CODE_LINE.match(first[1][0])) is None:
        raise GenesisFormatError(tr("Die Datei ist keine GENESIS-Tabelle, denn die erste Zeile beginnt nicht "
                                    "mit „GENESIS-Tabelle:“."))
    meta: list[str] = []
    header_rows: list[list[str]] = []
    in_meta = True
    for index, row in head:
        if in_meta and row[0].strip() and _blank(row[1:]) and not row[0].startswith("___"):
            meta.append(row[0].strip())  # metadata lines: only the first cell filled
            continue
        in_meta = False
        if not row[0].strip():
            header_rows.append(row)
            continue
        head.close()
        return code, meta, header_rows, lines, index
    return code, meta, header_rows, lines, None


class _Block(NamedTuple):
    """The data rows between the header and the footer line.

    ``columns``: one coded column (:class:`_Coded`) per CSV column, one row per CSV row, blank rows included,
    missing cells ``""``; ``lines``: the 1-based line each row starts on; ``sample``: the first :data:`_SAMPLE`
    non-blank rows as the csv module reads them (unpadded), for the column detection; ``footer``: where the
    ``__________`` line starts in the text (``None``: no such line).
    """

    columns: list[_Coded]
    lines: np.ndarray
    sample: list[list[str]]
    footer: int | None


_SAMPLE = 200


def _footer_start(text: str, offset: int, *ends: str) -> int | None:
    """Where the first line from ``text[offset]`` on that starts with ``___`` (the footer line) starts, lines
    ending in one of ``ends``; ``None`` if none does (``str.find`` in C: a regular expression with a
    look-behind took 0.4 s for a file of 40 MB)."""
    if text.startswith("___", offset):
        return offset
    found = [at + 1 for end in ends if (at := text.find(f"{end}___", offset)) >= 0]
    return min(found, default=None)


def _kept(lines: Iterator[str], kept: list[str]) -> Iterator[str]:
    """``lines``, each appended to ``kept`` as it is read."""
    for line in lines:
        kept.append(line)
        yield line


def _line_prefixes(text: str, size: int) -> Iterator[str]:
    """``text`` cut after the first ``\n`` at or beyond ``size`` characters, then beyond 8 times as many, …, and
    lastly whole: each part ends with a whole line as the csv module splits them (``\n`` always ends one)."""
    while True:
        end = text.find("\n", size) + 1 or len(text)
        yield text[:end]
        if end == len(text):
            return
        size *= 8


def _sample_rows(block: str) -> list[list[str]]:
    """The first :data:`_SAMPLE` non-blank rows of a block without quotes, as the csv module splits them.

    Read from the block's first 64 KiB of whole lines (more only where those hold too few rows): a ``StringIO``
    of the whole block copied all of it, 95 ms for a GENESIS table of 1.5 million cells, for 200 rows."""
    sample: list[list[str]] = []
    for part in _line_prefixes(block, 1 << 16):
        sample = []
        for line in io.StringIO(part, newline=""):
            if len(sample) == _SAMPLE:
                break
            row = line.rstrip("\r\n").split(";")
            if not _blank(row):
                sample.append(row)
        if len(sample) == _SAMPLE:
            break
    return sample


def _read_block(text: str, offset: int, start: int) -> _Block:
    """Read the data block from ``text[offset:]`` (line ``start``, 0-based) to the footer line.

    Fast path: a block without quotes, NUL characters and overlong fields is plain ``;``-separated text, one
    row per line (pandas' reader ends lines at ``\n``, ``\r\n`` and ``\r`` like the csv module). It is cut out
    of the text whole (a list of half a million lines and their join cost 0.35 s for 1.5 million cells), and
    pandas' C reader reads it in one call from UTF-8 bytes (given text, it encodes it chunk by chunk itself:
    0.30 against 0.17 s). Categorical columns would spare hashing the cells again, but pandas 3 turns
    categories that look like numbers into numbers: ``01`` and ``1`` would be one key. Row ``i`` is line
    ``start + i + 1``. Anything else (quoted cells may span lines; the csv module refuses overlong fields)
    goes through the csv module row by row, which is what the files' rules are defined by.
    """
    footer = _footer_start(text, offset, "\n")
    block = text[offset:footer]
    newlines, returns = block.count("\n"), block.count("\r")
    count = newlines  # lines, as csv splits them: \n or \r\n, the rows pandas makes tell if that holds
    if returns not in (0, newlines):  # lines ending in \r alone: the footer line may follow one of them
        footer = _footer_start(text, offset, "\n", "\r")
        block = text[offset:footer]
        count = block.count("\n") + block.count("\r") - block.count("\r\n")
    if footer is not None and block and '"' not in block and "\x00" not in block:
        try:
            frame = pd.read_csv(io.BytesIO(block.encode("utf-8")), sep=";", header=None, dtype=object,
                                na_filter=False, skip_blank_lines=False, quoting=csv.QUOTE_NONE, engine="c",
                                encoding="utf-8")
        except (pd.errors.ParserError, ValueError):
            frame = None  # e.g. a row with more cells than the first: the csv module decides
        if frame is not None and len(frame) == count:
            columns = [_coded(frame[name].to_numpy(dtype=object)) for name in frame.columns]
            del frame
            longest = max((len(cell) for column in columns for cell in column.uniques), default=0)
            if longest < csv.field_size_limit():
                return _Block(columns, np.arange(start + 1, start + count + 1, dtype=np.int64), _sample_rows(block),
                              footer)
    del block
    lines = io.StringIO(text, newline="").readlines()
    rows: list[list[str]] = []
    numbers: list[int] = []
    footer = None
    for index, row in _csv_rows(lines, start):
        if row[0].startswith("___"):
            footer = sum(map(len, lines[:index]))
            break
        rows.append(row)
        numbers.append(index + 1)
    width = max((len(r) for r in rows), default=0)
    cells = np.empty((len(rows), width), dtype=object)
    for i, row in enumerate(rows):
        cells[i, :] = row + [""] * (width - len(row))
    return _Block([_coded(cells[:, c]) for c in range(width)], np.asarray(numbers, dtype=np.int64),
                  rows[:_SAMPLE], footer)


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


def _find_key_column(sample: list[list[str]], front: int) -> int:
    """The first front column whose sample values are all keys and not all periods (years have 4 digits)."""
    rows = [row for row in sample if len(row) >= front and not _is_period_line(row)]
    for col in range(front - 1):
        values = [row[col].strip() for row in rows]
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


class _Coded(NamedTuple):
    """A column of texts as codes into its distinct texts (pandas.factorize: order of first appearance)."""

    codes: np.ndarray
    uniques: list[str]
    stripped: list[str]

    @classmethod
    def blank_column(cls, length: int) -> _Coded:
        return cls(np.zeros(length, dtype=np.intp), [""], [""])

    @classmethod
    def row_major(cls, columns: list[_Coded]) -> _Coded:
        """The cells of ``columns`` (of equal length) in one column, row by row: the distinct texts of all
        columns hashed once more (a few thousand), the codes mapped over, no Python per cell."""
        joint, distinct = pd.factorize(np.asarray([t for c in columns for t in c.uniques], dtype=object))
        codes = np.empty((len(columns[0].codes) if columns else 0, len(columns)), dtype=np.intp)
        at = 0
        for j, column in enumerate(columns):
            codes[:, j] = joint[at:at + len(column.uniques)][column.codes]
            at += len(column.uniques)
        texts = distinct.tolist()
        return cls(codes.ravel(), texts, [text.strip() for text in texts])

    def per_row(self, values: list[Any], rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """``values`` (one per distinct text) spread over the rows."""
        return np.asarray(values, dtype=object)[self.codes[rows]]

    def blank(self) -> np.ndarray:
        return np.asarray([not text for text in self.stripped], dtype=bool)[self.codes]


def _coded(values: np.ndarray) -> _Coded:
    codes, uniques = pd.factorize(values)
    texts = uniques.tolist()
    return _Coded(codes, texts, [text.strip() for text in texts])


def _stripped_codes(column: _Coded) -> tuple[np.ndarray, int]:
    """Codes of the stripped texts (``" a"`` and ``"a"`` are one value), and how many there are."""
    codes, uniques = pd.factorize(np.asarray(column.stripped, dtype=object))
    return codes[column.codes], len(uniques)


def _parse_values(texts: list[str]) -> tuple[np.ndarray, np.ndarray, int | None]:
    """Value and flag of each distinct cell text by :func:`parse_cell`'s rules; the index of the first text
    that is neither a number nor a symbol (``None`` if all are). Plain ASCII digit strings — nearly all
    cells of a table — are converted in one call (``astype(float)`` is parse_cell's ``float(text)``)."""
    values = np.full(len(texts), np.nan)
    flags = np.full(len(texts), None, dtype=object)
    series = pd.Series(texts, dtype=object)
    plain = series.str.fullmatch(r"[0-9]+").to_numpy(dtype=bool, na_value=False)
    values[plain] = series[plain].astype(float).to_numpy()
    for i in np.flatnonzero(~plain).tolist():
        try:
            parsed = parse_cell(texts[i])
        except ValueError:
            return values, flags, i
        values[i] = np.nan if parsed.value is None else parsed.value
        flags[i] = parsed.flag
    return values, flags, None


def _build_cells(block: _Block, front: int, width: int, key_col: int, period_col: int | None,
                 row_dim_cols: list[int], columns: list[GenesisColumn], table_period: str | None,
                 warnings: list[str]) -> tuple[pd.DataFrame, list[tuple[str, ...]], Codes]:
    """The cells DataFrame, built column-wise (repeat/tile over rows x data columns), the distinct
    row-dimension tuples and the text columns' codes (:attr:`GenesisTable.codes`); its ``dimensions`` column
    holds integer codes until :func:`_name_dimensions`.

    No Python runs per row or cell: every column is factorized (pandas, in C) and the rules — stripping,
    blank rows, period lines, key checks and repairs, indentation depth, numbers and symbols — run once per
    *distinct* text, then spread over the rows by indexing with the codes. Errors name the first offending
    row, as reading row by row would.
    """
    nrows_all, ncols = len(block.lines), width - front
    # every row shorter than the header: the missing cells are empty
    columns_read = block.columns + [_Coded.blank_column(nrows_all)] * (width - len(block.columns))
    fronts = {c: columns_read[c] for c in range(front)}
    value_block = _Coded.row_major(columns_read[front:width])  # the file's order of cells
    extras = columns_read[width:]
    value_blank = value_block.blank().reshape(nrows_all, ncols).all(axis=1)
    extra_blank = np.ones(nrows_all, dtype=bool)
    for column in extras:
        extra_blank &= column.blank()
    rest_blank = value_blank & extra_blank
    for c in range(1, front):
        rest_blank &= fronts[c].blank()
    first = fronts[0]
    blank = rest_blank & first.blank()
    # a line that only names a period (``2015;;;``) sets the period of the rows below it
    period_line = rest_blank & np.asarray([_is_period(t) for t in first.stripped], dtype=bool)[first.codes]
    last_mark = np.maximum.accumulate(np.where(period_line, np.arange(nrows_all), -1))  # -1: none above
    marked = np.where(last_mark >= 0, first.codes[last_mark], -1)
    current_period = np.asarray([*first.stripped, table_period], dtype=object)[marked]  # -1: the table period
    rows = np.flatnonzero(~blank & ~period_line)
    nrows = len(rows)
    if nrows == 0:
        raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Datenzeilen."))
    lines = block.lines[rows]

    key = fronts[key_col]
    fixed_keys: list[str] = []
    bad_key, was_repaired = np.zeros(len(key.uniques), dtype=bool), np.zeros(len(key.uniques), dtype=bool)
    for i, text in enumerate(key.stripped):
        if is_region_key(text):
            fixed_keys.append(text)
            continue
        fixed, repaired = repair_leading_zero(text)
        bad_key[i] = not (repaired and is_region_key(fixed))
        was_repaired[i] = not bad_key[i]
        fixed_keys.append(fixed)
    # the first row that is too long or has no key: too long is checked first within a row
    too_long = np.flatnonzero(~extra_blank[rows])
    no_key = np.flatnonzero(bad_key[key.codes[rows]])
    if len(too_long) and (not len(no_key) or too_long[0] <= no_key[0]):
        raise GenesisFormatError(tr("Zeile {line} hat mehr Werte, als die Kopfzeilen Spalten haben.",
                                    line=int(lines[too_long[0]])))
    if len(no_key):
        raise GenesisFormatError(tr("Zeile {line} enthält „{key}“, das ist kein amtlicher "
                                    "Regionalschlüssel.", line=int(lines[no_key[0]]),
                                    key=key.stripped[key.codes[rows[no_key[0]]]]))
    repaired_rows = np.flatnonzero(was_repaired[key.codes[rows]])
    if len(repaired_rows):
        at = key.codes[rows[repaired_rows[0]]]
        warnings.append(tr("Bei {count} Regionalschlüsseln fehlte die führende Null; sie wurde ergänzt "
                           "(z. B. {example}).", count=format_number(len(repaired_rows)),
                           example=f"{key.stripped[at]} → {fixed_keys[at]}"))
    name = fronts[key_col + 1]
    depths = [(len(text) - len(text.lstrip(" "))) // 2 for text in name.uniques]
    periods = (fronts[period_col].per_row(fronts[period_col].stripped, rows) if period_col is not None
               else current_period[rows])

    if row_dim_cols:
        parts = [_stripped_codes(fronts[c]) for c in row_dim_cols]
        row_dim_codes = combine_codes([(codes[rows], size) for codes, size in parts], nrows)
        firsts = rows[first_occurrences(row_dim_codes)]
        row_dim_uniques = [tuple(fronts[c].stripped[fronts[c].codes[r]] for c in row_dim_cols)
                           for r in firsts.tolist()]
    else:
        row_dim_codes, row_dim_uniques = np.zeros(nrows, dtype=np.int64), [()]

    value_codes = value_block.codes.reshape(nrows_all, ncols)[rows].ravel()
    unique_values, unique_flags, bad = _parse_values(value_block.uniques)
    if bad is not None:
        at = int(np.flatnonzero(value_codes == bad)[0])
        raise GenesisFormatError(tr(
            "Zeile {line}, Spalte {column}: „{text}“ ist weder eine Zahl noch ein Zeichen der "
            "Zeichenerklärung.", line=int(lines[at // ncols]), column=front + at % ncols + 1,
            text=value_block.uniques[bad].strip()))

    period_codes, period_texts = _period_codes(periods, columns, nrows)
    iso = np.asarray([period_iso(p) for p in period_texts.tolist()] + [None], dtype=object)
    # built as Series of objects and put side by side: pd.DataFrame(dict) would look at every one of the 1.5
    # million texts per column to turn it into pandas' string dtype (0.23 s)
    frame = _object_frame({
        "region_key": np.repeat(key.per_row(fixed_keys, rows), ncols),
        "region_name": np.repeat(name.per_row(name.stripped, rows), ncols),
        "region_depth": np.repeat(np.asarray(depths, dtype=np.int16)[name.codes[rows]], ncols),
        "measure": np.tile(np.array([c.measure for c in columns], dtype=object), nrows),
        "unit": np.tile(np.array([c.unit for c in columns], dtype=object), nrows),
        "period": np.asarray([*period_texts.tolist(), None], dtype=object)[period_codes],  # -1 (none): the None
        "period_iso": iso[period_codes],
        "dimensions": np.repeat(row_dim_codes * ncols, ncols) + np.tile(np.arange(ncols), nrows),
        "value": unique_values[value_codes],
        "flag": unique_flags[value_codes],
        "source_row": np.repeat(lines, ncols),
        "source_column": np.tile(np.arange(front + 1, width + 1, dtype=np.int64), nrows),
    })
    codes = {"region_key": _row_codes(key.codes[rows], fixed_keys, ncols),
             "region_name": _row_codes(name.codes[rows], name.stripped, ncols),
             "measure": _column_codes([c.measure for c in columns], nrows),
             "unit": _column_codes([c.unit for c in columns], nrows),
             "period": (period_codes, np.asarray(period_texts, dtype=object)),
             "period_iso": merge_equal(period_codes, iso[:-1])}  # two period texts may name one date
    return frame, row_dim_uniques, codes


Codes = dict[str, tuple[np.ndarray, np.ndarray]]


def _object_frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A DataFrame of these arrays as they are (texts stay Python objects, ``None`` stays ``None``)."""
    return pd.concat([pd.Series(values, name=name, copy=False, dtype=object if values.dtype == object else None)
                      for name, values in columns.items()], axis=1)


def _period_codes(row_periods: np.ndarray, columns: list[GenesisColumn], nrows: int) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's period as ``(codes, texts)``, like :func:`pandas.factorize` of the cells' periods (first
    appearance, ``None``: ``-1``): its column's period, else its row's (``row_periods``, ``None`` for none).
    Hashed per row and per column, then combined as integers: no Python object per cell."""
    ncols = len(columns)
    row_codes, row_texts = pd.factorize(np.asarray(row_periods, dtype=object))
    joint_codes, joint_texts = pd.factorize(np.asarray(
        row_texts.tolist() + [c.period for c in columns if c.period is not None], dtype=object))
    column_codes = np.full(ncols, -1, dtype=np.intp)
    has_period = np.array([c.period is not None for c in columns], dtype=bool)
    column_codes[has_period] = joint_codes[len(row_texts):]
    row_joint = np.append(joint_codes[:len(row_texts)], -1)[row_codes]  # row code -1 (no period) stays -1
    cell = np.where(np.tile(has_period, nrows), np.tile(column_codes, nrows), np.repeat(row_joint, ncols))
    codes, order = pd.factorize(cell)  # renumbered in order of first appearance, -1 among them
    missing = np.flatnonzero(order == -1)
    if len(missing):
        at = int(missing[0])
        codes = np.where(codes == at, -1, codes - (codes > at))
        order = np.delete(order, at)
    return codes, np.asarray(joint_texts, dtype=object)[order]


def _row_codes(row_codes: np.ndarray, texts: list[str], ncols: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes of a per-row value (``texts[row_codes[r]]``) over the row's ``ncols`` cells: equal texts merged,
    dense, in order of first appearance (a row's cells are consecutive, so rows decide the order)."""
    merged, distinct = pd.factorize(np.asarray(texts, dtype=object))
    codes, order = pd.factorize(merged[row_codes])
    return np.repeat(codes, ncols), np.asarray(distinct, dtype=object)[order]


def _column_codes(values: list[str | None], nrows: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes of a per-column value, tiled over the rows (the first row's columns are the first appearances)."""
    codes, distinct = pd.factorize(np.asarray(values, dtype=object))  # None: -1
    return np.tile(codes, nrows), np.asarray(distinct, dtype=object)


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
                     columns: list[GenesisColumn], title: str, codes: Codes) -> list[str]:
    """Name unnamed dimensions, rename them in ``columns``, write the JSON ``dimensions`` (and its codes into
    ``codes``); all names."""
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
    cell_codes, distinct = pd.factorize(frame["dimensions"].to_numpy())  # each distinct (row, column) once
    texts = []
    for code in distinct.tolist():
        row_code, col_index = divmod(code, len(columns))
        merged = dict(zip(row_names, row_dims[row_code], strict=True)) | columns[col_index].dimensions
        texts.append(json.dumps(merged, ensure_ascii=False, sort_keys=True))
    cell_codes, values = merge_equal(cell_codes, np.asarray(texts, dtype=object))  # two columns may agree
    frame["dimensions"] = pd.Series(values[cell_codes], index=frame.index, dtype=object, copy=False)
    codes["dimensions"] = (cell_codes, values)
    return list(dict.fromkeys(row_names + [n for c in columns for n in c.dimensions]))
