"""The Kennzahlen-Tabelle (issue 12, point 6) from the real GENESIS tables, opened again with openpyxl and in
LibreOffice: published values, comparison rows, difference to the Land, rank among the Kreise, chart, method
sheet, symbols for missing values, hostile region names, refusals."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import LineChart
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.exporting.indicator_table import (
    BUND,
    HOME,
    LAND,
    PART,
    IndicatorTable,
    KennzahlSheet,
    RegionLine,
    Value,
    write_indicator_table,
)
from bildungsplaner.indicators.compute import rank_among, round_half_up
from bildungsplaner.services import indicators
from bildungsplaner.services.indicator_table import export_indicator_table, parse_years

FILES = ("genesis_22543-01-02-4_00.csv", "genesis_12411-04-02-4_00.csv")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def real_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Day care and population for all of Germany, home region Köln (read only!)."""
    from bildungsplaner.services.home import set_home_region
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    paths = [real_file(name) for name in FILES]
    ws = open_workspace(Path(tmp_path_factory.mktemp("kennzahlen_tabelle")) / "real.bpws")
    for path in paths:
        import_file(ws, path, all_regions=True)
    set_home_region(ws, "05315")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def koeln(real_ws, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_indicator_table(real_ws, ["BQ_U3", "BQ_3_6"], tmp_path_factory.mktemp("out") / "koeln.xlsx")


@pytest.fixture(scope="module")
def book(koeln: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(koeln)


def block(ws, title: str | None = None) -> tuple[int, list, dict[str, list]]:
    """(header row, header labels, key → cells) of the table under the title starting with ``title`` (None: the
    first table of the sheet)."""
    rows = list(ws.iter_rows())
    start = 0
    if title is not None:
        start = next(i for i, r in enumerate(rows) if isinstance(r[0].value, str) and r[0].value.startswith(title))
    header = next(i for i in range(start, len(rows)) if rows[i][0].value == "Schlüssel")
    found: dict[str, list] = {}
    for r in rows[header + 1:]:
        if r[0].value is None and r[1].value is None:
            break
        found[str(r[0].value or r[1].value)] = list(r)
    labels = [c.value for c in rows[header]]
    while labels and labels[-1] is None:  # the sheet is wider than the table (notes)
        labels.pop()
    return header + 1, labels, found


def _value(ws_, code: str, key: str, year: int) -> float | None:
    rows = [r for r in indicators.compute(ws_, code).rows if r.region_key == key and r.period.startswith(str(year))]
    assert len(rows) == 1
    return rows[0].value


def _column(header: list, year: int) -> int:
    return header.index(str(year))


def _rank(ws_, code: str, key: str, year: int) -> tuple[int, int]:
    """(rank, Kreise with a value) among NRW's Kreise, computed here from the service's values."""
    kreise = {r.region_key: round_half_up(r.value, 1) for r in indicators.compute(ws_, code).rows
              if len(r.region_key) == 5 and r.region_key.startswith(key[:2]) and r.value is not None
              and r.period.startswith(str(year))}
    return 1 + sum(1 for v in kreise.values() if v > kreise[key]), len(kreise)


# --- the sheets -------------------------------------------------------------------------------------------------

def test_sheets_in_order(book) -> None:
    assert book.sheetnames == ["Übersicht", "BQ_U3", "BQ_3_6", "Methodik"]


@pytest.mark.parametrize(("code", "published"), [("BQ_U3", 29.6), ("BQ_3_6", 95.9)])
def test_koeln_2016_rounds_half_up_to_the_published_value(book, code: str, published: float) -> None:
    _, header, rows = block(book[code])
    cell = rows["05315"][_column(header, 2016)]
    assert isinstance(cell.value, float)
    assert cell.value != round(cell.value, 1)  # unrounded in the cell …
    assert round_half_up(cell.value, 1) == published
    assert cell.number_format.startswith("#,##0.0;")  # … shown with the Kennzahl's one decimal


def test_the_comparison_rows_are_the_land_and_germany(book) -> None:
    _, header, rows = block(book["BQ_U3"])
    assert list(rows) == ["05315", "05", "DG"]  # no Gemeinden with results below Köln
    assert rows["05"][1].value == "Nordrhein-Westfalen"
    assert rows["DG"][1].value == "Deutschland"
    assert round_half_up(rows["DG"][_column(header, 2016)].value, 1) == 32.7
    assert rows["05315"][0].font.b  # the home region stands out


def test_the_difference_to_the_land_is_home_minus_land_of_the_same_year(real_ws, book) -> None:
    sheet = book["BQ_U3"]
    _, _, values = block(sheet)
    _, diff_header, diffs = block(sheet, "Differenz zum Land")
    assert any("Prozentpunkten" in str(c.value) for r in sheet.iter_rows(max_col=1) for c in r
               if str(c.value).startswith("Differenz zum Land"))
    col = _column(diff_header, 2016)
    formula = diffs["05315"][col].value
    refs = re.fullmatch(r"=([A-Z]+)(\d+)-([A-Z]+)(\d+)", formula)
    assert refs, formula
    letter = diffs["05315"][col].column_letter
    assert refs.group(1) == refs.group(3) == letter  # the same year
    assert int(refs.group(2)) == values["05315"][0].row and int(refs.group(4)) == values["05"][0].row
    left, right = sheet[f"{refs.group(1)}{refs.group(2)}"].value, sheet[f"{refs.group(3)}{refs.group(4)}"].value
    assert left - right == pytest.approx(_value(real_ws, "BQ_U3", "05315", 2016) - _value(real_ws, "BQ_U3", "05", 2016))
    assert "05" not in diffs and "DG" not in diffs


@pytest.mark.parametrize("code", ["BQ_U3", "BQ_3_6"])
def test_the_rank_among_the_kreise_of_the_land_follows_the_values(real_ws, book, code: str) -> None:
    expected, count_expected = _rank(real_ws, code, "05315", 2016)
    aachen = [r for r in indicators.compute(real_ws, code).rows if r.region_key == "05354"]
    assert [r.flag for r in aachen] == ["x"]  # Kreis Aachen (dissolved): „x“, not ranked
    _, header, ranks = block(book[code], "Rang unter den Kreisen")
    col = _column(header, 2016)
    assert ranks["05315"][col].value == expected
    count = next(cells for key, cells in ranks.items() if key.startswith("Kreise mit Wert"))
    assert count[col].value == count_expected == 53
    notes = " ".join(str(c.value) for r in book[code].iter_rows(max_col=1) for c in r if c.value)
    assert "1 = höchster Wert" in notes and "nur Kreise mit einem Wert" in notes


def test_ties_share_a_rank_and_the_next_is_skipped() -> None:
    assert rank_among({"a": 30.04, "b": 29.96, "c": 31.0, "d": 2.0}, 1) == {"c": 1, "a": 2, "b": 2, "d": 4}
    assert rank_among({"a": 30.05, "b": 30.04}, 1) == {"a": 1, "b": 2}  # 30.1 and 30.0: half-up
    assert rank_among({}, 1) == {}


def test_a_line_chart_of_home_land_and_bund(book) -> None:
    sheet = book["BQ_U3"]
    _, _, rows = block(sheet)
    charts = sheet._charts
    assert len(charts) == 1 and isinstance(charts[0], LineChart)
    refs = [s.val.numRef.f for s in charts[0].series]
    assert [int(re.search(r"\$(\d+)$", f).group(1)) for f in refs] == [rows[k][0].row for k in ("05315", "05", "DG")]
    assert all(not s.smooth for s in charts[0].series)


def test_the_method_sheet_names_definition_sources_and_caveats(book) -> None:
    text = "\n".join(str(c.value) for r in book["Methodik"].iter_rows() for c in r if c.value is not None)
    for expected in ("Betreuungsquote der Kinder unter 3 Jahren (BQ_U3)", "BQ_3_6", "100 * kinder / bev",
                     "Tabelle 22543-01-02-4", "Tabelle 12411-04-02-4", "Stichtag", "31. Dezember des Vorjahres",
                     "über 100 %", "Datenlizenz Deutschland", "mitgelieferter Katalog", "Zeichenerklärung",
                     "Prozentpunkten", "gleiche Werte teilen sich einen Rang"):
        assert expected in text, expected
    assert "Stand: 10.10.2017" in text


def test_the_overview_shows_the_latest_year_per_kennzahl(real_ws, book) -> None:
    sheet = book["Übersicht"]
    header = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "Kennzahl")]
    row = next(r for r in sheet.iter_rows() if r[1].value == "BQ_3_6")
    values = dict(zip(header, [c.value for c in row], strict=True))
    assert values["Jahr"] == "2016"
    assert round_half_up(values["Köln, Kreisfreie Stadt"], 1) == 95.9
    assert round_half_up(values["Deutschland"], 1) == 93.6
    assert values["Differenz zum Land¹"] == pytest.approx(values["Köln, Kreisfreie Stadt"]
                                                          - values["Nordrhein-Westfalen"])


