"""The import assistant in a real main window (offscreen) on a real workspace file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QWizard
from sqlalchemy import func, select

from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import AuditEntry, Dataset, Indicator, Observation, Region
from bildungsplaner.ui.importing import wizard as wizard_module
from bildungsplaner.ui.importing.mapping import ATTRIBUTE, DIMENSION, MEASURE, NONE
from bildungsplaner.ui.importing.widgets import DataFrameModel
from bildungsplaner.ui.importing.wizard import ImportWizard
from bildungsplaner.ui.main_window import MainWindow

GENESIS = "genesis_12411-01-01-5_00.csv"
REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"


def real_file(name: str) -> Path:
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def counts(ws: Any) -> dict[str, int]:
    with ws.session() as s:
        return {name: s.scalar(select(func.count()).select_from(model)) for name, model in
                (("datasets", Dataset), ("observations", Observation), ("regions", Region),
                 ("indicators", Indicator), ("audit", AuditEntry))}


def open_wizard(win: MainWindow, path: Path | None = None) -> ImportWizard:
    wizard = win.import_dialog(path)
    assert wizard is not None and wizard.isVisible()
    return wizard


def error_of(page: Any) -> str:
    return page.error.text() if page.error.isVisible() else ""


def to_mapping(wizard: ImportWizard) -> Any:
    """From the file page of the workbook to its mapping page (choosing the sheet with the table)."""
    wizard.next()
    sheet = wizard.preview_page.sheet
    sheet.setCurrentIndex(sheet.findData("Schulen"))
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    return wizard.mapping_page


def stacked_xlsx(path: Path) -> Path:
    """A colleague's workbook: a title line, a two-row header with a merged cell, keys without leading zero."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Notizen"
    sheet.append(["Hier steht nichts"])
    sheet = workbook.create_sheet("Schulen")
    sheet.append(["Schülerinnen und Schüler nach Gemeinden, Schuljahr 2024/25"])
    sheet.append([])
    sheet.append(["AGS", "Gemeinde", "Schüler", None, "Klassen"])  # row 3
    sheet.append([None, None, "männlich", "weiblich", None])
    sheet.merge_cells("C3:D3")
    sheet.append([5978004, "Bergkamen", 1200, 1180, 95])
    sheet.append(["05978008", "Bönen", 410, ".", 30])
    sheet.append(["05978012", "Fröndenberg/Ruhr", "-", 300, 20])
    workbook.active = 1
    workbook.save(path)
    return path


# --- GENESIS ------------------------------------------------------------------------------------------------

def test_a_genesis_table_imports_through_the_wizard_and_shows_in_the_browser(window: MainWindow,
                                                                              workspace: Any) -> None:
    path = real_file(GENESIS)
    action = window.import_action
    assert action.shortcut().toString() == "Ctrl+I" and action.isEnabled()
    assert window.acceptDrops()
    action.trigger()
    wizard = window.import_wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    assert wizard.windowTitle() == "Daten importieren"
    assert not wizard.file_page.isComplete()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.isComplete()
    assert "GENESIS-Tabelle" in wizard.file_page.format_label.text()
    assert not wizard.needs_template

    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW
    preview = wizard.preview_page
    assert preview.isComplete() and not preview.sheet.isVisible() and not preview.header_rows.isVisible()
    model = preview.model
    assert model.rowCount() == 200
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Schlüssel"
    assert model.index(0, 0).data() == "DG"
    assert "12411-01-01-5" in preview.info.text()

    wizard.next()  # GENESIS skips the mapping page
    assert wizard.currentId() == ImportWizard.CHECK
    check = wizard.check_page
    dry = wizard.dry_report
    assert dry is not None and dry.dry_run and not dry.committed
    assert dry.observations == 347832 and dry.rows_read == 14493 and dry.regions_created == 14493
    text = check.report_view.toPlainText()
    assert "14493 Zeilen gelesen" in text and "347832 Beobachtungen würden importiert" in text
    assert "„-“ 56529×" in text and "Warnung: Zeile 9871: Märkisch-Oderland" in text  # a real one (Hohensaaten)
    assert not check.unmatched.isVisible()
    assert check.isComplete()
    assert counts(workspace)["observations"] == 0  # the dry run wrote nothing
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Importieren"

    wizard.next()
    assert wizard.currentId() == ImportWizard.IMPORT
    report = wizard.report
    assert report is not None and report.committed and report.observations == 347832
    assert "347832 Beobachtungen importiert" in wizard.import_page.report_view.toPlainText()
    assert wizard.import_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert counts(workspace)["observations"] == 347832
    # the browser shows the new indicator
    assert window.indicators.selected_indicator().code == "BEVOELKERUNGSSTAND"
    assert window.browser.model.rowCount() > 0
    assert window.areas.currentWidget() is window.browser
    wizard.accept()
    assert not wizard.isVisible()


