"""The mapping page edits one ImportTemplate: whatever a template says comes back out when it is saved, each
widget edits exactly its field, the column table is a model over the template, and edits can be undone."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QStyleOptionViewItem
from realdata import real_file

from bildungsplaner.importing.template import (
    FacilityMapping,
    ImportTemplate,
    Measure,
    ObservationMapping,
    ReadHints,
    RegionListMapping,
    RegionMapping,
)
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.importing.columns_model import (
    ATTRIBUTE,
    COL_CODE,
    COL_LABEL,
    COL_NAME,
    COL_ROLE,
    COL_UNIT,
    DIMENSION,
    MEASURE,
    NONE,
    ColumnsModel,
)
from bildungsplaner.ui.importing.mapping import MappingPage
from bildungsplaner.ui.importing.widgets import CHOICES_ROLE, VALUE_ROLE, set_choice
from bildungsplaner.ui.importing.wizard import ImportWizard

COLUMNS = ["AGS", "Gemeinde", "Jahr", "Geschlecht", "Alter", "Einwohner", "Zuzüge", "Schulnummer", "Name",
           "Schulform", "Phase", "Straße", "PLZ", "Ort", "Ortsteil", "Land", "Schüler", "Träger", "Ebene",
           "Übergeordnet", "Rechtswert", "Hochwert"]
READ = ReadHints(sheet="Daten", header_rows=1, skip_rows=1, decimal=",", footer_rows=0, stop_at="first empty row")
REGIONS = RegionMapping(key="AGS", name="Gemeinde", assign={"Bergkamen, Stadt": "05978004", "5978008": "05978008"},
                        create_unmatched=True)

#: every field set, among them those the old page kept beside its widgets (description, decimal, assign,
#: create_unmatched, fixed_dimensions, the phase of a measure, a fifth address column) — and measures and
#: dimensions in an order of their own (the old page saved them in the table's order), one measure of a column
#: the table lacks
OBSERVATIONS = ImportTemplate(
    name="Einwohner und Zuzüge", target="observations", description="Vom Einwohnermeldeamt, jährlich", read=READ,
    regions=REGIONS,
    observations=ObservationMapping(
        measures=[Measure("Zuzüge 2023", "ZUZ23", "Zuzüge 2023", "Personen", "Bevölkerung/Kontext"),
                  Measure("Zuzüge", "ZUZ", "Zuzüge", "Personen", "Bevölkerung/Kontext"),
                  Measure("Einwohner", "BEV", "Bevölkerung", "Anzahl", "Schule")],
        period="Jahr", dimensions=["Alter", "Geschlecht"],
        fixed_dimensions={"Quelle": "Einwohnermeldeamt", "Stand": "vorläufig"}))
FACILITIES = ImportTemplate(
    name="Schulen mit Träger", target="facilities", description="Schulamt", read=READ, regions=REGIONS,
    facilities=FacilityMapping(key="Schulnummer", name="Name", fixed_kind="Grundschule", phase_column="Phase",
                               address=["Straße", "PLZ", "Ort", "Ortsteil", "Land"], offering="both",
                               # one column under two names (the old page kept one of them)
                               attributes={"traeger": "Träger", "kinder": "Schüler", "ags": "AGS",
                                           "schueler": "Schüler"}))
#: coordinates in Gauß-Krüger and one region for all rows (no region columns)
FACILITIES_XY = ImportTemplate(
    name="Schulen mit Lage", target="facilities", description="Katasteramt", read=READ,
    regions=RegionMapping(fixed="05978004"),
    facilities=FacilityMapping(key="Schulnummer", name="Name", kind="Schulform", phase="Schule",
                               address=["Straße", "Ort"], x="Rechtswert", y="Hochwert", crs="EPSG:31467"))
REGION_LIST = ImportTemplate(
    name="Sozialräume", target="regions", description="Jugendamt", read=READ,
    regionlist=RegionListMapping(key="AGS", name="Gemeinde", level_column="Ebene", parent="Übergeordnet"))


def workbook(path: Path) -> Path:
    """A sheet „Daten“ (a title, the header, two rows) and a sheet „Notizen“."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Daten"
    sheet.append(["Einwohner und Schulen, Stand 31.12.2023"])
    sheet.append(COLUMNS)
    for number in (4, 8):
        sheet.append([f"05978{number:03d}", f"Gemeinde {number}", 2023, "weiblich", "6 bis 10", 100.5 * number,
                      number, f"19{number:04d}", f"Schule {number}", "Grundschule", "Schule", "Weg 1", "59192",
                      "Bergkamen", "Mitte", "NRW", 200 + number, "Stadt", "gemeinde", "05978",
                      3_412_000 + number, 5_722_000 + number])
    book.create_sheet("Notizen").append(["nichts"])
    book.save(path)
    return path


