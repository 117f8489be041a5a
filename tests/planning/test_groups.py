"""Allocation results grouped by a region level above the recipients: order, subtotals, the grand total, and
the level resolved through the recipients' region parents (demo: 35 Grundschulen in Sozialräume of 12
Gemeinden)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.planning.groups import UNGROUPED, group_rows
from bildungsplaner.services.planning import compare_results, group_comparison, group_levels, group_result, run_scenario
from bildungsplaner.services.scenarios import get_scenario

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"


def test_rows_are_ordered_by_group_with_subtotals_and_a_grand_total_that_counts_each_row_once() -> None:
    rows = pd.DataFrame({"key": ["s1", "s2", "s3", "s4", "s5"], "amount": [1.0, 2.0, 3.0, 4.0, 5.0],
                         "exact": [1.1, 1.9, 3.0, math.nan, 5.0]})
    grouping = group_rows(rows, ["G10", "G9", "G10", None, "G9"], ["Zehn", "Neun", "Zehn", None, "Neun"], "gemeinde",
                          ["amount", "exact"])
    assert grouping.rows["key"].tolist() == ["s2", "s5", "s1", "s3", "s4"]  # G9 before G10, no group last
    assert grouping.totals["group_name"].tolist() == ["Neun", "Zehn", UNGROUPED]
    assert grouping.totals["amount"].tolist() == [7.0, 4.0, 4.0]
    assert grouping.totals["count"].tolist() == [2, 2, 1]
    assert grouping.grand["amount"] == 15.0  # the rows, not rows plus subtotals
    assert math.isnan(grouping.totals["exact"].iat[2]) and math.isnan(grouping.grand["exact"])  # unknown stays unknown
    table = grouping.table()
    assert table["row_kind"].tolist() == ["recipient", "recipient", "group", "recipient", "recipient", "group",
                                          "recipient", "group", "total"]
    assert table.loc[table["row_kind"] == "recipient", "amount"].sum() == table.loc[table["row_kind"] == "total",
                                                                                    "amount"].item()
    data = grouping.to_json_dict()
    assert data[0] == {"key": "G9", "name": "Neun", "count": 2, "amount": 7.0, "exact": 6.9, "members": ["s2", "s5"]}
    assert data[2]["key"] is None and data[2]["exact"] is None


def test_demo_allocation_grouped_by_gemeinde(demo_workspace) -> None:
    result = run_scenario(demo_workspace, get_scenario(demo_workspace, ALLOCATION).spec)
    assert group_levels(demo_workspace, list(result.rows["region_key"])) == ["land", "regierungsbezirk", "kreis",
                                                                              "gemeinde"]
    grouping = group_result(demo_workspace, result, "Gemeinde")
    assert grouping.level == "gemeinde"
    assert len(grouping.totals) == 12 and grouping.totals["count"].sum() == len(result.rows) == 35
    assert grouping.totals["group_name"].iat[0] == "Lindental" and grouping.totals["count"].iat[0] == 7
    for _, total in grouping.totals.iterrows():
        members = grouping.rows[grouping.rows["group_key"] == total["group_key"]]
        assert total["amount"] == pytest.approx(members["amount"].sum())
        assert all(k.startswith(total["group_key"]) for k in members["region_key"])  # Sozialraum inside Gemeinde
    assert grouping.totals["amount"].sum() == pytest.approx(24.0) == grouping.grand["amount"]
    kreis = group_result(demo_workspace, result, "kreis")
    assert kreis.totals["group_name"].tolist() == ["Kreis Lindental"]
    np.testing.assert_allclose(kreis.totals["amount"], [24.0])


def test_a_level_that_is_not_above_the_recipients_is_refused_with_the_possible_ones(demo_workspace) -> None:
    result = run_scenario(demo_workspace, get_scenario(demo_workspace, ALLOCATION).spec)
    with pytest.raises(UserInputError, match="Möglich sind: land, regierungsbezirk, kreis, gemeinde"):
        group_result(demo_workspace, result, "sozialraum")
    with pytest.raises(UserInputError, match="nicht gruppieren"):
        group_result(demo_workspace, result, "schulbezirk")


def test_comparison_grouped_by_gemeinde(demo_workspace) -> None:
    spec = get_scenario(demo_workspace, ALLOCATION).spec
    more = type(spec).from_dict({**spec.to_dict(), "name": "Mehr", "amount": {**spec.amount.to_dict(),
                                                                                "total": 30.0}})
    comparison = compare_results(run_scenario(demo_workspace, spec), spec.name, run_scenario(demo_workspace, more),
                                 "Mehr")
    grouping = group_comparison(demo_workspace, comparison, "gemeinde")
    assert len(grouping.totals) == 12
    assert grouping.grand["a"] == pytest.approx(24.0) and grouping.grand["b"] == pytest.approx(30.0)
    assert grouping.totals["difference"].sum() == pytest.approx(6.0)
    assert "region_key" not in comparison.to_json_dict()["rows"][0]  # JSON rows as before
