"""Planning on the common office screen (1280 × 800): the allocation's amount column and at least 12 rows in
view, the demand editor not clipped, the side panel out of the way on Planung and Export (and back on Daten),
results grouped by Gemeinde with subtotals, and a new demand scenario on the workspace's own population."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from realdata import real_file

from bildungsplaner.services.importing import import_file
from bildungsplaner.services.scenarios import get_scenario, list_scenarios
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.planning.new_demand import NewDemandDialog

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"
DEMAND = "Kita- und Ganztagsbedarf 2025-2030"
SCREEN = (1280, 800)


def office_window(qtbot: Any, workspace: Any, settings: Settings | None = None) -> MainWindow:
    win = MainWindow(workspace, settings=settings or Settings())
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    qtbot.waitExposed(win)
    return win


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = office_window(qtbot, demo_workspace)
    win.areas.setCurrentWidget(win.planning)
    settle()
    return win


def column_of(model: Any, header: str) -> int:
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def whole_rows_in_view(view: Any) -> int:
    viewport = view.viewport().rect()
    return sum(viewport.contains(view.visualRect(view.model().index(r, 0)))
               for r in range(view.model().rowCount()))


def clipped(root: QWidget, window: QWidget) -> list[str]:
    """Visible widgets below ``root`` that stick out of their parent (contents of scroll areas may scroll)."""
    out = []
    corner = root.mapTo(window, QPoint(root.width() - 1, root.height() - 1))
    if not window.rect().contains(corner):
        out.append(f"{root.objectName()} ends at {corner.x()},{corner.y()} outside the window")
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if not widget.isVisibleTo(window) or widget.isWindow() or parent is None:
            continue
        if any(isinstance(a, QAbstractScrollArea) for a in _ancestors(parent, root)):
            continue  # inside a scroll area (its viewport and content are the area's business)
        if not parent.rect().contains(widget.geometry()):
            out.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.geometry()} in "
                       f"{type(parent).__name__} {parent.objectName()!r} {parent.rect()}")
    return out


def _ancestors(widget: QWidget, root: QWidget) -> list[QWidget]:
    chain = []
    while widget is not None and widget is not root:
        chain.append(widget)
        widget = widget.parentWidget()
    return chain


def test_allocation_result_shows_the_amount_and_twelve_rows_at_1280_by_800(window: MainWindow, tmp_path: Path) -> None:
    assert window.planning.open_scenario(ALLOCATION)
    settle()
    window.grab().save(str(tmp_path / "planung_1280x800.png"))
    assert (window.width(), window.height()) == SCREEN
    table = window.planning.allocation.table
    model = table.model()
    amount = column_of(model, "Zuteilung (VZÄ)")
    viewport = table.viewport().rect()
    cell = table.visualRect(model.index(0, amount))
    assert viewport.contains(cell), f"amount column {cell} outside the viewport {viewport}"
    assert table.horizontalScrollBar().value() == 0  # without scrolling
    assert whole_rows_in_view(table) >= 12
    assert not window.left_splitter.isVisible()  # the side panel made room


def test_demand_editor_is_not_clipped_at_1280_by_800(window: MainWindow) -> None:
    assert window.planning.open_scenario(DEMAND)
    settle()
    demand = window.planning.demand
    assert clipped(demand, window) == []
    for widget in (demand.lines, demand.table, demand.chart, demand.horizon, demand.births):
        top_left = widget.mapTo(window, QPoint(0, 0))
        assert QRect(top_left, widget.size()).intersected(window.rect()) == QRect(top_left, widget.size())
    lines = demand.lines  # every column and every line of the demand lines in view, nothing squeezed
    assert lines.horizontalHeader().length() <= lines.viewport().width()
    assert whole_rows_in_view(lines) == lines.rowCount() == 2
    for widget in (demand.population_label, demand.base_year, demand.horizon, demand.births, demand.survival):
        assert widget.width() >= widget.minimumSizeHint().width(), widget.objectName()
    assert demand.chart.width() >= 400 and demand.table.width() >= 500
    assert whole_rows_in_view(demand.table) >= 10


def test_side_panel_hides_on_planning_and_export_and_the_users_choice_is_kept(qtbot: Any, demo_workspace: Any,
                                                                               tmp_path: Path) -> None:
    settings = Settings(tmp_path / "einstellungen.json")
    win = office_window(qtbot, demo_workspace, settings)
    panel, action = win.left_splitter, win.sidebar.action
    assert panel.isVisible() and action.isChecked()  # Daten
    assert action.shortcut().toString() == "Ctrl+B"
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Ansicht")
    assert action in view_menu.actions()
    assert win.findChild(QWidget, "sidebarButton").isVisible()
    win.areas.setCurrentWidget(win.planning)
    assert not panel.isVisible() and not action.isChecked()
    win.areas.setCurrentWidget(win.export_panel)
    assert not panel.isVisible()
    win.areas.setCurrentWidget(win.import_page)
    assert panel.isVisible()
    win.areas.setCurrentWidget(win.planning)
    action.trigger()  # the user wants it on Planung
    assert panel.isVisible() and action.isChecked()
    win.areas.setCurrentWidget(win.browser)
    action.trigger()  # … and not on Daten
    assert not panel.isVisible()
    win.areas.setCurrentWidget(win.planning)
    assert panel.isVisible()
    win.areas.setCurrentWidget(win.export_panel)
    assert not panel.isVisible()  # no choice made there: still hidden automatically
    again = office_window(qtbot, demo_workspace, Settings(tmp_path / "einstellungen.json"))
    assert not again.left_splitter.isVisible()  # remembered: hidden on Daten
    again.areas.setCurrentWidget(again.planning)
    assert again.left_splitter.isVisible()


def test_allocation_and_comparison_grouped_by_gemeinde(window: MainWindow, demo_workspace: Any) -> None:
    editor = window.planning
    assert editor.open_scenario(ALLOCATION)
    allocation = editor.allocation
    toggle = allocation.group
    assert toggle.isEnabled() and toggle.check.text() == "nach Gemeinde gruppieren"
    toggle.check.setChecked(True)
    model, table = allocation.model, allocation.table
    assert model.rowCount() == 35 + 12 + 1
    name, amount = column_of(model, "Name"), column_of(model, "Zuteilung (VZÄ)")
    rows = [(model.index(r, name).data(), model.index(r, amount).data()) for r in range(model.rowCount())]
    subtotal = next(i for i, (n, _) in enumerate(rows) if n == "Summe Lindental (7)")
    assert subtotal == 7
    members = sum(float(a.replace(",", ".")) for _, a in rows[:7])
    assert float(rows[subtotal][1].replace(",", ".")) == pytest.approx(members)
    assert rows[-1][0] == "Insgesamt" and rows[-1][1] == "24,0"
    assert model.index(subtotal, name).data(Qt.ItemDataRole.FontRole).bold()
    lock = column_of(model, "fest")
    assert not model.flags(model.index(subtotal, lock)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(subtotal, lock), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert not table.isSortingEnabled()  # groups stay together
    allocation.total.setValue(30.0)  # live: still grouped after an edit
    assert model.rowCount() == 48 and model.index(47, amount).data() == "30,0"
    toggle.check.setChecked(False)
    assert model.rowCount() == 35 and table.isSortingEnabled()
    editor.undo_action.trigger()

    view = editor.comparison
    view.set_scenarios(list_scenarios(demo_workspace))
    spec = get_scenario(demo_workspace, ALLOCATION).spec
    from bildungsplaner.services.scenarios import save_scenario

    save_scenario(demo_workspace, type(spec).from_dict({**spec.to_dict(), "name": "Mehr",
                                                        "amount": {**spec.amount.to_dict(), "total": 30.0}}))
    editor.refresh_list()
    view.select(ALLOCATION, "Mehr")
    view.compare()
    assert view.group.isEnabled()
    view.group.check.setChecked(True)
    cmp_model = view.model
    assert cmp_model.rowCount() == 48
    names = [cmp_model.index(r, 1).data() for r in range(cmp_model.rowCount())]
    assert names[7] == "Summe Lindental (7)" and names[-1] == "Insgesamt"
    difference = float(cmp_model.index(47, cmp_model.columnCount() - 1).data().replace(",", "."))
    assert difference == pytest.approx(6.0)


@pytest.fixture
def population_only(tmp_path: Path) -> Any:
    """A new workspace holding only the real GENESIS population table 12411-04-02 (no BEV_ALTER)."""
    ws = open_workspace(tmp_path / "bev.bpws")
    import_file(ws, real_file("genesis_12411-04-02-4_00.csv"))
    yield ws
    ws.close()


def test_new_demand_scenario_on_the_workspaces_population(qtbot: Any, population_only: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def choose(dialog: NewDemandDialog) -> int:
        seen["indicators"] = [dialog.indicator.itemText(i) for i in range(dialog.indicator.count())]
        seen["values"] = [dialog.dimension_combos["Geschlecht"].itemText(i)
                          for i in range(dialog.dimension_combos["Geschlecht"].count())]
        seen["age"] = dialog.age.text()
        dialog.select("BEVOELKERUNGSSTAND", {"Geschlecht": "weiblich"}, "kreis")
        return NewDemandDialog.DialogCode.Accepted

    monkeypatch.setattr(NewDemandDialog, "exec", choose)
    win = office_window(qtbot, population_only)
    win.areas.setCurrentWidget(win.planning)
    editor = win.planning
    editor.new_demand_action.trigger()
    assert len(seen["indicators"]) == 1 and "BEVOELKERUNGSSTAND" in seen["indicators"][0]
    assert seen["values"][0] == "Insgesamt" and set(seen["values"]) == {"Insgesamt", "männlich", "weiblich"}
    assert seen["age"] == "Altersgruppe"
    assert editor.error is None and editor.result is not None and editor.demand.model.rowCount() > 0
    population = editor.spec.population
    assert population.indicator == "BEVOELKERUNGSSTAND" and dict(population.dimensions) == {"Geschlecht": "weiblich"}
    assert editor.spec.regions.level == "kreis"
    assert [s.name for s in list_scenarios(population_only)] == ["Neuer Bedarf"]  # computed, so stored
    assert not editor.is_dirty()


def test_a_new_demand_scenario_that_does_not_compute_is_not_saved(qtbot: Any, population_only: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.services.planning_population import demand_template, population_choices

    choice = population_choices(population_only)[0]
    monkeypatch.setattr(NewDemandDialog, "exec", lambda dialog: NewDemandDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewDemandDialog, "spec", lambda dialog: demand_template(
        "Kaputt", choice, dimensions={"Geschlecht": "divers"}))  # no such values: the forecast fails
    win = office_window(qtbot, population_only)
    win.areas.setCurrentWidget(win.planning)
    editor = win.planning
    editor.new_demand_action.trigger()
    assert editor.result is None and "divers" in (editor.error or "")
    assert list_scenarios(population_only) == []  # nothing saved …
    assert editor.is_dirty() and editor.save_action.isEnabled()
    assert editor.save()  # … until the user saves it after seeing the error
    assert [s.name for s in list_scenarios(population_only)] == ["Kaputt"]


def test_no_population_by_age_is_explained(qtbot: Any, workspace: Any, message_boxes: Any) -> None:
    win = office_window(qtbot, workspace)
    win.areas.setCurrentWidget(win.planning)
    win.planning.new_demand_action.trigger()
    assert any("keine Bevölkerung nach Alter" in t for t in message_boxes.texts())
    assert list_scenarios(workspace) == [] and win.planning.spec is None
