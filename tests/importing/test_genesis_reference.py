"""The vectorised GENESIS parse gives exactly the cells of the row-by-row parse it replaced (issue 14).

``reference_parse`` is the former implementation (csv module, a Python loop per line), kept here only as the
reference: every real GENESIS download and hand-made edge cases (blank rows, period lines inside the data,
short and long rows, quoted cells, repaired keys, symbols and suffixes, errors) must give the same table —
cell by cell (region key, name, depth, measure, unit, period, dimensions, value, flag, position) — and the
same metadata, warnings and error messages.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.encoding import decode_text
from bildungsplaner.importing.genesis import (
    _CODE_LINE,
    _KEY,
    MAX_BYTES,
    GenesisColumn,
    GenesisFormatError,
    GenesisTable,
    _analyse_header,
    _blank,
    _is_period,
    _is_period_line,
    _name_dimensions,
    _parse_footer,
    _split_metadata,
    parse_genesis_table,
)
from bildungsplaner.importing.numbers import parse_cell
from bildungsplaner.importing.periods import period_iso
from bildungsplaner.importing.regionkeys import is_region_key, repair_leading_zero

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"


# --- the former implementation (reference) ------------------------------------------------------------------

def _reference_read_rows(text: str) -> list[tuple[int, list[str]]]:
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


def reference_parse(data: bytes, file_name: str = "") -> GenesisTable:
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
    rows = _reference_read_rows(decoded.text)
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
    key_col = _reference_find_key_column(data_rows, front)
    period_col = next((c for c in range(key_col)
                       if all(_is_period(r[c].strip()) for _, r in data_rows[:200] if len(r) > c)), None)
    row_dim_cols = [c for c in range(front) if c not in (key_col, key_col + 1, period_col)]
    padded = [[c.strip() for c in (r + [""] * width)[:width]] for r in header_rows]
    columns = _analyse_header(padded, front, width, unit_line, statistic, title)
    frame, row_dims = _reference_build_cells(data_rows, front, width, key_col, period_col, row_dim_cols, columns,
                                   table_period, warnings)
    dimension_names = _name_dimensions(frame, row_dims, row_dim_cols, columns, title, {})
    if extra:
        warnings.append(tr("Nicht erkannte Zeilen im Tabellenkopf: {lines}", lines="; ".join(extra)))

    return GenesisTable(
        file_name=file_name, encoding=decoded.encoding, table_code=code[1], title=title,
        title_lines=title_lines, regional_depth=regional_depth, statistic=statistic, unit_line=unit_line,
        table_period=table_period, stand=stand, licence=licence, footnotes=footnotes,
        header_rows=header_rows, columns=columns, dimension_names=dimension_names, cells=frame,
        warnings=warnings,
    )


def _reference_find_key_column(data_rows: list[tuple[int, list[str]]], front: int) -> int:
    """The first front column whose sample values are all keys and not all periods (years have 4 digits)."""
    sample = [row for _, row in data_rows[:200] if len(row) >= front and not _is_period_line(row)]
    for col in range(front - 1):
        values = [row[col].strip() for row in sample]
        if values and all(_KEY.fullmatch(v) for v in values) and not all(_is_period(v) for v in values):
            return col
    raise GenesisFormatError(tr("Die GENESIS-Tabelle enthält keine Spalte mit Regionalschlüsseln."))


def _reference_build_cells(data_rows: list[tuple[int, list[str]]], front: int, width: int, key_col: int,
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


# --- the comparison -----------------------------------------------------------------------------------------

REAL_FILES = sorted(REAL_DATA.glob("genesis_*.csv")) if REAL_DATA.exists() else []


def assert_same(data: bytes) -> GenesisTable | None:
    """The new parse equals the reference cell by cell, or both refuse the file with the same message."""
    try:
        expected = reference_parse(data, "t.csv")
    except GenesisFormatError as error:
        with pytest.raises(GenesisFormatError) as info:
            parse_genesis_table(data, "t.csv")
        assert str(info.value) == str(error)
        return None
    table = parse_genesis_table(data, "t.csv")
    assert len(table.cells) == len(expected.cells)
    # texts stay Python objects (None where there is none); the reference's pd.DataFrame made pandas' string dtype
    text_columns = ["region_key", "region_name", "measure", "unit", "period", "period_iso", "dimensions", "flag"]
    assert all(dtype == np.dtype(object) for dtype in table.cells[text_columns].dtypes)
    for column in text_columns:  # no NaN among them
        cells = table.cells[column]
        assert all(v is None for v in cells[cells.isna()]), column
    pd.testing.assert_frame_equal(table.cells, expected.cells.astype({c: object for c in text_columns}),
                                  check_exact=True)
    # cell by cell in plain values too (NaN == NaN), the columns the store keeps first
    for column in ("region_key", "period", "dimensions", "value", "flag", "region_depth", "source_row"):
        new, old = table.cells[column].tolist(), expected.cells[column].tolist()
        assert all(a == b or (pd.isna(a) and pd.isna(b)) for a, b in zip(new, old, strict=True)), column
    for name in ("encoding", "table_code", "title", "title_lines", "regional_depth", "statistic", "unit_line",
                 "table_period", "stand", "licence", "footnotes", "header_rows", "columns", "dimension_names",
                 "warnings"):
        assert getattr(table, name) == getattr(expected, name), name
    return table


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_every_real_file_parses_to_the_same_cells(path: Path) -> None:
    table = assert_same(path.read_bytes())
    assert table is not None and len(table.cells) > 1000


def test_real_files_are_there() -> None:
    if not REAL_DATA.exists():
        pytest.skip(f"real data not available: {REAL_DATA}")
    assert len(REAL_FILES) >= 11


HEAD = ["GENESIS-Tabelle: 99999-01-01-4", "Testtabelle: Schüler nach Geschlecht - Stichtag -;;;;",
        "regionale Tiefe: Kreise und krfr. Städte;;;;", "Teststatistik;;;;", "Schüler (Anzahl);;;;"]
FOOT = ["__________", '"zu ""gesamter Tabelle"":', 'Testfußnote"', '"© Test, Datenlizenz Deutschland"',
        "Stand: 01.02.2024 / 10:11:12"]


def make(*lines: str, head: list[str] = HEAD, foot: list[str] = FOOT, newline: str = "\n") -> bytes:
    return newline.join([*head, *lines, *foot, ""]).encode("utf-8")


SEX = ";;Insgesamt;männlich;weiblich"


@pytest.mark.parametrize("lines", [
    # plain, symbols, suffixes, a negative number, decimals and thousands
    (SEX, "DG;Deutschland;10;4;6", "05;  NRW;-14,6;1.234;-", "05978;      Unna;.;...;/",
     "05978004;        Bergkamen;x;5p;6 r",
     "01;  SH;1.234,5s;-p;.p", "02;  HH;0;007;+3"),
    # blank rows and period lines inside the data; a period line before the first row
    ("2015;;;;", SEX, "DG;Deutschland;1;2;3", "", ";;;;", "   ", "2016;;;;", "DG;Deutschland;4;5;6"),
    (";;;Insgesamt;männlich", "2015;;;;", "DG;Deutschland;Grundschule;1;2", "2016", "DG;Deutschland;Grundschule;4;5"),
    # short rows (missing cells are empty), long rows with empty extra cells
    (SEX, "DG;Deutschland;1;2", "01;  SH;1;2;3;;", "02;  HH;4"),
    # a first row with more (empty) cells than the others
    (SEX, "DG;Deutschland;1;2;3;;;", "01;  SH;1;2;3"),
    # keys: repaired leading zeros, indentation, names with blanks around them
    (SEX, "DG;Deutschland;1;2;3", "5978004;        Bergkamen ;1;0;1", "5978004;Bergkamen;1;0;1", " 05 ;  NRW;1;1;0"),
    # row dimensions and a period column
    (";;;;Insgesamt;männlich", "31.12.2015;DG;Deutschland;unter 1 Jahr;1;2",
     "31.12.2015;DG;Deutschland; unter 1 Jahr;3;4",
     "31.12.2016;DG;Deutschland;1 bis unter 2 Jahre;5;6", "31.12.2016;01;  SH;Insgesamt;7;8"),
    # quoted cells (the csv module's path) and a quoted cell spanning two lines
    (SEX, 'DG;"Deutschland";1;2;3', '01;"  Schleswig-\nHolstein";4;5;6', "02;  HH;7;8;9"),
    # errors: bad key, bad number, too many values, the first of them counts
    (SEX, "DG;Deutschland;1;2;3", "XY;Irgendwo;1;1;1", "01;  SH;1,2.3;1;1"),
    (SEX, "DG;Deutschland;1;2;3", "01;  SH;abc;1;1", "XY;Irgendwo;1;1;1"),
    (SEX, "DG;Deutschland;1;2;3", "01;  SH;1;1;1;7", "XY;Irgendwo;1;1;1"),
    (SEX, "DG;Deutschland;1;2;3", "XY;Irgendwo;1;1;1;7"),
    (SEX, "DG;Deutschland;1;2;3", "01;  SH;1;2;3;x"),
    # hostile: a field longer than the csv module allows, a NUL character
    (SEX, "DG;Deutschland;1;2;3", "01;  SH;" + "1" * 200_000 + ";2;3"),
    (SEX, "DG;Deutsch\x00land;1;2;3", "01;  SH;1;2;3"),
    # a line of underscores ends the data; no data rows at all
    (SEX, "__________ weiter"),
    (SEX,),
])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_hand_made_tables_parse_to_the_same_cells(lines: tuple[str, ...], newline: str) -> None:
    assert_same(make(*lines, newline=newline))


def test_generated_table_with_every_kind_of_cell() -> None:
    """Thousands of rows: many distinct numbers, symbols and suffixes, period blocks, two row dimensions."""
    rng = np.random.default_rng(14)
    texts = np.array(["-", ".", "...", "/", "x", "X", "–", "…", "0", "12p", "1.234r", "5 s", "-14,6", "3,5p", ""])
    lines = [";;;;;Insgesamt;männlich;weiblich"]
    for year in (2015, 2016):
        lines.append(f"{year};;;;;;;")
        for g in range(300):
            for sex in ("Deutsche", "Ausländer"):
                values = [str(v) if rng.random() < 0.9 else str(rng.choice(texts))
                          for v in rng.integers(0, 10**6, 3)]
                lines.append(f"{'05978' if g % 7 else '5978'}{g:03d};        Gemeinde {g};Grundschule;{sex};"
                             + ";".join(values))
    table = assert_same(make(*lines, head=HEAD[:4]))
    assert table is not None and len(table.cells) == 2 * 300 * 2 * 3


def test_the_data_block_of_a_large_file_is_not_read_row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the head and the footer go through the csv module; the 42,080 data rows through pandas."""
    path = REAL_DATA / "genesis_12411-04-02-4_00.csv"
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    from bildungsplaner.importing import genesis

    counted: list[int] = []
    original = genesis._csv_rows

    def counting(lines: list[str], start: int) -> Any:
        for item in original(lines, start):
            counted.append(item[0])
            yield item

    monkeypatch.setattr(genesis, "_csv_rows", counting)
    table = parse_genesis_table(path.read_bytes())
    assert len(table.cells) == 126_240
    assert 0 < len(counted) < 20


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_the_batch_carries_the_codes_the_checks_would_compute(path: Path) -> None:
    """The parser's codes handed to the batch are exactly :func:`column_codes` of its rows: same numbering
    (dense, in order of first appearance), same distinct values."""
    from bildungsplaner.importing.batch import column_codes
    from bildungsplaner.importing.readers import read_batch
    from bildungsplaner.importing.sniff import sniff

    batch = read_batch(path, sniff(path))
    assert set(batch.coded) >= {"region_key", "region_name", "indicator", "indicator_code", "unit", "period",
                                "dimensions"}
    for column, (codes, uniques) in batch.coded.items():
        expected_codes, expected_uniques = column_codes(batch.rows, column)
        assert np.array_equal(codes, expected_codes), column
        assert uniques.tolist() == expected_uniques.tolist(), column


