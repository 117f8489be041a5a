"""The window on issue 10, points 4 and 5: a missing Sozialindex shows as „.“ (not „–“, which means exactly zero)
and its replacement is named in the notes; the demand editor sets the Ganztag rate before the entitlement and
the result table shows the entitled part beside the whole demand."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bildungsplaner.services.scenarios import get_scenario, save_scenario
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Facility
from bildungsplaner.ui.main_window import MainWindow

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"
DEMAND = "Kita- und Ganztagsbedarf 2025-2030"


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    win.areas.setCurrentWidget(win.planning)
    return win


def cell(model: Any, row: int, header: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return model.index(row, column).data(role)


def test_a_missing_sozialindex_shows_as_dot_and_is_named_in_the_notes(window: MainWindow,
                                                                      demo_workspace: Any) -> None:
    with demo_workspace.transaction() as s:
        school = s.scalars(select(Facility).where(Facility.kind == "Grundschule").order_by(Facility.key)).first()
        key, name = school.key, school.name
        school.attributes = {k: v for k, v in school.attributes.items() if k != "sozialindex"}
    spec = get_scenario(demo_workspace, ALLOCATION).spec
    product = dataclasses.replace(spec.need[1], missing="zero")
    save_scenario(demo_workspace, dataclasses.replace(spec, need=(spec.need[0], product)))
    editor = window.planning
    assert editor.open_scenario(ALLOCATION) and editor.error is None
    allocation = editor.allocation
    model = allocation.model
    row = next(r for r in range(model.rowCount()) if cell(model, r, "Schlüssel") == key)
    assert cell(model, row, "sozialindex") == "."  # unknown, not „–“ (exactly zero)
    assert "fehlt" in cell(model, row, "sozialindex", Qt.ItemDataRole.ToolTipRole)
    other = next(r for r in range(model.rowCount()) if r != row)
    assert cell(model, other, "sozialindex") not in (".", "–", "")
    assert allocation.warnings.texts() == [f"Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für {key} "
                                           f"({name}); als 0 gerechnet (missing = \"zero\")."]


def test_demand_editor_sets_the_rate_before_the_entitlement_and_shows_the_entitled_part(window: MainWindow) -> None:
    editor = window.planning
    assert editor.open_scenario(DEMAND)
    demand = editor.demand
    headers = [demand.lines.horizontalHeaderItem(c).text() for c in range(demand.lines.columnCount())]
    column = headers.index("Quote ohne Rechtsanspruch")
    # the demo scenario does not set it: the same rate applies, and the notes say so
    assert editor.spec.demand[1].rate_before_entitlement is None and demand.lines.item(1, column).text() == ""
    assert any("rate_before_entitlement nicht angegeben" in t for t in demand.warnings.texts())
    assert not demand.lines.item(0, column).flags() & Qt.ItemFlag.ItemIsEditable  # U3 has no entitlement
    demand.lines.item(1, column).setText("0,6")
    assert editor.spec.demand[1].rate_before_entitlement == 0.6 and demand.lines.item(1, column).text() == "0,6"
    assert not any("rate_before_entitlement" in t for t in demand.warnings.texts())
    demand.lines.item(1, column).setText("60")  # a percentage instead of a share: refused in German
    assert "„demand[2].rate_before_entitlement“ muss mindestens 0 und höchstens 1 sein" in demand.validation.text()
    assert editor.spec.demand[1].rate_before_entitlement == 0.6
    assert "rate_before_entitlement = 0.6" in demand.text.toPlainText()

    model = demand.model
    result = editor.result
    row = next(i for i, r in enumerate(result.rows.itertuples()) if r.line == "Ganztag Grundschule" and r.year == 2026)
    assert cell(model, row, "Alter") == "6–9" and cell(model, row, "Alter mit Rechtsanspruch") == "6"
    record = result.rows.iloc[row]
    assert record["demand"] == pytest.approx(record["entitled_population"] * 0.75
                                             + (record["population"] - record["entitled_population"]) * 0.6)
    u3 = next(i for i, r in enumerate(result.rows.itertuples()) if r.line == "U3")
    assert cell(model, u3, "davon mit Rechtsanspruch") == "x"  # no entitlement modelled for U3: not meaningful

    ganztag = headers.index("Ganztag (GaFöG)")
    demand.lines.item(1, ganztag).setCheckState(Qt.CheckState.Unchecked)  # without it, no rate before it
    assert not editor.spec.demand[1].ganztag_entitlement and editor.spec.demand[1].rate_before_entitlement is None
    editor.undo_action.trigger()
    assert editor.spec.demand[1].ganztag_entitlement and editor.spec.demand[1].rate_before_entitlement == 0.6


def test_demand_table_symbols_missing_dot_not_meaningful_x_zero_a_number(qtmodeltester: Any) -> None:
    import pandas as pd

    from bildungsplaner.planning.demand import DemandSpec, forecast
    from bildungsplaner.ui.planning.models import DemandResultModel

    spec = DemandSpec.from_dict({
        "format": 1, "kind": "demand", "name": "T", "regions": {"level": "gemeinde"},
        "population": {"indicator": "BEV", "horizon": 2024},
        "demand": [{"name": "Null", "ages": [1], "rate": 0.0, "capacity": {"attribute": "p"}},
                   {"name": "Ohne", "ages": [1], "rate": 0.5}]})
    population = pd.DataFrame({"region_key": "A", "region_name": "Aheim", "year": 2024, "age": [0, 1],
                               "value": [3.0, 4.0]})
    capacity = pd.DataFrame({"region_key": ["A"], "line": ["Null"], "capacity": [0.0]})
    model = DemandResultModel()
    model.set_result(forecast(spec, population, capacity))
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "davon mit Rechtsanspruch" not in headers  # no Ganztag line: no entitled columns
    # rate 0 and 0 places: both exactly zero (a number), the coverage of no demand is not meaningful
    assert [cell(model, 0, h) for h in ("Bedarf (Plätze)", "Plätze", "Lücke", "Deckung")] == ["0", "0", "0", "x"]
    # a line without places: unknown, „.“ — never „–“, which means exactly zero
    assert [cell(model, 1, h) for h in ("Bedarf (Plätze)", "Plätze", "Lücke", "Deckung")] == ["2", ".", ".", "."]
