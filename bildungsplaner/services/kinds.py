"""The kinds of scenario, one record each: what the services do with an allocation or a demand scenario.

Rules:

* A kind is a type, never a name compared: :func:`kind_of` finds the record of a spec or result by
  ``isinstance`` (a subclass of a spec class is that kind too), and the kind's name (``"allocation"``,
  ``"demand"``: the scenario file's and the database's ``kind``) is the spec class's ``kind`` class variable.
* :data:`KINDS` holds one :class:`ScenarioKind` per spec class of :data:`~bildungsplaner.planning.scenario.SPEC_TYPES`
  (``tests/test_scenario_kinds.py`` checks it): its label in messages, and the functions the generic use cases
  call — ``inputs_key``, ``collect`` and ``compute`` (:mod:`~bildungsplaner.services.planning_inputs`,
  :func:`~bildungsplaner.services.planning.run_scenario`), ``compare``
  (:func:`~bildungsplaner.services.planning.compare_results`), ``export``
  (:func:`~bildungsplaner.services.scenario_export.build_report`) and ``to_json`` (the result's JSON form, stored
  with a saved scenario and printed by ``plan … --json``). A third kind (the report) is one more record and its
  functions here, not a search for branches; the window adds its editor to ``ui/planning/editor.EDITORS``.
* Reading the workspace happens only in ``collect``; ``compute`` is the pure planning function on the collected
  inputs (fast enough for every keystroke of the editor). The workbook modules are imported when a report is
  built, not when a scenario is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.i18n import marked, tr
from bildungsplaner.planning.allocation import AllocationResult, allocate, need_sources
from bildungsplaner.planning.allocation_spec import AllocationSpec, Recipients
from bildungsplaner.planning.demand import DemandResult, forecast
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.planning.scenario import SPEC_TYPES, PlanningResult, ScenarioSpec
from bildungsplaner.progress import Progress
from bildungsplaner.services.planning_data import NeedSource, capacity_frame, population_frame, recipients_frame
from bildungsplaner.store.database import Workspace

if TYPE_CHECKING:
    from bildungsplaner.exporting.workbook import MethodSection, PlanTable

__all__ = ["KINDS", "ReportParts", "ScenarioInputs", "ScenarioKind", "kind_named", "kind_of"]

S = TypeVar("S", AllocationSpec, DemandSpec)
R = TypeVar("R", AllocationResult, DemandResult)


@dataclass
class ScenarioInputs:
    """What ``compute`` needs: the recipients frame (allocation) or population and capacity (demand)."""

    kind: str
    key: tuple[Any, ...]
    frames: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    #: what collecting had to replace (missing places counted as 0), added to the result's warnings
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReportParts:
    """The kind's part of an exported report: the first planning table, further ones, the method in words, the
    data sheets, the sources, and the unit, decimals and line order of a comparison table."""

    first: PlanTable
    tables: list[PlanTable]
    method: list[MethodSection]
    data: list[PlanTable]
    sources: list[tuple[str, str]]
    unit: str
    decimals: int
    line_order: list[str]


@dataclass(frozen=True)
class ScenarioKind(Generic[S, R]):
    """One kind of scenario: its types, label and the functions of the generic use cases (module docstring)."""

    spec_type: type[S]
    result_type: type[R]
    #: the kind in messages (German, :func:`~bildungsplaner.i18n.marked`): „Verteilung“
    label: str
    #: the progress text while computing (marked)
    computing: str
    #: the parts of a spec that decide which data is collected (hashable)
    inputs_key: Callable[[S], tuple[Any, ...]]
    collect: Callable[[Workspace, S, Progress], ScenarioInputs]
    compute: Callable[[S, ScenarioInputs], R]
    #: two results lined up: the key columns, ``a``, ``b`` (an outer join) and ``difference`` (B − A)
    compare: Callable[[R, R], pd.DataFrame]
    export: Callable[[Workspace, S, R, ScenarioInputs | None], ReportParts]
    to_json: Callable[[R], dict[str, Any]]
    #: the key columns of a comparison (column, heading marked for :func:`~bildungsplaner.i18n.translated`)
    comparison_keys: tuple[tuple[str, str], ...] = ()
    #: decimals of the compared amounts (positions to the hundredth; places in whole numbers)
    comparison_decimals: int = 0

    @property
    def name(self) -> str:
        """``"allocation"`` or ``"demand"``: the spec class's ``kind``."""
        return self.spec_type.kind


