"""A new demand scenario starts from the workspace's own population: every indicator with an age dimension,
its other dimensions' values (Insgesamt first), levels and periods — on the demo and on the real GENESIS table
12411-04-02 imported into an empty workspace (which has no BEV_ALTER)."""

from __future__ import annotations

from pathlib import Path

import pytest
from realdata import real_file

from bildungsplaner.services.importing import import_file
from bildungsplaner.services.planning import run_scenario
from bildungsplaner.services.planning_population import demand_template, population_choices
from bildungsplaner.store.database import open_workspace


def test_demo_offers_its_population_by_age(demo_workspace) -> None:
    choices = population_choices(demo_workspace)
    assert [c.code for c in choices] == ["BEV_ALTER"]  # the other indicators have no age dimension
    choice = choices[0]
    assert choice.age_dimension == "Alter" and choice.dimensions["Geschlecht"][0] == "Insgesamt"
    assert "gemeinde" in choice.levels and choice.last_year is not None
    result = run_scenario(demo_workspace, demand_template("Neu", choice, level="gemeinde"))
    assert set(result.rows["line"]) == {"U3", "Ü3"} and result.rows["demand"].notna().all()


def test_real_population_table_without_bev_alter(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "bev.bpws")
    try:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"))
        (choice,) = population_choices(ws)
        assert choice.code == "BEVOELKERUNGSSTAND" and choice.age_dimension == "Altersgruppe"
        assert choice.dimensions == {"Geschlecht": ["Insgesamt", "männlich", "weiblich"]}
        assert next(iter(choice.levels)) == "kreis" and choice.levels["kreis"] > 400
        assert choice.periods == ["2015-12-31"] and choice.last_year == 2015
        spec = demand_template("Neu", choice, dimensions={"Geschlecht": "weiblich"})
        assert spec.regions.level == "kreis" and spec.population.horizon == 2030
        assert dict(spec.population.dimensions) == {"Geschlecht": "weiblich"}
        result = run_scenario(ws, spec)
        unna = result.rows[(result.rows["region_key"] == "05978") & (result.rows["line"] == "U3")
                           & (result.rows["year"] == 2015)]
        assert len(unna) == 1 and unna["demand"].iat[0] == pytest.approx(unna["population"].iat[0] * 0.45)
    finally:
        ws.close()


def test_an_empty_workspace_offers_nothing(workspace) -> None:
    assert population_choices(workspace) == []
