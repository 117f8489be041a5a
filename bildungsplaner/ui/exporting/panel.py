"""The "Export" area: a saved scenario (optionally compared with a second one) as a council-ready file.

Formats: Excel workbook (planning table, comparison, data, method, sources, symbol legend), CSV, or PDF
(drawn by :func:`bildungsplaner.ui.common.pdf.render_html_to_pdf`); the workbook gets map sheets of the
scenario's regions drawn by :func:`bildungsplaner.ui.maps.render.export_map` where the workspace has boundaries.
"Geheimhaltung" suppresses counts below N in the workbook (off by default). The export runs
:func:`bildungsplaner.services.scenario_export.export_scenario` on the task runner with a progress dialog; the
result is a message naming the file, an error its German text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.services.scenario_export import export_scenario
from bildungsplaner.services.scenarios import SavedScenario, get_scenario
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.dialogs import show_error
from bildungsplaner.ui.common.labels import kind_label

__all__ = ["ExportPanel", "run_export"]


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def formats() -> list[tuple[str, str]]:
    return [("xlsx", tr("Excel-Arbeitsmappe (*.xlsx)")), ("csv", tr("CSV-Datei (*.csv)")),
            ("pdf", tr("PDF-Dokument (*.pdf)"))]


def run_export(ws: Workspace, name: str, out: Path, *, compare: str | None, format: str,
               suppress_below: int | None, progress: Any = None, author: str | None = None) -> Path:
    """Export the saved scenario ``name`` (the work of the task; no widgets)."""
    from bildungsplaner.ui.common.pdf import render_html_to_pdf
    from bildungsplaner.ui.maps.render import export_map

    spec = get_scenario(ws, name).spec
    other = get_scenario(ws, compare).spec if compare else None
    return export_scenario(ws, spec, out, compare=other, format=format, suppress_below=suppress_below,
                           pdf_renderer=render_html_to_pdf, progress=progress, author=author or None,
                           map_renderer=export_map)


class ExportPanel(QWidget):
    """Scenario, comparison, format, Geheimhaltung, target file, Exportieren."""

    exported = Signal(object)  # the path written

    def __init__(self, runner: tasks.TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPage")
        self.runner = runner
        self.workspace: Workspace | None = None
        self.rows: list[SavedScenario] = []
        self.last_path: Path | None = None

        self.scenario = QComboBox()
        self.scenario.setObjectName("exportScenario")
        self.scenario.currentIndexChanged.connect(lambda _i: self._scenario_changed())
        self.compare = QComboBox()
        self.compare.setObjectName("exportCompare")
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for key, label in formats():
            self.format.addItem(label, key)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.suppress = QCheckBox(tr("&Geheimhaltung: Fallzahlen unter N unterdrücken"))
        self.suppress.setObjectName("exportSuppress")
        self.suppress.setToolTip(tr("Zahlen unter N werden als „.“ gezeigt, dazu so viele weitere, dass Summen sie "
                                    "nicht verraten (nur in der Excel-Arbeitsmappe)"))
        self.suppress_below = QSpinBox()
        self.suppress_below.setObjectName("exportSuppressBelow")
        self.suppress_below.setAccessibleName(tr("Fallzahlen unterdrücken unter N"))
        self.suppress_below.setRange(1, 1000)
        self.suppress_below.setValue(3)
        self.suppress_below.setPrefix("N = ")
        self.suppress_below.setEnabled(False)
        self.suppress.toggled.connect(self.suppress_below.setEnabled)
        suppress_row = QHBoxLayout()
        suppress_row.addWidget(self.suppress)
        suppress_row.addWidget(self.suppress_below)
        suppress_row.addStretch(1)
        self.author = QLineEdit()
        self.author.setObjectName("exportAuthor")
        self.author.setPlaceholderText(tr("leer: kein Name in der Datei"))
        self.author.setToolTip(tr("Ihr Name erscheint nur, wenn Sie ihn hier eintragen (Methodik-Blatt und "
                                  "Dokumenteigenschaften); Anmeldename und Dateipfad stehen nie in der Datei."))
        self.target = QLineEdit()
        self.target.setObjectName("exportTarget")
        self.target.setPlaceholderText(tr("Zieldatei wählen …"))
        browse = QPushButton(tr("&Durchsuchen…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.export_button = QPushButton(tr("&Exportieren"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setShortcut("Ctrl+Return")
        self.export_button.clicked.connect(self.export)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(tr("&Öffnen"))
        self.open_button.setObjectName("exportOpen")
        self.open_button.setToolTip(tr("Die exportierte Datei mit dem Standardprogramm öffnen"))
        self.open_button.clicked.connect(self.open_exported)
        self.open_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_button)

        form = QFormLayout()
        form.addRow(tr("&Szenario:"), self.scenario)
        form.addRow(tr("&Vergleich mit:"), self.compare)
        form.addRow(tr("&Format:"), self.format)
        form.addRow("", suppress_row)
        form.addRow(tr("&Verfasst von:"), self.author)
        target_label = QLabel(tr("&Zieldatei:"))
        target_label.setBuddy(self.target)
        form.addRow(target_label, target_row)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{tr('Export')}</h2>"))
        intro = QLabel(tr("Ein gespeichertes Szenario als ausschussfertige Tabelle mit Methode, Quellen und "
                          "Zeichenerklärung ausgeben – auf Wunsch mit einem zweiten Szenario im Vergleich."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(status_row)
        layout.addStretch(1)
        self._update_state()

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Export from ``workspace``; its scenarios come with :meth:`set_scenarios` (the window passes on the
        list the planning area has just read)."""
        self.workspace = workspace

    def set_scenarios(self, rows: list[SavedScenario]) -> None:
        """The saved scenarios to offer (after the planning area read, saved, renamed or deleted one)."""
        current = self.scenario.currentData()
        self.rows = list(rows)
        self.scenario.blockSignals(True)
        self.scenario.clear()
        for row in self.rows:
            self.scenario.addItem(f"{row.name} ({kind_label(row.kind)})", row.name)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(current)))
        self.scenario.blockSignals(False)
        self._scenario_changed()

    def select_scenario(self, name: str, compare: str | None = None) -> None:
        self.scenario.setCurrentIndex(self.scenario.findData(name))
        if compare is not None:
            self.compare.setCurrentIndex(self.compare.findData(compare))

    def _scenario_changed(self) -> None:
        name = self.scenario.currentData()
        kind = next((r.kind for r in self.rows if r.name == name), None)
        current = self.compare.currentData()
        self.compare.clear()
        self.compare.addItem(tr("(kein Vergleich)"), None)
        for row in self.rows:
            if row.name != name and row.kind == kind:
                self.compare.addItem(row.name, row.name)
        self.compare.setCurrentIndex(max(0, self.compare.findData(current)))
        self._update_state()

    def _format_changed(self) -> None:
        text = self.target.text().strip()
        if text:
            self.target.setText(str(Path(text).with_suffix("." + self.format.currentData())))
        self.suppress.setEnabled(self.format.currentData() == "xlsx")
        if self.format.currentData() != "xlsx":
            self.suppress.setChecked(False)
        csv = self.format.currentData() == "csv"  # one table per file: a comparison would be left out
        if csv:
            self.compare.setCurrentIndex(0)
        self.compare.setEnabled(not csv)
        self.compare.setToolTip(tr("Eine CSV-Datei hält nur eine Tabelle; für den Vergleich Excel oder PDF wählen")
                                if csv else "")

    def _update_state(self) -> None:
        ready = self.workspace is not None and self.scenario.currentData() is not None
        self.export_button.setEnabled(ready)

    def choose_target(self) -> None:
        fmt = self.format.currentData()
        label = dict(formats())[fmt]
        folder = self.workspace.path.parent if self.workspace else Path.home()
        start = self.target.text().strip() or str(folder / f"{self.scenario.currentData() or 'Export'}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export speichern unter"), start, label)
        if path:
            self.target.setText(str(Path(path) if Path(path).suffix else Path(path).with_suffix("." + fmt)))

    def export(self) -> None:
        ws, name = self.workspace, self.scenario.currentData()
        if ws is None or name is None:
            return
        if not self.target.text().strip():
            self.choose_target()
        text = self.target.text().strip()
        if not text:
            return
        out = Path(text)
        compare, fmt = self.compare.currentData(), self.format.currentData()
        suppress = self.suppress_below.value() if self.suppress.isChecked() and fmt == "xlsx" else None

        def done(path: Path) -> None:
            self.last_path = Path(path)
            self.status.setText(tr("Geschrieben: {path}").format(path=path))  # said once, here, with „Öffnen“
            from bildungsplaner.ui.common.accessibility import announce

            announce(self.status, self.status.text())  # and read aloud: the focus stays on „Exportieren“
            self.open_button.show()
            self.exported.emit(Path(path))

        def failed(exc: BaseException) -> None:
            self.status.setText("")
            self.open_button.hide()
            show_error(self, exc, tr("Export"))

        author = self.author.text().strip()
        self.runner.start(lambda progress: run_export(ws, name, out, compare=compare, format=fmt,
                                                      suppress_below=suppress, progress=progress, author=author),
                          title=tr("Export"), label=tr("„{name}“ wird exportiert …").format(name=name),
                          on_done=done, on_error=failed)

    def open_exported(self) -> None:
        """Open the file just written with the system's default program (Excel, a PDF viewer …)."""
        path = self.last_path
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, tr("Export"), tr(
                "{path} ließ sich nicht öffnen: für diese Dateiart ist kein Standardprogramm eingerichtet, oder es "
                "startete nicht. Die Datei ist gespeichert.").format(path=path))
