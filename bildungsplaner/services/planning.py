"""Run scenarios against the workspace and compare two of them.

:func:`run_scenario` collects what a scenario needs (:mod:`bildungsplaner.services.planning_inputs`) and hands
it to the pure planning functions: :func:`bildungsplaner.planning.allocation.allocate` or
:func:`bildungsplaner.planning.demand.forecast`. :func:`compare_results` lines two results up per recipient
(allocation) or per region, year and line (demand) with the difference B − A. What differs between the kinds is
their record in :mod:`bildungsplaner.services.kinds` (found by type). :func:`group_result` and
:func:`group_comparison` group an allocation's rows by a region level above the recipients (``gemeinde``,
``kreis`` …) with a subtotal per group (:mod:`bildungsplaner.planning.groups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr, translated
from bildungsplaner.planning.allocation import AllocationResult
from bildungsplaner.planning.groups import ALLOCATION_SUMS, COMPARISON_SUMS, Grouping, group_rows
from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.browse import RegionIndex, list_regions
from bildungsplaner.services.kinds import ALLOCATION, kind_of
from bildungsplaner.services.planning_inputs import collect_inputs, compute
from bildungsplaner.store.database import Workspace

__all__ = ["Comparison", "compare_results", "group_comparison", "group_levels", "group_result", "recipient_groups",
           "result_kind", "run_scenario"]


def result_kind(result: PlanningResult) -> str:
    """``"allocation"`` or ``"demand"``: the kind of ``result`` (by its type, see
    :func:`~bildungsplaner.services.kinds.kind_of`)."""
    return kind_of(result).name


def run_scenario(ws: Workspace, spec: ScenarioSpec, progress: Progress | None = None) -> PlanningResult:
    """The result of ``spec`` (an ``AllocationSpec`` or ``DemandSpec``) on the workspace's data: the inputs
    collected (:func:`~bildungsplaner.services.planning_inputs.collect_inputs`), then computed."""
    progress = progress or NullProgress()
    inputs = collect_inputs(ws, spec, progress)
    progress.check()
    progress.report(0.5, translated(kind_of(spec).computing))
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
        rows = self.rows.drop(columns=["region_key"], errors="ignore")
        records = rows.astype(object).where(rows.notna(), None).to_dict("records")
        return {"kind": self.kind, "a": self.name_a, "b": self.name_b, "rows": records, "warnings": self.warnings}


def compare_results(result_a: PlanningResult, name_a: str, result_b: PlanningResult, name_b: str) -> Comparison:
    """Line up two results of the same kind (see the module docstring)."""
    kind_a, kind_b = kind_of(result_a), kind_of(result_b)
    if kind_a is not kind_b:
        raise UserInputError(tr("„{name_a}“ ({kind_a}) und „{name_b}“ ({kind_b}) sind verschiedene Arten von "
                                "Szenarien und lassen sich nicht vergleichen.", name_a=name_a,
                                kind_a=translated(kind_a.label), name_b=name_b, kind_b=translated(kind_b.label)))
    merged = kind_a.compare(result_a, result_b)
    warnings = []
    only_a, only_b = int(merged["b"].isna().sum()), int(merged["a"].isna().sum())
    if only_a or only_b:
        warnings.append(tr("{only_a} Zeile(n) nur in „{name_a}“, {only_b} nur in „{name_b}“.",
                           only_a=format_number(only_a), name_a=name_a, only_b=format_number(only_b), name_b=name_b))
    return Comparison(kind_a.name, name_a, name_b, merged, warnings)


# --- grouping by a region level above the recipients -----------------------------------------------------------

def _ancestors(index: RegionIndex, region_key: str | None, by_key: dict[str, Any]) -> list[Any]:
    """The region ``region_key`` and its parents, nearest first."""
    chain: list[Any] = []
    row = by_key.get(region_key) if region_key is not None else None
    while row is not None and row not in chain:  # (a cycle in damaged data ends the walk)
        chain.append(row)
        row = index.by_id.get(row.parent_id) if row.parent_id is not None else None
    return chain


def _index(ws: Workspace | None, regions: Sequence[Any] | None) -> RegionIndex:
    if regions is None:
        if ws is None:
            raise ValueError("a workspace or its regions are needed")
        regions = list_regions(ws)
    return RegionIndex(regions)


def group_levels(ws: Workspace | None, region_keys: Sequence[str | None], *,
                 regions: Sequence[Any] | None = None) -> list[str]:
    """The levels above the regions ``region_keys`` (from the top down) that group at least one of them:
    what a user can choose to group by (e.g. ``["land", "regierungsbezirk", "kreis", "gemeinde"]``).
    ``regions``: the workspace's region rows when already read (then ``ws`` is not asked)."""
    index = _index(ws, regions)
    by_key = {r.key: r for r in index.rows}
    levels: dict[str, int] = {}
    for key in set(region_keys):
        chain = _ancestors(index, key, by_key)
        for depth, row in enumerate(chain[1:], start=1):
            levels[row.level] = max(levels.get(row.level, 0), depth)
    return sorted(levels, key=lambda level: -levels[level])


