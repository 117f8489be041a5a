"""The demand scenario file (format version 1, ``docs/PLANNING_DEMAND.md``): the spec classes, read and
written by the fields they declare (:mod:`bildungsplaner.formats`); the forecast is in
:mod:`bildungsplaner.planning.demand`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from bildungsplaner.formats import Field, Fields, Format, Table, write
from bildungsplaner.i18n import marked, tr
from bildungsplaner.planning.ages import MAX_AGE, format_ages

__all__ = ["FORMAT", "GANZTAG_AGES", "SCENARIO", "Capacity", "DemandLine", "DemandSpec", "PopulationSpec", "Regions",
           "YearTable", "entitled_grades"]

FORMAT = 1
SCENARIO = Format("Szenariodatei")
#: Grades 1-4 ≈ ages 6-9 (grade g ≈ age 5 + g).
GANZTAG_AGES = (6, 7, 8, 9)
_BIRTHS = re.compile(r"mean-(\d{1,2})|last")


def entitled_grades(year: int) -> int:
    """Highest grade with a Ganztag entitlement in school year ``year``/``year+1`` (GaFöG phase-in); 0: none."""
    return max(0, min(4, year - 2025))


@dataclass(frozen=True)
class YearTable:
    """Values given for some years: linear in between, constant before the first and after the last year."""

    points: tuple[tuple[int, float], ...]

    def at(self, years: np.ndarray | Sequence[int]) -> np.ndarray:
        xs = np.array([p[0] for p in self.points], dtype=float)
        ys = np.array([p[1] for p in self.points], dtype=float)
        return np.interp(np.asarray(years, dtype=float), xs, ys)

    def to_dict(self) -> dict[str, float]:
        return {str(year): value for year, value in self.points}


def _by_year(key: str, low: float, high: float) -> Callable[[Table, Any], float | YearTable]:
    """A number, or a table year = number (a :class:`YearTable`), each within ``low``..``high``."""
    def check(table: Table, value: Any) -> float | YearTable:
        where = tr("„{name}“", name=table.path(key))
        if not isinstance(value, Mapping):
            return SCENARIO.number(value, where, low, high)
        if not value:
            table.fail(key, tr("ist eine leere Tabelle."))
        points = sorted((SCENARIO.year(y, tr("{where} (Jahr {year})", where=where, year=repr(y))),
                         SCENARIO.number(v, tr("{where} für {year}", where=where, year=y), low, high))
                        for y, v in value.items())
        if len({y for y, _ in points}) < len(points):
            table.fail(key, tr("nennt ein Jahr zweimal."))
        return YearTable(tuple(points))
    return check


def _ages(table: Table, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list | tuple) or not value or any(
            isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= MAX_AGE for a in value):
        table.fail("ages", tr("muss eine Liste von Altersjahren sein (z. B. [1, 2]), nicht {value}.",
                              value=repr(value)))
    if len(set(value)) < len(value):
        table.fail("ages", tr("nennt ein Alter zweimal."))
    return tuple(sorted(value))


def _births(table: Table, value: Any) -> str | float | YearTable:
    if not isinstance(value, str):
        return _by_year("births", 0.0, 1e9)(table, value)
    match = _BIRTHS.fullmatch(value.strip())
    if match is None or (match.group(1) is not None and int(match.group(1)) < 1):
        table.fail("births", tr("muss „mean-3“, „last“, eine Zahl oder eine Tabelle Jahr = Zahl sein, nicht „{value}“.",
                                value=value))
    return value.strip()


@dataclass(frozen=True)
class Regions:
    level: str
    within: str | None = None

    FIELDS: ClassVar[Fields] = (Field("level", required=True, always=True), Field("within"))


@dataclass(frozen=True)
class Capacity:
    """Where the places come from: a facility attribute summed per region over facilities of these kinds."""

    attribute: str
    facility_kinds: tuple[str, ...] = ()

    FIELDS: ClassVar[Fields] = (Field("facility_kinds", "texts", default=(), check=lambda t, v: tuple(v)),
                                Field("attribute", required=True, always=True))

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class PopulationSpec:
    indicator: str
    horizon: int
    dimensions: tuple[tuple[str, str], ...] = ()
    base_year: int | None = None
    births: str | float | YearTable = "mean-3"
    survival: float = 1.0
    age_dimension: str | None = None

    FIELDS: ClassVar[Fields] = (
        Field("indicator", required=True, always=True),
        Field("dimensions", "table", default=(), what=marked("eine Tabelle Merkmal = \"Wert\" (z. B. { Geschlecht = "
              "\"Insgesamt\" })"), check=lambda t, v: tuple(sorted((str(k), x) for k, x in v.items()))
              if all(isinstance(x, str) for x in v.values()) else t.fail(
                  "dimensions", tr("muss eine Tabelle Merkmal = \"Wert\" sein (z. B. {{ Geschlecht = "
                                   "\"Insgesamt\" }}), nicht {value}.", value=repr(v)))),
        Field("age_dimension"),
        Field("base_year", "year"),
        Field("horizon", "year", required=True, always=True),
        Field("births", "any", default="mean-3", check=_births, always=True),
        Field("survival", "number", default=1.0, low=0.0, high=2.0, low_open=True, always=True))

    @property
    def dimension_map(self) -> dict[str, str]:
        return dict(self.dimensions)


@dataclass(frozen=True)
class DemandLine:
    name: str
    ages: tuple[int, ...]
    rate: float | YearTable
    ganztag_entitlement: bool = False
    capacity: Capacity | None = None
    #: Ganztag only: the participation rate of the grades not yet entitled (``None``: the same as ``rate``)
    rate_before_entitlement: float | YearTable | None = None

    FIELDS: ClassVar[Fields] = (
        Field("name", required=True, always=True),
        Field("ganztag_entitlement", "bool", default=False),
        Field("ages", "any", check=_ages, always=True),
        Field("rate", "any", required=True, check=_by_year("rate", 0.0, 1.0), always=True),
        Field("rate_before_entitlement", "any", check=_by_year("rate_before_entitlement", 0.0, 1.0)),
        Field("capacity", "section", check=lambda t, v: Capacity(**SCENARIO.table(
            v, t.path("capacity"), Capacity.FIELDS).values)))

    def entitled_ages(self, year: int) -> tuple[int, ...]:
        """The ages with a Ganztag entitlement in school year ``year``/``year+1`` (GaFöG phase-in); a line
        without ``ganztag_entitlement`` has none."""
        if not self.ganztag_entitlement:
            return ()
        return tuple(a for a in self.ages if a - 5 <= entitled_grades(year))

    @property
    def rate_before(self) -> float | YearTable:
        """The rate of the not yet entitled grades (``rate_before_entitlement``, by default ``rate``)."""
        return self.rate if self.rate_before_entitlement is None else self.rate_before_entitlement

    def method_text(self) -> str:
        """The line's arithmetic in words (for the method sheet of an export)."""
        if not self.ganztag_entitlement:
            return "Bedarf = Kinder × Quote"
        before = ("dieselbe Quote (rate_before_entitlement nicht angegeben)" if self.rate_before_entitlement is None
                  else "eine eigene Quote (rate_before_entitlement)")
        return ("Bedarf = Kinder mit Rechtsanspruch × Quote + Kinder der Klassen noch ohne Rechtsanspruch × Quote "
                f"vor dem Rechtsanspruch; für die Klassen ohne Rechtsanspruch gilt {before}; Bedarf und Plätze "
                "umfassen so dieselben Klassenstufen")

    @classmethod
    def from_dict(cls, data: Any, number: int) -> DemandLine:
        table = SCENARIO.table(data, f"demand[{number}]", cls.FIELDS)
        values = table.values
        ganztag = values["ganztag_entitlement"]
        if values["rate_before_entitlement"] is not None and not ganztag:
            table.fail("rate_before_entitlement", tr("(die Teilnahmequote der Klassen noch ohne Rechtsanspruch) gilt "
                                                     "nur zusammen mit „ganztag_entitlement = true“."))
        if values["ages"] is None and not ganztag:
            table.fail("ages", tr("fehlt."))
        values["ages"] = values["ages"] or GANZTAG_AGES
        if ganztag and not set(values["ages"]) <= set(GANZTAG_AGES):
            SCENARIO.fail(tr("„{name}“: der Ganztagsanspruch gilt für die Klassen 1–4, also die Alter 6–9, nicht "
                             "{ages}.", name=table.path("ages"), ages=format_ages(values["ages"])))
        return cls(**values)


