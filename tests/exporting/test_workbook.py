"""The council workbook, opened again with openpyxl: structure, formulas, formats, print setup, safety."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from bildungsplaner.exporting.workbook import ChartSpec, MethodSection, PlanTable, Report, SheetColumn, write_report

COLUMNS = [
    SheetColumn("key", "Schlüssel", text=True),
    SheetColumn("name", "Einrichtung", text=True),
    SheetColumn("pupils", "Schüler", "Anzahl", total=True, count=True, derived=("share",)),
    SheetColumn("share", "Bedarfsanteil", "%", decimals=2),
    SheetColumn("amount", "Stellen", "VZÄ", decimals=1, total=True),
    SheetColumn("gap", "Lücke", "Plätze", total=True, negative_red=True),
]


def report(rows: list[dict]) -> Report:
    frame = pd.DataFrame(rows)
    return Report(
        title="Schulsozialarbeit 2027",
        table=PlanTable("Planungstabelle", "Schulsozialarbeit Grundschulen 2027", COLUMNS, frame,
                        subtitle="40 VZÄ nach Bedarf", stand="25.11.2026"),
        method=[MethodSection("Parameter", [("Rundung", "Hare-Niemeyer"), ("", "in Schritten von 0,5 VZÄ")])],
        chart=ChartSpec("Stellen je Schule", "name", ["amount"]),
        author="Planerin",
    )


ROWS = [
    {"key": "190501", "name": '=HYPERLINK("http://x","y")', "pupils": 312, "share": 41.5, "amount": 16.5, "gap": -12},
    {"key": "190502", "name": "+cmd|'/C calc'!A0", "pupils": 2, "share": 0.3, "amount": 0.5, "gap": 4},
    {"key": "190503", "name": "Grund\x0bschule Süd", "pupils": 198, "share": 26.3, "amount": 10.5, "gap": 0},
    {"key": "190504", "name": "Schule am Park", "pupils": 240, "share": 31.9, "amount": 12.5, "gap": 7},
]


def test_table_totals_formats_and_print_setup(tmp_path: Path) -> None:
    path = write_report(report(ROWS), tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Planungstabelle", "Methodik"]
    ws = wb["Planungstabelle"]
    assert ws["A1"].value == "Schulsozialarbeit Grundschulen 2027"
    assert ws["A2"].value == "40 VZÄ nach Bedarf" and ws["A3"].value == "Stand: 25.11.2026"
    assert [c.value for c in ws[5]] == ["Schlüssel", "Einrichtung", "Schüler (Anzahl)", "Bedarfsanteil (%)",
                                        "Stellen (VZÄ)", "Lücke (Plätze)"]
    assert ws["C10"].value == "=SUM(C6:C9)" and ws["E10"].value == "=SUM(E6:E9)" and ws["F10"].value == "=SUM(F6:F9)"
    assert ws["D10"].value is None  # shares are not summed
    # an exact zero shows „–“ (GENESIS: nichts vorhanden), the cell keeps the number
    assert ws["C6"].number_format == '#,##0;-#,##0;"–"' and ws["E6"].number_format == '#,##0.0;-#,##0.0;"–"'
    assert ws["D6"].number_format == '#,##0.00;-#,##0.00;"–"'
    assert ws.freeze_panes == "B6" and ws.auto_filter.ref == "A5:F9"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$5:$5"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text and ws.oddFooter.right.text == "&D"
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any(r.operator == "lessThan" and r.formula == ["0"] for r in rules)
    assert len(ws._charts) == 1
    assert wb.properties.title == "Schulsozialarbeit 2027" and wb.properties.creator == "Planerin"
    method = wb["Methodik"]
    assert [method.cell(r, 2).value for r in (4, 5)] == ["Hare-Niemeyer", "in Schritten von 0,5 VZÄ"]


def test_imported_text_never_becomes_a_formula(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(write_report(report(ROWS), tmp_path / "plan.xlsx"))["Planungstabelle"]
    assert ws["B6"].value == '=HYPERLINK("http://x","y")' and ws["B6"].data_type == "s"
    assert ws["B7"].data_type == "s" and ws["B8"].value == "Grundschule Süd"
    assert ws["A6"].value == "190501" and ws["A6"].data_type == "s"


def test_suppression_hides_small_counts_their_shares_and_a_second_cell(tmp_path: Path) -> None:
    path = write_report(report(ROWS), tmp_path / "plan.xlsx", suppress_below=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Planungstabelle"]
    pupils = [ws.cell(r, 3).value for r in range(6, 10)]
    assert pupils == [312, ".", ".", 240]  # 2 is primary, 198 the smallest other count of the column
    assert [ws.cell(r, 4).value for r in range(6, 10)] == [41.5, ".", ".", 31.9]  # shares would reveal them
    assert ws["C10"].value == 752  # the true total as a value: SUM would skip the hidden cells
    assert ws["E10"].value == "=SUM(E6:E9)"  # amounts are not suppressed
    texts = [wb["Methodik"].cell(r, 2).value for r in range(1, 20)]
    assert any(t and "primäre Geheimhaltung" in t for t in texts)


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    write_report(report(ROWS), target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Planungstabelle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_an_empty_table_still_gives_a_valid_workbook(tmp_path: Path) -> None:
    empty = Report("Leer", PlanTable("Tabelle", "Leer", COLUMNS, pd.DataFrame(columns=[c.key for c in COLUMNS])))
    wb = openpyxl.load_workbook(write_report(empty, tmp_path / "t.xlsx"))
    assert wb.sheetnames == ["Tabelle", "Methodik"] and wb["Tabelle"]["A7"].value is None
