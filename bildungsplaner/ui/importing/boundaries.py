"""The import assistant's page for boundary files, and the dialog that places facilities in the areas of a level.

Rules:

* A ``.shp``, ``.geojson``/``.json`` or ``.gpkg`` whose features are areas (:func:`probe_boundaries`) goes from the
  file page to :class:`BoundaryPage` instead of the table preview and mapping; a point layer (facilities) keeps
  the table path. The page offers the GeoPackage's layers, the file's fields as key and name field (preselected
  with what :func:`~bildungsplaner.geo.keys.read_keys` detects, the rule of ``bildungsplaner geo import``), the
  level, „unbekannte Flächen als Gebiete anlegen unter …“ and a CRS override.
* „Prüfen“ runs :func:`~bildungsplaner.services.geo.import_boundaries` with ``dry_run=True``, „Importieren“ the
  same call for real — both in a :class:`~bildungsplaner.ui.importing.widgets.TaskPanel` (worker thread, progress,
  Cancel; a Cancel or an error rolls back). „Importieren“ needs a check of the current choices without error.
  The report is the service's German summary; a finished import is announced with :attr:`BoundaryPage.imported`
  (the wizard passes it on, the window announces ``data_changed``).
* :class:`AssignDialog` (window action „Einrichtungen den Gebieten zuordnen…“) offers the levels that have
  boundaries (:func:`~bildungsplaner.services.geo.list_layers`), previews
  :func:`~bildungsplaner.services.facility_places.assign_facilities` (``dry_run``) and on OK runs it for real.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from bildungsplaner.services.facility_places import AssignReport, assign_facilities
from bildungsplaner.services.geo import BoundaryReport, import_boundaries, list_layers
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.store.models import RegionLevel
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.importing.widgets import TaskPanel, error_label, show_message

__all__ = ["BOUNDARY_SUFFIXES", "AssignDialog", "BoundaryFile", "BoundaryPage", "probe_boundaries"]

BOUNDARY_SUFFIXES = frozenset({".shp", ".geojson", ".json", ".gpkg"})


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class BoundaryFile:
    """What the page offers for one boundary file: its layers, fields and detected key and name fields."""

    def __init__(self, path: Path, layers: list[str], layer: str | None, fields: list[str], key_field: str | None,
                 name_field: str | None) -> None:
        self.path, self.layers, self.layer, self.fields = path, layers, layer, fields
        self.key_field, self.name_field = key_field, name_field


def _read_layer(path: Path, layer: str | None) -> tuple[Any, list[str]]:
    from bildungsplaner.geo.readers import geopackage_layers, read_boundaries

    layers = geopackage_layers(path) if path.suffix.lower() == ".gpkg" else []
    if layers and layer is None:
        layer = layers[0]
    return read_boundaries(path, layer=layer), layers


def describe(path: Path, layer: str | None = None) -> BoundaryFile:
    """The layers and fields of ``path`` (``layer``: the GeoPackage table), with the detected key and name field."""
    from bildungsplaner.geo.keys import read_keys

    data, layers = _read_layer(path, layer)
    key_field = name_field = None
    try:
        keys = read_keys(data.fields, data.properties, path.name)
        key_field, name_field = keys.key_field, keys.name_field
    except Exception:  # no key detected or duplicates: the user picks one, the check says what is wrong
        pass
    return BoundaryFile(path, layers, layer or (layers[0] if layers else None), list(data.fields), key_field,
                        name_field)


def probe_boundaries(path: Path) -> BoundaryFile | None:
    """``path`` described if it is a boundary file with areas (a GeoPackage: any of its layers), else ``None``
    (a point layer, a table, an unreadable file: the table path decides)."""
    from bildungsplaner.geo import geometry as geo_geometry

    path = Path(path)
    if path.suffix.lower() not in BOUNDARY_SUFFIXES:
        return None
    try:
        if path.suffix.lower() == ".gpkg":
            from bildungsplaner.geo.readers import geopackage_layers

            for layer in geopackage_layers(path):
                data, _ = _read_layer(path, layer)
                if len(data) and not geo_geometry.non_areal(data.geometries):
                    return describe(path, layer)
            return None
        data, _ = _read_layer(path, None)
    except Exception:
        return None
    if not len(data) or geo_geometry.non_areal(data.geometries):
        return None
    return describe(path)


def report_text(report: BoundaryReport) -> str:
    """The service's summary, then the complete lists it shortens (unmatched features, regions without one)."""
    lines = [report.summary()]
    for title, pairs in ((tr("Alle Flächen ohne passendes Gebiet (Schlüssel, Name):"), report.unmatched),
                         (tr("Alle Gebiete ohne Grenze in dieser Ebene (Schlüssel, Name):"),
                          report.regions_without_geometry)):
        if len(pairs) > 10:
            lines += ["", title, *(f"  {key}  {name}" for key, name in pairs)]
    return "\n".join(lines)


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _report_view(name: str) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setObjectName(name)
    view.setAccessibleName(tr("Bericht"))
    return view


