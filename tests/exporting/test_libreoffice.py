"""The workbook in a second office suite: LibreOffice recalculates the live totals and prints it to PDF.

``.ci/run`` installs LibreOffice (``libreoffice-calc-nogui``); elsewhere the tests skip without it.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from bildungsplaner.exporting.workbook import write_report

from .test_workbook import ROWS, report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"), pytest.mark.slow]


def convert(path: Path, target: str, out: Path) -> list[Path]:
    profile = out / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    return sorted(p for p in out.iterdir() if p.is_file())


def test_libreoffice_recalculates_the_totals_to_the_applications_totals(tmp_path: Path) -> None:
    path = write_report(report(ROWS), tmp_path / "plan.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    # CSV filter options: ";" separator, '"' quote, UTF-8, formulas as results, every sheet into its own file
    files = convert(path, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', out)
    table = next(p for p in files if "Planungstabelle" in p.name)
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    totals = next(r for r in rows if r and r[0] == "Summe")
    assert float(totals[2]) == sum(r["pupils"] for r in ROWS)
    assert float(totals[4]) == sum(r["amount"] for r in ROWS)
    assert float(totals[5]) == sum(r["gap"] for r in ROWS)
    hostile = next(r for r in rows if r and r[0] == "190501")
    assert hostile[1] == '=HYPERLINK("http://x","y")'  # text, not a link


def test_libreoffice_prints_the_workbook_as_pdf(tmp_path: Path) -> None:
    path = write_report(report(ROWS), tmp_path / "plan.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    pdf = next(p for p in convert(path, "pdf", out) if p.suffix == ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 2


def test_a_real_scenario_export_recalculates_to_the_scenarios_totals(demo_file, tmp_path: Path) -> None:
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.scenario_export import export_scenario
    from bildungsplaner.store.database import open_workspace

    demand = Path(__file__).resolve().parents[1] / "planning" / "demand_demo.toml"
    spec = scenario_files.load(demand)
    with open_workspace(demo_file) as ws:
        path = export_scenario(ws, spec, tmp_path / "bedarf.xlsx")
        from bildungsplaner.services.planning import run_scenario

        result = run_scenario(ws, spec)
    out = tmp_path / "out"
    out.mkdir()
    files = convert(path, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', out)
    sheet = next(p for p in files if "U3" in p.name)
    rows = list(csv.reader(sheet.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    u3 = result.rows[result.rows["line"] == "U3"]
    for year, block in u3.groupby("year"):
        totals = next(r for r in rows if r and r[0] == f"Summe {year}")
        assert float(totals[5]) == pytest.approx(block["demand"].sum(), abs=1e-6)  # Bedarf
        assert float(totals[7]) == pytest.approx(block["gap"].sum(), abs=1e-6)  # Lücke


def test_comparison_totals_recalculate_per_line_and_year_only(demo_file, tmp_path: Path) -> None:
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.planning import compare_results, run_scenario
    from bildungsplaner.services.scenario_export import export_scenario
    from bildungsplaner.store.database import open_workspace

    demand = Path(__file__).resolve().parents[1] / "planning" / "demand_demo.toml"
    variant = tmp_path / "variante.toml"
    variant.write_text(demand.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.9")
                       .replace('name = "Kita', 'name = "Variante Kita'), encoding="utf-8")
    spec, other = scenario_files.load(demand), scenario_files.load(variant)
    with open_workspace(demo_file) as ws:
        path = export_scenario(ws, spec, tmp_path / "vergleich.xlsx", compare=other)
        comparison = compare_results(run_scenario(ws, spec), spec.name, run_scenario(ws, other), other.name)
    out = tmp_path / "out"
    out.mkdir()
    files = convert(path, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', out)
    sheet = next(p for p in files if "Vergleich" in p.name)
    rows = list(csv.reader(sheet.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    totals = {r[0]: r for r in rows if r and r[0].startswith("Summe ")}
    sums = comparison.rows.groupby(["line", "year"])[["a", "b", "difference"]].sum()
    assert set(totals) == {f"Summe {line} {year}" for line, year in sums.index}  # nothing across lines or years
    for (line, year), expected in sums.iterrows():
        row = totals[f"Summe {line} {year}"]
        assert [float(v) for v in row[4:7]] == pytest.approx(expected.tolist(), abs=1e-6)
