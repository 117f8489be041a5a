"""Disclosure control reaches the charts and sentences of a report module (reporting/disclosure.py): a count that
its table suppresses is neither drawn nor written."""

from __future__ import annotations

import itertools
import math

import pandas as pd

from bildungsplaner.reporting.content import IndicatorValues, indicator_module
from bildungsplaner.reporting.disclosure import hidden_values, protect
from bildungsplaner.reporting.document import ChartFigure, Paragraph
from bildungsplaner.reporting.numbering import format_table
from bildungsplaner.reporting.spec import IndicatorModule

NAMES = {"05978": "Unna, Kreis", "05978004": "Bönen", "05978008": "Holzwickede", "05978012": "Selm"}
VALUES = {"05978": 1207.0, "05978004": 2.0, "05978008": 705.0, "05978012": 500.0}


def _module(values=VALUES):
    rows = pd.DataFrame([(k, NAMES[k], "2016-12-31", v, None) for k, v in values.items()],
                        columns=["region_key", "region_name", "period", "value", "flag"])
    data = IndicatorValues(code="GEBURTEN", name="Lebendgeborene", unit="Personen", decimals=0, rows=rows,
                           home="05978", compare=(), land=None, peers=(), peers_label="",
                           subregions=("05978004", "05978008", "05978012"), sources=("IT.NRW",), method="",
                           names=NAMES)  # unit „Personen“: a count
    ids = (f"f{i}" for i in itertools.count(1))
    return indicator_module(IndicatorModule("GEBURTEN", chart="subregions"), data, (2016, 2016), lambda: next(ids))


def _chart_values(module) -> list[float | None]:
    return [v for b in module.blocks if isinstance(b, ChartFigure) for s in b.series for v in s.values]


def _texts(module) -> str:
    return " ".join(b.text for b in module.blocks if isinstance(b, Paragraph))


def test_a_small_count_is_hidden_in_the_bars_and_in_the_sentences_as_in_the_table():
    module = _module()
    assert 2.0 in _chart_values(module) and "Bönen" in _texts(module)  # unprotected, the count shows
    hidden = hidden_values(module)
    assert 2.0 in hidden
    # the table hides it the same way (every output prints the formatted table)
    assert any(c.suppressed for t in module.tables() for row in format_table(t).rows for c in row)
    assert protect(module) > 0
    assert not any(v is not None and math.isclose(v, 2.0) for v in _chart_values(module))
    assert "Bönen" not in _texts(module)
    # the sentence naming highest and lowest goes as a whole; the Kreis's own value stays
    assert "1.207 Personen" in _texts(module)


def test_nothing_changes_without_small_counts():
    module = _module({**VALUES, "05978004": 30.0})
    before = [b for b in module.blocks]
    assert protect(module) == 0 and module.blocks == before