# --- allocation ------------------------------------------------------------------------------------------------

def _allocation_key(spec: AllocationSpec) -> tuple[Any, ...]:
    return (spec.kind, spec.recipients, tuple(need_sources(spec)))


def _collect_allocation(ws: Workspace, spec: AllocationSpec, progress: Progress) -> ScenarioInputs:
    recipients = spec.recipients
    frame = recipients_frame(ws, type=recipients.type, facility_kinds=recipients.facility_kinds,
                             region_level=recipients.region_level, within=recipients.within,
                             sources=[NeedSource(r.source, r.period, r.dimension_map, r.column)
                                      for r in need_sources(spec)])
    return ScenarioInputs(spec.kind, _allocation_key(spec), {"recipients": frame},
                          dict(frame.attrs.get("periods", {})))


def _describe_recipients(recipients: Recipients) -> str:
    if recipients.type == "facility":
        if recipients.facility_kinds:
            what = tr("Einrichtungen der Art {kinds}", kinds=", ".join(recipients.facility_kinds))
        else:
            what = tr("Einrichtungen")
    else:
        what = tr("Gebiete der Ebene „{level}“", level=recipients.region_level)
    return what + (tr(" in {within}", within=recipients.within) if recipients.within else "")


def _compute_allocation(spec: AllocationSpec, inputs: ScenarioInputs) -> AllocationResult:
    frame = inputs.frames["recipients"]
    assert frame is not None
    if frame.empty:
        raise UserInputError(tr("Szenario „{name}“: keine Empfänger gefunden ({recipients}).", name=spec.name,
                                recipients=_describe_recipients(spec.recipients)))
    result = allocate(spec, frame)
    result.periods = dict(inputs.periods)
    return result


def _compare_allocation(a: AllocationResult, b: AllocationResult) -> pd.DataFrame:
    merged = _merge(a.rows, b.rows, ["key", "name"], "amount")
    if "region_key" in a.rows and "region_key" in b.rows:
        where = dict(zip(b.rows["key"], b.rows["region_key"], strict=True))
        where.update(zip(a.rows["key"], a.rows["region_key"], strict=True))
        merged["region_key"] = [where.get(k) for k in merged["key"]]
    return merged


def _export_allocation(ws: Workspace, spec: AllocationSpec, result: AllocationResult,
                       inputs: ScenarioInputs | None) -> ReportParts:
    from bildungsplaner.exporting.workbook import MethodSection
    from bildungsplaner.services.export_allocation import (
        Labels,
        allocation_data_table,
        allocation_method,
        allocation_table,
        step_decimals,
    )
    from bildungsplaner.services.export_sources import (
        attribute_labels,
        facility_sources,
        indicator_names,
        indicator_sources,
    )

    codes = sorted({c.split(":", 1)[1].split("@")[0].split("[")[0] for c in result.value_columns
                    if c.startswith("indicator:")})
    recipients = spec.recipients
    kinds = list(recipients.facility_kinds) if recipients.type == "facility" else []
    labels = Labels(attribute_labels(ws, kinds), indicator_names(ws, codes))
    sources = indicator_sources(ws, codes)
    attributes = sorted({c.split(":", 1)[1].split("@")[0] for c in result.value_columns
                         if c.startswith("attribute:")})
    if recipients.type == "facility":
        sources += facility_sources(ws, kinds, attributes, labels.attributes)
    return ReportParts(first=allocation_table(spec, result, labels), tables=[],
                       method=[MethodSection("Parameter", allocation_method(spec, result, labels))],
                       data=[allocation_data_table(result, labels)], sources=sources, unit=spec.amount.unit,
                       decimals=step_decimals(spec.amount.step), line_order=[])


# --- demand ----------------------------------------------------------------------------------------------------

def _demand_key(spec: DemandSpec) -> tuple[Any, ...]:
    lines = tuple((line.name, line.capacity) for line in spec.demand)
    p = spec.population
    return (spec.kind, spec.regions, p.indicator, p.dimensions, p.age_dimension, lines)


