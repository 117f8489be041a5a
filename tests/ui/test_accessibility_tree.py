"""What a screen reader reads and Tab reaches: every interactive widget of the main window's tabs (with their sub-tabs)
and of each dialog reachable from the menus has an accessible name and is in the Tab order (issue 17).

The walk (``ui/common/accessibility.py``) asks Qt's accessibility interface for each visible widget's name, as NVDA
or Orca would, and follows the focus chain from the window; a failure lists every widget by class, object name and
parent chain.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from realdata import real_file

from bildungsplaner.settings import Settings
from bildungsplaner.ui.common.accessibility import (
    FOCUS,
    NAME,
    TRAP,
    Problem,
    accessible_name,
    backward_tab_steps,
    describe,
    find_problems,
    problems_everywhere,
    tab_tour,
)
from bildungsplaner.ui.common.dialogs import about_html
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.workspace.home import HomeRegionDialog
from bildungsplaner.ui.workspace.server import ServerDialog

GENESIS = "genesis_12411-01-01-4.csv"


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()
    return win


def report(problems: list[Problem]) -> str:
    return f"{len(problems)} Widgets:\n" + "\n".join(str(p) for p in problems)


def shown(dialog: QWidget) -> list[Problem]:
    dialog.show()
    QApplication.processEvents()
    return problems_everywhere(dialog)


# --- the helper itself ----------------------------------------------------------------------------------------

def test_the_helper_sees_what_a_screen_reader_sees(qtbot: Any) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("&Filter:")
    bound = QLineEdit()
    label.setBuddy(bound)
    placeholder_only = QLineEdit()
    placeholder_only.setPlaceholderText("Suchen …")
    named_button = QPushButton("&OK")
    icon_button = QToolButton()
    combo = QComboBox()
    combo.addItems(["erste Wahl", "zweite"])  # Qt on Linux answers the value as the name: not a name
    spin = QSpinBox()
    spin.setAccessibleName("Anzahl")
    no_tab = QPushButton("Nur mit der Maus")
    no_tab.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    hidden = QLineEdit()
    toolbar = QToolBar()
    toolbar.addAction("Speichern")  # a toolbar button: no focus by design, reached through the menu
    for widget in (label, bound, placeholder_only, named_button, icon_button, combo, spin, no_tab, hidden, toolbar):
        layout.addWidget(widget)
    root.show()
    hidden.hide()
    assert QAccessible.queryAccessibleInterface(bound).text(QAccessible.Text.Name) == "Filter:"
    assert accessible_name(bound) == "Filter:" and accessible_name(named_button) == "OK"
    assert accessible_name(combo) == ""
    problems = {(p.widget, p.kind) for p in find_problems(root)}
    assert problems == {(placeholder_only, NAME), (icon_button, NAME), (combo, NAME), (no_tab, FOCUS)}
    combo.setAccessibleName("Auswahl")
    icon_button.setText("Löschen")
    placeholder_only.setAccessibleName("Suchen")
    no_tab.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    assert find_problems(root) == []
    assert "QToolButton" in str(Problem(icon_button, NAME)) and "nicht per Tab" in str(Problem(no_tab, FOCUS))


def test_the_tour_shows_every_page_of_nested_tabs(qtbot: Any) -> None:
    outer = QTabWidget()
    qtbot.addWidget(outer)
    inner = QTabWidget()
    inner.addTab(QLabel("a"), "A")
    inner.addTab(QLabel("b"), "B")
    outer.addTab(QLabel("eins"), "1")
    outer.addTab(inner, "2")
    outer.show()
    seen: list[tuple[int, int]] = []
    tab_tour(outer, lambda: seen.append((outer.currentIndex(), inner.currentIndex())))
    assert (1, 0) in seen and (1, 1) in seen and (0, 0) in seen
    assert outer.currentIndex() == 0  # restored


# --- the main window: Daten (Tabelle, Pivot, Karte), Import, Planung (every sub-tab), Export, Kennzahlen, … -------

def test_every_tab_of_the_main_window(window: MainWindow) -> None:
    window.planning.open_scenario("Schulsozialarbeit Grundschulen 2027")
    QApplication.processEvents()
    problems = problems_everywhere(window)
    # every main tab was visited
    assert window.areas.count() >= 5
    assert problems == [], report(problems)


def test_the_demand_scenario_and_the_side_panels(window: MainWindow) -> None:
    window.areas.setCurrentWidget(window.planning)
    window.planning.open_scenario("Kita- und Ganztagsbedarf 2025-2030")
    QApplication.processEvents()
    problems = problems_everywhere(window)
    assert problems == [], report(problems)


def test_names_include_the_disabled_widgets(window: MainWindow) -> None:
    """A disabled field is read too (and enabled a moment later): it needs its name as well."""
    from bildungsplaner.ui.common.accessibility import is_interactive

    missing = []

    def visit() -> None:
        for widget in window.findChildren(QWidget):
            if is_interactive(widget) and widget.isVisible() and not accessible_name(widget):
                missing.append(widget)

    tab_tour(window, visit)
    assert not missing, report([Problem(w, NAME) for w in dict.fromkeys(missing)])


# --- the dialogs reachable from the menus -------------------------------------------------------------------

def test_import_wizard_genesis_pages(window: MainWindow) -> None:
    wizard = window.import_dialog(real_file(GENESIS))
    assert wizard is not None
    problems = shown(wizard)
    wizard.next()  # preview
    problems += shown(wizard)
    wizard.next()  # check (GENESIS skips the mapping)
    problems += shown(wizard)
    wizard.next()  # import
    problems += shown(wizard)
    assert problems == [], report(problems)


def test_import_wizard_mapping_page(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "schueler.csv"
    path.write_text("AGS;Gemeinde;Schüler\n05958004;Arnsberg;1200\n05958008;Brilon;410\n", encoding="utf-8")
    wizard = window.import_dialog(path)
    assert wizard is not None
    wizard.next()
    problems = shown(wizard)
    wizard.next()
    assert wizard.currentId() == wizard.MAPPING
    problems += shown(wizard)
    assert problems == [], report(problems)


def test_import_wizard_boundary_page(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "gebiete.geojson"
    square = [[[8.0, 51.3], [8.1, 51.3], [8.1, 51.4], [8.0, 51.4], [8.0, 51.3]]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"AGS": "05958004", "GEN": "Arnsberg"},
         "geometry": {"type": "Polygon", "coordinates": square}}]}), encoding="utf-8")
    wizard = window.import_dialog(path)
    assert wizard is not None
    wizard.next()
    assert wizard.currentId() == wizard.BOUNDARIES
    problems = shown(wizard)
    assert problems == [], report(problems)


def test_home_region_dialog(window: MainWindow) -> None:
    problems = shown(HomeRegionDialog(window))
    problems += shown(HomeRegionDialog(window, first_start=True))
    assert problems == [], report(problems)


def test_assign_help_and_licence_dialogs(window: MainWindow) -> None:
    assign = window.assign_facilities_dialog()
    assert assign is not None
    problems = shown(assign)
    problems += shown(window.show_help())
    problems += shown(window.show_licenses())
    assert problems == [], report(problems)


def test_about_box(window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Über", about_html(None), QMessageBox.StandardButton.Ok, window)
    problems = shown(box)
    assert problems == [], report(problems)


def test_new_demand_and_kennzahlen_editors(window: MainWindow) -> None:
    from bildungsplaner.services.planning_population import population_choices
    from bildungsplaner.ui.planning.new_demand import NewDemandDialog

    problems = shown(NewDemandDialog(population_choices(window.workspace), set(), "Neuer Bedarf", window))
    editor = window.kennzahlen.new_indicator()
    assert editor is not None
    problems += shown(editor)
    index = window.kennzahlen.new_index()
    assert index is not None
    problems += shown(index)
    assert problems == [], report(problems)


def test_dialogs_close_with_escape(window: MainWindow, qtbot: Any) -> None:
    licences = window.show_licenses()
    licences.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    from bildungsplaner.services.planning_population import population_choices
    from bildungsplaner.ui.planning.new_demand import NewDemandDialog

    new_demand = NewDemandDialog(population_choices(window.workspace), set(), "Neuer Bedarf", window)
    for dialog in (HomeRegionDialog(window), licences, window.show_help(), window.assign_facilities_dialog(),
                   new_demand, window.kennzahlen.new_indicator(), window.kennzahlen.new_index()):
        name = type(dialog).__name__
        dialog.show()
        dialog.activateWindow()
        QApplication.processEvents()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        QApplication.processEvents()
        assert not shiboken6.isValid(dialog) or not dialog.isVisible(), name


# --- Tab order follows the reading order; focus is visible; Tab leaves tables and text fields ----------------------

def test_tab_follows_the_reading_order_on_every_page_and_dialog(window: MainWindow, tmp_path: Path) -> None:
    window.planning.open_scenario("Schulsozialarbeit Grundschulen 2027")
    steps: dict[tuple[int, int], str] = {}

    def collect(root: QWidget) -> None:
        def visit() -> None:
            for a, b in backward_tab_steps(root):
                steps.setdefault((id(a), id(b)), f"{describe(a)}  →  {describe(b)}")
        tab_tour(root, visit)

    collect(window)
    for dialog in (HomeRegionDialog(window), window.assign_facilities_dialog(), window.show_help(),
                   window.kennzahlen.new_indicator(), window.kennzahlen.new_index(),
                   ServerDialog(["postgresql:///?service=bildung&workspace=kita"], window)):
        dialog.show()
        QApplication.processEvents()
        collect(dialog)
    csv = tmp_path / "schueler.csv"
    csv.write_text("AGS;Gemeinde;Schüler\n05958004;Arnsberg;1200\n", encoding="utf-8")
    for path in (real_file(GENESIS), csv):
        wizard = window.import_dialog(path)
        assert wizard is not None
        for _page in range(3):
            wizard.show()
            QApplication.processEvents()
            collect(wizard)
            wizard.next()
        wizard.reject()
    assert list(steps.values()) == []
    # the side panel, then the button and tabs above the areas, then the page
    window.areas.setCurrentWidget(window.browser)
    QApplication.processEvents()

    def stop(widget: QWidget, step: str) -> QWidget:
        widget = getattr(widget, step)()
        while not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.focusProxy()):
            widget = getattr(widget, step)()
        return widget

    assert window.left_splitter.isAncestorOf(stop(window.sidebar.button, "previousInFocusChain"))
    assert stop(window.sidebar.button, "nextInFocusChain") is window.areas.tabBar()
    assert window.browser.isAncestorOf(stop(window.areas.tabBar(), "nextInFocusChain"))


def test_the_helper_finds_a_backward_step_and_a_trap(qtbot: Any) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    first, second = QLineEdit(), QLineEdit()
    first.setAccessibleName("eins")
    second.setAccessibleName("zwei")
    table = QTableWidget(3, 3)
    table.setAccessibleName("Tabelle")
    for widget in (first, second, table):
        layout.addWidget(widget)
    root.show()
    QWidget.setTabOrder(second, first)  # the lower field first
    assert (second, first) in backward_tab_steps(root)
    assert (table, TRAP) in {(p.widget, p.kind) for p in find_problems(root)}  # Tab moves from cell to cell
    table.setTabKeyNavigation(False)
    assert find_problems(root) == []


def test_the_map_and_the_charts_show_their_focus(window: MainWindow, qtbot: Any) -> None:
    browser = window.browser
    browser.views.setCurrentWidget(browser.map)
    QApplication.processEvents()
    view = browser.map.view
    window.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    highlight = view.palette().highlight().color()
    image = view.grab().toImage()
    assert image.pixelColor(1, view.height() // 2).name() == highlight.name()
    view.clearFocus()
    QApplication.processEvents()
    assert view.grab().toImage().pixelColor(1, view.height() // 2).name() != highlight.name()
    plots = browser.chart.findChildren(QGraphicsView)
    assert plots and all(":focus" in plot.styleSheet() and "highlight" in plot.styleSheet() for plot in plots)


def test_new_messages_are_read_aloud_once(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.common import accessibility
    from bildungsplaner.ui.planning import allocation

    said: list[str] = []
    monkeypatch.setattr(allocation, "announce", lambda widget, text: said.append(text))
    monkeypatch.setattr(accessibility, "announce", lambda widget, text: said.append(text))
    editor = window.planning.allocation
    editor.show_validation("Die Summe fehlt.")
    editor.show_validation("Die Summe fehlt.")  # the same problem after the next computation: said once
    editor.show_validation("")
    assert said == ["Die Summe fehlt."]
    from bildungsplaner.ui.importing.widgets import error_label, show_message

    label = error_label()
    show_message(label, "Die Datei ist leer.")
    show_message(label, "Die Datei ist leer.")
    assert said[-1] == "Die Datei ist leer." and said.count("Die Datei ist leer.") == 1
