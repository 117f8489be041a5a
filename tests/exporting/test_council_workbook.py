"""The council workbook of the demo's demand and allocation scenarios, as a council member would read it
(issue 10: chart per line, totals only per line and year, a data sheet with the forecast's inputs, sheet order,
missing is not zero, every warning, sources in the user's words, no local path or login name)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from realdata import SCHOOLS_TEMPLATE, real_file

from bildungsplaner.exporting.symbols import warning_text
from bildungsplaner.exporting.workbook import PlanTable, Report, SheetColumn, write_report
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services.planning import compare_results, run_scenario
from bildungsplaner.services.scenario_export import build_report, export_scenario
from bildungsplaner.store.audit import current_user
from bildungsplaner.store.database import open_workspace

PLANNING = Path(__file__).resolve().parents[1] / "planning"
DEMAND = PLANNING / "demand_demo.toml"
ALLOCATION = PLANNING / "allocation_demo.toml"


@pytest.fixture
def demo(demo_file):
    with open_workspace(demo_file) as ws:
        yield ws


def variant(tmp_path: Path) -> object:
    path = tmp_path / "variante.toml"
    path.write_text(DEMAND.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.9")
                    .replace('name = "Kita', 'name = "Variante Kita'), encoding="utf-8")
    return scenario_files.load(path)


def texts(sheet) -> list[str]:
    return [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def test_sheets_come_in_reading_order_with_one_unsmoothed_chart_per_demand_line(demo, tmp_path: Path) -> None:
    spec = scenario_files.load(DEMAND)
    out = export_scenario(demo, spec, tmp_path / "bedarf.xlsx", compare=variant(tmp_path))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Übersicht", "Bedarf U3", "Bedarf Ganztag Grundschule", "Vergleich", "Daten",
                             "Methodik"]
    overview = wb["Übersicht"]
    charts = overview._charts
    assert [c.title.tx.rich.p[0].r[0].t for c in charts] == ["Bedarf und Plätze: U3",
                                                               "Bedarf und Plätze: Ganztag Grundschule"]
    years = list(range(2024, 2031))
    for chart, line in zip(charts, ["U3", "Ganztag Grundschule"], strict=True):
        for series in chart.series:
            rows = [int(n) for n in re.findall(r"\$(\d+)", series.cat.numRef.f)]
            # the categories are this line's years, once each: not 2024…2030, 2024…2030 across both lines
            assert [overview.cell(r, 2).value for r in range(rows[0], rows[1] + 1)] == years
            assert {overview.cell(r, 1).value for r in range(rows[0], rows[1] + 1)} == {line}
            assert series.smooth is False
    xml = zipfile.ZipFile(out).read("xl/charts/chart1.xml").decode()
    assert re.search(r'<(c:)?smooth val="(1|true)"', xml) is None and re.search(r'<(c:)?smooth val="0"', xml)


def test_comparison_totals_add_up_one_line_and_year_never_across(demo, tmp_path: Path) -> None:
    spec, other = scenario_files.load(DEMAND), variant(tmp_path)
    out = export_scenario(demo, spec, tmp_path / "vergleich.xlsx", compare=other)
    sheet = openpyxl.load_workbook(out)["Vergleich"]
    rows = list(sheet.iter_rows(values_only=True))
    totals = [(i + 1, r) for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("Summe ")]
    expected = [f"Summe {line} {year}" for line in ("U3", "Ganztag Grundschule") for year in range(2024, 2031)]
    assert [r[0] for _, r in totals] == expected  # no „Summe“ over all lines and years
    for at, row in totals:
        first, last = (int(n) for n in re.findall(r"E(\d+)", row[4]))
        line, year = row[0].removeprefix("Summe ").rsplit(" ", 1)
        assert {(sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in range(first, last + 1)} == {(line, int(year))}
        assert last == at - 1 and last - first + 1 == 12  # the twelve Gemeinden of that line and year


def test_the_data_sheet_holds_what_the_forecast_used_even_when_the_base_year_is_later(demo, tmp_path: Path) -> None:
    text = DEMAND.read_text(encoding="utf-8").replace("horizon = 2030", "horizon = 2030\nbase_year = 2025")
    (tmp_path / "spaeter.toml").write_text(text, encoding="utf-8")
    spec = scenario_files.load(tmp_path / "spaeter.toml")
    result = run_scenario(demo, spec)
    assert result.observed_until == 2024 and result.base_year == 2025
    out = export_scenario(demo, spec, tmp_path / "bedarf.xlsx")
    sheet = openpyxl.load_workbook(out)["Daten"]
    rows = list(sheet.iter_rows(values_only=True))
    titles = [r[0] for r in rows if isinstance(r[0], str) and not r[0][:1].isdigit()]
    assert "Bevölkerung 2024 nach Einzelaltersjahren (Startjahr der Prognose)" in titles
    assert any(t.startswith("Geburten") for t in titles) and any(t.startswith("Plätze je Gebiet") for t in titles)
    header = next(r for r in rows if r[0] == "Schlüssel")
    assert header[2:12] == tuple(f"Alter {a} (Anzahl)" for a in range(10))
    lindental = next(r for r in rows if r[0] == "05999001")
    start = result.rows[(result.rows["region_key"] == "05999001") & (result.rows["year"] == 2025)
                        & (result.rows["line"] == "U3")]
    # ages 0 and 1 of 2024 are the children aged 1 and 2 of 2025 (survival 1)
    assert lindental[2] + lindental[3] == pytest.approx(float(start["population"].iloc[0]))
    places_header = [r for r in rows if r[0] == "Schlüssel"][-1]
    assert places_header[2:4] == ("U3: Plätze U3 (Anzahl)", "Ganztag Grundschule: OGS-Plätze (Anzahl)")


def test_missing_values_show_a_dot_and_make_their_total_unknown(tmp_path: Path) -> None:
    columns = [SheetColumn("key", "Schlüssel", text=True), SheetColumn("places", "Plätze", "Anzahl", total=True),
               SheetColumn("demand", "Bedarf", "Plätze", decimals=1, total=True)]
    rows = pd.DataFrame({"key": ["1", "2", "3"], "places": [10.0, float("nan"), 0.0], "demand": [1.5, 2.0, 3.0]})
    wb = openpyxl.load_workbook(write_report(Report("T", PlanTable("Plan", "T", columns, rows)), tmp_path / "t.xlsx"))
    ws = wb["Plan"]
    assert [ws.cell(r, 2).value for r in (4, 5, 6)] == [10, ".", 0]  # missing is „.“, not blank and not „–“
    assert ws["B7"].value == "." and ws["C7"].value == "=SUM(C4:C6)"  # no sum that silently skips the gap
    assert ws["B6"].number_format.endswith(';"–"')  # an exact zero shows „–“ and stays a number


def test_method_lists_every_warning_of_both_scenarios_and_the_legend(demo, tmp_path: Path) -> None:
    spec, other = scenario_files.load(DEMAND), variant(tmp_path)
    result, result_b = run_scenario(demo, spec), run_scenario(demo, other)
    result.warnings = [f"Fehlende Werte ersetzt: Gebiet {i:02d}" for i in range(40)]
    result_b.warnings = ["Fehlende Werte ersetzt: nur im Vergleichsszenario"]
    report = build_report(demo, spec, result, comparison=compare_results(result, spec.name, result_b, other.name),
                          compared=result_b)
    wb = openpyxl.load_workbook(write_report(report, tmp_path / "hinweise.xlsx"))
    method = texts(wb["Methodik"])
    assert all(f"Fehlende Werte ersetzt: Gebiet {i:02d}" in method for i in range(40))
    assert "Fehlende Werte ersetzt: nur im Vergleichsszenario" in method
    assert "nichts vorhanden (genau null)" in method and any(t.startswith("Zahlenwert unbekannt") for t in method)


def test_columns_speak_the_users_words_and_the_method_names_no_path_or_login(demo, tmp_path: Path) -> None:
    out = export_scenario(demo, scenario_files.load(ALLOCATION), tmp_path / "verteilung.xlsx", suppress_below=3)
    wb = openpyxl.load_workbook(out)
    ws = wb["Planungstabelle"]
    header = [c.value for c in ws[5]]
    assert header[2:4] == ["Schülerzahl", "Sozialindexstufe"]  # not the keys schueler, sozialindex
    assert ws.row_dimensions[5].height and ws.row_dimensions[5].height >= 30  # wrapped header, tall enough
    assert ws["D6"].number_format.split(";")[0] == "#,##0"  # a Sozialindex level is „5“, not „5,00“
    method = " ".join(texts(wb["Methodik"]))
    assert "Demo-Daten (erzeugt)" in method and "35 Einrichtungen (Grundschule)" in method
    assert "importiert am" in method
    assert "Geheimhaltung geprüft" in method  # it ran and hid nothing: the sheet says so
    assert str(demo.path.parent) not in method and current_user() not in method.split()
    assert wb.properties.creator == "Bildungsplaner"  # not the login name
    named = export_scenario(demo, scenario_files.load(ALLOCATION), tmp_path / "mit_name.xlsx",
                            author="Erika Muster")
    wb = openpyxl.load_workbook(named)
    assert "Erika Muster" in texts(wb["Methodik"]) and wb.properties.creator == "Erika Muster"


def test_the_real_nrw_school_list_is_named_as_source_with_its_own_headers(workspace, tmp_path) -> None:
    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.planning.allocation import AllocationSpec
    from bildungsplaner.services.importing import import_file

    path = real_file("nrw_schulverzeichnis_2024_25_sozialindex.csv")
    import_file(workspace, path, template=ImportTemplate.loads(SCHOOLS_TEMPLATE))
    spec = AllocationSpec.from_dict({
        "name": "Schulsozialarbeit NRW", "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 0.6},
                 {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 0.4,
                  "missing": "zero"}],  # private schools have no Sozialindex
        "amount": {"total": 1000.0, "unit": "VZÄ", "step": 0.5}})
    wb = openpyxl.load_workbook(export_scenario(workspace, spec, tmp_path / "nrw.xlsx"))
    warnings = run_scenario(workspace, spec).warnings
    assert warnings and all(warning_text(w) in texts(wb["Methodik"]) for w in warnings)  # each replaced value, whole
    assert [c.value for c in wb["Planungstabelle"][5]][2:4] == ["Anzahl", "Sozialindex"]  # the file's headers
    method = " ".join(texts(wb["Methodik"]))
    assert "nrw_schulverzeichnis_2024_25_sozialindex.csv" in method and "Stand: nicht angegeben" in method
    assert "„Anzahl“ (Merkmal schueler)" in method
    assert str(path.parent) not in method
