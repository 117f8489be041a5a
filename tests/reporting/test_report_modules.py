"""The report's planning modules on the demo workspace: a saved scenario's table, chart and sentences, and the
Prognose-Ist-Vergleich of the demo's forecast from 2020 — every number of a generated sentence stands in the
module's table (``sentence_check``), and the tables equal the services' figures."""

from __future__ import annotations

import math

import pytest

from bildungsplaner import UserInputError
from bildungsplaner.reporting.document import ChartFigure, MethodBox, Paragraph, ReportTable
from bildungsplaner.reporting.spec import BacktestModule, ScenarioModule
from bildungsplaner.services.backtest import backtest
from bildungsplaner.services.planning import run_scenario
from bildungsplaner.services.report_modules import ModuleContext, backtest_module, scenario_module
from bildungsplaner.services.scenarios import get_scenario

from .sentence_check import check_module

BACKTEST = "Kita-Bedarf Prognose 2020"
DEMAND = "Kita- und Ganztagsbedarf 2025-2030"
ALLOCATION = "Schulsozialarbeit Grundschulen 2027"


def sentences(module) -> list[str]:
    return [s.text for b in module.blocks if isinstance(b, Paragraph) and b.generated for s in b.sentences]


def test_backtest_module(demo_workspace) -> None:
    ctx = ModuleContext(years=(2020, 2024), region_key="05999")
    module = backtest_module(demo_workspace, BacktestModule(BACKTEST), ctx)
    assert module.kind == "backtest" and module.key == BACKTEST
    assert check_module(module) >= 10  # every number of every sentence is a cell of the module's tables
    summary, *per_region = module.tables()
    outcome = backtest(demo_workspace, BACKTEST)
    overall = outcome.overall()
    row = summary.frame.set_index("Bedarfslinie und Prognose")
    assert row.loc["alle Bedarfslinien: Prognose", "MAPE (%)"] == pytest.approx(overall["mape"])
    assert row.loc["alle Bedarfslinien: naive Prognose", "MAPE (%)"] == pytest.approx(overall["naive_mape"])
    assert row.loc["U3: Prognose", "Bias (%)"] == pytest.approx(outcome.overall("U3")["bias"])
    assert row.loc["U3: Prognose", "MAPE 2024 (%)"] > row.loc["U3: Prognose", "MAPE 2021 (%)"]
    # one table per demand line: the regions in the latest observed year
    assert [t.caption.split(": ")[1].split(",")[0] for t in per_region] == ["U3", "Ü3"]
    u3 = per_region[0].frame
    assert len(u3) == 12 and "Ist 2024" in per_region[0].caption
    assert per_region[0].emphasis == ()  # (the home region is the Kreis, the rows are its Gemeinden)
    bergheide = backtest_module(demo_workspace, BacktestModule(BACKTEST), ModuleContext(region_key="05999002"))
    assert bergheide.tables()[1].emphasis == ("Bergheide",)
    expected = outcome.rows[(outcome.rows["line"] == "U3") & (outcome.rows["year"] == 2024)]
    assert u3["Ist"].tolist() == expected["actual"].tolist()
    assert u3["Fehler"].tolist() == pytest.approx((expected["forecast"] - expected["actual"]).tolist())
    text = " ".join(sentences(module))
    assert f"im Mittel um {_de(overall['mape'])} % daneben (naive Prognose: {_de(overall['naive_mape'])} %)" in text
    assert "Basisjahr 2020" in text and "2021–2024" in text
    chart = next(b for b in module.blocks if isinstance(b, ChartFigure))
    assert chart.categories == ("2021", "2022", "2023", "2024") and len(chart.series) == 4
    assert chart.id == "f1"
    assert any(isinstance(b, MethodBox) and "MAPE" in b.text for b in module.blocks)
    assert module.findings and module.findings[0]["kind"] == "backtest"
    assert all(s.startswith("Datengrundlage: ") for s in (t.source for t in module.tables()))


def _de(value: float) -> str:
    from bildungsplaner.formatting import format_number

    return format_number(abs(value), 1)


def test_backtest_module_keeps_the_authors_text_and_leaves_out_what_is_switched_off(demo_workspace) -> None:
    module = backtest_module(demo_workspace, BacktestModule(BACKTEST, table=False, chart=False,
                                                            text="Eigene Einschätzung.", note="Nachtrag."),
                             ModuleContext())
    assert not module.tables() and not module.figures()
    paragraphs = [b for b in module.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == ["Eigene Einschätzung.", "Nachtrag."]
    assert not any(p.generated for p in paragraphs)


def test_backtest_module_of_a_scenario_without_a_past_base_year_is_refused(demo_workspace) -> None:
    with pytest.raises(UserInputError, match="Basisjahr in der Vergangenheit"):
        backtest_module(demo_workspace, BacktestModule(DEMAND), ModuleContext())


def test_demand_scenario_module(demo_workspace) -> None:
    module = scenario_module(demo_workspace, ScenarioModule(DEMAND), ModuleContext())
    assert module.kind == "scenario" and module.title == DEMAND
    assert check_module(module) >= 8
    (table,) = module.tables()
    result = run_scenario(demo_workspace, get_scenario(demo_workspace, DEMAND).spec)
    frame = table.frame.set_index("Bedarfslinie")
    totals = result.totals.set_index(["line", "year"])
    assert frame.loc["U3: Bedarf (Plätze)", "2030"] == pytest.approx(totals.loc[("U3", 2030), "demand"])
    assert frame.loc["Ganztag Grundschule: Lücke (Plätze)", "2028"] == pytest.approx(
        totals.loc[("Ganztag Grundschule", 2028), "gap"])
    assert frame.loc["U3: Kinder (Alter 1–2)", "2024"] == totals.loc[("U3", 2024), "population"]
    text = sentences(module)
    assert len(text) == 2 and text[0].startswith(f"Nach dem Szenario „{DEMAND}“")
    gap = totals.loc[("U3", 2030), "gap"]
    assert ("fehlen dann" in text[0]) == (round(gap) < 0)
    chart = module.figures()[0]
    assert isinstance(chart, ChartFigure) and chart.kind == "line" and chart.categories[0] == "2024"
    assert [s.name for s in chart.series] == ["Bedarf U3", "Plätze U3", "Bedarf Ganztag Grundschule",
                                              "Plätze Ganztag Grundschule"]
    assert any(isinstance(b, MethodBox) and "Alterung" in b.text for b in module.blocks)


def test_allocation_scenario_module(demo_workspace) -> None:
    module = scenario_module(demo_workspace, ScenarioModule(ALLOCATION, title="Schulsozialarbeit"),
                             ModuleContext())
    assert module.title == "Schulsozialarbeit"
    assert check_module(module) >= 3
    (table,) = module.tables()
    assert isinstance(table, ReportTable)
    amounts = table.frame.set_index("Empfänger")["Betrag (VZÄ)"]
    assert amounts["Insgesamt"] == pytest.approx(24.0)
    assert math.isclose(amounts.drop("Insgesamt").sum(), 24.0)
    assert f"{len(amounts) - 1} Empfänger" in table.caption
    assert module.figures()[0].kind == "bar"


def test_unknown_scenario_is_a_german_error(demo_workspace) -> None:
    with pytest.raises(UserInputError, match="gibt es im Arbeitsbereich nicht"):
        scenario_module(demo_workspace, ScenarioModule("Gibt es nicht"), ModuleContext())
