"""The formula parser: arithmetic as Python computes it (Hypothesis), everything else refused with a German
message, missing inputs and zero denominators never become numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner.indicators.formula import FormulaError, parse_formula

NAMES = ("a", "b", "c")
numbers = st.integers(min_value=0, max_value=1000).map(str) | \
    st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda x: repr(round(x, 3)))
leaves = numbers | st.sampled_from(NAMES)


def _expr(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(children, st.sampled_from("+-*/"), children).map(lambda t: f"({t[0]} {t[1]} {t[2]})") | \
        children.map(lambda c: f"-{c}")


expressions = st.recursive(leaves, _expr, max_leaves=12)
values = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(expressions, st.lists(st.tuples(values, values, values), min_size=1, max_size=5))
def test_the_formula_computes_what_python_computes(text: str, rows: list[tuple[float, float, float]]) -> None:
    formula = parse_formula(text, NAMES)
    columns = {n: np.array([r[i] for r in rows]) for i, n in enumerate(NAMES)}
    result, zero = formula.evaluate(columns)
    for i, row in enumerate(rows):
        try:
            expected = eval(text, {"__builtins__": {}}, dict(zip(NAMES, row, strict=True)))
        except ZeroDivisionError:
            assert math.isnan(result[i])
            continue
        if not math.isfinite(expected):
            assert math.isnan(result[i])
            continue
        if math.isnan(result[i]):  # a zero denominator inside that Python's float arithmetic did not hit (-0.0 …)
            assert zero[i] or not math.isfinite(expected)
            continue
        assert result[i] == pytest.approx(expected, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize(("text", "message"), [
    ("__import__('os').system('x')", "Funktionsaufruf"),
    ("a.__class__", "Zugriff mit Punkt"),
    ("a ** 2", "Potenz"),
    ("abs(a)", "Funktionsaufruf"),
    ("a[0]", "erlaubt sind nur"),
    ("a < b", "Vergleich"),
    ("a // b", "Operator"),
    ("a if b else c", "erlaubt sind nur"),
    ("'text'", "der Wert"),
    ("x + a", "keine Eingabe dieses Namens"),
    ("lambda: 1", "erlaubt sind nur"),
    ("a +", "nicht lesbar"),
    ("", "leer"),
])
def test_everything_but_arithmetic_is_refused_in_german(text: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        parse_formula(text, NAMES)


def test_the_message_lists_the_inputs() -> None:
    with pytest.raises(FormulaError, match="Eingaben: a, b, c"):
        parse_formula("100 * kinder / bev", NAMES)


def test_a_zero_denominator_is_missing_and_marked() -> None:
    formula = parse_formula("100 * a / b", NAMES)
    result, zero = formula.evaluate({"a": np.array([5.0, 5.0, np.nan]), "b": np.array([0.0, 10.0, 0.0])})
    assert math.isnan(result[0]) and zero[0]
    assert result[1] == 50.0 and not zero[1]
    assert math.isnan(result[2]) and not zero[2]  # missing through the input, not through the zero


def test_a_missing_input_is_missing_never_zero() -> None:
    formula = parse_formula("a + b", NAMES)
    result, _ = formula.evaluate({"a": np.array([np.nan]), "b": np.array([3.0])})
    assert math.isnan(result[0])
