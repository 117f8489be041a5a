"""The „Bericht“ area: the saved reports, the outline of the open one, the settings of the selected item, a
page preview and the exports.

Rules:

* Left the saved reports of the workspace (:mod:`bildungsplaner.services.reports`): Neu, Umbenennen, Löschen.
  Choosing one opens it (unsaved changes are asked about first, as in the planning editor).
* The outline (:class:`~bildungsplaner.ui.report.models.OutlineModel`): the report, its chapters, their modules.
  Every change — add, move (Alt+↑/↓, past a chapter's edge into the next), remove (Entf), and each field of the
  settings panel — is a pure operation of :mod:`bildungsplaner.reporting.outline` that returns its inverse,
  wrapped by :class:`~bildungsplaner.ui.report.commands.OutlineCommand` on the area's ``QUndoStack`` (Strg+Z,
  Strg+Umschalt+Z). An edit the strict reader would refuse (an empty title, the years the wrong way round) is not
  taken; its German message shows below the outline.
* The preview shows the selected module as it will be printed (:func:`~bildungsplaner.ui.report.preview.
  build_preview` on the task runner, the latest request wins), ~300 ms after the last change of a setting, and
  again when the workspace's data change (``WorkspaceEvents.data_changed``: the choices and the preview are read
  again, the open report and its undo history stay).
* „Speichern“ (Strg+S) stores the definition; the title says „ungespeicherte Änderungen“ while the open report
  differs from the stored one. The exports build the whole report (:func:`bildungsplaner.services.reports.build`)
  on the task runner with a progress dialog and „Abbrechen“; a cancelled export leaves no file.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.reporting import outline
from bildungsplaner.reporting.outline import Location, Operation
from bildungsplaner.reporting.spec import (
    BacktestModule,
    Chapter,
    IndicatorModule,
    Module,
    ReportSpec,
    ScenarioModule,
    TextModule,
)
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui.common.dialogs import guarded, show_error
from bildungsplaner.ui.common.events import DataChange, WorkspaceEvents
from bildungsplaner.ui.common.tasks import LatestTask, TaskHandle, TaskRunner
from bildungsplaner.ui.report.commands import OutlineCommand
from bildungsplaner.ui.report.models import OutlineModel, report_list_model
from bildungsplaner.ui.report.preview import (
    Preview,
    PreviewPane,
    build_preview,
    chapter_html,
    report_html_summary,
)
from bildungsplaner.ui.report.settings import Choices, SettingsPanel

__all__ = ["EXPORTS", "PREVIEW_DELAY_MS", "REPORTS", "Loaded", "ReportArea", "read_choices"]

Buttons = QMessageBox.StandardButton
#: the reason of the ``data_changed`` this area announces after a report was saved, renamed or deleted
REPORTS = "reports"
#: the preview is built this long after the last change of a setting (typing builds once, not per key)
PREVIEW_DELAY_MS = 300
#: the chapters a new report starts with (the life course of the Bildungsberichte); Entf removes one
LIFE_COURSE = ("A Rahmenbedingungen", "B Grundinformationen zu Bildung", "C Frühkindliche Bildung",
               "D Allgemeinbildende Schulen", "E Berufliche Bildung", "F Hochschule", "G Weiterbildung",
               "H Non-formale Bildung")


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def _exports() -> dict[str, tuple[str, str, str]]:
    """format → (button text, file filter, suffix)."""
    return {"docx": (tr("Als &Word-Datei…"), tr("Word-Dokument (*.docx)"), ".docx"),
            "pdf": (tr("Als &PDF…"), tr("PDF-Dokument (*.pdf)"), ".pdf"),
            "xlsx": (tr("Tabellen als E&xcel…"), tr("Excel-Arbeitsmappe (*.xlsx)"), ".xlsx")}


EXPORTS = ("docx", "pdf", "xlsx")


def _toml_filter() -> str:
    return tr("Berichtsdefinition (*.toml);;Alle Dateien (*)")


@dataclass
class Loaded:
    """What the area reads from the workspace besides the open report (off the GUI thread)."""

    reports: list[Any] = field(default_factory=list)
    #: (code, name) of the Kennzahlen and indicators with values
    indicators: list[tuple[str, str]] = field(default_factory=list)
    #: (name, kind) of the saved scenarios
    scenarios: list[tuple[str, str]] = field(default_factory=list)
    #: (key, name) of the regions a report can be about or compare with (Bund, Länder, Kreise, Gemeinden)
    regions: list[tuple[str, str]] = field(default_factory=list)
    home: str | None = None


def read_choices(ws: Workspace, *, scenarios: bool = True) -> Loaded:
    """The saved reports and what the settings offer (the work of the list task); ``scenarios=False``: the saved
    scenarios come from the window (the planning editor reads them once per change, see ``set_scenarios``)."""
    from bildungsplaner.services import home
    from bildungsplaner.services.browse import load_overview
    from bildungsplaner.services.indicators import list_indicators
    from bildungsplaner.services.reports import list_reports
    from bildungsplaner.services.scenarios import list_scenarios

    indicators = [(e.code, e.name) for e in list_indicators(ws) if e.available and not e.problem]
    levels = {"bund": 0, "land": 1, "regierungsbezirk": 2, "kreis": 3, "gemeinde": 4}
    regions = sorted((levels[r.level], r.key, r.name) for r in load_overview(ws).regions if r.level in levels)
    return Loaded(list_reports(ws), sorted(indicators, key=lambda i: i[1].lower()),
                  [(s.name, s.kind) for s in list_scenarios(ws)] if scenarios else [],
                  [(key, name) for _, key, name in regions],
                  home.home_region(ws))


def unique_name(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    return name


class ReportArea(QWidget):
    """The Bericht area of the main window (see the module docstring)."""

    #: the saved reports as just read (``list[SavedReport]``)
    reports_changed = Signal(object)
    dirty_changed = Signal(bool)
    #: the path of a file an export wrote
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, events: WorkspaceEvents | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPage")
        self.runner, self.events = runner, events
        self.workspace: Workspace | None = None
        self.loaded = Loaded()
        #: the saved scenarios as the window hands them over (None: the area reads them itself)
        self._scenarios: list[tuple[str, str]] | None = None
        #: the open report, the name it is stored under, the stored version (None: not stored yet)
        self.spec: ReportSpec | None = None
        self.name: str | None = None
        self.saved_spec: ReportSpec | None = None
        #: when the stored version was saved (a save over a colleague's later one is refused: services.reports)
        self.saved_at: datetime | None = None
        self._dirty = False
        self.list_task = LatestTask(runner)
        self.preview_task = LatestTask(runner)
        self.export_handle: TaskHandle | None = None
        self.last_export: Path | None = None
        self.preview: Preview | None = None
        self._previews: dict[ReportSpec, Preview] = {}
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._stack_changed)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        if events is not None:
            events.data_changed.connect(self._data_changed)
        self._update_state()

    # --- building the widgets -------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence | list[QKeySequence] | None,
                tip: str, widget: QWidget | None = None) -> QAction:
        """An action of the area (its shortcut works while the focus is in the area, or only in ``widget``)."""
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if widget is not None
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        (widget or self).addAction(action)
        return action

    def _button(self, action: QAction, name: str, text: str | None = None) -> QPushButton:
        """A push button for ``action`` (reachable by Tab, unlike a tool bar's), enabled with it."""
        button = QPushButton(text or action.text())
        button.setObjectName(name)
        label = (text or action.text()).replace("&", "").rstrip("…").strip()
        button.setAccessibleName(label)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.toolTip()} ({keys})" if keys else action.toolTip())
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled())
                               if shiboken6.isValid(button) and shiboken6.isValid(action) else None)
        button.setEnabled(action.isEnabled())
        return button

    def _build(self) -> None:
        keys = QKeySequence.StandardKey
        # left: the saved reports
        self.list_model = report_list_model(parent=self)
        self.list = QTableView()
        self.list.setObjectName("reportList")
        self.list.setAccessibleName(tr("Gespeicherte Berichte"))
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(False)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._list_selection_changed())
        list_label = QLabel(tr("Be&richte:"))
        list_label.setBuddy(self.list)
        self.new_action = self._action(tr("&Neu"), self.new_report, "Ctrl+Shift+N",
                                       tr("Einen neuen Bericht mit den Kapiteln des Lebenslaufs anlegen"))
        self.rename_action = self._action(tr("U&mbenennen…"), self.rename_report, "F2",
                                          tr("Den gewählten Bericht umbenennen"), self.list)
        self.delete_report_action = self._action(tr("&Löschen…"), self.delete_report, QKeySequence(keys.Delete),
                                                 tr("Den gewählten Bericht löschen"), self.list)
        self.open_file_action = self._action(tr("Datei &öffnen…"), self.open_file, "Ctrl+Shift+O",
                                             tr("Eine Berichtsdefinition (TOML) öffnen; „Speichern“ legt sie im "
                                                "Arbeitsbereich ab"))
        self.save_file_action = self._action(tr("Als TOML-Datei…"), self.save_file, "Ctrl+Shift+S",
                                             tr("Die Definition des offenen Berichts als TOML-Datei schreiben (für "
                                                "die Kommandozeile oder einen anderen Arbeitsbereich)"))
        # two buttons a row: the area must fit beside the window's other areas at 1280 px (and at 150 % text)
        list_buttons = QGridLayout()
        self.new_button = self._button(self.new_action, "newReportButton")
        self.rename_button = self._button(self.rename_action, "renameReportButton")
        self.delete_report_button = self._button(self.delete_report_action, "deleteReportButton")
        self.open_file_button = self._button(self.open_file_action, "openReportFileButton")
        self.save_file_button = self._button(self.save_file_action, "saveReportFileButton")
        for i, button in enumerate((self.new_button, self.rename_button, self.delete_report_button,
                                    self.open_file_button, self.save_file_button)):
            list_buttons.addWidget(button, i // 2, i % 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(list_buttons)

        # middle: the outline and the settings of the selected item
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        self.model = OutlineModel(self)
        self.view = QTreeView()
        self.view.setObjectName("reportOutline")
        self.view.setAccessibleName(tr("Gliederung des Berichts"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.header().resizeSection(0, 270)
        self.view.header().setStretchLastSection(True)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        outline_label = QLabel(tr("&Gliederung:"))
        outline_label.setBuddy(self.view)
        self.add_chapter_action = self._action(tr("&Kapitel hinzufügen"), self.add_chapter, "Ctrl+Shift+A",
                                               tr("Ein Kapitel nach dem gewählten einfügen"))
        self.add_indicator_action = self._action(tr("&Kennzahl"), lambda: self.add_module("indicator"),
                                                 "Ctrl+Shift+B", tr("Einen Kennzahl-Baustein einfügen (Diagramm, "
                                                                    "Tabelle, Text)"))
        self.add_text_action = self._action(tr("&Text"), lambda: self.add_module("text"), "Ctrl+Shift+X",
                                            tr("Einen freien Textbaustein einfügen"))
        self.add_scenario_action = self._action(tr("&Szenario"), lambda: self.add_module("scenario"), None,
                                                tr("Tabelle und Diagramm eines gespeicherten Szenarios einfügen"))
        self.add_backtest_action = self._action(tr("&Prognose-Ist-Vergleich"), lambda: self.add_module("backtest"),
                                                None, tr("Die Prognose eines gespeicherten Bedarfsszenarios mit "
                                                         "den seither beobachteten Werten vergleichen"))
        self.up_action = self._action(tr("Nach &oben"), lambda: self.move(-1), "Alt+Up",
                                      tr("Den gewählten Eintrag nach oben verschieben"), self.view)
        self.down_action = self._action(tr("Nach &unten"), lambda: self.move(+1), "Alt+Down",
                                        tr("Den gewählten Eintrag nach unten verschieben"), self.view)
        self.remove_action = self._action(tr("Ent&fernen"), self.remove, QKeySequence(keys.Delete),
                                          tr("Den gewählten Baustein oder das Kapitel entfernen (rückgängig zu "
                                             "machen)"), self.view)
        self.undo_action = self.undo_stack.createUndoAction(self, tr("Rückgängig"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Wiederholen"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.add_chapter_button = self._button(self.add_chapter_action, "addChapterButton")
        self.add_module_button = QPushButton(tr("&Baustein hinzufügen"))
        self.add_module_button.setObjectName("addModuleButton")
        self.add_module_button.setAccessibleName(tr("Baustein hinzufügen"))
        self.add_module_button.setToolTip(tr("Einen Baustein nach dem gewählten einfügen: Kennzahl, Text, Szenario, "
                                             "Prognose-Ist-Vergleich"))
        menu = QMenu(self.add_module_button)
        for action in (self.add_indicator_action, self.add_text_action, self.add_scenario_action,
                       self.add_backtest_action):
            menu.addAction(action)
        self.add_module_button.setMenu(menu)
        self.up_button = self._button(self.up_action, "upButton")
        self.down_button = self._button(self.down_action, "downButton")
        self.remove_button = self._button(self.remove_action, "removeButton")
        self.undo_button = self._button(self.undo_action, "undoButton", tr("Rückgängig"))
        self.redo_button = self._button(self.redo_action, "redoButton", tr("Wiederholen"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_chapter_button)
        add_row.addWidget(self.add_module_button)
        add_row.addStretch(1)
        edit_row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        undo_row = QHBoxLayout()
        for button in (self.undo_button, self.redo_button):
            undo_row.addWidget(button)
        undo_row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("outlineMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        outline_box = QWidget()
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.title)
        outline_layout.addLayout(add_row)
        outline_layout.addLayout(edit_row)
        outline_layout.addLayout(undo_row)
        outline_layout.addWidget(outline_label)
        outline_layout.addWidget(self.view, 1)
        outline_layout.addWidget(self.message)
        self.settings = SettingsPanel()
        self.settings.edited.connect(self._edited)
        scroll = QScrollArea()
        scroll.setObjectName("reportSettingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.settings)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a scroll bar rather than settings cut off where the column is narrower than the page (large text)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(outline_box)
        middle.addWidget(scroll)
        middle.setSizes([330, 420])
        middle.setChildrenCollapsible(False)

        # right: save, exports, preview
        self.save_action = self._action(tr("&Speichern"), self.save_clicked, QKeySequence(keys.Save),
                                        tr("Den Bericht im Arbeitsbereich speichern (Strg+S)"))
        self.save_button = self._button(self.save_action, "saveReportButton")
        self.export_actions: dict[str, QAction] = {}
        self.export_buttons: dict[str, QPushButton] = {}
        # saving and the exports in two rows, so that the area fits at 1280 px beside the window's others
        export_row = QHBoxLayout()
        export_row.addWidget(self.save_button)
        file_row = QGridLayout()  # the three exports two a row (the area fits at 150 % text in 1280 px)
        for fmt, (text, _filter, _suffix) in _exports().items():
            tip = {"docx": tr("Den ganzen Bericht als Word-Datei schreiben (in Word und LibreOffice bearbeitbar)"),
                   "pdf": tr("Den ganzen Bericht als PDF schreiben"),
                   "xlsx": tr("Alle Tabellen des Berichts als eine Excel-Arbeitsmappe schreiben (Tabellenanhang)")
                   }[fmt]
            action = self._action(text, lambda f=fmt: self.export(f), None, tip)
            self.export_actions[fmt] = action
            self.export_buttons[fmt] = self._button(action, f"export{fmt.capitalize()}Button")
            at = len(self.export_buttons) - 1
            file_row.addWidget(self.export_buttons[fmt], at // 2, at % 2)
        self.open_export_button = QPushButton(tr("Öffnen"))
        self.open_export_button.setObjectName("openExportButton")
        self.open_export_button.setAccessibleName(tr("Geschriebene Datei öffnen"))
        self.open_export_button.setToolTip(tr("Die zuletzt geschriebene Datei mit ihrem Standardprogramm öffnen"))
        self.open_export_button.clicked.connect(lambda _checked=False: self.open_exported())
        self.open_export_button.hide()
        export_row.addWidget(self.open_export_button)
        export_row.addStretch(1)
        file_row.setColumnStretch(2, 1)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_pane = PreviewPane()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(export_row)
        right_layout.addLayout(file_row)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.preview_pane, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(2, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([200, 470, 610])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Left to right, top to bottom: the list and its buttons, the outline's buttons and the outline, the
        settings, saving and the exports, the preview."""
        chain: list[QWidget] = [self.list, self.new_button, self.rename_button, self.delete_report_button,
                                self.open_file_button, self.save_file_button,
                                self.add_chapter_button, self.add_module_button, self.up_button, self.down_button,
                                self.remove_button, self.undo_button, self.redo_button, self.view]
        first_setting = self.settings.report.title
        chain.append(first_setting)
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        tail = [self.save_button, *self.export_buttons.values(), self.open_export_button, self.preview_pane.browser]
        last_setting = self.settings.text.text
        for a, b in itertools.pairwise([last_setting, *tail]):
            QWidget.setTabOrder(a, b)

    # --- keys the window also has ----------------------------------------------------------------------------
    def _own_action(self, event: QKeyEvent) -> QAction | None:
        """The area's undo, redo or save action for the key of ``event`` (None: another key)."""
        pressed = QKeySequence(event.keyCombination())
        for action in (self.undo_action, self.redo_action, self.save_action):
            if any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for key in action.shortcuts()):
                return action
        return None

    def event(self, event: QEvent) -> bool:
        """Strg+Z, Strg+Umschalt+Z and Strg+S belong to this area while the focus is in it, even when the window's
        menus hold the planning editor's actions with the same keys (otherwise Qt finds the shortcut ambiguous
        and does nothing): the area takes them as key presses (a text field's own undo still comes first)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and \
                self._own_action(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._own_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        if action.isEnabled():
            action.trigger()
        event.accept()

    # --- workspace ------------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the reports of ``workspace``; the open report is closed without asking (the window asks first,
        see :meth:`maybe_save`)."""
        same = workspace is not None and workspace is self.workspace
        self.list_task.cancel()
        self.preview_task.cancel()
        self.workspace = workspace
        self._previews.clear()
        if not same:
            self._load(None, None, None)
        if workspace is None:
            self._show_loaded(Loaded())
            return
        self.reload()

    def _data_changed(self, change: DataChange) -> None:
        """An import, a deleted import, a saved scenario or Kennzahl, another process: read the choices and the
        preview again; the open report and its undo history stay."""
        if change.workspace is not self.workspace or self.workspace is None or change.reason == REPORTS:
            return
        self._previews.clear()
        self.reload()
        self.schedule_preview()

    def set_scenarios(self, rows: Sequence[Any]) -> None:
        """The saved scenarios as the window's planning editor read them (``scenarios_changed``): from then on the
        area does not read them itself, and its scenario and backtest choices follow every save and deletion."""
        self._scenarios = [(row.name, row.kind) for row in rows]
        self.settings.set_choices(Choices(self.loaded.indicators, self._scenarios, self.loaded.regions))

    def reload(self) -> None:
        """Read the saved reports and the choices again (off the GUI thread)."""
        ws = self.workspace
        if ws is None:
            return
        shared = self._scenarios is not None
        self.list_task.start(lambda _progress: read_choices(ws, scenarios=not shared), title=tr("Berichte lesen"),
                             show_dialog=False,
                             on_done=self._show_loaded,
                             on_error=lambda exc: show_error(self, exc, tr("Berichte lesen")))

    def _show_loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        location = self._location()  # (the names reset the outline model)
        with QSignalBlocker(self.list.selectionModel()):
            self.list_model.set_rows(loaded.reports)
        self._select_in_list(self.name if self.saved_spec is not None else None)
        self.list.resizeColumnsToContents()
        self.model.set_names(dict(loaded.indicators))
        scenarios = loaded.scenarios if self._scenarios is None else self._scenarios
        self.settings.set_choices(Choices(loaded.indicators, scenarios, loaded.regions))
        if self.spec is not None:
            self._restore_selection(location)
        self._update_state()
        self.reports_changed.emit(list(loaded.reports))

    # --- the list of saved reports --------------------------------------------------------------------------
    def _select_in_list(self, name: str | None) -> None:
        rows = [i for i, r in enumerate(self.list_model.rows) if r.name == name] if name else []
        selection = self.list.selectionModel()
        with QSignalBlocker(selection):
            if not rows:
                selection.clearSelection()
            else:
                selection.setCurrentIndex(self.list_model.index(rows[0], 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)

    def selected_name(self) -> str | None:
        rows = self.list.selectionModel().selectedRows(0)
        return self.list_model.rows[rows[0].row()].name if rows else None

    def _list_selection_changed(self) -> None:
        name = self.selected_name()
        self._update_state()
        if name is None or (name == self.name and self.saved_spec is not None):
            return
        if not self.open_report(name):
            self._select_in_list(self.name if self.saved_spec is not None else None)

    def open_report(self, name: str) -> bool:
        """Open the saved report ``name`` (asking about unsaved changes first)."""
        if self.workspace is None or not self.maybe_save():
            return False
        from bildungsplaner.services.reports import get_report

        try:
            saved = get_report(self.workspace, name)
            spec = saved.spec
        except UserInputError as exc:
            show_error(self, exc, tr("Bericht öffnen"))
            return False
        self._load(saved.name, spec, spec)
        self.saved_at = saved.changed_at
        self._select_in_list(saved.name)
        return True

    @guarded()
    def new_report(self) -> None:
        """A new report about the workspace's home region (else its first Kreis), compared with its Land and
        Deutschland, with the chapters of the life course; unsaved until „Speichern“."""
        if self.workspace is None or not self.maybe_save():
            return
        loaded = self.loaded
        names = dict(loaded.regions)
        region = loaded.home or next((k for k, _ in loaded.regions if len(k) == 5), None) or \
            next((k for k, _ in loaded.regions), "")
        compare = tuple(k for k in (region[:2], "DG") if k != region and k in names)
        title = tr("Bildungsbericht {region}").format(region=names.get(region, region)).strip()
        spec = ReportSpec(title=title, region=region, compare=compare,
                          chapters=tuple(Chapter(t) for t in LIFE_COURSE))
        name = unique_name(tr("Bildungsbericht"), {r.name for r in loaded.reports})
        self._load(name, spec, None)
        self._select_in_list(None)
        self.view.setFocus()

    @guarded()
    def rename_report(self) -> None:
        name = self.selected_name()
        ws = self.workspace
        if ws is None or name is None:
            return
        new, ok = QInputDialog.getText(self, tr("Bericht umbenennen"), tr("Neuer Name:"), QLineEdit.EchoMode.Normal,
                                       name)
        if not ok or not new.strip() or new.strip() == name:
            return
        from bildungsplaner.services.reports import rename_report

        renamed = self.runner.run_blocking(lambda _p: rename_report(ws, name, new), title=tr("Bericht umbenennen"))
        if self.name == name:
            self.name, self.saved_at = renamed.name, renamed.changed_at
        self.reload()
        self._announce()

    @guarded()
    def delete_report(self) -> None:
        name = self.selected_name()
        ws = self.workspace
        if ws is None or name is None:
            return
        answer = QMessageBox.question(self, tr("Bericht löschen"), tr("Den Bericht „{name}“ endgültig löschen? "
                                                                      "Die Daten bleiben.").format(name=name),
                                      Buttons.Yes | Buttons.No, Buttons.No)
        if answer != Buttons.Yes:
            return
        from bildungsplaner.services.reports import delete_report

        self.runner.run_blocking(lambda _p: delete_report(ws, name), title=tr("Bericht löschen"))
        if name == self.name and self.saved_spec is not None:
            self._load(None, None, None)
        self.reload()
        self._announce()

    @guarded()
    def open_file(self, path: Path | None = None) -> bool:
        """Open a report definition file (TOML) into the area, unsaved: „Speichern“ stores it under the file's
        name (a name already taken gets a number)."""
        if self.workspace is None or not self.maybe_save():
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, tr("Berichtsdefinition öffnen"),
                                                  str(self.workspace.path.parent), _toml_filter())
            if not name:
                return False
            path = Path(name)
        from bildungsplaner.reporting.spec import parse_report
        from bildungsplaner.services.reports import read_definition

        spec = parse_report(read_definition(path))
        self._load(unique_name(path.stem, {r.name for r in self.loaded.reports}), spec, None)
        self._select_in_list(None)
        return True

    @guarded()
    def save_file(self, path: Path | None = None) -> Path | None:
        """Write the open report's definition as a TOML file (as ``bildungsplaner report export`` does)."""
        if self.spec is None:
            return None
        if path is None:
            start = self.workspace.path.parent if self.workspace is not None else Path.home()
            name, _ = QFileDialog.getSaveFileName(self, tr("Berichtsdefinition speichern"),
                                                  str(start / f"{self.name or 'Bericht'}.toml"), _toml_filter())
            if not name:
                return None
            path = Path(name)
        path = path if path.suffix else path.with_suffix(".toml")
        from bildungsplaner.exporting.safety import atomic_target
        from bildungsplaner.reporting.spec import dump_report

        with atomic_target(path) as tmp:
            tmp.write_text(dump_report(self.spec), encoding="utf-8")
        self.status.setText(tr("Geschrieben: {path}").format(path=path))
        return path

    def _announce(self) -> None:
        """Tell the window that the saved reports changed (its watcher then knows the audit entry is its own)."""
        if self.events is not None and self.workspace is not None:
            self.events.notify(DataChange(REPORTS, self.workspace))

    # --- the open report ------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.spec is not None and (self.saved_spec is None or self.spec != self.saved_spec)

    def _load(self, name: str | None, spec: ReportSpec | None, saved: ReportSpec | None) -> None:
        self.preview_task.cancel()
        self.undo_stack.clear()
        self.name, self.saved_spec, self.saved_at = name, saved, None
        self.message.hide()
        self.set_spec(spec, None)

    def set_spec(self, spec: ReportSpec | None, select: Location) -> None:
        """Show ``spec`` and select ``select`` (called by the undo commands after each step)."""
        self.spec = spec
        self.model.set_spec(spec)
        self.view.expandAll()
        self._restore_selection(select)
        self._update_state()

    def _restore_selection(self, select: Location) -> None:
        index = self.model.index_of(select)
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index)
            else:
                selection.clear()
        self.view.viewport().update()
        self._selection_changed()

    def _location(self) -> Location:
        return self.model.location(self.view.currentIndex())

    def current_item(self) -> ReportSpec | Chapter | Module | None:
        spec = self.spec
        if spec is None or not self.view.currentIndex().isValid():
            return None
        location = self._location()
        if location is None:
            return spec
        chapter, module = location
        return spec.chapters[chapter] if module is None else spec.chapters[chapter].modules[module]

    def select(self, location: Location) -> None:
        """Select the outline item at ``location`` (``None``: the report)."""
        self._restore_selection(location)

    def _selection_changed(self) -> None:
        item = self.current_item()
        self.settings.show_item(item)
        self._update_actions()
        self.schedule_preview()

    # --- editing --------------------------------------------------------------------------------------------
    def push(self, operation: Operation, text: str, merge_key: Any = None) -> bool:
        """Check ``operation`` and put it on the undo stack (which applies it); an edit the report definition would
        refuse shows its message and changes nothing."""
        if self.spec is None:
            return False
        try:
            new, _ = operation.apply(self.spec)
            outline.checked(new)
        except UserInputError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.message.hide()
        if new == self.spec:
            return False
        self.undo_stack.push(OutlineCommand(self, operation, text, merge_key))
        return True

    def _edited(self, changes: tuple[tuple[str, Any], ...], field_name: str) -> None:
        """A field of the settings panel changed: one undoable edit (typing in one field merges into one step)."""
        if self.spec is None:
            return
        location = self._location()
        if not self.view.currentIndex().isValid():
            return
        operation: Operation
        if location is None:
            operation, text = outline.EditReport(changes), tr("Bericht ändern")
        elif location[1] is None:
            operation, text = outline.EditChapter(location[0], changes), tr("Kapitel ändern")
        else:
            operation, text = outline.EditModule(location[0], location[1], changes), tr("Baustein ändern")
        self.push(operation, text, merge_key=(location, field_name))

    def _insert_chapter_at(self) -> int:
        location = self._location()
        if self.spec is None:
            return 0
        if location is None:
            return len(self.spec.chapters)
        return location[0] + 1

    @guarded()
    def add_chapter(self, title: str | None = None) -> bool:
        """Insert a chapter after the selected one (at the end when the report is selected); its title field gets
        the focus."""
        if self.spec is None:
            return False
        chapter = Chapter(title or tr("Neues Kapitel"))
        if not self.push(outline.AddChapter(self._insert_chapter_at(), chapter), tr("Kapitel hinzufügen")):
            return False
        if title is None:
            self.settings.chapter.title.setFocus()
            self.settings.chapter.title.selectAll()
        return True

    def new_module(self, kind: str) -> Module:
        """A module of ``kind`` with the first choice the workspace offers (a Kennzahl the report does not show
        yet); a German error when it offers none."""
        if kind == "indicator":
            if not self.loaded.indicators:
                raise UserInputError(tr("Der Arbeitsbereich hat keine Kennzahl mit Werten. Importieren Sie zuerst "
                                        "die Tabellen einer Kennzahl (siehe Bereich Kennzahlen)."))
            used = {m.indicator for c in self.spec.chapters for m in c.modules if isinstance(m, IndicatorModule)} \
                if self.spec is not None else set()
            code = next((c for c, _ in self.loaded.indicators if c not in used), self.loaded.indicators[0][0])
            return IndicatorModule(code)
        if kind == "scenario":
            if not self.loaded.scenarios:
                raise UserInputError(tr("Der Arbeitsbereich hat noch kein gespeichertes Szenario (Bereich Planung)."))
            return ScenarioModule(self.loaded.scenarios[0][0])
        if kind == "backtest":
            demand = [name for name, k in self.loaded.scenarios if k == "demand"]
            if not demand:
                raise UserInputError(tr("Der Arbeitsbereich hat kein gespeichertes Bedarfsszenario; der Prognose-Ist-"
                                        "Vergleich prüft die Prognose eines Bedarfsszenarios."))
            return BacktestModule(demand[0])
        return TextModule(tr("Ihr Text."))

    @guarded()
    def add_module(self, kind: str, module: Module | None = None) -> bool:
        """Insert a module after the selected one (at the end of the selected chapter; of the last chapter when the
        report is selected). Its first setting gets the focus, so the user picks the Kennzahl or writes the text."""
        spec = self.spec
        if spec is None:
            return False
        if not spec.chapters:
            raise UserInputError(tr("Legen Sie zuerst ein Kapitel an („Kapitel hinzufügen“)."))
        module = module or self.new_module(kind)
        location = self._location()
        if location is None:
            chapter, index = len(spec.chapters) - 1, len(spec.chapters[-1].modules)
        elif location[1] is None:
            chapter, index = location[0], len(spec.chapters[location[0]].modules)
        else:
            chapter, index = location[0], location[1] + 1
        if not self.push(outline.AddModule(chapter, index, module), tr("Baustein hinzufügen")):
            return False
        page = self.settings.currentWidget()
        first = {self.settings.indicator: self.settings.indicator.indicator,
                 self.settings.scenario: self.settings.scenario.scenario,
                 self.settings.backtest: self.settings.backtest.scenario,
                 self.settings.text: self.settings.text.text}.get(page)
        if first is not None and module is not None and not isinstance(module, TextModule):
            first.setFocus()
        return True

    @guarded()
    def move(self, step: int) -> bool:
        """Move the selected chapter or module one place up (−1) or down (+1)."""
        spec, location = self.spec, self._location()
        if spec is None or location is None:
            return False
        chapter, module = location
        operation = outline.move_chapter_by(spec, chapter, step) if module is None else \
            outline.move_module_by(spec, chapter, module, step)
        if operation is None:
            return False
        return self.push(operation, tr("Nach oben verschieben") if step < 0 else tr("Nach unten verschieben"))

    @guarded()
    def remove(self) -> bool:
        """Remove the selected module or chapter (with its modules); Strg+Z brings it back."""
        if self.spec is None or self._location() is None:
            return False
        chapter, module = self._location()  # type: ignore[misc]
        if module is None:
            return self.push(outline.RemoveChapter(chapter), tr("Kapitel entfernen"))
        return self.push(outline.RemoveModule(chapter, module), tr("Baustein entfernen"))

    # --- state ----------------------------------------------------------------------------------------------
    def _stack_changed(self, _index: int) -> None:
        if shiboken6.isValid(self.title):
            self._update_state()

    def _update_actions(self) -> None:
        spec, location = self.spec, self._location()
        has_spec = spec is not None
        selected = has_spec and self.view.currentIndex().isValid()
        on_item = selected and location is not None
        self.add_chapter_action.setEnabled(has_spec)
        has_chapters = has_spec and bool(spec.chapters)  # type: ignore[union-attr]
        for action in (self.add_indicator_action, self.add_text_action, self.add_scenario_action,
                       self.add_backtest_action):
            action.setEnabled(has_chapters)
        self.add_module_button.setEnabled(has_chapters)
        can_up = can_down = False
        if on_item and spec is not None and location is not None:
            chapter, module = location
            if module is None:
                can_up = outline.move_chapter_by(spec, chapter, -1) is not None
                can_down = outline.move_chapter_by(spec, chapter, +1) is not None
            else:
                can_up = outline.move_module_by(spec, chapter, module, -1) is not None
                can_down = outline.move_module_by(spec, chapter, module, +1) is not None
        self.up_action.setEnabled(can_up)
        self.down_action.setEnabled(can_down)
        self.remove_action.setEnabled(on_item)

    def _update_state(self) -> None:
        has_ws, has_spec = self.workspace is not None, self.spec is not None
        self.new_action.setEnabled(has_ws)
        selected = self.selected_name() is not None
        self.rename_action.setEnabled(has_ws and selected)
        self.delete_report_action.setEnabled(has_ws and selected)
        dirty = self.is_dirty()
        self.save_action.setEnabled(has_ws and has_spec and dirty)
        for action in self.export_actions.values():
            action.setEnabled(has_ws and has_spec)
        self.open_file_action.setEnabled(has_ws)
        self.save_file_action.setEnabled(has_spec)
        if self.spec is not None:
            mark = tr(" – ungespeicherte Änderungen") if dirty else ""
            self.title.setText(f"<h3>{html.escape(self.name or '')}<small>{html.escape(mark)}</small></h3>")
        else:
            self.title.setText(f"<p>{html.escape(tr('Kein Bericht geöffnet.'))}</p>")
        self._update_actions()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def maybe_save(self) -> bool:
        """With unsaved changes ask Speichern / Verwerfen / Abbrechen; True: go on (saved or discarded)."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, tr("Ungespeicherte Änderungen"),
            tr("Der Bericht „{name}“ hat ungespeicherte Änderungen. Sollen sie gespeichert werden?").format(
                name=self.name or ""), Buttons.Save | Buttons.Discard | Buttons.Cancel, Buttons.Save)
        if answer in (Buttons.Save, Buttons.Yes):
            return self.save()
        if answer in (Buttons.Discard, Buttons.No):
            self._load(None, None, None)
            return True
        return False

    @guarded()
    def save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the open report in the workspace under its name; False if refused or failed."""
        ws, spec, name = self.workspace, self.spec, self.name
        if ws is None or spec is None or not name:
            return False
        from bildungsplaner.services.reports import save_report

        new = self.saved_spec is None
        if new and any(r.name == name for r in self.loaded.reports):
            answer = QMessageBox.question(self, tr("Bericht speichern"), tr(
                "Einen Bericht „{name}“ gibt es schon im Arbeitsbereich. Ersetzen?").format(name=name),
                Buttons.Yes | Buttons.No, Buttons.No)
            if answer != Buttons.Yes:
                return False
        try:
            based_on = None if new else self.saved_at
            saved = self.runner.run_blocking(lambda _p: save_report(ws, name, spec, based_on=based_on),
                                             title=tr("Bericht speichern"))
        except Exception as exc:
            show_error(self, exc, tr("Bericht speichern"))
            return False
        self.name, self.saved_spec, self.saved_at = saved.name, spec, saved.changed_at
        self.undo_stack.setClean()
        self.status.setText(tr("Gespeichert: „{name}“.").format(name=saved.name))
        self._update_state()
        self.reload()
        self._announce()
        return True

    # --- preview --------------------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        """Build the preview a moment after the last change (at once when tasks run inline, in tests)."""
        if self.runner.inline:
            self.update_preview()
        else:
            self._preview_timer.start()

    def update_preview(self) -> None:
        """Show the selected item: a module built as printed (on the task runner), a chapter or the report as a
        summary."""
        self._preview_timer.stop()
        spec, ws = self.spec, self.workspace
        pane = self.preview_pane
        if spec is None or not self.view.currentIndex().isValid():
            self.preview_task.cancel()
            self.preview = None
            hint = tr("Die Vorschau zeigt den gewählten Baustein so, wie er gedruckt wird.")
            pane.show_html(f"<p>{html.escape(hint)}</p>")
            pane.set_state("")
            return
        location = self._location()
        names = dict(self.loaded.indicators)
        if location is None or location[1] is None:
            self.preview_task.cancel()
            self.preview = None
            pane.show_html(report_html_summary(spec, names, dict(self.loaded.regions)) if location is None
                           else chapter_html(spec.chapters[location[0]], names))
            pane.set_state("")
            return
        one = outline.module_spec(spec, location[0], location[1])
        cached = self._previews.get(one)
        if cached is not None:
            self.preview_task.cancel()
            self._show_preview(cached)
            return
        if ws is None:
            return
        pane.set_state(tr("Die Vorschau wird erstellt …"))
        self.preview_task.start(lambda progress: build_preview(ws, one, progress), title=tr("Vorschau"),
                                show_dialog=False, on_done=lambda p: self._preview_built(one, p),
                                on_error=self._preview_failed)

    def _preview_built(self, one: ReportSpec, preview: Preview) -> None:
        if len(self._previews) > 40:
            self._previews.clear()
        self._previews[one] = preview
        self._show_preview(preview)

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.preview_pane.show_preview(preview)
        self.settings.indicator.text.generated = preview.generated
        self.settings.scenario.text.generated = preview.generated
        self.settings.backtest.text.generated = preview.generated

    def _preview_failed(self, exc: BaseException) -> None:
        from bildungsplaner.ui.common.dialogs import error_text

        self.preview = None
        self.preview_pane.show_html(f"<p style='color:#b00020'>{html.escape(error_text(exc))}</p>")
        self.preview_pane.set_state(tr("Der Baustein lässt sich so nicht bauen."))

    # --- exports --------------------------------------------------------------------------------------------
    def _ask_target(self, fmt: str) -> Path | None:
        _text, file_filter, suffix = _exports()[fmt]
        start = self.workspace.path.parent if self.workspace is not None else Path.home()
        name, _ = QFileDialog.getSaveFileName(self, tr("Bericht exportieren"), str(start / f"{self.name}{suffix}"),
                                              file_filter)
        return Path(name) if name else None

    @guarded()
    def export(self, fmt: str, path: Path | None = None) -> TaskHandle | None:
        """Build the whole open report (as it stands, saved or not) as ``fmt`` (docx, pdf, xlsx) on the task runner,
        with progress and „Abbrechen“; the same as ``bildungsplaner report build … --out``."""
        ws, spec = self.workspace, self.spec
        if ws is None or spec is None:
            return None
        chosen = path or self._ask_target(fmt)
        if chosen is None:
            return None
        suffix = _exports()[fmt][2]
        target = chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
        def work(progress: Any) -> Any:
            from bildungsplaner.services.reports import build
            from bildungsplaner.ui.common.pdf import render_html_to_pdf
            from bildungsplaner.ui.report.figures import render_figure

            return build(ws, spec, target, figure_renderer=render_figure, pdf_renderer=render_html_to_pdf,
                         progress=progress)

        def done(summary: Any) -> None:
            self.export_handle = None
            self.last_export = target
            warnings = list(getattr(summary, "warnings", []) or [])
            message = tr("Geschrieben: {path}").format(path=target)
            if warnings:
                message += " · " + tr("{count} Hinweise: {first}").format(count=len(warnings), first=warnings[0])
            self.status.setText(message)
            self.open_export_button.show()
            self.exported.emit(target)

        def failed(exc: BaseException) -> None:
            self.export_handle = None
            self.status.setText("")
            show_error(self, exc, tr("Bericht exportieren"))

        def cancelled() -> None:
            self.export_handle = None
            self.status.setText(tr("Export abgebrochen; es wurde keine Datei geschrieben."))

        self.status.setText(tr("Der Bericht wird geschrieben …"))
        self.open_export_button.hide()
        handle = self.runner.start(
            work, title=tr("Bericht exportieren"), label=tr("„{name}“ wird als {suffix} geschrieben …").format(
                name=self.name or spec.title, suffix=_exports()[fmt][2]),
            on_done=done, on_error=failed, on_cancel=cancelled)
        if not handle.done:  # (tasks that run inline are finished already)
            self.export_handle = handle
        return handle

    def open_exported(self) -> None:
        """Open the file the last export wrote with the system's program for it (Word, a PDF viewer, Excel)."""
        path = self.last_export
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, tr("Bericht exportieren"), tr(
                "{path} ließ sich nicht öffnen: für diese Dateiart ist kein Standardprogramm eingerichtet. Die Datei "
                "ist gespeichert.").format(path=path))

    def cancel_export(self) -> None:
        """What „Abbrechen“ in the progress dialog does."""
        if self.export_handle is not None:
            self.export_handle.cancel()
