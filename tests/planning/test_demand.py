"""Demand forecast: every rule against a small case computed by hand, and the scenario validation."""

from __future__ import annotations

import copy
import math
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.planning.demand import DemandSpec, YearTable, entitled_grades, forecast

NAMES = {"A": "Aheim", "B": "Bdorf"}


def document(population: dict[str, Any] | None = None, *lines: dict[str, Any]) -> dict[str, Any]:
    return {"format": 1, "kind": "demand", "name": "Test",
            "regions": {"level": "gemeinde"},
            "population": {"indicator": "BEV", "horizon": 2026, **(population or {})},
            "demand": list(lines) or [{"name": "L", "ages": [1], "rate": 1.0}]}


def make_spec(population: dict[str, Any] | None = None, *lines: dict[str, Any]) -> DemandSpec:
    return DemandSpec.from_dict(document(population, *lines))


def population(values: dict[tuple[str, int], list[float]]) -> pd.DataFrame:
    """``{(region, year): [value of age 0, age 1, …]}`` as the long input frame."""
    rows = [{"region_key": region, "region_name": NAMES[region], "year": year, "age": age, "value": value}
            for (region, year), ages in values.items() for age, value in enumerate(ages)]
    return pd.DataFrame(rows)


def column(result, name: str, line: str | None = None, region: str = "A") -> list[float]:
    rows = result.rows[result.rows["region_key"] == region]
    if line is not None:
        rows = rows[rows["line"] == line]
    return [round(v, 9) for v in rows[name].tolist()]


# --- ageing and births -----------------------------------------------------------------------------------

def test_cohorts_age_one_year_per_year_times_survival() -> None:
    spec = make_spec({"horizon": 2027, "births": "last", "survival": 0.9},
                     {"name": "Drei", "ages": [3], "rate": 0.5})
    result = forecast(spec, population({("A", 2024): [40, 30, 20, 10]}), None)
    assert result.base_year == 2024 and result.observed_until == 2024
    assert column(result, "year") == [2024, 2025, 2026, 2027]
    # 2025: age 2 of 2024 × 0.9; 2026: age 1 × 0.81; 2027: age 0 × 0.729
    assert column(result, "population") == [10.0, 18.0, 24.3, 29.16]
    assert column(result, "demand") == [5.0, 9.0, 12.15, 14.58]
    assert result.rows["observed"].tolist() == [True, False, False, False]


def test_births_mean_3_is_the_mean_of_the_last_three_observed_years_per_region() -> None:
    spec = make_spec({"horizon": 2026, "births": "mean-3", "survival": 0.5},
                     {"name": "U2", "ages": [0, 1], "rate": 1.0})
    data = population({("A", 2021): [1000, 0], ("A", 2022): [90, 5], ("A", 2023): [100, 5], ("A", 2024): [110, 7],
                       ("B", 2022): [10, 0], ("B", 2023): [20, 0], ("B", 2024): [60, 3]})
    result = forecast(spec, data, None)
    # A: births 100 (2021 is not among the last three); 2025: 100 + 110 × 0.5; 2026: 100 + 100 × 0.5
    assert column(result, "population", region="A") == [117.0, 155.0, 150.0]
    # B: births 30; 2025: 30 + 60 × 0.5; 2026: 30 + 15
    assert column(result, "population", region="B") == [63.0, 60.0, 45.0]
    assert result.warnings == []


def test_births_mean_with_fewer_observed_years_warns() -> None:
    spec = make_spec({"horizon": 2025, "births": "mean-3"}, {"name": "U1", "ages": [0], "rate": 1.0})
    result = forecast(spec, population({("A", 2023): [10], ("A", 2024): [20]}), None)
    assert column(result, "population") == [20.0, 15.0]
    assert result.warnings == ["Für „births = mean-3“ gibt es nur 2 beobachtete Jahre (2023–2024); gemittelt wird "
                               "über diese."]


def test_births_mean_with_a_regions_missing_year_is_the_mean_of_the_others_and_named() -> None:
    spec = make_spec({"horizon": 2025, "births": "mean-3"}, {"name": "U1", "ages": [0], "rate": 1.0})
    data = population({("A", 2022): [10], ("A", 2023): [float("nan")], ("A", 2024): [30],
                       ("B", 2022): [5], ("B", 2023): [5], ("B", 2024): [5]})
    result = forecast(spec, data, None)
    assert column(result, "population", region="A") == [30.0, 20.0]
    assert result.warnings == ["Fehlende Werte ersetzt: Alter 0 fehlt für A (Aheim): 2023; die Geburten („births = "
                               "mean-3“) dieser Gebiete sind das Mittel der übrigen Jahre."]


