"""Export a scenario for the council: Excel workbook (default), CSV, or the text for a PDF.

:func:`build_report` turns a scenario's result into a :class:`~bildungsplaner.exporting.workbook.Report`
(planning table, comparison, data, method with every parameter in words, sources and symbol legend);
:func:`export_scenario` runs the scenario on the workspace's current data and writes the file. The PDF is
drawn by the window's Qt code from :func:`report_html` (the services stay free of Qt); the command line gets
that renderer from the entry point.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select

from bildungsplaner import UserInputError, __version__
from bildungsplaner.exporting.safety import atomic_target, csv_text
from bildungsplaner.exporting.workbook import ChartSpec, Column, MethodSection, PlanTable, Report, write_report
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.data_export import write_csv
from bildungsplaner.services.planning import Comparison, compare_results, result_kind, run_scenario
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, Dataset, Indicator, Observation

__all__ = ["FORMATS", "PdfRenderer", "build_report", "export_scenario", "report_html"]

FORMATS = ("xlsx", "csv", "pdf")
PdfRenderer = Callable[[str, Path], None]

SYMBOL_LEGEND = [
    ("–", "nichts vorhanden (genau null)"),
    ("0", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts"),
    (".", "Zahlenwert unbekannt oder geheim zu halten"),
    ("...", "Angabe fällt später an"),
    ("/", "keine Angaben, da Zahlenwert nicht sicher genug"),
    ("x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"),
    ("p / r / s", "vorläufige / berichtigte / geschätzte Zahl"),
]


def _datasets(ws: Workspace, indicator_codes: list[str]) -> list[tuple[str, str]]:
    """Method lines for the current datasets behind ``indicator_codes``."""
    if not indicator_codes:
        return []
    with ws.session() as s:
        rows = s.execute(
            select(Dataset.id, Dataset.file_name, Dataset.table_code, Dataset.title, Dataset.stand, Dataset.source,
                   Dataset.imported_at, Indicator.code)
            .join(Observation, Observation.dataset_id == Dataset.id)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Indicator.code.in_(indicator_codes), Dataset.superseded_by_id.is_(None))
            .distinct().order_by(Dataset.id)).all()
    lines = []
    for _, file_name, code, title, stand, source, imported_at, indicator in rows:
        text = " – ".join(p for p in (f"Tabelle {code}" if code else file_name, title or "",
                                      f"Stand: {stand}" if stand else "",
                                      f"importiert am {imported_at:%d.%m.%Y}") if p)
        lines.append((indicator, text))
        if source:
            lines.append(("", source))
    return lines


# --- demand ------------------------------------------------------------------------------------------------

def _rate_text(rate: Any) -> str:
    if isinstance(rate, int | float):
        return f"{format_number(100 * rate, 1)} %"
    points = ", ".join(f"{year}: {format_number(100 * value, 1)} %" for year, value in rate.points)
    return f"{points} (dazwischen linear, davor und danach gleichbleibend)"


def _births_text(births: Any) -> str:
    if births == "last":
        return "Jahrgang 0 wie im letzten beobachteten Jahr"
    if isinstance(births, str) and births.startswith("mean-"):
        return f"Jahrgang 0 als Mittel der letzten {births[5:]} beobachteten Jahre je Gebiet"
    if isinstance(births, int | float):
        return f"{format_number(births, 0)} Geburten je Jahr im ganzen Gebiet, verteilt nach dem heutigen Anteil"
    return ("Geburten je Jahr im ganzen Gebiet " + ", ".join(f"{y}: {format_number(v, 0)}" for y, v in births.points)
            + ", verteilt nach dem heutigen Anteil")


def _demand_method(spec: Any, result: Any) -> list[MethodSection]:
    population = spec.population
    fixed = ", ".join(f"{k} = {v}" for k, v in population.dimension_map.items()) or "keine"
    lines = [
        ("Gebiete", f"Ebene „{spec.regions.level}“" + (f" innerhalb {spec.regions.within}"
                                                       if spec.regions.within else "")),
        ("Bevölkerung", f"Indikator {population.indicator} nach Einzelaltersjahren; feste Merkmale: {fixed}"),
        ("Zeitraum", f"{result.base_year} bis {result.horizon}; beobachtet bis {result.observed_until}"),
        ("Alterung", "Bevölkerung (Alter a+1, Jahr j+1) = Bevölkerung (Alter a, Jahr j) × "
                     f"{format_number(population.survival, 3)} (Wanderung und Sterblichkeit)"),
        ("Geburten", _births_text(population.births)),
    ]
    for line in spec.demand:
        lines.append((f"Bedarfslinie „{line.name}“", f"Altersjahre {', '.join(map(str, line.ages))}; "
                      f"Quote {_rate_text(line.rate)}; Bedarf = Kinder × Quote"))
        if line.ganztag_entitlement:
            lines.append(("", "Rechtsanspruch auf Ganztag (GaFöG) nur für die berechtigten Klassenstufen: "
                              "Schuljahr 2026/27 Klasse 1, 2027/28 Klassen 1–2, 2028/29 Klassen 1–3, ab "
                              "2029/30 Klassen 1–4; Jahr j steht für das Schuljahr j/j+1, Klasse k ≈ Alter 5+k"))
        if line.capacity is not None:
            kinds = ", ".join(line.capacity.facility_kinds) or "alle Arten"
            lines.append(("", f"Plätze: Merkmal „{line.capacity.attribute}“ der Einrichtungen ({kinds}), je "
                              "Gebiet summiert; Lücke = Plätze − Bedarf, Deckung = Plätze / Bedarf"))
    return [MethodSection("Parameter", lines)]


def _demand_tables(spec: Any, result: Any) -> tuple[PlanTable, list[PlanTable]]:
    rows = result.rows.copy()
    rows["coverage_pct"] = 100 * rows["coverage"]
    columns = [
        Column("region_key", "Schlüssel", text=True), Column("region_name", "Gebiet", text=True),
        Column("year", "Jahr", number_format="0"), Column("ages", "Altersjahre", text=True),
        Column("population", "Kinder", "Anzahl", total=True, count=True, derived=("demand", "gap", "coverage_pct")),
        Column("demand", "Bedarf", "Plätze", decimals=1, total=True),
        Column("capacity", "Plätze", "Anzahl", total=True),
        Column("gap", "Lücke", "Plätze", decimals=1, total=True, negative_red=True),
        Column("coverage_pct", "Deckung", "%", decimals=1),
    ]
    lines = list(dict.fromkeys(rows["line"]))
    tables = []
    for line in lines:
        part = rows[rows["line"] == line].sort_values(["year", "region_key"], kind="stable")
        tables.append(PlanTable(f"Bedarf {line}", f"{spec.name}: {line}", columns, part,
                                subtitle=f"Bedarf und Plätze {result.base_year}–{result.horizon} je Gebiet und Jahr",
                                stand=date.today().strftime("%d.%m.%Y"), group_by="year"))
    totals = result.totals.copy()
    totals["coverage_pct"] = 100 * totals["coverage"]
    overview_columns = [Column("line", "Bedarfslinie", text=True), Column("year", "Jahr", number_format="0"),
                        Column("population", "Kinder", "Anzahl"), Column("demand", "Bedarf", "Plätze", decimals=1),
                        Column("capacity", "Plätze", "Anzahl"),
                        Column("gap", "Lücke", "Plätze", decimals=1, negative_red=True),
                        Column("coverage_pct", "Deckung", "%", decimals=1)]
    overview = PlanTable("Übersicht", f"{spec.name}: alle Gebiete", overview_columns, totals, totals_label=None,
                         chart=ChartSpec("Bedarf und Plätze", "year", ["demand", "capacity"], kind="line",
                                         y_title="Plätze"))
    return tables[0], [*tables[1:], overview]


# --- allocation --------------------------------------------------------------------------------------------

#: Need values whose name says they count people; they are subject to disclosure control.
COUNT_HINTS = ("schueler", "schüler", "kinder", "anzahl", "einwohner", "bev", "personen", "teilnehm", "jugend",
               "geburt", "familien", "haushalt")

METHOD_TEXT = {
    "hare-niemeyer": "Hare-Niemeyer (größte Reste): jeder erhält zunächst die abgerundete Zahl ganzer Schritte "
                     "seines exakten Anteils, die übrigen Schritte gehen an die größten Reste. Niemand liegt "
                     "mehr als einen Schritt neben seinem exakten Anteil; eine höhere Gesamtsumme kann aber "
                     "einem Empfänger einen Schritt nehmen (Alabama-Paradoxon).",
    "sainte-lague": "Sainte-Laguë/Schepers (Divisorverfahren mit Standardrundung, wie bei der Sitzverteilung im "
                    "Bundestag): die Schritte gehen nacheinander an die höchsten Quotienten Anteil / 0,5, 1,5, "
                    "2,5 … Ohne Sockel und Grenzen nimmt eine höhere Gesamtsumme niemandem etwas.",
    "dhondt": "D'Hondt (Divisorverfahren mit Abrundung): die Schritte gehen nacheinander an die höchsten Quotienten "
              "Anteil / 1, 2, 3 … Große Empfänger werden leicht bevorzugt; ohne Sockel und Grenzen nimmt eine "
              "höhere Gesamtsumme niemandem etwas.",
    "exact": "keine Rundung: die exakten Anteile werden zugeteilt.",
}


def _is_count(column: str) -> bool:
    name = column.split(":", 1)[-1].lower()
    return column.startswith("attribute:") and any(h in name for h in COUNT_HINTS)


def _value_label(column: str) -> str:
    kind, _, rest = column.partition(":")
    return rest if kind == "attribute" else f"Indikator {rest}"


def _allocation_method(spec: Any, result: Any) -> list[tuple[str, str]]:
    rec, amount = spec.recipients, spec.amount
    if rec.type == "facility":
        who = "Einrichtungen der Arten " + ", ".join(rec.facility_kinds) if rec.facility_kinds else "alle Einrichtungen"
    else:
        who = f"Gebiete der Ebene „{rec.region_level}“"
    lines = [("Empfänger", who + (f" innerhalb {rec.within}" if rec.within else "") + f" ({len(result.rows)})")]
    weights = sum(t.weight for t in spec.need)
    for number, term in enumerate(spec.need, start=1):
        text = f"Gewicht {format_number(100 * term.weight / weights, 1)} %: {_value_label(term.source)}"
        if term.times:
            text += f" × {_value_label(term.times)}"
        if term.period:
            text += f", Zeitpunkt {term.period}"
        if term.dimensions:
            text += ", " + ", ".join(f"{k} = {v}" for k, v in term.dimensions)
        if term.missing == "zero":
            text += "; fehlende Werte zählen als 0"
        lines.append((f"Bedarfsterm {number}", text))
    lines.append(("Bedarfsanteil", "Summe über die Terme: Gewicht × Wert des Empfängers / Summe der Werte aller "
                                   "Empfänger"))
    for source, period in sorted(getattr(result, "periods", {}).items()):
        lines.append(("", f"{_value_label(source.split('@')[0])}: Werte zum Zeitpunkt {period}"))
    unit = amount.unit
    lines += [
        ("Summe", f"{format_number(amount.total, _step_decimals(amount.step))} {unit}"),
        ("Schrittweite", f"{format_number(amount.step, _step_decimals(amount.step))} {unit}: jede Zuteilung ist ein "
                         "Vielfaches davon"),
        ("Sockel", f"{format_number(amount.base, 2)} {unit} für jeden Empfänger vorab, der Rest nach Bedarf"),
        ("Grenzen", f"mindestens {format_number(amount.minimum, 2)} {unit}"
                    + (f", höchstens {format_number(amount.maximum, 2)} {unit}" if amount.maximum is not None else "")
                    + "; wer eine Grenze überschreitet, erhält sie, der Rest wird unter den übrigen neu verteilt"),
    ]
    if amount.locked:
        lines.append(("Feste Beträge", ", ".join(f"{k}: {format_number(v, 2)} {unit}" for k, v in amount.locked)))
    lines.append(("Rundung", METHOD_TEXT[amount.method]))
    lines.append(("Gleichstand", "bei gleichem Anspruch auf die letzte Einheit entscheidet der größere exakte "
                                 "Anteil, dann der kleinere Schlüssel"))
    return lines


def _allocation_tables(spec: Any, result: Any) -> tuple[PlanTable, list[PlanTable]]:
    rows = result.rows.copy()
    rows["need_share_pct"] = 100 * rows["need_share"]
    counts = [c for c in result.value_columns if _is_count(c)]
    # everything computed from a hidden count is hidden with it: the need share, and the exact share (and its
    # difference to the amount), from which the count could be solved for across the table
    values = [Column(c, _value_label(c), count=c in counts, total=c in counts,
                     decimals=0 if c in counts else 2,
                     derived=("need_share_pct", "need", "exact", "difference") if c in counts else ())
              for c in result.value_columns]
    unit = spec.amount.unit
    decimals = _step_decimals(spec.amount.step)
    columns = [
        Column("key", "Schlüssel", text=True), Column("name", "Empfänger", text=True), *values,
        Column("need_share_pct", "Bedarfsanteil", "%", decimals=2, total=True),
        Column("exact", "exakter Anteil", unit, decimals=3, total=True),
        Column("amount", "Zuteilung", unit, decimals=decimals, total=True),
        Column("difference", "Differenz zu exakt", unit, decimals=3, negative_red=True),
        Column("bound", "Grenze", text=True),
    ]
    table = PlanTable("Planungstabelle", spec.name, columns, rows,
                      subtitle=f"{format_number(spec.amount.total, decimals)} {unit} nach Bedarf, "
                               f"{METHOD_TEXT[spec.amount.method].split(':')[0].split(' (')[0]}",
                      stand=date.today().strftime("%d.%m.%Y"),
                      chart=ChartSpec(f"Zuteilung ({unit})", "name", ["exact", "amount"], y_title=unit))
    return table, []


# --- the report --------------------------------------------------------------------------------------------

def _comparison_table(comparison: Comparison, unit: str) -> PlanTable:
    keys = [c for c in comparison.rows.columns if c not in ("a", "b", "difference")]
    labels = {"key": "Schlüssel", "name": "Empfänger", "region_key": "Schlüssel", "region_name": "Gebiet",
              "year": "Jahr", "line": "Bedarfslinie"}
    columns = [Column(k, labels.get(k, k), text=k != "year", number_format="0" if k == "year" else None)
               for k in keys] + [
        Column("a", comparison.name_a, unit, decimals=2, total=True),
        Column("b", comparison.name_b, unit, decimals=2, total=True),
        Column("difference", "Differenz B − A", unit, decimals=2, total=True, negative_red=True)]
    return PlanTable("Vergleich", f"Vergleich: {comparison.name_a} (A) und {comparison.name_b} (B)", columns,
                     comparison.rows, notes=comparison.warnings)


def build_report(ws: Workspace, spec: Any, result: Any, *, comparison: Comparison | None = None) -> Report:
    kind = result_kind(result)
    if kind == "demand":
        table, extra = _demand_tables(spec, result)
        method = _demand_method(spec, result)
        indicators = [spec.population.indicator]
        unit = "Plätze"
        inputs = [Column("region_key", "Schlüssel", text=True), Column("region_name", "Gebiet", text=True),
                  Column("year", "Jahr", number_format="0"), Column("line", "Bedarfslinie", text=True),
                  Column("population", "Kinder", "Anzahl", count=True), Column("capacity", "Plätze", "Anzahl")]
        data = PlanTable("Daten", "Eingangswerte (letztes beobachtetes Jahr)", inputs,
                         result.rows[result.rows["year"] == result.observed_until], totals_label=None)
    else:
        table, extra = _allocation_tables(spec, result)
        method = [MethodSection("Parameter", _allocation_method(spec, result))]
        indicators = sorted({c.split(":", 1)[1].split("@")[0].split("[")[0] for c in result.value_columns
                             if c.startswith("indicator:")})
        unit = spec.amount.unit
        inputs = [Column("key", "Schlüssel", text=True), Column("name", "Empfänger", text=True),
                  *(Column(c, _value_label(c), count=_is_count(c), decimals=0 if _is_count(c) else 2)
                    for c in result.value_columns)]
        data = PlanTable("Daten", "Eingangswerte je Empfänger", inputs, result.rows, totals_label=None)
    if comparison is not None:
        extra.insert(0, _comparison_table(comparison, unit))
    extra.append(data)
    sources = _datasets(ws, indicators)
    method.append(MethodSection("Daten", sources or [("", "keine amtlichen Daten (nur Einrichtungsmerkmale)")]))
    if result.warnings:
        method.append(MethodSection("Hinweise", [("", w) for w in result.warnings]))
    method.append(MethodSection("Zeichenerklärung", SYMBOL_LEGEND))
    method.append(MethodSection("Erstellt", [("Anwendung", f"Bildungsplaner {__version__}"),
                                             ("Arbeitsbereich", str(ws.path)), ("von", current_user()),
                                             ("am", date.today().strftime("%d.%m.%Y"))]))
    return Report(title=spec.name, table=table, method=method, extra_tables=extra, author=current_user())


def report_html(report: Report) -> str:
    """The planning table(s) and the method as simple HTML (for the PDF; A4, printable)."""
    table = report.table
    parts = [f"<h1>{html.escape(table.title)}</h1>"]
    for text in (table.subtitle, f"Stand: {table.stand}" if table.stand else ""):
        if text:
            parts.append(f"<p>{html.escape(text)}</p>")
    head = "".join(f"<th>{html.escape(c.label)}</th>" for c in table.columns)
    tables = _planning_tables(report)
    for part in tables:
        if len(tables) > 1:  # a demand scenario: one table per line, each under its title
            parts.append(f"<h2>{html.escape(part.title)}</h2>")
        body = []
        for row in part.rows.to_dict("records"):
            cells = []
            for column in table.columns:
                value = row.get(column.key)
                if isinstance(value, float) and not column.text:
                    text, align = ("" if pd.isna(value) else format_number(value, column.decimals)), "right"
                elif isinstance(value, int) and not column.text:
                    text, align = format_number(value, 0) if column.key != "year" else str(value), "right"
                else:
                    text, align = ("" if value is None else str(value)), "left"
                cells.append(f'<td align="{align}">{html.escape(text)}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        parts.append(f'<table border="1" cellspacing="0" cellpadding="3"><thead><tr>{head}</tr></thead>'
                     f"<tbody>{''.join(body)}</tbody></table>")
    parts.append("<h2>Methodik</h2>")
    for section in report.method:
        parts.append(f"<h3>{html.escape(section.heading)}</h3><table cellpadding='2'>")
        for label, text in section.lines:
            parts.append(f"<tr><td valign='top'><b>{html.escape(label)}</b></td><td>{html.escape(text)}</td></tr>")
        parts.append("</table>")
    return "<html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>"


def _planning_tables(report: Report) -> list[PlanTable]:
    """The planning table and the further tables of its columns (a demand scenario's other lines)."""
    return [report.table, *(t for t in report.extra_tables if t.columns == report.table.columns)]


def _write_csv(report: Report, out: Path) -> None:
    tables = _planning_tables(report)
    columns = report.table.columns
    several = len(tables) > 1  # then a last column names the table (its sheet in the workbook: "Bedarf U3")

    def cell(value: Any, column: Column) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        if column.text or isinstance(value, str):
            return csv_text(value)
        if column.key == "year":
            return str(value)
        return format_number(float(value), max(column.decimals, 0)).replace(".", "")

    rows = ([*(cell(row.get(c.key), c) for c in columns), *([csv_text(table.sheet)] if several else [])]
            for table in tables for row in table.rows.to_dict("records"))
    write_csv(out, [*(c.label for c in columns), *(["Tabelle"] if several else [])], rows, text_columns=set())


def export_scenario(ws: Workspace, spec: Any, out: Path, *, compare: Any | None = None, format: str = "xlsx",
                    suppress_below: int | None = None, pdf_renderer: PdfRenderer | None = None,
                    progress: Progress | None = None) -> Path:
    """Run ``spec`` (and ``compare``, another spec) on the workspace and write the export to ``out``."""
    progress = progress or NullProgress()
    if format not in FORMATS:
        raise UserInputError(f"Unbekanntes Format „{format}“ (möglich: {', '.join(FORMATS)}).")
    if suppress_below is not None and suppress_below < 1:
        raise UserInputError("--suppress-below braucht eine Zahl ab 1.")
    if suppress_below is not None and format != "xlsx":  # only the workbook writer hides cells
        raise UserInputError(f"Geheimhaltung (--suppress-below) gibt es nur für die Excel-Arbeitsmappe, nicht für "
                             f"{format.upper()}; die Datei würde die kleinen Fallzahlen offen zeigen.")
    out = Path(out)
    result = run_scenario(ws, spec, progress)
    comparison = None
    if compare is not None:
        comparison = compare_results(result, spec.name, run_scenario(ws, compare), compare.name)
    progress.report(0.7, "Datei wird geschrieben …")
    report = build_report(ws, spec, result, comparison=comparison)
    if format == "xlsx":
        write_report(report, out, suppress_below=suppress_below)
    elif format == "csv":
        _write_csv(report, out)
    else:
        if pdf_renderer is None:
            raise UserInputError("PDF-Export ist nur im Fenster oder über das Programm bildungsplaner möglich.")
        with atomic_target(out) as tmp:
            pdf_renderer(report_html(report), tmp)
    with ws.session() as s, s.begin():
        record(s, AuditAction.EXPORT, {"scenario": spec.name, "kind": scenario_files.spec_kind(spec), "file": out.name,
                                       "format": format, "compare": getattr(compare, "name", None),
                                       "suppress_below": suppress_below})
    progress.report(1.0, "Export abgeschlossen.")
    return out


def _step_decimals(step: float) -> int:
    return decimals_for(np.array([step]), maximum=6)
