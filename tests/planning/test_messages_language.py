"""The planning core speaks the interface's language: a refused scenario file, an allocation that cannot be
shared out and a comparison of two kinds come in English when the window is English, and stay German (the
default, and the command line's language) otherwise — with the numbers formatted the German way in both."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.i18n import set_language
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation import AllocationSpec, allocate
from bildungsplaner.services.planning import compare_results, run_scenario

HERE = Path(__file__).resolve().parent


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("de")


def _spec(minimum: float) -> AllocationSpec:
    return AllocationSpec.from_dict({
        "format": 1, "kind": "allocation", "name": "Test",
        "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 1.0}],
        "amount": {"total": 10.0, "unit": "VZÄ", "step": 1.0, "method": "hare-niemeyer", "minimum": minimum}})


def _frame(count: int) -> pd.DataFrame:
    return pd.DataFrame({"key": [f"S{i}" for i in range(count)], "name": [f"Schule {i}" for i in range(count)],
                         "attribute:schueler": [100.0] * count})


def test_a_wrong_kind_in_german_and_in_english(english) -> None:
    with pytest.raises(UserInputError, match=r"^Scenario file: “kind” must be “allocation” or “demand”, not “report”"):
        scenario_files.parse('format = 1\nkind = "report"\nname = "X"\n')
    set_language("de")
    with pytest.raises(UserInputError, match=r"^Szenariodatei: „kind“ muss „allocation“ oder „demand“ sein, nicht"):
        scenario_files.parse('format = 1\nkind = "report"\nname = "X"\n')


def test_minimum_amounts_too_high_with_german_numbers(english) -> None:
    with pytest.raises(UserInputError) as refused:
        allocate(_spec(minimum=0.5), _frame(1200))
    assert str(refused.value) == ("The minimum amounts (1.200 × 0,5 = 600) exceed the total to allocate, 10.")
    set_language("de")
    with pytest.raises(UserInputError) as refused:
        allocate(_spec(minimum=0.5), _frame(1200))
    assert str(refused.value) == "Die Mindestbeträge (1.200 × 0,5 = 600) übersteigen die zu verteilende Summe 10."


def test_two_kinds_cannot_be_compared_named_in_the_language(demo_workspace, english) -> None:
    allocation = run_scenario(demo_workspace, scenario_files.load(HERE / "allocation_demo.toml"))
    demand = run_scenario(demo_workspace, scenario_files.load(HERE / "demand_demo.toml"))
    with pytest.raises(UserInputError, match=r"“A” \(Allocation\) and “B” \(Demand\) are different kinds"):
        compare_results(allocation, "A", demand, "B")
    set_language("de")
    with pytest.raises(UserInputError, match=r"„A“ \(Verteilung\) und „B“ \(Bedarf\) sind verschiedene Arten"):
        compare_results(allocation, "A", demand, "B")