def test_births_last_repeats_the_start_years_age_0() -> None:
    spec = make_spec({"horizon": 2026, "births": "last"}, {"name": "U2", "ages": [0, 1], "rate": 1.0})
    data = population({("A", 2023): [500, 500], ("A", 2024): [110, 7]})
    assert column(forecast(spec, data, None), "population") == [117.0, 220.0, 220.0]


def test_births_number_for_the_area_is_shared_by_todays_ratio_of_age_0() -> None:
    spec = make_spec({"horizon": 2026, "births": 200}, {"name": "U1", "ages": [0], "rate": 1.0})
    data = population({("A", 2024): [30], ("B", 2024): [10]})
    result = forecast(spec, data, None)
    assert column(result, "population", region="A") == [30.0, 150.0, 150.0]
    assert column(result, "population", region="B") == [10.0, 50.0, 50.0]


def test_births_table_is_interpolated_and_shared() -> None:
    spec = make_spec({"horizon": 2028, "births": {"2025": 200, "2027": 400}}, {"name": "U1", "ages": [0], "rate": 1})
    result = forecast(spec, population({("A", 2024): [30], ("B", 2024): [10]}), None)
    assert column(result, "population", region="A") == [30.0, 150.0, 225.0, 300.0, 300.0]
    totals = result.totals
    assert totals["population"].tolist() == [40.0, 200.0, 300.0, 400.0, 400.0]


def test_births_number_without_any_age_0_is_refused() -> None:
    spec = make_spec({"horizon": 2025, "births": 100}, {"name": "U1", "ages": [0], "rate": 1.0})
    with pytest.raises(UserInputError, match="in keinem Gebiet Kinder im Alter 0"):
        forecast(spec, population({("A", 2024): [0.0]}), None)


# --- rates -------------------------------------------------------------------------------------------------

def test_rate_table_is_linear_between_years_and_constant_outside() -> None:
    spec = make_spec({"horizon": 2030, "births": "last"},
                     {"name": "L", "ages": [0], "rate": {"2026": 0.4, "2028": 0.6}})
    result = forecast(spec, population({("A", 2024): [100]}), None)
    assert column(result, "year") == [2024, 2025, 2026, 2027, 2028, 2029, 2030]
    assert column(result, "demand") == [40.0, 40.0, 40.0, 50.0, 60.0, 60.0, 60.0]
    assert YearTable(((2026, 0.4), (2028, 0.6))).at([2020, 2027, 2035]).tolist() == pytest.approx([0.4, 0.5, 0.6])


# --- Ganztag entitlement -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("year", "grades", "ages", "entitled"), [
    (2025, 0, "", 0.0), (2026, 1, "6", 10.0), (2027, 2, "6–7", 30.0), (2028, 3, "6–8", 70.0),
    (2029, 4, "6–9", 150.0), (2030, 4, "6–9", 150.0)])
def test_ganztag_entitlement_phases_in(year: int, grades: int, ages: str, entitled: float) -> None:
    """All four grades are counted every year; the entitled ones at ``rate``, the others at their own rate."""
    assert entitled_grades(year) == grades
    spec = make_spec({"base_year": year, "horizon": year},
                     {"name": "Ganztag", "ganztag_entitlement": True, "rate": 0.5, "rate_before_entitlement": 0.2})
    result = forecast(spec, population({("A", year): [1, 1, 1, 1, 1, 1, 10, 20, 40, 80]}), None)
    assert column(result, "population") == [150.0] and result.rows["ages"].tolist() == ["6–9"]
    assert column(result, "entitled_population") == [entitled] and result.rows["entitled_ages"].tolist() == [ages]
    assert column(result, "entitled_demand") == [entitled * 0.5]
    assert column(result, "demand") == [round(entitled * 0.5 + (150 - entitled) * 0.2, 9)]
    assert result.warnings == []


