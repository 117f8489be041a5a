"""Run scenarios against the workspace and compare two of them.

:func:`run_scenario` collects what a scenario needs (:mod:`bildungsplaner.services.planning_data`) and hands
it to the pure planning functions: :func:`bildungsplaner.planning.allocation.allocate` or
:func:`bildungsplaner.planning.demand.forecast`. :func:`compare_results` lines two results up per recipient
(allocation) or per region, year and line (demand) with the difference B − A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.planning_data import (
    NeedSource,
    capacity_frame,
    population_frame,
    recipients_frame,
)
from bildungsplaner.store.database import Workspace

__all__ = ["Comparison", "compare_results", "result_kind", "run_scenario"]


def result_kind(result: Any) -> str:
    return "allocation" if type(result).__name__ == "AllocationResult" else "demand"


def run_scenario(ws: Workspace, spec: Any, progress: Progress | None = None) -> Any:
    """The result of ``spec`` (an ``AllocationSpec`` or ``DemandSpec``) on the workspace's data."""
    progress = progress or NullProgress()
    kind = scenario_files.spec_kind(spec)
    progress.report(0.1, "Daten werden zusammengestellt …")
    if kind == "allocation":
        return _run_allocation(ws, spec, progress)
    return _run_demand(ws, spec, progress)


def _run_demand(ws: Workspace, spec: Any, progress: Progress) -> Any:
    from bildungsplaner.planning.demand import forecast

    population = population_frame(ws, indicator=spec.population.indicator, level=spec.regions.level,
                                  within=spec.regions.within, dimensions=spec.population.dimension_map,
                                  age_dimension=spec.population.age_dimension)
    parts = []
    for line in spec.demand:
        if line.capacity is not None:
            frame = capacity_frame(ws, level=spec.regions.level, within=spec.regions.within,
                                   facility_kinds=line.capacity.facility_kinds, attribute=line.capacity.attribute)
            parts.append(frame.assign(line=line.name))
    capacity = pd.concat(parts, ignore_index=True) if parts else None
    progress.check()
    progress.report(0.5, "Bedarf wird berechnet …")
    return forecast(spec, population, capacity)


def _run_allocation(ws: Workspace, spec: Any, progress: Progress) -> Any:
    from bildungsplaner.planning.allocation import allocate, need_sources

    recipients = spec.recipients
    frame = recipients_frame(ws, type=recipients.type, facility_kinds=recipients.facility_kinds,
                             region_level=recipients.region_level, within=recipients.within,
                             sources=[NeedSource(r.source, r.period, r.dimension_map, r.column)
                                      for r in need_sources(spec)])
    if frame.empty:
        raise UserInputError(f"Szenario „{spec.name}“: keine Empfänger gefunden "
                             f"({_describe_recipients(recipients)}).")
    progress.check()
    progress.report(0.5, "Verteilung wird berechnet …")
    result = allocate(spec, frame)
    result.periods = dict(frame.attrs.get("periods", {}))
    return result


def _describe_recipients(recipients: Any) -> str:
    if recipients.type == "facility":
        what = "Einrichtungen der Art " + ", ".join(recipients.facility_kinds) if recipients.facility_kinds \
            else "Einrichtungen"
    else:
        what = f"Gebiete der Ebene „{recipients.region_level}“"
    return what + (f" in {recipients.within}" if recipients.within else "")


@dataclass
class Comparison:
    """Two results side by side: ``rows`` has the key columns, ``a``, ``b`` and ``difference`` (B − A)."""

    kind: str
    name_a: str
    name_b: str
    rows: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        records = self.rows.astype(object).where(self.rows.notna(), None).to_dict("records")
        return {"kind": self.kind, "a": self.name_a, "b": self.name_b, "rows": records, "warnings": self.warnings}


def compare_results(result_a: Any, name_a: str, result_b: Any, name_b: str) -> Comparison:
    """Line up two results of the same kind (see the module docstring)."""
    kind_a, kind_b = result_kind(result_a), result_kind(result_b)
    if kind_a != kind_b:
        raise UserInputError(f"„{name_a}“ ({kind_a}) und „{name_b}“ ({kind_b}) sind verschiedene Arten von "
                             "Szenarien und lassen sich nicht vergleichen.")
    if kind_a == "allocation":
        keys, value = ["key", "name"], "amount"
    else:
        keys, value = ["region_key", "region_name", "year", "line"], "demand"
    left = result_a.rows[[*keys, value]].rename(columns={value: "a"})
    right = result_b.rows[[*keys, value]].rename(columns={value: "b"})
    merged = left.merge(right, on=keys, how="outer", sort=False)
    merged["difference"] = merged["b"] - merged["a"]
    warnings = []
    only_a, only_b = int(merged["b"].isna().sum()), int(merged["a"].isna().sum())
    if only_a or only_b:
        warnings.append(f"{only_a} Zeile(n) nur in „{name_a}“, {only_b} nur in „{name_b}“.")
    return Comparison(kind_a, name_a, name_b, merged, warnings)
