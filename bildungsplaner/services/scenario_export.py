"""Export a scenario for the council: Excel workbook (default), CSV, or a PDF of the same content.

:func:`build_report` turns a scenario's result into a :class:`~bildungsplaner.exporting.workbook.Report` — in
sheet order: overview (demand), the planning tables (one per demand line), the comparison with a second
scenario, the data the result was computed from, and the method with every parameter in words, the sources
(official tables and the user's own lists, without local paths or login names), every warning of the result,
and the symbol legend. :func:`export_scenario` runs the scenario on the workspace's current data and writes the
file. The PDF is drawn by the window's Qt code from :func:`report_html` (the services stay free of Qt); the
command line gets that renderer from the entry point. What a format cannot hold is refused with a message,
never left out: disclosure control exists only in the workbook, a comparison not in a CSV. With a
``map_renderer`` (injected like the PDF renderer) the workbook gets map sheets of the scenario's regions
(:mod:`~bildungsplaner.services.scenario_maps`) where the workspace has their boundaries — not with disclosure
control, whose hidden counts a map's colours could reveal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from bildungsplaner import UserInputError, __version__
from bildungsplaner.exporting.html import report_html
from bildungsplaner.exporting.safety import atomic_target, csv_text
from bildungsplaner.exporting.symbols import SYMBOL_LEGEND, number_text, warning_text
from bildungsplaner.exporting.workbook import MethodSection, PlanTable, Report, SheetColumn, write_report
from bildungsplaner.i18n import tr
from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.data_export import write_csv
from bildungsplaner.services.export_allocation import group_table
from bildungsplaner.services.kinds import ScenarioInputs, kind_of
from bildungsplaner.services.planning import (
    Comparison,
    compare_results,
    group_comparison,
    group_result,
    run_scenario,
)
from bildungsplaner.services.planning_inputs import collect_inputs, compute
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction

if TYPE_CHECKING:
    from bildungsplaner.services.maps import MapRenderer

__all__ = ["FORMATS", "SYMBOL_LEGEND", "PdfRenderer", "build_report", "export_scenario", "report_html"]

FORMATS = ("xlsx", "csv", "pdf")
PdfRenderer = Callable[[str, Path], None]


def _comparison_table(comparison: Comparison, unit: str, decimals: int, line_order: list[str]) -> PlanTable:
    """B − A per recipient (allocation) or per region, year and line (demand) with totals only within one
    line and year: demand of different lines or years is never added up."""
    rows = comparison.rows.copy()
    keys = [c for c in rows.columns if c not in ("a", "b", "difference")]
    labels = {"key": "Schlüssel", "name": "Empfänger", "region_key": "Schlüssel", "region_name": "Gebiet",
              "year": "Jahr", "line": "Bedarfslinie"}
    group_by = None
    if "line" in rows and "year" in rows:
        order = {name: i for i, name in enumerate(line_order)}
        rows["_line"] = rows["line"].map(lambda v: order.get(v, len(order)))
        rows = rows.sort_values(["_line", "year", "region_key"], kind="stable")
        rows["_block"] = [f"{line} {year}" for line, year in zip(rows["line"], rows["year"], strict=True)]
        group_by = "_block"
        keys = ["line", "year", *(k for k in keys if k not in ("line", "year"))]
    columns = [SheetColumn(k, labels.get(k, k), text=k != "year", number_format="0" if k == "year" else None)
               for k in keys] + [
        SheetColumn("a", comparison.name_a, unit, decimals=decimals, total=True),
        SheetColumn("b", comparison.name_b, unit, decimals=decimals, total=True),
        SheetColumn("difference", "Differenz B − A", unit, decimals=decimals, total=True, negative_red=True)]
    return PlanTable("Vergleich", f"Vergleich: {comparison.name_a} (A) und {comparison.name_b} (B)", columns,
                     rows, notes=list(comparison.warnings), group_by=group_by, role="comparison",
                     subtitle="Summen je Bedarfslinie und Jahr" if group_by else "")


def _warnings(title: str, warnings: list[Any]) -> MethodSection | None:
    return MethodSection(title, [("", warning_text(w)) for w in warnings]) if warnings else None


def build_report(ws: Workspace, spec: ScenarioSpec, result: PlanningResult, *, comparison: Comparison | None = None,
                 inputs: ScenarioInputs | None = None, compared: PlanningResult | None = None, author: str = "",
                 group_by: str | None = None) -> Report:
    """The report of ``result`` (of ``spec``); ``inputs`` are the collected inputs (for the data sheet),
    ``compared`` the result the comparison's B side came from (its warnings go to the method), ``author`` the
    name for the document (empty: none — the login name is never written), ``group_by`` a region level above
    an allocation's recipients: planning table and comparison with a subtotal per region of that level."""
    parts = kind_of(result).export(ws, spec, result, inputs)
    first, tables, method = parts.first, parts.tables, parts.method
    if comparison is not None:
        tables.append(_comparison_table(comparison, parts.unit, parts.decimals, parts.line_order))
    if group_by:
        grouping = group_result(ws, result, group_by)
        level = grouping.level.capitalize()
        first = group_table(first, grouping, level)
        if comparison is not None:
            tables[-1] = group_table(tables[-1], group_comparison(ws, comparison, group_by), level)
    tables += parts.data
    method.append(MethodSection("Quellen", parts.sources or [("", "keine amtlichen Daten und keine eigenen Listen")]))
    for section in (_warnings("Hinweise", list(result.warnings)),
                    _warnings(f"Hinweise zum Vergleichsszenario „{comparison.name_b}“",
                              list(getattr(compared, "warnings", []) or [])) if comparison is not None else None):
        if section is not None:
            method.append(section)
    method.append(MethodSection("Zeichenerklärung", SYMBOL_LEGEND))
    created = [("Anwendung", f"Bildungsplaner {__version__}"), ("Arbeitsbereich", ws.path.name),
               ("am", date.today().strftime("%d.%m.%Y"))]
    if author:
        created.append(("von", author))
    method.append(MethodSection("Erstellt", created))
    return Report(title=spec.name, table=first, method=method, extra_tables=tables, author=author)