def test_a_file_dropped_on_the_window_opens_the_wizard_with_it(window: MainWindow) -> None:
    path = real_file("genesis_12411-01-01-4.csv")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.path == path and wizard.file_page.isComplete()


# --- a colleague's workbook through the mapping page --------------------------------------------------------

def test_a_stacked_header_workbook_imports_with_an_edited_suggestion(window: MainWindow, workspace: Any,
                                                                     tmp_path: Path) -> None:
    path = stacked_xlsx(tmp_path / "schueler.xlsx")
    wizard = open_wizard(window, path)
    assert wizard.needs_template and "xlsx" in wizard.file_page.format_label.text()
    wizard.next()
    preview = wizard.preview_page
    # the first sheet holds no table: the message, then the user picks the right sheet
    assert preview.sheet.isVisible() and preview.sheet.currentText() == "Notizen"
    assert not preview.isComplete() and "Notizen" in error_of(preview)
    preview.sheet.setCurrentIndex(preview.sheet.findData("Schulen"))
    assert preview.isComplete() and not error_of(preview)
    model = preview.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["AGS", "Gemeinde", "Schüler | männlich", "Schüler | weiblich", "Klassen"]
    assert model.rowCount() == 3 and model.headerData(0, Qt.Orientation.Vertical) == "5"
    assert model.index(0, 0).data() == "5978004" and model.index(1, 3).data() == "."
    assert "Zeile 3 bis 4" in preview.info.text()
    # explicit header rows re-read too
    preview.header_rows.setValue(1)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Schüler"
    preview.header_rows.setValue(0)  # automatisch
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Schüler | männlich"

    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    mapping = wizard.mapping_page
    assert mapping.target.currentData() == "observations"
    assert mapping.region_key.column() == "AGS" and mapping.region_name.column() == "Gemeinde"
    assert mapping.role("Schüler | männlich") == MEASURE
    # without a period the template is incomplete: the German message, the page stays
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    assert "fixed_period" in error_of(mapping) or "Zeitraum" in error_of(mapping)
    # the user edits the suggestion
    mapping.fixed_period.setText("2024/25")
    mapping.set_role("Schüler | männlich", MEASURE, "SCHUELER_M", "Schüler männlich", "Anzahl")
    mapping.set_role("Schüler | weiblich", MEASURE, "SCHUELER_W", "Schüler weiblich", "Anzahl")
    mapping.set_role("Klassen", NONE)
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK, error_of(mapping)
    template = wizard.template
    assert template is not None and template.read.sheet == "Schulen"
    assert [m.indicator for m in template.observations.measures] == ["SCHUELER_M", "SCHUELER_W"]
    dry = wizard.dry_report
    assert dry is not None and dry.observations == 6 and dry.rows_read == 3
    assert dry.repaired_keys == {"5978004": "05978004"}
    assert counts(workspace)["observations"] == 0
    assert "Ergänzte Schlüssel: 5978004 → 05978004" in wizard.check_page.report_view.toPlainText()

    wizard.next()
    report = wizard.report
    assert report is not None and report.committed and report.observations == 6
    with workspace.session() as s:
        rows = s.execute(select(Region.key, Indicator.code, Observation.value, Observation.flag)
                         .join(Region, Region.id == Observation.region_id)
                         .join(Indicator, Indicator.id == Observation.indicator_id)
                         .order_by(Region.key, Indicator.code)).all()
    assert rows[:2] == [("05978004", "SCHUELER_M", 1200.0, None), ("05978004", "SCHUELER_W", 1180.0, None)]
    assert ("05978008", "SCHUELER_W", None, ".") in rows
    assert window.indicators.selected_indicator().code == "SCHUELER_M"
    assert window.browser.model.rowCount() > 0


