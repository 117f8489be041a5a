"""Whole columns of a generic table as numbers (with symbol flags) or as key text, fast.

:func:`parse_value_column` turns a column into ``(values, flags)``; cells may already be numbers (float/int
from spreadsheets) or text. Rules for text cells:

* Leading and trailing blanks (also no-break ``U+00A0``, narrow no-break ``U+202F``, thin ``U+2009``) are
  ignored; an empty cell is missing (NaN) without flag.
* Symbols and quality suffixes exactly as :func:`bildungsplaner.importing.numbers.parse_cell`: ``-`` (also
  ``–``) is 0.0 with flag ``"-"``; ``.``, ``...`` (``…``), ``/``, ``x`` (``X``) are missing with the symbol as
  flag; a trailing ``p``/``r``/``s`` (with or without a blank before it) is the flag of the number before it,
  and on a symbol the symbol wins.
* Numbers: an optional sign (``+``, ``-`` or the typographic minus ``−``), digits, an optional decimal part
  and an optional percent sign (``12,5 %`` is 12.5 — the unit says "Prozent", the value is not divided by
  100). Thousands are grouped by three with the notation's group separator or with a blank (``1 234``,
  ``1\u00a0234``, ``1\u202f234``); a group separator that does not stand before exactly three digits makes the
  cell unreadable (``1.23`` is not German, ``1,23`` not English).

  - German (``decimal=","``): ``1.234.567``, ``-14,6``, ``1.234,5``, ``,5``.
  - English (``decimal="."``): ``1,234,567``, ``-14.6``, ``1,234.5``, ``.5``.

* ``decimal=None`` decides per column. A cell is *German evidence* when a comma is followed by 1-2 or 4 and
  more digits (``12,5``, ``0,1234``), when a dot group is followed by a comma (``1.234,5``) or when there
  are several dot groups (``1.234.567``); *English evidence* is the mirror image (``12.5``, ``1,234.5``,
  ``1,234,567``). A column with German evidence is German; one with only English evidence is English; a
  column without evidence either way (only ``1.234``, or only ``1,234``, or plain integers) is read German,
  because this application's users and their files are German — ``1.234`` is then one thousand two
  hundred thirty-four and ``1,234`` is 1.234. A column with both kinds of evidence is read German and its
  first English cell is reported as unreadable, with a hint that the column mixes notations.
* Anything else raises :class:`ValueColumnError` (a :class:`~bildungsplaner.UserInputError`) naming the
  first bad cell and its row: ``Zeile 17: „abc“ ist keine Zahl.``

Speed: a column of text is joined into one string and checked by one possessive regular expression in C,
cleaned with ``str.replace`` and converted by ``float``; only cells that are not plain numbers (symbols,
suffixes, empty, errors) are parsed one by one, each distinct text once. That reads several million cells
per second.

:func:`parse_key_column` turns region or facility keys into text (``5978004.0`` → ``"5978004"``). It does
not repair leading zeros: that is the import service's job, because it must report it.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.importing.numbers import parse_cell

__all__ = ["BLANKS", "ValueColumnError", "combine_codes", "detect_decimal", "first_occurrences", "key_codes",
           "merge_equal", "parse_key_column", "parse_text_value", "parse_value_column"]

#: Characters stripped around a cell and accepted as thousands separators between groups of three digits.
BLANKS = " \t\r\n\u00a0\u202f\u2009"
_GROUP_BLANKS = " \u00a0\u202f\u2009"
_PERCENT = rf"(?:[{_GROUP_BLANKS}]?%)?+"
_SIGN = "[+\\-−]?+"


def _number_pattern(decimal: str) -> str:
    group = "." if decimal == "," else ","
    integer = rf"(?:\d{{1,3}}(?:[{re.escape(group)}{_GROUP_BLANKS}]\d{{3}})++|\d++)"
    fraction = rf"{re.escape(decimal)}\d++"
    return rf"{_SIGN}(?:{integer}(?:{fraction})?+|{fraction}){_PERCENT}"


_NUMBER = {d: re.compile(_number_pattern(d)) for d in (",", ".")}
#: A run of lines that are all plain numbers (possessive: no backtracking, linear time).
_RUN = {d: re.compile(rf"(?:{_number_pattern(d)}\n)*+") for d in (",", ".")}
_GERMAN_EVIDENCE = re.compile(r",(?:\d{1,2}|\d{4,})(?!\d)|\.\d{3}[.,]\d")
_ENGLISH_EVIDENCE = re.compile(r"\.(?:\d{1,2}|\d{4,})(?!\d)|,\d{3}[.,]\d")
_SUFFIX = re.compile(r"^(.*?)\s*([prs])$", re.DOTALL)
#: The symbols parse_cell knows, with its results (so the two modules cannot disagree).
_SYMBOLS: dict[str, tuple[float, str]] = {}
for _symbol in ("-", "–", ".", "...", "…", "/", "x", "X"):
    _parsed = parse_cell(_symbol)
    _SYMBOLS[_symbol] = (math.nan if _parsed.value is None else _parsed.value, str(_parsed.flag))
_CLEAN = {",": str.maketrans({".": None, ",": ".", "%": None, "−": "-", **dict.fromkeys(_GROUP_BLANKS)}),
          ".": str.maketrans({",": None, "%": None, "−": "-", **dict.fromkeys(_GROUP_BLANKS)})}


class ValueColumnError(UserInputError):
    """A cell that is neither a number nor a symbol; ``position`` is 0-based within the column."""

    def __init__(self, message: str, position: int, text: str, hint: str = "", shown: str = "") -> None:
        super().__init__(message)
        self.position = position
        self.text = text
        self.hint = hint
        #: the cell as the message shows it (stripped, one line, at most 60 characters)
        self.shown = shown or text


def _clean_big(text: str, decimal: str) -> str:
    """Remove group separators and percent signs, make the decimal separator a point (whole-string ops)."""
    text = text.replace(".", "").replace(",", ".") if decimal == "," else text.replace(",", "")
    for ch in (*_GROUP_BLANKS, "%"):
        if ch in text:
            text = text.replace(ch, "")
    return text.replace("−", "-") if "−" in text else text


def parse_text_value(text: str, decimal: str = ",") -> tuple[float, str | None]:
    """One text cell → ``(value, flag)`` (NaN when missing); raise :class:`ValueError` if it is no number.

    The slow, authoritative path; :func:`parse_value_column` uses it for every cell that is not a plain number.
    """
    stripped = text.strip(BLANKS)
    if not stripped:
        return math.nan, None
    symbol = _SYMBOLS.get(stripped)
    if symbol is not None:
        return symbol
    body, flag = stripped, None
    match = _SUFFIX.match(stripped)
    if match is not None and match.group(1):
        body, flag = match.group(1), match.group(2)
        symbol = _SYMBOLS.get(body)
        if symbol is not None:
            return symbol
    if _NUMBER[decimal].fullmatch(body) is None:
        raise ValueError(text)
    return float(body.translate(_CLEAN[decimal])) + 0.0, flag


def detect_decimal(texts: str | list[str]) -> str:
    """``","`` or ``"."`` for a column's text (a list of cells or the cells joined by newlines); see module."""
    joined = texts if isinstance(texts, str) else "\n".join(texts)
    if _GERMAN_EVIDENCE.search(joined):
        return ","
    return "." if _ENGLISH_EVIDENCE.search(joined) else ","


