"""The starting point of a new allocation scenario, filled with what the workspace offers."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation_spec import AllocationSpec

__all__ = ["facility_hint", "new_allocation", "unique_name"]


def unique_name(base: str, taken: Collection[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    return name


def facility_hint(facilities: Sequence[Any]) -> tuple[str, str] | None:
    """``(attribute, kind)``: the numeric attribute most facilities carry, and the kind that carries it most."""
    counts: dict[tuple[str, str], int] = {}
    for facility in facilities:
        for name, value in facility.attributes.items():
            if "." not in name and isinstance(value, int | float) and not isinstance(value, bool):
                counts[(name, facility.kind)] = counts.get((name, facility.kind), 0) + 1
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


def new_allocation(taken: Collection[str], sources: Sequence[str] = (), levels: Sequence[str] = (),
                   hint: tuple[str, str] | None = None) -> AllocationSpec:
    """A valid new allocation with a name not in ``taken``; ``hint`` (see :func:`facility_hint`) makes it one over
    facilities of that kind by that attribute. (A new demand scenario starts from the population the user picks:
    ``new_demand.demand_template``.)"""
    name = unique_name(QCoreApplication.translate("PlanningEditor", "Neue Verteilung"), taken)
    if hint is not None:
        recipients: dict[str, Any] = {"type": "facility", "facility_kinds": [hint[1]]}
        need = [{"source": f"attribute:{hint[0]}", "weight": 1.0}]
    else:
        indicators = [s for s in sources if s.startswith("indicator:")] or ["indicator:BEV_ALTER"]
        recipients = {"type": "region", "region_level": "gemeinde" if "gemeinde" in levels else
                      (levels[0] if levels else "gemeinde")}
        need = [{"source": indicators[0], "weight": 1.0}]
    spec = scenario_files.parse_dict({
        "format": 1, "kind": "allocation", "name": name, "recipients": recipients, "need": need,
        "amount": {"total": 10.0, "unit": "Stellen", "step": 1.0, "method": "hare-niemeyer"}})
    assert isinstance(spec, AllocationSpec)
    return spec
