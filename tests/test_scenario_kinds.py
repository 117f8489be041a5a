"""The kinds of scenario are types: one record per kind (``services/kinds.py``) covers every spec class, and a
spec or result finds its kind by type — a subclass, even one that borrows another kind's class name, keeps its
kind, in the services, the scenario files and the command line's text form."""

from __future__ import annotations

from pathlib import Path

import pytest

from bildungsplaner.cli.plan import RENDERERS, render_result
from bildungsplaner.i18n import set_language, translated
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation import AllocationResult
from bildungsplaner.planning.allocation_spec import AllocationSpec
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.services.kinds import KINDS, kind_named, kind_of
from bildungsplaner.services.planning import compare_results, result_kind, run_scenario
from bildungsplaner.services.scenarios import KIND_LABELS

HERE = Path(__file__).resolve().parent / "planning"


def _spec_classes() -> set[type]:
    """Every spec class of a scenario file: the dataclasses with a ``kind`` and a ``from_dict``."""
    return set(scenario_files.SPEC_TYPES.values())


def test_one_record_per_spec_class_and_the_names_come_from_the_classes() -> None:
    assert {kind.spec_type for kind in KINDS} == _spec_classes() == {AllocationSpec, DemandSpec}
    assert [kind.name for kind in KINDS] == list(scenario_files.KINDS) == ["allocation", "demand"]
    for kind in KINDS:
        assert kind.name == kind.spec_type.kind == kind.result_type.kind
        assert kind_named(kind.name) is kind
        assert KIND_LABELS[kind.name] == kind.label
    assert len({kind.result_type for kind in KINDS}) == len(KINDS)
    assert set(RENDERERS) == {kind.name for kind in KINDS}  # the command line can print every kind


def test_labels_are_translated() -> None:
    try:
        set_language("en")
        assert [translated(kind.label) for kind in KINDS] == ["Allocation", "Demand"]
    finally:
        set_language("de")
    assert [translated(kind.label) for kind in KINDS] == ["Verteilung", "Bedarf"]


def test_kind_of_goes_by_type_not_by_class_name() -> None:
    spec = scenario_files.load(HERE / "allocation_demo.toml")
    assert isinstance(spec, AllocationSpec)
    # a subclass that borrows the other kind's name: a name comparison would call it a demand scenario
    impostor = type("DemandSpec", (AllocationSpec,), {})
    disguised = impostor(spec.name, spec.recipients, spec.need, spec.amount)
    assert kind_of(disguised) is kind_of(spec) is kind_named("allocation")
    assert scenario_files.spec_kind(disguised) == "allocation"
    assert scenario_files.parse(scenario_files.dumps(disguised)) == spec  # written as an allocation scenario
    with pytest.raises(TypeError):
        kind_of(object())  # type: ignore[arg-type]


def test_a_renamed_spec_class_runs_compares_and_prints(demo_workspace) -> None:
    spec = scenario_files.load(HERE / "allocation_demo.toml")
    renamed = type("Zuweisung", (AllocationSpec,), {})
    disguised = renamed(spec.name, spec.recipients, spec.need, spec.amount)
    result = run_scenario(demo_workspace, disguised)
    assert isinstance(result, AllocationResult) and result_kind(result) == "allocation"
    assert result.to_json_dict() == run_scenario(demo_workspace, spec).to_json_dict()
    comparison = compare_results(result, "A", result, "B")
    assert comparison.kind == "allocation" and (comparison.rows["difference"] == 0).all()
    assert render_result(result).startswith(f"{spec.name}: ")
