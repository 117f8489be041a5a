"""The definition format: strict (unknown keys, wrong types, a formula over unknown names), round trip, and
the built-in catalogue reads by it."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w

from bildungsplaner import UserInputError
from bildungsplaner.i18n import set_language
from bildungsplaner.indicators.catalogue import catalogue, required_tables
from bildungsplaner.indicators.spec import IndicatorSpec

BASE = {"format": 1, "kind": "indicator", "code": "ANTEIL_U6", "name": "Anteil", "unit": "%",
        "formula": "100 * kinder / bev",
        "inputs": {"kinder": {"indicator": "BEV", "where": {"Geschlecht": "Insgesamt"}, "ages": "0-5"},
                   "bev": {"indicator": "BEV", "where": {"Geschlecht": "Insgesamt"}, "ages": "all",
                           "year_offset": -1}}}


def _with(**changes) -> dict:
    data = tomllib.loads(tomli_w.dumps(BASE))
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for p in parents:
            target = target[p]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return data


def test_round_trip_of_every_catalogue_entry() -> None:
    entries = catalogue()
    assert {"BQ_U3", "BQ_3_6", "JUGENDQUOTIENT", "ALTENQUOTIENT", "AUSLAENDERANTEIL", "ABG_OHNE_HSA",
            "ABG_AHR"} <= {e.code for e in entries}
    for entry in entries:
        text = tomli_w.dumps(entry.to_dict())
        assert IndicatorSpec.from_dict(tomllib.loads(text)) == entry
        assert entry.area and entry.tier and entry.purpose and entry.formula_text and entry.stichtag
        assert entry.sources and set(required_tables(entry)) <= set(entry.sources)
    bq = next(e for e in entries if e.code == "BQ_U3")
    assert bq.input("kinder").where_map == {"Art der Kindertagesbetreuung": "Insgesamt (ohne Doppelzählungen)"}
    assert bq.input("bev").year_offset == -1 and "100 %" in bq.caveats


@pytest.mark.parametrize(("data", "message"), [
    (_with(colour="rot"), "unbekannter Schlüssel „colour“"),
    (_with(inputs__bev__filter={"a": "b"}), "unbekannter Schlüssel „inputs.bev.filter“"),
    (_with(code="anteil"), "Großbuchstaben"),
    (_with(formula="100 * kinder / bevoelkerung"), "keine Eingabe dieses Namens"),
    (_with(formula="kinder ** 2"), "Potenz"),
    (_with(inputs__bev__ages="0-x"), "„inputs.bev.ages“"),
    (_with(inputs__bev__indicator=None), "genau eines von „indicator“"),
    (_with(inputs__bev__table="12411-04-02-4"), "genau eines von „indicator“"),
    (_with(inputs__bev__where={"Geschlecht": 1}), "„inputs.bev.where.Geschlecht“"),
    (_with(inputs__bev__year_offset=100), "zwischen -50 und 50"),
    (_with(name=None), "„name“ fehlt"),
    (_with(format=2), "„format“ muss 1 sein"),
    (_with(inputs={}), "mindestens eine Eingabe"),
])
def test_strict(data: dict, message: str) -> None:
    with pytest.raises(UserInputError, match=r"^Kennzahl-Definition: ") as info:
        IndicatorSpec.from_dict(data)
    assert message in str(info.value)


def test_the_messages_speak_english_when_asked() -> None:
    set_language("en")
    try:
        with pytest.raises(UserInputError, match=r"^Indicator definition: .*no input of that name"):
            IndicatorSpec.from_dict(_with(formula="100 * kinder / bevoelkerung"))
    finally:
        set_language("de")
