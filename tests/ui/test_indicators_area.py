"""The Kennzahlen area in the real window (offscreen) over the real GENESIS tables of BQ_U3: the list grouped by
area with availability, details and preview, the definition editor (widgets, live check, undo, save), the index
editor, and the refresh after a deleted import."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from bildungsplaner.indicators.catalogue import catalogue_entry
from bildungsplaner.indicators.spec import IndicatorSpec
from bildungsplaner.services import indicators
from bildungsplaner.settings import Settings
from bildungsplaner.ui.indicators.draft import Draft
from bildungsplaner.ui.indicators.editor import DefinitionEditor, source_key
from bildungsplaner.ui.indicators.index_editor import IndexEditor, class_distribution
from bildungsplaner.ui.indicators.models import ENTRY_ROLE, EntryTreeModel, value_text
from bildungsplaner.ui.main_window import MainWindow

KITA = "genesis_22543-01-02-4_00.csv"
BEV = "genesis_12411-04-02-4_00.csv"

INDEX = """format = 1
kind = "index"
code = "DEMO_INDEX"
name = "Demografie-Index der Kreise in NRW"
year = 2015
standardize = "z"
aggregate = "sum"
restandardize = true
regions = { level = "kreis", within = "05" }
classes = { method = "sigma", breaks = [-1.0, 1.0], labels = ["niedrig", "mittel", "hoch"] }
[[input]]
indicator = "JUGENDQUOTIENT"
weight = 1.0
direction = 1
[[input]]
indicator = "ALTENQUOTIENT"
weight = 1.0
direction = -1
"""


@pytest.fixture(scope="module")
def imported_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace file with the two tables of BQ_U3, imported once through the real import service."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from realdata import real_file

    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    files = [real_file(KITA), real_file(BEV)]
    path = Path(tmp_path_factory.mktemp("kennzahlen-ui")) / "bq.bpws"
    ws = open_workspace(path)
    try:
        for file in files:
            import_file(ws, file, all_regions=True)
    finally:
        ws.close()
    return path


@pytest.fixture
def bq_workspace(imported_file: Path, tmp_path: Path) -> Iterator[Any]:
    from bildungsplaner.store.database import open_workspace

    copy = tmp_path / "bq.bpws"
    shutil.copy(imported_file, copy)
    ws = open_workspace(copy)
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot: Any, bq_workspace: Any) -> MainWindow:
    win = MainWindow(bq_workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.areas.setCurrentWidget(win.kennzahlen)
    return win


def _group_of(model: EntryTreeModel, code: str) -> tuple[str, QModelIndex]:
    index = model.index_of(code)
    assert index.isValid(), code
    return str(model.index(index.parent().row(), 0).data()), index


def _visible_codes(win: MainWindow) -> set[str]:
    proxy = win.kennzahlen.proxy
    codes = set()
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        for r in range(proxy.rowCount(group)):
            codes.add(proxy.index(r, 0, group).data(ENTRY_ROLE).code)
    return codes


def _preview_value(model: Any, key: str, year: str) -> str:
    rows = [r for r, row in enumerate(model.rows) if row.region_key == key and row.period.startswith(year)]
    assert len(rows) == 1
    return str(model.index(rows[0], 3).data())


def test_the_area_lists_the_catalogue_by_area_with_availability(window: MainWindow, qtmodeltester: Any) -> None:
    area = window.kennzahlen
    assert window.areas.tabText(window.areas.indexOf(area)) == "Kennzahlen"
    assert window.kennzahlen_action.shortcut().toString() == "Ctrl+K"
    assert not window.left_splitter.isVisible()  # the area has its own list: the side panel makes room
    qtmodeltester.check(area.model)
    qtmodeltester.check(area.proxy)
    group, bq = _group_of(area.model, "BQ_U3")
    assert group == "C – Frühkindliche Bildung"
    assert area.model.index(bq.row(), 1, bq.parent()).data() == "Katalog"
    assert area.model.index(bq.row(), 2, bq.parent()).data() == "verfügbar"
    group, missing = _group_of(area.model, "ABG_OHNE_HSA")
    assert group == "D – Allgemeinbildende Schule"
    assert area.model.index(missing.row(), 2, missing.parent()).data() == "Quelle fehlt: Tabelle 21111-02-06-4"
    assert missing.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed …
    assert missing.flags() & Qt.ItemFlag.ItemIsSelectable  # … but selectable
    assert bq.data(Qt.ItemDataRole.ForegroundRole) is None
    imported, _ = _group_of(area.model, "BEVOELKERUNGSSTAND")
    assert imported == "Importierte Indikatoren"
    # the filter narrows the list to the matching entries (by name, code or availability)
    area.filter_edit.setText("BQ_")
    assert _visible_codes(window) == {"BQ_U3", "BQ_3_6"}
    area.filter_edit.setText("quelle fehlt")
    assert "ABG_OHNE_HSA" in _visible_codes(window) and "BQ_U3" not in _visible_codes(window)
    area.filter_edit.clear()
    assert "BEVOELKERUNGSSTAND" in _visible_codes(window)
    # a missing source is explained in the details and instead of values
    assert area.select_code("ABG_OHNE_HSA")
    assert "Quelle fehlt: Tabelle 21111-02-06-4" in area.details.toPlainText()
    assert area.preview_model.rowCount() == 0 and "Quelle fehlt" in area.preview_message.text()


def test_selecting_bq_u3_shows_its_caveat_sources_and_values(window: MainWindow, qtmodeltester: Any) -> None:
    area = window.kennzahlen
    assert area.select_code("BQ_U3")
    text = area.details.toPlainText()
    assert "ohne Doppelzählungen" in text and "nicht gekappt" in text  # the caveats
    assert "Stichtag" in text and "31. Dezember des Jahres t−1" in text
    assert "22543-01-02-4" in text and "12411-04-02-4" in text and "Datenlizenz Deutschland" in text
    assert "fehlt: 2011" in text  # the „fehlt“ lines
    qtmodeltester.check(area.preview_model)
    assert _preview_value(area.preview_model, "05315", "2016") == "29,6"  # Köln, published 29.6
    assert _preview_value(area.preview_model, "05112", "2016") == "17,6"  # Duisburg
    assert area.preview_model.headerData(3, Qt.Orientation.Horizontal) == "Wert"
    assert not area.delete_action.isEnabled()  # a catalogue entry cannot be deleted …
    assert area.edit_action.isEnabled() and "kopieren" in area.edit_action.text()  # … only copied


def test_values_are_rounded_half_up_and_missing_values_show_their_symbol() -> None:
    assert value_text(29.55, None, 1) == "29,6"
    assert value_text(0.125, None, 2) == "0,13"
    assert value_text(1234.5, None, 0) == "1.235"
    assert value_text(None, "x", 1) == "x"
    assert value_text(None, None, 1) == "."
    assert value_text(12.34, "p", 1) == "12,3 p"


def _choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _fill_input(qtbot: Any, editor: DefinitionEditor, name: str, sex: str) -> None:
    editor.input_name_edit.clear()
    qtbot.keyClicks(editor.input_name_edit, name)
    _choose(editor.source_combo, source_key("BEVOELKERUNGSSTAND"))
    combo = editor.filter_combo("Geschlecht")
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Insgesamt", "männlich", "weiblich"]
    assert editor.filter_combo("Altersgruppe").count() > 50  # the real age bands
    _choose(combo, sex)


def test_a_new_kennzahl_defined_in_the_editor_appears_in_both_lists(window: MainWindow, qtbot: Any,
                                                                     qtmodeltester: Any) -> None:
    area = window.kennzahlen
    editor = area.new_indicator()
    assert isinstance(editor, DefinitionEditor)
    qtbot.keyClicks(editor.code_edit, "FRAUENANTEIL")
    editor.name_edit.setText("Frauenanteil an der Bevölkerung")  # (keyClicks types ASCII only)
    editor.unit_edit.setText("%")
    qtbot.keyClicks(editor.formula_edit, "100 * w / alle")
    _fill_input(qtbot, editor, "w", "weiblich")
    assert not editor.save_button.isEnabled()  # „alle“ is not an input yet
    assert "alle" in editor.error_label.text()
    qtbot.mouseClick(editor.add_input_button, Qt.MouseButton.LeftButton)
    _fill_input(qtbot, editor, "alle", "Insgesamt")
    assert editor.draft.inputs[0].where == (("Geschlecht", "weiblich"),)
    assert editor.draft.inputs[1].where == (("Geschlecht", "Insgesamt"),)
    assert editor.save_button.isEnabled(), editor.error_label.text()
    assert editor.error_label.text() == "Die Definition ist in Ordnung."
    editor.text_edits["purpose"].setPlainText("Wie groß der Anteil der Frauen ist.")
    assert dict(editor.draft.extra) == {"purpose": "Wie groß der Anteil der Frauen ist."}
    assert editor.save_button.isEnabled()
    qtmodeltester.check(editor.preview_model)
    assert editor.preview_model.rowCount() == 50 and editor.chart.heights
    assert 45 < editor.report.rows[0].value < 55
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_entry is not None and editor.result() == DefinitionEditor.DialogCode.Accepted
    # the list of the area shows it as an own Kennzahl, selected, with its values
    group, index = _group_of(area.model, "FRAUENANTEIL")
    assert group == "Eigene Kennzahlen"
    assert area.model.index(index.row(), 1, index.parent()).data() == "berechnet (eigene)"
    assert area.selected_entry().code == "FRAUENANTEIL"
    value = float(_preview_value(area.preview_model, "05315", "2015").replace(",", "."))
    assert 49 < value < 53
    assert "Version 1" in area.details.toPlainText()
    assert "Zweck: Wie groß der Anteil der Frauen ist." in area.details.toPlainText()
    assert area.delete_action.isEnabled()
    # the Daten tab lists the new indicator, marked as computed; imported ones are not marked
    names = {r.code: window.indicators.model.index(n, 0).data() for n, r in enumerate(window.indicators.model.rows)}
    assert names["FRAUENANTEIL"] == "Frauenanteil an der Bevölkerung (berechnet)"
    assert names["BQ_U3"].endswith("(berechnet)")
    assert names["BEVOELKERUNGSSTAND"] == "Bevölkerungsstand"
    row = next(n for n, r in enumerate(window.indicators.model.rows) if r.code == "FRAUENANTEIL")
    assert "Berechnete Kennzahl" in window.indicators.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    # and deleting it removes it everywhere
    assert area.delete_selected()
    assert not area.model.index_of("FRAUENANTEIL").isValid()
    assert "FRAUENANTEIL" not in {r.code for r in window.indicators.model.rows}


def test_a_formula_error_disables_save_and_undo_restores_the_formula(window: MainWindow, qtbot: Any,
                                                                      message_boxes: Any) -> None:
    area = window.kennzahlen
    assert area.select_code("BQ_U3")
    editor = area.edit_selected()
    assert isinstance(editor, DefinitionEditor)
    assert editor.formula_edit.text() == "100 * kinder / bev"
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.formula_edit, "v")
    assert editor.formula_edit.text() == "100 * kinder / bevv"
    assert not editor.save_button.isEnabled()
    assert "Die Formel nennt „bevv“, aber es gibt keine Eingabe dieses Namens" in editor.error_label.text()
    editor.undo_action.trigger()
    assert editor.formula_edit.text() == "100 * kinder / bev"
    assert editor.save_button.isEnabled()
    assert editor.error_label.text() == "Die Definition ist in Ordnung."
    editor.redo_action.trigger()
    assert editor.formula_edit.text() == "100 * kinder / bevv" and not editor.save_button.isEnabled()
    editor.undo_stack.undo()
    # an input filter is a combo box of the real values; undo takes a choice back
    editor.input_list.setCurrentRow(0)
    combo = editor.filter_combo("Art der Kindertagesbetreuung")
    assert combo.currentText() == "Insgesamt (ohne Doppelzählungen)"
    _choose(combo, "Tageseinrichtung")
    assert dict(editor.draft.inputs[0].where) == {"Art der Kindertagesbetreuung": "Tageseinrichtung"}
    editor.undo_stack.undo()
    assert editor.filter_combo("Art der Kindertagesbetreuung").currentText() == "Insgesamt (ohne Doppelzählungen)"
    assert not message_boxes.calls
    editor.reject()


def test_a_copied_catalogue_entry_writes_the_same_definition(bq_workspace: Any, tmp_path: Path) -> None:
    text = indicators.definition_text(bq_workspace, "BQ_U3")
    draft = Draft.from_toml(text)
    again = IndicatorSpec.from_dict(tomllib.loads(draft.to_toml()))
    assert again == catalogue_entry("BQ_U3")  # purpose, caveats, Stichtag and sources kept


def test_toml_export_and_import_in_the_editor(window: MainWindow, tmp_path: Path, message_boxes: Any) -> None:
    area = window.kennzahlen
    assert area.select_code("BQ_3_6")
    editor = area.edit_selected()
    target = editor.export_toml(tmp_path / "bq36.toml")
    assert target is not None and 'code = "BQ_3_6"' in target.read_text(encoding="utf-8")
    editor.reject()
    fresh = area.new_indicator()
    assert fresh.import_toml(target)
    assert fresh.draft.code == "BQ_3_6" and fresh.formula_edit.text() == "100 * kinder / bev"
    fresh.undo_stack.undo()
    assert fresh.draft.code == ""
    (tmp_path / "index.toml").write_text(INDEX, encoding="utf-8")
    assert not fresh.import_toml(tmp_path / "index.toml")
    assert message_boxes.texts("warning") and "Indexdefinition" in message_boxes.texts("warning")[0]
    fresh.reject()
    # the area opens an index file in the index editor
    opened = area.import_definition(tmp_path / "index.toml")
    assert isinstance(opened, IndexEditor)
    opened.reject()


def test_the_index_editor_checks_live_and_shows_the_class_distribution(window: MainWindow, qtbot: Any,
                                                                       qtmodeltester: Any) -> None:
    area = window.kennzahlen
    editor = area.new_index()
    assert isinstance(editor, IndexEditor)
    # the template reads a Kennzahl whose table is missing here
    assert "ABG_OHNE_HSA" in editor.error_label.text() and not editor.save_button.isEnabled()
    editor.text_edit.setPlainText(INDEX)
    assert editor.save_button.isEnabled(), editor.error_label.text()
    assert "Die Definition ist in Ordnung: 54 Gebiete." in editor.error_label.text()
    # before saving: the live check already shows the classes and the inputs per region
    live = class_distribution(editor.report.rows)
    assert [label for label, _ in live] == ["1 – niedrig", "2 – mittel", "3 – hoch"]
    assert editor.chart.labels == [label for label, _ in live] and editor.inputs_model.rowCount() >= 53
    assert editor.index_result is None
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.index_result is not None
    distribution = class_distribution(editor.index_result)
    assert [label for label, _ in distribution] == ["1 – niedrig", "2 – mittel", "3 – hoch"]
    assert sum(count for _, count in distribution) == 53  # one Kreis without values is excluded
    assert editor.chart.labels == [label for label, _ in distribution]
    qtmodeltester.check(editor.inputs_model)
    headers = [editor.inputs_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(editor.inputs_model.columnCount())]
    assert headers == ["Gebiet", "Index", "JUGENDQUOTIENT (Wert)", "JUGENDQUOTIENT (standardisiert)",
                       "ALTENQUOTIENT (Wert)", "ALTENQUOTIENT (standardisiert)"]
    group, index = _group_of(area.model, "DEMO_INDEX")
    assert group == "Indizes"
    assert area.model.index(index.row(), 1, index.parent()).data() == "Index"
    editor.reject()
    assert area.select_code("DEMO_INDEX")
    assert area.preview_model.headerData(4, Qt.Orientation.Horizontal) == "Klasse"


def test_a_deleted_import_makes_the_kennzahl_unavailable(window: MainWindow, bq_workspace: Any) -> None:
    from bildungsplaner.services.browse import list_datasets
    from bildungsplaner.services.importing import delete_import

    area = window.kennzahlen
    assert area.select_code("BQ_U3")
    assert area.entry("BQ_U3").available
    kita = next(d for d in list_datasets(bq_workspace) if d.table_code == "22543-01-02-4")
    delete_import(bq_workspace, kita.id)
    window.notify_data_changed("delete")
    entry = area.entry("BQ_U3")
    assert entry is not None and not entry.available
    _, index = _group_of(area.model, "BQ_U3")
    assert area.model.index(index.row(), 2, index.parent()).data() == "Quelle fehlt: Tabelle 22543-01-02-4"
    assert area.selected_entry().code == "BQ_U3"  # the selection is kept …
    assert "Quelle fehlt: Tabelle 22543-01-02-4" in area.details.toPlainText()  # … and shows the new state
    assert area.preview_model.rowCount() == 0
    names = {r.code: window.indicators.model.index(n, 0).data() for n, r in enumerate(window.indicators.model.rows)}
    assert "BQ_U3" not in names and "BETREUTE_KINDER" not in names


def test_the_area_and_the_live_check_work_on_the_worker_thread(qtbot: Any, bq_workspace: Any) -> None:
    """With the application's executor: the list, the values and the debounced check arrive from the worker."""
    from bildungsplaner.ui.common.tasks import TaskRunner, ThreadExecutor

    win = MainWindow(bq_workspace, owns_workspace=False, settings=Settings(),
                     runner=TaskRunner(executor=ThreadExecutor()))
    qtbot.addWidget(win)
    win.show()
    area = win.kennzahlen
    qtbot.waitUntil(lambda: area.model.index_of("BQ_U3").isValid(), timeout=10000)
    assert area.select_code("BQ_U3")
    qtbot.waitUntil(lambda: area.preview_model.rowCount() > 0, timeout=10000)
    assert _preview_value(area.preview_model, "05315", "2016") == "29,6"
    editor = area.edit_selected()
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=10000)
    qtbot.keyClicks(editor.formula_edit, "v")
    assert not editor.save_button.isEnabled()  # at once: the text is not checked yet
    qtbot.waitUntil(lambda: "bevv" in editor.error_label.text(), timeout=10000)
    assert not editor.save_button.isEnabled()
    qtbot.keyClick(editor.formula_edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=10000)
    editor.reject()
    win.runner.wait()


