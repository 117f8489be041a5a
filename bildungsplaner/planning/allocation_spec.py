"""The allocation scenario file (format version 1, ``docs/PLANNING_ALLOCATION.md``): the spec classes, read
and written by the fields they declare (:mod:`bildungsplaner.formats`); the arithmetic is in
:mod:`bildungsplaner.planning.allocation`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bildungsplaner.formats import Field, Fields, Format, Table, write
from bildungsplaner.i18n import marked, tr
from bildungsplaner.planning.apportion import METHODS

__all__ = ["ALL_METHODS", "SCENARIO", "AllocationSpec", "Amount", "NeedTerm", "Recipients", "SourceRef"]

ALL_METHODS = (*METHODS, "exact")
SCENARIO = Format("Szenariodatei")
_TABLE = marked("eine Tabelle (z. B. { \"190500\" = 2.0 })")


@dataclass(frozen=True)
class SourceRef:
    """One value per recipient: ``attribute:NAME`` or ``indicator:CODE`` (with period and dimensions)."""

    source: str
    period: str | None = None
    dimensions: tuple[tuple[str, str], ...] = ()

    @property
    def column(self) -> str:
        """The recipients frame's column for this value."""
        extra = (f"@{self.period}" if self.period else "") + \
            ("[" + ",".join(f"{k}={v}" for k, v in self.dimensions) + "]" if self.dimensions else "")
        return self.source + extra

    @property
    def dimension_map(self) -> dict[str, str]:
        return dict(self.dimensions)


def _source(key: str) -> Callable[[Table, str], str]:
    def check(table: Table, text: str) -> str:
        kind, _, name = text.partition(":")
        if kind not in ("attribute", "indicator") or not name.strip():
            table.fail(key, tr("muss „attribute:NAME“ oder „indicator:CODE“ sein, nicht „{text}“.", text=text))
        return f"{kind}:{name.strip()}"
    return check


def _one_of(key: str, *choices: str) -> Callable[[Table, str], str]:
    def check(table: Table, value: str) -> str:
        if value not in choices:
            table.fail(key, tr("muss {choices} sein, nicht „{value}“.",
                               choices=tr(" oder ").join(tr("„{name}“", name=c) for c in choices), value=value))
        return value
    return check


def _dimensions(table: Table, value: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in value.items()))