def test_unknown_regions_are_assigned_in_the_check_page(window: MainWindow, workspace: Any, tmp_path: Path,
                                                        qtbot: Any) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05978004", name="Bergkamen, Stadt", level="gemeinde"))
    path = tmp_path / "sozialraeume.csv"
    path.write_text("Gebiet;Jahr;Kinder\r\nBergkamen;2024;10\r\nBergkamn;2024;20\r\nNordviertel;2024;30\r\n",
                    encoding="utf-8")
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.region_name.column() == "Gebiet" and mapping.period.column() == "Jahr"
    assert mapping.role("Kinder") == MEASURE
    wizard.next()
    check = wizard.check_page
    dry = wizard.dry_report
    assert [u.name for u in dry.regions_unmatched] == ["Bergkamn", "Nordviertel"]
    assert check.unmatched.isVisible() and check.unmatched.rowCount() == 2
    assert not check.isComplete()
    # the suggestion for the typo, a typed key for the other
    assert ("05978004 – Bergkamen, Stadt", "05978004") in check.choices(0)
    check.assign(0, "05978004")
    assert "Erneut prüfen" in check.stale_label.text() and not check.isComplete()
    # with the keyboard: the cell's combo box opens with F2, a typed key is taken as it is
    table = check.unmatched
    table.setFocus()
    table.setCurrentCell(1, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChild(QComboBox)
    assert isinstance(editor, QComboBox) and editor.isEditable()
    # any region of the workspace is offered by name while typing; choosing one puts its key in
    completer = editor.completer()
    completer.setCompletionPrefix("bergk")
    assert completer.currentCompletion() == "05978004"
    assert completer.completionModel().index(0, 0).data() == "05978004 Bergkamen, Stadt (Gemeinde)"
    editor.setEditText(completer.currentCompletion())
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(lambda: table.item(1, 2).text() == "05978004", timeout=2000)
    check.recheck_button.click()
    assert wizard.assignments == {"Bergkamn": "05978004", "Nordviertel": "05978004"}
    assert wizard.dry_report.regions_unmatched == [] and check.isComplete()
    wizard.next()
    assert wizard.report.committed and wizard.report.observations == 3
    assert counts(workspace)["observations"] == 3


# --- errors, cancel ------------------------------------------------------------------------------------------

def test_a_hostile_file_shows_the_message_and_changes_nothing(window: MainWindow, workspace: Any,
                                                             tmp_path: Path, message_boxes: Any) -> None:
    before = counts(workspace)
    empty = tmp_path / "leer.xlsx"
    empty.write_bytes(b"")
    wizard = open_wizard(window, empty)
    page = wizard.file_page
    assert not page.isComplete()
    assert "leer" in error_of(page)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # a fake workbook (a PDF) and a missing file: messages, no traceback
    fake = tmp_path / "tabelle.xlsx"
    fake.write_bytes(b"%PDF-1.4\n" + b"x" * 200)
    page.path_edit.setText(str(fake))
    assert "PDF" in error_of(page) and not page.isComplete()
    page.path_edit.setText(str(tmp_path / "gibtsnicht.csv"))
    assert "gibt es nicht" in error_of(page)
    # a table without data rows: the preview says so
    header_only = tmp_path / "nur_kopf.csv"
    header_only.write_text("AGS;Gemeinde;Einwohner\r\n", encoding="utf-8")
    page.path_edit.setText(str(header_only))
    assert page.isComplete()
    wizard.next()
    assert not wizard.preview_page.isComplete() and "Daten" in error_of(wizard.preview_page)
    assert "Traceback" not in error_of(wizard.preview_page)
    wizard.reject()
    assert not wizard.isVisible()
    assert counts(workspace) == before
    assert message_boxes.calls == []


def test_cancel_during_the_dry_run_leaves_the_workspace_unchanged(window: MainWindow, workspace: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = real_file("genesis_12411-01-01-4.csv")
    before = counts(workspace)
    real_import = wizard_module.import_file
    calls: list[bool] = []

    def cancelling_import(*args: Any, progress: Any, dry_run: bool, **kwargs: Any) -> Any:
        calls.append(dry_run)
        original_report = progress.report

        def report(fraction: float, message: str = "") -> None:
            original_report(fraction, message)
            if fraction >= 0.4:  # regions are being matched: the user presses Cancel
                wizard.check_page.panel.cancel()

        progress.report = report
        return real_import(*args, progress=progress, dry_run=dry_run, **kwargs)

    monkeypatch.setattr(wizard_module, "import_file", cancelling_import)
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    check = wizard.check_page
    assert calls == [True]
    assert wizard.dry_report is None and not check.isComplete()
    assert "abgebrochen" in check.panel.message.text()
    assert counts(workspace) == before
    # the same for the import itself: the rollback leaves nothing
    monkeypatch.setattr(wizard_module, "import_file", real_import)
    check.recheck_button.click()
    assert check.isComplete()

    def cancelling_real_import(*args: Any, progress: Any, **kwargs: Any) -> Any:
        original_report = progress.report

        def report(fraction: float, message: str = "") -> None:
            original_report(fraction, message)
            if fraction >= 0.5:
                wizard.import_page.panel.cancel()

        progress.report = report
        return real_import(*args, progress=progress, **kwargs)

    monkeypatch.setattr(wizard_module, "import_file", cancelling_real_import)
    wizard.next()
    assert wizard.currentId() == ImportWizard.IMPORT
    assert wizard.report is None and not wizard.import_page.isComplete()
    assert "abgebrochen" in wizard.import_page.panel.message.text()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert counts(workspace) == before


def test_a_file_imported_before_cannot_be_imported_again(window: MainWindow, workspace: Any) -> None:
    path = real_file("genesis_12411-01-01-4.csv")
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.report.committed
    wizard.accept()
    after = counts(workspace)
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    assert "bereits importiert" in error_of(wizard.check_page)
    assert not wizard.check_page.isComplete()
    assert counts(workspace) == after


# --- the preview model and templates --------------------------------------------------------------------------

def test_preview_model_passes_the_model_tester(qtmodeltester: Any, tmp_path: Path) -> None:
    import datetime as dt

    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"AGS": ["05978004", None], "Wert": [1.5, np.nan], "Anzahl": [1200.0, 3.0],
                          "Datum": [dt.datetime(2024, 12, 31), "x"]})
    model = DataFrameModel(frame, first_row=5)
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "1,5" and model.index(1, 1).data() == ""
    assert model.index(0, 2).data() == "1200" and model.index(0, 3).data() == "31.12.2024"
    assert model.headerData(1, Qt.Orientation.Vertical) == "6"
    model.set_frame(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_save_template_writes_toml_that_loads_back(window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = stacked_xlsx(tmp_path / "schueler.xlsx")
    wizard = open_wizard(window, path)
    mapping = to_mapping(wizard)
    mapping.fixed_period.setText("31.12.2024")
    mapping.set_role("Klassen", DIMENSION)
    mapping.name_edit.setText("Schüler je Gemeinde")
    target = tmp_path / "vorlagen" / "schueler"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = mapping.save_template_dialog()
    assert saved == target.with_name("schueler.toml") and saved.exists()
    loaded = ImportTemplate.load(saved)
    assert loaded.name == "Schüler je Gemeinde" and loaded.target == "observations"
    assert loaded.regions.key == "AGS" and loaded.observations.fixed_period == "31.12.2024"
    assert loaded.observations.dimensions == ["Klassen"]
    assert [m.column for m in loaded.observations.measures] == ["Schüler | männlich", "Schüler | weiblich"]
    assert loaded.read.sheet == "Schulen"
    assert "Vorlage gespeichert" in mapping.info.text()

    # load it back in a new wizard: the choice shows it, with the columns as saved
    wizard.reject()
    wizard = open_wizard(window, path)
    mapping = to_mapping(wizard)
    assert mapping.role("Klassen") != DIMENSION  # the suggestion
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    mapping.load_button.click()
    assert mapping.template_choice.currentText() == "schueler.toml"
    assert mapping.role("Klassen") == DIMENSION
    assert mapping.fixed_period.text() == "31.12.2024" and mapping.name_edit.text() == "Schüler je Gemeinde"
    # switching the target gives a fresh suggestion; a broken template file shows its message
    mapping.target.setCurrentIndex(mapping.target.findData("facilities"))
    assert mapping.template_choice.currentIndex() == 0
    broken = tmp_path / "kaputt.toml"
    broken.write_text("format = 1\nname = 'x'\ntarget = 'nirgends'\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    mapping.load_button.click()
    assert "target" in error_of(mapping)


def test_the_import_action_needs_a_workspace(qtbot: Any, message_boxes: Any) -> None:
    win = MainWindow(None, settings=Settings())
    qtbot.addWidget(win)
    assert not win.import_action.isEnabled()
    assert win.import_dialog() is None
    assert message_boxes.kinds() == ["warning"]


def test_a_school_list_imports_as_facilities(window: MainWindow, workspace: Any) -> None:
    path = real_file("nrw_schulverzeichnis_2024_25_sozialindex.csv")
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    mapping.target.setCurrentIndex(mapping.target.findData("facilities"))
    assert not mapping.region_group.isHidden() and mapping.stack.currentIndex() == 1
    assert mapping.fac_key.column() == "Schulnummer" and mapping.fac_kind.column() == "Schulform"
    assert mapping.region_key.column() == "Amtlicher Gemeindeschlüssel"
    assert [c.column() for c in mapping.fac_address][:3] == ["Straße und Hausnummer", "Postleitzahl", "Ort"]
    assert mapping.role("Sozialindex") == ATTRIBUTE
    mapping.set_role("Anzahl", ATTRIBUTE, "schueler")
    wizard.next()
    assert wizard.dry_report.facilities == 5407 and wizard.check_page.isComplete()
    wizard.next()
    assert wizard.report.committed and wizard.report.facilities == 5407
    assert window.facilities.model.rowCount() == 5407
    assert wizard.template.facilities.attributes == {"schueler": "Anzahl", "sozialindex": "Sozialindex"}


def test_a_list_of_sozialraeume_imports_as_regions(window: MainWindow, workspace: Any, tmp_path: Path) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05978004", name="Bergkamen, Stadt", level="gemeinde"))
    path = tmp_path / "sozialraeume.csv"
    path.write_text("Nr;Sozialraum;Gemeinde-AGS\r\nSR01;Mitte;05978004\r\nSR02;Weddinghofen;05978004\r\n",
                    encoding="cp1252")
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    mapping.target.setCurrentIndex(mapping.target.findData("regions"))
    assert mapping.region_group.isHidden() and mapping.columns.isHidden()
    assert (mapping.reg_key.column(), mapping.reg_name.column(), mapping.reg_parent.column()) == (
        "Nr", "Sozialraum", "Gemeinde-AGS")
    assert mapping.reg_level.currentData() == "sozialraum"
    wizard.next()
    assert wizard.dry_report.regions_created == 2
    wizard.next()
    assert wizard.report.committed
    with workspace.session() as s:
        regions = {r.key: r for r in s.scalars(select(Region))}
    assert regions["SR02"].level == "sozialraum" and regions["SR02"].parent_id == regions["05978004"].id
    assert window.browser.region_index.rows and "SR01" in {r.key for r in window.browser.region_index.rows}


# --- messy lists: totals and notes below the table, text attributes ----------------------------------------

def struck(model: Any, row: int) -> bool:
    font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.strikeOut()


def test_totals_and_notes_below_a_school_list_are_shown_struck_and_left_out(window: MainWindow, workspace: Any,
                                                                             tmp_path: Path) -> None:
    from messy_lists import SCHOOLS, messy_xlsx

    wizard = open_wizard(window, messy_xlsx(tmp_path / "schulen.xlsx"))
    wizard.next()
    preview = wizard.preview_page
    assert preview.isComplete(), error_of(preview)
    model = preview.model
    # 20 schools, then the Summe row, the empty row, the source and the footnote: grey, struck, with the reason
    assert model.rowCount() == 24 and model.headerData(20, Qt.Orientation.Vertical) == "24"
    assert [struck(model, r) for r in (19, 20, 21, 22, 23)] == [False, True, True, True, True]
    assert model.index(19, 0).data(Qt.ItemDataRole.ToolTipRole) == SCHOOLS[19][0]
    assert model.index(20, 1).data() == "Summe"
    assert model.index(20, 1).data(Qt.ItemDataRole.ToolTipRole) == "Wird nicht importiert: Summenzeile"
    assert model.index(22, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Wird nicht importiert: Anmerkung unter der Tabelle")
    assert "Nicht importiert" in preview.info.text() and "24 (Summenzeile)" in preview.info.text()
    assert len(wizard.preview_frame) == 20  # the suggestion sees only the schools

    # the user says where the data end: at the first empty row, and the last row above it is a footer too
    assert preview.footer_rows.isVisible() and preview.footer_rows.text() == "automatisch"
    preview.stop_at.setChecked(True)
    assert not struck(model, 20) and struck(model, 22)
    assert "stop_at" in model.index(22, 0).data(Qt.ItemDataRole.ToolTipRole)
    preview.footer_rows.setValue(1)
    assert struck(model, 20) and "footer_rows = 1" in model.index(20, 1).data(Qt.ItemDataRole.ToolTipRole)

    wizard.next()
    mapping = wizard.mapping_page
    mapping.target.setCurrentIndex(mapping.target.findData("facilities"))
    assert mapping.fac_key.column() == "Schulnummer" and mapping.role("Träger") == ATTRIBUTE
    mapping.region_name.set_column(None)
    mapping.fac_fixed_kind.setText("Grundschule")
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK, error_of(mapping)
    assert wizard.template.read.footer_rows == 1 and wizard.template.read.stop_at == "first empty row"
    text = wizard.check_page.report_view.toPlainText()
    assert "Zeile 24 nicht importiert (Fußzeile, Vorlage: footer_rows = 1): „Summe" in text
    assert "Zeile 27 nicht importiert" in text and wizard.dry_report.facilities == 20
    wizard.next()
    assert wizard.report.committed and wizard.report.facilities == 20
    with workspace.session() as s:
        from bildungsplaner.store.models import Facility

        school = s.scalars(select(Facility).where(Facility.key == SCHOOLS[0][0])).one()
        assert school.attributes == {"schueler": 180, "traeger": "Stadt Bergkamen"}


def test_renamed_attributes_survive_going_back_and_forth(window: MainWindow, tmp_path: Path) -> None:
    from messy_lists import messy_csv

    wizard = open_wizard(window, messy_csv(tmp_path / "schulen.csv"))
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    mapping.target.setCurrentIndex(mapping.target.findData("facilities"))
    mapping.set_role("Schüler", ATTRIBUTE, "kinder")
    mapping.set_role("Träger", ATTRIBUTE, "schultraeger")
    mapping.fac_fixed_kind.setText("Grundschule")
    mapping.region_name.set_column(None)

    def attribute_names() -> dict[str, str]:
        return {column: name for name, column in mapping.template().facilities.attributes.items()}

    wizard.back()  # to the preview; a different footer setting reads the table again
    wizard.preview_page.footer_rows.setValue(3)
    wizard.next()
    assert attribute_names() == {"Schüler": "kinder", "Träger": "schultraeger"}
    wizard.back()
    wizard.back()  # to the file page and forward again: the preview is read anew
    assert wizard.currentId() == ImportWizard.FILE
    wizard.next()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    assert attribute_names() == {"Schüler": "kinder", "Träger": "schultraeger"}
    assert mapping.fac_fixed_kind.text() == "Grundschule"
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK, error_of(mapping)
    assert wizard.template.facilities.attributes == {"kinder": "Schüler", "schultraeger": "Träger"}
    assert wizard.template.read.footer_rows == 3 and wizard.dry_report.facilities == 20


def test_a_point_layer_imports_as_facilities_through_the_wizard(window: MainWindow, workspace: Any,
                                                                tmp_path: Path) -> None:
    """A GeoJSON of schools (points with properties) goes the table path: its properties and coordinates are
    the preview's columns, the mapping page makes them facilities, and the coordinates are kept."""
    import shapely
    from geo.geo_files import write_geojson

    from bildungsplaner.store.models import Facility

    schools = [({"Schulnummer": "100001", "Name": "GS Am Dom", "Schulform": "Grundschule", "AGS": "05315000"},
                shapely.Point(356_300.0, 5_645_400.0)),
               ({"Schulnummer": "100002", "Name": "GS Hauptbahnhof", "Schulform": "Grundschule", "AGS": "05913000"},
                shapely.Point(393_600.0, 5_709_300.0))]
    path = write_geojson(tmp_path / "schulen.geojson", schools)
    wizard = open_wizard(window, path)
    wizard.next()
    assert wizard.boundary_file is None and wizard.sniffed.kind == "geojson"
    assert list(wizard.preview_frame.columns)[-2:] == ["Geometrie x", "Geometrie y"]
    assert list(wizard.preview_frame["Name"]) == ["GS Am Dom", "GS Hauptbahnhof"]
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    mapping = wizard.mapping_page
    mapping.target.setCurrentIndex(mapping.target.findData("facilities"))
    mapping.fac_key.set_column("Schulnummer")
    mapping.fac_name.set_column("Name")
    mapping.fac_kind.set_column("Schulform")
    mapping.region_key.set_column("AGS")
    wizard.next()
    assert wizard.dry_report is not None and wizard.dry_report.facilities == 2, error_of(wizard.check_page)
    wizard.next()
    assert wizard.report.committed and wizard.report.facilities == 2
    with workspace.session() as s:
        placed = {f.key: (round(f.x), round(f.y)) for f in s.scalars(select(Facility))}
    assert placed == {"100001": (356_300, 5_645_400), "100002": (393_600, 5_709_300)}
