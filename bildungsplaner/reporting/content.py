"""One indicator module of the report from the indicator's values: tables, figures, sentences, method box — pure.

The service (``services/reports.py``) reads the values (``services.indicators.compute``: one row per region and
period), decides which regions are the home region's peers and sub-regions and, for a map, draws nothing but
collects ``services.maps.map_data``; :func:`indicator_module` turns that into a
:class:`~bildungsplaner.reporting.document.ModuleResult`. Rules:

* **Years:** ``years`` (first, last) where the home region or a comparison region has values; without ``years``
  the last five years with a value for the home region. Where a year has several periods the latest counts.
* **Time-series table** (always computed; printed with ``table = true``): the home region, then the comparison
  regions in the definition's order (one without any value is left out with a warning), a column per year, the
  change from the first to the last year (in Prozentpunkten for shares, else in the unit), and per comparison
  region the difference to it in the last year (not for counts). With peers (the Kreise of the Land) a second
  table ranks them in the last year (1 = highest, ties share a rank, on the values as printed).
* **Sub-regions** (chart ``subregions`` or ``map``): the regions of the module's level within the home region
  (or, at the home region's own level, the peers in its Land) in the last year, with the home region as
  reference; printed as a table, a bar chart or the map.
* **Sentences** (``text = "auto"``): latest value, change, difference to each comparison region, rank, highest
  and lowest sub-region — every number a cell of the printed tables (``reporting/text.py``). An author's text
  replaces them; ``note`` is printed after either.
* **Source:** under every figure and table; without one „Quelle fehlt“ is printed and the module warns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from bildungsplaner.exporting.symbols import MISSING
from bildungsplaner.formatting import round_half_up
from bildungsplaner.i18n import tr
from bildungsplaner.indicators.compute import period_year, rank_among
from bildungsplaner.reporting import text as sentences
from bildungsplaner.reporting.document import (
    Block,
    ChartFigure,
    ChartSeries,
    MapFigure,
    MethodBox,
    ModuleResult,
    Paragraph,
    ReportTable,
    Sentence,
)
from bildungsplaner.reporting.spec import AUTO, IndicatorModule, TextModule

__all__ = ["COUNT_UNITS", "IndicatorValues", "author_paragraphs", "indicator_module", "text_module",
           "year_columns"]

#: units of counts: no difference to larger regions, no rank, disclosure control in every output
COUNT_UNITS = ("Anzahl", "Personen", "Kinder", "Plätze", "Einrichtungen", "Schüler", "Schülerinnen und Schüler")
NO_SOURCE = "Quelle fehlt"
DEFAULT_YEARS = 5


@dataclass(frozen=True)
class IndicatorValues:
    """What the service read for one indicator module."""

    code: str
    name: str
    unit: str
    decimals: int | None
    #: every region's values: ``region_key``, ``region_name``, ``period``, ``value`` (NaN = missing), ``flag``
    rows: pd.DataFrame
    home: str
    compare: tuple[str, ...] = ()
    #: key of the home region's Land (for the rank), None for a Land or Deutschland
    land: str | None = None
    #: keys of the home region's peers in its Land (same level, key starting with the Land's key), home included
    peers: tuple[str, ...] = ()
    #: how the peers are called in a sentence („Kreisen und kreisfreien Städten“)
    peers_label: str = "Gebieten"
    #: keys of the regions of the bars, the map and the highest/lowest sentence
    subregions: tuple[str, ...] = ()
    #: True when ``subregions`` lie within the home region (else they are its peers)
    subregions_within: bool = True
    #: source lines („IT.NRW, Tabelle 22541-01-02-4, Stand 01.03.2024“)
    sources: tuple[str, ...] = ()
    #: the method box's text (definition, formula, Stichtag, caveats); empty: none
    method: str = ""
    #: ``services.maps.MapData`` for a map module (None: no map, e.g. no boundaries)
    map_data: Any = None
    #: names given by the service for regions without a row (e.g. a comparison region without values)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def places(self) -> int:
        return 1 if self.decimals is None else self.decimals

    @property
    def counts(self) -> bool:
        return self.unit.strip() in COUNT_UNITS


def year_columns(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with a ``year`` column; of several periods in a year only the latest is kept per region."""
    frame = rows.copy()
    frame["year"] = [period_year(p) for p in frame["period"]]
    frame = frame[frame["year"].notna()].copy()
    frame["year"] = frame["year"].astype(int)
    frame = frame.sort_values(["region_key", "year", "period"])
    return frame.drop_duplicates(["region_key", "year"], keep="last")


