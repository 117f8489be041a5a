"""The main window offscreen on the demo workspace, its menus and dialogs, the task runner, the app start."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolButton

from bildungsplaner import __version__, paths
from bildungsplaner.progress import Cancelled
from bildungsplaner.settings import Settings
from bildungsplaner.ui import app as ui_app
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def region_index(win: MainWindow, key: str) -> Any:
    rid = next(r.id for r in win.browser.region_index.rows if r.key == key)
    return win.regions.model.index_for_region(rid)


def select_regions(win: MainWindow, *keys: str) -> None:
    ids = [next(r.id for r in win.browser.region_index.rows if r.key == key) for key in keys]
    win.regions.select_regions(ids)


def select_indicator(win: MainWindow, code: str) -> None:
    assert win.indicators.select_indicator(next(i.id for i in win.indicators.model.rows if i.code == code))


def test_title_status_and_region_tree(window: MainWindow, demo_workspace: Any) -> None:
    assert window.windowTitle() == f"Bildungsplaner – {demo_workspace.path.name}"
    assert str(demo_workspace.path) in window.path_label.text()
    kreis = region_index(window, "05999")
    model = window.regions.model
    assert kreis.data() == "Kreis Lindental"
    children = [model.index(r, 1, kreis).data() for r in range(model.rowCount(kreis))]
    assert children == [f"05999{i:03d}" for i in range(1, 13)]
    assert window.regions.view.isExpanded(kreis)
    first_gemeinde = model.index(0, 0, kreis)
    assert model.rowCount(first_gemeinde) >= 2  # Sozialräume
    assert window.regions.view.selectionMode() == window.regions.view.SelectionMode.ExtendedSelection
    # the Kreis and the largest indicator are preselected, so the first view is not empty
    assert window.regions.selected_region_ids() == [model.region_id(kreis)]
    assert window.indicators.selected_indicator().code == "BEV_ALTER"
    assert window.browser.model.rowCount() > 0


def test_indicator_and_gemeinde_fill_table_and_chart(window: MainWindow) -> None:
    select_indicator(window, "BEV_ALTER")
    select_regions(window, "05999003")
    browser = window.browser
    model = browser.model
    assert model.rowCount() == 19 * 3 * 5  # ages × sexes × periods
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"05999003"}
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Schlüssel", "Gebiet", "Zeitraum", "Alter", "Geschlecht", "Wert (Personen)"]
    # one region over five periods: a line; Alter summed (no total), Geschlecht = its total „Insgesamt“
    assert browser.chart.data.kind == "line" and len(browser.chart.items) == 1
    assert browser.chart.combos["Geschlecht"].currentText() == "alle (Insgesamt)"
    assert browser.chart.combos["Alter"].currentText() == "alle (Summe)"
    assert browser.chart.data.how == {"Geschlecht": "Insgesamt", "Alter": "Summe der Teile"}
    assert len(browser.chart.data.labels) == 5
    # several Gemeinden: bars per region for the latest period
    select_regions(window, "05999001", "05999002", "05999003")
    assert browser.chart.data.kind == "bars"
    assert len(browser.chart.data.labels) == 3 and len(browser.chart.items) == 1
    assert browser.chart.data.caption == "31.12.2024"
    assert "3 Gebiete" in browser.heading.text()


def test_descendants_checkbox(window: MainWindow) -> None:
    select_indicator(window, "SGB2_U15")
    select_regions(window, "05999001")
    assert window.browser.model.rowCount() == 0  # the Gemeinde itself has no values for it
    assert window.browser.count_label.text() == "Keine Werte für diese Auswahl"
    assert window.browser.chart.data.kind == "empty" and window.browser.chart.items == []
    window.browser.descendants.setChecked(True)
    keys = {window.browser.model.index(r, 0).data() for r in range(window.browser.model.rowCount())}
    assert keys and all(k.startswith("05999001-S") for k in keys)
    assert window.browser.chart.data.kind == "bars"


def test_filter_narrows_rows_and_ctrl_f_focuses_it(qtbot: Any, window: MainWindow) -> None:
    select_indicator(window, "BEV_ALTER")
    select_regions(window, "05999001", "05999002")
    browser = window.browser
    total = browser.proxy.rowCount()
    qtbot.keyClicks(browser.filter_edit, "weiblich 2024")
    shown = browser.proxy.rowCount()
    assert 0 < shown < total
    assert shown == 2 * 19
    assert {browser.proxy.index(r, 4).data() for r in range(shown)} == {"weiblich"}
    assert "von" in browser.count_label.text()
    browser.filter_edit.clear()
    assert browser.proxy.rowCount() == total
    window.activateWindow()
    window.areas.setCurrentIndex(2)
    window.find_action.trigger()
    assert window.areas.currentWidget() is browser
    qtbot.waitUntil(lambda: browser.filter_edit.hasFocus(), timeout=2000)
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_cancelled_and_failed_loads(window: MainWindow, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.data import browser as browser_module

    def cancelled(*args: Any, **kwargs: Any) -> Any:
        raise Cancelled()

    monkeypatch.setattr(browser_module, "load_observations", cancelled)
    select_regions(window, "05999002")
    assert window.browser.model.rowCount() == 0
    assert window.browser.count_label.text() == "Laden abgebrochen"
    assert message_boxes.calls == []

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("Netzlaufwerk getrennt")

    monkeypatch.setattr(browser_module, "load_observations", broken)
    select_regions(window, "05999003")
    assert message_boxes.kinds() == ["critical"]
    assert message_boxes.texts()[0].startswith("Interner Fehler: OSError: Netzlaufwerk getrennt")


def test_header_click_sorts(qtbot: Any, window: MainWindow) -> None:
    select_indicator(window, "BEV_ALTER")
    select_regions(window, "05999001")
    browser = window.browser
    value_column = browser.model.value_column
    browser.table.sortByColumn(value_column, Qt.SortOrder.DescendingOrder)
    values = [browser.proxy.index(r, value_column).data(Qt.ItemDataRole.UserRole + 1) for r in range(5)]
    assert values == sorted(values, reverse=True)


def test_copy_puts_tab_separated_text_with_decimal_commas(qtbot: Any, window: MainWindow) -> None:
    select_indicator(window, "SGB2_U15")
    select_regions(window, "05999001")
    window.browser.descendants.setChecked(True)
    browser = window.browser
    proxy = browser.proxy
    selection = QItemSelection(proxy.index(0, 0), proxy.index(3, proxy.columnCount() - 1))
    browser.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Schlüssel\tGebiet\tZeitraum\tWert (%)"
    assert len(lines) == 5
    cells = lines[1].split("\t")
    assert cells[0].startswith("05999001-S") and cells[2] == "31.12.2020"
    assert any("," in line.split("\t")[-1] for line in lines[1:])
    assert all("." not in line.split("\t")[-1] for line in lines[1:])
    # the menu action copies the same selection
    QGuiApplication.clipboard().clear()
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text().splitlines()[0].startswith("Schlüssel\t")


def test_facilities_filter_by_kind_and_show_attributes(window: MainWindow) -> None:
    panel = window.facilities
    total = panel.proxy.rowCount()
    assert total >= 100
    panel.set_kind("Grundschule")
    shown = panel.proxy.rowCount()
    assert 0 < shown < total
    assert {panel.proxy.index(r, 1).data() for r in range(shown)} == {"Grundschule"}
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    pairs = {panel.attributes.index(r, 0).data(): panel.attributes.index(r, 1).data()
             for r in range(panel.attributes.rowCount())}
    assert pairs["Art"] == "Grundschule"
    assert "schueler" in pairs
    panel.set_kind(None)
    assert panel.proxy.rowCount() == total


def test_work_areas_exist(window: MainWindow) -> None:
    tabs = [window.areas.tabText(i) for i in range(window.areas.count())]
    assert tabs == ["Daten", "Import", "Planung", "Export", "Kennzahlen", "Bericht"]
    assert window.areas.widget(2) is window.planning and window.areas.widget(3) is window.export_panel
    assert window.planning.model.rowCount() == 3  # the demo's saved scenarios
    assert window.export_panel.scenario.count() == 3
    import_button = window.areas.widget(1).findChild(QToolButton, "importButton")
    assert import_button.defaultAction() is window.import_action
    side = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert side == ["Indikatoren", "Einrichtungen"]


def test_import_page_lists_the_import_history(window: MainWindow, qtmodeltester: Any) -> None:
    page = window.import_page
    window.areas.setCurrentWidget(page)
    assert page.model.rowCount() == 1  # the demo data, read when the page is first shown
    qtmodeltester.check(page.model)
    cells = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert cells[1] == "Demo-Daten (erzeugt)" and cells[3] == "31.12.2024" and cells[4] == "17.570"
    assert cells[-1] == "aktuell"
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    details = page.details.toPlainText()
    assert "Quelle: Fiktive Beispieldaten" in details and "17.570 Zeilen" in details

    from bildungsplaner.services.importing import import_file

    report = import_file(window.workspace, REPO.parent / "shared" / "real-data" / "genesis_12411-01-01-4.csv")
    window.set_workspace(window.workspace, owns=False)  # what the window does after an import
    assert page.model.rowCount() == 2 and page.details.toPlainText() == ""
    newest = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert newest[0] == str(report.dataset) and newest[1] == "genesis_12411-01-01-4.csv"
    assert newest[2].startswith("12411-01-01-4 – ") and newest[4] == f"{report.observations:,}".replace(",", ".")


def test_an_import_is_taken_back_from_the_import_page(qtbot: Any, window: MainWindow, message_boxes: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.services.importing import import_file

    real = REPO.parent / "shared" / "real-data"
    first = import_file(window.workspace, real / "genesis_21111-01-03-4.csv")
    second = import_file(window.workspace, real / "genesis_21111-01-03-4_00.csv")
    page = window.import_page
    window.areas.setCurrentWidget(page)
    window.set_workspace(window.workspace, owns=False)
    assert page.model.rowCount() == 3 and not page.delete_action.isEnabled()  # nothing chosen yet
    page.view.setCurrentIndex(page.proxy.index(0, 0))  # the newest: the second stand
    assert page.delete_action.isEnabled() and page.selected_dataset().id == second.dataset
    details = page.details.toPlainText()  # what the check said at the time stays with the import
    assert "Hinweise der Prüfung beim Import:" in details and "ist neuer als der importierte" in details

    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: message_boxes.calls.append(("question", args[1], args[2]))
        or QMessageBox.StandardButton.No))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)  # Entf on the list asks first …
    asked = message_boxes.calls[-1][2]
    assert f"Import Nr. {second.dataset}" in asked and f"(Nr. {first.dataset}) gilt dann wieder" in asked
    assert page.model.rowCount() == 3  # … and "Nein" keeps everything

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    page.delete_action.trigger()
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [str(first.dataset), "1"]
    assert page.model.index(0, page.model.columnCount() - 1).data() == "aktuell"
    assert "gelöscht" in window.statusBar().currentMessage()

    page.view.setCurrentIndex(page.proxy.index(1, 0))  # the demo data brought facilities: refused, one message
    page.delete_action.trigger()
    kind, _title, text = message_boxes.calls[-1]
    assert kind == "warning" and "lassen sich nicht einzeln löschen" in text  # a clear message, no traceback
    assert page.model.rowCount() == 2


def test_menus(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["Datei", "Bearbeiten", "Ansicht", "Hilfe"]
    file_items = [a.text() for a in menus["Datei"].actions() if a.text()]
    assert file_items == ["Neuer Arbeitsbereich…", "Öffnen…", "Server-Arbeitsbereich öffnen…",
                          "Neuer Server-Arbeitsbereich…", "Zuletzt geöffnet", "Demo-Arbeitsbereich öffnen",
                          "Importieren…", "Sicherung erstellen…", "Als Datei sichern…", "Auf den Server übertragen…",
                          "Beenden"]
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.copy_action.shortcut().toString() == "Ctrl+C"
    assert [a.text() for a in menus["Hilfe"].actions() if a.text()] == ["Handbuch", "Lizenzen",
                                                                          "Über Bildungsplaner"]
    assert window.help_action.shortcut().toString() == "F1"


def test_f1_opens_the_handbook_from_the_program_folder(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible() and "Handbuch" in dialog.windowTitle()
    text = dialog.browser.toPlainText()
    for heading in ("Arbeitsbereich", "Import", "Planung", "Export", "Tastenkürzel", "Kommandozeile"):
        assert heading in text
    assert dialog.browser.source().toLocalFile() == str(paths.help_file())
    # an anchor of the table of contents moves within the page; a web address is not followed
    dialog.browser.setSource(QUrl("#tasten"))
    assert dialog.browser.source().fragment() == "tasten"
    before = dialog.browser.source()
    dialog.browser.setSource(QUrl("https://example.org/"))
    assert dialog.browser.source() == before and "Tastenkürzel" in dialog.browser.toPlainText()
    assert window.show_help() is dialog  # F1 again raises the same window


def test_the_handbook_names_only_shortcuts_that_exist(window: MainWindow) -> None:
    html = paths.help_file().read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html and "<img" not in html  # nothing to fetch
    for action, text in ((window.import_action, "Strg+I"), (window.find_action, "Strg+F"),
                         (window.help_action, "F1"), (window.planning.save_action, "Strg+S"),
                         (window.planning.duplicate_action, "Strg+D")):
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert text in html and shown.replace("Ctrl", "Strg") == text


def test_licences_window_lists_the_texts_and_shows_qt_s_notice(window: MainWindow) -> None:
    dialog = window.show_licenses()
    names = [dialog.files.item(i).text() for i in range(dialog.files.count())]
    assert "Qt-LGPL-Hinweis.txt" in names and "LGPL-3.0.txt" in names
    assert dialog.text.toPlainText()  # the first one is shown at once
    dialog.files.setCurrentRow(names.index("Qt-LGPL-Hinweis.txt"))
    assert "LGPL" in dialog.text.toPlainText() and "Qt" in dialog.text.toPlainText()
    dialog.close()


def test_about_shows_version(window: MainWindow, message_boxes: Any) -> None:
    window.about_action.trigger()
    assert message_boxes.kinds() == ["about"]
    text = message_boxes.texts()[0]
    assert __version__ in text
    assert str(paths.data_dir()) in text
    assert "LGPL" in text and "PySide6" in text


def test_new_workspace_switches_and_closes_the_old_one(window: MainWindow, demo_workspace: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []
    monkeypatch.setattr(demo_workspace, "close", lambda: closed.append(True))
    target = tmp_path / "neu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.new_action.trigger()
    assert closed == [True]
    assert window.workspace is not None and window.workspace.path == tmp_path / "neu.bpws"
    assert window.windowTitle() == "Bildungsplaner – neu.bpws"
    assert window.regions.model.rowCount() == 1  # Deutschland › NRW › Kreis Unna, the home region chosen
    assert window.browser.model.rowCount() == 0
    assert Settings().get("recent_workspaces")[0] == str((tmp_path / "neu.bpws").resolve())
    assert Settings().get("last_workspace") == str((tmp_path / "neu.bpws").resolve())
    # the same name again is refused with a message, not a traceback
    window.new_action.trigger()
    window.close()


def test_new_workspace_refuses_existing_file(window: MainWindow, tmp_path: Path, message_boxes: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "da.bpws"
    existing.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(existing), "")))
    window.new_action.trigger()
    assert message_boxes.kinds() == ["warning"]
    assert "gibt es schon" in message_boxes.texts()[0]


def test_open_invalid_file_shows_german_message(window: MainWindow, demo_workspace: Any, tmp_path: Path,
                                                message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "kaputt.bpws"
    bad.write_text("keine Datenbank", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    window.open_action.trigger()
    assert message_boxes.kinds() == ["warning"]
    assert "keine Bildungsplaner-Arbeitsbereichsdatei" in message_boxes.texts()[0]
    assert window.workspace is demo_workspace  # still on the old one


def test_open_and_recent_menu(qtbot: Any, window: MainWindow, demo_file: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "zweiter.bpws"
    other.write_bytes(demo_file.read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    window.open_action.trigger()
    assert window.workspace.path == other
    assert window.regions.model.rowCount() > 0
    window._fill_recent_menu()
    entries = [a for a in window.recent_menu.actions()]
    assert entries and entries[0].text().startswith("zweiter.bpws")
    window.close()


def test_open_demo_builds_it_on_first_use(window: MainWindow) -> None:
    assert not paths.demo_workspace().exists()
    window.demo_action.trigger()
    assert paths.demo_workspace().exists()
    assert window.windowTitle().endswith(paths.demo_workspace().name)
    window.close()


def test_backup(window: MainWindow, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    suggested: list[str] = []

    def save_name(parent: Any, title: str, directory: str, *args: Any) -> tuple[str, str]:
        suggested.append(directory)
        return directory, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    window.backup_action.trigger()
    target = Path(suggested[0])
    assert target.parent == paths.backups_dir()
    assert target.is_file() and target.stat().st_size > 0
    assert message_boxes.kinds() == ["information"]


def test_unexpected_error_is_shown_as_internal_error(window: MainWindow, message_boxes: Any, caplog: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(boom))
    window.open_action.trigger()
    assert message_boxes.kinds() == ["critical"]
    assert message_boxes.texts()[0].startswith("Interner Fehler: RuntimeError: kaputt")
    assert "Protokoll" in message_boxes.texts()[0]
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert logged and logged[0].levelname == "ERROR"


def test_window_without_workspace(qtbot: Any) -> None:
    win = MainWindow(None)
    qtbot.addWidget(win)
    assert win.windowTitle() == "Bildungsplaner"
    assert not win.backup_action.isEnabled()
    assert win.regions.model.rowCount() == 0


# --- tasks ----------------------------------------------------------------------------------------------------------

def test_task_runner_on_a_worker_thread(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    runner = tasks.TaskRunner(executor=tasks.ThreadExecutor())
    main_thread = threading.get_ident()
    seen: dict[str, Any] = {}

    def work(progress: tasks.TaskProgress) -> int:
        seen["thread"] = threading.get_ident()
        progress.report(0.5, "halb")
        return 42

    handle = runner.start(work, title="Test", on_done=lambda r: seen.setdefault("result", (r, threading.get_ident())),
                          show_dialog=False)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen["thread"] != main_thread
    assert seen["result"] == (42, main_thread)  # callbacks run in the GUI thread

    errors: list[BaseException] = []
    handle = runner.start(lambda p: 1 / 0, title="Test", on_error=errors.append, show_dialog=False)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    started = threading.Event()

    def slow(progress: tasks.TaskProgress) -> None:
        started.set()
        while True:
            progress.check()

    cancelled: list[bool] = []
    handle = runner.start(slow, title="Test", on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert cancelled == [True] and handle.result is None
    assert runner.run_blocking(lambda p: "fertig", title="Test") == "fertig"
    with pytest.raises(ValueError):
        runner.run_blocking(lambda p: int("x"), title="Test")
    assert runner.wait(5000)


def test_task_runner_synchronous_mode() -> None:
    runner = tasks.TaskRunner()
    results: list[Any] = []
    handle = runner.start(lambda p: p.report(2.0, "x") or "ok", title="Test", on_done=results.append)
    assert handle.done and results == ["ok"]

    def cancel_self(progress: tasks.TaskProgress) -> None:
        progress.cancel()
        progress.check()

    with pytest.raises(Cancelled):
        runner.run_blocking(cancel_self, title="Test")


# --- application start ----------------------------------------------------------------------------------------------

def test_smoke_window(qapp: Any, demo_workspace: Any) -> None:
    ui_app.smoke_window(demo_workspace)
    assert demo_workspace.path.exists()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_create_application_loads_german_qt_translations(qapp: Any) -> None:
    app = ui_app.create_application([])
    assert app is qapp
    assert app.applicationName() == "Bildungsplaner" and app.applicationVersion() == __version__
    assert not app.windowIcon().isNull()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def _compile_ts(target_dir: Path) -> Path:
    import subprocess

    ts = REPO / "resources" / "translations" / "bildungsplaner_en.ts"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease not available")
    target = target_dir / "bildungsplaner_en.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(target)], check=True, capture_output=True)
    return target


def test_english_translation_is_complete_and_loads(qapp: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ts = REPO / "resources" / "translations" / "bildungsplaner_en.ts"
    messages = ET.parse(ts).getroot().iter("message")
    unfinished = [m.findtext("source") for m in messages
                  if not (m.findtext("translation") or "").strip()
                  or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert unfinished == []
    _compile_ts(tmp_path)
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    Settings().set("language", "en")
    try:
        ui_app.create_application([])
        assert QCoreApplication.translate("MainWindow", "Öffnen…") == "Open…"
        win = MainWindow(None)
        assert [a.text().replace("&", "") for a in win.menuBar().actions()] == ["File", "Edit", "View", "Help"]
        # the editors' module-level tr() helpers find their strings too (lupdate files them without context)
        assert win.planning.allocation.facility_kinds.placeholderText() == "all kinds; separate several with commas"
        assert win.import_page.model.headerData(1, Qt.Orientation.Horizontal) == "File"
        assert win.sidebar.action.text() == "&Sidebar"
        win.build_areas()  # the Bericht room: its outline, settings and preview modules translate too
        assert win.report.model.headerData(0, Qt.Orientation.Horizontal) == "Outline"
        assert win.report.settings.indicator.heading.text() == "<b>Indicator module</b>"
        assert win.areas.tabText(win.areas.indexOf(win.report)) == "Report"
        win.deleteLater()
        # the core's messages follow the interface language: a refused file is explained in English
        from bildungsplaner import UserInputError
        from bildungsplaner.importing.sniff import sniff

        empty = tmp_path / "leer.csv"
        empty.write_bytes(b"")
        with pytest.raises(UserInputError, match=r"leer\.csv is empty \(0 bytes\)"):
            sniff(empty)
    finally:
        ui_app.install_translators(qapp, "de")
    with pytest.raises(UserInputError, match=r"leer\.csv ist leer"):  # German again after switching back
        sniff(empty)


def test_module_level_tr_helpers_look_up_the_empty_context() -> None:
    """lupdate files a module-level ``tr("…")`` under the empty context; a helper that looks its strings up under a
    context of its own finds none of them (the sidebar and the Bericht settings stayed German in English)."""
    import re

    helper = re.compile(r'^def tr\(text: str\) -> str:\n(?:    #.*\n)?'
                        r'    return QCoreApplication\.translate\("([^"]*)"', re.M)
    wrong = []
    for path in sorted((REPO / "bildungsplaner" / "ui").rglob("*.py")):
        found = helper.search(path.read_text(encoding="utf-8"))
        if found and found.group(1) != "":
            wrong.append(f"{path.relative_to(REPO)}: {found.group(1)!r}")
    assert wrong == []


def test_every_string_of_the_interface_is_in_the_translation_file(tmp_path: Path) -> None:
    """lupdate over the sources adds nothing to the .ts: a new German text cannot ship untranslated."""
    import subprocess

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not available")
    ts = tmp_path / "bildungsplaner_en.ts"
    ts.write_bytes((REPO / "resources" / "translations" / "bildungsplaner_en.ts").read_bytes())
    sources = sorted(str(p) for p in (REPO / "bildungsplaner" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True, capture_output=True, cwd=REPO)
    new = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
           if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert new == [], "run pyside6-lupdate on bildungsplaner/ui and translate these"


def test_run_gui_opens_given_workspace(qapp: Any, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    assert ui_app.run_gui(demo_file) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(windows) == 1 and windows[0].workspace.path == demo_file
    windows[0].close()
    windows[0].deleteLater()


def test_run_gui_first_start_asks_for_the_kreis_and_reports_errors(qapp: Any, tmp_path: Path, message_boxes: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.services.home import home_region
    from bildungsplaner.ui.workspace.home import HomeRegionDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(qapp, "exec", lambda: 0)

    def choose_unna(dialog: HomeRegionDialog) -> int:
        assert dialog.demo_button is not None  # the demo stays one click away
        dialog.search.setText("unna")
        assert dialog.selected_key() == "05978"
        dialog.accept()
        return HomeRegionDialog.DialogCode.Accepted

    monkeypatch.setattr(HomeRegionDialog, "exec", choose_unna)
    assert ui_app.run_gui() == 0
    assert paths.default_workspace().exists()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.workspace]
    assert [w.workspace.path for w in windows] == [paths.default_workspace()]
    assert home_region(windows[0].workspace) == "05978"
    assert not paths.demo_workspace().exists()  # the user's workspace is not the demo
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.close()
            w.deleteLater()
    bad = tmp_path / "kaputt.bpws"
    bad.write_text("nein", encoding="utf-8")
    assert ui_app.run_gui(bad) == 0
    assert message_boxes.kinds() == ["warning"]
    assert "Traceback" not in message_boxes.texts()[0]
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            assert w.workspace is None
            w.close()
            w.deleteLater()


def test_window_size_and_dividers_come_back_after_a_restart(qtbot: Any, demo_workspace: Any) -> None:
    first = MainWindow(demo_workspace, settings=Settings(), owns_workspace=False)
    qtbot.addWidget(first)
    first.resize(700, 500)  # (within the offscreen screen: restoreGeometry keeps a window on its screen)
    first.show()
    first.main_splitter.setSizes([200, 500])
    sizes, size = first.main_splitter.sizes(), (first.width(), first.height())
    assert size != (1280, 820)  # not the default size
    first.close()  # saves the layout with the settings
    assert set(Settings().get("window_layout")) == {"geometry", "main", "left"}
    second = MainWindow(demo_workspace, settings=Settings(), owns_workspace=False)
    qtbot.addWidget(second)
    assert second.restore_layout()
    second.show()
    assert (second.width(), second.height()) == size
    assert second.main_splitter.sizes() == sizes != [360, 920]
    Settings().set("window_layout", {"geometry": "kaputt!", "main": 17})  # damaged: ignored, no error
    third = MainWindow(demo_workspace, settings=Settings(), owns_workspace=False)
    qtbot.addWidget(third)
    assert not third.restore_layout()
