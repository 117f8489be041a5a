"""The report's planning modules: a saved scenario (table, chart, sentences) and the Prognose-Ist-Vergleich of a
saved demand scenario. :func:`~bildungsplaner.services.reports.build_document` calls :func:`scenario_module` and
:func:`backtest_module` for the modules ``scenario = "…"`` and ``backtest = "…"`` of a report definition.

Every number a generated sentence prints is a cell of the module's table, formatted as the table prints it (German,
half up, the table's decimals), and recorded as a fact ``(column, row, value)``. Signs are said in words
(„fehlen“, „zu hoch“), so the printed number is the cell's value without its sign. The sentences are German
whatever the window's language (the report is a document for the council, like the exported workbooks).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from bildungsplaner.formatting import format_number
from bildungsplaner.planning.allocation import AllocationResult
from bildungsplaner.planning.backtest import BacktestResult
from bildungsplaner.planning.demand import DemandResult
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.reporting.document import (
    Block,
    ChartFigure,
    ChartSeries,
    MethodBox,
    ModuleResult,
    Paragraph,
    ReportTable,
    Sentence,
)
from bildungsplaner.reporting.spec import AUTO, BacktestModule, ScenarioModule

__all__ = ["ModuleContext", "ModuleContextLike", "backtest_module", "scenario_module"]


class ModuleContextLike(Protocol):
    """What the two module functions need from the build (``services.reports.ReportContext`` has it)."""

    @property
    def years(self) -> tuple[int, int] | None: ...

    def next_id(self) -> str: ...


@dataclass
class ModuleContext:
    """A stand-alone context (tests, the window's preview of one module): the report's years, its home region
    and the figure ids."""

    years: tuple[int, int] | None = None
    region_key: str = ""
    figure_ids: Iterator[str] = field(default_factory=lambda: (f"f{i}" for i in range(1, 1_000_000)))

    def next_id(self) -> str:
        return next(self.figure_ids)


def _home(ctx: ModuleContextLike) -> str:
    """The report's home region key (``region_key`` of a :class:`ModuleContext`, ``spec.region`` of the
    report builder's context)."""
    key = getattr(ctx, "region_key", None) or getattr(getattr(ctx, "spec", None), "region", None)
    return str(key) if key else ""


def _n(value: float, decimals: int) -> str:
    """``value`` without its sign, as the table prints it."""
    return format_number(abs(float(value)), decimals)


def _finite(value: Any) -> bool:
    return value is not None and isinstance(value, int | float | np.floating) and math.isfinite(float(value))


def _paragraphs(module: ScenarioModule | BacktestModule, sentences: list[Sentence]) -> list[Block]:
    from bildungsplaner.reporting.content import author_paragraphs

    blocks: list[Block] = []
    if module.text == AUTO:
        if sentences:
            blocks.append(Paragraph(tuple(sentences)))
    elif module.text.strip():
        blocks.extend(author_paragraphs(module.text))
    if module.note.strip():
        blocks.extend(author_paragraphs(module.note))
    return blocks


def _source(ws: Any, codes: list[str], what: str) -> str:
    from bildungsplaner.services.export_sources import indicator_sources

    texts = [text for label, text in indicator_sources(ws, codes) if label]
    base = "; ".join(texts) if texts else ", ".join(codes)
    return f"Datengrundlage: {base}; {what}" if base else what


# --- a saved scenario ---------------------------------------------------------------------------------------------

def scenario_module(ws: Any, module: ScenarioModule, ctx: ModuleContextLike) -> ModuleResult:
    """A saved scenario (demand or allocation) computed on today's data: its table, a chart and sentences."""
    from bildungsplaner.services.planning_inputs import collect_inputs, compute
    from bildungsplaner.services.scenarios import get_scenario

    saved = get_scenario(ws, module.scenario)
    spec = saved.spec
    inputs = collect_inputs(ws, spec)
    result = compute(spec, inputs)
    title = module.title or saved.name
    if isinstance(result, DemandResult):
        assert isinstance(spec, DemandSpec)
        table, chart, sentences, method = _demand_parts(ws, spec, result, ctx)
    else:
        assert isinstance(result, AllocationResult)
        table, chart, sentences, method = _allocation_parts(ws, spec, result, ctx)
    blocks: list[Block] = _paragraphs(module, sentences)
    if module.chart and chart is not None:
        blocks.append(chart)
    if module.table:
        blocks.append(table)
    blocks.append(method)
    findings = [{"kind": "scenario", "weight": 0.0, "sentence": s} for s in sentences[:1]]
    return ModuleResult(title, "scenario", blocks, list(result.warnings), findings, key=saved.name)


def _demand_parts(ws: Any, spec: DemandSpec, result: DemandResult, ctx: ModuleContextLike
                  ) -> tuple[ReportTable, ChartFigure | None, list[Sentence], MethodBox]:
    from bildungsplaner.services.export_demand import demand_method
    from bildungsplaner.services.export_sources import attribute_labels

    totals = result.totals
    years = [int(y) for y in sorted(totals["year"].unique())]
    columns = [str(y) for y in years]
    labels: list[str] = []
    values: list[list[float]] = []
    for line in spec.demand:
        part = totals[totals["line"] == line.name].set_index("year")
        rows = [(f"{line.name}: Kinder (Alter {_ages(line.ages)})", "population"),
                (f"{line.name}: Bedarf (Plätze)", "demand")]
        if part["capacity"].notna().any():
            rows += [(f"{line.name}: Plätze", "capacity"), (f"{line.name}: Lücke (Plätze)", "gap")]
        for label, column in rows:
            labels.append(label)
            values.append([float(part[column].get(y, math.nan)) for y in years])
    frame = pd.DataFrame(values, columns=columns)
    frame.insert(0, "Bedarfslinie", labels)
    source = _source(ws, [spec.population.indicator], f"Fortschreibung „{spec.name}“ ab {result.observed_until}")
    caption = f"{spec.name}: Kinder, Bedarf und Plätze {years[0]}–{years[-1]} (Summe der Gebiete)"
    table = ReportTable(caption, frame, source, unit="", decimals=0)

    series = []
    for line in spec.demand:
        part = totals[totals["line"] == line.name].set_index("year")
        series.append(ChartSeries(f"Bedarf {line.name}", tuple(_or_none(part["demand"].get(y)) for y in years)))
        if part["capacity"].notna().any():
            series.append(ChartSeries(f"Plätze {line.name}", tuple(_or_none(part["capacity"].get(y))
                                                                    for y in years)))
    chart = ChartFigure(ctx.next_id(), "line", f"{spec.name}: Bedarf und Plätze {years[0]}–{years[-1]}",
                        tuple(columns), tuple(series), source, unit="Plätze", decimals=0)

    sentences = []
    first, last = columns[0], columns[-1]
    for line in spec.demand:
        row = f"{line.name}: Bedarf (Plätze)"
        i = labels.index(row)
        start, end = values[i][0], values[i][-1]
        if not (_finite(start) and _finite(end)):
            continue
        change = "steigt" if round(end) > round(start) else "sinkt" if round(end) < round(start) else "bleibt"
        text = (f"Nach dem Szenario „{spec.name}“ {change} der Bedarf „{line.name}“ (Alter {_ages(line.ages)}) "
                f"von {_n(start, 0)} Plätzen ({first}) " +
                (f"bei {_n(end, 0)} Plätzen ({last})" if change == "bleibt" else f"auf {_n(end, 0)} Plätze ({last})"))
        facts: list[tuple[str, str, float]] = [(first, row, start), (last, row, end)]
        gap_row = f"{line.name}: Lücke (Plätze)"
        if gap_row in labels:
            gap = values[labels.index(gap_row)][-1]
            places = values[labels.index(f"{line.name}: Plätze")][-1]
            if _finite(gap) and _finite(places):
                facts += [(last, f"{line.name}: Plätze", places), (last, gap_row, gap)]
                if round(gap) < 0:
                    text += (f"; bei heute {_n(places, 0)} Plätzen fehlen dann {_n(gap, 0)} Plätze")
                elif round(gap) > 0:
                    text += (f"; bei heute {_n(places, 0)} Plätzen bleiben dann {_n(gap, 0)} Plätze frei")
                else:
                    text += f"; die heute {_n(places, 0)} Plätze reichen dann genau"
        sentences.append(Sentence(text + ".", tuple(facts)))
    labels_of = attribute_labels(ws, sorted({k for line in spec.demand if line.capacity
                                              for k in line.capacity.facility_kinds}))
    method = _method_box(demand_method(spec, result, labels_of))
    return table, chart, sentences, method


def _ages(ages: tuple[int, ...]) -> str:
    from bildungsplaner.planning.ages import format_ages

    return format_ages(ages)


def _or_none(value: Any) -> float | None:
    return float(value) if _finite(value) else None


def _method_box(sections: list[Any]) -> MethodBox:
    parts = []
    for section in sections:
        for label, text in section.lines:
            parts.append(f"{label}: {text}" if label else text)
    return MethodBox("Methode", " – ".join(parts))


def _allocation_parts(ws: Any, spec: Any, result: AllocationResult, ctx: ModuleContextLike
                      ) -> tuple[ReportTable, ChartFigure | None, list[Sentence], MethodBox]:
    rows = result.rows
    names = [str(n) for n in rows["name"]]
    if len(set(names)) < len(names):  # the same name twice: the key makes the row label unique
        names = [f"{n} ({k})" for n, k in zip(names, rows["key"], strict=True)]
    amount = f"Betrag ({result.unit})"
    frame = pd.DataFrame({"Empfänger": [*names, "Insgesamt"],
                          "Bedarfsanteil (%)": [*(100 * rows["need_share"]).tolist(), 100.0],
                          amount: [*rows["amount"].astype(float).tolist(), float(rows["amount"].sum())]})
    decimals = 2
    source = f"Verteilung „{spec.name}“ ({result.method})"
    caption = f"{spec.name}: {format_number(result.total, decimals)} {result.unit} auf {len(rows)} Empfänger"
    table = ReportTable(caption, frame, source, unit=result.unit, decimals=decimals)
    chart = ChartFigure(ctx.next_id(), "bar", f"{spec.name}: {amount} je Empfänger", tuple(names),
                        (ChartSeries(amount, tuple(_or_none(v) for v in rows["amount"])),), source,
                        unit=result.unit, decimals=decimals)
    sentences = []
    if len(rows):
        top = int(np.argmax(rows["amount"].to_numpy()))
        low = int(np.argmin(rows["amount"].to_numpy()))
        total = float(rows["amount"].sum())
        top_value, low_value = float(rows["amount"].iloc[top]), float(rows["amount"].iloc[low])
        amounts = rows["amount"].to_numpy()
        top_who = names[top] if (amounts == top_value).sum() == 1 else f"unter anderem {names[top]}"
        low_who = names[low] if (amounts == low_value).sum() == 1 else f"unter anderem {names[low]}"
        sentences.append(Sentence(
            f"Das Szenario „{spec.name}“ verteilt {_n(total, decimals)} {result.unit}; den größten Betrag, "
            f"{_n(top_value, decimals)} {result.unit}, erhält {top_who}, den kleinsten, {_n(low_value, decimals)} "
            f"{result.unit}, {low_who}.",
            ((amount, "Insgesamt", total), (amount, names[top], top_value), (amount, names[low], low_value))))
    method = MethodBox("Methode", f"Verteilung nach dem Verfahren „{result.method}“ in Schritten von "
                                  f"{format_number(result.step, 2)} {result.unit}; Bedarfsanteil = Anteil des "
                                  "Empfängers am Bedarf aller Empfänger.")
    return table, chart, sentences, method


# --- the Prognose-Ist-Vergleich -----------------------------------------------------------------------------------

def backtest_module(ws: Any, module: BacktestModule, ctx: ModuleContextLike) -> ModuleResult:
    """The Prognose-Ist-Vergleich of a saved demand scenario: per region forecast, observation and error in the
    latest observed year, a summary (MAPE, bias, shares within ±5 %/±10 %, scenario against naive), a chart of the
    error by year and sentences."""
    from bildungsplaner.services.backtest import backtest
    from bildungsplaner.services.scenarios import get_scenario

    outcome = backtest(ws, module.backtest)
    spec = get_scenario(ws, module.backtest).spec
    assert isinstance(spec, DemandSpec)
    source = _source(ws, [spec.population.indicator],
                     f"Prognose „{outcome.name}“ (Basisjahr {outcome.base_year}) und eigene Berechnung")
    return backtest_blocks(module, outcome, source, ctx)


def backtest_blocks(module: BacktestModule, outcome: BacktestResult, source: str,
                    ctx: ModuleContextLike) -> ModuleResult:
    """The module of a computed :class:`BacktestResult` (pure: no workspace)."""
    last = outcome.years[-1]
    span = f"{outcome.years[0]}–{last}" if len(outcome.years) > 1 else str(last)
    lines = [line for line in outcome.summary["line"] if isinstance(line, str)]
    tables: list[ReportTable] = []
    region_tables: list[ReportTable] = []
    for line in lines:
        part = outcome.rows[(outcome.rows["line"] == line) & (outcome.rows["year"] == last)]
        frame = pd.DataFrame({"Gebiet": part["region_name"].astype(str).tolist(),
                              "Prognose": part["forecast"].astype(float).tolist(),
                              "Ist": part["actual"].astype(float).tolist(),
                              "Fehler": part["error"].astype(float).tolist(),
                              "Fehler (%)": part["pct_error"].astype(float).tolist(),
                              "naive Prognose": part["naive"].astype(float).tolist(),
                              "Fehler naiv (%)": part["naive_pct_error"].astype(float).tolist()})
        home = _home(ctx)
        emphasis = tuple(str(n) for k, n in zip(part["region_key"], part["region_name"], strict=True) if k == home)
        region_tables.append(ReportTable(
            f"Prognose „{outcome.name}“ (Basisjahr {outcome.base_year}) und Ist {last}: {line}, je Gebiet", frame,
            source, unit="Kinder", decimals=1, emphasis=emphasis))

    summary_rows = [r for r in outcome.summary.to_dict("records")
                    if isinstance(r["line"], str) or len(lines) > 1]
    labels: list[str] = []
    data: list[list[float]] = []
    by_year = outcome.by_year
    for r in summary_rows:
        name = r["line"] if isinstance(r["line"], str) else "alle Bedarfslinien"
        for method, prefix in (("Prognose", ""), ("naive Prognose", "naive_")):
            labels.append(f"{name}: {method}")
            cells = [float(r[f"{prefix}mape"]), float(r[f"{prefix}bias"]), float(r[f"{prefix}within_5"]),
                     float(r[f"{prefix}within_10"])]
            if isinstance(r["line"], str):
                years = by_year[by_year["line"] == r["line"]].set_index("year")[f"{prefix}mape"]
                cells += [float(years.get(y, math.nan)) for y in outcome.years]
            else:
                cells += [math.nan] * len(outcome.years)
            data.append(cells)
    columns = ["MAPE (%)", "Bias (%)", "Anteil ±5 % (%)", "Anteil ±10 % (%)",
               *(f"MAPE {y} (%)" for y in outcome.years)]
    summary = pd.DataFrame(data, columns=columns)
    summary.insert(0, "Bedarfslinie und Prognose", labels)
    summary_table = ReportTable(f"Treffsicherheit der Prognose „{outcome.name}“ {span}: MAPE, Bias und Anteil der "
                                "Gebiete mit höchstens 5 % bzw. 10 % Abweichung", summary, source, unit="%",
                                decimals=1)
    tables = [summary_table, *region_tables]

    series = []
    for line in lines:
        for method, prefix in (("Prognose", ""), ("naive Prognose", "naive_")):
            values = by_year[by_year["line"] == line].set_index("year")[f"{prefix}mape"]
            series.append(ChartSeries(f"{line}: {method}", tuple(_or_none(values.get(y)) for y in outcome.years)))
    chart = ChartFigure(ctx.next_id(), "line", f"Mittlerer absoluter Fehler (MAPE) der Prognose „{outcome.name}“ "
                        f"und der naiven Prognose nach Jahr", tuple(str(y) for y in outcome.years), tuple(series),
                        source, unit="%", decimals=1)

    sentences = []
    findings: list[dict[str, Any]] = []
    for number, r in enumerate(summary_rows, 1):
        name = r["line"] if isinstance(r["line"], str) else "alle Bedarfslinien"
        if not (_finite(r["mape"]) and _finite(r["naive_mape"])):
            continue
        row, naive_row = f"{name}: Prognose", f"{name}: naive Prognose"
        what = f"für „{name}“" if isinstance(r["line"], str) else "über alle Bedarfslinien"
        mape, naive, bias = float(r["mape"]), float(r["naive_mape"]), float(r["bias"])
        text = (f"Die Prognose „{outcome.name}“ (Basisjahr {outcome.base_year}) lag {what} in den Jahren {span} im "
                f"Mittel um {_n(mape, 1)} % daneben (naive Prognose: {_n(naive, 1)} %)")
        facts: list[tuple[str, str, float]] = [("MAPE (%)", row, mape), ("MAPE (%)", naive_row, naive)]
        if round(bias, 1) != 0:
            text += f"; sie war im Mittel um {_n(bias, 1)} % zu {'hoch' if bias > 0 else 'niedrig'}"
            facts.append(("Bias (%)", row, bias))
        within = float(r["within_5"])
        text += f"; {_n(within, 1)} % der Werte lagen höchstens 5 % neben dem Ist."
        facts.append(("Anteil ±5 % (%)", row, within))
        sentences.append(Sentence(text, tuple(facts)))
        if number == len(summary_rows):  # the verdict once, for all lines together
            findings.append({"kind": "backtest", "weight": mape, "sentence": sentences[-1]})
            better = round(naive, 1) - round(mape, 1)
            if better > 0:
                verdict = "Sie traf damit besser als die naive Prognose."
            elif better < 0:
                verdict = "Die naive Prognose traf damit besser."
            else:
                verdict = "Beide trafen damit gleich gut."
            sentences.append(Sentence(verdict))
    blocks: list[Block] = _paragraphs(module, sentences)
    if module.chart:
        blocks.append(chart)
    if module.table:
        blocks.extend(tables)
    blocks.append(MethodBox("Methode: Prognose-Ist-Vergleich", _BACKTEST_METHOD))
    warnings = list(outcome.warnings)
    return ModuleResult(module.title or f"Prognose-Ist-Vergleich: {outcome.name}", "backtest", blocks, warnings,
                        findings, key=module.backtest)


_BACKTEST_METHOD = (
    "Verglichen wird die Zahl der Kinder in den Altersjahren jeder Bedarfslinie, wie die Prognose sie vom Basisjahr "
    "aus fortgeschrieben hat, mit der seitdem beobachteten Zahl (je Gebiet und Jahr). Fehler = Prognose − Ist; "
    "positiv heißt: die Prognose war zu hoch. Prozentualer Fehler = Fehler / Ist × 100. MAPE (mittlerer absoluter "
    "prozentualer Fehler) = Mittel der Beträge der prozentualen Fehler über alle Gebiete und Jahre: wie weit die "
    "Prognose im Mittel daneben lag. Bias = Mittel der prozentualen Fehler mit Vorzeichen: ob sie systematisch zu "
    "hoch (positiv) oder zu niedrig (negativ) lag. Anteil ±5 % bzw. ±10 %: Anteil der Werte mit höchstens 5 % "
    "bzw. 10 % Abweichung. Die naive Prognose als Maßstab: jeder im Basisjahr schon geborene Jahrgang altert "
    "unverändert (ohne Wanderung und Sterbefälle), jeder später geborene Jahrgang ist das Mittel der Kinder im "
    "Alter 0 der letzten drei beobachteten Jahre bis zum Basisjahr. Der Bedarf selbst wird nicht beobachtet; bei "
    "gleicher Quote ist sein prozentualer Fehler der der Kinderzahl.")
