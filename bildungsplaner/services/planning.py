"""Run scenarios against the workspace and compare two of them.

:func:`run_scenario` collects what a scenario needs (:mod:`bildungsplaner.services.planning_inputs`) and hands
it to the pure planning functions: :func:`bildungsplaner.planning.allocation.allocate` or
:func:`bildungsplaner.planning.demand.forecast`. :func:`compare_results` lines two results up per recipient
(allocation) or per region, year and line (demand) with the difference B − A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.planning_inputs import collect_inputs, compute
from bildungsplaner.services.scenarios import KIND_LABELS
from bildungsplaner.store.database import Workspace

__all__ = ["Comparison", "compare_results", "result_kind", "run_scenario"]


def result_kind(result: Any) -> str:
    return "allocation" if type(result).__name__ == "AllocationResult" else "demand"


def run_scenario(ws: Workspace, spec: Any, progress: Progress | None = None) -> Any:
    """The result of ``spec`` (an ``AllocationSpec`` or ``DemandSpec``) on the workspace's data: the inputs
    collected (:func:`~bildungsplaner.services.planning_inputs.collect_inputs`), then computed."""
    progress = progress or NullProgress()
    inputs = collect_inputs(ws, spec, progress)
    progress.check()
    progress.report(0.5, "Verteilung wird berechnet …" if inputs.kind == "allocation" else "Bedarf wird berechnet …")
    return compute(spec, inputs)


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
        raise UserInputError(f"„{name_a}“ ({KIND_LABELS[kind_a]}) und „{name_b}“ ({KIND_LABELS[kind_b]}) sind "
                             "verschiedene Arten von Szenarien und lassen sich nicht vergleichen.")
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
