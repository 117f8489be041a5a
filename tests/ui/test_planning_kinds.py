"""Every kind of scenario has its editor in the Planung area (``ui/planning/editor.EDITORS``, napari's
``layer_to_controls``): a kind missing there would leave its scenarios without an editor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation_spec import AllocationSpec
from bildungsplaner.services.kinds import KINDS
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.planning.editor import EDITORS, PlanningEditor, editor_for

HERE = Path(__file__).resolve().parents[1] / "planning"


def test_every_kind_has_an_editor() -> None:
    assert set(EDITORS) == {kind.spec_type for kind in KINDS}
    assert len(set(EDITORS.values())) == len(EDITORS)  # one editor class per kind


def test_the_area_shows_the_editor_of_the_spec_type(qtbot: Any) -> None:
    area = PlanningEditor(tasks.TaskRunner())
    qtbot.addWidget(area)
    assert set(area.editors) == set(EDITORS)
    assert set(area.starts) == set(EDITORS)  # every kind can be started with „Neu“
    assert all(isinstance(area.editors[t], cls) for t, cls in EDITORS.items())
    for name in ("allocation_demo.toml", "demand_demo.toml"):
        spec = scenario_files.load(HERE / name)
        area._load(spec, None)
        assert area.stack.currentWidget() is area.editor() is area.editors[type(spec)]
    spec = scenario_files.load(HERE / "allocation_demo.toml")
    renamed = type("DemandSpec", (AllocationSpec,), {})  # a subclass with the other kind's name
    assert editor_for(area.editors, renamed(spec.name, spec.recipients, spec.need, spec.amount)) is area.allocation
