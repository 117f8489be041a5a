"""The last pages of the import assistant: the check (a dry run of the import) and the import itself.

Both run :meth:`~bildungsplaner.ui.importing.wizard.ImportWizard.run_import` in a
:class:`~bildungsplaner.ui.importing.widgets.TaskPanel` (progress bar and Cancel inside the page). The check page
lists regions the workspace does not know and lets the user assign them (or create unknown keys); only a
clean, current check lets the user press "Importieren".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from bildungsplaner.services.browse import list_regions
from bildungsplaner.services.home import home_region
from bildungsplaner.services.importing import ImportReport
from bildungsplaner.ui.common.completers import RegionCompleter, region_model
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.importing.widgets import (
    CHOICES_ROLE,
    VALUE_ROLE,
    Assistant,
    ComboDelegate,
    TaskPanel,
    error_label,
    set_choice,
    show_message,
)

__all__ = ["CheckPage", "ImportRunPage"]


def _report_text(report: ImportReport) -> str:
    """The German report (the service's summary) with the origin and the created regions."""
    lines = []
    if report.table_code or report.title:
        lines.append(
            QCoreApplication.translate("ImportWizard", "Tabelle: {table}").format(
                table=" – ".join(p for p in (report.table_code, report.title) if p)
            )
        )
    if report.stand:
        lines.append(QCoreApplication.translate("ImportWizard", "Stand: {stand}").format(stand=report.stand))
    lines.append(report.summary())
    if report.indicators:
        lines.append(
            QCoreApplication.translate("ImportWizard", "Indikatoren: {codes}").format(
                codes=", ".join(report.indicators)
            )
        )
    if report.repaired_keys:
        lines.append(
            QCoreApplication.translate("ImportWizard", "Ergänzte Schlüssel: {keys}").format(
                keys=", ".join(f"{k} → {v}" for k, v in list(report.repaired_keys.items())[:20])
            )
        )
    return "\n".join(lines)


def _report_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setObjectName("reportText")
    view.setAccessibleName(QCoreApplication.translate("ImportWizard", "Bericht"))
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setTabChangesFocus(True)
    return view


# --- 4 check ------------------------------------------------------------------------------------------------


class CheckPage(QWizardPage):
    """The dry run: what the import would read, match, create; unmatched regions can be assigned here."""

    def __init__(self, wizard: Assistant) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Prüfung"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "Die Datei wird vollständig geprüft, ohne etwas zu speichern. Mit „Importieren“ "
                "übernehmen Sie die Daten in den Arbeitsbereich.",
            )
        )
        self.setButtonText(QWizard.WizardButton.NextButton, QCoreApplication.translate("ImportWizard", "&Importieren"))
        self.panel = TaskPanel(wizard.runner)
        self.report_view = _report_view()
        self.error = error_label()
        self.unmatched_label = QLabel(
            QCoreApplication.translate(
                "ImportWizard",
                "Unbekannte Gebiete – bitte einem Gebiet des Arbeitsbereichs zuordnen "
                "(Schlüssel eintippen oder Vorschlag wählen):",
            )
        )
        self.unmatched_label.setWordWrap(True)
        self.unmatched = QTableWidget(0, 3)
        self.unmatched.setObjectName("unmatchedTable")
        self.unmatched.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "In der Datei"),
                QCoreApplication.translate("ImportWizard", "Zeilen"),
                QCoreApplication.translate("ImportWizard", "Zuordnen zu"),
            ]
        )
        self.unmatched.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.unmatched.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.unmatched.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, F2 or typing edits
        # besides the suggestions, any region of the workspace can be typed by key or name (the key is taken)
        self.unmatched.setItemDelegateForColumn(2, ComboDelegate(editable=True, parent=self.unmatched,
                                                                 completer=self._region_completer))
        self._regions: QStandardItemModel | None = None
        self.unmatched.itemChanged.connect(lambda _item: self._edited())
        self.unmatched_label.setBuddy(self.unmatched)
        self.create_box = QCheckBox(
            QCoreApplication.translate("ImportWizard", "Unbekannte Gebietsschlüssel als neue Gebiete &anlegen")
        )
        self.create_box.setObjectName("createUnmatched")
        self.all_regions_box = QCheckBox(QCoreApplication.translate("ImportWizard", "&alles behalten"))
        self.all_regions_box.setObjectName("allRegions")
        self.all_regions_box.setToolTip(QCoreApplication.translate(
            "ImportWizard", "Alle Gebiete der Datei übernehmen. Sonst behält ein bundesweiter Import nur die "
                            "Heimatregion des Arbeitsbereichs, was darunter liegt, und zum Vergleich Land und Bund."))
        self.all_regions_box.toggled.connect(lambda _on: self._edited())
        self.recheck_button = QPushButton(QCoreApplication.translate("ImportWizard", "&Erneut prüfen"))
        self.recheck_button.setObjectName("recheck")
        self.recheck_button.clicked.connect(self.start_check)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.create_box)
        row.addWidget(self.all_regions_box)
        row.addStretch(1)
        row.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.error)
        layout.addWidget(self.report_view, 2)
        layout.addWidget(self.unmatched_label)
        layout.addWidget(self.unmatched, 1)
        layout.addLayout(row)
        layout.addWidget(self.stale_label)
        self.create_box.toggled.connect(lambda _on: self._edited())
        self._stale = False
        self._filling = False

    def initializePage(self) -> None:
        self.setCommitPage(False)
        self.create_box.blockSignals(True)
        self.create_box.setChecked(self.wiz.create_unmatched)
        self.create_box.blockSignals(False)
        home = home_region(self.wiz.workspace) if self.wiz.workspace is not None else None
        self.all_regions_box.setVisible(home is not None)
        self.all_regions_box.blockSignals(True)
        self.all_regions_box.setChecked(self.wiz.all_regions)
        self.all_regions_box.blockSignals(False)
        self.start_check()

    def cleanupPage(self) -> None:
        """Going back: stop a running check, keep the assignments made so far on the wizard."""
        self.panel.cancel()
        self._collect_assignments()
        self._show_unmatched([])
        self.report_view.clear()
        show_message(self.error, "")
        self.wiz.dry_report = None

    def start_check(self) -> None:
        if self.panel.running:
            return
        self._collect_assignments()
        self.wiz.dry_report = None
        self._stale = False
        self.stale_label.clear()
        show_message(self.error, "")
        self.report_view.clear()
        self._show_unmatched([])
        self.recheck_button.setEnabled(False)
        self.completeChanged.emit()
        self.panel.start(
            lambda progress: self.wiz.run_import(progress, dry_run=True),
            title=QCoreApplication.translate("ImportWizard", "Prüfung"),
            label=QCoreApplication.translate("ImportWizard", "Die Datei wird geprüft …"),
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def _done(self, report: ImportReport) -> None:
        self.wiz.dry_report = report
        self.report_view.setPlainText(_report_text(report))
        self._show_unmatched(report.regions_unmatched)
        if report.duplicate_of is not None:
            show_message(self.error, report.summary())
        elif report.regions_unmatched:
            self.panel.message.setText(
                QCoreApplication.translate(
                    "ImportWizard", "Geprüft: {count} Gebiet(e) sind noch nicht zugeordnet."
                ).format(count=len(report.regions_unmatched))
            )
        else:
            self.panel.message.setText(
                QCoreApplication.translate("ImportWizard", "Geprüft: Die Datei kann importiert werden.")
            )
        self._finished()

    def _failed(self, exc: BaseException) -> None:
        show_message(self.error, error_text(exc))
        self.panel.message.setText(
            QCoreApplication.translate("ImportWizard", "Die Prüfung ist fehlgeschlagen; es wurde nichts geändert.")
        )
        self._finished()

    def _cancelled(self) -> None:
        self.panel.message.setText(
            QCoreApplication.translate("ImportWizard", "Prüfung abgebrochen; es wurde nichts geändert.")
        )
        self._finished()

    def _finished(self) -> None:
        self.recheck_button.setEnabled(True)
        self.completeChanged.emit()

    def _show_unmatched(self, items: list[Any]) -> None:
        self._filling = True
        try:
            self.unmatched.setRowCount(len(items))
            for row, item in enumerate(items):
                label = " ".join(
                    p for p in (item.key, f"„{item.name}“" if item.name else None) if p
                ) or QCoreApplication.translate("ImportWizard", "(ohne Gebiet)")
                cell = QTableWidgetItem(label)
                cell.setData(Qt.ItemDataRole.UserRole, item.key or item.name)
                rows = QTableWidgetItem(", ".join(str(r) for r in item.rows))
                for fixed in (cell, rows):
                    fixed.setFlags(fixed.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.unmatched.setItem(row, 0, cell)
                self.unmatched.setItem(row, 1, rows)
                choices = [(QCoreApplication.translate("ImportWizard", "– offen –"), None)]
                choices += [(f"{key} – {name}", key) for key, name in item.suggestions]
                choice = QTableWidgetItem()
                choice.setData(CHOICES_ROLE, choices)
                if not (item.key or item.name):
                    choice.setFlags(choice.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.unmatched.setItem(row, 2, choice)
                set_choice(
                    self.unmatched.model(),
                    self.unmatched.model().index(row, 2),
                    self.wiz.assignments.get(item.key or item.name or ""),
                )
            visible = bool(items)
            self.unmatched_label.setVisible(visible)
            self.unmatched.setVisible(visible)
            self.unmatched.resizeColumnToContents(0)
        finally:
            self._filling = False

    def _region_completer(self, parent: QWidget) -> RegionCompleter:
        if self._regions is None:  # read and built once per check page: a Gemeinde workspace has ~14,000
            rows = list_regions(self.wiz.workspace) if self.wiz.workspace is not None else []
            self._regions = region_model([(r.key, r.name, level_label(r.level)) for r in rows], self)
        completer = RegionCompleter(parent)
        completer.setModel(self._regions)
        return completer

    def assign(self, row: int, region_key: str | None) -> None:
        """Assign the unmatched region in ``row`` to ``region_key`` (what the combo box in the cell does)."""
        set_choice(self.unmatched.model(), self.unmatched.model().index(row, 2), region_key)

    def choices(self, row: int) -> list[tuple[str, str | None]]:
        return list(self.unmatched.item(row, 2).data(CHOICES_ROLE) or [])

    def _collect_assignments(self) -> None:
        self.wiz.create_unmatched = self.create_box.isChecked()
        self.wiz.all_regions = self.all_regions_box.isChecked()
        for row in range(self.unmatched.rowCount()):
            source = self.unmatched.item(row, 0).data(Qt.ItemDataRole.UserRole)
            if not source:
                continue
            target = self.unmatched.item(row, 2).data(VALUE_ROLE)
            if target:
                self.wiz.assignments[source] = str(target)
            else:
                self.wiz.assignments.pop(source, None)

    def _edited(self) -> None:
        if self._filling:
            return
        self._stale = True
        self.stale_label.setText(
            QCoreApplication.translate(
                "ImportWizard", "Zuordnung geändert: Bitte „Erneut prüfen“, bevor Sie importieren."
            )
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.wiz.dry_report
        return (
            not self.panel.running
            and not self._stale
            and report is not None
            and report.duplicate_of is None
            and not report.regions_unmatched
        )


# --- 5 import -----------------------------------------------------------------------------------------------


class ImportRunPage(QWizardPage):
    def __init__(self, wizard: Assistant) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Import"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "Die Daten werden in einem Schritt übernommen; bei einem Fehler oder Abbruch bleibt "
                "der Arbeitsbereich unverändert.",
            )
        )
        self.setFinalPage(True)
        self.panel = TaskPanel(wizard.runner)
        self.report_view = _report_view()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.error)
        layout.addWidget(self.report_view, 1)

    def initializePage(self) -> None:
        self.wiz.report = None
        show_message(self.error, "")
        self.report_view.clear()
        self.completeChanged.emit()
        # no way back while the import runs and after it succeeded (the check page acts as commit page)
        self._lock_back(True)
        self.panel.start(
            lambda progress: self.wiz.run_import(progress, dry_run=False),
            title=QCoreApplication.translate("ImportWizard", "Import"),
            label=QCoreApplication.translate("ImportWizard", "Die Daten werden importiert …"),
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def _lock_back(self, locked: bool) -> None:
        self.wiz.check_page.setCommitPage(locked)
        self.completeChanged.emit()

    def _done(self, report: ImportReport) -> None:
        self.wiz.report = report
        self.report_view.setPlainText(_report_text(report))
        if report.duplicate_of is not None:
            show_message(self.error, report.summary())
        self.panel.message.setText(
            QCoreApplication.translate("ImportWizard", "Import abgeschlossen.") if report.committed else ""
        )
        self._lock_back(report.committed)
        if report.committed:
            self.wiz.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        show_message(
            self.error,
            error_text(exc) + "\n" + QCoreApplication.translate("ImportWizard", "Es wurde nichts importiert."),
        )
        self.panel.message.setText("")
        self._lock_back(False)

    def _cancelled(self) -> None:
        self.panel.message.setText(
            QCoreApplication.translate("ImportWizard", "Import abgebrochen; es wurde nichts geändert.")
        )
        self._lock_back(False)

    def isComplete(self) -> bool:
        return not self.panel.running and self.wiz.report is not None and self.wiz.report.committed
