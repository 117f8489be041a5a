"""The planning table and method text of an allocation scenario's export (see
:mod:`bildungsplaner.services.scenario_export`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from bildungsplaner.exporting.workbook import ChartSpec, PlanTable, SheetColumn
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.services.export_sources import attribute_label

if TYPE_CHECKING:
    from bildungsplaner.planning.allocation import AllocationResult, AllocationSpec
    from bildungsplaner.planning.groups import Grouping

__all__ = ["COUNT_HINTS", "METHOD_TEXT", "Labels", "allocation_data_table", "allocation_method", "allocation_table",
           "group_table", "step_decimals", "value_label"]


@dataclass
class Labels:
    """Words for column keys: facility attribute labels and indicator names (from the workspace)."""

    attributes: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)


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


def value_label(column: str, labels: Labels) -> str:
    """``attribute:schueler`` → the attribute's label; ``indicator:CODE@…`` → the indicator's name and code."""
    kind, _, rest = column.partition(":")
    code = rest.split("@")[0].split("[")[0]
    suffix = rest[len(code):]
    if kind == "attribute":
        return attribute_label(code, labels.attributes) + suffix
    name = labels.indicators.get(code)
    return (f"{name} ({code})" if name else f"Indikator {code}") + suffix


def _term_label(column: str, labels: Labels) -> str:
    """Like :func:`value_label`, with the attribute key for the method text (traceable to the scenario file)."""
    label = value_label(column, labels)
    kind, _, rest = column.partition(":")
    return f"{label} ({rest})" if kind == "attribute" and not label.startswith(rest) else label


def allocation_method(spec: AllocationSpec, result: AllocationResult, labels: Labels) -> list[tuple[str, str]]:
    rec, amount = spec.recipients, spec.amount
    if rec.type == "facility":
        who = "Einrichtungen der Arten " + ", ".join(rec.facility_kinds) if rec.facility_kinds else "alle Einrichtungen"
    else:
        who = f"Gebiete der Ebene „{rec.region_level}“"
    lines = [("Empfänger", who + (f" innerhalb {rec.within}" if rec.within else "") + f" ({len(result.rows)})")]
    weights = sum(t.weight for t in spec.need)
    for number, term in enumerate(spec.need, start=1):
        text = f"Gewicht {format_number(100 * term.weight / weights, 1)} %: {_term_label(term.source, labels)}"
        if term.times:
            text += f" × {_term_label(term.times, labels)}"
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
        lines.append(("", f"{value_label(source.split('@')[0], labels)}: Werte zum Zeitpunkt {period}"))
    unit = amount.unit
    lines += [
        ("Summe", f"{format_number(amount.total, step_decimals(amount.step))} {unit}"),
        ("Schrittweite", f"{format_number(amount.step, step_decimals(amount.step))} {unit}: jede Zuteilung ist ein "
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


def value_columns(result: AllocationResult, labels: Labels) -> list[SheetColumn]:
    """The need values as columns: counts whole and subject to disclosure control, others with the decimals
    their values need (a Sozialindex level 5 is „5“, not „5,00“)."""
    out = []
    for c in result.value_columns:
        count = _is_count(c)
        values = pd.to_numeric(result.rows[c], errors="coerce").to_numpy(dtype=float)
        out.append(SheetColumn(c, value_label(c, labels), count=count, total=count,
                          decimals=0 if count else decimals_for(values, maximum=2),
                          # everything computed from a hidden count is hidden with it: the need share, and the
                          # exact share (and its difference), from which the count could be solved for
                          derived=("need_share_pct", "need", "exact", "difference") if count else ()))
    return out


def allocation_table(spec: AllocationSpec, result: AllocationResult, labels: Labels) -> PlanTable:
    rows = result.rows.copy()
    rows["need_share_pct"] = 100 * rows["need_share"]
    unit = spec.amount.unit
    decimals = step_decimals(spec.amount.step)
    columns = [
        SheetColumn("key", "Schlüssel", text=True), SheetColumn("name", "Empfänger", text=True),
        *value_columns(result, labels),
        SheetColumn("need_share_pct", "Bedarfsanteil", "%", decimals=2, total=True),
        SheetColumn("exact", "exakter Anteil", unit, decimals=3, total=True),
        SheetColumn("amount", "Zuteilung", unit, decimals=decimals, total=True),
        SheetColumn("difference", "Differenz zu exakt", unit, decimals=3, negative_red=True),
        SheetColumn("bound", "Grenze", text=True),
    ]
    return PlanTable("Planungstabelle", spec.name, columns, rows,
                     subtitle=f"{format_number(spec.amount.total, decimals)} {unit} nach Bedarf, "
                              f"{METHOD_TEXT[spec.amount.method].split(':')[0].split(' (')[0]}",
                     stand=date.today().strftime("%d.%m.%Y"), role="plan",
                     chart=ChartSpec(f"Zuteilung ({unit})", "name", ["exact", "amount"], y_title=unit))


def allocation_data_table(result: AllocationResult, labels: Labels) -> PlanTable:
    inputs = [SheetColumn("key", "Schlüssel", text=True), SheetColumn("name", "Empfänger", text=True),
              *(replace(c, total=False, derived=()) for c in value_columns(result, labels))]
    return PlanTable("Daten", "Eingangswerte je Empfänger", inputs, result.rows, totals_label=None, role="data")


def step_decimals(step: float) -> int:
    return decimals_for(np.array([step]), maximum=6)


def group_table(table: PlanTable, grouping: Grouping, level_label: str | None = None) -> PlanTable:
    """``table`` (a planning or comparison table with a ``key`` per row) in the order of ``grouping`` (see
    :func:`bildungsplaner.services.planning.group_result`): the rows of each group, a subtotal row „Summe
    <Gemeinde>“ of live ``SUBTOTAL`` formulas, and a grand total „Insgesamt“ that does not count them twice."""
    order = {str(k): i for i, k in enumerate(grouping.rows["key"])}
    rows = table.rows.copy()
    rows["_position"] = [order.get(str(k), len(order)) for k in rows["key"]]
    rows = rows.sort_values("_position", kind="stable").drop(columns="_position")
    group_of = dict(zip(grouping.rows["key"].astype(str), grouping.rows["group_key"], strict=True))
    names = dict(zip(grouping.totals["group_key"], grouping.totals["group_name"], strict=True))
    taken: dict[str, int] = {}
    for name in names.values():
        taken[name] = taken.get(name, 0) + 1
    labels = {key: name if taken[name] == 1 or not key else f"{name} ({key})" for key, name in names.items()}
    rows["_group"] = [labels.get(group_of.get(str(k), ""), "") for k in rows["key"]]
    level = level_label or grouping.level
    subtitle = "; ".join(t for t in (table.subtitle, f"Zwischensummen je {level}") if t)
    return replace(table, rows=rows, group_by="_group", grand_total_label="Insgesamt", subtitle=subtitle)