def reference_batch_rows(table: GenesisTable) -> pd.DataFrame:
    """The observation rows as ``genesis_batch`` built them before it used the parser's codes."""
    from bildungsplaner.importing.batch import OBSERVATION_COLUMNS
    from bildungsplaner.importing.genesis import dimensions_of
    from bildungsplaner.store import dimensions as dims

    cells = table.cells
    canonical = {text: dims.encode(dimensions_of(text)) for text in pd.unique(cells["dimensions"])}
    flags = cells["flag"].astype(object)
    return pd.DataFrame({
        "region_key": cells["region_key"].astype(object),
        "region_name": cells["region_name"].astype(object),
        "indicator": cells["measure"].astype(object),
        "indicator_code": None,
        "unit": cells["unit"].astype(object).where(cells["unit"].notna(), None),
        "period": cells["period"].astype(object),
        "period_iso": cells["period_iso"].astype(object),
        "dimensions": cells["dimensions"].map(canonical).astype(object),
        "value": cells["value"].astype("float64"),
        "flag": flags.where(flags.notna(), None),
        "source_row": cells["source_row"].astype("int64"),
    }, columns=list(OBSERVATION_COLUMNS))


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_the_batch_rows_are_those_of_the_former_construction(path: Path) -> None:
    from bildungsplaner.importing.readers import genesis_batch

    table = parse_genesis_table(path.read_bytes(), path.name)
    pd.testing.assert_frame_equal(genesis_batch(table).rows, reference_batch_rows(table), check_exact=True)
