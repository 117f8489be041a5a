"""The statistics annex (reporting/xlsx.py) re-read with openpyxl: one sheet per table with its number, caption,
header, unrounded numbers in German formats, „.“ for missing and suppressed cells, text never a formula, and a
contents sheet listing them."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from bildungsplaner.reporting.document import ReportDocument, ReportTable
from bildungsplaner.reporting.numbering import format_table, number_document
from bildungsplaner.reporting.xlsx import CONTENTS_SHEET, number_format, write_xlsx

from .conftest import sample_document


@pytest.fixture
def workbook(document, tmp_path: Path):
    return openpyxl.load_workbook(write_xlsx(document, tmp_path / "anhang.xlsx"))


def test_a_contents_sheet_and_one_sheet_per_table(workbook, document) -> None:
    assert workbook.sheetnames == [CONTENTS_SHEET, "BQ_U3", "Tagespflege Gemeinden"]
    contents = workbook[CONTENTS_SHEET]
    rows = [[c.value for c in row] for row in contents.iter_rows()]
    listed = [r for r in rows if r[0] and str(r[0]).startswith("Tabelle ") and r[2]]
    assert [r[2] for r in listed] == ["BQ_U3", "Tagespflege Gemeinden"]
    assert listed[1][:2] == ["Tabelle 2", "Kinder in Tagespflege nach Gemeinden 2016 (Anzahl)"]
    assert contents["A1"].value == document.title
    link = next(c for row in contents.iter_rows() for c in row if c.value == "BQ_U3")
    assert link.hyperlink is not None and link.hyperlink.location == "'BQ_U3'!A1"


def test_values_are_unrounded_numbers_with_german_formats(workbook, document) -> None:
    sheet = workbook["BQ_U3"]
    assert sheet["A1"].value == "Tabelle 1"
    assert sheet["A2"].value == "Betreuungsquote der unter Dreijährigen 2012–2016 (%)"
    assert [c.value for c in sheet[4]] == ["Gebiet", "2012", "2013", "2014", "2015", "2016"]
    unna = [c for c in sheet[5]]
    assert unna[0].value == "Kreis Unna" and unna[0].font.bold
    assert [c.value for c in unna[1:]] == [18.04, 20.25, 22.35, 24.0, 26.65]  # numbers, not rounded text
    assert unna[1].number_format == '#,##0.0;-#,##0.0;"–"'
    assert unna[5].number_format == '#,##0.0" p";-#,##0.0" p";"– p"'  # the flag in the format
    assert sheet["F6"].value == "." and sheet["F6"].data_type == "s"  # missing
    assert sheet.freeze_panes == "B5"
    notes = [sheet.cell(row=r, column=1).value for r in range(9, 11)]
    assert notes[-1] == "Quelle: IT.NRW, Kindertagesbetreuungsstatistik" and notes[0].startswith("Zeichenerklärung")


def test_every_cell_is_the_formatted_tables_cell(workbook, document) -> None:
    for name, table in zip(workbook.sheetnames[1:], document.tables(), strict=True):
        sheet = workbook[name]
        formatted = format_table(table)
        for i, row in enumerate(formatted.rows, start=5):
            for j, cell in enumerate(row, start=1):
                value = sheet.cell(row=i, column=j).value
                if cell.value is None:
                    assert value == "."
                elif isinstance(cell.value, float):
                    assert math.isclose(value, cell.value)
                else:
                    assert value == cell.text


def test_suppressed_counts_are_dots_and_formulas_stay_text(workbook) -> None:
    sheet = workbook["Tagespflege Gemeinden"]
    assert sheet["B6"].value == "."  # the 2 children of Bönen
    assert sheet["B7"].value == 0 and sheet["B7"].number_format.endswith('"–"')  # zero stays a number
    hostile = sheet["A8"]
    assert hostile.value == '=HYPERLINK("http://x","y")' and hostile.data_type == "s"
    assert any("Geheimhaltung" in str(sheet.cell(row=r, column=1).value) for r in range(9, 14))


def test_sheet_names_are_unique_and_short(tmp_path: Path) -> None:
    doc = sample_document()
    long = "Eine sehr lange Blattbezeichnung: mit [verbotenen] Zeichen/und mehr"
    frame = pd.DataFrame({"Gebiet": ["A"], "Wert": [1.0]})
    doc.chapters[0].modules[0].blocks += [ReportTable("T", frame, "Q", sheet=long),
                                          ReportTable("T", frame, "Q", sheet=long),
                                          ReportTable("T", frame, "Q", sheet="")]
    names = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "x.xlsx")).sheetnames
    assert len(names) == len({n.lower() for n in names}) == 6
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    numbering = number_document(doc)
    assert f"Tabelle {numbering.table(doc.tables()[3])}" in names  # no sheet name: its number


def test_a_document_without_tables_still_writes_its_contents(tmp_path: Path) -> None:
    doc = ReportDocument("Leer", "", "05978", "Kreis Unna", [], None)
    book = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "leer.xlsx"))
    assert book.sheetnames == [CONTENTS_SHEET]


def test_number_format_without_decimals() -> None:
    assert number_format(0) == '#,##0;-#,##0;"–"'
    assert number_format(2, "s") == '#,##0.00" s";-#,##0.00" s";"– s"'


@pytest.mark.slow
def test_the_annex_is_built_without_loading_qt_or_word(demo_file: Path, tmp_path: Path) -> None:
    """``report build … .xlsx`` needs no drawing: the entry point's renderers load Qt only when called."""
    import subprocess
    import sys

    out = tmp_path / "anhang.xlsx"
    code = ("import sys\nfrom bildungsplaner.__main__ import main\n"
            f"rc = main(['report', 'build', 'Bildungsbericht Demokreis', '--out', {str(out)!r}, "
            f"'--workspace', {str(demo_file)!r}])\n"
            "print(rc, 'PySide6' in sys.modules, 'docx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "0 False False", result.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == CONTENTS_SHEET