def test_ganztag_projection_from_2025() -> None:
    spec = make_spec({"base_year": 2025, "horizon": 2030, "births": "last"},
                     {"name": "Ganztag", "ganztag_entitlement": True, "ages": [6, 7, 8, 9], "rate": 0.75})
    data = population({("A", 2025): [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]})
    result = forecast(spec, data, None)
    # every year ages 6-9: 2025 106 + … + 109; 2026 105 + … + 108; … 2030 101 + … + 104
    assert column(result, "population") == [430.0, 426.0, 422.0, 418.0, 414.0, 410.0]
    # entitled: 2026 age 6 = age 5 of 2025; 2027: ages 6-7 = 104 + 105; 2028: 103 + 104 + 105; 2029: all four
    assert column(result, "entitled_population") == [0.0, 105.0, 209.0, 312.0, 414.0, 410.0]
    assert column(result, "entitled_demand") == [0.0, 78.75, 156.75, 234.0, 310.5, 307.5]
    # without rate_before_entitlement the grades not yet entitled take part at the same rate, and that is said
    assert column(result, "demand") == [322.5, 319.5, 316.5, 313.5, 310.5, 307.5]
    assert result.warnings == ["„Ganztag“: für die Klassen noch ohne Rechtsanspruch gilt dieselbe Teilnahmequote wie "
                               "mit Rechtsanspruch (rate_before_entitlement nicht angegeben)."]


def test_ganztag_rate_before_entitlement_by_year() -> None:
    spec = make_spec({"base_year": 2026, "horizon": 2028, "births": "last"},
                     {"name": "OGS", "ganztag_entitlement": True, "rate": 0.8,
                      "rate_before_entitlement": {"2026": 0.5, "2028": 0.7}})
    data = population({("A", 2026): [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]})
    result = forecast(spec, data, None)
    # 2026: 10 × 0.8 + 30 × 0.5; 2027: 20 × 0.8 + 20 × 0.6; 2028: 30 × 0.8 + 10 × 0.7
    assert column(result, "demand") == [23.0, 28.0, 31.0]
    assert result.warnings == []


def test_unna_like_ganztag_coverage_compares_the_same_grades() -> None:
    """Issue 10.5: OGS places serve grades 1-4, in 2026/27 only grade 1 is entitled. Counting grade 1 alone
    showed „Deckung 355 %“ (2,840 places / 800); with all four grades the coverage is below 100 %."""
    line = {"name": "Ganztag Grundschule", "ganztag_entitlement": True, "rate": 0.8,
            "capacity": {"facility_kinds": ["Grundschule"], "attribute": "ogs_plaetze"}}
    data = population({("A", 2026): [1000] * 10})
    capacity = pd.DataFrame({"region_key": ["A"], "line": ["Ganztag Grundschule"], "capacity": [2840.0]})
    spec = make_spec({"base_year": 2026, "horizon": 2026}, {**line, "rate_before_entitlement": 0.7})
    totals = forecast(spec, data, capacity).totals
    # grade 1: 1,000 × 0.8 with entitlement; grades 2-4: 3,000 × 0.7 without
    assert totals[["population", "demand", "entitled_population", "entitled_demand", "capacity"]].values.tolist() \
        == [[4000.0, 2900.0, 1000.0, 800.0, 2840.0]]
    assert totals["coverage"].tolist() == pytest.approx([2840 / 2900])  # 97.9 %, not 355 %
    assert totals["entitled_ages"].tolist() == ["6"] and totals["ages"].tolist() == ["6–9"]
    default = forecast(make_spec({"base_year": 2026, "horizon": 2026}, line), data, capacity).totals
    assert default["demand"].tolist() == [3200.0] and default["coverage"].tolist() == pytest.approx([0.8875])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=10, max_size=10), st.integers(2024, 2031),
       st.floats(0, 1), st.floats(0, 1))
def test_ganztag_demand_is_entitled_times_rate_plus_the_rest_times_the_rate_before(
        ages: list[int], year: int, rate: float, before: float) -> None:
    spec = make_spec({"base_year": year, "horizon": year},
                     {"name": "G", "ganztag_entitlement": True, "rate": rate, "rate_before_entitlement": before})
    row = forecast(spec, population({("A", year): [float(v) for v in ages]}), None).rows.iloc[0]
    grades = entitled_grades(year)
    with_right = sum(ages[6:6 + grades])
    assert row["population"] == sum(ages[6:10]) and row["entitled_population"] == with_right
    assert row["demand"] == pytest.approx(with_right * rate + (sum(ages[6:10]) - with_right) * before, abs=1e-9)
    assert row["entitled_demand"] == pytest.approx(with_right * rate, abs=1e-9)
    assert row["demand"] >= min(rate, before) * row["population"] - 1e-9


def test_lines_without_entitlement_have_no_entitled_part() -> None:
    result = forecast(make_spec({"horizon": 2024}, {"name": "U3", "ages": [1, 2], "rate": 0.5}),
                      population({("A", 2024): [1, 2, 3]}), None)
    assert result.rows["entitled_population"].isna().all() and result.rows["entitled_demand"].isna().all()
    assert result.rows["entitled_ages"].tolist() == [""]


