"""Numbering and table cells (reporting/numbering.py): one numbering for every output, German numbers, symbols
and disclosure control."""

from __future__ import annotations

import pandas as pd

from bildungsplaner.reporting.document import ReportTable
from bildungsplaner.reporting.numbering import format_table, number_blocks, number_document, source_line


def test_figures_and_tables_are_numbered_separately_in_block_order(document) -> None:
    numbering = number_document(document)
    figures = document.figures()
    tables = document.tables()
    assert [numbering.figure(f) for f in figures] == [1, 2, 3]
    assert [f.id for f in figures] == ["f1", "m1", "f2"]  # the map stands before the second module's chart
    assert [numbering.table(t) for t in tables] == [1, 2]
    assert numbering.figure_caption(figures[1]) == "Abbildung 2: Betreuungsquote U3 in den Gemeinden 2016"
    assert numbering.table_caption(tables[1]) == "Tabelle 2: Kinder in Tagespflege nach Gemeinden 2016"


def test_a_module_alone_is_numbered_from_one(document) -> None:
    module = list(document.modules())[1]
    numbering = number_blocks(module.blocks)
    assert numbering.figures == {"f2": 1} and list(numbering.tables.values()) == [1]


def test_cells_are_german_rounded_half_up_with_symbols(document) -> None:
    table = format_table(document.tables()[0])
    assert table.header == ["Gebiet", "2012", "2013", "2014", "2015", "2016"]
    assert table.align == ["left"] + ["right"] * 5
    unna, nrw, _ = table.rows
    assert [c.text for c in unna] == ["Kreis Unna", "18,0", "20,3", "22,4", "24,0", "26,7 p"]  # half up, flag
    assert unna[5].value == 26.65 and unna[5].flag == "p"
    assert nrw[5].text == "." and nrw[5].value is None  # missing is „.“, never blank or zero
    assert table.emphasis == [True, False, False]


def test_exact_zero_is_a_dash_and_thousands_are_grouped() -> None:
    frame = pd.DataFrame({"Gebiet": ["A", "B"], "Wert": [0.0, 12345.675]})
    table = format_table(ReportTable("T", frame, "Q", decimals=2))
    assert [r[1].text for r in table.rows] == ["–", "12.345,68"]
    auto = format_table(ReportTable("T", pd.DataFrame({"G": ["A", "B"], "W": [1.5, 2.0]}), "Q", decimals=None))
    assert [r[1].text for r in auto.rows] == ["1,5", "2,0"]


def test_small_counts_are_suppressed_with_a_second_cell_and_a_note(document) -> None:
    table = format_table(document.tables()[1])
    kinder = [r[1] for r in table.rows]
    assert kinder[1].text == "." and kinder[1].suppressed  # 2 < 3: primary
    assert kinder[2].text == "–" and not kinder[2].suppressed  # zero is not suppressed
    # secondary: one more count in the column, so that the 2 cannot be worked out from a total
    assert sum(c.suppressed for c in kinder) == 2
    plaetze = [r[2] for r in table.rows]
    assert plaetze[3].suppressed and sum(c.suppressed for c in plaetze) == 2
    assert table.primary == 2 and table.secondary == 2
    assert "unter 3" in table.note


def test_tables_that_are_not_counts_are_never_suppressed(document) -> None:
    table = format_table(document.tables()[0])
    assert not any(c.suppressed for row in table.rows for c in row) and table.note == ""


def test_source_line() -> None:
    assert source_line("IT.NRW") == "Quelle: IT.NRW"
    assert source_line("Quelle: IT.NRW") == "Quelle: IT.NRW"
    assert source_line("") == ""