def _error(position: int, text: str, first_row: int, column: str | None, hint: str = "") -> ValueColumnError:
    row = first_row + position
    where = tr("Spalte „{column}“, Zeile {row}", column=column, row=row) if column else tr("Zeile {row}", row=row)
    shown = text.strip(BLANKS).replace("\n", " ")
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return ValueColumnError(tr("{where}: „{shown}“ ist keine Zahl{hint}.", where=where, shown=shown,
                               hint=translated(hint)), position, text, hint, shown)


_DIGITS_AND_NEWLINE = dict.fromkeys(map(ord, "0123456789\n"))


def _parse_texts(texts: list[str], decimal: str | None, first_row: int,
                 column: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Values and flags of a list of text cells (see the module docstring)."""
    n = len(texts)
    plain = "\n".join(texts)
    if plain and not plain.translate(_DIGITS_AND_NEWLINE) and "\n\n" not in plain and plain[0] != "\n" \
            and plain[-1] != "\n" and plain.count("\n") == n - 1:  # (a cell with a line break is not a number)
        # only unsigned whole numbers, none empty (a population table): no symbols, no separators to decide
        return np.fromiter(map(float, texts), dtype=np.float64, count=n), np.full(n, None, dtype=object)
    stripped = [t.strip(BLANKS) for t in texts]
    joined = "\n".join(stripped)
    if joined.count("\n") != n - 1:  # a cell with a line break inside: keep it out of the line structure
        stripped = [t.replace("\n", "\x00") for t in stripped]
        joined = "\n".join(stripped)
    used = decimal or detect_decimal(joined)
    run = _RUN[used]
    scanned = joined + "\n"  # every line ends with "\n", so a run of good lines can reach the end
    bad: list[int] = []
    pos, row, size = 0, 0, len(scanned)
    while True:
        end = run.match(scanned, pos).end()  # type: ignore[union-attr]  # "(...)*+" always matches
        row += scanned.count("\n", pos, end)
        if end >= size:
            break
        bad.append(row)  # the line at ``end`` is not a plain number
        row += 1
        pos = scanned.index("\n", end) + 1
    values = np.empty(n, dtype=np.float64)
    flags = np.full(n, None, dtype=object)
    if len(bad) < n:
        lines = _clean_big(joined, used).split("\n")
        for i in bad:
            lines[i] = "nan"
        values[:] = np.fromiter(map(float, lines), dtype=np.float64, count=n)
        values += 0.0  # -0.0 -> 0.0, as parse_cell does
    if bad:
        bad_rows = np.asarray(bad, dtype=np.int64)
        codes, uniques = pd.factorize(np.asarray([texts[i] for i in bad], dtype=object))
        parsed_values = np.empty(len(uniques), dtype=np.float64)
        parsed_flags = np.empty(len(uniques), dtype=object)
        for j, text in enumerate(uniques):
            try:
                parsed_values[j], parsed_flags[j] = parse_text_value(text, used)
            except ValueError:
                # uniques are in order of first appearance, so this is the column's first bad cell
                at = int(bad_rows[int(np.argmax(codes == j))])
                hint = ""
                if decimal is None and used == "," and _ENGLISH_EVIDENCE.search(joined):
                    hint = marked(" (die Spalte mischt deutsche und englische Schreibweise)")
                raise _error(at, texts[at], first_row, column, hint) from None
        values[bad_rows] = parsed_values[codes]
        flags[bad_rows] = parsed_flags[codes]
    return values, flags


def _shown(value: Any) -> str:
    """A non-number cell as the user saw it (Excel's German WAHR/FALSCH for booleans)."""
    if isinstance(value, bool | np.bool_):
        return "WAHR" if value else "FALSCH"
    return str(value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def parse_value_column(series: pd.Series, *, decimal: str | None = None, first_row: int = 1,
                       column: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Values (float64, NaN = missing) and flags (object array, ``None`` = no flag) of a column.

    ``decimal`` is ``","`` (German), ``"."`` (English) or ``None`` (decide from the column, see the module
    docstring). ``first_row`` is the file's row number of the first cell and ``column`` the column's name,
    both only for the error message. Booleans and other non-numbers raise :class:`ValueColumnError`.
    """
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal must be ',', '.' or None, not {decimal!r}")
    n = len(series)
    flags = np.full(n, None, dtype=object)
    if n == 0:
        return np.empty(0, dtype=np.float64), flags
    if pd.api.types.is_bool_dtype(series.dtype):
        raise _error(0, _shown(series.iloc[0]), first_row, column)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype=np.float64, na_value=np.nan) + 0.0, flags
    cells = series.to_numpy(dtype=object)
    kind = pd.api.types.infer_dtype(cells, skipna=True)
    if kind == "empty":
        return np.full(n, np.nan), flags
    missing = pd.isna(cells)
    if kind == "string":
        texts = cells.copy()
        texts[missing] = ""
        return _parse_texts(texts.tolist(), decimal, first_row, column)
    values = np.full(n, np.nan)
    is_text = np.fromiter(map(_is_text, cells), dtype=bool, count=n)
    numeric = ~is_text & ~missing
    if numeric.any():
        others = cells[numeric]
        if pd.api.types.infer_dtype(others) not in ("integer", "floating", "mixed-integer-float"):
            for position, value in zip(np.flatnonzero(numeric).tolist(), others.tolist(), strict=True):
                if isinstance(value, bool) or not isinstance(value, int | float | np.number | Decimal):
                    raise _error(position, _shown(value), first_row, column)
        values[numeric] = others.astype(np.float64) + 0.0
    if is_text.any():
        where = np.flatnonzero(is_text)
        try:
            text_values, text_flags = _parse_texts(cells[where].tolist(), decimal, first_row, column)
        except ValueColumnError as error:  # positions within the text cells -> within the column
            position = int(where[error.position])
            raise _error(position, error.text, first_row, column, error.hint) from None
        values[where] = text_values
        flags[where] = text_flags
    return values, flags


def _key_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip(BLANKS) or None
    if isinstance(value, datetime | date):  # a date cell of a spreadsheet (pandas.Timestamp included)
        return None if value is pd.NaT else value.strftime("%Y-%m-%d")
    if isinstance(value, float | np.floating):
        number = float(value)
        if math.isnan(number):
            return None
        if number.is_integer() and abs(number) < 2**53:
            return str(int(number))
        return repr(number)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | np.integer):
        return str(int(value))
    if value is pd.NaT or value is pd.NA:
        return None
    return str(value).strip(BLANKS) or None


def first_occurrences(codes: np.ndarray) -> np.ndarray:
    """Positions of each code's first occurrence, for codes numbered in order of first appearance (factorize).

    Position ``i`` holds a new code exactly when it exceeds every code before it: linear, no sort.
    """
    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64)
    seen = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[codes[0] >= 0, codes[1:] > seen[:-1]])


def combine_codes(parts: list[tuple[np.ndarray, int]], n: int) -> np.ndarray:
    """One code per distinct combination of several columns' codes (``(codes, number of distinct values)``;
    ``-1`` allowed), dense and numbered in order of first appearance like :func:`pandas.factorize`."""
    combined = np.zeros(n, dtype=np.int64)
    radix = 1  # combined < radix
    for codes, size in parts:
        if radix * (size + 2) >= 1 << 62:  # dense again before it could overflow
            combined, uniques = pd.factorize(combined)
            radix = max(len(uniques), 1)
        combined = combined * (size + 2) + codes + 1  # mixed radix: one number per combination
        radix *= size + 2
    # one hash pass at the end, not one per column (4 columns of 1.5 million rows: 25 against 100 ms)
    return pd.factorize(combined)[0]


def merge_equal(codes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, values)`` with equal values merged and missing ones coded ``-1`` (``values`` is short)."""
    merged, distinct = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    if len(distinct) == len(values):
        return codes, np.asarray(values, dtype=object)
    return np.append(merged, -1)[codes], np.asarray(distinct, dtype=object)


def key_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Keys as codes into distinct texts: ``(codes, texts)`` with ``texts[codes[i]]`` the key of row ``i``.

    The texts follow :func:`parse_key_column` and are distinct; an empty cell has code ``-1``.
    """
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        codes, uniques = pd.factorize(series.to_numpy(dtype=np.int64))
        return codes, np.asarray([str(int(v)) for v in uniques.tolist()], dtype=object)
    # each distinct cell once: key columns repeat (many rows per Gemeinde) and factorize is cheap
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
    texts = np.asarray([_key_text(v) for v in np.asarray(uniques, dtype=object).tolist()], dtype=object)
    # cells that differ only in blanks or type ("5978004 ", 5978004.0) share one text; blank text is empty
    return merge_equal(codes, texts)


def parse_key_column(series: pd.Series) -> pd.Series:
    """Keys as text (object Series, same index; ``None`` for empty cells).

    Integral floats lose their ``.0`` (``5978004.0`` → ``"5978004"``; Excel stores numbers as floats), text is
    stripped of blanks and otherwise kept as it is (``"05978004"`` stays, ``"5978004.0"`` as text stays too).
    Leading zeros are not repaired here.
    """
    codes, texts = key_codes(series)
    with_empty = np.append(texts, np.asarray([None], dtype=object))  # code -1 picks the last: None
    return pd.Series(with_empty[codes], index=series.index, dtype=object, copy=False)
