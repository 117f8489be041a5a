"""The council workbook's records written as XML (exporting/sheet_rows.py) read back exactly as openpyxl's own
cells would: every value, type, number format, font, alignment, width, frozen pane, print title, chart and map,
in openpyxl and — recalculated — in LibreOffice."""

from __future__ import annotations

import csv
import importlib.util
import shutil
import struct
import subprocess
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bildungsplaner.exporting import sheet_rows, workbook
from bildungsplaner.exporting.images import MapImage
from bildungsplaner.exporting.safety import clean_text
from bildungsplaner.exporting.sheet_rows import SheetRows, column_cells, splice
from bildungsplaner.exporting.workbook import ChartSpec, MethodSection, PlanTable, Report, SheetColumn, write_report

from .test_workbook import ROWS, report


def _benchmark_cases():
    """``benchmarks/export.py``'s generated scenarios (the benchmarks time exactly these workbooks)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "export.py"
    spec = importlib.util.spec_from_file_location("_benchmark_export", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.allocation_case, module.demand_case


allocation_case, demand_case = _benchmark_cases()

PLANNING = Path(__file__).resolve().parents[1] / "planning"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def openpyxl_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on the records are openpyxl cells again (the writer before the XML rows): the reference."""
    monkeypatch.setattr(workbook, "_body_rows", lambda ws, table, rows, first, body: workbook._body_cells(
        ws, table, rows, first))


def _colour(colour: object) -> object:
    return getattr(colour, "rgb", None)


def _side(side: object) -> object:
    return getattr(side, "style", None)


def snapshot(path: Path) -> dict[str, object]:
    """Everything a reader sees of ``path``, sheet by sheet, cell by cell."""
    wb = openpyxl.load_workbook(path)
    quick = openpyxl.load_workbook(path, read_only=True)  # sizes from <dimension>, as streaming readers take them
    out: dict[str, object] = {"sheets": wb.sheetnames, "title": wb.properties.title,
                              "creator": wb.properties.creator}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                cells[c.coordinate] = (
                    c.value, type(c.value).__name__, c.data_type, c.number_format, c.font.b, c.font.i, c.font.sz,
                    c.alignment.horizontal, c.alignment.vertical, c.alignment.indent, c.alignment.wrap_text,
                    c.fill.fill_type, _colour(c.fill.fgColor), _side(c.border.top), _side(c.border.bottom))
        charts = [(type(ch).__name__, ch.anchor._from.row, ch.anchor._from.col,
                   [(s.val.numRef.f, s.cat.numRef.f if s.cat.numRef else s.cat.strRef.f, s.tx.strRef.f)
                    for s in ch.series]) for ch in ws._charts]
        out[ws.title] = {
            "cells": cells,
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "freeze": ws.freeze_panes, "print_titles": ws.print_title_rows, "filter": ws.auto_filter.ref,
            "conditional": [(str(rng.sqref), r.operator, r.formula) for rng in ws.conditional_formatting
                            for r in rng.rules],
            "page": (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                     ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage),
            "footer": (ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text),
            "charts": charts, "images": [(i.anchor._from.row, i.width, i.height) for i in ws._images],
            "size": (quick[ws.title].max_row, quick[ws.title].max_column),
        }
    quick.close()
    return out


def assert_same(fast: Path, reference: Path) -> None:
    a, b = snapshot(fast), snapshot(reference)
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], dict):
            for part in a[key]:  # sheet by sheet, part by part: a difference names its place
                assert a[key][part] == b[key][part], (key, part)
        else:
            assert a[key] == b[key], key


def both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, write) -> tuple[Path, Path]:
    """``write(path)`` with the XML rows, then with openpyxl's cells; asserts the XML rows were used."""
    used = []
    original = sheet_rows.SheetRows.add

    def add(self, first, columns):
        used.append(first)
        return original(self, first, columns)

    with monkeypatch.context() as patch:
        patch.setattr(sheet_rows.SheetRows, "add", add)
        fast = write(tmp_path / "fast.xlsx")
    assert used, "the records did not go through sheet_rows"
    with monkeypatch.context() as patch:
        openpyxl_cells(patch)
        reference = write(tmp_path / "reference.xlsx")
    return fast, reference


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(3))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


