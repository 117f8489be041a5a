"""The sheets and method text of a demand scenario's export (see :mod:`bildungsplaner.services.scenario_export`).

Sheets in order: „Übersicht“ (all regions per line and year, one chart per line), one sheet per demand line
(per region and year, a totals row per year), then the service adds the comparison; „Daten“ holds what the
forecast used: the population of the start year by single year of age, the age-0 counts behind the births
rule, and today's places per region and line.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from bildungsplaner.exporting.workbook import ChartSpec, MethodSection, PlanTable, SheetColumn
from bildungsplaner.formatting import format_number
from bildungsplaner.services.export_sources import attribute_label

if TYPE_CHECKING:
    from bildungsplaner.planning.demand import DemandResult, DemandSpec
    from bildungsplaner.services.kinds import ScenarioInputs

__all__ = ["demand_data_tables", "demand_method", "demand_tables"]


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


def demand_method(spec: DemandSpec, result: DemandResult, labels: dict[str, str]) -> list[MethodSection]:
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
        arithmetic = line.method_text() if hasattr(line, "method_text") else "Bedarf = Kinder × Quote"
        lines.append((f"Bedarfslinie „{line.name}“", f"Altersjahre {', '.join(map(str, line.ages))}; "
                      f"Quote {_rate_text(line.rate)}; {arithmetic}"))
        if line.ganztag_entitlement:
            lines.append(("", "Rechtsanspruch auf Ganztag (GaFöG) nur für die berechtigten Klassenstufen: "
                              "Schuljahr 2026/27 Klasse 1, 2027/28 Klassen 1–2, 2028/29 Klassen 1–3, ab "
                              "2029/30 Klassen 1–4; Jahr j steht für das Schuljahr j/j+1, Klasse k ≈ Alter 5+k"))
        before = getattr(line, "rate_before_entitlement", None)
        if before is not None:
            lines.append(("", f"Quote vor dem Rechtsanspruch (Klassen noch ohne Rechtsanspruch): "
                              f"{_rate_text(before)}"))
        if line.capacity is not None:
            kinds = ", ".join(line.capacity.facility_kinds) or "alle Arten"
            label = attribute_label(line.capacity.attribute, labels)
            lines.append(("", f"Plätze: „{label}“ (Merkmal {line.capacity.attribute}) der Einrichtungen ({kinds}), "
                              "je Gebiet summiert, heutiger Stand für alle Jahre; Lücke = Plätze − Bedarf, "
                              "Deckung = Plätze / Bedarf"))
    lines.append(("Summen", "nur je Bedarfslinie und Jahr (über die Gebiete); Bedarfe verschiedener Linien oder "
                            "Jahre werden nie zusammengezählt"))
    return [MethodSection("Parameter", lines)]


def _line_order(spec: DemandSpec, values: pd.Series) -> pd.Series:
    order = {line.name: i for i, line in enumerate(spec.demand)}
    return values.map(lambda v: order.get(v, len(order)))


def _with_coverage(frame: pd.DataFrame) -> pd.DataFrame:
    """``coverage_pct`` in percent; „x“ (not meaningful) where there are places but no demand, as in the window;
    missing places leave it missing („.“)."""
    out = frame.copy()
    coverage = (100 * out["coverage"]).astype(object)
    meaningless = (out["demand"] == 0) & out["capacity"].notna()
    coverage[meaningless.to_numpy()] = "x"
    out["coverage_pct"] = coverage
    return out


def demand_tables(spec: DemandSpec, result: DemandResult) -> list[PlanTable]:
    """The overview (first sheet) and one planning table per demand line."""
    today = date.today().strftime("%d.%m.%Y")
    rows = _with_coverage(result.rows)
    columns = [
        SheetColumn("region_key", "Schlüssel", text=True), SheetColumn("region_name", "Gebiet", text=True),
        SheetColumn("year", "Jahr", number_format="0"), SheetColumn("ages", "Altersjahre", text=True),
        SheetColumn("population", "Kinder", "Anzahl", total=True, count=True,
                    derived=("demand", "gap", "coverage_pct")),
        SheetColumn("demand", "Bedarf", "Plätze", decimals=1, total=True),
        SheetColumn("capacity", "Plätze", "Anzahl", total=True),
        SheetColumn("gap", "Lücke", "Plätze", decimals=1, total=True, negative_red=True),
        SheetColumn("coverage_pct", "Deckung", "%", decimals=1),
    ]
    entitled = [
        SheetColumn("entitled_ages", "Alter mit Anspruch", text=True),
        SheetColumn("entitled_population", "Kinder mit Anspruch", "Anzahl", total=True, count=True,
               derived=("entitled_demand",)),
        SheetColumn("entitled_demand", "Bedarf mit Anspruch", "Plätze", decimals=1, total=True)]
    ganztag = {line.name for line in spec.demand if line.ganztag_entitlement}
    tables = []
    for line in dict.fromkeys(rows["line"]):
        part = rows[rows["line"] == line].sort_values(["year", "region_key"], kind="stable")
        line_columns = columns
        if line in ganztag and all(c.key in part for c in entitled):  # the entitled part beside the whole
            line_columns = [*columns[:5], entitled[0], entitled[1], columns[5], entitled[2], *columns[6:]]
        tables.append(PlanTable(f"Bedarf {line}", f"{spec.name}: {line}", line_columns, part,
                                subtitle=f"Bedarf und Plätze {result.base_year}–{result.horizon} je Gebiet und Jahr",
                                stand=today, group_by="year", role="plan"))
    totals = _with_coverage(result.totals)
    totals = totals.assign(_order=_line_order(spec, totals["line"])).sort_values(["_order", "year"], kind="stable")
    overview_columns = [SheetColumn("line", "Bedarfslinie", text=True), SheetColumn("year", "Jahr", number_format="0"),
                        SheetColumn("ages", "Altersjahre", text=True),
                        SheetColumn("population", "Kinder", "Anzahl"),
                        SheetColumn("demand", "Bedarf", "Plätze", decimals=1),
                        SheetColumn("capacity", "Plätze", "Anzahl"),
                        SheetColumn("gap", "Lücke", "Plätze", decimals=1, negative_red=True),
                        SheetColumn("coverage_pct", "Deckung", "%", decimals=1)]
    overview = PlanTable("Übersicht", f"{spec.name}: alle Gebiete", overview_columns, totals, totals_label=None,
                         subtitle="Summe über die Gebiete je Bedarfslinie und Jahr", stand=today, role="overview",
                         chart=ChartSpec("Bedarf und Plätze", "year", ["demand", "capacity"], kind="line",
                                         y_title="Plätze", split_by="line"))
    return [overview, *tables]


def _regions(result: DemandResult) -> pd.DataFrame:
    return result.rows[["region_key", "region_name"]].drop_duplicates("region_key").reset_index(drop=True)


def _wide(frame: pd.DataFrame, regions: pd.DataFrame, column: str, prefix: str) -> pd.DataFrame:
    """``regions`` with one column per value of ``column`` (``prefix`` + value) holding ``value``."""
    table = frame.pivot_table(index="region_key", columns=column, values="value", aggfunc="first", dropna=False)
    out = regions.copy()
    for value in sorted(table.columns):
        out[f"{prefix}{value}"] = out["region_key"].map(table[value]).astype(float)
    return out


def demand_data_tables(spec: DemandSpec, result: DemandResult, inputs: ScenarioInputs | None,
                       labels: dict[str, str]) -> list[PlanTable]:
    """The observations the forecast used (sheet „Daten“); without ``inputs``: the start year from the result."""
    regions = _regions(result)
    start = result.observed_until
    key_columns = [SheetColumn("region_key", "Schlüssel", text=True), SheetColumn("region_name", "Gebiet", text=True)]
    population = inputs.frames.get("population") if inputs is not None else None
    tables = []
    if population is not None and len(population):
        from bildungsplaner.planning.ages import single_year_population

        frame = population if "age" in population else single_year_population(
            population, spec.ages_needed(), what=f"Die Bevölkerung („{spec.population.indicator}“)")
        ages = spec.ages_needed()
        base = frame[(frame["year"] == start) & frame["age"].isin(ages)]
        wide = _wide(base, regions, "age", "age_")
        for age in ages:  # an age the start year lacks: a missing column, shown „.“
            if f"age_{age}" not in wide:
                wide[f"age_{age}"] = np.nan
        age_columns = [SheetColumn(f"age_{a}", f"Alter {a}", "Anzahl", total=True, count=True) for a in ages]
        tables.append(PlanTable("Daten", f"Bevölkerung {start} nach Einzelaltersjahren (Startjahr der Prognose)",
                                key_columns + age_columns, wide, role="data",
                                subtitle=f"Indikator {spec.population.indicator}; Ausgangsbestand, den die Prognose "
                                         "Jahr für Jahr um ein Altersjahr weiterschiebt"))
        births = spec.population.births
        if isinstance(births, str):
            seen = sorted(y for y in pd.unique(frame["year"]) if y <= start)
            window = seen[-1:] if births == "last" else seen[-int(births.split("-")[1]):]
            zero = frame[(frame["age"] == 0) & frame["year"].isin(window)]
            wide0 = _wide(zero, regions, "year", "year_")
            year_columns = [SheetColumn(f"year_{y}", str(y), "Anzahl", total=True, count=True) for y in window]
            tables.append(PlanTable("Daten", "Geburten: Kinder im Alter 0 in den beobachteten Jahren der Regel",
                                    key_columns + year_columns, wide0, role="data",
                                    subtitle=_births_text(births)))
    else:
        base = result.rows[result.rows["year"] == start]
        inputs_columns = [*key_columns, SheetColumn("line", "Bedarfslinie", text=True),
                          SheetColumn("population", "Kinder", "Anzahl", count=True),
                          SheetColumn("capacity", "Plätze", "Anzahl")]
        tables.append(PlanTable("Daten", f"Eingangswerte ({start}, letztes beobachtetes Jahr)", inputs_columns,
                                base, totals_label=None, role="data"))
        return tables
    capacity = inputs.frames.get("capacity") if inputs is not None else None
    if capacity is not None and len(capacity):
        places = regions.copy()
        place_columns = []
        for number, line in enumerate(spec.demand):
            if line.capacity is None:
                continue
            part = capacity[capacity["line"] == line.name].groupby("region_key")["capacity"].sum(min_count=1)
            places[f"cap_{number}"] = places["region_key"].map(part).astype(float)
            label = attribute_label(line.capacity.attribute, labels)
            place_columns.append(SheetColumn(f"cap_{number}", f"{line.name}: {label}", "Anzahl", total=True))
        if place_columns:
            tables.append(PlanTable("Daten", "Plätze je Gebiet (heutiger Stand, für alle Jahre der Prognose)",
                                    key_columns + place_columns, places, role="data",
                                    subtitle="Summe des Merkmals über die Einrichtungen im Gebiet (Quellen: Methodik)"))
    return tables