# --- capacity, totals, output ------------------------------------------------------------------------------

def test_capacity_gap_coverage_and_totals() -> None:
    spec = make_spec({"horizon": 2025, "births": "last"},
                     {"name": "U3", "ages": [1, 2], "rate": 0.5,
                      "capacity": {"facility_kinds": ["Kita"], "attribute": "plaetze_u3"}},
                     {"name": "Ohne", "ages": [1], "rate": 1.0})
    data = population({("A", 2024): [40, 30, 20], ("B", 2024): [10, 10, 10]})
    capacity = pd.DataFrame({"region_key": ["A"], "line": ["U3"], "capacity": [30.0]})  # B: no row → 0 places
    result = forecast(spec, data, capacity)
    u3 = result.rows[result.rows["line"] == "U3"]
    assert u3[["region_key", "year", "population", "demand", "capacity", "gap"]].values.tolist() == [
        ["A", 2024, 50.0, 25.0, 30.0, 5.0], ["A", 2025, 70.0, 35.0, 30.0, -5.0],
        ["B", 2024, 20.0, 10.0, 0.0, -10.0], ["B", 2025, 20.0, 10.0, 0.0, -10.0]]
    assert u3["coverage"].tolist() == pytest.approx([1.2, 30 / 35, 0.0, 0.0])
    without = result.rows[result.rows["line"] == "Ohne"]
    assert without["capacity"].isna().all() and without["gap"].isna().all() and without["coverage"].isna().all()
    totals = result.totals
    assert totals[["year", "line", "population", "demand", "capacity", "gap"]].values.tolist()[:2] == [
        [2024, "U3", 70.0, 35.0, 30.0, -5.0], [2025, "U3", 90.0, 45.0, 30.0, -15.0]]
    assert totals["coverage"].tolist()[:2] == pytest.approx([30 / 35, 30 / 45])
    assert totals[totals["line"] == "Ohne"]["capacity"].isna().all()
    assert result.warnings == []


def test_declared_capacity_that_was_not_delivered_warns() -> None:
    spec = make_spec({"horizon": 2024}, {"name": "U3", "ages": [1], "rate": 0.5, "capacity": {"attribute": "x"}})
    result = forecast(spec, population({("A", 2024): [1, 2]}), None)
    assert result.rows["capacity"].isna().all()
    assert result.warnings == ["„U3“: keine Kapazität geliefert; Lücke und Deckung bleiben leer."]


def test_missing_places_count_as_zero_and_the_regions_are_named() -> None:
    spec = make_spec({"horizon": 2024}, {"name": "U3", "ages": [1], "rate": 0.5, "capacity": {"attribute": "x"}})
    capacity = pd.DataFrame({"region_key": ["A", "B", "B"], "line": ["U3"] * 3, "capacity": [float("nan"), 4.0,
                                                                                           float("nan")]})
    result = forecast(spec, population({("A", 2024): [1, 2], ("B", 2024): [1, 2]}), capacity)
    assert result.rows["capacity"].tolist() == [0.0, 4.0]
    assert result.warnings == ["Fehlende Werte ersetzt: „U3“: die Zahl der Plätze fehlt für A (Aheim), B (Bdorf); "
                               "als 0 Plätze gezählt."]


def test_json_dict_has_plain_values_and_none_for_missing() -> None:
    spec = make_spec({"horizon": 2024}, {"name": "U1", "ages": [1], "rate": 0.5})
    data = population({("A", 2024): [1, 4]})
    result = forecast(spec, data, None)
    doc = result.to_json_dict()
    assert doc["name"] == "Test" and doc["kind"] == "demand" and doc["warnings"] == []
    assert doc["rows"] == [{"region_key": "A", "region_name": "Aheim", "year": 2024, "line": "U1", "ages": "1",
                            "observed": True, "population": 4.0, "demand": 2.0, "capacity": None, "gap": None,
                            "coverage": None, "entitled_ages": "", "entitled_population": None,
                            "entitled_demand": None}]
    assert doc["totals"] == [{"year": 2024, "line": "U1", "ages": "1", "population": 4.0, "demand": 2.0,
                              "capacity": None, "gap": None, "coverage": None, "entitled_ages": "",
                              "entitled_population": None, "entitled_demand": None}]
    assert type(doc["rows"][0]["year"]) is int and type(doc["rows"][0]["observed"]) is bool