HOSTILE = [
    {"key": "1", "name": "  führende Leerzeichen", "pupils": 0, "share": -0.0, "amount": 1e20, "gap": 0.1 + 0.2},
    {"key": "2", "name": "Ende mit Leerzeichen ", "pupils": 2**40, "share": 1 / 3, "amount": -2.5, "gap": None},
    {"key": "3", "name": "A & B <c> \"d\" 'e'", "pupils": np.int64(7), "share": np.float32(0.1), "amount": 3,
     "gap": float("nan")},
    {"key": "4", "name": "Zeile\r\nzwei\tTab", "pupils": True, "share": Decimal("1.25"), "amount": "x", "gap": 5},
    {"key": "5", "name": "", "pupils": pd.NA, "share": None, "amount": 4.0, "gap": "."},
    {"key": "=1+1", "name": "=HYPERLINK(\"http://x\",\"y\")", "pupils": 12, "share": 12.0, "amount": 0, "gap": -1},
    {"key": "7", "name": "Steuer\x01zeichen\x7f und \ufffe", "pupils": 3, "share": 1.0, "amount": 1.0, "gap": 1},
    {"key": "8", "name": "lang " * 7000, "pupils": 4, "share": 2.0, "amount": 2.0, "gap": 2},
    {"key": "9", "name": "Ümlaut ß € 漢字 🙂", "pupils": 5, "share": 3.0, "amount": 3.0, "gap": 3},
    {"key": None, "name": None, "pupils": 6, "share": 4.0, "amount": 4.0, "gap": 4},
]


def test_hostile_values_read_back_as_openpyxl_wrote_them(monkeypatch, tmp_path: Path) -> None:
    def write(path: Path) -> Path:
        hostile = report(HOSTILE)
        hostile.maps = [MapImage(tiny_png(), "Karte", "Untertitel", ("Quelle: Test",))]
        hostile.extra_tables = [PlanTable("Planungstabelle", "Zweite Tabelle", report(ROWS).table.columns,
                                          pd.DataFrame(ROWS), notes=["eine Anmerkung"])]
        return write_report(hostile, path)

    fast, reference = both(monkeypatch, tmp_path, write)
    assert_same(fast, reference)
    ws = openpyxl.load_workbook(fast)["Planungstabelle"]
    assert ws["B6"].value == "  führende Leerzeichen" and ws["B8"].value == "A & B <c> \"d\" 'e'"
    assert ws["B9"].value == "Zeile\r\nzwei\tTab" and ws["A11"].value == "=1+1" and ws["A11"].data_type == "s"
    assert ws["C7"].value == 2**40 and ws["E6"].value == 1e20 and ws["F6"].value == 0.3  # 16 digits, as openpyxl writes
    assert ws["C9"].value == "ja" and ws["C9"].alignment.horizontal == "right"  # a word where a number would be
    assert ws["F7"].value == "." and ws["F8"].value == "."  # missing, never blank
    assert ws["A15"].value is None and ws["B15"].value is None  # missing text: no cell


def test_suppressed_workbook_reads_back_the_same(monkeypatch, tmp_path: Path) -> None:
    fast, reference = both(monkeypatch, tmp_path,
                           lambda path: write_report(report(ROWS * 5), path, suppress_below=3))
    assert_same(fast, reference)


@pytest.mark.parametrize("suppress", [None, 3])
def test_the_benchmarks_demand_and_allocation_workbooks_read_back_the_same(monkeypatch, workspace, tmp_path: Path,
                                                                          suppress) -> None:
    from bildungsplaner.services.scenario_export import build_report

    for name, (spec, result) in (("demand", demand_case(40)), ("allocation", allocation_case(60))):
        folder = tmp_path / name
        folder.mkdir()
        fast, reference = both(monkeypatch, folder, lambda path, spec=spec, result=result: write_report(
            build_report(workspace, spec, result), path, suppress_below=suppress))
        assert_same(fast, reference)