def test_a_missing_value_shows_its_symbol(real_ws, tmp_path: Path) -> None:
    """Saarbrücken (Gemeinde below the Regionalverband 10041): secret („.“) or not meaningful („x“), never 0."""
    path = export_indicator_table(real_ws, ["KITA_HERKUNFT"], tmp_path / "sb.xlsx", region="10041")
    sheet = openpyxl.load_workbook(path)["KITA_HERKUNFT"]
    _, header, rows = block(sheet)
    assert list(rows) == ["10041", "10041100", "10", "DG"]
    saarbruecken = rows["10041100"]
    assert saarbruecken[_column(header, 2016)].value == "."
    assert saarbruecken[_column(header, 2013)].value == "x"
    _, diff_header, diffs = block(sheet, "Differenz zum Land")
    assert diffs["10041100"][_column(diff_header, 2016)].value == "."
    notes = " ".join(str(c.value) for r in sheet.iter_rows(max_col=1) for c in r if c.value)
    assert "„.“ Zahlenwert unbekannt oder geheim" in notes and "„x“ Tabellenfach gesperrt" in notes


def test_a_gemeinde_home_gets_its_kreis_as_comparison_and_the_kreis_rank(real_ws, tmp_path: Path) -> None:
    path = export_indicator_table(real_ws, ["KITA_HERKUNFT"], tmp_path / "aachen.xlsx", region="05334002",
                                  years=(2012, 2015))
    sheet = openpyxl.load_workbook(path)["KITA_HERKUNFT"]
    _, header, rows = block(sheet)
    assert header[2:] == ["2012", "2013", "2014", "2015"]  # limited to the years asked for
    assert list(rows) == ["05334002", "05334", "05", "DG"]
    _, _, ranks = block(sheet, "Rang unter den Kreisen")
    assert "05334" in ranks and "05334002" not in ranks
    _, _, diffs = block(sheet, "Differenz zum Land")
    assert list(diffs) == ["05334002", "05334"]