# --- base year and missing data ----------------------------------------------------------------------------

def test_base_year_defaults_to_the_latest_observed_year() -> None:
    spec = make_spec({"horizon": 2026}, {"name": "L", "ages": [1], "rate": 1.0})
    result = forecast(spec, population({("A", 2023): [1, 2], ("A", 2024): [3, 4]}), None)
    # 2026: age 0 of 2025 = mean of age 0 in 2023 and 2024 (births "mean-3" with two observed years)
    assert result.base_year == 2024 and column(result, "population") == [4.0, 3.0, 2.0]


def test_unobserved_base_year_is_carried_forward_from_the_last_observed_year() -> None:
    spec = make_spec({"base_year": 2025, "horizon": 2026, "births": "last"}, {"name": "L", "ages": [1], "rate": 1.0})
    result = forecast(spec, population({("A", 2024): [3, 4]}), None)
    assert result.base_year == 2025 and result.observed_until == 2024
    assert column(result, "year") == [2025, 2026] and column(result, "population") == [3.0, 3.0]
    assert result.rows["observed"].tolist() == [False, False]
    assert "Für das Basisjahr 2025 gibt es keine Bevölkerungswerte; fortgeschrieben wird ab 2024" in result.warnings[0]


def test_observed_years_after_the_base_year_are_not_used_and_said_so() -> None:
    spec = make_spec({"base_year": 2023, "horizon": 2024, "births": "last"}, {"name": "L", "ages": [1], "rate": 1.0})
    result = forecast(spec, population({("A", 2023): [3, 4], ("A", 2024): [100, 100]}), None)
    assert column(result, "population") == [4.0, 3.0]
    assert result.warnings == ["Beobachtete Werte nach dem Basisjahr (2024) werden nicht verwendet; die Jahre ab dem "
                               "Basisjahr sind fortgeschrieben."]


def test_missing_population_in_the_start_year_is_refused_naming_regions_and_ages() -> None:
    spec = make_spec({"horizon": 2026, "births": "last"}, {"name": "L", "ages": [2, 3], "rate": 1.0})
    data = population({("A", 2024): [1, 2, 3, 4], ("B", 2024): [1, 2, float("nan"), 4]})
    data = data[~((data["region_key"] == "A") & (data["age"] == 1))]
    with pytest.raises(UserInputError) as info:
        forecast(spec, data, None)
    assert str(info.value) == ("Im Jahr 2024 fehlen Bevölkerungswerte, die die Prognose braucht: A (Alter 1); "
                               "B (Alter 2).")


def test_only_the_ages_the_forecast_uses_are_required() -> None:
    spec = make_spec({"horizon": 2025}, {"name": "L", "ages": [3], "rate": 1.0})
    data = population({("A", 2024): [float("nan"), float("nan"), 7, 8]})  # ages 0 and 1 are never needed
    assert column(forecast(spec, data, None), "population") == [8.0, 7.0]


def test_duplicate_rows_are_refused() -> None:
    spec = make_spec({"horizon": 2024}, {"name": "L", "ages": [0], "rate": 1.0})
    data = pd.concat([population({("A", 2024): [1]})] * 2)
    with pytest.raises(UserInputError, match="mehrere Werte für Gebiet A, Jahr 2024, Alter 0"):
        forecast(spec, data, None)


def test_age_labels_are_parsed_and_band_only_population_is_refused() -> None:
    spec = make_spec({"horizon": 2025, "births": "last"}, {"name": "L", "ages": [1], "rate": 1.0})
    labelled = pd.DataFrame({"region_key": "A", "region_name": "Aheim", "year": 2024,
                             "age_label": ["unter 1 Jahr", "1 bis unter 2 Jahre", "Insgesamt"],
                             "value": [5.0, 6.0, 11.0]})
    assert column(forecast(spec, labelled, None), "population") == [6.0, 5.0]
    bands = labelled.assign(age_label=["unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt"])
    with pytest.raises(UserInputError, match=r"Die Bevölkerung \(„BEV“\) wird nach einzelnen Altersjahren gebraucht "
                                             r"\(Alter 0–1\).*nur Altersgruppen"):
        forecast(spec, bands, None)


