"""Whole value and key columns: examples, notation detection, and Hypothesis round trips."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.importing.columns import (
    ValueColumnError,
    combine_codes,
    detect_decimal,
    first_occurrences,
    key_codes,
    parse_key_column,
    parse_text_value,
    parse_value_column,
)
from bildungsplaner.importing.numbers import parse_cell


def parse(cells: list, **kwargs) -> list[tuple[float | None, str | None]]:
    values, flags = parse_value_column(pd.Series(cells, dtype=object), **kwargs)
    assert values.dtype == np.float64 and flags.dtype == object and len(values) == len(flags) == len(cells)
    return [(None if math.isnan(v) else v, f) for v, f in zip(values.tolist(), flags.tolist(), strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567", (1234567.0, None)),
        ("1.234,5", (1234.5, None)),
        ("-14,6", (-14.6, None)),
        ("−2,5", (-2.5, None)),
        ("+3", (3.0, None)),
        (",5", (0.5, None)),
        ("-0", (0.0, None)),
        (" 42 ", (42.0, None)),
        ("\u00a01\u202f000,5\u00a0", (1000.5, None)),
        ("1 234 567", (1234567.0, None)),
        ("1\u2009234", (1234.0, None)),
        ("12,5 %", (12.5, None)),
        ("12,5%", (12.5, None)),
        ("-", (0.0, "-")),
        ("–", (0.0, "-")),
        (".", (None, ".")),
        ("...", (None, "...")),
        ("…", (None, "...")),
        ("/", (None, "/")),
        ("x", (None, "x")),
        ("X", (None, "x")),
        ("123p", (123.0, "p")),
        ("1.234,5 r", (1234.5, "r")),
        ("12s", (12.0, "s")),
        (".p", (None, ".")),
        ("-r", (0.0, "-")),
        ("", (None, None)),
        ("   ", (None, None)),
    ],
)
def test_german_examples(text: str, expected: tuple) -> None:
    # a German-evidence cell next to it fixes the notation; then the cell itself
    assert parse(["0,5", text])[1] == expected
    assert parse([text], decimal=",")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,234,567", 1234567.0), ("1,234.5", 1234.5), ("-14.6", -14.6), (".5", 0.5), ("1 234.5", 1234.5),
     ("12.5 %", 12.5), ("1,234.5p", 1234.5)],
)
def test_english_examples(text: str, expected: float) -> None:
    assert parse([text], decimal=".")[0][0] == expected
    assert parse(["0.25", text])[1][0] == expected


@pytest.mark.parametrize(
    ("cells", "decimal"),
    [
        (["12,5", "3"], ","),
        (["1.234,5"], ","),
        (["1.234.567"], ","),
        (["0,1234"], ","),
        (["12.5", "3"], "."),
        (["1,234.5"], "."),
        (["1,234,567"], "."),
        (["0.1234"], "."),
        (["1.234", "5.000"], ","),  # ambiguous: read German, the audience's notation
        (["1,234"], ","),  # ambiguous too: German, so 1.234
        (["12", "7"], ","),
        (["x", "-", ""], ","),
    ],
)
def test_detect_decimal(cells: list[str], decimal: str) -> None:
    assert detect_decimal(cells) == decimal


def test_ambiguous_columns_are_read_german() -> None:
    assert parse(["1.234", "2.000"]) == [(1234.0, None), (2000.0, None)]
    assert parse(["1,234"]) == [(1.234, None)]


def test_numbers_from_spreadsheets_pass_through_with_symbols_beside_them() -> None:
    assert parse([1.0, "2,5", None, 3, "x", float("nan"), "", np.int64(7)]) == [
        (1.0, None), (2.5, None), (None, None), (3.0, None), (None, "x"), (None, None), (None, None), (7.0, None)]


def test_numeric_and_empty_dtypes() -> None:
    values, flags = parse_value_column(pd.Series([1, 2, 3]))
    assert values.tolist() == [1.0, 2.0, 3.0] and flags.tolist() == [None] * 3
    values, _ = parse_value_column(pd.Series([1.5, np.nan]))
    assert values[0] == 1.5 and math.isnan(values[1])
    values, _ = parse_value_column(pd.Series([None, None], dtype=object))
    assert np.isnan(values).all()
    values, flags = parse_value_column(pd.Series([], dtype=object))
    assert len(values) == len(flags) == 0
    values, _ = parse_value_column(pd.Series(["1,5", None]))  # pandas' str dtype with NaN
    assert values[0] == 1.5 and math.isnan(values[1])


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["1", "2", "abc"], "Zeile 3: „abc“ ist keine Zahl."),
        (["1,5", "1.23"], "Zeile 2: „1.23“ ist keine Zahl"),
        (["12,5", "0.25"], "Zeile 2: „0.25“ ist keine Zahl (die Spalte mischt deutsche und englische Schreibweise)"),
        (["1e5"], "Zeile 1: „1e5“ ist keine Zahl."),
        (["--5"], "Zeile 1: „--5“ ist keine Zahl."),
        (["p"], "Zeile 1: „p“ ist keine Zahl."),
        (["12q"], "Zeile 1: „12q“ ist keine Zahl."),
        ([1.0, "x", "zwei"], "Zeile 3: „zwei“ ist keine Zahl."),
        ([1.0, True], "Zeile 2: „WAHR“ ist keine Zahl."),
        (["1", "a\nb"], "Zeile 2: „a b“ ist keine Zahl."),
    ],
)
def test_bad_cells_name_the_first_one_and_its_row(cells: list, message: str) -> None:
    with pytest.raises(ValueColumnError) as info:
        parse_value_column(pd.Series(cells, dtype=object))
    assert message in str(info.value)


def test_error_rows_count_from_first_row_and_name_the_column() -> None:
    with pytest.raises(UserInputError, match=r"^Spalte „Einwohner“, Zeile 17: „abc“ ist keine Zahl\.$"):
        parse_value_column(pd.Series(["1", "abc", "def"]), first_row=16, column="Einwohner")


def test_first_bad_cell_is_reported_even_when_a_later_one_repeats() -> None:
    with pytest.raises(ValueColumnError) as info:
        parse_value_column(pd.Series(["1", "b", "a", "b", "a"]))
    assert info.value.position == 1


def test_the_same_rules_as_parse_cell_for_genesis_cells() -> None:
    cells = ["1.234.567", "-14,6", "0", "-", ".", "...", "/", "x", "123 p", "1.234,5r", ".p", "", "\u00a01.000"]
    for text in cells:
        expected = parse_cell(text)
        assert parse([text], decimal=",")[0] == (expected.value, expected.flag)


def test_keys_become_text() -> None:
    series = pd.Series([5978004.0, " 05978004 ", None, np.nan, 12, "", 1.5, "DG", np.int64(5)], dtype=object,
                       index=range(10, 19))
    keys = parse_key_column(series)
    assert keys.tolist() == ["5978004", "05978004", None, None, "12", None, "1.5", "DG", "5"]
    assert list(keys.index) == list(series.index) and keys.dtype == object
    assert parse_key_column(pd.Series([5978004.0, np.nan])).tolist() == ["5978004", None]
    assert parse_key_column(pd.Series([1, 2])).tolist() == ["1", "2"]
    assert parse_key_column(pd.Series(["05978", None, " 059 "])).tolist() == ["05978", None, "059"]
    assert parse_key_column(pd.Series([pd.Timestamp("2024-12-31 00:00"), "2023"], dtype=object)).tolist() == \
        ["2024-12-31", "2023"]


cells = st.lists(st.one_of(st.none(), st.sampled_from(["05978004", " 05978004", "DG", "", "  ", "x"]),
                           st.integers(0, 3), st.just(np.nan), st.floats(0, 3).map(lambda f: round(f, 1))),
                 max_size=40)


@given(cells)
def test_key_codes_are_distinct_texts_with_minus_one_for_empty(values: list) -> None:
    series = pd.Series(values, dtype=object)
    codes, texts = key_codes(series)
    assert len(set(texts.tolist())) == len(texts) and None not in texts.tolist()
    expected = parse_key_column(series).tolist()
    assert [None if c < 0 else texts[c] for c in codes.tolist()] == expected
    # numbered in order of first appearance, as pandas.factorize does
    seen = [c for c in dict.fromkeys(codes.tolist()) if c >= 0]
    assert seen == list(range(len(texts)))


@given(st.lists(st.integers(-1, 6), max_size=60))
def test_first_occurrences_match_a_sort(values: list[int]) -> None:
    codes = pd.factorize(pd.Series(values).replace(-1, np.nan))[0]
    expected = [i for i, c in enumerate(codes.tolist()) if c >= 0 and c not in codes[:i]]
    assert first_occurrences(codes).tolist() == expected


# --- properties ------------------------------------------------------------------------------------------

def german(value: float | int, *, grouped: bool, decimals: int) -> str:
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def english(value: float | int, *, grouped: bool, decimals: int) -> str:
    return f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"


numbers = st.one_of(st.integers(-10**12, 10**12), st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False))


@given(numbers, st.booleans(), st.integers(0, 6), st.sampled_from(["", "p", "r", "s", " p"]),
       st.sampled_from(["-", "−"]))
def test_german_round_trip(value: float, grouped: bool, decimals: int, suffix: str, minus: str) -> None:
    text = german(value, grouped=grouped, decimals=decimals).replace("-", minus) + suffix
    expected = round(value, decimals)
    for kwargs in ({"decimal": ","}, {}):
        parsed, flag = parse([text, "0,5"], **kwargs)[0]
        assert parsed == pytest.approx(expected, rel=1e-12, abs=10.0 ** -decimals)
        assert flag == (suffix.strip() or None)


@given(numbers, st.booleans(), st.integers(0, 6), st.sampled_from(["", "p", "r", "s"]))
def test_english_round_trip(value: float, grouped: bool, decimals: int, suffix: str) -> None:
    text = english(value, grouped=grouped, decimals=decimals) + suffix
    expected = round(value, decimals)
    for kwargs in ({"decimal": "."}, {}):
        parsed, flag = parse([text, "0.5"], **kwargs)[0]
        assert parsed == pytest.approx(expected, rel=1e-12, abs=10.0 ** -decimals)
        assert flag == (suffix or None)


@given(st.lists(st.tuples(numbers, st.integers(0, 3)), min_size=1, max_size=30), st.booleans())
def test_a_column_of_german_numbers_is_detected_and_read(pairs: list[tuple[float, int]], grouped: bool) -> None:
    texts = [german(v, grouped=grouped, decimals=d) for v, d in pairs] + ["1,5"]
    values, _ = parse_value_column(pd.Series(texts))
    for (value, decimals), parsed in zip(pairs, values.tolist(), strict=False):
        assert parsed == pytest.approx(round(value, decimals), rel=1e-12, abs=10.0 ** -decimals)


@given(st.sampled_from(["-", "–", ".", "...", "…", "/", "x", "X"]), st.sampled_from(["", "p", " r", "s"]))
def test_symbols_give_the_documented_flags(symbol: str, suffix: str) -> None:
    expected = {"-": (0.0, "-"), "–": (0.0, "-"), ".": (None, "."), "...": (None, "..."), "…": (None, "..."),
                "/": (None, "/"), "x": (None, "x"), "X": (None, "x")}[symbol]
    assert parse([symbol + suffix, "1,5"])[0] == expected
    assert parse([symbol + suffix], decimal=".")[0] == expected


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(max_size=12), st.text(alphabet="0123456789.,-−+ %prsx/\u00a0\n", max_size=12)),
                min_size=1, max_size=8),
       st.sampled_from([None, ",", "."]))
def test_random_text_raises_only_user_input_errors(cells: list[str], decimal: str | None) -> None:
    try:
        values, flags = parse_value_column(pd.Series(cells, dtype=object), decimal=decimal)
    except UserInputError:
        return
    # whatever was accepted agrees with the one-cell parser
    used = decimal or detect_decimal([c.strip(" \t\r\n\u00a0\u202f\u2009") for c in cells])
    for text, value, flag in zip(cells, values.tolist(), flags.tolist(), strict=True):
        expected_value, expected_flag = parse_text_value(text, used)
        assert flag == expected_flag
        assert (math.isnan(value) and math.isnan(expected_value)) or value == expected_value


def test_a_cell_of_digits_with_a_line_break_is_no_number() -> None:
    """Found by Hypothesis: „0\\n0“ passed the fast path for whole numbers and crashed with a ValueError."""
    with pytest.raises(UserInputError, match="keine Zahl"):
        parse_value_column(pd.Series(["0\n0"], dtype=object))


# --- combine_codes: one code per combination ----------------------------------------------------------------

@st.composite
def _code_columns(draw: st.DrawFn) -> tuple[list[tuple[np.ndarray, int]], int]:
    n = draw(st.integers(0, 60))
    parts = []
    for size in draw(st.lists(st.sampled_from([1, 2, 3, 7, 1 << 20, 1 << 40]), min_size=1, max_size=5)):
        codes = draw(st.lists(st.integers(-1, min(size - 1, 4)), min_size=n, max_size=n))
        spread = np.asarray(codes, dtype=np.int64)  # spread over the whole range of the column's size
        parts.append((np.where(spread >= 0, spread * max(1, (size - 1) // 4), -1), size))
    return parts, n


@given(_code_columns())
def test_combine_codes_numbers_each_combination_in_order_of_first_appearance(case: tuple) -> None:
    """Equal rows get equal codes, different rows different ones, dense and numbered as they first appear —
    also where the columns' sizes multiply beyond 64 bits (the codes are made dense on the way)."""
    parts, n = case
    combined = combine_codes(parts, n)
    rows = list(zip(*[codes.tolist() for codes, _ in parts], strict=True)) if n else []
    first_seen: dict[tuple, int] = {}
    expected = [first_seen.setdefault(row, len(first_seen)) for row in rows]
    assert combined.tolist() == expected


def test_combine_codes_keeps_columns_apart_beyond_64_bits() -> None:
    """Three columns of 2**32 - 2 values: without making the codes dense on the way, the third column's
    multiplication pushes the first one out of 64 bits and rows that differ only there would be one."""
    size = (1 << 32) - 2
    first = np.array([0, 1, 0, 1], dtype=np.int64)
    other = np.zeros(4, dtype=np.int64)
    assert combine_codes([(first, size), (other, size), (other, size)], 4).tolist() == [0, 1, 0, 1]