def test_a_regierungsbezirk_ranks_its_kreise_on_its_sheet_but_not_itself_on_the_overview(real_ws,
                                                                                          tmp_path: Path) -> None:
    path = export_indicator_table(real_ws, ["BQ_U3"], tmp_path / "rb.xlsx", region="053")
    book = openpyxl.load_workbook(path)
    _, header, ranks = block(book["BQ_U3"], "Rang unter den Kreisen")
    assert ranks["05315"][_column(header, 2016)].value == _rank(real_ws, "BQ_U3", "05315", 2016)[0]
    assert "053" not in ranks
    row = next(r for r in book["Übersicht"].iter_rows() if r[1].value == "BQ_U3")
    assert [c.value for c in row][8:] == ["x", "x"]  # a Regierungsbezirk has no rank among Kreise


def test_sub_regions_with_results_are_listed_below_the_home_region(real_ws, tmp_path: Path) -> None:
    path = export_indicator_table(real_ws, ["BQ_3_6"], tmp_path / "staedteregion.xlsx", region="05334")
    sheet = openpyxl.load_workbook(path)["BQ_3_6"]
    _, header, rows = block(sheet)
    assert list(rows) == ["05334", "05334002", "05", "DG"]
    assert round_half_up(rows["05334002"][_column(header, 2016)].value, 1) == 100.3  # place basis: not capped