def test_thousand_regions_forecast_quickly_and_consistently() -> None:
    rng = np.random.default_rng(1)
    keys = [f"{i:08d}" for i in range(1000)]
    frame = pd.DataFrame([(k, k, y, a) for k in keys for y in (2022, 2023, 2024) for a in range(10)],
                         columns=["region_key", "region_name", "year", "age"])
    frame["value"] = rng.integers(0, 100, len(frame)).astype(float)
    spec = make_spec({"horizon": 2034}, {"name": "L", "ages": [3, 4, 5], "rate": 0.5})
    result = forecast(spec, frame, None)
    assert len(result.rows) == 11_000
    assert result.totals["demand"].tolist() == pytest.approx(
        result.rows.groupby("year")["demand"].sum().tolist())


# --- the scenario document ---------------------------------------------------------------------------------

ISSUE_EXAMPLE = """
format = 1
kind = "demand"
name = "Kita- und Ganztagsbedarf 2026-2030"

[regions]
level = "gemeinde"
within = "05978"

[population]
indicator = "BEV_ALTER"
dimensions = { Geschlecht = "Insgesamt" }
base_year = 2025
horizon = 2030
births = "mean-3"
survival = 1.0

[[demand]]
name = "U3"
ages = [1, 2]
rate = { 2026 = 0.45, 2030 = 0.55 }
capacity = { facility_kinds = ["Kita"], attribute = "plaetze_u3" }

[[demand]]
name = "Ganztag Grundschule"
ganztag_entitlement = true
ages = [6, 7, 8, 9]
rate = 0.75
rate_before_entitlement = 0.6
capacity = { facility_kinds = ["Grundschule"], attribute = "ogs_plaetze" }
"""


def test_issue_example_parses_and_round_trips() -> None:
    spec = DemandSpec.from_dict(tomllib.loads(ISSUE_EXAMPLE))
    assert spec.regions.within == "05978" and spec.population.dimension_map == {"Geschlecht": "Insgesamt"}
    assert spec.demand[0].rate == YearTable(((2026, 0.45), (2030, 0.55)))
    assert spec.demand[1].capacity is not None and spec.demand[1].capacity.attribute == "ogs_plaetze"
    assert spec.ages_needed() == tuple(range(10))
    assert DemandSpec.from_dict(spec.to_dict()) == spec
    assert DemandSpec.from_dict(tomllib.loads(tomli_w.dumps(spec.to_dict()))) == spec
    assert spec.to_dict()["demand"][0]["rate"] == {"2026": 0.45, "2030": 0.55}


def test_defaults_and_minimal_document() -> None:
    spec = make_spec(None, {"name": "Ganztag", "ganztag_entitlement": True, "rate": 0.8})
    assert spec.population.births == "mean-3" and spec.population.survival == 1.0
    assert spec.population.base_year is None and spec.demand[0].ages == (6, 7, 8, 9)
    assert spec.to_dict() == {
        "format": 1, "kind": "demand", "name": "Test", "regions": {"level": "gemeinde"},
        "population": {"indicator": "BEV", "horizon": 2026, "births": "mean-3", "survival": 1.0},
        "demand": [{"name": "Ganztag", "ganztag_entitlement": True, "ages": [6, 7, 8, 9], "rate": 0.8}]}


