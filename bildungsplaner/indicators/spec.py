"""The definition of a computed indicator (TOML, ``format = 1``, ``kind = "indicator"``), read and written by
the fields it declares (:mod:`bildungsplaner.formats`, strict: unknown keys, wrong types and missing keys are
refused with ``Kennzahl-Definition: „…“ …``)::

    format = 1
    kind = "indicator"
    code = "ANTEIL_U6"                 # [A-Z0-9_], unique in the workspace
    name = "Anteil der Kinder unter 6 Jahren"
    unit = "%"
    decimals = 1
    formula = "100 * kinder / bev"     # + - * / ( ) numbers and input names
    [inputs.kinder]
    indicator = "BEVOELKERUNGSSTAND"   # an indicator code of the workspace … or table = "12411-04-02-4" with
    where = { Geschlecht = "Insgesamt" }   # measure = "Bevölkerungsstand" (the value column's label)
    ages = "0-5"
    year_offset = 0                    # -1: the value of year t−1 for result year t

The catalogue's texts (area, tier, purpose, formula in words, caveats, Stichtag, sources) are optional keys of
the same format, so a catalogue entry exported and imported again stays one file. ``from_dict(to_dict(s)) ==
s``. The formula is checked against the inputs' names when read (``formula.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bildungsplaner.formats import Field, Fields, Format, Table, write
from bildungsplaner.i18n import marked, tr
from bildungsplaner.indicators.ages import AgeError, age_request
from bildungsplaner.indicators.formula import FormulaError, parse_formula

__all__ = ["AREAS", "DEFINITION", "TIERS", "IndicatorSpec", "InputSpec", "parse_definition"]

DEFINITION = Format(marked("Kennzahl-Definition"))
#: Areas of the Anwendungsleitfaden zum kommunalen Bildungsmonitoring.
AREAS = {
    "A": "Rahmenbedingungen", "B": "Grundinformationen zu Bildung", "C": "Frühkindliche Bildung",
    "D": "Allgemeinbildende Schule", "E": "Berufliche Bildung", "F": "Hochschule",
    "G": "Weiterbildung", "H": "Non-formale Bildung", "I": "Übergreifende Themen",
}
TIERS = ("Kern", "Überblick", "Ergänzung")
_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,79}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _code(table: Table, value: str) -> str:
    if not _CODE.fullmatch(value):
        table.fail("code", tr("muss aus Großbuchstaben, Ziffern und _ bestehen und mit einem Buchstaben beginnen "
                              "(z. B. \"ANTEIL_U6\"), nicht „{value}“.", value=value))
    return value


def _one_of(key: str, *choices: str) -> Any:
    def check(table: Table, value: Any) -> Any:
        if value not in choices:
            table.fail(key, tr("muss eines von {choices} sein, nicht {value}.",
                               choices=", ".join(f"„{c}“" for c in choices), value=repr(value)))
        return value
    return check


def _where(table: Table, value: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    for key, item in value.items():
        if not isinstance(item, str) or not item.strip():
            table.fail(f"where.{key}", tr("muss ein Text sein (der Wert des Merkmals), nicht {value}.",
                                          value=repr(item)))
    return tuple(sorted((str(k).strip(), str(v).strip()) for k, v in value.items()))


def _ages(table: Table, value: str) -> str:
    try:
        age_request(value)
    except AgeError as exc:
        table.fail("ages", str(exc))
    return value


def _offset(table: Table, value: int) -> int:
    if not -50 <= value <= 50:
        table.fail("year_offset", tr("muss zwischen {low} und {high} liegen, nicht {value}.", low="-50", high="50",
                                     value=repr(value)))
    return value


@dataclass(frozen=True)
class InputSpec:
    """One input series: an indicator of the workspace or a GENESIS table + measure, filtered."""

    name: str
    indicator: str | None = None
    table: str | None = None
    measure: str | None = None
    where: tuple[tuple[str, str], ...] = ()
    ages: str | None = None
    year_offset: int = 0

    FIELDS: ClassVar[Fields] = (
        Field("indicator"), Field("table"), Field("measure"),
        Field("where", "table", default=(), check=_where, what="eine Tabelle (z. B. { Geschlecht = \"Insgesamt\" })"),
        Field("ages", check=_ages),
        Field("year_offset", "integer", default=0, check=_offset))

    @property
    def where_map(self) -> dict[str, str]:
        return dict(self.where)

    @property
    def source(self) -> str:
        """``indicator:CODE`` or ``table:CODE/measure`` (for lineage and messages)."""
        return f"indicator:{self.indicator}" if self.indicator else f"table:{self.table}/{self.measure or ''}"

    @classmethod
    def from_dict(cls, name: str, data: Any) -> InputSpec:
        table = DEFINITION.table(data, f"inputs.{name}", cls.FIELDS)
        if not _NAME.fullmatch(name):
            DEFINITION.fail(tr("„inputs.{name}“: der Name einer Eingabe besteht aus Buchstaben, Ziffern und _ "
                               "(er steht so in der Formel).", name=name))
        values = table.values
        if bool(values["indicator"]) == bool(values["table"]):
            DEFINITION.fail(tr("„inputs.{name}“ braucht genau eines von „indicator“ (Code eines Indikators) oder "
                               "„table“ (GENESIS-Tabellencode mit „measure“).", name=name))
        if values["table"] and not values["measure"]:
            table.fail("measure", tr("fehlt (bei „table“: die Bezeichnung der Wertspalte, z. B. \"Betreute "
                                     "Kinder\")."))
        if values["indicator"] and values["measure"]:
            table.fail("measure", tr("gilt nur zusammen mit „table“."))
        return cls(name=name, **values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    formula: str
    inputs: tuple[InputSpec, ...]
    unit: str = ""
    decimals: int = 1
    description: str = ""
    area: str | None = None
    tier: str | None = None
    purpose: str = ""
    formula_text: str = ""
    caveats: str = ""
    stichtag: str = ""
    sources: tuple[str, ...] = ()

    FIELDS: ClassVar[Fields] = (
        Field("format", "any", default=1, check=lambda t, v: v if v == 1 else t.fail(
            "format", tr("muss {expected} sein, nicht {value}.", expected="1", value=repr(v)))),
        Field("kind", "any", default="indicator", check=_one_of("kind", "indicator")),
        Field("code", required=True, check=_code, always=True),
        Field("name", required=True, always=True),
        Field("unit", default="", empty_ok=True, always=True),
        Field("decimals", "integer", default=1, always=True,
              check=lambda t, v: v if 0 <= v <= 6 else t.fail("decimals", tr(
                  "muss zwischen {low} und {high} liegen, nicht {value}.", low="0", high="6", value=repr(v)))),
        Field("formula", required=True, always=True),
        Field("description", default="", empty_ok=True),
        Field("area", check=_one_of("area", *AREAS)),
        Field("tier", check=_one_of("tier", *TIERS)),
        Field("purpose", default="", empty_ok=True),
        Field("formula_text", default="", empty_ok=True),
        Field("caveats", default="", empty_ok=True),
        Field("stichtag", default="", empty_ok=True),
        Field("sources", "texts", default=(), single_ok=True, check=lambda t, v: tuple(v)),
        Field("inputs", "section", required=True, always=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndicatorSpec:
        values = DEFINITION.table(data, "", cls.FIELDS).values
        raw = values.pop("inputs")
        if not raw:
            DEFINITION.fail(tr("„inputs“ braucht mindestens eine Eingabe ([inputs.NAME])."))
        inputs = tuple(InputSpec.from_dict(str(name), item) for name, item in raw.items())
        values.pop("format")
        values.pop("kind")
        try:
            parse_formula(values["formula"], [i.name for i in inputs])
        except FormulaError as exc:
            DEFINITION.fail(tr("„formula“: {error}", error=str(exc)))
        return cls(inputs=inputs, **values)

    def to_dict(self) -> dict[str, Any]:
        fields = [f for f in self.FIELDS if f.name not in ("format", "kind", "inputs")]
        data = write(self, fields, head={"format": 1, "kind": "indicator"})
        data["inputs"] = {i.name: i.to_dict() for i in self.inputs}
        return data

    def input(self, name: str) -> InputSpec:
        return next(i for i in self.inputs if i.name == name)


def parse_definition(text: str) -> dict[str, Any]:
    """The TOML text as a table; a syntax error becomes a German message with the line."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        DEFINITION.fail(tr("die Datei ist kein gültiges TOML ({error}).", error=str(exc)))
