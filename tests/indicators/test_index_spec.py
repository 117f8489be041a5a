"""The composite index definition (kind = "index"): strict reading with German messages, defaults, and the
round trip through tomli_w (bildungsplaner.indicators.index_spec)."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest
import tomli_w

from bildungsplaner import UserInputError
from bildungsplaner.i18n import set_language
from bildungsplaner.indicators.index_spec import ClassSpec, IndexInput, IndexSpec, MinimumPopulation, RegionScope

ISSUE_EXAMPLE = """
format = 1
kind = "index"
code = "SOZIALINDEX"
name = "Sozialindex der Kreise"
regions = { level = "kreis", within = "05" }
year = 2015
standardize = "z"
aggregate = "sum"
restandardize = true
classes = { method = "sigma", breaks = [-1.0, 1.0, 1.5], labels = ["niedrig", "mittel", "hoch", "sehr hoch"] }
minimum_population = { indicator = "BEVOELKERUNGSSTAND", where = { Geschlecht = "Insgesamt" }, value = 300 }

[[input]]
indicator = "ABG_OHNE_HSA"
weight = 1.0
direction = 1

[[input]]
indicator = "ABG_AHR"
weight = 2
direction = -1
year = 2016
where = { Geschlecht = "Insgesamt" }
"""


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"format": 1, "kind": "index", "code": "IDX", "name": "Index",
                            "regions": {"level": "kreis"}, "year": 2015,
                            "classes": {"method": "quantile", "count": 5},
                            "input": [{"indicator": "A"}, {"indicator": "B", "direction": -1}]}
    data.update(changes)
    return data


def test_the_issue_example_is_read_as_written() -> None:
    spec = IndexSpec.from_dict(tomllib.loads(ISSUE_EXAMPLE))
    assert spec.code == "SOZIALINDEX"
    assert spec.regions == RegionScope("kreis", "05")
    assert spec.year == 2015
    assert (spec.standardize, spec.aggregate, spec.restandardize) == ("z", "sum", True)
    assert spec.classes == ClassSpec("sigma", breaks=(-1.0, 1.0, 1.5),
                                     labels=("niedrig", "mittel", "hoch", "sehr hoch"))
    assert spec.minimum_population == MinimumPopulation("BEVOELKERUNGSSTAND", 300.0, (("Geschlecht", "Insgesamt"),))
    assert spec.inputs == (IndexInput("ABG_OHNE_HSA", 1.0, 1),
                           IndexInput("ABG_AHR", 2.0, -1, 2016, (("Geschlecht", "Insgesamt"),)))
    assert spec.input_codes == ("ABG_OHNE_HSA", "ABG_AHR")
    assert [spec.input_year(i) for i in spec.inputs] == [2015, 2016]


def test_defaults() -> None:
    spec = IndexSpec.from_dict(minimal())
    assert (spec.standardize, spec.aggregate, spec.restandardize) == ("z", "sum", True)
    assert (spec.unit, spec.decimals, spec.minimum_population, spec.regions.within) == ("", None, None, None)
    assert spec.inputs[0] == IndexInput("A", weight=1.0, direction=1, year=None, where=())
    assert spec.classes.number_of_classes == 5


@pytest.mark.parametrize("classes", [
    {"method": "sigma", "breaks": [-1, 1]},
    {"method": "sigma", "breaks": [0.5], "labels": ["unten", "oben"]},
    {"method": "quantile", "count": 4, "labels": ["1", "2", "3", "4"]},
    {"method": "equal", "count": 3},
    {"method": "top-share", "top": 0.05, "count": 9},
])
def test_round_trip_through_tomli_w(classes: dict[str, Any]) -> None:
    spec = IndexSpec.from_dict(minimal(classes=classes, unit="Punkte", decimals=2, standardize="rank",
                                       aggregate="mean", restandardize=False,
                                       minimum_population={"indicator": "BEV", "value": 300}))
    assert IndexSpec.from_dict(spec.to_dict()) == spec
    text = tomli_w.dumps(spec.to_dict())
    assert IndexSpec.from_dict(tomllib.loads(text)) == spec
    # the pipeline's choices are always written, so a saved file says what it does
    assert {"standardize", "aggregate", "restandardize"} <= set(tomllib.loads(text))


def test_the_issue_example_round_trips() -> None:
    spec = IndexSpec.from_dict(tomllib.loads(ISSUE_EXAMPLE))
    written = tomli_w.dumps(spec.to_dict())
    assert IndexSpec.from_dict(tomllib.loads(written)) == spec
    data = tomllib.loads(written)
    assert data["format"] == 1 and data["kind"] == "index"
    assert data["input"][1] == {"indicator": "ABG_AHR", "weight": 2.0, "direction": -1, "year": 2016,
                                "where": {"Geschlecht": "Insgesamt"}}


def _without(key: str) -> dict[str, Any]:
    data = minimal()
    del data[key]
    return data


def _input(**changes: Any) -> dict[str, Any]:
    return minimal(input=[{"indicator": "A", **changes}, {"indicator": "B"}])


@pytest.mark.parametrize(("data", "message"), [
    (minimal(standardise="z"), "unbekannter Schlüssel „standardise“"),
    (_input(gewicht=2), "unbekannter Schlüssel „input[1].gewicht“"),
    (minimal(classes={"method": "equal", "count": 3, "bins": 3}), "unbekannter Schlüssel „classes.bins“"),
    (minimal(regions={"level": "kreis", "inside": "05"}), "unbekannter Schlüssel „regions.inside“"),
    (minimal(classes={"method": "sigma", "breaks": [-1.0, 1.0], "labels": ["a", "b"]}),
     "„classes.labels“ muss 3 Bezeichnungen haben (eine je Klasse), nicht 2."),
    (minimal(classes={"method": "quantile", "count": 3, "labels": ["a", "b"]}),
     "„classes.labels“ muss 3 Bezeichnungen haben"),
    (minimal(classes={"method": "sigma", "breaks": [0.0], "labels": ["a", "a"]}),
     "„classes.labels“ nennt eine Bezeichnung zweimal."),
    (minimal(classes={"method": "jenks", "count": 5}),
     "„classes.method“ muss eines von „sigma“, „quantile“, „equal“, „top-share“ sein, nicht 'jenks'."),
    (minimal(classes={"method": "sigma", "breaks": [1.0, -1.0]}), "„classes.breaks“ muss aufsteigend sortiert"),
    (minimal(classes={"method": "sigma", "breaks": [1.0, 1.0]}), "„classes.breaks“ muss aufsteigend sortiert"),
    (minimal(classes={"method": "sigma", "breaks": []}), "„classes.breaks“ ist leer"),
    (minimal(classes={"method": "sigma", "breaks": [0.0, "1"]}), "„classes.breaks[2]“ muss eine Zahl sein"),
    (minimal(classes={"method": "sigma", "breaks": [0.0], "count": 2}),
     "„classes.count“ gilt nicht bei method = \"sigma\"."),
    (minimal(classes={"method": "sigma"}), "„classes.breaks“ fehlt (bei method = \"sigma\")."),
    (minimal(classes={"method": "quantile", "count": 5, "breaks": [0.0]}), "„classes.breaks“ gilt nicht"),
    (minimal(classes={"method": "quantile"}), "„classes.count“ fehlt"),
    (minimal(classes={"method": "equal", "count": 1}), "„classes.count“ muss zwischen 2 und 100 liegen"),
    (minimal(classes={"method": "equal", "count": 5, "top": 0.1}), "„classes.top“ gilt nicht"),
    (minimal(classes={"method": "top-share", "count": 9}), "„classes.top“ fehlt"),
    (minimal(classes={"method": "top-share", "top": 0, "count": 9}), "„classes.top“ muss größer als 0"),
    (minimal(classes={"method": "top-share", "top": 1, "count": 9}), "„classes.top“ muss kleiner als 1"),
    (minimal(classes={"method": "top-share", "top": 5, "count": 9}), "„classes.top“ muss größer als 0 und "
                                                                      "höchstens 1 sein"),
    (_without("classes"), "„classes“ fehlt."),
    (_input(weight=0), "„input[1].weight“ muss größer als 0 sein, nicht 0.0."),
    (_input(weight=-1.5), "„input[1].weight“ muss größer als 0 sein"),
    (_input(weight="1"), "„input[1].weight“ muss eine Zahl sein"),
    (_input(direction=2), "„input[1].direction“ muss 1 oder -1 sein, nicht 2."),
    (_input(direction=-1.0), "„input[1].direction“ muss 1 oder -1 sein, nicht -1.0."),
    (_input(year="bald"), "„input[1].year“ muss eine Jahreszahl sein"),
    (_input(where={"Geschlecht": 1}), "„input[1].where“ muss eine Tabelle (z. B. { Geschlecht = \"Insgesamt\" })"),
    (minimal(input=[{"indicator": "A"}, {"indicator": "A", "year": 2014}]),
     "„input[2].indicator“ „A“ steht schon in input[1]; jedes Merkmal nur einmal."),
    (minimal(input=[]), "mindestens ein Abschnitt [[input]] ist nötig."),
    (minimal(input={"indicator": "A"}), "mindestens ein Abschnitt [[input]] ist nötig."),
    (_without("input"), "„input“ fehlt."),
    (minimal(input=[{"weight": 1.0}]), "„input[1].indicator“ fehlt."),
    (minimal(code="sozialindex"), "„code“ darf nur Großbuchstaben, Ziffern und „_“ enthalten, nicht „sozialindex“."),
    (minimal(code="SOZIAL-INDEX"), "„code“ darf nur Großbuchstaben"),
    (minimal(kind="indicator"), "„kind“ muss \"index\" sein, nicht \"indicator\"."),
    (_without("kind"), "„kind“ fehlt."),
    (minimal(format=2), "„format“ muss 1 sein, nicht 2."),
    (minimal(format=True), "„format“ muss 1 sein, nicht true."),
    (_without("year"), "„year“ fehlt."),
    (minimal(year=15), "„year“ muss eine Jahreszahl sein"),
    (minimal(standardize="zscore"), "„standardize“ muss eines von „z“, „minmax“, „rank“ sein, nicht 'zscore'."),
    (minimal(aggregate="product"), "„aggregate“ muss eines von „sum“, „mean“ sein"),
    (minimal(restandardize="ja"), "„restandardize“ muss true oder false sein"),
    (minimal(decimals=9), "„decimals“ muss zwischen 0 und 6 liegen"),
    (minimal(regions={"within": "05"}), "„regions.level“ fehlt."),
    (minimal(regions={"level": "kreis", "within": 5}), "„regions.within“ muss ein Text sein, nicht 5 (in "
                                                       "Anführungszeichen, sonst gehen führende Nullen verloren)."),
    (minimal(minimum_population={"indicator": "BEV", "value": -1}), "„minimum_population.value“ darf nicht negativ"),
    (minimal(minimum_population={"indicator": "BEV"}), "„minimum_population.value“ fehlt."),
    (minimal(minimum_population={"indicator": "BEV", "value": 300, "year": 2014}),
     "unbekannter Schlüssel „minimum_population.year“"),
])
def test_strict_errors_name_the_key(data: dict[str, Any], message: str) -> None:
    with pytest.raises(UserInputError) as info:
        IndexSpec.from_dict(data)
    text = str(info.value)
    assert text.startswith("Indexdefinition: "), text
    assert message in text, text


def test_reading_does_not_change_the_given_data() -> None:
    data = minimal(classes={"method": "sigma", "breaks": [1, 2]})
    before = copy.deepcopy(data)
    IndexSpec.from_dict(data)
    assert data == before


@pytest.mark.parametrize(("data", "message"), [
    (minimal(classes={"method": "sigma", "breaks": [-1.0, 1.0], "labels": ["a", "b"]}),
     "Index definition: “classes.labels” must have 3 labels (one per class), not 2."),
    (_input(weight=0), "Index definition: “input[1].weight” must be greater than 0, not 0.0."),
    (minimal(classes={"method": "jenks", "count": 5}),
     "Index definition: “classes.method” must be one of „sigma“, „quantile“, „equal“, „top-share“, not 'jenks'."),
    (_input(where={"Geschlecht": 1}), "must be a table (e.g. { Geschlecht = \"Insgesamt\" })"),
])
def test_the_messages_speak_english_when_asked(data: dict[str, Any], message: str) -> None:
    set_language("en")
    try:
        with pytest.raises(UserInputError) as info:
            IndexSpec.from_dict(data)
    finally:
        set_language("de")
    assert message in str(info.value)
