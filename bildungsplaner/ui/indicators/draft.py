"""The definition editor's document: a Kennzahl definition as the user is typing it (Qt-free).

Rules:

* A :class:`Draft` may be invalid (an empty code, a formula with an unknown name): the editor shows it and the
  live check (:func:`~bildungsplaner.services.indicators.check_definition`) says what is wrong, in German. So
  the draft is not an :class:`~bildungsplaner.indicators.spec.IndicatorSpec` (which refuses such states); it
  writes the same TOML (``format = 1``, ``kind = "indicator"``), and that text is what is checked and saved.
* Frozen: each edit gives a new draft, the undo stack keeps states.
* Empty fields are left out of the TOML, so the check names the missing key; the catalogue's texts (area, tier,
  purpose, formula in words, caveats, Stichtag, sources, description) are kept as they were read
  (``extra``), so a catalogue entry copied into an own definition keeps its explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import tomli_w

from bildungsplaner.indicators.spec import parse_definition

__all__ = ["Draft", "InputDraft"]

_EXTRA = ("description", "area", "tier", "purpose", "formula_text", "caveats", "stichtag", "sources")


@dataclass(frozen=True)
class InputDraft:
    """One input: an indicator code, or a GENESIS table with its value column; filters, ages, offset."""

    name: str = ""
    indicator: str = ""
    table: str = ""
    measure: str = ""
    where: tuple[tuple[str, str], ...] = ()
    ages: str = ""
    year_offset: int = 0

    def with_filter(self, dimension: str, value: str | None) -> InputDraft:
        """``value`` None: the dimension is not filtered (its total is used)."""
        where = dict(self.where)
        if value is None:
            where.pop(dimension, None)
        else:
            where[dimension] = value
        return replace(self, where=tuple(sorted(where.items())))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.table:
            data["table"] = self.table
            if self.measure:
                data["measure"] = self.measure
        elif self.indicator:
            data["indicator"] = self.indicator
        if self.where:
            data["where"] = dict(self.where)
        if self.ages:
            data["ages"] = self.ages
        if self.year_offset:
            data["year_offset"] = self.year_offset
        return data

    @classmethod
    def from_dict(cls, name: str, data: Any) -> InputDraft:
        if not isinstance(data, dict):
            return cls(name=name)
        where = data.get("where") or {}
        return cls(name=name, indicator=str(data.get("indicator") or ""), table=str(data.get("table") or ""),
                   measure=str(data.get("measure") or ""),
                   where=tuple(sorted((str(k), str(v)) for k, v in where.items())) if isinstance(where, dict)
                   else (), ages=str(data.get("ages") or ""),
                   year_offset=int(data.get("year_offset") or 0))


@dataclass(frozen=True)
class Draft:
    code: str = ""
    name: str = ""
    unit: str = ""
    decimals: int = 1
    formula: str = ""
    inputs: tuple[InputDraft, ...] = ()
    #: the catalogue's texts, kept as read (key, value)
    extra: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": 1, "kind": "indicator"}
        for key in ("code", "name"):
            if getattr(self, key).strip():
                data[key] = getattr(self, key).strip()
        data["unit"] = self.unit.strip()
        data["decimals"] = self.decimals
        if self.formula.strip():
            data["formula"] = self.formula.strip()
        for key, value in self.extra:
            data[key] = list(value) if isinstance(value, tuple) else value
        data["inputs"] = {i.name: i.to_dict() for i in self.inputs}
        return data

    def to_toml(self) -> str:
        return tomli_w.dumps(self.to_dict())

    @classmethod
    def from_toml(cls, text: str) -> Draft:
        """Read a definition (the fields this editor knows; the rest is checked when saved)."""
        return cls.from_dict(parse_definition(text))  # a syntax error: German, with the line

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        inputs = data.get("inputs") or {}
        try:
            decimals = int(data.get("decimals", 1))
        except (TypeError, ValueError):
            decimals = 1
        return cls(code=str(data.get("code") or ""), name=str(data.get("name") or ""),
                   unit=str(data.get("unit") or ""), decimals=decimals, formula=str(data.get("formula") or ""),
                   inputs=tuple(InputDraft.from_dict(str(k), v) for k, v in inputs.items())
                   if isinstance(inputs, dict) else (),
                   extra=tuple((k, tuple(data[k]) if isinstance(data[k], list) else data[k]) for k in _EXTRA
                               if k in data))

    def with_extra(self, key: str, value: str) -> Draft:
        """One of the catalogue's texts set (an empty text removes the key)."""
        extra = [(k, v) for k, v in self.extra if k != key]
        if value.strip():
            extra.append((key, value))
        order = {k: n for n, k in enumerate(_EXTRA)}
        return replace(self, extra=tuple(sorted(extra, key=lambda kv: order.get(kv[0], 99))))

    def with_input(self, number: int, item: InputDraft) -> Draft:
        inputs = list(self.inputs)
        inputs[number] = item
        return replace(self, inputs=tuple(inputs))

    def without_input(self, number: int) -> Draft:
        return replace(self, inputs=tuple(i for n, i in enumerate(self.inputs) if n != number))

    def new_input_name(self) -> str:
        names = {i.name for i in self.inputs}
        number = len(self.inputs) + 1
        while f"e{number}" in names:
            number += 1
        return f"e{number}"
