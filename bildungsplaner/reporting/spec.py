"""The report definition (TOML, ``format = 1``, ``kind = "report"``): what the author wrote, nothing computed.

The example every version must read as written::

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

A module is told apart by its key: ``indicator`` (an indicator module), ``scenario`` (a saved scenario's table
and chart), ``backtest`` (the Prognose-Ist-Vergleich of a saved demand scenario) or ``text`` alone (a free text
block). Unknown keys are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["CHART_KINDS", "BacktestModule", "Chapter", "IndicatorModule", "Module", "ReportSpec",
           "ScenarioModule", "TextModule"]

CHART_KINDS = ("timeseries", "subregions", "map", "none")
AUTO = "auto"


@dataclass(frozen=True)
class IndicatorModule:
    indicator: str
    chart: Literal["timeseries", "subregions", "map", "none"] = "timeseries"
    table: bool = True
    #: "auto": generated sentences; anything else: the author's text, printed as written
    text: str = AUTO
    #: the author's own sentences printed after the generated ones (kept when the text is regenerated)
    note: str = ""
    #: heading of the module; default: the indicator's name
    title: str | None = None
    #: level of the sub-regions for the bars, the map and the highest/lowest sentence (default: the level
    #: below the home region that has values, e.g. "gemeinde" below a Kreis)
    level: str | None = None
    #: print the indicator's definition and source as a method box
    method: bool = True


@dataclass(frozen=True)
class ScenarioModule:
    scenario: str
    table: bool = True
    chart: bool = True
    text: str = AUTO
    note: str = ""
    title: str | None = None


@dataclass(frozen=True)
class BacktestModule:
    #: name of a saved demand scenario whose base year lies in the past
    backtest: str
    table: bool = True
    chart: bool = True
    text: str = AUTO
    note: str = ""
    title: str | None = None


@dataclass(frozen=True)
class TextModule:
    text: str
    title: str | None = None


Module = IndicatorModule | ScenarioModule | BacktestModule | TextModule


@dataclass(frozen=True)
class Chapter:
    title: str
    modules: tuple[Module, ...] = ()
    #: the author's introduction to the chapter
    intro: str = ""


@dataclass(frozen=True)
class ReportSpec:
    title: str
    #: key of the home region
    region: str
    #: keys of the comparison regions (its Land, Deutschland "DG", Vergleichskreise), in the order shown
    compare: tuple[str, ...] = ()
    #: first and last year shown where data exist; None: the last five years with data
    years: tuple[int, int] | None = None
    subtitle: str = ""
    chapters: tuple[Chapter, ...] = field(default_factory=tuple)
    #: „Wichtigste Ergebnisse“ in front, generated from the modules
    highlights: bool = True
    #: who publishes it (title page), e.g. "Kreis Unna, Bildungsbüro"
    publisher: str = ""
