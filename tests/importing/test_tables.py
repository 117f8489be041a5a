"""Generic tables: the same table saved by different programs and in different dialects reads the same."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.importing.sniff import sniff
from bildungsplaner.importing.tables import composite_names, detect_header, detect_separator, read_table

ROWS = [["05978004", "Bergkamen", "47.803", "23.562"], ["05978008", "Fröndenberg/Ruhr", "20.800", "10.211,5"]]
HEADER = ["AGS", "Gemeinde", "Einwohner", "männlich"]


def write_csv(path: Path, rows: list[list[str]], *, sep: str = ";", encoding: str = "utf-8", sep_line: bool = False,
              title: str | None = None) -> Path:
    lines = ([f"sep={sep}"] if sep_line else []) + ([title, ""] if title else [])
    lines += [sep.join(f'"{c}"' if sep in c else c for c in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("sep", [";", ",", "\t", "^", "|"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_csv_dialects_read_alike(tmp_path: Path, sep: str, encoding: str) -> None:
    path = write_csv(tmp_path / "t.csv", [HEADER, *ROWS], sep=sep, encoding=encoding)
    table = read_table(path)
    assert list(table.frame.columns) == HEADER
    assert table.frame.astype(str).values.tolist() == ROWS
    assert table.separator == sep
    assert table.first_data_row == 2


def test_sep_line_and_title_lines_are_skipped_and_row_numbers_stay_true(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [HEADER, *ROWS], sep=",", sep_line=True, title="Einwohner 2024")
    table = read_table(path)
    assert table.separator == ","
    assert list(table.frame.columns) == HEADER
    assert table.header_start == 3  # 0-based: sep line, title, blank line
    assert table.first_data_row == 5
    assert table.frame.iloc[1, 1] == "Fröndenberg/Ruhr"


def test_cp1252_umlauts_are_not_mojibake(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [HEADER, *ROWS], encoding="cp1252")
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert "männlich" in table.frame.columns


def stacked_rows() -> list[list[object]]:
    return [
        ["Schülerinnen und Schüler nach Schulform", None, None, None, None],
        [None, None, None, None, None],
        ["Schlüssel", "Gemeinde", "Grundschule", None, "Gymnasium"],
        [None, None, "männlich", "weiblich", "insgesamt"],
        ["05978004", "Bergkamen", 812, 790, 1204],
        ["05978008", "Fröndenberg/Ruhr", 301, 288, None],
    ]


EXPECTED_STACKED = ["Schlüssel", "Gemeinde", "Grundschule | männlich", "Grundschule | weiblich",
                    "Gymnasium | insgesamt"]


def test_stacked_merged_header_becomes_composite_names_in_xlsx(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Schulen"
    for row in stacked_rows():
        sheet.append(row)
    sheet.merge_cells("C3:D3")
    sheet.merge_cells("A3:A4")
    workbook.create_sheet("Hinweise").append(["nur Text"])
    path = tmp_path / "schulen.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert (table.format, table.sheet, table.sheets) == ("xlsx", "Schulen", ["Schulen", "Hinweise"])
    assert list(table.frame.columns) == EXPECTED_STACKED
    assert (table.header_start, table.header_rows, table.first_data_row) == (2, 2, 5)
    assert table.frame["Grundschule | männlich"].tolist() == [812.0, 301.0]
    assert math.isnan(table.frame["Gymnasium | insgesamt"].iloc[1])
    assert table.frame["Schlüssel"].tolist() == ["05978004", "05978008"]


def test_xls_and_ods_read_like_xlsx(tmp_path: Path) -> None:
    import xlwt

    frame = pd.DataFrame(ROWS, columns=HEADER)
    book = xlwt.Workbook()
    sheet = book.add_sheet("Daten")
    for j, name in enumerate(HEADER):
        sheet.write(0, j, name)
    for i, row in enumerate(ROWS, start=1):
        for j, cell in enumerate(row):
            sheet.write(i, j, cell)
    book.save(str(tmp_path / "t.xls"))
    frame.to_excel(tmp_path / "t.ods", index=False, engine="odf", sheet_name="Daten")
    frame.to_excel(tmp_path / "t.xlsx", index=False, sheet_name="Daten")
    read = {kind: read_table(tmp_path / f"t.{kind}") for kind in ("xls", "ods", "xlsx")}
    for kind, table in read.items():
        assert sniff(tmp_path / f"t.{kind}").kind == kind
        assert table.format == kind
        assert list(table.frame.columns) == HEADER, kind
        assert table.frame.astype(str).values.tolist() == ROWS, kind


def test_the_format_is_decided_by_bytes_not_the_name(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS, columns=HEADER)
    disguised = tmp_path / "eigentlich_xlsx.csv"
    frame.to_excel(disguised, index=False, engine="openpyxl")
    assert sniff(disguised).kind == "xlsx"
    assert list(read_table(disguised).frame.columns) == HEADER
    text_as_xls = write_csv(tmp_path / "text.xls", [HEADER, *ROWS])
    assert sniff(text_as_xls).kind == "csv"


def test_xlsm_is_recognised_and_macros_are_not_run(tmp_path: Path) -> None:
    import io
    import zipfile

    source = tmp_path / "t.xlsx"
    pd.DataFrame(ROWS, columns=HEADER).to_excel(source, index=False)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"x").replace(
                    b'ContentType="application/vnd.openxmlformats-officedocument.x"',
                    b'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"')
            new.writestr(info.filename, data)
        new.writestr("xl/vbaProject.bin", b"\x00" * 64)
    macro = tmp_path / "t.xlsm"
    macro.write_bytes(out.getvalue())
    assert sniff(macro).kind == "xlsm"
    assert list(read_table(macro).frame.columns) == HEADER


def test_an_unknown_sheet_and_a_header_without_data_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    pd.DataFrame(ROWS, columns=HEADER).to_excel(path, index=False, sheet_name="Daten")
    with pytest.raises(UserInputError, match="kein Tabellenblatt „Zahlen“"):
        read_table(path, sheet="Zahlen")
    only_header = write_csv(tmp_path / "kopf.csv", [HEADER])
    with pytest.raises(UserInputError, match="keine Datenzeilen"):
        read_table(only_header)


def test_explicit_header_hints_override_detection(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [["Stand 2024", "", "", ""], HEADER, *ROWS])
    detected = read_table(path)
    assert list(detected.frame.columns) == HEADER
    forced = read_table(path, skip_rows=0, header_rows=2)
    assert forced.frame.columns[0] == "Stand 2024 | AGS"
    assert forced.first_data_row == 3


def test_empty_and_duplicate_column_names_get_stable_names() -> None:
    assert composite_names([["A", "", "A", "B"]], 5) == ["A", "Spalte B", "A (2)", "B", "Spalte E"]


def test_detect_header_takes_one_row_when_the_header_holds_years() -> None:
    rows = [["Gemeinde", "2022", "2023"], ["Bergkamen", "47.100", "47.803"]]
    assert detect_header(rows) == (0, 1)


@settings(max_examples=60)
@given(st.sampled_from([";", ",", "\t", "^", "|"]),
       st.lists(st.lists(st.text(alphabet="abcäöüß 0123456789.-", min_size=1, max_size=8), min_size=3, max_size=3),
                min_size=2, max_size=8))
def test_separator_detection_finds_the_separator_of_a_regular_table(sep: str, rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows([["Schlüssel", "Name", "Wert"], *rows])
    assert detect_separator(buffer.getvalue().splitlines()) == sep


def test_numbers_in_messages_are_grouped_but_the_file_name_keeps_its_comma(tmp_path: Path) -> None:
    wide = tmp_path / "Schulen, Kitas.csv"
    wide.write_text(";".join(f"s{i}" for i in range(20_000)) + "\n" + ";".join("1" * 20_000) + "\n", encoding="utf-8")
    with pytest.raises(UserInputError) as refused:
        read_table(wide)
    assert str(refused.value) == "Schulen, Kitas.csv hat 20.000 Spalten; mehr als 2.000 werden nicht gelesen."


def test_the_sniffer_groups_numbers_but_not_the_file_name(tmp_path: Path) -> None:
    import zipfile

    ods = tmp_path / "Schulen, Kitas.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", '<office:document-content><table:table-cell '
                                        'table:number-columns-repeated="20000"/></office:document-content>')
    with pytest.raises(UserInputError, match=r"^Schulen, Kitas\.ods: eine Zeile wiederholt eine Zelle 20\.000-mal;"):
        sniff(ods)
