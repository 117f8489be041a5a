"""Totals and notes below a colleague's table are recognised, kept out of the data and listed with their rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from messy_lists import (
    FOOTNOTE,
    FOOTNOTE_ROW,
    SCHOOLS,
    SOURCE,
    SOURCE_ROW,
    TOTAL_ROW,
    messy_csv,
    messy_ods,
    messy_xlsx,
)

from bildungsplaner import UserInputError
from bildungsplaner.importing.footers import find_footer
from bildungsplaner.importing.tables import read_table

WRITERS = {"xlsx": messy_xlsx, "xlsx-zahl": lambda p: messy_xlsx(p, formula=False), "csv": messy_csv,
           "ods": messy_ods}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_totals_source_and_footnote_are_not_data_in_every_format(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path / f"schulen.{kind.split('-')[0]}")
    table = read_table(path)
    assert list(table.frame.columns) == ["Schulnummer", "Name", "Gemeinde", "Schüler", "Träger"]
    assert table.first_data_row == 4 and len(table.frame) == len(SCHOOLS) == 20
    assert table.frame["Schulnummer"].tolist() == [row[0] for row in SCHOOLS]
    assert [(s.row, s.reason) for s in table.skipped] == [
        (TOTAL_ROW, "Summenzeile"), (SOURCE_ROW, "Anmerkung unter der Tabelle"),
        (FOOTNOTE_ROW, "Anmerkung unter der Tabelle")]
    assert table.skipped[0].text in ("Summe | 4930", "Summe | 4.930")
    assert [s.text for s in table.skipped[1:]] == [SOURCE, FOOTNOTE]
    assert table.skipped[0].describe().startswith("Zeile 24 nicht importiert (Summenzeile): „Summe")
    # the preview shows them below the data: the empty row between them too
    assert table.footer is not None and len(table.footer) == 4
    assert table.footer_reasons == ["Summenzeile", "", "Anmerkung unter der Tabelle", "Anmerkung unter der Tabelle"]


def grid(*rows: list[object]) -> pd.DataFrame:
    return pd.DataFrame([list(r) for r in rows], dtype=object)


DATA = [["100001", "Grundschule Nord", 210], ["100002", "Grundschule Süd", 180]]


@pytest.mark.parametrize(
    ("tail", "end"),
    [
        ([[None, "Summe", 390]], 2),                              # a totals row right below the data
        ([["Insgesamt", None, 390]], 2),                          # the label in the key column itself
        ([["Kreis Unna zusammen", None, 390]], 2),
        ([["Quelle: IT.NRW", None, None]], 2),                    # a source line without an empty row above
        ([["Stand:", "01.08.2025", None]], 2),
        ([[None, None, None], ["erstellt von Frau Meier", None, None], ["¹ ohne Förderschulen", None, None]], 2),
        ([[None, None, None], ["1) vorläufig", None, None]], 2),
        # text in one cell right below the data is data (the template will say what is wrong with it)
        ([["Grundschule West", None, None]], 3),
        # rows below an empty row that look like data are data
        ([[None, None, None], ["100003", "Grundschule West", 95]], 4),
        ([[None, None, None], ["100003", "Grundschule West", 95], ["Quelle: Schulamt", None, None]], 4),
        # a word that only contains a total label is no total
        ([["100003", "Gesamtschule", 800], [None, "Gesamtschule Unna", 900]], 4),
    ],
)
def test_which_rows_at_the_bottom_are_footer(tail: list[list[object]], end: int) -> None:
    found, reasons = find_footer(grid(*DATA, *tail))
    assert found == end
    assert len(reasons) == len(DATA) + len(tail) - end


def test_a_totals_row_must_leave_the_key_column_empty() -> None:
    # a Kreis row with its key: data, as soon as the template names the key column
    rows = grid(["Bergkamen", "05978004", 48018], ["Bönen", "05978008", 18170], ["Insgesamt", "05978", 66188])
    assert find_footer(rows)[0] == 2
    assert find_footer(rows, key_columns=[1])[0] == 3
    assert find_footer(grid(*DATA, [None, "Summe", 390]), key_columns=[0])[0] == 2


def test_at_least_one_data_row_stays() -> None:
    assert find_footer(grid(["Summe", None, 390], ["Quelle: Schulamt", None, None]))[0] == 2


def test_explicit_footer_rows_and_stop_at(tmp_path: Path) -> None:
    path = messy_xlsx(tmp_path / "schulen.xlsx")
    # footer_rows: the last N non-empty rows, whatever they say; 0: no footer at all
    two = read_table(path, footer_rows=2)
    assert len(two.frame) == 20 + 2  # the Summe row and the empty row stay for the template
    assert [s.row for s in two.skipped] == [SOURCE_ROW, FOOTNOTE_ROW]
    assert two.skipped[0].reason == "Fußzeile, Vorlage: footer_rows = 2"
    assert len(read_table(path, footer_rows=0).frame) == 24 and not read_table(path, footer_rows=0).skipped
    # stop_at: the data end at the first empty row; with footer_rows = 1 the Summe row goes too
    stop = read_table(path, stop_at="first empty row")
    assert len(stop.frame) == 21 and [s.row for s in stop.skipped] == [SOURCE_ROW, FOOTNOTE_ROW]
    both = read_table(path, stop_at="first empty row", footer_rows=1)
    assert len(both.frame) == 20 and [s.row for s in both.skipped] == [TOTAL_ROW, SOURCE_ROW, FOOTNOTE_ROW]
    with pytest.raises(UserInputError, match=r"footer_rows = 30.*keine Datenzeile"):
        read_table(path, footer_rows=30)


def test_a_plain_table_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("AGS;Gemeinde;Einwohner\n05978004;Bergkamen;48018\n05978008;Bönen;18170\n", encoding="utf-8")
    table = read_table(path)
    assert len(table.frame) == 2 and table.footer is None and table.skipped == []


def test_a_preview_of_the_first_rows_marks_nothing_it_cannot_see(tmp_path: Path) -> None:
    path = messy_xlsx(tmp_path / "schulen.xlsx")
    preview = read_table(path, nrows=10, footer_rows=1)
    assert preview.truncated and len(preview.frame) == 7 and preview.skipped == []
    whole = read_table(path, nrows=200)
    assert not whole.truncated and [s.row for s in whole.skipped] == [TOTAL_ROW, SOURCE_ROW, FOOTNOTE_ROW]
    csv = messy_csv(tmp_path / "schulen.csv")
    assert read_table(csv, nrows=27).skipped and not read_table(csv, nrows=27).truncated
    assert read_table(csv, nrows=26).truncated and not read_table(csv, nrows=26).skipped