def _collect_demand(ws: Workspace, spec: DemandSpec, progress: Progress) -> ScenarioInputs:
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
                warnings.append(tr("Fehlende Werte ersetzt: „{line}“: das Merkmal „{attribute}“ (Plätze) fehlt für "
                                   "{facilities}; als 0 Plätze gezählt.", line=line.name,
                                   attribute=line.capacity.attribute, facilities=", ".join(frame.attrs["missing"])))
            parts.append(frame.assign(line=line.name))
    capacity = pd.concat(parts, ignore_index=True) if parts else None
    return ScenarioInputs(spec.kind, _demand_key(spec), {"population": population, "capacity": capacity},
                          warnings=warnings)


def _compute_demand(spec: DemandSpec, inputs: ScenarioInputs) -> DemandResult:
    population = inputs.frames["population"]
    assert population is not None
    result = forecast(spec, population, inputs.frames.get("capacity"))
    result.warnings[:0] = inputs.warnings
    return result


def _compare_demand(a: DemandResult, b: DemandResult) -> pd.DataFrame:
    return _merge(a.rows, b.rows, ["region_key", "region_name", "year", "line"], "demand")


def _export_demand(ws: Workspace, spec: DemandSpec, result: DemandResult,
                   inputs: ScenarioInputs | None) -> ReportParts:
    from bildungsplaner.services.export_allocation import Labels
    from bildungsplaner.services.export_demand import demand_data_tables, demand_method, demand_tables
    from bildungsplaner.services.export_sources import attribute_labels, facility_sources, indicator_sources

    kinds = sorted({k for line in spec.demand if line.capacity for k in line.capacity.facility_kinds})
    labels = Labels(attribute_labels(ws, kinds))
    overview, *lines = demand_tables(spec, result)
    sources = indicator_sources(ws, [spec.population.indicator])
    for line in spec.demand:
        if line.capacity is not None:
            sources += facility_sources(ws, line.capacity.facility_kinds, [line.capacity.attribute],
                                        labels.attributes)
    return ReportParts(first=overview, tables=[*lines], method=demand_method(spec, result, labels.attributes),
                       data=demand_data_tables(spec, result, inputs, labels.attributes), sources=sources,
                       unit="Plätze", decimals=1, line_order=[line.name for line in spec.demand])


# --- the registry ----------------------------------------------------------------------------------------------

def _merge(rows_a: pd.DataFrame, rows_b: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    left = rows_a[[*keys, value]].rename(columns={value: "a"})
    right = rows_b[[*keys, value]].rename(columns={value: "b"})
    merged = left.merge(right, on=keys, how="outer", sort=False)
    merged["difference"] = merged["b"] - merged["a"]
    return merged


ALLOCATION: ScenarioKind[AllocationSpec, AllocationResult] = ScenarioKind(
    AllocationSpec, AllocationResult, label=marked("Verteilung"), computing=marked("Verteilung wird berechnet …"),
    inputs_key=_allocation_key, collect=_collect_allocation, compute=_compute_allocation,
    compare=_compare_allocation, export=_export_allocation, to_json=AllocationResult.to_json_dict,
    comparison_keys=(("key", marked("Schlüssel")), ("name", marked("Name"))), comparison_decimals=2)
DEMAND: ScenarioKind[DemandSpec, DemandResult] = ScenarioKind(
    DemandSpec, DemandResult, label=marked("Bedarf"), computing=marked("Bedarf wird berechnet …"),
    inputs_key=_demand_key, collect=_collect_demand, compute=_compute_demand, compare=_compare_demand,
    export=_export_demand, to_json=DemandResult.to_json_dict,
    comparison_keys=(("region_key", marked("Schlüssel")), ("region_name", marked("Gebiet")), ("year", marked("Jahr")),
                     ("line", marked("Bedarf"))), comparison_decimals=0)

#: every kind of scenario, in the order of the scenario files' kinds
KINDS: Sequence[ScenarioKind[Any, Any]] = tuple(
    next(k for k in (ALLOCATION, DEMAND) if k.spec_type is spec_type) for spec_type in SPEC_TYPES.values())


def kind_of(item: ScenarioSpec | PlanningResult) -> ScenarioKind[Any, Any]:
    """The kind of a spec or a result (by its type; a subclass belongs to its base class's kind)."""
    for kind in KINDS:
        if isinstance(item, kind.spec_type | kind.result_type):
            return kind
    raise TypeError(f"no kind of scenario for {type(item).__qualname__}")


def kind_named(name: str) -> ScenarioKind[Any, Any]:
    """The kind whose files and database rows say ``kind = name``."""
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(name)