@pytest.fixture
def wizard(qtbot: Any, workspace: Any, tmp_path: Path) -> ImportWizard:
    wizard = ImportWizard(workspace, tasks.TaskRunner(), path=workbook(tmp_path / "daten.xlsx"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    return wizard


def load(page: MappingPage, template: ImportTemplate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Load ``template`` as the user does: saved as a file, chosen in „Vorlage laden …“."""
    path = tmp_path / "vorlage.toml"
    template.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.load_button.click()
    assert not page.error.isVisibleTo(page), page.error.text()
    return path


def save(page: MappingPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportTemplate:
    """„Vorlage speichern …“, read back from the file."""
    target = tmp_path / "gespeichert.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = page.save_template_dialog()
    assert saved == target, page.error.text()
    return ImportTemplate.load(saved)


def fields(template: ImportTemplate) -> dict[str, Any]:
    """Every field of ``template`` by its dotted path (lists and tables as whole values)."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                walk(f"{prefix}{item.name}.", getattr(value, item.name))
        else:
            flat[prefix.rstrip(".")] = value

    walk("", template)
    return flat


def changed(before: ImportTemplate, after: ImportTemplate) -> set[str]:
    old, new = fields(before), fields(after)
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


# --- nothing is lost --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("original", [OBSERVATIONS, FACILITIES, FACILITIES_XY, REGION_LIST],
                         ids=["observations", "facilities", "coordinates", "regions"])
def test_a_template_with_every_field_set_is_saved_back_as_it_was(wizard: ImportWizard, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  original: ImportTemplate) -> None:
    page = wizard.mapping_page
    path = load(page, original, tmp_path, monkeypatch)
    loaded = ImportTemplate.load(path)
    assert loaded == original  # the file holds every field
    assert wizard.preview_frame is not None and list(wizard.preview_frame.columns) == COLUMNS
    assert page.target.currentData() == original.target and page.name_edit.text() == original.name
    assert save(page, tmp_path, monkeypatch) == original
    assert page.template() == original
    # through the check as well: the import gets the same template
    wizard.next()
    assert wizard.template == original


def test_going_to_the_check_and_back_keeps_the_edited_template(wizard: ImportWizard, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = wizard.mapping_page
    load(page, OBSERVATIONS, tmp_path, monkeypatch)
    page.fixed_period.setText("2023")
    page.period.setCurrentIndex(0)  # (keine)
    edited = page.template()
    assert edited.observations.fixed_period == "2023" and edited.observations.period is None
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK and wizard.template == edited
    wizard.back()
    assert page.template() == edited and page.fixed_period.text() == "2023"


def test_coordinates_and_a_fixed_region_are_shown_and_saved(wizard: ImportWizard, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    page = wizard.mapping_page
    load(page, FACILITIES_XY, tmp_path, monkeypatch)
    assert (page.fac_x.column(), page.fac_y.column(), page.fac_crs.crs()) == ("Rechtswert", "Hochwert", "EPSG:31467")
    assert page.fac_crs.currentText().startswith("EPSG:31467 – Gauß-Krüger")
    assert page.region_fixed.text() == "05978004" and page.region_fixed.isVisibleTo(page)
    assert not page.region_key.isEnabled()  # the fixed region decides
    # without the fixed region and without region columns the page takes the template (coordinates place it)
    page.region_fixed.clear()
    assert page.region_key.isEnabled()
    template = page.template().validate()
    assert template.regions == RegionMapping() and template.facilities.x == "Rechtswert"
    assert page.validatePage() and not page.error.isVisibleTo(page)
    # a fixed region typed while region columns are chosen wins over them; emptied, the columns come back
    pick(page.region_key, "AGS")
    page.region_fixed.setText("05978")
    assert page.template().regions == RegionMapping(fixed="05978")
    page.region_fixed.clear()
    assert page.template().regions == RegionMapping(key="AGS")
    # any other CRS is typed; lon/lat is offered by name
    page.fac_crs.setEditText("EPSG:3044")
    assert page.template().facilities.crs == "EPSG:3044"
    page.fac_crs.setCurrentIndex(page.fac_crs.findData("EPSG:4326"))
    assert page.fac_crs.currentText() == "EPSG:4326 – Längen-/Breitengrad (WGS 84)"
    assert save(page, tmp_path, monkeypatch).facilities.crs == "EPSG:4326"
    # observations have no fixed region on the page
    load(page, OBSERVATIONS, tmp_path, monkeypatch)
    assert not page.region_fixed.isVisibleTo(page)


# --- one widget, one field ------------------------------------------------------------------------------------

def pick(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, (combo.objectName(), data)
    combo.setCurrentIndex(index)


def shown(widget: Any) -> Any:
    return widget.text() if isinstance(widget, QLineEdit) else widget.currentData()


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


EDITS: dict[str, list[tuple[str, Any, str, Any]]] = {
    # widget, what the user chooses or types, the field, its new value
    "observations": [
        ("name_edit", "Meine Vorlage", "name", "Meine Vorlage"),
        ("region_key", "Schulnummer", "regions.key", "Schulnummer"),
        ("region_name", None, "regions.name", None),
        ("period", "Alter", "observations.period", "Alter"),
        ("fixed_period", "31.12.2023", "observations.fixed_period", "31.12.2023"),
    ],
    "facilities": [
        ("fac_key", "AGS", "facilities.key", "AGS"),
        ("fac_name", "Ort", "facilities.name", "Ort"),
        ("fac_kind", "Schulform", "facilities.kind", "Schulform"),
        ("fac_fixed_kind", "Gesamtschule", "facilities.fixed_kind", "Gesamtschule"),
        ("fac_offering", "digital", "facilities.offering", "digital"),
        ("reg_parent", "AGS", None, None),  # a widget of another target changes nothing
    ],
    "coordinates": [
        ("fac_x", "Schüler", "facilities.x", "Schüler"),
        ("fac_y", None, "facilities.y", None),
        ("fac_crs", "EPSG:4326", "facilities.crs", "EPSG:4326"),
        ("region_fixed", "05978008", "regions.fixed", "05978008"),
    ],
    "regions": [
        ("reg_key", "Schulnummer", "regionlist.key", "Schulnummer"),
        ("reg_name", "Name", "regionlist.name", "Name"),
        ("reg_parent", None, "regionlist.parent", None),
        ("reg_level_column", "Schulform", "regionlist.level_column", "Schulform"),
    ],
}


@pytest.mark.parametrize(("original", "edits"), [(OBSERVATIONS, "observations"), (FACILITIES, "facilities"),
                                                 (FACILITIES_XY, "coordinates"), (REGION_LIST, "regions")],
                         ids=["observations", "facilities", "coordinates", "regions"])
def test_each_widget_edits_exactly_its_field_and_undo_takes_it_back(wizard: ImportWizard, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch, qtbot: Any,
                                                                     original: ImportTemplate, edits: str) -> None:
    page = wizard.mapping_page
    load(page, original, tmp_path, monkeypatch)
    for name, value, field, expected in EDITS[edits]:
        widget = getattr(page, name)
        before, shown_before = page.template(), shown(widget)
        if isinstance(widget, QLineEdit):
            type_into(qtbot, widget, value)
        else:
            pick(widget, value)
        after = page.template()
        assert changed(before, after) == ({field} if field else set()), name
        if field:
            assert fields(after)[field] == expected
            page.undo_action.trigger()  # Ctrl+Z: the field as before, in the template and the widget
            assert page.template() == before and shown(widget) == shown_before
            page.redo_action.trigger()
            assert page.template() == after
    assert page.undo_stack.count() == len([e for e in EDITS[edits] if e[2]])  # typing: one step each


def test_a_fixed_value_and_the_column_beside_it(wizard: ImportWizard, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The column beats the fixed phase; switching the column off brings the fixed phase back (as before)."""
    page = wizard.mapping_page
    load(page, FACILITIES, tmp_path, monkeypatch)
    assert page.template().facilities.phase is None
    pick(page.fac_phase, "frühkindliche Bildung")  # chosen while the column decides: kept for later
    assert changed(FACILITIES, page.template()) == set()
    pick(page.fac_phase_column, None)
    assert changed(FACILITIES, page.template()) == {"facilities.phase_column", "facilities.phase"}
    assert page.template().facilities.phase == "frühkindliche Bildung"
    # an emptied address field is no address; the fields after it keep their place on the page
    pick(page.fac_address[1], None)
    assert page.template().facilities.address == ["Straße", "Ort", "Ortsteil", "Land"]
    assert [c.column() for c in page.fac_address] == ["Straße", None, "Ort", "Ortsteil"]
    pick(page.fac_address[1], "Ortsteil")
    assert page.template().facilities.address == ["Straße", "Ortsteil", "Ort", "Ortsteil", "Land"]


# --- the column table is a model over the template ------------------------------------------------------------

def cell(page: MappingPage, column: str, cell: int) -> QModelIndex:
    return page.column_model.index(page.column_model.rows.index(column), cell)


def choose_role(page: MappingPage, column: str, role: str) -> None:
    """Choose the use in the cell's combo box, as the delegate does when the user picks it."""
    index = cell(page, column, COL_ROLE)
    delegate = page.columns.itemDelegateForColumn(COL_ROLE)
    editor = delegate.createEditor(page.columns.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    editor.setCurrentIndex(editor.findData(role))
    delegate.setModelData(editor, page.column_model, index)


def test_the_column_table_edits_measures_and_dimensions(wizard: ImportWizard, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any) -> None:
    page = wizard.mapping_page
    load(page, OBSERVATIONS, tmp_path, monkeypatch)
    model = page.column_model
    qtmodeltester.check(model)
    assert model.rows == [*COLUMNS, "Zuzüge 2023"]
    assert cell(page, "Zuzüge 2023", COL_NAME).data() == "Zuzüge 2023 (fehlt in der Tabelle)"
    assert [cell(page, "Einwohner", c).data() for c in (COL_ROLE, COL_CODE, COL_LABEL, COL_UNIT)] == [
        "Messwert", "BEV", "Bevölkerung", "Anzahl"]
    assert cell(page, "Alter", COL_ROLE).data() == "Dimension" and cell(page, "Jahr", COL_ROLE).data() == "–"

    # a new measure takes its row's place among the measures; its code, name and unit are typed in
    choose_role(page, "Schüler", MEASURE)
    assert [m.column for m in page.template().observations.measures] == ["Zuzüge 2023", "Zuzüge", "Einwohner",
                                                                         "Schüler"]
    choose_role(page, "Land", MEASURE)
    assert [m.column for m in page.template().observations.measures] == ["Zuzüge 2023", "Zuzüge", "Einwohner",
                                                                         "Land", "Schüler"]
    before = page.template()
    for column, text in ((COL_CODE, "SCHUELER"), (COL_LABEL, "Schülerinnen und Schüler"), (COL_UNIT, "Anzahl")):
        assert model.setData(cell(page, "Schüler", column), text, Qt.ItemDataRole.EditRole)
    assert changed(before, page.template()) == {"observations.measures"}
    assert page.template().observations.measures[-1] == Measure("Schüler", "SCHUELER", "Schülerinnen und Schüler",
                                                                "Anzahl")
    assert cell(page, "Schüler", COL_CODE).data() == "SCHUELER"
    # a measure becomes a dimension, a dimension nothing; the column missing from the table keeps its row
    choose_role(page, "Einwohner", DIMENSION)
    choose_role(page, "Geschlecht", NONE)
    choose_role(page, "Zuzüge 2023", NONE)
    obs = page.template().observations
    assert [m.column for m in obs.measures] == ["Zuzüge", "Land", "Schüler"]
    assert obs.dimensions == ["Alter", "Einwohner"]
    assert "Zuzüge 2023" in model.rows and page.role("Zuzüge 2023") == NONE
    # code, name and unit belong to a measure: a cell of another row takes no text
    assert not model.flags(cell(page, "Jahr", COL_CODE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(cell(page, "Jahr", COL_CODE), "X", Qt.ItemDataRole.EditRole)
    assert model.flags(cell(page, "Jahr", COL_ROLE)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(model)
    # every edit is one undo step
    for _ in range(8):
        page.undo_stack.undo()
    assert page.template() == OBSERVATIONS
    assert cell(page, "Einwohner", COL_CODE).data() == "BEV"


def test_the_column_table_edits_attributes_of_a_real_school_list(qtbot: Any, workspace: Any,
                                                                 qtmodeltester: Any) -> None:
    wizard = ImportWizard(workspace, tasks.TaskRunner(), path=real_file("nrw_schulverzeichnis_2024_25_sozialindex.csv"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    pick(page.target, "facilities")
    model = page.column_model
    qtmodeltester.check(model)
    assert model.headerData(COL_CODE, Qt.Orientation.Horizontal) == "Attributname"
    assert cell(page, "Sozialindex", COL_ROLE).data(CHOICES_ROLE) == [("–", NONE), ("Attribut", ATTRIBUTE)]
    assert page.template().facilities.attributes == {"anzahl": "Anzahl", "sozialindex": "Sozialindex"}
    choose_role(page, "Anzahl", NONE)
    assert page.template().facilities.attributes == {"sozialindex": "Sozialindex"}
    assert cell(page, "Anzahl", COL_CODE).data() == "" and cell(page, "Anzahl", COL_ROLE).data() == "–"
    # the user takes the pupils as an attribute again (named after the column) and renames it
    choose_role(page, "Anzahl", ATTRIBUTE)
    assert page.template().facilities.attributes == {"Anzahl": "Anzahl", "sozialindex": "Sozialindex"}
    assert cell(page, "Anzahl", COL_ROLE).data(VALUE_ROLE) == ATTRIBUTE
    before = page.template()
    assert model.setData(cell(page, "Anzahl", COL_CODE), " schueler ", Qt.ItemDataRole.EditRole)
    assert changed(before, page.template()) == {"facilities.attributes"}
    assert page.template().facilities.attributes == {"schueler": "Anzahl", "sozialindex": "Sozialindex"}
    assert cell(page, "Anzahl", COL_CODE).data() == "schueler"
    assert not model.flags(cell(page, "Anzahl", COL_LABEL)) & Qt.ItemFlag.ItemIsEditable  # a measure's only
    # an empty name: the column's name again; no longer an attribute: gone
    model.setData(cell(page, "Sozialindex", COL_CODE), "", Qt.ItemDataRole.EditRole)
    choose_role(page, "Anzahl", NONE)
    assert page.template().facilities.attributes == {"Sozialindex": "Sozialindex"}
    qtmodeltester.check(model)
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK
    assert wizard.template.facilities.attributes == {"Sozialindex": "Sozialindex"}


def test_the_column_model_alone(qtmodeltester: Any) -> None:
    """Without a page: the model shows what it is given and applies its own edits."""
    model = ColumnsModel()
    qtmodeltester.check(model)
    edited: list[ImportTemplate] = []
    model.edited.connect(edited.append)
    model.show(OBSERVATIONS, COLUMNS[:7])
    assert model.rows == [*COLUMNS[:7], "Zuzüge 2023"]
    assert model.headerData(COL_CODE, Qt.Orientation.Horizontal) == "Indikatorcode"
    qtmodeltester.check(model)
    index = model.index(model.rows.index("Jahr"), COL_ROLE)
    set_choice(model, index, DIMENSION)  # as the combo-box cell does
    assert edited[-1].observations.dimensions == ["Jahr", "Alter", "Geschlecht"]  # no dimension of an earlier row
    assert model.template == edited[-1] and index.data() == "Dimension"
    assert not model.setData(model.index(0, COL_NAME), "AGS2")  # the column's name is the table's
    model.show(REGION_LIST, COLUMNS)  # another target: rows anew, no uses to choose
    assert model.rows == COLUMNS and model.index(0, COL_ROLE).data(CHOICES_ROLE) == [("–", NONE)]
    qtmodeltester.check(model)


def test_ctrl_z_in_the_column_table_undoes_the_last_edit(wizard: ImportWizard, qtbot: Any) -> None:
    page = wizard.mapping_page
    before = page.template()
    choose_role(page, "Jahr", DIMENSION)
    assert "Jahr" in page.template().observations.dimensions
    wizard.activateWindow()
    page.columns.setFocus()
    qtbot.waitUntil(lambda: page.columns.hasFocus())
    qtbot.keyClick(page.columns, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.template() == before and cell(page, "Jahr", COL_ROLE).data(VALUE_ROLE) == NONE
    qtbot.keyClick(page.columns, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Jahr" in page.template().observations.dimensions
