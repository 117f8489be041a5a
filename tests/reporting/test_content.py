"""An indicator module from values (reporting/content.py, text.py, highlights.py): tables, figures, sentences
with their numbers from the printed tables, the author's text kept, „Quelle fehlt“, „Wichtigste Ergebnisse“."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from bildungsplaner.indicators.compute import rank_among
from bildungsplaner.reporting.content import IndicatorValues, indicator_module, text_module
from bildungsplaner.reporting.document import ChartFigure, MapFigure, MethodBox, ModuleResult, Paragraph, ReportTable
from bildungsplaner.reporting.highlights import highlights
from bildungsplaner.reporting.spec import IndicatorModule, TextModule
from bildungsplaner.reporting.text import region_label

from .sentence_check import check_module

NAMES = {"05978": "Unna, Kreis", "05": "Nordrhein-Westfalen", "DG": "Deutschland", "05911": "Bochum, kreisfreie Stadt",
         "05913": "Dortmund, kreisfreie Stadt", "05978004": "Bönen", "05978008": "Holzwickede", "05978012": "Selm"}
VALUES = {  # key → {year: value}
    "05978": {2011: 18.04, 2012: 19.5, 2016: 25.36},
    "05": {2011: 17.5, 2016: 26.5},
    "DG": {2011: 25.2, 2016: 32.7},
    "05911": {2016: 25.4},   # ties with Unna's 25,4 as printed: shared rank 2
    "05913": {2016: 30.0},
    "05978004": {2016: 12.0},
    "05978008": {2016: 31.44},
    "05978012": {2016: 22.0},
}


def _rows(values=VALUES) -> pd.DataFrame:
    return pd.DataFrame([(k, NAMES[k], f"{y}-03-01", v, None) for k, by in values.items() for y, v in by.items()],
                        columns=["region_key", "region_name", "period", "value", "flag"])


def _data(**changes) -> IndicatorValues:
    base = dict(code="BQ_U3", name="Betreuungsquote der Kinder unter 3 Jahren", unit="%", decimals=1, rows=_rows(),
                home="05978", compare=("05", "DG"), land="05", peers=("05911", "05913", "05978"),
                peers_label="Kreisen und kreisfreien Städten", subregions=("05978004", "05978008", "05978012"),
                sources=("IT.NRW, Tabelle 22543-01-02-4, Stand 01.03.2016", "eigene Berechnung"),
                method="Anteil der betreuten Kinder unter 3 Jahren an den Kindern dieses Alters.", names=NAMES)
    base.update(changes)
    return IndicatorValues(**base)


def _build(module: IndicatorModule, data: IndicatorValues | None = None, years=(2011, 2016)) -> ModuleResult:
    ids = (f"f{i}" for i in itertools.count(1))
    return indicator_module(module, data or _data(), years, lambda: next(ids))


def test_the_timeseries_module_writes_the_release_sentences_from_its_table():
    module = _build(IndicatorModule("BQ_U3"))
    paragraph = module.blocks[0]
    assert isinstance(paragraph, Paragraph) and paragraph.generated
    assert [s.text for s in paragraph.sentences] == [
        "2016 lag die Kennzahl „Betreuungsquote der Kinder unter 3 Jahren“ im Kreis Unna bei 25,4 %.",
        "Gegenüber 2011 (18,0 %) ist sie um 7,3 Prozentpunkte gestiegen.",
        "Damit lag sie 1,1 Prozentpunkte unter dem Wert für Nordrhein-Westfalen (26,5 %) und 7,3 Prozentpunkte "
        "unter dem für Deutschland (32,7 %).",
        "Unter den 3 Kreisen und kreisfreien Städten in Nordrhein-Westfalen belegte der Kreis Unna damit Rang 2 "
        "(Rang 1: höchster Wert).",
    ]
    chart = module.blocks[1]
    assert isinstance(chart, ChartFigure) and chart.kind == "line" and chart.id == "f1"
    assert chart.categories == ("2011", "2012", "2016")
    assert [(s.name, s.home) for s in chart.series] == [("Kreis Unna", True), ("Nordrhein-Westfalen", False),
                                                        ("Deutschland", False)]
    assert chart.series[1].values == (17.5, None, 26.5)  # a gap where the Land has no value
    assert chart.source == "Quelle: IT.NRW, Tabelle 22543-01-02-4, Stand 01.03.2016; eigene Berechnung"
    table, ranks = module.tables()
    assert list(table.frame.columns) == ["Gebiet", "2011", "2012", "2016", "Veränderung 2011–2016 in Prozentpunkten",
                                         "Abstand zu Nordrhein-Westfalen 2016 in Prozentpunkten",
                                         "Abstand zu Deutschland 2016 in Prozentpunkten"]
    assert list(table.frame["Gebiet"]) == ["Kreis Unna", "Nordrhein-Westfalen", "Deutschland"]
    assert table.flags is not None and table.flags.iloc[1, 2] == "." and table.flags.iloc[1, 5] == "x"
    assert table.emphasis == ("Kreis Unna",) and table.source == chart.source
    assert list(ranks.frame["Rang"]) == ["1", "2", "2"]  # 30,0; 25,4 and 25,4 share rank 2
    assert list(ranks.frame["Gebiet"]) == ["Dortmund", "Bochum", "Kreis Unna"]
    assert isinstance(module.blocks[-1], MethodBox)
    assert check_module(module) >= 12
    assert module.warnings == []


def test_bars_of_the_subregions_with_the_home_region_as_reference_and_the_highest_and_lowest():
    module = _build(IndicatorModule("BQ_U3", chart="subregions"))
    bar = next(b for b in module.blocks if isinstance(b, ChartFigure))
    assert bar.kind == "bar" and bar.categories == ("Bönen", "Holzwickede", "Selm")
    assert bar.series[0].values == (12.0, 31.44, 22.0)
    assert bar.reference == ("Kreis Unna", 25.36)
    parts = module.tables()[1]
    assert list(parts.frame["Gebiet"]) == ["Bönen", "Holzwickede", "Selm", "Kreis Unna"]  # the Kreis for reference
    assert parts.caption == "Betreuungsquote der Kinder unter 3 Jahren in den Teilgebieten des Kreises Unna 2016"
    sentence = module.blocks[0].sentences[-1].text
    assert sentence == ("Innerhalb des Kreises Unna reichte die Kennzahl 2016 von 12,0 % in Bönen bis 31,4 % in "
                        "Holzwickede.")
    peers = _build(IndicatorModule("BQ_U3", chart="subregions", level="kreis"),
                   _data(subregions=("05911", "05913", "05978"), subregions_within=False))
    assert peers.blocks[0].sentences[-1].text == (
        "Unter den Kreisen und kreisfreien Städten in Nordrhein-Westfalen reichte die Kennzahl 2016 von 25,4 % in "
        "Bochum und Kreis Unna bis 30,0 % in Dortmund.")
    check_module(peers)
    assert check_module(module) >= 14


def test_a_map_module_carries_what_the_service_collected():
    marker = object()
    module = _build(IndicatorModule("BQ_U3", chart="map"), _data(map_data=marker))
    figure = next(b for b in module.blocks if isinstance(b, MapFigure))
    assert figure.data is marker
    without = _build(IndicatorModule("BQ_U3", chart="map"))
    assert not without.figures() and any("keine Karte" in w for w in without.warnings)


def test_the_authors_text_replaces_the_generated_one_and_the_note_is_kept():
    module = _build(IndicatorModule("BQ_U3", text="Erster Absatz\nmit Umbruch.\n\nZweiter Absatz.",
                                    note="Anmerkung des Bildungsbüros."))
    paragraphs = [b for b in module.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.generated) for p in paragraphs] == [("Erster Absatz mit Umbruch.", False),
                                                           ("Zweiter Absatz.", False),
                                                           ("Anmerkung des Bildungsbüros.", False)]
    auto = _build(IndicatorModule("BQ_U3", note="Anmerkung."))
    assert [p.generated for p in auto.blocks if isinstance(p, Paragraph)] == [True, False]
    assert text_module(TextModule("A\n\nB", title="Vorwort")).blocks == [
        Paragraph((paragraphs[0].sentences[0].__class__("A"),), generated=False),
        Paragraph((paragraphs[0].sentences[0].__class__("B"),), generated=False)]


def test_without_a_source_the_module_warns_and_prints_quelle_fehlt():
    module = _build(IndicatorModule("BQ_U3", table=False, method=False), _data(sources=()))
    assert module.warnings == ["Quelle fehlt: BQ_U3"]
    assert module.figures()[0].source == "Quelle fehlt"
    assert module.tables() == [] and not any(isinstance(b, MethodBox) for b in module.blocks)


def test_years_default_to_the_last_five_with_values_and_missing_years_are_warned():
    values = {"05978": {y: float(y - 2000) for y in range(2008, 2020) if y != 2017}, "05": {2019: 20.0}}
    module = _build(IndicatorModule("BQ_U3", chart="none"), _data(rows=_rows(values), compare=("05",)), years=None)
    assert list(module.tables()[0].frame.columns[1:6]) == ["2014", "2015", "2016", "2018", "2019"]
    module = _build(IndicatorModule("BQ_U3"), _data(rows=_rows(values), compare=("05", "DG")), years=(2016, 2018))
    assert "keine Werte für Deutschland (DG)" in module.warnings
    assert "keine Werte für Kreis Unna 2017" not in module.warnings  # 2017 has no value anywhere: not shown
    check_module(module)


def test_an_unchanged_value_and_an_equal_gap_say_so_in_words():
    values = {"05978": {2011: 20.02, 2016: 20.04}, "05": {2011: 19.0, 2016: 20.0}}
    module = _build(IndicatorModule("BQ_U3", chart="none"), _data(rows=_rows(values), compare=("05",), peers=()))
    texts = [s.text for s in module.blocks[0].sentences]
    assert texts[1] == "Gegenüber 2011 (20,0 %) ist sie nahezu unverändert geblieben."
    assert texts[2] == "Damit lag sie nahezu gleichauf mit dem Wert für Nordrhein-Westfalen (20,0 %)."
    check_module(module)


def test_counts_get_no_gap_and_no_rank_and_change_in_their_unit():
    values = {"05978": {2011: 1000.0, 2016: 1234.0}, "05": {2011: 50000.0, 2016: 51000.0}}
    module = _build(IndicatorModule("KINDER", chart="none"), _data(rows=_rows(values), unit="Personen", decimals=0))
    texts = [s.text for s in module.blocks[0].sentences]
    assert texts == ["2016 lag die Kennzahl „Betreuungsquote der Kinder unter 3 Jahren“ im Kreis Unna bei 1.234 "
                     "Personen.", "Gegenüber 2011 (1.000 Personen) ist sie um 234 Personen gestiegen."]
    assert module.tables()[0].counts
    check_module(module)


@pytest.mark.parametrize(("values", "ranks"), [
    ({"a": 1.04, "b": 1.0, "c": 2.0}, {"c": 1, "a": 2, "b": 2}),
    ({"a": 0.05, "b": 0.1}, {"a": 1, "b": 1}),  # 0,05 rounds half up to 0,1
    ({}, {}),
])
def test_ranks_are_on_the_printed_values(values, ranks):
    assert rank_among(values, 1) == ranks


def test_region_labels_read_as_in_a_report():
    assert region_label("Unna, Kreis") == "Kreis Unna"
    assert region_label("Köln, kreisfreie Stadt") == "Köln"
    assert region_label("Bielefeld, Kreisfreie Stadt") == "Bielefeld"
    assert region_label("Nordrhein-Westfalen") == "Nordrhein-Westfalen"


def test_highlights_take_the_largest_changes_and_gaps_in_report_order():
    modules = []
    for code, start in (("A", 10.0), ("B", 12.0), ("C", 20.0), ("D", 25.0)):
        values = {"05978": {2011: start, 2016: start * 1.5}, "05": {2011: 15.0, 2016: 15.0}}
        modules.append(_build(IndicatorModule(code, chart="none"), _data(rows=_rows(values), compare=("05",),
                                                                          name=f"Kennzahl {code}")))
    chosen = highlights(modules, maximum=3)
    assert [s.text.split(":")[0] for s in chosen] == ["Kennzahl C", "Kennzahl D", "Kennzahl D"]
    assert chosen[1].text == ("Kennzahl D: Im Kreis Unna stieg der Wert von 25,0 % (2011) auf 37,5 % (2016), um "
                              "12,5 Prozentpunkte.")  # D's change (largest) …
    assert chosen[2].text == ("Kennzahl D: Der Kreis Unna lag 2016 mit 37,5 % um 22,5 Prozentpunkte über dem Wert "
                              "für Nordrhein-Westfalen (15,0 %).")  # … and D's gap
    assert len(highlights(modules)) == 5
    for module in modules:
        check_module(module)
    flat = {"05978": {2011: 10.0, 2016: 10.0}, "05": {2011: 10.0, 2016: 10.0}}
    assert highlights([_build(IndicatorModule("E", chart="none"), _data(rows=_rows(flat), compare=("05",)))]) == []


def test_sentence_numbers_match_the_tables_with_missing_values_everywhere():
    rng = np.random.default_rng(7)
    for _ in range(30):
        values = {k: {y: float(rng.uniform(0, 100)) for y in range(2011, 2017) if rng.random() > 0.3}
                  for k in NAMES}
        module = _build(IndicatorModule("BQ_U3", chart=str(rng.choice(["timeseries", "subregions"]))),
                        _data(rows=_rows(values)), years=None)
        check_module(module)
        assert all(isinstance(b, Paragraph | ChartFigure | ReportTable | MethodBox) for b in module.blocks)


def test_changes_of_counts_weigh_by_their_relative_change():
    counts = _build(IndicatorModule("KINDER", chart="none"),
                    _data(rows=_rows({"05978": {2011: 10000.0, 2016: 10500.0}}), unit="Personen", decimals=0,
                          compare=(), name="Kinder"))
    shares = _build(IndicatorModule("A", chart="none"),
                    _data(rows=_rows({"05978": {2011: 10.0, 2016: 16.0}}), compare=(), name="Quote"))
    assert counts.findings[0]["weight"] == pytest.approx(5.0)  # +500 of 10.000 = 5 %, not 500
    assert [s.text.split(":")[0] for s in highlights([counts, shares], maximum=1)] == ["Quote"]