# --- safety and refusals ------------------------------------------------------------------------------------------

def _plain_table(name: str) -> IndicatorTable:
    sheet = KennzahlSheet(
        "TEST", "=1+1 Testquote", "%", 1, ["2015", "2016"],
        [RegionLine("05999", name, HOME, [Value(10.04), Value(None, "x")]),
         RegionLine("05999001", "+cmd|'/C calc'!A0", PART, [Value(12.0), Value(11.0)]),
         RegionLine("05", "Nordrhein-Westfalen", LAND, [Value(9.0), Value(9.5)]),
         RegionLine("DG", "Deutschland", BUND, [Value(8.0), Value(None)])],
        land_name="Nordrhein-Westfalen")
    return IndicatorTable("05999", name, [sheet])


def test_region_names_starting_with_a_formula_sign_stay_text(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://x","y")'
    path = write_indicator_table(_plain_table(hostile), tmp_path / "hostile.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=HYPERLINK", "+cmd", "=1+1")):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
    _, _, rows = block(book["TEST"])
    assert rows["05999"][1].value == hostile and rows["05999"][1].data_type == "s"
    assert book["TEST"]["A1"].value == "=1+1 Testquote (TEST)" and book["TEST"]["A1"].data_type == "s"
    # the only formulas are the differences, and they point at cells
    formulas = [c.value for r in book["TEST"].iter_rows() for c in r if c.data_type == "f"]
    assert formulas and all(re.fullmatch(r"=[A-Z]+\d+-[A-Z]+\d+", f) for f in formulas)


