"""The PDF export read back with pypdf: it holds what the workbook holds (comparison, totals), numbers its
pages „Seite x von y“ and never leaves one table line alone on a page."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pypdf
import pytest

from bildungsplaner.__main__ import main
from bildungsplaner.exporting.html import report_html
from bildungsplaner.exporting.workbook import MethodSection, PlanTable, Report, SheetColumn

PLANNING = Path(__file__).resolve().parents[1] / "planning"
DEMAND = PLANNING / "demand_demo.toml"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pages(path: Path) -> list[str]:
    """Each page's text with runs of white space as one blank (pypdf reads Qt's blanks as tabs)."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_the_pdf_holds_the_comparison_the_totals_and_page_numbers(demo_file, tmp_path: Path, capsys) -> None:
    ws = ["--workspace", str(demo_file)]
    variant = tmp_path / "variante.toml"
    variant.write_text(DEMAND.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.9")
                       .replace('name = "Kita', 'name = "Variante Kita'), encoding="utf-8")
    pdf = tmp_path / "vergleich.pdf"
    assert main(["export", str(DEMAND), "--compare", str(variant), "--out", str(pdf), *ws]) == 0
    text = pages(pdf)
    assert all(f"Seite {i} von {len(text)}" in page for i, page in enumerate(text, start=1))
    whole = " ".join(text)
    assert "Vergleich: Kita- und Ganztagsbedarf 2025-2030 (A) und Variante Kita- und Ganztagsbedarf 2025-2030 (B)" \
        in whole
    assert "B − A (Plätze)" in whole  # the difference column (pypdf reads „ff“ as a ligature)
    for year in range(2024, 2031):  # the totals rows, in the line's table and in the comparison
        assert whole.count(f"Summe U3 {year}") == 1 and whole.count(f"Summe {year}") == 2
        assert f"Summe Ganztag Grundschule {year}" in whole
    assert "Bevölkerung 2024 nach Einzelaltersjahren" in whole and "Zeichenerklärung" in whole
    assert "Die Diagramme stehen nur in der Excel-Arbeitsmappe" in whole  # said, not silently left out


def test_a_csv_refuses_a_comparison_instead_of_dropping_it(demo_file, tmp_path: Path, capsys) -> None:
    ws = ["--workspace", str(demo_file)]
    assert main(["export", str(DEMAND), "--compare", str(DEMAND), "--out", str(tmp_path / "x.csv"), *ws]) == 2
    assert "Vergleich" in capsys.readouterr().err and not (tmp_path / "x.csv").exists()


def lines_report(count: int) -> Report:
    columns = [SheetColumn("key", "Schlüssel", text=True), SheetColumn("name", "Gebiet", text=True),
               SheetColumn("value", "Plätze", "Anzahl", total=True)]
    rows = pd.DataFrame({"key": [f"R{i:03d}" for i in range(count)], "name": [f"Gebiet {i}" for i in range(count)],
                         "value": [float(i) for i in range(count)]})
    return Report("Bericht", PlanTable("Plan", "Planungstabelle", columns, rows, subtitle="Untertitel"),
                  method=[MethodSection("Parameter", [("Quote", "45 %")])])


@pytest.mark.parametrize("count", range(30, 49))
def test_no_page_holds_a_single_table_line(count: int, tmp_path: Path) -> None:
    from bildungsplaner.ui.common.pdf import render_html_to_pdf

    pdf = tmp_path / "bericht.pdf"
    render_html_to_pdf(report_html(lines_report(count)), pdf)
    text = pages(pdf)
    per_page = [len(re.findall(r"\bR\d{3}\b", page)) + page.count("Summe ") for page in text]
    assert sum(per_page) == count + 1  # every row and the totals row, once
    assert all(n != 1 for n in per_page), per_page
    assert all(f"Seite {i} von {len(text)}" in page for i, page in enumerate(text, start=1))
