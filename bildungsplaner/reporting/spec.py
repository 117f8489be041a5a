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

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from bildungsplaner.formats import Field, Fields, Format, Table, write
from bildungsplaner.i18n import marked, tr

__all__ = ["CHART_KINDS", "REPORT", "BacktestModule", "Chapter", "IndicatorModule", "Module", "ReportSpec",
           "ScenarioModule", "TextModule", "dump_report", "parse_report", "spec_from_dict", "spec_to_dict"]

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


# --- reading and writing (one strict reader: bildungsplaner.formats) ---

FORMAT = 1
KIND = "report"
REPORT = Format(marked("Berichtsdefinition"))
#: the keys that tell a module's kind (the first one present decides; two of them are an error)
_KIND_KEYS = ("indicator", "scenario", "backtest")


def _fixed(name: str, expected: object) -> Field:
    def check(table: Table, value: Any) -> Any:
        if value != expected or isinstance(value, bool):
            table.fail(name, tr("muss {expected} sein, nicht {value}.", expected=repr(expected), value=repr(value)))
        return value
    return Field(name, "any", required=True, check=check, always=True)


def _years(table: Table, value: Any) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        table.fail("years", tr("muss zwei Jahreszahlen nennen, das erste und das letzte Jahr (z. B. [2011, 2016]), "
                               "nicht {value}.", value=repr(value)))
    first, last = (REPORT.year(v, tr("„{name}“", name=table.path("years"))) for v in value)
    if first > last:
        table.fail("years", tr("nennt zuerst das letzte Jahr ({first} nach {last}).", first=str(first),
                               last=str(last)))
    return first, last


def _chart(table: Table, value: str) -> str:
    if value not in CHART_KINDS:
        table.fail("chart", tr("muss eines von {choices} sein, nicht „{value}“.", choices=", ".join(CHART_KINDS),
                               value=value))
    return value


def _tuple(table: Table, value: list[str]) -> tuple[str, ...]:
    return tuple(value)


_TOP: Fields = (
    _fixed("format", FORMAT), _fixed("kind", KIND),
    Field("title", required=True, always=True),
    Field("subtitle", default="", empty_ok=True),
    Field("publisher", default="", empty_ok=True),
    Field("region", required=True, always=True),
    Field("compare", "texts", default=(), single_ok=True, check=_tuple),
    Field("years", "any", check=_years),
    Field("highlights", "bool", default=True),
    Field("chapter", "list", default=(), attr="chapters"),
)
_CHAPTER: Fields = (Field("title", required=True, always=True), Field("intro", default="", empty_ok=True),
                    Field("module", "list", default=(), attr="modules"))
_INDICATOR: Fields = (
    Field("indicator", required=True, always=True), Field("title"),
    Field("chart", default="timeseries", check=_chart, always=True),
    Field("level"),
    Field("table", "bool", default=True),
    Field("method", "bool", default=True),
    Field("text", default=AUTO, always=True), Field("note", default="", empty_ok=True))
_SCENARIO: Fields = (
    Field("scenario", required=True, always=True), Field("title"),
    Field("table", "bool", default=True), Field("chart", "bool", default=True),
    Field("text", default=AUTO), Field("note", default="", empty_ok=True))
_BACKTEST: Fields = (
    Field("backtest", required=True, always=True), Field("title"),
    Field("table", "bool", default=True), Field("chart", "bool", default=True),
    Field("text", default=AUTO), Field("note", default="", empty_ok=True))
_TEXT: Fields = (Field("title"), Field("text", required=True, always=True))

_MODULE_FIELDS: dict[type, Fields] = {IndicatorModule: _INDICATOR, ScenarioModule: _SCENARIO,
                                      BacktestModule: _BACKTEST, TextModule: _TEXT}


def _module(data: Any, where: str) -> Module:
    if not isinstance(data, Mapping):
        REPORT.fail(tr("„{where}“ muss ein Abschnitt sein, nicht {value}.", where=where, value=repr(data)))
    keys = [k for k in _KIND_KEYS if k in data]
    if len(keys) > 1:
        REPORT.fail(tr("„{where}“ nennt „{first}“ und „{second}“; ein Baustein ist genau eines: ein Kennzahl-"
                       "Baustein (indicator), ein Szenario (scenario), ein Prognose-Ist-Vergleich (backtest) oder "
                       "ein Text (text).", where=where, first=keys[0], second=keys[1]))
    if not keys and "text" not in data:
        REPORT.fail(tr("„{where}“ sagt nicht, was der Baustein zeigt: „indicator“, „scenario“, „backtest“ oder "
                       "„text“ fehlt.", where=where))
    cls: type = {"indicator": IndicatorModule, "scenario": ScenarioModule,
                 "backtest": BacktestModule}[keys[0]] if keys else TextModule
    table = REPORT.table(data, where, _MODULE_FIELDS[cls])
    return cast(Module, cls(**table.values))


def _chapter(data: Any, number: int) -> Chapter:
    where = f"chapter[{number}]"
    table = REPORT.table(data, where, _CHAPTER)
    modules = table["modules"]
    if isinstance(modules, Mapping):
        modules = [modules]
    return Chapter(table["title"], tuple(_module(m, f"{where}.module[{i}]") for i, m in enumerate(modules, 1)),
                   table["intro"])


def spec_from_dict(data: Mapping[str, Any]) -> ReportSpec:
    """The report of an already parsed TOML document; unknown keys, missing keys and wrong types are errors
    naming the key with its chapter and module (``chapter[2].module[1].chart``)."""
    values = dict(REPORT.table(data, "", _TOP).values)
    values.pop("format")
    values.pop("kind")
    chapters = values.pop("chapters")
    if isinstance(chapters, Mapping):
        chapters = [chapters]
    return ReportSpec(chapters=tuple(_chapter(c, i) for i, c in enumerate(chapters, 1)), **values)


def spec_to_dict(spec: ReportSpec) -> dict[str, Any]:
    """The TOML document of ``spec`` (keys with their default left out); :func:`spec_from_dict` gives it back."""
    data = write(spec, [f for f in _TOP if f.name not in ("format", "kind", "chapter")],
                 head={"format": FORMAT, "kind": KIND})
    chapters = []
    for chapter in spec.chapters:
        item = write(chapter, [f for f in _CHAPTER if f.name != "module"])
        item["module"] = [write(m, _MODULE_FIELDS[type(m)]) for m in chapter.modules]
        if not chapter.modules:
            del item["module"]
        chapters.append(item)
    if chapters:
        data["chapter"] = chapters
    return data


def parse_report(text: str) -> ReportSpec:
    """The report definition in ``text`` (TOML); a syntax error or a wrong key is a German
    :class:`~bildungsplaner.UserInputError`."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        REPORT.fail(tr("der Text ist kein gültiges TOML ({error}).", error=str(exc)))
    return spec_from_dict(data)


def dump_report(spec: ReportSpec) -> str:
    """The TOML text of ``spec`` as an author would write it (``[[chapter]]`` and ``[[chapter.module]]``
    blocks); ``parse_report(dump_report(spec)) == spec``."""
    import tomli_w

    data = spec_to_dict(spec)
    parts = [tomli_w.dumps({k: v for k, v in data.items() if k != "chapter"})]
    for chapter in data.get("chapter", []):
        parts.append("\n[[chapter]]\n" + tomli_w.dumps({k: v for k, v in chapter.items() if k != "module"}))
        for module in chapter.get("module", []):
            parts.append("\n[[chapter.module]]\n" + tomli_w.dumps(module))
    return "".join(parts)
