"""Boundary files through the import assistant and the facility assignment dialog, in a real main window
(offscreen) on the real BKG Kreise, Köln's Stadtteile and a GeoPackage written here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.geo import list_layers
from bildungsplaner.services.importing import import_file
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Facility, Region
from bildungsplaner.ui.importing.boundaries import AssignDialog
from bildungsplaner.ui.importing.wizard import ImportWizard
from bildungsplaner.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "geo"))
from geo_files import koeln_in_utm32, write_geopackage

KREISE = "geo/kreise/VG5000_KRS.shp"
KOELN = "geo/koeln/Stadtteil.shp"


@pytest.fixture
def regions_workspace(workspace: Any) -> Any:
    import_file(workspace, real_file("genesis_12411-04-02-4_00.csv"), all_regions=True)
    return workspace


@pytest.fixture
def window(qtbot: Any, regions_workspace: Any) -> MainWindow:
    win = MainWindow(regions_workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def region_count(ws: Any) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(Region)))


def to_boundary_page(win: MainWindow, path: Path) -> Any:
    wizard = win.import_dialog(path)
    assert isinstance(wizard, ImportWizard) and wizard.file_page.isComplete()
    assert wizard.boundary_file is not None
    wizard.next()
    assert wizard.currentId() == ImportWizard.BOUNDARIES
    return wizard.boundary_page


def test_the_bkg_kreise_import_through_the_wizard(window: MainWindow, regions_workspace: Any,
                                                  tmp_path: Path) -> None:
    ws = regions_workspace
    page = to_boundary_page(window, real_file(KREISE))
    assert "Shapefile" in window.import_wizard.file_page.format_label.text()
    assert page.key_field.currentText() in ("ARS", "AGS") and page.name_field.currentText() == "GEN"
    assert not page.layer.isVisibleTo(page)  # a Shapefile has one layer
    assert page.check_button.isEnabled() and not page.import_button.isEnabled()
    assert page.key_field.accessibleName() == "Schlüsselfeld"
    page.level.setCurrentIndex(page.level.findData("kreis"))
    regions = region_count(ws)

    page.check_button.click()
    dry = page.dry_report
    assert dry is not None and dry.dry_run and dry.features == 401 and dry.matched == 401
    text = page.report_view.toPlainText()
    assert "401 Gebiete, 401 zugeordnet, 0 neu angelegt" in text and "Probelauf: nichts gespeichert." in text
    assert "Koordinatensystem:" in text
    assert len(dry.regions_without_geometry) > 10  # GENESIS's old Kreise: listed completely below the summary
    assert "Alle Gebiete ohne Grenze in dieser Ebene" in text
    assert all(f"  {key}  {name}" in text for key, name in dry.regions_without_geometry)
    assert list_layers(ws) == [] and region_count(ws) == regions  # the dry run stored nothing
    assert window.import_wizard.grab().save(str(tmp_path / "boundaries_page.png"))  # looked at when written

    # changing a choice asks for a new check before the import
    page.crs.setText("EPSG:31467")
    assert not page.import_button.isEnabled()
    page.crs.setText("")
    assert page.import_button.isEnabled()

    changes: list[str] = []
    window.events.data_changed.connect(lambda change: changes.append(change.reason))
    page.import_button.click()
    assert page.report is not None and not page.report.dry_run and page.report.matched == 401
    assert [(layer.name, layer.level, layer.features) for layer in list_layers(ws)] == [("VG5000_KRS", "kreis", 401)]
    assert changes == ["import"]
    assert not page.import_button.isEnabled() and not page.key_field.isEnabled()  # done: no second import
    assert page.isComplete()


def test_cancel_of_the_check_and_of_the_import_stores_nothing(window: MainWindow, regions_workspace: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.importing import boundaries

    page = to_boundary_page(window, real_file(KREISE))
    real = boundaries.import_boundaries

    def cancelling(*args: Any, progress: Any, **kwargs: Any) -> Any:
        original = progress.report

        def report(fraction: float, message: str = "") -> None:
            original(fraction, message)
            if fraction >= 0.5:
                page.panel.cancel()

        progress.report = report
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(boundaries, "import_boundaries", cancelling)
    page.check_button.click()
    assert page.dry_report is None and "Abgebrochen" in page.panel.message.text()
    assert not page.import_button.isEnabled()
    assert list_layers(regions_workspace) == []


def test_koeln_stadtteile_are_created_below_koeln(window: MainWindow, regions_workspace: Any) -> None:
    ws = regions_workspace
    page = to_boundary_page(window, real_file(KOELN))
    assert page.key_field.currentText() == "STT_NR" and page.name_field.currentText() == "STT_NAME"
    page.level.setCurrentIndex(page.level.findData("stadtteil"))
    page.create_under.setText("05315")  # the Kreise table knows Köln as Kreis 05315
    before = region_count(ws)
    page.check_button.click()
    assert page.dry_report is not None and page.dry_report.created == 86, page.error.text()
    assert "86 neu angelegt" in page.report_view.toPlainText()
    assert region_count(ws) == before
    page.import_button.click()
    assert page.report is not None and page.report.created == 86
    assert region_count(ws) == before + 86
    assert any(r.key.startswith("05315-") for r in window.regions.model.nodes)  # the tree shows them


def test_a_geopackage_offers_its_layers(window: MainWindow, tmp_path: Path) -> None:
    köln = koeln_in_utm32(real_file(KOELN))
    gpkg = write_geopackage(tmp_path / "koeln.gpkg", {
        "stadtteile": [({"STT_NR": p["STT_NR"], "STT_NAME": p["STT_NAME"]}, g) for p, g in köln],
        "bezirke": [({"STB_NR": "1", "STB_NAME": "Nord"}, köln[0][1]), ({"STB_NR": "2", "STB_NAME": "Süd"},
                                                                       köln[1][1])],
    })
    page = to_boundary_page(window, gpkg)
    assert page.layer.isVisibleTo(page)
    assert [page.layer.itemText(i) for i in range(page.layer.count())] == ["stadtteile", "bezirke"]
    assert page.key_field.currentText() == "STT_NR"
    page.layer.setCurrentIndex(1)
    assert page.key_field.currentText() == "STB_NR" and page.name_field.currentText() == "STB_NAME"
    assert page.options()["layer"] == "bezirke"


TEMPLATE = """
format = 1
name = "Grundschulen mit Lage"
target = "facilities"
[regions]
fixed = "05"
[facilities]
key = "Schulnummer"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
x = "Länge"
y = "Breite"
crs = "EPSG:4326"
"""


def test_the_assign_dialog_previews_and_moves_facilities(window: MainWindow, regions_workspace: Any,
                                                         tmp_path: Path, qtbot: Any) -> None:
    from bildungsplaner.services.geo import import_boundaries

    ws = regions_workspace
    import_boundaries(ws, real_file(KREISE), level="kreis")
    rows = ["Schulnummer;Name;Länge;Breite", "100;GGS Domplatz;6,9583;50,9413", "200;Grundschule am Hbf;7,4592;51,5178",
            "400;Inselschule;6,5;54,3"]
    path = tmp_path / "schulen.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_file(ws, path, template=ImportTemplate.loads(TEMPLATE))
    window.notify_data_changed("import")

    assert window.assign_action.isEnabled()
    assert window.assign_action in window.edit_menu.actions()
    window.assign_action.trigger()
    dialog = window.assign_dialog
    assert isinstance(dialog, AssignDialog) and dialog.isVisible()
    assert [dialog.level.itemData(i) for i in range(dialog.level.count())] == ["kreis"]
    assert dialog.dry_report is not None and dialog.dry_report.moved == 2
    text = dialog.report_view.toPlainText()
    assert "2 neu zugeordnet, 0 unverändert, 1 nicht zugeordnet" in text and "400 Inselschule" in text
    assert "100 GGS Domplatz: 05 → 05315" in text
    assert dialog.grab().save(str(tmp_path / "assign_dialog.png"))  # looked at when written
    with ws.session() as s:
        assert {k for (k,) in s.execute(select(Region.key).join(Facility, Facility.region_id == Region.id))} == {"05"}

    changes: list[str] = []
    window.events.data_changed.connect(lambda change: changes.append(change.reason))
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.report is not None and dialog.report.moved == 2 and not dialog.report.dry_run
    assert changes == ["import"]
    with ws.session() as s:
        placed = dict(s.execute(select(Facility.key, Region.key).join(Region, Facility.region_id == Region.id)).all())
    assert placed == {"100": "05315", "200": "05913", "400": "05"}


def test_a_boundary_file_dropped_on_the_window_opens_the_boundary_page(window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(real_file(KREISE)))])
    window.dropEvent(QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible() and wizard.boundary_file is not None
    assert "Gebietsgrenzen" in wizard.file_page.hint_label.text()
    wizard.next()
    assert wizard.currentId() == ImportWizard.BOUNDARIES and wizard.boundary_page.key_field.currentText() == "ARS"


def test_a_point_layer_keeps_the_table_path(window: MainWindow, tmp_path: Path) -> None:
    import shapely
    from geo_files import write_geojson

    points = write_geojson(tmp_path / "schulen.geojson",
                           [({"NR": "1", "NAME": "Schule"}, shapely.Point(356000, 5645000))])
    wizard = window.import_dialog(points)
    assert wizard is not None and wizard.boundary_file is None
    assert wizard.file_page.nextId() == ImportWizard.PREVIEW


def test_the_check_runs_on_the_worker_thread(qtbot: Any, regions_workspace: Any) -> None:
    from bildungsplaner.ui.common import tasks
    from bildungsplaner.ui.importing.boundaries import BoundaryPage, describe

    runner = tasks.TaskRunner(executor=tasks.ThreadExecutor())
    page = BoundaryPage(regions_workspace, runner)
    qtbot.addWidget(page)
    page.set_file(describe(real_file(KREISE)))
    page.check_button.click()
    assert page.panel.running and not page.check_button.isEnabled() and not page.key_field.isEnabled()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=30000)
    assert page.dry_report.features == 401 and page.import_button.isEnabled() and not page.panel.running


def test_the_bkg_kreise_geojson_goes_to_the_boundary_page(window: MainWindow, regions_workspace: Any) -> None:
    page = to_boundary_page(window, real_file("geo/kreise/Ebene_Kreise.geojson"))
    assert "GeoJSON" in window.import_wizard.file_page.format_label.text()
    assert page.key_field.currentData() is not None
    page.check_button.click()
    assert page.dry_report is not None and page.dry_report.features == 401, page.error.text()
    assert page.dry_report.matched == 401 and list_layers(regions_workspace) == []
