"""The composite index definition (``kind = "index"``, format version 1, issue 12 point 3): the spec classes,
read strictly and written by the fields they declare (:mod:`bildungsplaner.formats`); the arithmetic is in
:mod:`bildungsplaner.indicators.index`. Qt-free.

Rules (every message starts with the format's label „Indexdefinition: “ and names the key; the texts go
through :func:`~bildungsplaner.i18n.tr`, English in ``i18n/en_indicators.py``):

* ``format = 1`` and ``kind = "index"`` are required; unknown keys anywhere are errors.
* ``code`` is upper-case letters, digits and ``_``; ``regions = { level, within }``; ``year`` is the default
  year of every input (an input may name its own ``year``).
* ``standardize`` is ``"z"`` (default), ``"minmax"`` or ``"rank"``; ``aggregate`` ``"sum"`` (default) or
  ``"mean"``; ``restandardize`` (default ``true``) z-standardizes the aggregate again. These three are always
  written, so a saved file says what it does.
* ``classes`` (required) is one of ``{ method = "sigma", breaks = [...] }`` (strictly increasing, at least
  one; class k holds v with breaks[k−1] < v ≤ breaks[k]), ``{ method = "quantile", count = n }``,
  ``{ method = "equal", count = n }``, ``{ method = "top-share", top = 0.05, count = 9 }`` (0 < top < 1);
  ``count`` is 2 to 100. ``labels`` is optional for every method; when given there is one per class
  (len(breaks) + 1 for sigma, else ``count``), each different. Keys of another method are errors.
* ``minimum_population = { indicator, where, value }``: regions whose value is below ``value`` are excluded.
* ``[[input]]``: at least one; ``indicator`` (each code only once, since the raw values arrive as one column
  per code), ``weight`` > 0 (default 1), ``direction`` 1 or −1 (default 1), optional ``year`` and ``where``
  (dimension = value). Weight and direction are always written.

``IndexSpec.from_dict(spec.to_dict()) == spec``, and ``to_dict`` gives plain dicts, lists, numbers and texts
that ``tomli_w`` writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar

from bildungsplaner.formats import Field, Fields, Format, Table, write
from bildungsplaner.i18n import marked, tr

__all__ = ["AGGREGATES", "CLASS_METHODS", "INDEX", "STANDARDIZE", "ClassSpec", "IndexInput", "IndexSpec",
           "MinimumPopulation", "RegionScope"]

INDEX = Format(marked("Indexdefinition"))
STANDARDIZE = ("z", "minmax", "rank")
AGGREGATES = ("sum", "mean")
CLASS_METHODS = ("sigma", "quantile", "equal", "top-share")
MAX_CLASSES = 100
_CODE = re.compile(r"[A-Z0-9_]+")
_WHERE = marked("eine Tabelle (z. B. { Geschlecht = \"Insgesamt\" })")

Pairs = tuple[tuple[str, str], ...]


def _one_of(key: str, choices: tuple[str, ...]) -> Callable[[Table, Any], Any]:
    def check(table: Table, value: Any) -> Any:
        if value not in choices:
            table.fail(key, tr("muss eines von {choices} sein, nicht {value}.",
                               choices=", ".join(f"„{c}“" for c in choices), value=repr(value)))
        return value
    return check


def _constant(key: str, expected: Any) -> Callable[[Table, Any], Any]:
    def check(table: Table, value: Any) -> Any:
        if value != expected or isinstance(value, bool):
            table.fail(key, tr("muss {expected} sein, nicht {value}.", expected=_toml(expected), value=_toml(value)))
        return value
    return check


def _toml(value: Any) -> str:
    """A value as TOML writes it (``"index"``, ``1``, ``true``), for messages that quote the file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"\"{value}\"" if isinstance(value, str) else repr(value)


def _between(low: int, high: int, value: Any) -> str:
    return tr("muss zwischen {low} und {high} liegen, nicht {value}.", low=str(low), high=str(high), value=repr(value))


def _pairs(table: Table, value: dict[str, str]) -> Pairs:
    return tuple(sorted((str(k), v.strip()) for k, v in value.items()))