def author_paragraphs(text: str) -> list[Paragraph]:
    """The author's text as printed: one paragraph per blank-line block."""
    blocks = [" ".join(line.strip() for line in part.strip().splitlines()) for part in text.replace("\r\n", "\n")
              .split("\n\n")]
    return [Paragraph((Sentence(b),), generated=False) for b in blocks if b]


def text_module(module: TextModule) -> ModuleResult:
    return ModuleResult(module.title or "", "text", list(author_paragraphs(module.text)))


def _finite(value: Any) -> bool:
    return value is not None and isinstance(value, int | float | np.floating) and math.isfinite(float(value))


class _Values:
    """Lookup of one indicator's values by region and year."""

    def __init__(self, data: IndicatorValues) -> None:
        frame = year_columns(data.rows)
        self.value = {(k, int(y)): (float(v) if _finite(v) else math.nan)
                      for k, y, v in zip(frame["region_key"], frame["year"], frame["value"], strict=True)}
        self.flag = {(k, int(y)): (str(f) if isinstance(f, str) and f else "")
                     for k, y, f in zip(frame["region_key"], frame["year"], frame["flag"], strict=True)}
        self.period = {(k, int(y)): str(p) for k, y, p in zip(frame["region_key"], frame["year"], frame["period"],
                                                               strict=True)}
        names = dict(data.names)
        names.update(dict(zip(data.rows["region_key"], data.rows["region_name"], strict=True)))
        self.names = {k: sentences.region_label(str(n)) for k, n in names.items()}

    def get(self, key: str, year: int) -> float:
        return self.value.get((key, year), math.nan)

    def symbol(self, key: str, year: int) -> str:
        if math.isfinite(self.get(key, year)):
            return self.flag.get((key, year), "")
        return self.flag.get((key, year)) or MISSING

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def years_of(self, key: str) -> list[int]:
        return sorted(y for (k, y), v in self.value.items() if k == key and math.isfinite(v))


def _years(values: _Values, data: IndicatorValues, years: tuple[int, int] | None, with_parts: bool) -> list[int]:
    """The years shown: where the home or a comparison region has values (else, for bars and maps, where the
    sub-regions have), within ``years`` or the last five."""
    keys = [data.home, *data.compare]
    present = sorted({y for k in keys for y in values.years_of(k)})
    if not present and with_parts:
        present = sorted({y for k in data.subregions for y in values.years_of(k)})
    if years is not None:
        return [y for y in present if years[0] <= y <= years[1]]
    home = values.years_of(data.home)
    return home[-DEFAULT_YEARS:] if home else present[-DEFAULT_YEARS:]


def _change(first: float, last: float) -> float:
    """The change from the first to the last year, in the indicator's unit (Prozentpunkte for shares)."""
    return last - first if math.isfinite(first) and math.isfinite(last) else math.nan


def _source(data: IndicatorValues) -> str:
    return "Quelle: " + "; ".join(data.sources) if data.sources else NO_SOURCE


