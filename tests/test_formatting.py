"""German number text rounds as the statistical offices publish: half up on the number as written."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from bildungsplaner.formatting import format_number, round_half_up


def test_ties_round_up_not_to_even_and_not_by_the_binary_value() -> None:
    # Python's own rounding would give 2,67 (2.675 is 2.67499… in binary), 0,12 and 2 (half to even)
    assert format_number(2.675, 2) == "2,68"
    assert format_number(0.125, 2) == "0,13"
    assert format_number(2.5) == "3"
    assert format_number(32.65, 1) == "32,7"
    assert format_number(-2.5) == "-3"  # a tie goes away from zero
    assert format_number(1234567.25, 1) == "1.234.567,3"
    assert format_number(1234567.25, 1, grouping=False) == "1234567,3"
    assert round_half_up(32.65, 1) == 32.7 and round_half_up(None) is None and round_half_up(float("nan")) is None


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=3))
def test_the_text_is_the_written_number_rounded_half_up(number: Decimal, decimals: int) -> None:
    value = float(number)
    expected = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format_number(value, decimals, grouping=False)
    assert Decimal(text.replace(",", ".")) == expected
    assert ("," in text) == (decimals > 0)
