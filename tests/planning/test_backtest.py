"""Prognose-Ist-Vergleich: errors, MAPE, bias and shares against a case computed by hand, the naive forecast,
and the properties every forecast check must have."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner.planning.backtest import (
    NO_ACTUAL,
    ZERO_ACTUAL,
    accuracy,
    compare,
    naive_forecast,
    observed_totals,
)

NAMES = {"A": "Aheim", "B": "Bdorf", "C": "Cstadt"}


def frame(values: dict[tuple[str, int], float], column: str, line: str = "L") -> pd.DataFrame:
    return pd.DataFrame([{"region_key": r, "region_name": NAMES[r], "line": line, "year": y, column: v}
                         for (r, y), v in values.items()])


def test_hand_computed_case() -> None:
    forecast = frame({("A", 2020): 100, ("A", 2021): 110, ("A", 2022): 90, ("B", 2021): 50, ("B", 2022): 55,
                      ("C", 2021): 20, ("C", 2022): 20}, "forecast")
    actual = frame({("A", 2020): 100, ("A", 2021): 100, ("A", 2022): 100, ("B", 2021): 50, ("B", 2022): 50,
                    ("C", 2021): 0, ("C", 2022): math.nan}, "actual")
    naive = frame({("A", 2021): 100, ("A", 2022): 100, ("B", 2021): 40, ("B", 2022): 40, ("C", 2021): 20,
                   ("C", 2022): 20}, "naive")
    result = compare("Test", 2020, forecast, actual, naive)
    assert result.years == (2021, 2022)  # the base year is not compared
    a = result.rows[result.rows["region_key"] == "A"]
    assert a["error"].tolist() == [10.0, -10.0]  # forecast − actual
    assert a["pct_error"].tolist() == pytest.approx([10.0, -10.0])
    # percentage errors of the compared rows: A +10, −10; B 0, +10 (C: actual 0 in 2021, missing in 2022)
    # MAPE = (10 + 10 + 0 + 10) / 4 = 7.5; bias = (10 − 10 + 0 + 10) / 4 = +2.5 (too high on average)
    # within ±5 %: only B 2021 → 1 of 4 = 25 %; within ±10 %: all four = 100 %
    overall = result.overall()
    assert overall["count"] == 4
    assert overall["mape"] == pytest.approx(7.5) and overall["bias"] == pytest.approx(2.5)
    assert overall["within_5"] == pytest.approx(25.0) and overall["within_10"] == pytest.approx(100.0)
    # naive: A 0, 0; B −20, −20 → MAPE 10, bias −10; within ±5 %: 2 of 4; within ±10 %: 2 of 4
    assert overall["naive_mape"] == pytest.approx(10.0) and overall["naive_bias"] == pytest.approx(-10.0)
    assert overall["naive_within_5"] == pytest.approx(50.0) and overall["naive_within_10"] == pytest.approx(50.0)
    assert overall["improvement"] == pytest.approx(2.5)  # the scenario was 2.5 points closer
    assert result.skipped[["region_key", "year", "reason"]].values.tolist() == [["C", 2021, ZERO_ACTUAL],
                                                                                 ["C", 2022, NO_ACTUAL]]
    first = result.by_year[result.by_year["year"] == 2021].iloc[0]
    # 2021: A +10, B 0 → MAPE 5, bias 5
    assert first["count"] == 2 and first["mape"] == pytest.approx(5.0) and first["bias"] == pytest.approx(5.0)
    data = result.to_json_dict()
    assert data["summary"][-1]["line"] is None and data["summary"][-1]["mape"] == pytest.approx(7.5)
    assert data["rows"][-1]["actual"] is None  # missing → null in JSON


def test_years_without_any_observation_are_left_out() -> None:
    forecast = frame({("A", 2021): 10, ("A", 2022): 10, ("A", 2023): 10}, "forecast")
    actual = frame({("A", 2021): 10, ("A", 2022): 12}, "actual")
    result = compare("Test", 2020, forecast, actual)
    assert result.years == (2021, 2022) and len(result.rows) == 2
    assert math.isnan(result.overall()["naive_mape"])


def population(values: dict[tuple[str, int], list[float]]) -> pd.DataFrame:
    return pd.DataFrame([{"region_key": r, "region_name": NAMES[r], "year": y, "age": age, "value": v}
                         for (r, y), ages in values.items() for age, v in enumerate(ages)])


def test_naive_forecast_ages_on_and_takes_the_mean_of_the_last_three_birth_cohorts() -> None:
    pop = population({("A", 2017): [99, 99, 99], ("A", 2018): [30, 31, 32], ("A", 2019): [36, 33, 34],
                      ("A", 2020): [42, 35, 37], ("A", 2021): [1, 1, 1]})
    naive = naive_forecast(pop, 2020, {"Null-Eins": [0, 1], "Zwei": [2]}, [2021, 2022])
    got = {(r.line, r.year): r.naive for r in naive.itertuples()}
    # unborn cohorts: (30 + 36 + 42) / 3 = 36 (2017 and the observed 2021 are not used)
    assert got[("Null-Eins", 2021)] == pytest.approx(36 + 42)  # age 1 in 2021 = age 0 of 2020
    assert got[("Null-Eins", 2022)] == pytest.approx(36 + 36)
    assert got[("Zwei", 2021)] == pytest.approx(35)  # age 2 in 2021 = age 1 of 2020, no deaths, no migration
    assert got[("Zwei", 2022)] == pytest.approx(42)


def test_naive_forecast_with_fewer_observed_years_takes_what_there_is() -> None:
    pop = population({("A", 2020): [40, 35], ("B", 2019): [10, 10], ("B", 2020): [20, 11]})
    naive = naive_forecast(pop, 2020, {"Eins": [1]}, [2022])
    assert naive.set_index("region_key")["naive"].to_dict() == {"A": 40.0, "B": 15.0}


def test_observed_totals_need_every_age_of_the_line() -> None:
    pop = population({("A", 2021): [1, 2, 3], ("B", 2021): [4, math.nan, 6]})
    totals = observed_totals(pop, {"L": [1, 2]}, [2021, 2022])
    got = {(r.region_key, r.year): r.actual for r in totals.itertuples()}
    assert got[("A", 2021)] == 5 and math.isnan(got[("B", 2021)]) and math.isnan(got[("A", 2022)])


actuals = st.lists(st.floats(min_value=1.0, max_value=1e6, allow_nan=False), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(actuals)
def test_a_perfect_forecast_has_no_error(values: list[float]) -> None:
    result = accuracy(values, values)
    assert result.count == len(values)
    assert result.mape == 0 and result.bias == 0 and result.within_5 == 100 and result.within_10 == 100


@settings(max_examples=60, deadline=None)
@given(actuals, st.floats(min_value=-0.9, max_value=3.0, allow_nan=False))
def test_scaling_every_forecast_by_one_plus_e_gives_a_bias_of_e_percent(values: list[float], e: float) -> None:
    actual = np.array(values)
    result = accuracy(actual * (1 + e), actual)
    assert result.bias == pytest.approx(e * 100, abs=1e-9)
    assert result.mape == pytest.approx(abs(e) * 100, abs=1e-9)
    size = abs(e) * 100
    if abs(size - 5) > 1e-6:  # (right at the bound, rounding decides)
        assert result.within_5 == (100.0 if size < 5 else 0.0)
    if abs(size - 10) > 1e-6:
        assert result.within_10 == (100.0 if size < 10 else 0.0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(min_value=1.0, max_value=1e5), st.floats(min_value=0.5, max_value=2.0)),
                min_size=1, max_size=20))
def test_compare_agrees_with_accuracy_and_bias_never_exceeds_mape(pairs: list[tuple[float, float]]) -> None:
    keys = [("A", 2021 + i) if i % 2 == 0 else ("B", 2021 + i) for i in range(len(pairs))]
    actual = frame({k: a for k, (a, _) in zip(keys, pairs, strict=True)}, "actual")
    forecast = frame({k: a * f for k, (a, f) in zip(keys, pairs, strict=True)}, "forecast")
    overall = compare("T", 2020, forecast, actual).overall()
    direct = accuracy([a * f for a, f in pairs], [a for a, _ in pairs])
    assert overall["mape"] == pytest.approx(direct.mape) and overall["bias"] == pytest.approx(direct.bias)
    assert abs(overall["bias"]) <= overall["mape"] + 1e-9
    assert 0 <= overall["within_5"] <= overall["within_10"] <= 100