def indicator_module(module: IndicatorModule, data: IndicatorValues, years: tuple[int, int] | None,
                     next_id: Callable[[], str]) -> ModuleResult:
    """The module's blocks (see the module's rules); ``next_id`` gives each figure its document-wide id."""
    values = _Values(data)
    title = module.title or data.name
    name = title  # captions and sentences say what the author called it
    result = ModuleResult(title, "indicator", key=data.code)
    source = _source(data)
    if not data.sources:
        result.warnings.append(tr("Quelle fehlt: {code}", code=data.code))
    with_parts = module.chart in ("subregions", "map")
    shown = _years(values, data, years, with_parts)
    home_name = values.name(data.home)
    if not shown:
        result.warnings.append(tr("keine Werte für {region} ({key})", region=home_name, key=data.home))
        result.blocks.extend(author_paragraphs(module.note))
        return result
    missing = [str(y) for y in shown if not math.isfinite(values.get(data.home, y))]
    if len(missing) == len(shown) and with_parts:
        pass  # values only for the sub-regions (a Sozialraum share): the bars or the map carry the module
    elif len(missing) == len(shown):
        result.warnings.append(tr("keine Werte für {region} ({key})", region=home_name, key=data.home))
    elif missing:
        result.warnings.append(tr("keine Werte für {region} {years}", region=home_name, years=", ".join(missing)))
    compare = [k for k in data.compare if k != data.home and any(math.isfinite(values.get(k, y)) for y in shown)]
    for key in data.compare:
        if key not in compare and key != data.home:
            result.warnings.append(tr("keine Werte für {region} ({key})", region=values.name(key), key=key))
    percent = sentences.is_percent(data.unit)
    first, last = shown[0], shown[-1]
    subject = sentences.Subject(name, data.unit, data.places, home_name)
    span = f"{first}–{last}" if first != last else str(last)

    # --- the time-series table ---
    labels = [str(y) for y in shown]
    region_keys = [data.home, *compare]
    table: dict[str, list[Any]] = {"Gebiet": [values.name(k) for k in region_keys]}
    flags: dict[str, list[str]] = {"Gebiet": [""] * len(region_keys)}
    for year, label in zip(shown, labels, strict=True):
        table[label] = [values.get(k, year) for k in region_keys]
        flags[label] = [values.symbol(k, year) for k in region_keys]
    change_column = ""
    if first != last:
        change_column = f"Veränderung {span}" + (" in Prozentpunkten" if percent else "")
        table[change_column] = [_change(values.get(k, first), values.get(k, last)) for k in region_keys]
        flags[change_column] = ["" if math.isfinite(v) else MISSING for v in table[change_column]]
    gap_columns: dict[str, str] = {}
    if not data.counts:
        for key in compare:
            column = f"Abstand zu {values.name(key)} {last}" + (" in Prozentpunkten" if percent else "")
            gap_columns[key] = column
            table[column] = [values.get(k, last) - values.get(key, last) if k != key else math.nan
                             for k in region_keys]
            flags[column] = ["x" if k == key else ("" if math.isfinite(v) else MISSING)
                             for k, v in zip(region_keys, table[column], strict=True)]
    frame = pd.DataFrame(table)
    has_series = any(math.isfinite(values.get(k, y)) for k in region_keys for y in shown)
    series_table = ReportTable(f"{name} {span}", frame, source, unit=data.unit, decimals=data.places,
                               flags=pd.DataFrame(flags), counts=data.counts, emphasis=(home_name,))

    # --- the rank among the peers ---
    rank_table: ReportTable | None = None
    rank_of: int | None = None
    if data.land is not None and not data.counts and len(data.peers) > 1:
        peer_values = {k: values.get(k, last) for k in data.peers if math.isfinite(values.get(k, last))}
        ranks = rank_among(peer_values, data.places)
        if data.home in ranks and len(ranks) > 1:
            rank_of = ranks[data.home]
            ordered = sorted(ranks, key=lambda k: (ranks[k], values.name(k)))
            land_name = values.name(data.land)
            rank_frame = pd.DataFrame({"Rang": [str(ranks[k]) for k in ordered],
                                       "Gebiet": [values.name(k) for k in ordered],
                                       str(last): [peer_values[k] for k in ordered]})
            rank_table = ReportTable(f"{name} {last}: Rang unter den {len(ranks)} {data.peers_label} "
                                     f"{sentences.located(land_name)}", rank_frame, source, unit=data.unit,
                                     decimals=data.places, text_columns=2, emphasis=(home_name,))

    # --- sub-regions ---
    sub_table: ReportTable | None = None
    sub_values: dict[str, float] = {}
    if module.chart in ("subregions", "map") and data.subregions:
        # regions without any value in the years shown (a Kreis dissolved before them) are left out
        sub_values = {k: values.get(k, last) for k in data.subregions
                      if (k != data.home or not data.subregions_within)
                      and any(math.isfinite(values.get(k, y)) for y in shown)}
        if not any(math.isfinite(v) for v in sub_values.values()):
            result.warnings.append(tr("keine Werte der Teilgebiete für {year}", year=str(last)))
        keys = sorted(sub_values, key=lambda k: values.name(k))
        with_home = data.subregions_within and math.isfinite(values.get(data.home, last))
        rows = [*keys, data.home] if with_home else keys  # the home region as the last row, where it has a value
        sub_frame = pd.DataFrame({"Gebiet": [values.name(k) for k in rows],
                                  str(last): [values.get(k, last) for k in rows]})
        sub_flags = pd.DataFrame({"Gebiet": [""] * len(rows), str(last): [values.symbol(k, last) for k in rows]})
        where = (f"in den Teilgebieten {sentences.of_region(home_name)}" if data.subregions_within else
                 f"in den {data.peers_label} {sentences.located(values.name(data.land or ''))}")
        sub_table = ReportTable(f"{name} {where} {last}", sub_frame, source, unit=data.unit,
                                decimals=data.places, flags=sub_flags, counts=data.counts, emphasis=(home_name,))

    # --- figures ---
    figures: list[Block] = []
    if module.chart == "timeseries" and has_series:
        series = tuple(ChartSeries(values.name(k), tuple(v if math.isfinite(v) else None
                                                         for v in (values.get(k, y) for y in shown)),
                                   home=k == data.home) for k in region_keys)
        figures.append(ChartFigure(next_id(), "line", f"{name} {span}", tuple(labels), series, source,
                                   unit=data.unit, decimals=data.places, zero=_zero_axis(frame, labels)))
    elif module.chart == "subregions" and sub_table is not None:
        keys = [k for k in sorted(sub_values, key=lambda k: values.name(k))]
        reference_key = data.home if data.subregions_within else (data.land or data.home)
        reference_value = values.get(reference_key, last)
        if not math.isfinite(reference_value) and data.land:
            reference_key, reference_value = data.land, values.get(data.land, last)
        reference = ((values.name(reference_key), reference_value) if math.isfinite(reference_value) else None)
        bars = ChartSeries(str(last), tuple(sub_values[k] if math.isfinite(sub_values[k]) else None for k in keys))
        figures.append(ChartFigure(next_id(), "bar", sub_table.caption, tuple(values.name(k) for k in keys),
                                   (bars,), source, unit=data.unit, decimals=data.places,
                                   zero=_zero_axis(sub_table.frame, [str(last)]), reference=reference))
    elif module.chart == "map":
        if data.map_data is None:
            result.warnings.append(tr("keine Karte für {code}: keine Grenzen oder keine Werte der Ebene",
                                      code=data.code))
        else:
            caption = sub_table.caption if sub_table is not None else f"{name} {last}"
            map_sources = list(getattr(data.map_data, "sources", []) or [])
            figures.append(MapFigure(next_id(), caption, data.map_data,
                                     "Quelle: " + "; ".join(map_sources) if map_sources else source))

    # --- sentences ---
    generated: list[Sentence] = []
    last_value = values.get(data.home, last)
    if math.isfinite(last_value):
        generated.append(sentences.latest_sentence(subject, str(last), last_value))
        first_value = values.get(data.home, first)
        change = _change(first_value, last_value)
        if change_column and math.isfinite(change):
            sentence = sentences.change_sentence(subject, str(first), first_value, change, change_column)
            generated.append(sentence)
            weight = abs(round_half_up(change, data.places) or 0.0)
            if not percent and weight:  # counts and other units: the change relative to the first year, in %
                weight = abs(change / first_value) * 100 if first_value else 0.0
            result.findings.append({"kind": "change", "weight": weight, "sentence": _finding_change(
                subject, str(first), str(last), first_value, last_value, change, change_column)})
        gaps = [(values.name(k), values.get(k, last), last_value - values.get(k, last), gap_columns[k])
                for k in compare if k in gap_columns and math.isfinite(values.get(k, last))]
        gap = sentences.gap_sentence(subject, str(last), gaps)
        if gap is not None:
            generated.append(gap)
        if gaps and data.land is not None:
            land_gap = next((g for g, k in zip(gaps, [k for k in compare if k in gap_columns
                                                       and math.isfinite(values.get(k, last))], strict=True)
                             if k == data.land), None)
            if land_gap is not None:
                result.findings.append({"kind": "gap", "weight": abs(round_half_up(land_gap[2], data.places) or 0.0),
                                        "sentence": _finding_gap(subject, str(last), last_value, land_gap)})
        if rank_of is not None and rank_table is not None and data.land is not None:
            count = len(rank_table.frame)
            generated.append(sentences.rank_sentence(subject, rank_of, count, data.peers_label,
                                                     values.name(data.land), "Rang", rank_table.caption))
    finite = {k: v for k, v in sub_values.items() if math.isfinite(v)}
    if len(finite) > 1 and sub_table is not None:
        rounded = {k: float(round_half_up(v, data.places) or 0.0) for k, v in finite.items()}
        low, high = min(rounded.values()), max(rounded.values())
        lowest = sorted((values.name(k) for k, v in rounded.items() if v == low))
        highest = sorted((values.name(k) for k, v in rounded.items() if v == high))
        low_value = next(finite[k] for k in finite if values.name(k) == lowest[0])
        high_value = next(finite[k] for k in finite if values.name(k) == highest[0])
        scope = (f"Innerhalb {sentences.of_region(home_name)}" if data.subregions_within else
                 f"Unter den {data.peers_label} {sentences.located(values.name(data.land or ''))}")
        generated.append(sentences.range_sentence(subject, str(last), scope, lowest, low_value, highest, high_value))

    # --- blocks in print order: text, figure, tables, method ---
    if module.text == AUTO:
        if generated:
            result.blocks.append(Paragraph(tuple(generated), generated=True))
    else:
        result.blocks.extend(author_paragraphs(module.text))
    result.blocks.extend(author_paragraphs(module.note))
    result.blocks.extend(figures)
    if module.table:
        if has_series:
            result.blocks.append(series_table)
        if sub_table is not None:
            result.blocks.append(sub_table)
        if rank_table is not None:
            result.blocks.append(rank_table)
    if module.method and data.method:
        result.blocks.append(MethodBox(f"Methodik: {data.name}", data.method + "\n" + source))
    return result


