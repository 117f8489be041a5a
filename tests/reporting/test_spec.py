"""The report definition (reporting/spec.py): the issue's example reads as written, unknown keys and wrong
values are German errors naming the key with its chapter and module, and writing reads back to the same spec."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.reporting.spec import (
    CHART_KINDS,
    BacktestModule,
    Chapter,
    IndicatorModule,
    ReportSpec,
    ScenarioModule,
    TextModule,
    dump_report,
    parse_report,
)

EXAMPLE = '''\
format = 1
kind = "report"
title = "Bildungsbericht Kreis Unna"
region = "05978"                      # the home region of the report
compare = ["05", "DG"]                # comparison regions (Land, Bund, …)
years = [2011, 2016]                  # first and last year shown where data exist
[[chapter]]
title = "C Frühkindliche Bildung"
[[chapter.module]]
indicator = "BQ_U3"
chart = "timeseries"                  # timeseries | subregions | map
table = true
text = "auto"                         # generated sentences; or a text of the author's
'''


def test_the_issues_example_reads_as_written():
    spec = parse_report(EXAMPLE)
    assert spec == ReportSpec(title="Bildungsbericht Kreis Unna", region="05978", compare=("05", "DG"),
                              years=(2011, 2016), chapters=(Chapter("C Frühkindliche Bildung", (
                                  IndicatorModule("BQ_U3", chart="timeseries", table=True, text="auto"),)),))
    assert parse_report(dump_report(spec)) == spec


def test_modules_are_told_apart_by_their_key():
    spec = parse_report('''format = 1
kind = "report"
title = "T"
region = "05978"
[[chapter]]
title = "A"
intro = "Einleitung"
[[chapter.module]]
text = "Ein Text des Autors."
title = "Vorwort"
[[chapter.module]]
scenario = "Kita 2030"
chart = false
[[chapter.module]]
backtest = "Bedarf Basis 2020"
[[chapter.module]]
indicator = "BQ_3_6"
chart = "map"
text = "Eigener Text."
note = "Zusatz."
level = "gemeinde"
''')
    modules = spec.chapters[0].modules
    assert modules == (TextModule("Ein Text des Autors.", title="Vorwort"), ScenarioModule("Kita 2030", chart=False),
                       BacktestModule("Bedarf Basis 2020"),
                       IndicatorModule("BQ_3_6", chart="map", text="Eigener Text.", note="Zusatz.", level="gemeinde"))
    assert spec.chapters[0].intro == "Einleitung"
    assert "[[chapter.module]]" in dump_report(spec)
    assert parse_report(dump_report(spec)) == spec


HEAD = 'format = 1\nkind = "report"\ntitle = "T"\nregion = "05978"\n'


@pytest.mark.parametrize(("text", "message"), [
    (HEAD + 'colour = "rot"\n', "Berichtsdefinition: unbekannter Schlüssel „colour“"),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter]]\ntitle = "B"\n[[chapter.module]]\nindicator = "X"\nchrt = "map"\n',
     "unbekannter Schlüssel „chapter[2].module[1].chrt“"),
    (HEAD + '[[chapter]]\ntitle = "A"\nsubtitle = "x"\n', "unbekannter Schlüssel „chapter[1].subtitle“"),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter.module]]\nindicator = "X"\nchart = "pie"\n',
     "„chapter[1].module[1].chart“ muss eines von timeseries, subregions, map, none sein, nicht „pie“."),
    (HEAD + 'years = [2016, 2011]\n', "„years“ nennt zuerst das letzte Jahr (2016 nach 2011)."),
    (HEAD + 'years = [2016]\n', "„years“ muss zwei Jahreszahlen nennen"),
    (HEAD + 'years = ["a", 2016]\n', "muss eine Jahreszahl sein"),
    (HEAD.replace('"05978"', "5978"), "„region“ muss ein Text sein, nicht 5978 (in Anführungszeichen"),
    (HEAD.replace("format = 1", "format = 2"), "„format“ muss 1 sein, nicht 2."),
    (HEAD.replace('"report"', '"demand"'), "„kind“ muss 'report' sein, nicht 'demand'."),
    (HEAD.replace('title = "T"\n', ""), "„title“ fehlt."),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter.module]]\nchart = "map"\n',
     "„chapter[1].module[1]“ sagt nicht, was der Baustein zeigt"),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter.module]]\nindicator = "X"\nscenario = "S"\n',
     "„chapter[1].module[1]“ nennt „indicator“ und „scenario“"),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter.module]]\ntext = "x"\nchart = "map"\n',
     "unbekannter Schlüssel „chapter[1].module[1].chart“"),
    (HEAD + '[[chapter]]\ntitle = "A"\n[[chapter.module]]\nindicator = "X"\ntable = "ja"\n',
     "„chapter[1].module[1].table“ muss true oder false sein"),
    ("title = \n", "Berichtsdefinition: der Text ist kein gültiges TOML"),
])
def test_wrong_definitions_are_refused_naming_the_key(text, message):
    with pytest.raises(UserInputError) as caught:
        parse_report(text)
    assert message in str(caught.value)


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).map(str.strip).filter(bool)
_maybe = st.none() | _text
_opt = st.just("") | _text
_key = st.from_regex(r"[0-9A-Z_]{1,8}", fullmatch=True)

_indicator = st.builds(IndicatorModule, indicator=_key, chart=st.sampled_from(CHART_KINDS), table=st.booleans(),
                       text=st.just("auto") | _text, note=_opt, title=_maybe, level=st.none() | st.just("gemeinde"),
                       method=st.booleans())
_scenario = st.builds(ScenarioModule, scenario=_text, table=st.booleans(), chart=st.booleans(),
                      text=st.just("auto") | _text, note=_opt, title=_maybe)
_backtest = st.builds(BacktestModule, backtest=_text, table=st.booleans(), chart=st.booleans(),
                      text=st.just("auto") | _text, note=_opt, title=_maybe)
_textmodule = st.builds(TextModule, text=_text, title=_maybe)
_chapter = st.builds(Chapter, title=_text, modules=st.lists(_indicator | _scenario | _backtest | _textmodule,
                                                             max_size=4).map(tuple), intro=_opt)
_years = st.none() | st.tuples(st.integers(1990, 2040), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1]))
_spec = st.builds(ReportSpec, title=_text, region=_key, compare=st.lists(_key, max_size=3).map(tuple),
                  years=_years, subtitle=_opt, chapters=st.lists(_chapter, max_size=3).map(tuple),
                  highlights=st.booleans(), publisher=_opt)


@settings(max_examples=150, deadline=None)
@given(_spec)
def test_written_definitions_read_back_to_the_same_spec(spec):
    assert parse_report(dump_report(spec)) == spec
