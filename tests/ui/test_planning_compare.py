"""The Vergleich tab offers only pairs of scenarios that can be compared (the same kind)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bildungsplaner.services.scenarios import SavedScenario
from bildungsplaner.ui.planning.compare import ComparisonView


def saved(name: str, kind: str) -> SavedScenario:
    now = datetime(2025, 1, 1)
    return SavedScenario(id=0, name=name, kind=kind, text="", notes="", created_at=now, changed_at=now)


def offered(combo: Any) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_only_scenarios_of_the_same_kind_are_offered_and_preselected(qtbot: Any) -> None:
    view = ComparisonView(None, lambda: None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.set_scenarios([saved("Kita 2030", "demand"), saved("Sozialarbeit", "allocation"),
                        saved("Sozialarbeit (Kopie)", "allocation")])
    # A starts on a scenario that has a partner of its kind, B on that partner
    assert (view.combo_a.currentData(), view.combo_b.currentData()) == ("Sozialarbeit", "Sozialarbeit (Kopie)")
    assert offered(view.combo_b) == ["Sozialarbeit", "Sozialarbeit (Kopie)"]
    assert view.compare_button.isEnabled()
    view.combo_a.setCurrentIndex(view.combo_a.findData("Kita 2030"))
    assert offered(view.combo_b) == ["Kita 2030"]  # no allocation scenario beside a demand scenario
    view.select("Sozialarbeit (Kopie)", "Kita 2030")
    assert offered(view.combo_b) == ["Sozialarbeit", "Sozialarbeit (Kopie)"]
    assert view.combo_b.currentData() != "Kita 2030"
    # a new list keeps the choice
    view.select("Sozialarbeit (Kopie)", "Sozialarbeit")
    view.set_scenarios([saved("Kita 2030", "demand"), saved("Sozialarbeit", "allocation"),
                        saved("Sozialarbeit (Kopie)", "allocation")])
    assert (view.combo_a.currentData(), view.combo_b.currentData()) == ("Sozialarbeit (Kopie)", "Sozialarbeit")