def _zero_axis(frame: pd.DataFrame, columns: Sequence[str]) -> bool:
    numbers = frame[list(columns)].to_numpy(dtype=float)
    return not bool(np.any(numbers[np.isfinite(numbers)] < 0))


def _finding_change(subject: sentences.Subject, first: str, last: str, first_value: float, last_value: float,
                    change: float, column: str) -> Sentence:
    """„Betreuungsquote …: Im Kreis Unna stieg der Wert von 18,0 % (2011) auf 25,3 % (2016), um 7,3 Prozentpunkte.“"""
    d = subject.decimals
    before, after = sentences.with_unit(first_value, d, subject.unit), sentences.with_unit(last_value, d, subject.unit)
    direction = "stieg" if change > 0 else "sank"
    amount = (f"{sentences.number(abs(change), d)} Prozentpunkte" if sentences.is_percent(subject.unit)
              else f"{sentences.number(abs(change), d)} {subject.unit}".strip())
    where = sentences.located(subject.home)
    return Sentence(f"{subject.name}: {where[0].upper()}{where[1:]} {direction} der Wert von {before} ({first}) auf "
                    f"{after} ({last}), um {amount}.",
                    ((first, subject.home, first_value), (last, subject.home, last_value), (column, subject.home,
                                                                                            change)))


def _finding_gap(subject: sentences.Subject, last: str, last_value: float,
                 gap: tuple[str, float, float, str]) -> Sentence:
    """„Ausländeranteil: Der Kreis Unna lag 2015 mit 9,0 % um 2,9 Prozentpunkte unter dem Wert für
    Nordrhein-Westfalen (11,8 %).“"""
    name, value, difference, column = gap
    d = subject.decimals
    side = "über" if difference > 0 else "unter"
    amount = (f"{sentences.number(abs(difference), d)} Prozentpunkte" if sentences.is_percent(subject.unit)
              else f"{sentences.number(abs(difference), d)} {subject.unit}".strip())
    who = sentences.subject_case(subject.home)
    return Sentence(f"{subject.name}: {who[0].upper()}{who[1:]} lag {last} mit "
                    f"{sentences.with_unit(last_value, d, subject.unit)} um {amount} {side} dem Wert für {name} "
                    f"({sentences.with_unit(value, d, subject.unit)}).",
                    ((last, subject.home, last_value), (column, subject.home, difference), (last, name, value)))