@dataclass(frozen=True)
class NeedTerm:
    source: str
    weight: float
    times: str | None = None
    period: str | None = None
    dimensions: tuple[tuple[str, str], ...] = ()
    missing: str = "error"  #: "error" or "zero"

    FIELDS: ClassVar[Fields] = (
        Field("source", required=True, check=_source("source"), always=True),
        Field("weight", "number", required=True, low=0.0, always=True),
        Field("times", check=_source("times")),
        Field("period", "any", what=marked("ein Text wie \"2024\""),
            check=lambda t, v: str(v) if isinstance(v, str | int) and not isinstance(v, bool) else
            t.fail("period", tr("muss ein Text wie \"2024\" sein."))),
        Field("dimensions", "table", default=(), check=_dimensions, what=_TABLE),
        Field("missing", default="error", check=_one_of("missing", "error", "zero")))

    @property
    def refs(self) -> tuple[SourceRef, ...]:
        refs = [SourceRef(self.source, self.period, self.dimensions)]
        if self.times:
            refs.append(SourceRef(self.times, self.period, self.dimensions))
        return tuple(refs)

    @property
    def label(self) -> str:
        return self.source.split(":", 1)[1] + (f" × {self.times.split(':', 1)[1]}" if self.times else "")

    @classmethod
    def from_dict(cls, data: Any, number: int) -> NeedTerm:
        return cls(**SCENARIO.table(data, f"need[{number}]", cls.FIELDS).values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class Recipients:
    type: str  #: "facility" or "region"
    facility_kinds: tuple[str, ...] = ()
    region_level: str | None = None
    within: str | None = None

    FIELDS: ClassVar[Fields] = (
        Field("type", required=True, check=_one_of("type", "facility", "region"), always=True),
        Field("facility_kinds", "texts", default=(), single_ok=True, check=lambda t, v: tuple(v),
            always=lambda r: r.type == "facility"),
        Field("region_level"),
        Field("within", empty_ok=True, check=lambda t, v: v or None))

    @classmethod
    def from_dict(cls, data: Any) -> Recipients:
        table = SCENARIO.table(data, "recipients", cls.FIELDS)
        values = table.values
        if values["type"] == "region" and values["region_level"] is None:
            table.fail("region_level", tr("fehlt (bei type = \"region\")."))
        if values["type"] == "region" and values["facility_kinds"]:
            table.fail("facility_kinds", tr("gilt nur bei type = \"facility\"."))
        if values["type"] == "facility":
            values["region_level"] = None
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


def _locked(table: Table, value: dict[str, Any]) -> tuple[tuple[str, float], ...]:
    for key, amount in value.items():
        if isinstance(amount, bool) or not isinstance(amount, int | float) or not 0 <= amount < float("inf"):
            table.fail(f"locked.{key}", tr("muss eine Zahl ≥ 0 sein."))
    return tuple((str(k), float(v)) for k, v in value.items())


@dataclass(frozen=True)
class Amount:
    total: float
    unit: str = ""
    step: float = 1.0
    method: str = "hare-niemeyer"
    base: float = 0.0
    minimum: float = 0.0
    maximum: float | None = None
    locked: tuple[tuple[str, float], ...] = ()

    FIELDS: ClassVar[Fields] = (
        Field("total", "number", required=True, low=0.0, always=True),
        Field("unit", default="", empty_ok=True, always=True),
        Field("step", "number", default=1.0, always=True),
        Field("method", default="hare-niemeyer", always=True,
            check=lambda t, v: v if v in ALL_METHODS else t.fail(
                "method", tr("muss eines von {methods} sein, nicht „{value}“.", methods=", ".join(ALL_METHODS),
                             value=v))),
        Field("base", "number", default=0.0, low=0.0, always=True),
        Field("minimum", "number", default=0.0, low=0.0, always=True),
        Field("maximum", "number", low=0.0),
        Field("locked", "table", default=(), check=_locked, what=_TABLE))

    @classmethod
    def from_dict(cls, data: Any) -> Amount:
        table = SCENARIO.table(data, "amount", cls.FIELDS)
        step, base, minimum, maximum = (table[k] for k in ("step", "base", "minimum", "maximum"))
        if step <= 0:
            table.fail("step", tr("muss größer als 0 sein."))
        if maximum is not None and maximum < minimum:
            table.fail("maximum", tr("ist kleiner als „amount.minimum“."))
        if maximum is not None and base > maximum:
            table.fail("base", tr("ist größer als „amount.maximum“."))
        return cls(**table.values)

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS)


@dataclass(frozen=True)
class AllocationSpec:
    #: the scenario file's and the database's ``kind`` (the one place it is written down)
    kind: ClassVar[str] = "allocation"

    name: str
    recipients: Recipients
    need: tuple[NeedTerm, ...]
    amount: Amount

    FIELDS: ClassVar[Fields] = (
        Field("format", "any", default=1, check=lambda t, v: v if v == 1 else t.fail(
                  "format", tr("muss 1 sein, nicht {value}.", value=repr(v)))),
        Field("kind", "any", default="allocation", check=lambda t, v: v if v == "allocation" else t.fail(
                  "kind", tr("muss „allocation“ sein, nicht {value}.", value=repr(v)))),
        Field("name", required=True, always=True),
        Field("recipients", "section", required=True, always=True),
        Field("need", "any", always=True),
        Field("amount", "section", required=True, always=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AllocationSpec:
        table = SCENARIO.table(data, "", cls.FIELDS)
        terms = data.get("need")
        if not isinstance(terms, list) or not terms:
            SCENARIO.fail(tr("mindestens ein Abschnitt [[need]] ist nötig."))
        need = tuple(NeedTerm.from_dict(t, i) for i, t in enumerate(terms, start=1))
        if sum(t.weight for t in need) <= 0:
            SCENARIO.fail(tr("die Gewichte der [[need]]-Terme sind alle 0."))
        recipients = Recipients.from_dict(data["recipients"])
        if recipients.type == "region" and any(t.source.startswith("attribute:") or
                                               (t.times or "").startswith("attribute:") for t in need):
            SCENARIO.fail(tr("„attribute:…“ gibt es nur bei Einrichtungen (type = \"facility\")."))
        return cls(table["name"], recipients, need, Amount.from_dict(data["amount"]))

    def to_dict(self) -> dict[str, Any]:
        return write(self, self.FIELDS[2:], head={"format": 1, "kind": self.kind})
