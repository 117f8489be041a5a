"""German numbers, symbols and quality suffixes; property tests with Hypothesis."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bildungsplaner.importing.numbers import ParsedValue, parse_cell, parse_german_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567", ParsedValue(1234567.0, None)),
        ("1.234", ParsedValue(1234.0, None)),  # dots only ever separate thousands
        ("1234", ParsedValue(1234.0, None)),
        ("12,5", ParsedValue(12.5, None)),
        ("-14,6", ParsedValue(-14.6, None)),  # a negative number, not the symbol "-"
        ("+3", ParsedValue(3.0, None)),
        ("−2,5", ParsedValue(-2.5, None)),  # typographic minus
        ("1.234.567,891", ParsedValue(1234567.891, None)),
        ("0,05", ParsedValue(0.05, None)),
        (",5", ParsedValue(0.5, None)),
        ("0", ParsedValue(0.0, None)),  # GENESIS writes true zeros as 0
        ("-0", ParsedValue(0.0, None)),
        ("-", ParsedValue(0.0, "-")),
        ("–", ParsedValue(0.0, "-")),
        (".", ParsedValue(None, ".")),
        ("...", ParsedValue(None, "...")),
        ("…", ParsedValue(None, "...")),
        ("/", ParsedValue(None, "/")),
        ("x", ParsedValue(None, "x")),
        ("X", ParsedValue(None, "x")),
        ("123p", ParsedValue(123.0, "p")),
        ("123 p", ParsedValue(123.0, "p")),
        ("1.234,5r", ParsedValue(1234.5, "r")),
        ("12s", ParsedValue(12.0, "s")),
        ("-3,5 p", ParsedValue(-3.5, "p")),
        (".p", ParsedValue(None, ".")),  # the symbol wins over the suffix
        ("-r", ParsedValue(0.0, "-")),
        ("", ParsedValue(None, None)),
        ("   ", ParsedValue(None, None)),
        (" 42 ", ParsedValue(42.0, None)),
        ("\u00a01.000\u00a0", ParsedValue(1000.0, None)),
    ],
)
def test_examples(text: str, expected: ParsedValue) -> None:
    assert parse_cell(text) == expected


BAD = ["1.23", "1234.5", "12.34.567", "1,234.5", "1.234.56", "1,", "abc", "12 %", "1e5", "p", "s", "12q"]
BAD += ["--5", "1 234", "٣", "+"]


@pytest.mark.parametrize("text", BAD)
def test_unparseable_text_raises_value_error_with_the_text(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_cell(text)
    assert repr(text) in str(info.value)


def test_negative_zero_is_plain_zero() -> None:
    assert math.copysign(1.0, parse_german_number("-0")) == 1.0


def german(value: Decimal, sign: bool = False) -> str:
    """Format a Decimal the GENESIS way: thousands dots, decimal comma, all significant digits."""
    text = format(value, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    result = ".".join([whole, *groups])
    if fraction:
        result += "," + fraction
    if negative:
        return "-" + result
    return ("+" + result) if sign else result


@given(st.integers(min_value=-(10**15), max_value=10**15), st.booleans())
@example(1234, False)
@example(-1234567, False)
def test_integers_round_trip(number: int, sign: bool) -> None:
    text = german(Decimal(number), sign=sign and number >= 0)
    assert parse_cell(text) == ParsedValue(float(number), None)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
@example(-14.6)
@example(0.1)
@example(1234567.891)
def test_floats_round_trip(number: float) -> None:
    text = german(Decimal(repr(number)))  # repr is the shortest text that reads back as the same float
    assert parse_cell(text).value == number + 0.0


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["p", "r", "s"]),
    st.sampled_from(["", " "]),
)
def test_quality_suffix_round_trip(number: Decimal, suffix: str, space: str) -> None:
    parsed = parse_cell(german(number) + space + suffix)
    assert parsed == ParsedValue(float(number) + 0.0, suffix)


@given(
    st.sampled_from(["-", ".", "...", "/", "x"]),
    st.sampled_from(["", "p", "r", "s", " p"]),
    st.sampled_from(["", " ", "\u00a0"]),
)
def test_symbols_never_raise(symbol: str, suffix: str, blank: str) -> None:
    parsed = parse_cell(blank + symbol + suffix + blank)
    assert parsed.flag == symbol
    assert parsed.value == (0.0 if symbol == "-" else None)


@given(st.text(max_size=20))
def test_arbitrary_text_only_ever_raises_value_error(text: str) -> None:
    try:
        parsed = parse_cell(text)
    except ValueError:
        return
    assert parsed.value is None or math.isfinite(parsed.value)
    assert parsed.flag in (None, "-", ".", "...", "/", "x", "p", "r", "s")
