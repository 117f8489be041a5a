"""Every main task with the keyboard alone (issue 17): import a GENESIS table through the assistant, create and save
an allocation scenario, export a workbook — with QTest key events only; a mouse event fails the test. Also: no two
actions of the window share a shortcut, every toolbar command is in a menu, Tab leaves the map and the tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QToolBar, QWidget
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.services.scenarios import list_scenarios
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Observation
from bildungsplaner.ui.main_window import MainWindow

GENESIS = "genesis_12411-01-01-4.csv"
Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture(autouse=True)
def no_mouse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any mouse event function of QTest (or pytest-qt's, which calls them) fails the test."""
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a mouse event in a keyboard-only test")

    for name in ("mouseClick", "mouseDClick", "mousePress", "mouseRelease", "mouseMove"):
        monkeypatch.setattr(QTest, name, refuse)


def start(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    return win


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(code: Key, modifier: Mod = Mod.NoModifier) -> None:
    """One key pressed where the keyboard focus is (the active window if nothing has it)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, code, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)
    QApplication.processEvents()


def tab_to(wanted: Callable[[QWidget], bool] | QWidget, limit: int = 120, backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab) until the focus is on ``wanted``: proves that Tab reaches it."""
    test = wanted if callable(wanted) and not isinstance(wanted, QWidget) else (lambda w: w is wanted)
    seen = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        if widget is not None and test(widget):
            return widget
        seen.append(f"{type(widget).__name__}#{widget.objectName() if widget else ''}")
        key(Key.Key_Backtab if backwards else Key.Key_Tab, Mod.ShiftModifier if backwards else Mod.NoModifier)
    raise AssertionError(f"Tab never reached the widget; visited: {seen[-30:]}")


def wait_active(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


# --- import a GENESIS table --------------------------------------------------------------------------------------

def test_import_a_genesis_table_with_the_keyboard(qtbot: Any, workspace: Any) -> None:
    win = start(qtbot, workspace)
    key(Key.Key_I, Mod.ControlModifier)  # Datei › Importieren… (Strg+I)
    wizard = win.import_wizard
    assert wizard is not None and wizard.isVisible()
    wait_active(qtbot, wizard)
    tab_to(wizard.file_page.path_edit)
    type_text(str(real_file(GENESIS)))
    assert wizard.file_page.isComplete()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    for page in (wizard.PREVIEW, wizard.CHECK, wizard.IMPORT):
        tab_to(next_button)
        key(Key.Key_Space)
        assert wizard.currentId() == page, wizard.currentId()
    assert wizard.report is not None and wizard.report.committed
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == wizard.report.observations > 0
    tab_to(wizard.button(wizard.WizardButton.FinishButton))
    key(Key.Key_Space)
    assert not wizard.isVisible()
    assert win.indicators.selected_indicator() is not None  # the import shows in the Daten tab


def test_escape_closes_the_import_assistant(qtbot: Any, workspace: Any) -> None:
    win = start(qtbot, workspace)
    key(Key.Key_I, Mod.ControlModifier)
    wizard = win.import_wizard
    assert wizard is not None
    wait_active(qtbot, wizard)
    key(Key.Key_Escape)
    assert not wizard.isVisible()


# --- create and save an allocation scenario ----------------------------------------------------------------------

def test_create_and_save_an_allocation_scenario_with_the_keyboard(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    before = {s.name for s in list_scenarios(demo_workspace)}
    key(Key.Key_3, Mod.ControlModifier)  # Ansicht › Bereich › Planung
    assert win.areas.currentWidget() is win.planning
    tab_to(win.planning.list)  # into the planning area: its shortcuts work there
    key(Key.Key_N, Mod.ControlModifier | Mod.ShiftModifier)  # Planung › Verteilungsszenario
    editor = win.planning
    assert editor.spec is not None and editor.spec.name not in before
    name = editor.spec.name
    assert name in {s.name for s in list_scenarios(demo_workspace)}  # stored once it computed
    # change the total by keyboard, then Strg+S
    total = editor.allocation.findChild(QWidget, "total")
    tab_to(total)
    key(Key.Key_A, Mod.ControlModifier)
    type_text("12345")
    key(Key.Key_Tab)
    assert editor.spec.amount.total == 12345
    key(Key.Key_S, Mod.ControlModifier)
    saved = next(s for s in list_scenarios(demo_workspace) if s.name == name)
    assert "12345" in saved.text and not editor.is_dirty()


# --- export a workbook ---------------------------------------------------------------------------------------------

def test_export_a_workbook_with_the_keyboard(qtbot: Any, demo_workspace: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.common import accessibility

    said: list[str] = []
    monkeypatch.setattr(accessibility, "announce", lambda widget, text: said.append(text))
    win = start(qtbot, demo_workspace)
    key(Key.Key_4, Mod.ControlModifier)  # Ansicht › Bereich › Export
    panel = win.export_panel
    assert win.areas.currentWidget() is panel
    tab_to(panel.scenario)
    key(Key.Key_End)  # the last scenario
    chosen = panel.scenario.currentData()
    assert chosen
    target = tmp_path / "ausschuss"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tab_to(panel.findChild(QWidget, "exportBrowse"))
    key(Key.Key_Space)  # Durchsuchen…: the (replaced) file dialog answers
    tab_to(panel.export_button)
    key(Key.Key_Space)
    written = tmp_path / "ausschuss.xlsx"
    assert written.exists() and panel.last_path == written
    assert said == [f"Geschrieben: {written}"]  # read aloud, the focus stays on the button
    win.statusBar().showMessage("Probe")
    assert said[-1] == "Probe"  # every status message too


# --- no trap, no clash, every toolbar command in a menu ---------------------------------------------------------------

def test_tab_leaves_the_map_and_the_planning_tables(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    browser = win.browser
    browser.views.setCurrentWidget(browser.map)
    QApplication.processEvents()
    view = browser.map.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    key(Key.Key_Plus)  # the map's own keys work …
    key(Key.Key_Tab)  # … and Tab leaves it
    assert focused() is not view
    assert view.accessibleDescription(), "the map has no summary"
    win.planning.open_scenario("Schulsozialarbeit Grundschulen 2027")
    key(Key.Key_3, Mod.ControlModifier)
    table = win.planning.allocation.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    key(Key.Key_Down)
    key(Key.Key_Tab)
    assert focused() is not table
    assert "Balkendiagramm" in win.planning.allocation.chart.accessibleDescription()


def test_the_chart_s_table_is_one_shortcut_away(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    QApplication.processEvents()
    win.areas.setCurrentWidget(win.planning)
    key(Key.Key_T, Mod.ControlModifier | Mod.ShiftModifier)
    assert win.areas.currentWidget() is win.browser and focused() is win.browser.table
    summary = win.browser.chart.accessibleDescription()
    assert "Werte-Tabelle" in summary and ("Balkendiagramm" in summary or "Liniendiagramm" in summary)


def _windows_of(obj: QObject) -> set[int]:
    """The windows in which an action's or shortcut's key can fire (a menu: the window of its menu bar)."""
    found: set[int] = set()
    widgets = [obj.parent()] if isinstance(obj, QShortcut) else [
        w for w in obj.associatedObjects() if isinstance(w, QWidget)]
    for widget in widgets:
        if isinstance(widget, QMenu):
            found |= _windows_of(widget.menuAction())
        else:  # a menu bar, or a widget the key belongs to
            found.add(id(widget.window()))
    return found


def _scope(obj: QObject) -> list[QWidget]:
    """The widgets whose focus makes a local shortcut fire."""
    if isinstance(obj, QShortcut):
        return [obj.parent()]
    return [w for w in obj.associatedObjects() if isinstance(w, QWidget) and not isinstance(w, QMenu | QMenuBar)]


def _overlap(a: QObject, b: QObject) -> bool:
    contexts = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    if not _windows_of(a) & _windows_of(b):
        return False
    if a.shortcutContext() in contexts or b.shortcutContext() in contexts:
        return True
    return any(x is y or x.isAncestorOf(y) or y.isAncestorOf(x) for x in _scope(a) for y in _scope(b))


def test_no_two_actions_share_a_shortcut(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    keyed: list[tuple[str, QObject, str]] = []
    for obj in [*win.findChildren(QAction), *win.findChildren(QShortcut)]:
        try:
            keys = obj.shortcuts() if isinstance(obj, QAction) else [obj.key()]
        except RuntimeError:  # deleted already (deleteLater pending)
            continue
        if isinstance(obj, QAction) and not (obj.isVisible() and _windows_of(obj)):
            continue
        text = obj.text() if isinstance(obj, QAction) else "QShortcut"
        for sequence in keys:
            if not sequence.isEmpty():
                keyed.append((sequence.toString(QKeySequence.SequenceFormat.PortableText), obj, text))
    assert len(keyed) > 20
    clashes = [(k1, t1, t2) for i, (k1, a, t1) in enumerate(keyed) for (k2, b, t2) in keyed[i + 1:]
               if k1 == k2 and a is not b and _overlap(a, b)]
    assert clashes == []


def test_every_toolbar_command_is_in_a_menu(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    in_menus: set[int] = set()

    def collect(menu: QMenu) -> None:
        for action in menu.actions():
            in_menus.add(id(action))
            if action.menu() is not None:
                collect(action.menu())

    for action in win.menuBar().actions():
        if action.menu() is not None:
            collect(action.menu())
    missing = [action.text() for bar in win.findChildren(QToolBar) for action in bar.actions()
               if not action.isSeparator() and id(action) not in in_menus
               and bar.widgetForAction(action) is not None and action.text() != ""]
    # the „Neu“ button of the scenario list is a menu of two actions: both must be in the menus
    new_button = win.planning.findChild(QWidget, "newScenario")
    missing += [a.text() for a in new_button.menu().actions() if id(a) not in in_menus]
    assert missing == []


def test_ctrl_c_copies_the_pivot_table(qtbot: Any, demo_workspace: Any) -> None:
    """The pivot's Strg+C is the window's Kopieren (one action for the key, so Qt never finds it ambiguous)."""
    win = start(qtbot, demo_workspace)
    browser = win.browser
    browser.views.setCurrentWidget(browser.pivot)
    QApplication.processEvents()
    table = browser.pivot.table
    assert table.model().rowCount() > 0
    table.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.clipboard().clear()
    key(Key.Key_A, Mod.ControlModifier)
    key(Key.Key_C, Mod.ControlModifier)
    assert QApplication.clipboard().text() == browser.pivot.copy(selection=True)
    assert "\t" in QApplication.clipboard().text()


def test_space_locks_a_recipient_in_the_result_table(qtbot: Any, demo_workspace: Any) -> None:
    win = start(qtbot, demo_workspace)
    key(Key.Key_3, Mod.ControlModifier)
    assert win.planning.open_scenario("Schulsozialarbeit Grundschulen 2027")
    table = win.planning.allocation.table
    model = table.model()
    column = next(c for c in range(model.columnCount())
                  if model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsUserCheckable)
    requested: list[tuple[str, object]] = []
    win.planning.allocation.model.lock_requested.connect(lambda k, amount: requested.append((k, amount)))
    tab_to(table)
    key(Key.Key_Home, Mod.ControlModifier)  # the first cell
    for _ in range(column):
        key(Key.Key_Right)
    assert table.currentIndex().column() == column
    key(Key.Key_Space)
    assert len(requested) == 1 and requested[0][1] is not None  # locked at its amount


def test_sorting_without_the_mouse(qtbot: Any, demo_workspace: Any) -> None:
    """The header click's counterpart: the context menu (Menu key, Umschalt+F10) sorts by the current column."""
    win = start(qtbot, demo_workspace)
    table = win.browser.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    ascending, descending = table.actions()[:2]
    assert "Aufsteigend" in ascending.text() and "Absteigend" in descending.text()
    tab_to(table)
    key(Key.Key_Home, Mod.ControlModifier)
    column = win.browser.model.value_column
    for _ in range(column):
        key(Key.Key_Right)
    assert table.currentIndex().column() == column
    descending.trigger()
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    proxy = win.browser.proxy
    values = [proxy.index(r, column).data(Qt.ItemDataRole.UserRole + 1) for r in range(min(proxy.rowCount(), 20))]
    assert len(values) > 2 and values == sorted(values, reverse=True)
    ascending.trigger()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    for view in (win.indicators.view, win.planning.allocation.table, win.kennzahlen.preview_view):
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