def recipient_groups(ws: Workspace | None, region_keys: Sequence[str | None], level: str, *,
                     regions: Sequence[Any] | None = None) -> tuple[list[str | None], list[str | None]]:
    """For each region key the key and name of its region of ``level`` above it (itself excluded), or None.

    ``level`` must be a level of the workspace that lies above at least one of the regions; otherwise a
    message names the levels that do."""
    level = (level or "").strip().lower()
    index = _index(ws, regions)
    by_key = {r.key: r for r in index.rows}
    keys: list[str | None] = []
    names: list[str | None] = []
    for region_key in region_keys:
        above = next((r for r in _ancestors(index, region_key, by_key)[1:] if r.level == level), None)
        keys.append(above.key if above is not None else None)
        names.append(above.name if above is not None else None)
    if region_keys and all(k is None for k in keys):
        offered = ", ".join(group_levels(None, region_keys, regions=index.rows)) or \
            tr("keine (die Empfänger haben keine übergeordneten Gebiete)")
        raise UserInputError(tr("Nach „{level}“ lässt sich nicht gruppieren: keiner der Empfänger liegt in einem "
                                "Gebiet dieser Ebene. Möglich sind: {offered}.", level=level, offered=offered))
    return keys, names


def _region_keys(rows: Any) -> list[str | None]:
    if "region_key" not in rows:
        raise UserInputError(tr("Das Ergebnis kennt die Gebiete der Empfänger nicht; so lässt es sich nicht "
                                "gruppieren."))
    return [None if k is None or (isinstance(k, float) and k != k) else str(k) for k in rows["region_key"]]


def group_result(ws: Workspace | None, result: PlanningResult, level: str, *,
                 regions: Sequence[Any] | None = None) -> Grouping:
    """The rows of an allocation result grouped by the region of ``level`` above each recipient, with the
    need share, exact share, amount and difference summed per group (``regions``: see :func:`group_levels`)."""
    if not isinstance(result, AllocationResult):
        raise UserInputError(tr("Gruppieren nach Gebieten gibt es nur für Verteilungsszenarien; ein Bedarfsszenario "
                                "rechnet schon je Gebiet der gewählten Ebene."))
    keys, names = recipient_groups(ws, _region_keys(result.rows), level, regions=regions)
    return group_rows(result.rows, keys, names, level.strip().lower(), ALLOCATION_SUMS)


def group_comparison(ws: Workspace | None, comparison: Comparison, level: str, *,
                     regions: Sequence[Any] | None = None) -> Grouping:
    """The rows of an allocation comparison grouped like :func:`group_result`, with A, B and B − A summed."""
    if comparison.kind != ALLOCATION.name:
        raise UserInputError(tr("Gruppieren nach Gebieten gibt es nur für den Vergleich von Verteilungsszenarien."))
    keys, names = recipient_groups(ws, _region_keys(comparison.rows), level, regions=regions)
    return group_rows(comparison.rows, keys, names, level.strip().lower(), COMPARISON_SUMS)