def test_a_draft_writes_what_is_filled_and_reads_a_broken_file_with_a_german_message() -> None:
    from bildungsplaner import UserInputError
    from bildungsplaner.ui.indicators.draft import InputDraft

    draft = Draft(name="Test", formula="100 * a / b",
                  inputs=(InputDraft("a", indicator="X", where=(("Geschlecht", "weiblich"),), ages="0-2",
                                     year_offset=-1),))
    data = tomllib.loads(draft.to_toml())
    assert "code" not in data  # the check says „code“ fehlt
    assert data["inputs"]["a"] == {"indicator": "X", "where": {"Geschlecht": "weiblich"}, "ages": "0-2",
                                   "year_offset": -1}
    assert Draft.from_toml(draft.to_toml()) == draft
    assert draft.inputs[0].with_filter("Geschlecht", None).where == ()
    with pytest.raises(UserInputError, match="kein gültiges TOML"):
        Draft.from_toml("code = ")


def test_the_kennzahlen_tabelle_is_exported_from_the_area(window: MainWindow, bq_workspace: Any,
                                                         tmp_path: Path) -> None:
    import openpyxl

    from bildungsplaner.services.home import set_home_region

    set_home_region(bq_workspace, "05315")
    area = window.kennzahlen
    assert area.select_code("ABG_OHNE_HSA")  # source missing: nothing to export
    assert not area.export_action.isEnabled()
    assert area.select_code("BQ_U3")
    assert area.export_action.isEnabled() and area.buttons["export"].isEnabled()
    assert area.export_action in window.indicator_menu.actions()
    written = area.export_table(tmp_path / "bq.xlsx")
    assert written == tmp_path / "bq.xlsx"
    book = openpyxl.load_workbook(written)
    assert "BQ_U3" in book.sheetnames
    sheet = book["BQ_U3"]
    keys = [row[0].value for row in sheet.iter_rows() if row[0].value in ("05315", "05", "DG")]
    assert keys[:3] == ["05315", "05", "DG"]  # Köln, then Land and Bund as comparison rows