class BoundaryPage(QWizardPage):
    """Layer, fields, level, create-under and CRS of a boundary file; „Prüfen“ and „Importieren“ in the page."""

    imported = Signal(object)  #: the BoundaryReport of a finished import

    def __init__(self, workspace: Workspace, runner: tasks.TaskRunner) -> None:
        super().__init__()
        self.workspace = workspace
        self.file: BoundaryFile | None = None
        self.dry_report: BoundaryReport | None = None
        self.report: BoundaryReport | None = None
        self._checked: tuple[Any, ...] | None = None
        self.setTitle(tr("Gebietsgrenzen importieren"))
        self.setSubTitle(tr("Die Datei enthält Flächen. Wählen Sie das Schlüsselfeld und die Ebene, prüfen Sie die "
                             "Zuordnung und importieren Sie dann die Grenzen."))
        self.setFinalPage(True)
        self.layer = QComboBox()
        self.layer.setObjectName("boundaryLayer")
        self.layer.setAccessibleName(tr("Ebene der Datei"))
        self.key_field = QComboBox()
        self.key_field.setObjectName("boundaryKeyField")
        self.key_field.setAccessibleName(tr("Schlüsselfeld"))
        self.name_field = QComboBox()
        self.name_field.setObjectName("boundaryNameField")
        self.name_field.setAccessibleName(tr("Namensfeld"))
        self.level = QComboBox()
        self.level.setObjectName("boundaryLevel")
        self.level.setAccessibleName(tr("Gebietsebene"))
        self.level.addItem(tr("(nicht festgelegt)"), None)
        for value in RegionLevel:
            if value is not RegionLevel.OTHER:
                self.level.addItem(level_label(value.value), value.value)
        self.create_under = QLineEdit()
        self.create_under.setObjectName("boundaryCreateUnder")
        self.create_under.setAccessibleName(tr("Unbekannte Flächen als Gebiete anlegen unter"))
        self.create_under.setPlaceholderText(tr("Schlüssel des übergeordneten Gebiets, z. B. 05315000 (optional)"))
        self.crs = QLineEdit()
        self.crs.setObjectName("boundaryCrs")
        self.crs.setAccessibleName(tr("Koordinatensystem"))
        self.crs.setPlaceholderText(tr("aus der Datei, z. B. EPSG:25832 (optional)"))
        self.layer_label = _labelled(tr("E&bene der Datei:"), self.layer)
        form = QFormLayout()
        form.addRow(self.layer_label, self.layer)
        form.addRow(_labelled(tr("&Schlüsselfeld:"), self.key_field), self.key_field)
        form.addRow(_labelled(tr("&Namensfeld:"), self.name_field), self.name_field)
        form.addRow(_labelled(tr("Gebiets&ebene:"), self.level), self.level)
        form.addRow(_labelled(tr("Unbekannte Flächen als Gebiete &anlegen unter:"), self.create_under),
                    self.create_under)
        form.addRow(_labelled(tr("&Koordinatensystem:"), self.crs), self.crs)
        self.check_button = QPushButton(tr("&Prüfen"))
        self.check_button.setObjectName("boundaryCheck")
        self.check_button.clicked.connect(self.start_check)
        self.import_button = QPushButton(tr("&Importieren"))
        self.import_button.setObjectName("boundaryImport")
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.panel = TaskPanel(runner)
        self.error = error_label()
        self.report_view = _report_view("boundaryReport")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.panel)
        layout.addWidget(self.error)
        layout.addWidget(self.report_view, 1)
        self.layer.currentIndexChanged.connect(self._layer_changed)
        for combo in (self.key_field, self.name_field, self.level):
            combo.currentIndexChanged.connect(self._update)
        for edit in (self.create_under, self.crs):
            edit.textChanged.connect(self._update)
        self.panel.finished.connect(self._update)
        self._update()

    # --- the file -----------------------------------------------------------------------------------------------
    def set_file(self, file: BoundaryFile) -> None:
        """Show ``file``'s layers and fields (what the file page found)."""
        self.file, self.dry_report, self.report, self._checked = file, None, None, None
        self.layer.blockSignals(True)
        self.layer.clear()
        for name in file.layers:
            self.layer.addItem(name, name)
        if file.layer is not None:
            self.layer.setCurrentIndex(max(0, self.layer.findData(file.layer)))
        self.layer.blockSignals(False)
        self.layer.setVisible(bool(file.layers))
        self.layer_label.setVisible(bool(file.layers))
        self._show_fields(file)
        self.report_view.clear()
        show_message(self.error, "")
        self._update()

    def _show_fields(self, file: BoundaryFile) -> None:
        for combo, chosen, empty in ((self.key_field, file.key_field, None),
                                     (self.name_field, file.name_field, tr("(keines: der Schlüssel)"))):
            combo.blockSignals(True)
            combo.clear()
            if empty is not None or chosen is None:
                combo.addItem(empty or tr("(bitte wählen)"), None)
            for name in file.fields:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def _layer_changed(self) -> None:
        if self.file is None or not self.file.layers:
            return
        layer = self.layer.currentData()
        try:
            file = describe(self.file.path, layer)
        except Exception as exc:
            show_message(self.error, error_text(exc))
            return
        self.file = file
        self._show_fields(file)
        self._update()

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``import_boundaries`` as chosen."""
        return {"layer": self.layer.currentData() if self.file and self.file.layers else None,
                "key_field": self.key_field.currentData(), "name_field": self.name_field.currentData(),
                "level": self.level.currentData(), "create_under": self.create_under.text().strip() or None,
                "crs": self.crs.text().strip() or None}

    def _state(self) -> tuple[Any, ...]:
        return tuple(sorted(self.options().items()))

    def _update(self) -> None:
        running = self.panel.running
        ready = self.file is not None and self.key_field.currentData() is not None
        self.check_button.setEnabled(ready and not running)
        self.import_button.setEnabled(ready and not running and self.dry_report is not None
                                      and self._checked == self._state() and self.report is None)
        for widget in (self.layer, self.key_field, self.name_field, self.level, self.create_under, self.crs):
            widget.setEnabled(not running and self.report is None)
        self.completeChanged.emit()

    # --- check and import ---------------------------------------------------------------------------------------
    def _run(self, dry_run: bool) -> None:
        if self.file is None or self.panel.running:
            return
        ws, path, options = self.workspace, self.file.path, self.options()
        state = self._state()
        show_message(self.error, "")
        self.report_view.clear()

        def work(progress: Any) -> BoundaryReport:
            return import_boundaries(ws, path, dry_run=dry_run, progress=progress, **options)

        def done(report: BoundaryReport) -> None:
            self.report_view.setPlainText(report_text(report))
            if dry_run:
                self.dry_report, self._checked = report, state
                self.panel.message.setText(tr("Prüfung abgeschlossen; es wurde nichts gespeichert."))
            else:
                self.report = report
                self.panel.message.setText(tr("Import abgeschlossen."))
                self.imported.emit(report)

        def failed(exc: BaseException) -> None:
            show_message(self.error, error_text(exc) + "\n" + tr("Es wurde nichts importiert."))
            self.panel.message.setText("")
            self.dry_report, self._checked = None, None

        def cancelled() -> None:
            self.panel.message.setText(tr("Abgebrochen; es wurde nichts geändert."))

        self.panel.start(work, title=tr("Gebietsgrenzen"),
                         label=(tr("Die Grenzen werden geprüft …") if dry_run
                                else tr("Die Grenzen werden importiert …")),
                         on_done=done, on_error=failed, on_cancel=cancelled)
        self._update()

    def start_check(self) -> None:
        self._run(dry_run=True)

    def start_import(self) -> None:
        if self.import_button.isEnabled():
            self._run(dry_run=False)

    def cleanupPage(self) -> None:
        self.panel.cancel()

    def isComplete(self) -> bool:
        return not self.panel.running

    def nextId(self) -> int:
        return -1


class AssignDialog(QDialog):
    """„Einrichtungen den Gebieten zuordnen“: a level with boundaries, a preview, then the assignment on OK."""

    assigned = Signal(object)  #: the AssignReport of the assignment done

    def __init__(self, workspace: Workspace, runner: tasks.TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(tr("Einrichtungen den Gebieten zuordnen"))
        self.resize(640, 460)
        self.workspace = workspace
        self.dry_report: AssignReport | None = None
        self.report: AssignReport | None = None
        self.level = QComboBox()
        self.level.setObjectName("assignLevel")
        self.level.setAccessibleName(tr("Gebietsebene"))
        levels: list[str] = []
        for info in list_layers(workspace):
            if info.level and info.level not in levels:
                levels.append(info.level)
        for level in levels:
            self.level.addItem(level_label(level), level)
        intro = QLabel(tr("Jede Einrichtung mit Koordinaten kommt in das Gebiet der gewählten Ebene, in dem sie "
                           "liegt. Die Vorschau zeigt, was sich ändert; mit OK wird es gespeichert."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_labelled(tr("Gebiets&ebene:"), self.level), self.level)
        self.panel = TaskPanel(runner)
        self.error = error_label()
        self.report_view = _report_view("assignReport")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        self.buttons.accepted.connect(self.start_assign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.error)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        if not levels:
            show_message(self.error, tr("Es gibt noch keine Gebietsgrenzen mit Ebene; importieren Sie zuerst "
                                         "Grenzen (Datei → Importieren)."))
        self.level.currentIndexChanged.connect(self.preview)
        self.panel.finished.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.panel.running and self.dry_report is not None
                      and self.dry_report.level == self.level.currentData())
        self.level.setEnabled(not self.panel.running)

    def _run(self, dry_run: bool) -> None:
        level = self.level.currentData()
        if level is None or self.panel.running:
            return
        ws = self.workspace
        show_message(self.error, "")
        if dry_run:
            self.dry_report = None
            self.report_view.clear()

        def done(report: AssignReport) -> None:
            self.report_view.setPlainText(self._text(report))
            self.panel.message.setText("")  # the report says it („Probelauf: nichts gespeichert.“)
            if dry_run:
                self.dry_report = report
            else:
                self.report = report
                self.assigned.emit(report)
                self.accept()

        def failed(exc: BaseException) -> None:
            show_message(self.error, error_text(exc))
            self.panel.message.setText("")

        def cancelled() -> None:
            self.panel.message.setText(tr("Abgebrochen; es wurde nichts geändert."))

        self.panel.start(lambda progress: assign_facilities(ws, level, dry_run=dry_run, progress=progress),
                         title=tr("Einrichtungen zuordnen"),
                         label=tr("Die Einrichtungen werden zugeordnet …"),
                         on_done=done, on_error=failed, on_cancel=cancelled)
        self._update()

    @staticmethod
    def _text(report: AssignReport) -> str:
        first, *rest = report.summary().split("\n")
        lines = [first]
        if report.moved_facilities:
            lines.append(tr("Neu zugeordnet:"))
            lines += [f"  {f['key']} {f['name']}: {f['from']} → {f['to']}" for f in report.moved_facilities]
        return "\n".join([*lines, *rest])

    def preview(self) -> None:
        self._run(dry_run=True)

    def start_assign(self) -> None:
        if self.dry_report is not None:
            self._run(dry_run=False)

    def reject(self) -> None:
        if self.panel.running:
            self.panel.cancel()
            return
        super().reject()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.dry_report is None and not self.panel.running and self.level.count():
            self.preview()