def _code(table: Table, value: str) -> str:
    if not _CODE.fullmatch(value):
        table.fail("code", tr("darf nur Großbuchstaben, Ziffern und „_“ enthalten, nicht „{value}“.", value=value))
    return value


@dataclass(frozen=True)
class RegionScope:
    """The regions the index compares: every region of ``level`` (within the region ``within``, if given)."""

    level: str
    within: str | None = None

    FIELDS: ClassVar[Fields] = (
        Field("level", required=True, always=True),
        Field("within", empty_ok=True, check=lambda t, v: v or None))

    @classmethod
    def from_dict(cls, data: Any) -> RegionScope:
        return cls(**INDEX.table(data, "regions", cls.FIELDS).values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class ClassSpec:
    """How index values become classes (1 = lowest). ``breaks`` only for sigma, ``count`` for the others,
    ``top`` only for top-share; ``labels`` optional (one per class)."""

    method: str
    breaks: tuple[float, ...] = ()
    count: int | None = None
    top: float | None = None
    labels: tuple[str, ...] = ()

    FIELDS: ClassVar[Fields] = (
        Field("method", required=True, always=True, check=_one_of("method", CLASS_METHODS)),
        Field("breaks", "list", default=(), what=marked("eine Liste von Zahlen (z. B. [-1.0, 1.0])")),
        Field("count", "integer"),
        Field("top", "number", low=0.0, high=1.0, low_open=True),
        Field("labels", "texts", default=(), check=lambda t, v: tuple(v)))

    @property
    def number_of_classes(self) -> int:
        return len(self.breaks) + 1 if self.method == "sigma" else int(self.count or 0)

    @classmethod
    def from_dict(cls, data: Any) -> ClassSpec:
        table = INDEX.table(data, "classes", cls.FIELDS)
        values = table.values
        method = values["method"]
        allowed = {"sigma": ("breaks",), "quantile": ("count",), "equal": ("count",),
                   "top-share": ("count", "top")}[method]
        for key in ("breaks", "count", "top"):
            given = key in data
            if given and key not in allowed:
                table.fail(key, tr("gilt nicht bei method = \"{method}\".", method=method))
            if not given and key in allowed:
                table.fail(key, tr("fehlt (bei method = \"{method}\").", method=method))
        if method == "sigma":
            breaks = tuple(INDEX.number(b, f"„{table.path('breaks')}[{i}]“")
                           for i, b in enumerate(values["breaks"], start=1))
            if not breaks:
                table.fail("breaks", tr("ist leer; mindestens eine Grenze ist nötig."))
            if any(b >= c for b, c in pairwise(breaks)):
                table.fail("breaks", tr("muss aufsteigend sortiert sein, jede Grenze größer als die vorige."))
            values["breaks"] = breaks
        else:
            count = values["count"]
            if not 2 <= count <= MAX_CLASSES:
                table.fail("count", _between(2, MAX_CLASSES, count))
            if method == "top-share" and values["top"] >= 1:
                table.fail("top", tr("muss kleiner als 1 sein (ein Anteil wie 0.05), nicht {value}.",
                                     value=repr(values["top"])))
        spec = cls(**values)
        labels = spec.labels
        if labels and len(labels) != spec.number_of_classes:
            table.fail("labels", tr("muss {count} Bezeichnungen haben (eine je Klasse), nicht {given}.",
                                    count=str(spec.number_of_classes), given=str(len(labels))))
        if len(set(labels)) < len(labels):
            table.fail("labels", tr("nennt eine Bezeichnung zweimal."))
        return spec

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class MinimumPopulation:
    """Regions whose ``indicator`` value (filtered by ``where``) is below ``value`` are left out and listed."""

    indicator: str
    value: float
    where: Pairs = ()

    FIELDS: ClassVar[Fields] = (
        Field("indicator", required=True, always=True),
        Field("where", "texttable", default=(), check=_pairs, what=_WHERE),
        Field("value", "number", required=True, low=0.0, always=True))

    @property
    def where_map(self) -> dict[str, str]:
        return dict(self.where)

    @classmethod
    def from_dict(cls, data: Any) -> MinimumPopulation:
        return cls(**INDEX.table(data, "minimum_population", cls.FIELDS).values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class IndexInput:
    """One indicator of the index: its weight (> 0), its direction (1: higher = more need, −1: less), an
    optional year (else the index's) and filter."""

    indicator: str
    weight: float = 1.0
    direction: int = 1
    year: int | None = None
    where: Pairs = ()

    FIELDS: ClassVar[Fields] = (
        Field("indicator", required=True, always=True),
        Field("weight", "number", default=1.0, always=True,
              check=lambda t, v: v if v > 0 else t.fail("weight", tr("muss größer als 0 sein, nicht {value}.",
                                                                     value=repr(v)))),
        Field("direction", "integer", default=1, always=True, what=marked("1 oder -1"),
              check=lambda t, v: v if v in (1, -1) else t.fail("direction", tr("muss 1 oder -1 sein, nicht {value}.",
                                                                                value=repr(v)))),
        Field("year", "year"),
        Field("where", "texttable", default=(), check=_pairs, what=_WHERE))

    @property
    def where_map(self) -> dict[str, str]:
        return dict(self.where)

    @classmethod
    def from_dict(cls, data: Any, number: int) -> IndexInput:
        return cls(**INDEX.table(data, f"input[{number}]", cls.FIELDS).values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class IndexSpec:
    """A composite index: inputs standardized over the regions in scope, weighted, aggregated, classed."""

    code: str
    name: str
    regions: RegionScope
    year: int
    classes: ClassSpec
    inputs: tuple[IndexInput, ...]
    unit: str = ""
    decimals: int | None = None
    standardize: str = "z"
    aggregate: str = "sum"
    restandardize: bool = True
    minimum_population: MinimumPopulation | None = None

    FIELDS: ClassVar[Fields] = (
        Field("format", "any", required=True, check=_constant("format", 1)),
        Field("kind", "any", required=True, check=_constant("kind", "index")),
        Field("code", required=True, always=True, check=_code),
        Field("name", required=True, always=True),
        Field("unit", default="", empty_ok=True),
        Field("decimals", "integer", check=lambda t, v: v if 0 <= v <= 6 else t.fail("decimals", _between(0, 6, v))),
        Field("regions", "section", required=True, always=True),
        Field("year", "year", required=True, always=True),
        Field("standardize", default="z", always=True, check=_one_of("standardize", STANDARDIZE)),
        Field("aggregate", default="sum", always=True, check=_one_of("aggregate", AGGREGATES)),
        Field("restandardize", "bool", default=True, always=True),
        Field("classes", "section", required=True, always=True),
        Field("minimum_population", "section"),
        Field("input", "any", required=True, always=True, attr="inputs"))

    @property
    def input_codes(self) -> tuple[str, ...]:
        """The indicator codes of the inputs, in order: the columns ``compute_index`` expects."""
        return tuple(i.indicator for i in self.inputs)

    def input_year(self, item: IndexInput) -> int:
        """The year an input is read for."""
        return item.year if item.year is not None else self.year

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndexSpec:
        table = INDEX.table(data, "", cls.FIELDS)
        items = data["input"]
        if not isinstance(items, list) or not items:
            INDEX.fail(tr("mindestens ein Abschnitt [[input]] ist nötig."))
        inputs = tuple(IndexInput.from_dict(item, number) for number, item in enumerate(items, start=1))
        seen: dict[str, int] = {}
        for number, item in enumerate(inputs, start=1):
            if item.indicator in seen:
                first = seen[item.indicator]
                INDEX.fail(tr("„input[{number}].indicator“ „{indicator}“ steht schon in input[{first}]; jedes Merkmal "
                              "nur einmal.", number=str(number), indicator=item.indicator, first=str(first)))
            seen[item.indicator] = number
        minimum = table["minimum_population"]
        values = {k: v for k, v in table.values.items() if k not in ("format", "kind")}
        values.update(regions=RegionScope.from_dict(table["regions"]), classes=ClassSpec.from_dict(table["classes"]),
                      inputs=inputs,
                      minimum_population=None if minimum is None else MinimumPopulation.from_dict(minimum))
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS[2:], head={"format": 1, "kind": "index"})
