"""The inputs of a scenario, collected once and reused while the scenario is edited.

:func:`bildungsplaner.services.planning.run_scenario` collects the data and computes in one go. An editor that
recomputes on every keystroke or slider move needs the two halves apart: :func:`collect_inputs` reads the
workspace (the slow part, a few queries), :func:`compute` runs the pure planning function on those inputs
(fast: :func:`~bildungsplaner.planning.allocation.allocate` or
:func:`~bildungsplaner.planning.demand.forecast`). :func:`inputs_key` tells which parts of a spec the inputs
depend on: while the key stays the same, the collected inputs stay valid. ``compute(spec, collect_inputs(ws,
spec))`` is what ``run_scenario(ws, spec)`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.planning_data import NeedSource, capacity_frame, population_frame, recipients_frame
from bildungsplaner.store.database import Workspace

__all__ = ["ScenarioInputs", "collect_inputs", "compute", "inputs_key"]


@dataclass
class ScenarioInputs:
    """What :func:`compute` needs: the recipients frame (allocation) or population and capacity (demand)."""

    kind: str
    key: tuple[Any, ...]
    frames: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    #: what collecting had to replace (missing places counted as 0), added to the result's warnings
    warnings: list[str] = field(default_factory=list)


def inputs_key(spec: Any) -> tuple[Any, ...]:
    """The parts of ``spec`` that decide which data is collected (hashable)."""
    if scenario_files.spec_kind(spec) == "allocation":
        from bildungsplaner.planning.allocation import need_sources

        return ("allocation", spec.recipients, tuple(need_sources(spec)))
    lines = tuple((line.name, line.capacity) for line in spec.demand)
    p = spec.population
    return ("demand", spec.regions, p.indicator, p.dimensions, p.age_dimension, lines)


def collect_inputs(ws: Workspace, spec: Any, progress: Progress | None = None) -> ScenarioInputs:
    """Read what ``spec`` needs from the workspace (the same choices as ``run_scenario``)."""
    progress = progress or NullProgress()
    progress.report(0.1, "Daten werden zusammengestellt …")
    key = inputs_key(spec)
    if key[0] == "allocation":
        from bildungsplaner.planning.allocation import need_sources

        recipients = spec.recipients
        frame = recipients_frame(ws, type=recipients.type, facility_kinds=recipients.facility_kinds,
                                 region_level=recipients.region_level, within=recipients.within,
                                 sources=[NeedSource(r.source, r.period, r.dimension_map, r.column)
                                          for r in need_sources(spec)])
        return ScenarioInputs("allocation", key, {"recipients": frame}, dict(frame.attrs.get("periods", {})))
    population = population_frame(ws, indicator=spec.population.indicator, level=spec.regions.level,
                                  within=spec.regions.within, dimensions=spec.population.dimension_map,
                                  age_dimension=spec.population.age_dimension)
    parts, warnings = [], []
    for line in spec.demand:
        progress.check()
        if line.capacity is not None:
            frame = capacity_frame(ws, level=spec.regions.level, within=spec.regions.within,
                                   facility_kinds=line.capacity.facility_kinds, attribute=line.capacity.attribute)
            if frame.attrs.get("missing"):
                warnings.append(f"Fehlende Werte ersetzt: „{line.name}“: das Merkmal „{line.capacity.attribute}“ "
                                f"(Plätze) fehlt für {', '.join(frame.attrs['missing'])}; als 0 Plätze gezählt.")
            parts.append(frame.assign(line=line.name))
    capacity = pd.concat(parts, ignore_index=True) if parts else None
    return ScenarioInputs("demand", key, {"population": population, "capacity": capacity}, warnings=warnings)


def compute(spec: Any, inputs: ScenarioInputs) -> Any:
    """The result of ``spec`` on ``inputs`` (collected for a spec with the same :func:`inputs_key`)."""
    if inputs.key != inputs_key(spec):
        raise ValueError("the inputs were collected for another recipients or source selection")
    if inputs.kind == "allocation":
        from bildungsplaner.planning.allocation import allocate

        frame = inputs.frames["recipients"]
        assert frame is not None
        if frame.empty:
            raise UserInputError(f"Szenario „{spec.name}“: keine Empfänger gefunden "
                                 f"({_describe_recipients(spec.recipients)}).")
        result = allocate(spec, frame)
        result.periods = dict(inputs.periods)
        return result
    from bildungsplaner.planning.demand import forecast

    population = inputs.frames["population"]
    assert population is not None
    result = forecast(spec, population, inputs.frames.get("capacity"))
    result.warnings[:0] = inputs.warnings
    return result


def _describe_recipients(recipients: Any) -> str:
    if recipients.type == "facility":
        what = "Einrichtungen der Art " + ", ".join(recipients.facility_kinds) if recipients.facility_kinds \
            else "Einrichtungen"
    else:
        what = f"Gebiete der Ebene „{recipients.region_level}“"
    return what + (f" in {recipients.within}" if recipients.within else "")
