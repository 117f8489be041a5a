"""The allocation workbook grouped by Gemeinde: one subtotal row per Gemeinde with a live ``SUBTOTAL`` formula,
a grand total that does not count the subtotals twice, read back with openpyxl and recalculated by LibreOffice."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from bildungsplaner.services.planning import group_result, run_scenario
from bildungsplaner.services.scenario_export import export_scenario
from bildungsplaner.services.scenarios import get_scenario

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _export(ws, out: Path, **kwargs) -> Path:
    spec = get_scenario(ws, ALLOCATION).spec
    return export_scenario(ws, spec, out, group_by="gemeinde", **kwargs)


def _header(sheet) -> tuple[int, dict[str, int]]:
    for row in sheet.iter_rows(min_row=1, max_row=10):
        if row[0].value == "Schlüssel":
            return row[0].row, {str(c.value): c.column for c in row if c.value}
    raise AssertionError("no header row")


def test_workbook_has_a_subtotal_per_gemeinde_and_a_grand_total_without_double_counting(demo_workspace,
                                                                                          tmp_path: Path) -> None:
    path = _export(demo_workspace, tmp_path / "plan.xlsx")
    grouping = group_result(demo_workspace, run_scenario(demo_workspace, get_scenario(demo_workspace,
                                                                                     ALLOCATION).spec), "gemeinde")
    sheet = openpyxl.load_workbook(path)["Planungstabelle"]
    header, columns = _header(sheet)
    amount = columns["Zuteilung (VZÄ)"]
    labels = [sheet.cell(r, 1).value for r in range(header + 1, sheet.max_row + 1)]
    subtotals = [i for i, v in enumerate(labels, start=header + 1) if str(v or "").startswith("Summe ")]
    assert [sheet.cell(r, 1).value for r in subtotals] == [f"Summe {n}" for n in grouping.totals["group_name"]]
    grand = next(r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Insgesamt")
    assert grand == subtotals[-1] + 1
    letter = openpyxl.utils.get_column_letter(amount)
    start = header + 1
    for row, count in zip(subtotals, grouping.totals["count"], strict=True):
        formula = sheet.cell(row, amount).value
        assert formula == f"=SUBTOTAL(9,{letter}{row - count}:{letter}{row - 1})"
        members = [sheet.cell(r, 1).value for r in range(row - count, row)]
        assert all(str(m).startswith("1990") for m in members)  # only school rows inside the range
        start = row + 1
    assert sheet.cell(grand, amount).value == f"=SUBTOTAL(9,{letter}{header + 1}:{letter}{grand - 1})"
    assert start == grand
    # the values the formulas add up: each school once, in the group of its Gemeinde
    keys = [sheet.cell(r, 1).value for r in range(header + 1, grand) if r not in subtotals]
    assert keys == grouping.rows["key"].tolist() and len(keys) == 35
    assert "Zwischensummen je Gemeinde" in " ".join(str(sheet.cell(r, 1).value) for r in range(1, header))


def test_comparison_sheet_is_grouped_too(demo_workspace, tmp_path: Path) -> None:
    spec = get_scenario(demo_workspace, ALLOCATION).spec
    more = type(spec).from_dict({**spec.to_dict(), "name": "Mehr", "amount": {**spec.amount.to_dict(), "total": 30.0}})
    path = _export(demo_workspace, tmp_path / "plan.xlsx", compare=more)
    sheet = openpyxl.load_workbook(path)["Vergleich"]
    texts = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    assert sum(str(t or "").startswith("Summe ") for t in texts) == 12 and "Insgesamt" in texts
    formulas = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "SUBTOTAL" in c.value]
    assert formulas and all(re.fullmatch(r"=SUBTOTAL\(9,[A-Z]+\d+:[A-Z]+\d+\)", f) for f in formulas)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_recalculates_group_subtotals_and_the_grand_total(demo_workspace, tmp_path: Path) -> None:
    path = _export(demo_workspace, tmp_path / "plan.xlsx")
    grouping = group_result(demo_workspace, run_scenario(demo_workspace, get_scenario(demo_workspace,
                                                                                     ALLOCATION).spec), "gemeinde")
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to",
                    'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', "--outdir",
                    str(out), str(path)], check=True, capture_output=True, timeout=180)
    table = next(p for p in out.iterdir() if p.is_file() and "Planungstabelle" in p.name)
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    header = next(r for r in rows if r and r[0] == "Schlüssel")
    amount = header.index("Zuteilung (VZÄ)")
    subtotals = {r[0][len("Summe "):]: float(r[amount]) for r in rows if r and r[0].startswith("Summe ")}
    assert subtotals == pytest.approx(dict(zip(grouping.totals["group_name"], grouping.totals["amount"],
                                               strict=True)))
    grand = next(r for r in rows if r and r[0] == "Insgesamt")
    assert float(grand[amount]) == pytest.approx(24.0) == pytest.approx(grouping.grand["amount"])