@dataclass(frozen=True)
class DemandSpec:
    """A demand scenario (format version 1); see ``docs/PLANNING_DEMAND.md``."""

    #: the scenario file's and the database's ``kind`` (the one place it is written down)
    kind: ClassVar[str] = "demand"

    name: str
    regions: Regions
    population: PopulationSpec
    demand: tuple[DemandLine, ...]

    FIELDS: ClassVar[Fields] = (
        Field("format", "any", default=FORMAT, check=lambda t, v: v if v == FORMAT else t.fail(
            "format", tr("muss {format} sein, nicht {value}.", format=FORMAT, value=repr(v)))),
        Field("kind", "any", default="demand", check=lambda t, v: v if v == "demand" else t.fail(
            "kind", tr("muss „demand“ sein, nicht {value}.", value=repr(v)))),
        Field("name", required=True, always=True),
        Field("regions", "section", required=True, always=True,
              check=lambda t, v: Regions(**SCENARIO.table(v, "regions", Regions.FIELDS).values)),
        Field("population", "section", required=True, always=True),
        Field("demand", "any", required=True, always=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DemandSpec:
        """The spec of an already parsed TOML document (``docs/PLANNING_DEMAND.md``)."""
        table = SCENARIO.table(data, "", cls.FIELDS)
        population = SCENARIO.table(data["population"], "population", PopulationSpec.FIELDS)
        base_year, horizon = population["base_year"], population["horizon"]
        if base_year is not None and horizon < base_year:
            population.fail("horizon", tr("({horizon}) liegt vor „population.base_year“ ({base_year}).",
                                          horizon=str(horizon), base_year=str(base_year)))
        lines = data["demand"]
        if isinstance(lines, Mapping):
            lines = [lines]
        if not isinstance(lines, list) or not lines:
            SCENARIO.fail(tr("mindestens ein [[demand]]-Block ist nötig."))
        parsed = tuple(DemandLine.from_dict(line, i) for i, line in enumerate(lines, start=1))
        names = [line.name for line in parsed]
        doubled = next((n for n in names if names.count(n) > 1), None)
        if doubled is not None:
            SCENARIO.fail(tr("zwei [[demand]]-Blöcke heißen „{name}“ (demand.name).", name=doubled))
        return cls(table["name"], table["regions"], PopulationSpec(**population.values), parsed)

    def to_dict(self) -> dict[str, Any]:
        """The TOML document (keys with default or no value are left out); ``from_dict`` gives ``self`` back."""
        return {"format": FORMAT, "kind": self.kind, "name": self.name,
                "regions": write(self.regions, Regions.FIELDS),
                "population": write(self.population, PopulationSpec.FIELDS),
                "demand": [write(line, DemandLine.FIELDS) for line in self.demand]}

    def ages_needed(self) -> tuple[int, ...]:
        """Every single year of age from 0 up to the oldest age of a demand line (cohorts age through them)."""
        return tuple(range(max(a for line in self.demand for a in line.ages) + 1))