def _broken(path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(document(None, {"name": "L", "ages": [1], "rate": 0.5}))
    *parents, last = path.split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(("path", "value", "message"), [
    ("colour", "red", "unbekannter Schlüssel „colour“"),
    ("population.horizont", 2030, "unbekannter Schlüssel „population.horizont“"),
    ("demand.0.rates", 0.5, "unbekannter Schlüssel „demand[1].rates“"),
    ("population.horizon", _DELETE, "„population.horizon“ fehlt"),
    ("population.indicator", _DELETE, "„population.indicator“ fehlt"),
    ("regions", _DELETE, "„regions“ fehlt"),
    ("demand.0.ages", _DELETE, "„demand[1].ages“ fehlt"),
    ("demand.0.rate", 45, "„demand[1].rate“ muss mindestens 0 und höchstens 1 sein, nicht 45 (Quoten als Anteil "
                          "schreiben: 0.45 statt 45)"),
    ("demand.0.rate", {"2026": "viel"}, "„demand[1].rate“ für 2026 muss eine Zahl sein"),
    ("demand.0.rate", {"im Jahr 2026": 0.5}, "„demand[1].rate“ (Jahr 'im Jahr 2026') muss eine Jahreszahl sein"),
    ("demand.0.rate", {}, "„demand[1].rate“ ist eine leere Tabelle"),
    ("demand.0.ages", [1, 1], "„demand[1].ages“ nennt ein Alter zweimal"),
    ("demand.0.ages", ["1"], "„demand[1].ages“ muss eine Liste von Altersjahren sein"),
    ("demand.0.ganztag_entitlement", True, "der Ganztagsanspruch gilt für die Klassen 1–4, also die Alter 6–9, "
                                           "nicht 1"),
    ("demand.0.capacity", {"facility_kinds": ["Kita"]}, "„demand[1].capacity.attribute“ fehlt"),
    ("demand", [], "mindestens ein [[demand]]-Block ist nötig"),
    ("regions.within", 5978, "„regions.within“ muss ein Text sein, nicht 5978 (in Anführungszeichen"),
    ("population.births", "mean-drei", "„population.births“ muss „mean-3“, „last“, eine Zahl"),
    ("population.births", -5, "„population.births“ muss mindestens 0"),
    ("population.survival", 0, "„population.survival“ muss größer als 0 und höchstens 2 sein"),
    ("population.base_year", 2030, "„population.horizon“ (2026) liegt vor „population.base_year“ (2030)"),
    ("population.horizon", "bald", "„population.horizon“ muss eine Jahreszahl sein"),
    ("population.dimensions", {"Geschlecht": 1}, "„population.dimensions“ muss eine Tabelle Merkmal = \"Wert\""),
    ("demand.0.rate_before_entitlement", 0.5, "„demand[1].rate_before_entitlement“ (die Teilnahmequote der Klassen "
                                              "noch ohne Rechtsanspruch) gilt nur zusammen mit „ganztag_entitlement = "
                                              "true“"),
    ("format", 2, "„format“ muss 1 sein"),
    ("kind", "allocation", "„kind“ muss „demand“ sein"),
])
def test_validation_names_the_key(path: str, value: Any, message: str) -> None:
    with pytest.raises(UserInputError) as info:
        DemandSpec.from_dict(_broken(path, value))
    assert message in str(info.value)


@pytest.mark.parametrize(("value", "message"), [
    (60, "Szenariodatei: „demand[1].rate_before_entitlement“ muss mindestens 0 und höchstens 1 sein, nicht 60 (Quoten "
         "als Anteil schreiben: 0.45 statt 45)."),
    ("hoch", "Szenariodatei: „demand[1].rate_before_entitlement“ muss eine Zahl sein, nicht 'hoch'."),
    ({"2026": -0.1}, "„demand[1].rate_before_entitlement“ für 2026 muss mindestens 0 und höchstens 1 sein"),
])
def test_invalid_rate_before_entitlement_is_refused_in_german(value: Any, message: str) -> None:
    with pytest.raises(UserInputError) as info:
        make_spec(None, {"name": "G", "ganztag_entitlement": True, "rate": 0.8, "rate_before_entitlement": value})
    assert message in str(info.value)


@pytest.mark.parametrize("before", [0.6, 0, {"2026": 0.5, "2029": 0.7}])
def test_rate_before_entitlement_round_trips(before: Any) -> None:
    from bildungsplaner.planning import scenario as scenario_files

    spec = make_spec(None, {"name": "G", "ganztag_entitlement": True, "rate": 0.8, "rate_before_entitlement": before})
    assert spec.demand[0].rate_before_entitlement == (YearTable(((2026, 0.5), (2029, 0.7))) if isinstance(
        before, dict) else before)
    assert spec.to_dict()["demand"][0]["rate_before_entitlement"] == before
    assert DemandSpec.from_dict(spec.to_dict()) == spec
    assert scenario_files.parse(scenario_files.dumps(spec)) == spec
    assert "rate_before_entitlement" not in make_spec(None, {"name": "G", "ganztag_entitlement": True,
                                                              "rate": 0.8}).to_dict()["demand"][0]


def test_two_lines_with_one_name_are_refused() -> None:
    with pytest.raises(UserInputError, match="zwei \\[\\[demand\\]\\]-Blöcke heißen „L“"):
        make_spec(None, {"name": "L", "ages": [1], "rate": 0.5}, {"name": "L", "ages": [2], "rate": 0.5})


def test_nan_is_not_a_number_here() -> None:
    with pytest.raises(UserInputError, match="muss eine Zahl sein"):
        make_spec(None, {"name": "L", "ages": [1], "rate": math.nan})


def test_worked_example_of_the_docs() -> None:
    """The example in docs/PLANNING_DEMAND.md: the issue's scenario for two Gemeinden."""
    spec = DemandSpec.from_dict(tomllib.loads(ISSUE_EXAMPLE))
    ages_2025 = {"05978004": [98, 98, 96, 95, 97, 99, 101, 100, 98, 102],
                 "05978008": [50, 52, 49, 51, 48, 50, 47, 49, 51, 50]}
    zeros = {"05978004": (94, 96), "05978008": (54, 52)}
    names = {"05978004": "Aheim", "05978008": "Bdorf"}
    rows = [(k, names[k], year, 0, float(v)) for k, pair in zeros.items() for year, v in zip((2023, 2024), pair,
                                                                                           strict=True)]
    rows += [(k, names[k], 2025, a, float(v)) for k, values in ages_2025.items() for a, v in enumerate(values)]
    data = pd.DataFrame(rows, columns=["region_key", "region_name", "year", "age", "value"])
    capacity = pd.DataFrame({"region_key": ["05978004", "05978008"] * 2,
                             "line": ["U3", "U3", "Ganztag Grundschule", "Ganztag Grundschule"],
                             "capacity": [80.0, 40.0, 150.0, 60.0]})
    result = forecast(spec, data, capacity)
    assert result.warnings == [] and result.observed_until == 2025
    aheim = result.rows[result.rows["region_key"] == "05978004"]
    assert aheim["population"].tolist() == [194, 196, 194, 192, 192, 192, 401, 398, 397, 392, 387, 386]
    assert aheim["demand"].round(6).tolist() == [87.3, 88.2, 92.15, 96, 100.8, 105.6,
                                                 240.6, 253.65, 267.6, 278.85, 290.25, 289.5]
    assert aheim["entitled_population"].tolist()[6:] == [0, 99, 196, 291, 387, 386]
    assert aheim["entitled_demand"].round(6).tolist()[6:] == [0, 74.25, 147, 218.25, 290.25, 289.5]
    assert aheim["gap"].round(6).tolist()[:2] == [-7.3, -8.2] and aheim["ages"].tolist()[6:9] == ["6–9"] * 3
    assert aheim["entitled_ages"].tolist()[6:9] == ["", "6", "6–7"]
    assert aheim["coverage"].round(3).tolist()[6:] == [0.623, 0.591, 0.561, 0.538, 0.517, 0.518]
    totals = result.totals
    _check_against_the_docs(result)
    assert totals["population"].tolist() == [295, 298, 296, 296, 296, 296, 598, 595, 591, 588, 585, 586]
    assert totals["demand"].round(6).tolist() == [132.75, 134.1, 140.6, 148, 155.4, 162.8,
                                                  358.8, 379.35, 398.7, 418.8, 438.75, 439.5]
    assert totals["entitled_population"].tolist()[6:] == [0, 149, 294, 440, 585, 586]
    assert totals["entitled_demand"].round(6).tolist()[6:] == [0, 111.75, 220.5, 330, 438.75, 439.5]
    assert totals["capacity"].tolist() == [120.0] * 6 + [210.0] * 6
    assert totals["gap"].round(6).tolist()[6:] == [-148.8, -169.35, -188.7, -208.8, -228.75, -229.5]
    assert totals["coverage"].round(3).tolist()[6:] == [0.585, 0.554, 0.527, 0.501, 0.479, 0.478]


DOCS = Path(__file__).resolve().parents[2] / "docs" / "PLANNING_DEMAND.md"


def _markdown_table(text: str, after: str) -> pd.DataFrame:
    """The first markdown table after the line starting with ``after``, as text cells."""
    lines = text[text.index(after):].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return pd.DataFrame(table[2:], columns=table[0])


def _check_against_the_docs(result: Any) -> None:
    """docs/PLANNING_DEMAND.md shows this scenario and these numbers: its TOML and both tables are compared."""
    text = DOCS.read_text(encoding="utf-8")
    toml = text[text.index("```toml") + len("```toml"):]
    assert DemandSpec.from_dict(tomllib.loads(toml[:toml.index("```")])) == \
        DemandSpec.from_dict(tomllib.loads(ISSUE_EXAMPLE))
    for frame, after in ((result.rows[result.rows["region_key"] == "05978004"], "`rows` for Aheim"),
                         (result.totals, "`totals` (Aheim + Bdorf)")):
        shown = _markdown_table(text, after)
        assert len(shown) == len(frame)
        for name in shown.columns:
            computed = frame[name].tolist()
            if name == "coverage":
                assert shown[name].tolist() == ["" if math.isnan(v) else f"{v:.3f}" for v in computed]
            elif frame[name].dtype.kind == "f":
                assert [float(v) if v else math.nan for v in shown[name]] == pytest.approx(computed, nan_ok=True)
            else:
                assert shown[name].tolist() == [str(v) for v in computed], name
