"""The inputs of a scenario, collected once and reused while the scenario is edited.

:func:`bildungsplaner.services.planning.run_scenario` collects the data and computes in one go. An editor that
recomputes on every keystroke or slider move needs the two halves apart: :func:`collect_inputs` reads the
workspace (the slow part, a few queries), :func:`compute` runs the pure planning function on those inputs
(fast: :func:`~bildungsplaner.planning.allocation.allocate` or
:func:`~bildungsplaner.planning.demand.forecast`). :func:`inputs_key` tells which parts of a spec the inputs
depend on: while the key stays the same, the collected inputs stay valid. ``compute(spec, collect_inputs(ws,
spec))`` is what ``run_scenario(ws, spec)`` does. What each kind of scenario collects and computes is its record
in :mod:`bildungsplaner.services.kinds`; this module only dispatches.
"""

from __future__ import annotations

from typing import Any

from bildungsplaner.i18n import tr
from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.kinds import ScenarioInputs, kind_of
from bildungsplaner.store.database import Workspace

__all__ = ["ScenarioInputs", "collect_inputs", "compute", "inputs_key"]


def inputs_key(spec: ScenarioSpec) -> tuple[Any, ...]:
    """The parts of ``spec`` that decide which data is collected (hashable)."""
    return kind_of(spec).inputs_key(spec)


def collect_inputs(ws: Workspace, spec: ScenarioSpec, progress: Progress | None = None) -> ScenarioInputs:
    """Read what ``spec`` needs from the workspace (the same choices as ``run_scenario``)."""
    progress = progress or NullProgress()
    progress.report(0.1, tr("Daten werden zusammengestellt …"))
    return kind_of(spec).collect(ws, spec, progress)


def compute(spec: ScenarioSpec, inputs: ScenarioInputs) -> PlanningResult:
    """The result of ``spec`` on ``inputs`` (collected for a spec with the same :func:`inputs_key`)."""
    if inputs.key != inputs_key(spec):
        raise ValueError("the inputs were collected for another recipients or source selection")
    return kind_of(spec).compute(spec, inputs)