def test_the_demo_scenarios_read_back_the_same(monkeypatch, demo_file, tmp_path: Path) -> None:
    """Demand with a comparison and the data sheet; allocation grouped by Gemeinde (SUBTOTAL), suppressed."""
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.scenario_export import export_scenario
    from bildungsplaner.store.database import open_workspace

    demand = scenario_files.load(PLANNING / "demand_demo.toml")
    variant = tmp_path / "variante.toml"
    variant.write_text((PLANNING / "demand_demo.toml").read_text(encoding="utf-8").replace(
        'name = "Kita', 'name = "Variante Kita'), encoding="utf-8")
    allocation = scenario_files.load(PLANNING / "allocation_demo.toml")
    with open_workspace(demo_file) as ws:
        for name, write in (
            ("demand", lambda path: export_scenario(ws, demand, path, compare=scenario_files.load(variant))),
            ("grouped", lambda path: export_scenario(ws, allocation, path, group_by="gemeinde", suppress_below=3)),
        ):
            folder = tmp_path / name
            folder.mkdir()
            fast, reference = both(monkeypatch, folder, write)
            assert_same(fast, reference)


def test_a_table_without_records_and_one_of_missing_columns(monkeypatch, tmp_path: Path) -> None:
    columns = [SheetColumn("key", "Schlüssel", text=True), SheetColumn("absent", "Fehlt", "Anzahl"),
               SheetColumn("absent_text", "Fehlt auch", text=True)]

    def write(path: Path) -> Path:
        empty = Report("Leer", PlanTable("Leer", "Leer", columns, pd.DataFrame({"key": []})),
                       extra_tables=[PlanTable("Fehlt", "Spalten fehlen", columns, pd.DataFrame({"key": ["1", "2"]}),
                                               chart=ChartSpec("C", "key", ["absent"]))],
                       method=[MethodSection("M", [("a", "b")])])
        return write_report(empty, path)

    fast, reference = both(monkeypatch, tmp_path, write)
    assert_same(fast, reference)
    ws = openpyxl.load_workbook(fast)["Fehlt"]
    assert [ws.cell(4, j).value for j in (1, 2, 3)] == ["1", ".", None]  # a missing number is „.“, text: no cell


def test_every_kind_of_column_reads_back_the_same(monkeypatch, tmp_path: Path) -> None:
    """numpy and pandas' nullable numbers, booleans, dates, categories, objects with NaN and symbols."""
    frame = pd.DataFrame({
        "key": pd.Series(["a", "b", None, "d"], dtype="string"),
        "int64": pd.Series([1, None, 3, 0], dtype="Int64"), "float64": pd.Series([1.5, None, -0.0, 2], dtype="Float64"),
        "ints": np.array([1, 2, 3, 2**53], dtype=np.int64), "floats": np.array([0.5, np.nan, np.inf, -1e-300]),
        "bools": [True, False, True, False], "dates": pd.to_datetime(["2024-01-01", None, "2025-12-31", "2026-02-03"]),
        "category": pd.Categorical(["x", "y", None, "x"]), "mixed": [1.5, "x", float("nan"), None]})
    columns = [SheetColumn("key", "Schlüssel", text=True)] + [
        SheetColumn(k, k, decimals=1, total=k in ("int64", "ints")) for k in frame.columns[1:]] + [
        SheetColumn("category", "als Text", text=True), SheetColumn("ints", "Jahr", number_format="0")]
    fast, reference = both(monkeypatch, tmp_path, lambda path: write_report(
        Report("T", PlanTable("T", "T", columns, frame)), path))
    assert_same(fast, reference)
    ws = openpyxl.load_workbook(fast)["T"]
    assert [ws.cell(r, 2).value for r in range(4, 8)] == [1, ".", 3, 0]  # pd.NA is missing: „.“
    assert ws["B8"].value == "."  # and its total unknown


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=6),
       numbers=st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=False), st.integers(-2**53, 2**53)),
                        min_size=1, max_size=6))
def test_any_text_and_number_reads_back_as_openpyxl_writes_it(monkeypatch, tmp_path_factory, texts, numbers) -> None:
    n = max(len(texts), len(numbers))
    frame = pd.DataFrame({"text": (texts * n)[:n], "number": pd.Series((numbers * n)[:n], dtype=object)})
    columns = [SheetColumn("text", "Text", text=True), SheetColumn("number", "Zahl", decimals=2, total=True),
               SheetColumn("text", "Text rechts", text=True)]
    folder = tmp_path_factory.mktemp("any")
    fast, reference = both(monkeypatch, folder, lambda path: write_report(
        Report("T", PlanTable("T", "T", columns, frame)), path))
    assert_same(fast, reference)
    ws = openpyxl.load_workbook(fast)["T"]
    assert [ws.cell(r, 1).value or "" for r in range(4, 4 + n)] == [clean_text(t) for t in (texts * n)[:n]]


