"""Scenario exports on the demo workspace: workbook structure and formulas, CSV, PDF, audit, command line."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.__main__ import main
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services.scenario_export import export_scenario
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import AuditEntry

DEMAND = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"


@pytest.fixture
def demo(demo_file):
    with open_workspace(demo_file) as ws:
        yield ws


def test_demand_workbook_has_a_sheet_per_line_with_yearly_totals(demo, tmp_path: Path) -> None:
    spec = scenario_files.load(DEMAND)
    out = export_scenario(demo, spec, tmp_path / "bedarf.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Übersicht", "Bedarf U3", "Bedarf Ganztag Grundschule", "Daten", "Methodik"]
    ws = wb["Bedarf U3"]
    assert [c.value for c in ws[5]][:5] == ["Schlüssel", "Gebiet", "Jahr", "Altersjahre", "Kinder (Anzahl)"]
    assert ws["C6"].value == 2024 and ws["C6"].number_format == "0"  # a year, not "2.024"
    assert ws["A18"].value == "Summe 2024" and ws["F18"].value == "=SUM(F6:F17)"
    assert ws["A31"].value == "Summe 2025" and ws["H31"].value == "=SUM(H19:H30)"
    method = [row for row in wb["Methodik"].iter_rows(values_only=True)]
    texts = " ".join(str(c) for row in method for c in row if c)
    for expected in ("Ebene „gemeinde“", "Geschlecht = Insgesamt", "Mittel der letzten 3", "2026: 45,0 %",
                     "GaFöG", "„Plätze U3“ (Merkmal plaetze_u3)", "Zeichenerklärung", "Bildungsplaner 0.1.0"):
        assert expected in texts
    with demo.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry.action == "export" and "bedarf.xlsx" in entry.details


def test_csv_opens_in_german_excel(demo, tmp_path: Path) -> None:
    out = export_scenario(demo, scenario_files.load(DEMAND), tmp_path / "bedarf.csv", format="csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Schlüssel", "Gebiet", "Jahr"]
    demand = rows[1][rows[0].index("Bedarf (Plätze)")]
    assert "," in demand and "." not in demand  # decimal comma
    # a U3 row has no Ganztag entitlement columns: „x“ (not meaningful), never an empty cell
    assert rows[1][rows[0].index("Kinder mit Anspruch (Anzahl)")] == "x"
    # every demand line, not only the first: the last column says which
    assert rows[0][-1] == "Tabelle" and {r[-1] for r in rows[1:]} == {"Bedarf U3", "Bedarf Ganztag Grundschule"}
    # hiding small counts exists for the workbook only: a CSV would show them, so it is refused, not ignored
    with pytest.raises(UserInputError, match="nur für die Excel-Arbeitsmappe"):
        export_scenario(demo, scenario_files.load(DEMAND), tmp_path / "geheim.csv", format="csv", suppress_below=3)
    assert not (tmp_path / "geheim.csv").exists()


def test_command_line_export_with_comparison_and_pdf(demo_file, tmp_path: Path, capsys) -> None:
    ws = ["--workspace", str(demo_file)]  # the demo holds the scenario of DEMAND, saved
    variant = tmp_path / "variante.toml"
    variant.write_text(DEMAND.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.9")
                       .replace('name = "Kita', 'name = "Variante Kita'), encoding="utf-8")
    xlsx = tmp_path / "vergleich.xlsx"
    assert main(["export", "Kita- und Ganztagsbedarf 2025-2030", "--compare", str(variant), "--out", str(xlsx),
                 *ws]) == 0
    wb = openpyxl.load_workbook(xlsx)
    assert "Vergleich" in wb.sheetnames
    comparison = wb["Vergleich"]
    header = next(r for r in comparison.iter_rows(values_only=True) if r[0] == "Bedarfslinie")
    assert list(header[-3:]) == ["Kita- und Ganztagsbedarf 2025-2030 (Plätze)", "Variante Kita- und Ganztagsbedarf "
                           "2025-2030 (Plätze)", "Differenz B − A (Plätze)"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    pdf = tmp_path / "bedarf.pdf"
    assert main(["export", str(DEMAND), "--out", str(pdf), *ws]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["export", "gibt es nicht", "--out", str(tmp_path / "x.xlsx"), *ws]) == 2
    assert "gibt es im Arbeitsbereich nicht" in capsys.readouterr().err


ALLOCATION = Path(__file__).resolve().parent / "planning" / "allocation_demo.toml"


def test_allocation_workbook_explains_every_recipient_and_hides_small_counts(demo, tmp_path: Path) -> None:
    spec = scenario_files.load(ALLOCATION)
    out = export_scenario(demo, spec, tmp_path / "verteilung.xlsx", suppress_below=250)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Planungstabelle", "Daten", "Methodik"]
    ws = wb["Planungstabelle"]
    header = [c.value for c in ws[5]]
    assert header == ["Schlüssel", "Empfänger", "Schülerzahl", "Sozialindexstufe", "Bedarfsanteil (%)",
                      "exakter Anteil (VZÄ)", "Zuteilung (VZÄ)", "Differenz zu exakt (VZÄ)", "Grenze"]
    last = 5 + 35
    assert ws.cell(last + 1, 1).value == "Summe" and ws.cell(last + 1, 7).value == f"=SUM(G6:G{last})"
    pupils = [ws.cell(r, 3).value for r in range(6, last + 1)]
    assert "." in pupils and all(p == "." or p >= 250 for p in pupils)  # below 250 (and one more) hidden
    shares = [ws.cell(r, 5).value for r in range(6, last + 1)]
    assert [s == "." for s in shares] == [p == "." for p in pupils]  # the share would reveal the count
    for column in (6, 8):  # the exact share and its difference: with the visible rows they reveal it too
        assert [ws.cell(r, column).value == "." for r in range(6, last + 1)] == [p == "." for p in pupils]
    assert all(isinstance(ws.cell(r, 7).value, int | float) for r in range(6, last + 1))  # amounts stay
    assert sum(ws.cell(r, 7).value for r in range(6, last + 1)) == pytest.approx(40.0)
    texts = " ".join(str(c) for row in wb["Methodik"].iter_rows(values_only=True) for c in row if c)
    for expected in ("Gewicht 60,0 %: Schülerzahl (schueler)",
                     "Schülerzahl (schueler) × Sozialindexstufe (sozialindex)", "Hare-Niemeyer", "höchstens 3,00 VZÄ",
                     "primäre Geheimhaltung", "der größere exakte Anteil"):
        assert expected in texts


def test_the_pdf_text_holds_every_demand_line(demo) -> None:
    from bildungsplaner.services.planning import run_scenario
    from bildungsplaner.services.scenario_export import build_report, report_html

    spec = scenario_files.load(DEMAND)
    text = report_html(build_report(demo, spec, run_scenario(demo, spec)))
    assert f"<h2>{spec.name}: U3</h2>" in text and f"<h2>{spec.name}: Ganztag Grundschule</h2>" in text
    # overview, the two lines, the data (without collected inputs: the start year of the result)
    assert text.count("<table border") == 4 and "<h2>Methodik</h2>" in text
