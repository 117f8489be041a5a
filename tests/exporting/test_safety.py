"""Text safety and atomic writing of exported files."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import MAX_CELL_TEXT, atomic_target, clean_text, csv_text, sheet_title

HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|'/C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "Grund\x0bschule"]


def test_hostile_names_stay_text_in_csv_and_xlsx(tmp_path: Path) -> None:
    assert [csv_text(t) for t in HOSTILE] == ["'" + t for t in HOSTILE[:5]] + ["Grundschule"]
    workbook = openpyxl.Workbook()
    for i, text in enumerate(HOSTILE, start=1):
        cell = workbook.active.cell(i, 1, clean_text(text))
        cell.data_type = "s"
    workbook.save(tmp_path / "t.xlsx")
    cells = [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx").active["A"]]
    assert cells == [clean_text(t) for t in HOSTILE]
    assert all(c.data_type == "s" for c in openpyxl.load_workbook(tmp_path / "t.xlsx").active["A"])


@given(st.text(max_size=200))
def test_clean_text_is_always_writable_by_openpyxl(text: str) -> None:
    cleaned = clean_text(text)
    openpyxl.Workbook().active.cell(1, 1, cleaned)  # raises IllegalCharacterError for control characters
    assert len(cleaned) <= MAX_CELL_TEXT


def test_long_text_is_cut_at_excels_limit() -> None:
    assert len(clean_text("x" * 40_000)) == MAX_CELL_TEXT


@pytest.mark.parametrize(("name", "expected"), [
    ("Schulen: Bedarf [2027]/2028?", "Schulen_ Bedarf _2027__2028_"),
    ("Ein sehr langer Name für ein Tabellenblatt im Bericht", "Ein sehr langer Name für ein Ta"),
    ("", "Tabelle"), ("History", "History_"),
])
def test_sheet_titles_follow_excels_rules(name: str, expected: str) -> None:
    assert sheet_title(name) == expected
    assert sheet_title(name, {expected.upper()}) != expected


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"alt")
    with pytest.raises(RuntimeError), atomic_target(target) as tmp:
        tmp.write_bytes(b"halb")
        raise RuntimeError("Absturz beim Schreiben")
    assert target.read_bytes() == b"alt"
    assert list(tmp_path.iterdir()) == [target]


def test_a_target_open_in_excel_gives_a_clear_message(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"alt")
    (tmp_path / "~$plan.xlsx").write_bytes(b"x")
    with pytest.raises(UserInputError, match="gerade in Excel oder LibreOffice geöffnet"), atomic_target(target):
        pass
    assert target.read_bytes() == b"alt"


def test_data_export_keeps_hostile_region_names_as_text(workspace, tmp_path: Path) -> None:
    from bildungsplaner.services.data_export import export_observations_csv
    from bildungsplaner.services.importing import import_file

    source = tmp_path / "t.csv"
    source.write_text('AGS;Gemeinde;Einwohner\r\n05978004;"=HYPERLINK(""http://x"",""y"")";-5\r\n', encoding="utf-8")
    from bildungsplaner.importing.template import ImportTemplate

    template = ImportTemplate.loads('format = 1\nname = "t"\ntarget = "observations"\n[regions]\nkey = "AGS"\n'
                                    'name = "Gemeinde"\ncreate_unmatched = true\n[observations]\n'
                                    'fixed_period = "2024"\n[[observations.measures]]\ncolumn = "Einwohner"\n'
                                    'indicator = "=1+1"\n')  # a code is stored as the template gives it
    import_file(workspace, source, template=template)
    out = tmp_path / "export.csv"
    export_observations_csv(workspace, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1][2] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert rows[1][3] == "'=1+1"
    assert rows[1][7] == "-5"  # numbers are not touched


def test_csv_headers_from_imported_names_stay_text(tmp_path: Path) -> None:
    from bildungsplaner.services.data_export import write_csv

    out = tmp_path / "h.csv"
    assert write_csv(out, ["key", "=HYPERLINK(\"http://x\")"], [["1", "2"]], text_columns=set()) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows == [["key", "'=HYPERLINK(\"http://x\")"], ["1", "2"]]