def test_cells_and_splice_in_detail() -> None:
    cells = column_cells("B", 7, [1.0, 2.5, None, "a<b", " x", "", float("inf")], 3, None)
    assert cells == ['<c r="B7" s="3" t="n"><v>1</v></c>', '<c r="B8" s="3" t="n"><v>2.5</v></c>', "",
                     '<c r="B10" t="inlineStr"><is><t>a&lt;b</t></is></c>',
                     '<c r="B11" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>',
                     '<c r="B12" t="inlineStr"/>', '<c r="B13" s="3" t="n"><v></v></c>']
    rows = SheetRows()
    rows.add(3, [['<c r="A3"/>', '<c r="A4"/>'], ["", '<c r="B4"/>']])
    xml = ('<worksheet><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1"/></row><row r="3"/>'
           '<row r="5" ht="20"><c r="A5"/></row></sheetData></worksheet>')
    assert splice(xml, rows) == ('<worksheet><dimension ref="A1:C4"/><sheetData><row r="1"><c r="A1"/></row>'
                                 '<row r="3"><c r="A3"/></row><row r="4"><c r="A4"/><c r="B4"/></row>'
                                 '<row r="5" ht="20"><c r="A5"/></row></sheetData></worksheet>')
    assert splice('<worksheet><dimension ref="A1"/><sheetData/></worksheet>', rows) == (
        '<worksheet><dimension ref="A1:B4"/><sheetData><row r="3"><c r="A3"/></row><row r="4"><c r="A4"/>'
        '<c r="B4"/></row></sheetData></worksheet>')
    with pytest.raises(ValueError, match="row 4 written twice"):
        splice('<worksheet><sheetData><row r="4"><c r="A4"/></row></sheetData></worksheet>', rows)
    with pytest.raises(ValueError, match="something other"):  # another writer's markup is never dropped
        splice('<worksheet><sheetData><x:row r="1"><x:c r="A1"/></x:row></sheetData></worksheet>', rows)


def test_the_file_is_compressed_and_complete(tmp_path: Path) -> None:
    path = write_report(report(ROWS), tmp_path / "plan.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        assert "[Content_Types].xml" in archive.namelist()


def _libreoffice_csv(path: Path, out: Path) -> dict[str, list[list[str]]]:
    out.mkdir()
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to",
                    'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', "--outdir",
                    str(out), str(path)], check=True, capture_output=True, timeout=300)
    return {p.stem: list(csv.reader(p.read_text(encoding="utf-8").splitlines(), delimiter=";"))
            for p in out.glob("*.csv")}


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_big_demand_workbook_and_recalculates_every_yearly_total(workspace,
                                                                                      tmp_path: Path) -> None:
    """The benchmark's workbook (1,000 regions × 10 years): every record cell in LibreOffice is the cell openpyxl
    reads, and each „Summe <Jahr>“ recalculates to the forecast's total of that year."""
    from bildungsplaner.services.scenario_export import build_report

    spec, result = demand_case(1000)
    path = write_report(build_report(workspace, spec, result), tmp_path / "bedarf.xlsx")
    sheets = _libreoffice_csv(path, tmp_path / "out")
    name = next(k for k in sheets if k.endswith("Bedarf U3"))
    office = sheets[name]
    ws = openpyxl.load_workbook(path)["Bedarf U3"]
    assert len(office) == ws.max_row
    for r, row in enumerate(ws.iter_rows(min_row=6, values_only=True), start=6):
        theirs = office[r - 1]
        if isinstance(row[0], str) and row[0].startswith("Summe "):
            year = int(row[0].split()[1])
            block = result.rows[result.rows["year"] == year]
            for j, key in ((4, "population"), (5, "demand"), (6, "capacity"), (7, "gap")):
                assert float(theirs[j]) == pytest.approx(block[key].sum(), rel=1e-12), (r, key)
            continue
        for j, value in enumerate(row):
            if isinstance(value, int | float):
                assert float(theirs[j]) == pytest.approx(value, rel=1e-14), (r, j)
            else:
                assert theirs[j] == (value or ""), (r, j)