def test_progress_is_reported_per_kennzahl(real_ws, tmp_path: Path) -> None:
    from bildungsplaner.progress import RecordingProgress

    progress = RecordingProgress()
    export_indicator_table(real_ws, ["BQ_U3", "BQ_3_6"], tmp_path / "p.xlsx", progress=progress)
    fractions = [f for f, _ in progress.reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("BQ_3_6" in m for _, m in progress.reports)


def test_a_unit_other_than_percent_gives_the_difference_in_that_unit_and_zero_shows_a_dash(tmp_path: Path) -> None:
    table = _plain_table("Musterkreis")
    sheet = table.sheets[0]
    sheet.unit = "je 1.000 Einwohner"
    sheet.lines[0].values[0] = Value(0.0)
    book = openpyxl.load_workbook(write_indicator_table(table, tmp_path / "unit.xlsx"))
    texts = [str(c.value) for r in book["TEST"].iter_rows(max_col=1) for c in r if c.value]
    assert "Differenz zum Land Nordrhein-Westfalen in der Einheit der Kennzahl (je 1.000 Einwohner)" in texts
    assert not any("Prozentpunkt" in t for t in texts)
    assert any("„–“ nichts vorhanden (genau null)" in t for t in texts)
    _, _, rows = block(book["TEST"])
    assert rows["05999"][2].value == 0 and rows["05999"][2].number_format.endswith(';"–"')


def test_the_chart_reads_a_gap_where_a_charted_value_is_missing(tmp_path: Path) -> None:
    """A chart plots a text cell („.“) as 0: the series read a block with an empty cell instead."""
    book = openpyxl.load_workbook(write_indicator_table(_plain_table("Musterkreis"), tmp_path / "gap.xlsx"))
    sheet = book["TEST"]
    chart = sheet._charts[0]
    refs = [s.val.numRef.f for s in chart.series]
    rows = [int(re.search(r"\$(\d+)$", f).group(1)) for f in refs]
    block_title = next(c.row for r in sheet.iter_rows(max_col=1) for c in r
                       if str(c.value).startswith("Werte für das Diagramm"))
    assert all(row > block_title for row in rows)
    assert [sheet.cell(row, 2).value for row in rows] == ["Musterkreis", "Nordrhein-Westfalen", "Deutschland"]
    assert sheet.cell(rows[2], 4).value is None  # Deutschland 2016: a gap, not 0 and not „.“
    assert sheet.cell(rows[0], 3).value == 10.04 and sheet.cell(rows[0], 4).value is None
    assert chart.display_blanks == "gap"


def test_parse_years() -> None:
    assert parse_years("2012-2016") == (2012, 2016)
    assert parse_years(" 2012 – 2016 ") == (2012, 2016)
    assert parse_years("2016") == (2016, 2016)
    for wrong in ("16", "2012-", "2012..2016", ""):
        with pytest.raises(UserInputError, match="--years"):
            parse_years(wrong)


def test_without_home_region_and_without_region_the_export_is_refused(workspace, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="keine Heimatregion"):
        export_indicator_table(workspace, ["BQ_U3"], tmp_path / "x.xlsx")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"codes": ["BQ_U3"], "out": "x.csv"}, "Excel-Arbeitsmappe"),
    ({"codes": [], "out": "x.xlsx"}, "mindestens eine Kennzahl"),
    ({"codes": ["BQ_U3"], "out": "x.xlsx", "region": "99999"}, "gibt es im Arbeitsbereich nicht"),
    ({"codes": ["BQ_U3"], "out": "x.xlsx", "years": (2017, 2016)}, "Zeitraum"),
    ({"codes": ["BQ_U3"], "out": "x.xlsx", "years": (2020, 2022)}, "keine Werte 2020–2022"),
    ({"codes": ["AUSLAENDERANTEIL"], "out": "x.xlsx"}, "Quelle fehlt"),
])
def test_refusals_name_the_reason(real_ws, tmp_path: Path, kwargs: dict, message: str) -> None:
    kwargs = dict(kwargs)
    out = tmp_path / kwargs.pop("out")
    with pytest.raises(UserInputError, match=message):
        export_indicator_table(real_ws, kwargs.pop("codes"), out, **kwargs)
    assert not out.exists()


# --- LibreOffice --------------------------------------------------------------------------------------------------

def _convert(path: Path, target: str, out: Path) -> list[Path]:
    profile = out / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    return sorted(p for p in out.iterdir() if p.is_file())


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_rounded_values_and_recalculates_the_difference(real_ws, koeln: Path,
                                                                              tmp_path: Path) -> None:
    # CSV of every sheet, cell contents as shown (the display rounding), formulas as their results
    files = _convert(koeln, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1', tmp_path)
    sheet = next(p for p in files if p.name.endswith("BQ_U3.csv"))
    rows = list(csv.reader(sheet.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    header = next(r for r in rows if r and r[0] == "Schlüssel")
    col = header.index("2016")
    shown = [r[col].replace(",", ".") for r in rows if r and r[0] == "05315"]
    difference = _value(real_ws, "BQ_U3", "05315", 2016) - _value(real_ws, "BQ_U3", "05", 2016)
    rank, _ = _rank(real_ws, "BQ_U3", "05315", 2016)
    assert shown == ["29.6", f"{round_half_up(difference, 1):.1f}", str(rank)]  # value, difference, rank


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_workbook(koeln: Path, tmp_path: Path) -> None:
    pdf = next(p for p in _convert(koeln, "pdf", tmp_path) if p.suffix == ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 4
