"""The engine on small frames: where, totals rule, age sums, year offsets, secret inputs, zero denominators."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.indicators.compute import compute_indicator, round_half_up
from bildungsplaner.indicators.spec import IndicatorSpec


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_key", "period", "dimensions", "value", "flag"])


def spec(formula: str = "100 * z / n", **inputs: dict) -> IndicatorSpec:
    return IndicatorSpec.from_dict({"format": 1, "kind": "indicator", "code": "T", "name": "Test", "unit": "%",
                                    "formula": formula, "inputs": inputs})


KIDS = frame([
    ("A", "2016-03-01", "Altersgruppe=unter 3 Jahre|Art=Insgesamt", 30.0, None),
    ("A", "2016-03-01", "Altersgruppe=unter 3 Jahre|Art=Kita", 25.0, None),
    ("A", "2016-03-01", "Altersgruppe=unter 3 Jahre|Art=Tagespflege", 8.0, None),
    ("B", "2016-03-01", "Altersgruppe=unter 3 Jahre|Art=Insgesamt", None, "."),
    ("C", "2016-03-01", "Altersgruppe=unter 3 Jahre|Art=Insgesamt", 4.0, None),
])
POP = frame([
    *((k, "2015-12-31", f"Alter={a} Jahre|Geschlecht=Insgesamt", v, None)
      for k, vals in (("A", (40, 30, 30)), ("B", (10, 10, 10)), ("C", (0, 0, 0))) for a, v in zip(range(3), vals,
                                                                                            strict=True)),
    ("A", "2015-12-31", "Alter=3 Jahre|Geschlecht=Insgesamt", 99.0, None),
    ("A", "2015-12-31", "Alter=Insgesamt|Geschlecht=Insgesamt", 1000.0, None),
])
BQ = spec(z={"indicator": "K", "ages": "0-2"},
          n={"indicator": "P", "ages": "0-2", "where": {"Geschlecht": "Insgesamt"}, "year_offset": -1})


def test_rate_with_totals_rule_age_sum_and_year_offset() -> None:
    result = compute_indicator(BQ, {"z": KIDS, "n": POP}).frame.set_index("region_key")
    assert result.loc["A", "value"] == pytest.approx(30.0)  # 30 (the total, not 25 + 8) / 100 × 100
    assert result.loc["A", "period"] == "2016-03-01"  # the first input's period


def test_a_secret_input_makes_the_result_missing_with_its_flag_never_zero() -> None:
    result = compute_indicator(BQ, {"z": KIDS, "n": POP}).frame.set_index("region_key")
    assert math.isnan(result.loc["B", "value"]) and result.loc["B", "flag"] == "."


def test_a_zero_denominator_is_missing_x() -> None:
    computed = compute_indicator(BQ, {"z": KIDS, "n": POP})
    result = computed.frame.set_index("region_key")
    assert math.isnan(result.loc["C", "value"]) and result.loc["C", "flag"] == "x"
    assert any("Nenner 0" in p for p in computed.problems)


def test_a_secret_part_of_an_age_sum_makes_the_sum_missing() -> None:
    pop = POP.copy()
    pop.loc[1, ["value", "flag"]] = [None, "."]
    result = compute_indicator(BQ, {"z": KIDS, "n": pop}).frame.set_index("region_key")
    assert math.isnan(result.loc["A", "value"]) and result.loc["A", "flag"] == "."


def test_a_region_or_year_without_an_input_is_absent_and_listed() -> None:
    kids = pd.concat([KIDS, frame([("A", "2017-03-01", "Altersgruppe=unter 3 Jahre|Art=Insgesamt", 31.0, None)])])
    computed = compute_indicator(BQ, {"z": kids, "n": POP})
    assert set(computed.frame["period"]) == {"2016-03-01"}
    assert any(p.startswith("fehlt: 2017") and "2016" in p for p in computed.problems)


def test_a_band_straddling_the_range_is_refused() -> None:
    wrong = spec(z={"indicator": "K", "ages": "0-1"}, n={"indicator": "P", "ages": "0-1", "year_offset": -1})
    with pytest.raises(UserInputError, match=r"„unter 3 Jahre“.*Grenze"):
        compute_indicator(wrong, {"z": KIDS, "n": POP})


def test_all_ages_is_the_total() -> None:
    share = spec(formula="100 * z / n", z={"indicator": "P", "ages": "0-2"}, n={"indicator": "P", "ages": "all"})
    result = compute_indicator(share, {"z": POP, "n": POP}).frame.set_index("region_key")
    assert result.loc["A", "value"] == pytest.approx(10.0)  # 100 / 1000, not 100 / (100 + 99 + 1000)


def test_an_unknown_dimension_value_is_named() -> None:
    wrong = spec(z={"indicator": "K", "where": {"Art": "Hort"}}, n={"indicator": "P"})
    with pytest.raises(UserInputError, match=r"„Art“ hat keinen Wert „Hort“.*Insgesamt, Kita, Tagespflege"):
        compute_indicator(wrong, {"z": KIDS, "n": POP})


@pytest.mark.parametrize(("value", "rounded"), [(32.65, 32.7), (32.75, 32.8), (2.45, 2.5), (-0.05, -0.1),
                                                (100.27402, 100.3), (None, None)])
def test_round_half_up(value: float | None, rounded: float | None) -> None:
    assert round_half_up(value, 1) == rounded


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

cells = st.one_of(st.integers(min_value=0, max_value=500).map(float), st.just(None))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_every_row_as_the_rules_say_in_any_order(pairs, rnd) -> None:
    keys = [f"{i:05d}" for i in range(len(pairs))]
    a = frame([(k, "2020", "Geschlecht=Insgesamt", x, None if x is not None else ".") for k, (x, _) in
               zip(keys, pairs, strict=True)])
    b = frame([(k, "2020", "Geschlecht=Insgesamt", y, None if y is not None else "...") for k, (_, y) in
               zip(keys, pairs, strict=True)])
    rate = spec("100 * z / n", z={"indicator": "A"}, n={"indicator": "B"})
    result = compute_indicator(rate, {"z": a, "n": b}).frame.set_index("region_key")
    shuffled = compute_indicator(rate, {"z": a.sample(frac=1, random_state=rnd.randint(0, 99)),
                                        "n": b.sample(frac=1, random_state=rnd.randint(0, 99))})
    pd.testing.assert_frame_equal(result.sort_index(), shuffled.frame.set_index("region_key").sort_index())
    for key, (x, y) in zip(keys, pairs, strict=True):
        value, flag = result.loc[key, "value"], result.loc[key, "flag"]
        if x is None:
            assert math.isnan(value) and flag == "."
        elif y is None:
            assert math.isnan(value) and flag == "..."
        elif y == 0:
            assert math.isnan(value) and flag == "x"
        else:
            assert value == pytest.approx(100 * x / y) and flag is None