def _planning_tables(report: Report) -> list[PlanTable]:
    """The planning tables (a demand scenario: one per line)."""
    return [t for t in report.tables if t.role == "plan"]


def _write_csv(report: Report, out: Path) -> None:
    tables = _planning_tables(report)
    # every column of every table (a Ganztag line has its entitled part besides); a table without a column
    # shows „x“ there (GENESIS: Tabellenfach gesperrt, weil Aussage nicht sinnvoll)
    columns = list(max(tables, key=lambda t: len(t.columns)).columns)
    columns += [c for t in tables for c in t.columns if c.key not in {k.key for k in columns}]
    several = len(tables) > 1  # then a last column names the table (its sheet in the workbook: "Bedarf U3")

    def cell(value: Any, column: SheetColumn) -> str:
        if column.text:
            return "" if value is None or (isinstance(value, float) and pd.isna(value)) else csv_text(value)
        if isinstance(value, str):
            return csv_text(value)
        if column.key == "year" and value is not None and not pd.isna(value):
            return str(int(value))
        # missing is „.“, never an empty cell that reads as zero; an exact zero stays the number 0
        return number_text(value, max(column.decimals, 0), grouping=False, zero="0")

    rows = ([*(cell(row.get(c.key), c) if c in table.columns else "x" for c in columns),
             *([csv_text(table.sheet)] if several else [])]
            for table in tables for row in table.rows.to_dict("records"))
    write_csv(out, [*(c.label for c in columns), *(["Tabelle"] if several else [])], rows, text_columns=set())


def export_scenario(ws: Workspace, spec: ScenarioSpec, out: Path, *, compare: ScenarioSpec | None = None,
                    format: str = "xlsx",
                    suppress_below: int | None = None, pdf_renderer: PdfRenderer | None = None,
                    author: str | None = None, progress: Progress | None = None, group_by: str | None = None,
                    map_renderer: MapRenderer | None = None) -> Path:
    """Run ``spec`` (and ``compare``, another spec) on the workspace and write the export to ``out``.

    ``author``: a name for the document's method sheet and properties (default none; never the login name).
    """
    progress = progress or NullProgress()
    if format not in FORMATS:
        raise UserInputError(tr("Unbekanntes Format „{format}“ (möglich: {formats}).", format=format,
                                formats=", ".join(FORMATS)))
    if suppress_below is not None and suppress_below < 1:
        raise UserInputError(tr("--suppress-below braucht eine Zahl ab 1."))
    if suppress_below is not None and format != "xlsx":  # only the workbook writer hides cells
        raise UserInputError(tr("Geheimhaltung (--suppress-below) gibt es nur für die Excel-Arbeitsmappe, nicht für "
                                "{format}; die Datei würde die kleinen Fallzahlen offen zeigen.",
                                format=format.upper()))
    if compare is not None and format == "csv":
        raise UserInputError(tr("Ein Vergleich (--compare) passt nicht in eine CSV-Datei, die nur die "
                                "Planungstabelle enthält; bitte als Excel-Arbeitsmappe oder PDF exportieren."))
    if format == "pdf" and pdf_renderer is None:
        raise UserInputError(tr("PDF-Export ist nur im Fenster oder über das Programm bildungsplaner möglich."))
    out = Path(out)
    inputs = collect_inputs(ws, spec, progress)
    progress.check()
    result = compute(spec, inputs)
    comparison = compared = None
    if compare is not None:
        compared = run_scenario(ws, compare)
        comparison = compare_results(result, spec.name, compared, compare.name)
    progress.report(0.7, tr("Datei wird geschrieben …"))
    report = build_report(ws, spec, result, comparison=comparison, inputs=inputs, compared=compared,
                          author=(author or "").strip(), group_by=group_by)
    if format == "xlsx":
        if map_renderer is not None and suppress_below is None:
            from bildungsplaner.services.scenario_maps import scenario_maps

            report.maps = scenario_maps(ws, result, map_renderer)
        write_report(report, out, suppress_below=suppress_below)
    elif format == "csv":
        _write_csv(report, out)
    else:
        assert pdf_renderer is not None
        with atomic_target(out) as tmp:
            pdf_renderer(report_html(report), tmp)
    with ws.session() as s, s.begin():
        record(s, AuditAction.EXPORT, {"scenario": spec.name, "kind": spec.kind, "file": out.name,
                                       "format": format, "compare": getattr(compare, "name", None),
                                       "suppress_below": suppress_below})
    progress.report(1.0, tr("Export abgeschlossen."))
    return out

