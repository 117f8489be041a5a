"""The application window: menus, the side panels (regions, indicators, facilities) and the work areas.

The window owns at most one open :class:`Workspace` at a time. Opening another one runs as a task (with a
progress dialog, since the first start builds the demo) and closes the old workspace afterwards. All reads
for the panels happen in that task or in :mod:`bildungsplaner.services.browse`; the models only hold rows.

Start-up: importing this module pulls in neither pandas nor pyqtgraph nor openpyxl (Alembic only migrations
import), ``tests/test_startup_imports.py`` checks it. The side panels and the Daten tab need none of them
before values are loaded; the areas Planung, Export and Kennzahlen do, so they are imported and built by
:meth:`MainWindow.build_areas` — in the constructor, or with ``lazy_areas`` (the application's start) right
after the first screen is shown, with empty placeholder tabs until then.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from bildungsplaner import APP_NAME, WORKSPACE_SUFFIX, UserInputError, paths
from bildungsplaner.formatting import format_number
from bildungsplaner.progress import Cancelled
from bildungsplaner.services import team
from bildungsplaner.services.browse import DatasetRow, IndicatorRow, Overview, RegionIndex, load_overview
from bildungsplaner.services.home import home_region
from bildungsplaner.services.workspace import (
    Workspace,
    backup_workspace,
    create_workspace,
    open_or_create_default,
    open_workspace,
)
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import MigrationDeclined
from bildungsplaner.store.postgres import is_server_address, parse_address
from bildungsplaner.ui.common import accessibility, tasks
from bildungsplaner.ui.common.dialogs import guarded, show_about, show_error
from bildungsplaner.ui.common.events import DELETE, IMPORT, OUTSIDE, DataChange, WorkspaceEvents
from bildungsplaner.ui.common.help import HelpDialog, LicenseDialog
from bildungsplaner.ui.common.sidebar import SidebarToggle
from bildungsplaner.ui.data.browser import DataBrowser
from bildungsplaner.ui.data.panels import FacilityPanel, IndicatorPanel, RegionPanel
from bildungsplaner.ui.importing.history import ImportHistoryPage
from bildungsplaner.ui.workspace.home import HomeRegionDialog
from bildungsplaner.ui.workspace.watch import ColleaguesWatcher, WorkspaceWatcher

if TYPE_CHECKING:  # imported where used: pandas, pyqtgraph and openpyxl stay off the start path
    from bildungsplaner.services.importing import ImportReport
    from bildungsplaner.ui.exporting.panel import ExportPanel
    from bildungsplaner.ui.importing.boundaries import AssignDialog
    from bildungsplaner.ui.importing.wizard import ImportWizard
    from bildungsplaner.ui.indicators.area import IndicatorsArea
    from bildungsplaner.ui.planning.editor import PlanningEditor
    from bildungsplaner.ui.report.area import ReportArea

log = logging.getLogger(__name__)


def _workspace_name(ws: Workspace) -> str:
    """What the title bar and messages call the workspace: the file's name, or the server workspace's name."""
    return ws.address.workspace if ws.address is not None else ws.path.name


def _file_filter() -> str:
    return QCoreApplication.translate("MainWindow", "Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)"
                                      ).format(suffix=WORKSPACE_SUFFIX)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace | None = None, *, owns_workspace: bool = True,
                 settings: Settings | None = None, parent: QWidget | None = None,
                 runner: tasks.TaskRunner | None = None, lazy_areas: bool = False) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self._overview = Overview([], [], [])
        self.planning: PlanningEditor
        self.export_panel: ExportPanel
        self.kennzahlen: IndicatorsArea
        self.report: ReportArea
        self._owns_workspace = owns_workspace
        self._settings = settings
        self.runner = runner if runner is not None else tasks.TaskRunner(self)
        #: the one „data changed“ signal: imports, deletions, scenario writes, other processes
        self.events = WorkspaceEvents(self)
        self.import_wizard: ImportWizard | None = None
        self.assign_dialog: AssignDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self._build_central()
        self._build_menus()
        self.import_page = ImportHistoryPage(self.import_action)
        self.import_page.delete_requested.connect(self.delete_import)
        self.areas.insertTab(1, self.import_page, QCoreApplication.translate("MainWindow", "Import"))
        self._build_sidebar_toggle()
        # reading order for Tab: the side panel, then the button and tabs above the areas, then the area's page
        QWidget.setTabOrder(self.facilities.attribute_view, self.sidebar.button)
        QWidget.setTabOrder(self.sidebar.button, self.areas.tabBar())
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.path_label, 1)
        # status messages („… importiert.“, „Sicherung geschrieben“) are read aloud by a screen reader too
        self.statusBar().messageChanged.connect(lambda text: accessibility.announce(self.statusBar(), text))
        self.watcher = WorkspaceWatcher(self)
        self.watcher.changed.connect(self.refresh_from_outside)
        # team mode: who else has the server workspace open (empty and hidden for a file)
        self.colleagues_label = QLabel()
        self.colleagues_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Weitere Benutzer"))
        self.colleagues_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.colleagues_label)
        self.colleagues = ColleaguesWatcher(self)
        self.colleagues.changed.connect(self._show_colleagues)
        self.events.data_changed.connect(self._data_changed)
        self._areas_built = False
        if not lazy_areas:
            self.build_areas()
        self.areas.currentChanged.connect(lambda _index: self.build_areas())  # a placeholder tab chosen early
        self.set_workspace(workspace, owns=owns_workspace)

    # --- layout ---------------------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.regions = RegionPanel()
        self.indicators = IndicatorPanel()
        self.facilities = FacilityPanel()
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(self.indicators, QCoreApplication.translate("MainWindow", "Indikatoren"))
        self.side_tabs.addTab(self.facilities, QCoreApplication.translate("MainWindow", "Einrichtungen"))
        left = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter = left
        left.addWidget(self.regions)
        left.addWidget(self.side_tabs)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.browser = DataBrowser(self.runner, events=self.events)
        self.browser.map_region_clicked.connect(self.select_region_key)  # a click on the map
        self.areas = QTabWidget()
        self.areas.setObjectName("areas")
        self.areas.addTab(self.browser, QCoreApplication.translate("MainWindow", "Daten"))
        # placeholders until build_areas puts the areas in their place
        self._placeholders = {name: QWidget() for name in ("planung", "export", "kennzahlen", "bericht")}
        self.areas.addTab(self._placeholders["planung"], QCoreApplication.translate("MainWindow", "Planung"))
        self.areas.addTab(self._placeholders["export"], QCoreApplication.translate("MainWindow", "Export"))
        self.areas.addTab(self._placeholders["kennzahlen"], QCoreApplication.translate("MainWindow", "Kennzahlen"))
        self.areas.addTab(self._placeholders["bericht"], QCoreApplication.translate("MainWindow", "Bericht"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.areas)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 920])
        self.main_splitter = splitter
        self.setCentralWidget(splitter)

        self.regions.selection_changed.connect(lambda _ids: self._selection_changed())
        self.indicators.indicator_changed.connect(lambda _row: self._selection_changed())

    def _build_sidebar_toggle(self) -> None:
        """Menu Ansicht › Seitenleiste (Strg+B) and a button beside the area tabs; the side panel hides itself on
        Planung and Export, the user's explicit choice per area is kept (:mod:`bildungsplaner.ui.common.sidebar`)."""
        self.sidebar = SidebarToggle(self.left_splitter, self.areas, {
            self.browser: "daten", self.import_page: "import",
            **{widget: name for name, widget in self._placeholders.items()}}, lambda: self.settings, self)
        self.sidebar.apply()
        view_menu = QMenu(QCoreApplication.translate("MainWindow", "&Ansicht"), self)
        self.view_menu = view_menu
        view_menu.addAction(self.sidebar.action)
        view_menu.addAction(self.kennzahlen_action)
        self.table_action = self._action(
            QCoreApplication.translate("MainWindow", "Werte als Tabelle zeigen"), self.show_value_table,
            "Ctrl+Shift+T", QCoreApplication.translate(
                "MainWindow", "Die Zahlen des Diagramms und der Karte in der Werte-Tabelle zeigen, mit dem "
                              "Tastaturfokus darin"))
        view_menu.addAction(self.table_action)
        view_menu.addSeparator()
        # Strg+1 … Strg+9: the work areas in the order of their tabs (texts follow the tabs, see _area_menu)
        self.area_menu = QMenu(QCoreApplication.translate("MainWindow", "&Bereich"), self)
        self.area_actions: list[QAction] = []
        for number in range(1, 10):
            action = self._action("", lambda index=number - 1: self.show_area(index), f"Ctrl+{number}")
            self.area_actions.append(action)
            self.area_menu.addAction(action)
        self.area_menu.aboutToShow.connect(self._name_area_actions)
        # hidden actions take no shortcut: all stay visible outside the open menu (a tab added later gets its key)
        self.area_menu.aboutToHide.connect(lambda: [a.setVisible(True) for a in self.area_actions])
        view_menu.addMenu(self.area_menu)
        self.menuBar().insertMenu(self.menuBar().actions()[-1], view_menu)  # before Hilfe
        self._name_area_actions()
        for action in self.area_actions:
            action.setVisible(True)
        self.areas.tabBar().setAccessibleName(QCoreApplication.translate("MainWindow", "Bereiche"))
        self.side_tabs.tabBar().setAccessibleName(QCoreApplication.translate("MainWindow", "Seitenleiste"))

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(
            QCoreApplication.translate("MainWindow", "Neuer Arbeitsbereich…"), self.new_workspace,
            QKeySequence(keys.New),
            QCoreApplication.translate("MainWindow", "Einen leeren Arbeitsbereich anlegen"))
        self.open_action = self._action(
            QCoreApplication.translate("MainWindow", "Öffnen…"), self.open_dialog, QKeySequence(keys.Open),
            QCoreApplication.translate("MainWindow", "Einen vorhandenen Arbeitsbereich öffnen"))
        self.server_action = self._action(
            QCoreApplication.translate("MainWindow", "Server-Arbeitsbereich öffnen…"), self.open_server_dialog, None,
            QCoreApplication.translate("MainWindow", "Einen Arbeitsbereich auf dem PostgreSQL-Server des Kreises "
                                                     "öffnen (Teamarbeit)"))
        self.new_server_action = self._action(
            QCoreApplication.translate("MainWindow", "Neuer Server-Arbeitsbereich…"), self.new_server_workspace, None,
            QCoreApplication.translate("MainWindow", "Einen leeren Arbeitsbereich auf dem PostgreSQL-Server des "
                                                     "Kreises anlegen (Teamarbeit)"))
        self.save_as_file_action = self._action(
            QCoreApplication.translate("MainWindow", "Als Datei sichern…"), self.save_as_file, None,
            QCoreApplication.translate("MainWindow", "Den Server-Arbeitsbereich, wie er in diesem Moment ist, als "
                                                     "Arbeitsbereichsdatei speichern"))
        self.transfer_action = self._action(
            QCoreApplication.translate("MainWindow", "Auf den Server übertragen…"), self.transfer_to_server, None,
            QCoreApplication.translate("MainWindow", "Den geöffneten Arbeitsbereich als neuen Arbeitsbereich auf den "
                                                     "PostgreSQL-Server des Kreises kopieren (Teamarbeit)"))
        self.demo_action = self._action(
            QCoreApplication.translate("MainWindow", "Demo-Arbeitsbereich öffnen"), self.open_demo, None,
            QCoreApplication.translate("MainWindow", "Den fiktiven Kreis Lindental öffnen (wird beim ersten Mal "
                                                     "erzeugt)"))
        self.backup_action = self._action(
            QCoreApplication.translate("MainWindow", "Sicherung erstellen…"), self.create_backup, None,
            QCoreApplication.translate("MainWindow", "Eine vollständige Kopie des Arbeitsbereichs schreiben"))
        self.import_action = self._action(
            QCoreApplication.translate("MainWindow", "Importieren…"), self.import_dialog, "Ctrl+I",
            QCoreApplication.translate("MainWindow", "Eine Statistik oder Tabelle mit dem Import-Assistenten in den "
                                                     "Arbeitsbereich übernehmen (oder die Datei ins Fenster ziehen)"))
        self.quit_action = self._action(QCoreApplication.translate("MainWindow", "Beenden"), self.close, "Ctrl+Q")
        self.copy_action = self._action(
            QCoreApplication.translate("MainWindow", "Kopieren"), self.copy, QKeySequence(keys.Copy),
            QCoreApplication.translate("MainWindow", "Markierte Zellen mit Überschriften für Excel kopieren"))
        self.find_action = self._action(
            QCoreApplication.translate("MainWindow", "Suchen"), self.focus_find, QKeySequence(keys.Find),
            QCoreApplication.translate("MainWindow", "Die Datentabelle filtern"))
        self.about_action = self._action(QCoreApplication.translate("MainWindow", "Über Bildungsplaner"), self.about)
        self.help_action = self._action(
            QCoreApplication.translate("MainWindow", "Handbuch"), self.show_help, QKeySequence(keys.HelpContents),
            QCoreApplication.translate("MainWindow", "Das Handbuch öffnen (liegt dem Programm bei)"))
        self.licenses_action = self._action(
            QCoreApplication.translate("MainWindow", "Lizenzen"), self.show_licenses, None,
            QCoreApplication.translate("MainWindow", "Die Lizenzen des Programms und der mitgelieferten "
                                                     "Bibliotheken anzeigen"))

        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Datei"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.server_action)
        file_menu.addAction(self.new_server_action)
        self.recent_menu = QMenu(QCoreApplication.translate("MainWindow", "Zuletzt geöffnet"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.save_as_file_action)
        file_menu.addAction(self.transfer_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Bearbeiten"))
        self.edit_menu = edit_menu  # build_areas puts the planning editor's undo, redo and save first
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.find_action)
        self.kennzahlen_action = self._action(
            QCoreApplication.translate("MainWindow", "Kennzahlen anzeigen"),
            lambda: self.build_areas() or self.areas.setCurrentWidget(self.kennzahlen), "Ctrl+K",
            QCoreApplication.translate("MainWindow", "Berechnete Kennzahlen, den Katalog und Indizes anzeigen"))
        self.indicator_menu = QMenu(QCoreApplication.translate("MainWindow", "&Kennzahlen"), self)  # see build_areas
        #: the planning area's commands (its toolbar buttons take no keyboard focus), filled by build_areas
        self.planning_menu = QMenu(QCoreApplication.translate("MainWindow", "&Planung"), self)
        #: the Bericht area's commands, filled by build_areas
        self.report_menu = QMenu(QCoreApplication.translate("MainWindow", "Beric&ht"), self)
        self.assign_action = self._action(
            QCoreApplication.translate("MainWindow", "Einrichtungen den Gebieten zuordnen …"),
            self.assign_facilities_dialog, None,
            QCoreApplication.translate("MainWindow", "Jede Einrichtung mit Koordinaten in das Gebiet einer Ebene "
                                                     "legen, in dem sie liegt"))
        edit_menu.addSeparator()
        edit_menu.addAction(self.assign_action)
        edit_menu.addMenu(self.planning_menu)
        edit_menu.addMenu(self.indicator_menu)
        edit_menu.addMenu(self.report_menu)
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Hilfe"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.licenses_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def build_areas(self) -> None:
        """Import and build the areas Planung, Export and Kennzahlen (once) in their placeholders' tabs, with
        their menu entries, and show them the open workspace. They import pandas and pyqtgraph, so the
        application's start calls this right after the first screen is shown (see the module docstring)."""
        if self._areas_built:
            return
        self._areas_built = True
        from bildungsplaner.ui.exporting.panel import ExportPanel
        from bildungsplaner.ui.indicators.area import IndicatorsArea
        from bildungsplaner.ui.planning.editor import PlanningEditor
        from bildungsplaner.ui.report.area import ReportArea

        self.planning = PlanningEditor(self.runner, events=self.events)
        self.export_panel = ExportPanel(self.runner)
        self.planning.scenarios_changed.connect(self.export_panel.set_scenarios)
        self.kennzahlen = IndicatorsArea(self.runner, events=self.events)
        self.kennzahlen.entries_changed.connect(self.indicators.set_computed)  # marks computed indicators
        self.report = ReportArea(self.runner, events=self.events)
        self.planning.scenarios_changed.connect(self.report.set_scenarios)  # read once, by the planning editor
        current = self.areas.currentIndex()
        blocked = self.areas.blockSignals(True)
        for name, area in (("planung", self.planning), ("export", self.export_panel), ("kennzahlen", self.kennzahlen),
                           ("bericht", self.report)):
            placeholder = self._placeholders.pop(name)
            index = self.areas.indexOf(placeholder)
            text = self.areas.tabText(index)
            self.areas.removeTab(index)
            self.areas.insertTab(index, area, text)
            self.sidebar.names[area] = self.sidebar.names.pop(placeholder)
            placeholder.deleteLater()
        self.areas.setCurrentIndex(current)
        self.areas.blockSignals(blocked)
        self.sidebar.apply()
        # undo and redo of the planning editor (Strg+Z; Strg+Y or Strg+Umschalt+Z), first in Bearbeiten
        self.undo_action = self.planning.undo_action
        self.redo_action = self.planning.redo_action
        self.edit_menu.insertActions(self.copy_action, [self.undo_action, self.redo_action, self.planning.save_action])
        self.edit_menu.insertSeparator(self.copy_action)
        # every command of the planning toolbars in a menu too (the toolbar buttons take no keyboard focus)
        planning = self.planning
        for action in (planning.new_allocation_action, planning.new_demand_action, None, planning.duplicate_action,
                       planning.rename_action, planning.delete_action, None, planning.open_file_action,
                       planning.save_action, planning.save_file_action):
            if action is None:
                self.planning_menu.addSeparator()
            else:
                self.planning_menu.addAction(action)
        for action in (self.kennzahlen.new_action, self.kennzahlen.new_index_action, self.kennzahlen.edit_action,
                       self.kennzahlen.delete_action, self.kennzahlen.import_action, self.kennzahlen.export_action):
            self.indicator_menu.addAction(action)
        report = self.report
        for action in (report.new_action, report.rename_action, report.delete_report_action, None,
                       report.add_chapter_action, report.add_indicator_action, report.add_text_action,
                       report.add_scenario_action, report.add_backtest_action, report.up_action, report.down_action,
                       report.remove_action, None, report.open_file_action, report.save_action,
                       report.save_file_action):
            if action is None:
                self.report_menu.addSeparator()
            else:
                self.report_menu.addAction(action)
        self._shared_keys = self._keys_shared_with_report()
        self._route_shared_keys()
        self.areas.currentChanged.connect(lambda _index: self._route_shared_keys())
        if self.workspace is not None:
            self._set_areas_workspace(self.workspace, self._overview)

    def _keys_shared_with_report(self) -> tuple[dict[QAction, list[QKeySequence]], dict[QAction, list[QKeySequence]]]:
        """The Bericht area's actions whose keys a window-wide command has too (Strg+Z, Strg+Y, Strg+S,
        Strg+Umschalt+N of the planning editor in Bearbeiten), and those window-wide actions, each with its keys."""
        def in_report(action: QAction) -> bool:
            parent = action.parent()
            while parent is not None and parent is not self.report:
                parent = parent.parent()
            return parent is self.report

        def keys(action: QAction) -> set[str]:
            return {k.toString() for k in action.shortcuts()}

        report_actions = [a for a in self.report.findChildren(QAction) if a.shortcuts()]
        report_keys = set().union(*map(keys, report_actions))
        window_actions = [a for a in self.findChildren(QAction)
                          if a.shortcuts() and not in_report(a) and keys(a) & report_keys
                          and a.shortcutContext() in (Qt.ShortcutContext.WindowShortcut,
                                                      Qt.ShortcutContext.ApplicationShortcut)]
        shared = set().union(*map(keys, window_actions))
        return ({a: a.shortcuts() for a in report_actions if keys(a) & shared},
                {a: a.shortcuts() for a in window_actions})

    def _route_shared_keys(self) -> None:
        """Keys the Bericht area shares with window-wide commands act on the area in front: while Bericht is shown
        only the report's actions hold them, elsewhere only the window's. Never both at once — Qt does nothing on
        an ambiguous shortcut (tests/ui/test_keyboard_flows.py checks that no two actions share a key)."""
        report_front = self.areas.currentWidget() is self.report
        report_actions, window_actions = self._shared_keys
        for action, keys in report_actions.items():
            action.setShortcuts(keys if report_front else [])
        for action, keys in window_actions.items():
            action.setShortcuts([] if report_front else keys)

    def _set_areas_workspace(self, workspace: Workspace | None, overview: Overview) -> None:
        self.export_panel.set_workspace(workspace)  # first: the planning area hands it the scenarios it reads
        self.planning.set_workspace(workspace, overview)
        self.kennzahlen.set_workspace(workspace)
        self.report.set_workspace(workspace)

    def _maybe_save(self) -> bool:
        """Unsaved scenario or report edits: Speichern / Verwerfen / Abbrechen (nothing to save before the areas
        exist)."""
        return (self.planning.maybe_save() and self.report.maybe_save()) if self._areas_built else True

    # --- workspace ------------------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings()
        return self._settings

    def set_workspace(self, workspace: Workspace | None, overview: Overview | None = None, *,
                      owns: bool = True) -> None:
        """Show ``workspace`` (reading its overview if not given); closes the previous one if owned."""
        self.browser.cancel()
        self.runner.wait()
        self._remember_selection()
        previous, previous_owned = self.workspace, self._owns_workspace
        if overview is None:
            overview = load_overview(workspace) if workspace is not None else Overview([], [], [])
        self.workspace, self._owns_workspace = workspace, owns
        if previous is not None and previous is not workspace and previous_owned:
            previous.close()
        self._overview = overview
        self._show_overview(overview)
        if self._areas_built:
            self._set_areas_workspace(workspace, overview)
        self.watcher.watch(workspace)
        self.colleagues.watch(workspace)
        self.backup_action.setEnabled(workspace is not None)
        self.save_as_file_action.setEnabled(workspace is not None and workspace.is_server)
        self.transfer_action.setEnabled(workspace is not None and not workspace.is_server)
        self.import_action.setEnabled(workspace is not None)
        self.assign_action.setEnabled(workspace is not None)
        if workspace is None:
            self.setWindowTitle(APP_NAME)
            self.path_label.setText(QCoreApplication.translate("MainWindow", "Kein Arbeitsbereich geöffnet"))
            return
        self.setWindowTitle(f"{APP_NAME} – {_workspace_name(workspace)}")
        self.path_label.setText(QCoreApplication.translate("MainWindow", "Arbeitsbereich: {path}").format(
            path=workspace.location))
        self._select_defaults(overview)

    def _show_overview(self, overview: Overview) -> None:
        """Fill the region tree, the side lists, the data browser and the Import page from ``overview``."""
        self.browser.set_workspace(self.workspace, RegionIndex(overview.regions))
        self.regions.set_regions(overview.regions)
        self.indicators.set_indicators(overview.indicators)
        self.facilities.set_facilities(overview.facilities)
        self.import_page.set_workspace(self.workspace)

    def _selection_key(self) -> str | None:
        if self.workspace is None:
            return None
        return self.workspace.location if self.workspace.is_server else str(Path(self.workspace.path).resolve())

    def _remember_selection(self) -> None:
        """Keep the selected regions (by key) of the open workspace in the settings, for its next opening."""
        key = self._selection_key()
        by_id = {r.id: r.key for r in self.regions.model.nodes}
        keys = [by_id[i] for i in self.regions.selected_region_ids() if i in by_id]
        if key is None or not keys:
            return
        remembered = self.settings.get("region_selection")
        if remembered.get(key) != keys:
            remembered[key] = keys
            try:
                self.settings.set("region_selection", dict(list(remembered.items())[-50:]))
            except OSError:
                log.warning("could not save the settings", exc_info=True)

    def refresh_from_outside(self) -> None:
        """Another process changed the workspace (the watcher noticed): the same signal as the window's own
        changes, so every area refreshes itself and keeps what the user had selected."""
        if self.workspace is None or self.runner.busy():
            return
        self.notify_data_changed(OUTSIDE)
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Der Arbeitsbereich wurde von außen geändert; die Ansicht ist aktualisiert."), 10000)

    def _show_colleagues(self, text: str) -> None:
        self.colleagues_label.setText(text)
        self.colleagues_label.setVisible(bool(text))

    def notify_data_changed(self, reason: str) -> None:
        """Read the open workspace's lists once and announce them on :attr:`events` (``data_changed``)."""
        if self.workspace is None:
            return
        self.events.notify(DataChange(reason, self.workspace, load_overview(self.workspace)))

    def _data_changed(self, change: DataChange) -> None:
        """The window's part of ``data_changed``: the side panels and the Import page, keeping the selection."""
        if change.workspace is not self.workspace:
            return
        self.watcher.sync()  # the window's own change or one it has just taken in: not news at the next tick
        overview = change.overview
        if overview is None:
            return
        self._overview = overview  # for areas built later (build_areas)
        region_keys = {r.id: r.key for r in self.regions.model.nodes}
        selected = [region_keys[i] for i in self.regions.selected_region_ids() if i in region_keys]
        indicator = self.indicators.selected_indicator()
        self.regions.set_regions(overview.regions)
        self.indicators.set_indicators(overview.indicators)
        self.facilities.set_facilities(overview.facilities)
        self.import_page.set_workspace(self.workspace)
        ids = {r.key: r.id for r in overview.regions}
        kept = [ids[k] for k in selected if k in ids]
        match = next((i for i in overview.indicators if i.code == indicator.code), None) if indicator else None
        if kept:
            self.regions.select_regions(kept)
        if match is not None:
            self.indicators.select_indicator(match.id)
        if not kept or match is None:  # the first data of an empty workspace, or the selection is gone
            self._select_defaults(overview, regions=not kept, indicator=match is None)

    def select_region_key(self, key: str) -> None:
        """Select the region ``key`` in the tree (and so in table, chart and map)."""
        found = next((r.id for r in self.browser.region_index.rows if r.key == key), None)
        if found is not None:
            self.regions.select_regions([found])

    def _select_defaults(self, overview: Overview, *, regions: bool = True, indicator: bool = True) -> None:
        """Preselect the regions selected last time in this workspace, else its home region, else the Kreis
        (else the first top region), and the indicator with the most values (only ``regions`` or only
        ``indicator`` if asked)."""
        by_key = {r.key: r.id for r in overview.regions}
        remembered = [by_key[k] for k in self.settings.get("region_selection").get(self._selection_key() or "", [])
                      if k in by_key]
        home = home_region(self.workspace) if self.workspace is not None else None
        kreis = next((r.id for r in overview.regions if r.level == "kreis"), None)
        first = self.regions.model.nodes[0].id if self.regions.model.nodes else None
        chosen = remembered or [rid for rid in (by_key.get(home or ""), kreis, first) if rid is not None][:1]
        if chosen and regions:
            self.regions.select_regions(chosen)
        most = max(self.indicators.model.rows, key=lambda i: i.observations, default=None)
        if most is not None and most.observations and indicator:
            self.indicators.select_indicator(most.id)

    def _selection_changed(self) -> None:
        indicator: IndicatorRow | None = self.indicators.selected_indicator()
        self.browser.show_selection(indicator, self.regions.selected_region_ids())

    def open_path(self, path: Path | str, *, create: bool = False, build_demo: bool = False,
                  new_region: str | None = None) -> bool:
        """Open ``path`` — a file or a server address (``postgresql://…``) — (``create``: a new empty workspace;
        ``build_demo``: the demo if missing; ``new_region``: a NEW server workspace with this home region, refused
        when one of that name exists).

        Errors are shown in a message box, never raised; returns whether a workspace was opened. When a server
        asks for a password, the user is asked for it (and whether to keep it in the password file). Before a
        server workspace is migrated to this version's schema, :class:`MigrationDialog` warns and asks.
        """
        location: Path | str = path if is_server_address(path) else Path(path)
        if not self._maybe_save():
            return False
        password, store = "", False
        migrate = False
        while True:
            try:
                ws, overview = self._open_location(location, password, create=create, build_demo=build_demo,
                                                   new_region=new_region, migrate=migrate)
            except Cancelled:
                return False
            except MigrationDeclined as exc:
                from bildungsplaner.ui.workspace.transfer import MigrationDialog

                if migrate or not MigrationDialog(parse_address(str(location)).workspace, exc.revision, exc.head,
                                                  self).ask():
                    self.statusBar().showMessage(QCoreApplication.translate(
                        "MainWindow", "Nicht aktualisiert und nicht geöffnet; auf dem Server ist nichts geändert."),
                        10000)
                    return False
                migrate = True
                continue
            except Exception as exc:
                if isinstance(location, str) and team.needs_password(exc):
                    from bildungsplaner.ui.workspace.server import PasswordDialog

                    prompt = PasswordDialog(parse_address(location).display(), self, failed=bool(password))
                    if prompt.exec() != PasswordDialog.DialogCode.Accepted or not prompt.password:
                        return False
                    password, store = prompt.password, prompt.store
                    continue
                show_error(self, exc, QCoreApplication.translate("MainWindow", "Arbeitsbereich öffnen"))
                return False
            break
        self.set_workspace(ws, overview)
        self._remember(ws)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "{name} geöffnet.").format(
            name=_workspace_name(ws)), 5000)
        if password and store:
            self._offer_to_store_password(ws, password)
        return True

    def _open_location(self, location: Path | str, password: str, *, create: bool, build_demo: bool,
                       new_region: str | None = None, migrate: bool = False) -> tuple[Workspace, Overview]:
        """Open the workspace file or server address on the task runner (a progress dialog, cancellable);
        ``new_region``: create the server workspace first; ``migrate``: the user agreed to migrate it."""
        # the password joins the address unchanged otherwise (its TLS mode stays as chosen)
        opened = team.build_url(url=location, workspace="", sslmode="", password=password) if password else location

        def work(progress: tasks.TaskProgress) -> tuple[Workspace, Overview]:
            if build_demo and isinstance(location, Path):
                ws = open_or_create_default(location, progress)
            else:
                if new_region is not None and isinstance(opened, str):
                    create_workspace(opened, region=new_region or None)  # refuses an existing one
                # on a server a due migration is asked for first (MigrationDeclined back to open_path)
                ws = open_workspace(opened, create=create, confirm_migration=lambda _old, _new: migrate)
            try:
                progress.report(0.95, QCoreApplication.translate("MainWindow", "Übersicht wird gelesen …"))
                return ws, load_overview(ws)
            except BaseException:
                ws.close()
                raise

        name = parse_address(location).display() if isinstance(location, str) else location.name
        self.browser.cancel()  # a running load would otherwise delay the opening
        label = (QCoreApplication.translate("MainWindow", "{name} wird angelegt …") if new_region is not None
                 else QCoreApplication.translate("MainWindow", "{name} wird aktualisiert …") if migrate
                 else QCoreApplication.translate("MainWindow", "{name} wird geöffnet …"))
        result: tuple[Workspace, Overview] = self.runner.run_blocking(
            work, title=QCoreApplication.translate("MainWindow", "Arbeitsbereich öffnen"),
            label=label.format(name=name))
        return result

    def _offer_to_store_password(self, ws: Workspace, password: str) -> None:
        """The user ticked „Im Kennwortspeicher (pgpass) ablegen“: ask, then write libpq's password file."""
        from bildungsplaner.ui.workspace.server import confirm_store_password

        target = pgpass = None
        try:
            target, pgpass = team.connection_target(ws), team.pgpass_path()
            if target is None or not confirm_store_password(self, pgpass):
                return
            team.store_password(target, password, pgpass)
        except Exception as exc:
            show_error(self, exc, QCoreApplication.translate("MainWindow", "Kennwort speichern"))
            return
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Kennwort in {path} gespeichert.").format(path=pgpass), 10000)

    def _remember(self, ws: Workspace) -> None:
        try:
            if ws.is_server:  # the address without a password; not opened at start (it may ask for one)
                self.settings.add_recent_server(ws.location)
                return
            path = ws.path
            self.settings.add_recent_workspace(path)
            self.settings.set("last_workspace", str(Path(path).resolve()))
        except OSError:
            log.warning("could not save the settings", exc_info=True)

    def _start_dir(self) -> str:
        last = self.settings.get("last_directory")
        if last and Path(last).is_dir():
            return last
        if self.workspace is None or self.workspace.is_server:  # a server workspace has no folder
            return str(paths.data_dir())
        return str(self.workspace.path.parent)

    def _remember_dir(self, path: Path) -> None:
        try:
            self.settings.set("last_directory", str(Path(path).parent))
        except OSError:
            log.warning("could not save the settings", exc_info=True)

    # --- actions --------------------------------------------------------------------------------------------
    @guarded()
    def new_workspace(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Neuer Arbeitsbereich"),
            str(Path(self._start_dir()) / f"Arbeitsbereich{WORKSPACE_SUFFIX}"), _file_filter())
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        if path.exists():
            raise UserInputError(QCoreApplication.translate(
                "MainWindow", "Die Datei {name} gibt es schon. Wählen Sie einen neuen Namen oder öffnen Sie "
                              "sie mit „Öffnen…“.").format(name=path.name))
        self._remember_dir(path)
        dialog = HomeRegionDialog(self)
        if self.workspace is not None and (home := home_region(self.workspace)):
            dialog.select_key(home)
        if dialog.exec() != HomeRegionDialog.DialogCode.Accepted or dialog.region_key is None:
            return
        self.open_path(create_workspace(path, region=dialog.region_key))

    @guarded()
    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("MainWindow", "Arbeitsbereich öffnen"), self._start_dir(),
            _file_filter())
        if name:
            self._remember_dir(Path(name))
            self.open_path(Path(name))

    @guarded()
    def open_server_dialog(self) -> None:
        """Datei › „Server-Arbeitsbereich öffnen…“."""
        from bildungsplaner.ui.workspace.server import ServerDialog

        dialog = ServerDialog(self.settings.get("recent_servers"), self)
        if dialog.exec() == ServerDialog.DialogCode.Accepted and dialog.url:
            self.open_path(dialog.url)

    @guarded()
    def new_server_workspace(self) -> None:
        """Datei › „Neuer Server-Arbeitsbereich…“: server address and new name, the home region, then created
        (with progress, refused when the name exists) and opened."""
        from bildungsplaner.ui.workspace.server import NEW, ServerDialog

        dialog = ServerDialog(self.settings.get("recent_servers"), self, purpose=NEW)
        if dialog.exec() != ServerDialog.DialogCode.Accepted or not dialog.url:
            return
        region = HomeRegionDialog(self)
        if region.exec() != HomeRegionDialog.DialogCode.Accepted or region.region_key is None:
            return
        self.open_path(dialog.url, new_region=region.region_key)

    @guarded()
    def save_as_file(self) -> None:
        """Datei › „Als Datei sichern…“ (a server workspace)."""
        from bildungsplaner.ui.workspace import transfer

        transfer.save_as_file(self)

    @guarded()
    def transfer_to_server(self) -> None:
        """Datei › „Auf den Server übertragen…“ (a file workspace)."""
        from bildungsplaner.ui.workspace import transfer

        transfer.transfer_to_server(self)

    @guarded()
    def open_demo(self) -> None:
        self.open_path(paths.demo_workspace(), build_demo=True)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent_workspaces")
        for text in recent:
            path = Path(text)
            action = self.recent_menu.addAction(f"{path.name}  –  {path.parent}")
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "(keine)"))
            empty.setEnabled(False)

    @guarded()
    def create_backup(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        stamp = datetime.now().strftime("%Y-%m-%d_%H-%M")
        suggestion = paths.backups_dir() / f"{ws.path.stem}_Sicherung_{stamp}{WORKSPACE_SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Sicherung erstellen"), str(suggestion), _file_filter())
        if not name:
            return
        target = Path(name)
        if not target.suffix:
            target = target.with_name(target.name + WORKSPACE_SUFFIX)
        self.browser.cancel()
        written = self.runner.run_blocking(
            lambda progress: backup_workspace(ws, target, progress=progress),
            title=QCoreApplication.translate("MainWindow", "Sicherung erstellen"),
            label=QCoreApplication.translate("MainWindow", "Sicherung wird geschrieben …"))
        message = QCoreApplication.translate("MainWindow", "Sicherung geschrieben: {path}").format(path=written)
        self.statusBar().showMessage(message, 10000)
        QMessageBox.information(self, QCoreApplication.translate("MainWindow", "Sicherung erstellen"), message)

    @guarded()
    def import_dialog(self, path: Path | None = None) -> ImportWizard | None:
        """Open the import assistant (with ``path`` already chosen, e.g. a file dropped on the window)."""
        if self.workspace is None:
            raise UserInputError(QCoreApplication.translate(
                "MainWindow", "Bitte öffnen Sie zuerst einen Arbeitsbereich; in ihn werden die Daten importiert."))
        if self.import_wizard is not None and self.import_wizard.isVisible():
            if self.import_wizard.running_panel() is None and path is not None:
                self.import_wizard.restart()
                self.import_wizard.file_page.path_edit.setText(str(path))
            self.import_wizard.raise_()
            self.import_wizard.activateWindow()
            return self.import_wizard
        if self.import_wizard is not None:
            self.import_wizard.deleteLater()
        self.browser.cancel()
        from bildungsplaner.ui.importing.wizard import ImportWizard

        wizard = ImportWizard(self.workspace, self.runner, self, path=path, start_dir=self._start_dir())
        wizard.imported.connect(self.show_imported)
        wizard.boundaries_imported.connect(self.show_boundaries_imported)
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def show_imported(self, report: ImportReport) -> None:
        """Reload the panels after an import and show the imported indicator in the data browser."""
        if self.workspace is None:
            return
        self.notify_data_changed(IMPORT)
        codes = report.indicators
        indicator = next((i for i in self.indicators.model.rows if codes and i.code == codes[0]), None)
        if indicator is not None:
            self.indicators.select_indicator(indicator.id)
        self.areas.setCurrentWidget(self.browser)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "{name} importiert.").format(
            name=report.file_name), 10000)

    def show_boundaries_imported(self, report: object) -> None:
        """Reload after a boundary import (its layer, and regions it created)."""
        self.notify_data_changed(IMPORT)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Gebietsgrenzen „{layer}“ importiert.")
                                     .format(layer=getattr(report, "layer", "")), 10000)

    @guarded()
    def assign_facilities_dialog(self) -> AssignDialog | None:
        """„Einrichtungen den Gebieten zuordnen…“: preview, then place the facilities in the areas of a level."""
        if self.workspace is None:
            raise UserInputError(QCoreApplication.translate(
                "MainWindow", "Bitte öffnen Sie zuerst einen Arbeitsbereich."))
        from bildungsplaner.ui.importing.boundaries import AssignDialog

        dialog = AssignDialog(self.workspace, self.runner, self)
        dialog.assigned.connect(lambda report: self.notify_data_changed(IMPORT))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    @guarded()
    def delete_import(self, row: DatasetRow) -> bool:
        """Take the import ``row`` back after asking (see :func:`~bildungsplaner.services.importing.delete_import`)."""
        if self.workspace is None:
            return False
        ws = self.workspace
        older = [d.id for d in self.import_page.model.rows if d.superseded_by == row.id] \
            if row.superseded_by is None else []  # a replaced import's predecessors stay replaced
        text = QCoreApplication.translate("MainWindow", "Import Nr. {id} ({file}) löschen?").format(
            id=row.id, file=row.file_name)
        if row.observations or not row.facilities:
            text += " " + QCoreApplication.translate(
                "MainWindow", "Seine {count} Werte werden aus dem Arbeitsbereich entfernt.").format(
                count=format_number(row.observations))
        if row.facilities:
            text += " " + QCoreApplication.translate(
                "MainWindow", "Die {count} Einrichtungen, die er geliefert hat, bekommen ihren Stand vor dem Import "
                              "zurück; die er neu angelegt hat, werden entfernt.").format(
                count=format_number(row.facilities))
        if older:
            text += " " + QCoreApplication.translate(
                "MainWindow", "Der ältere Stand derselben Tabelle (Nr. {ids}) gilt dann wieder.").format(
                ids=", ".join(map(str, older)))
        text += " " + QCoreApplication.translate(
            "MainWindow", "Gebiete, die er angelegt hat und die nichts anderes nutzt, werden entfernt. Rückgängig "
                          "machen lässt sich das Löschen nur mit einer Sicherung.")
        answer = QMessageBox.question(self, QCoreApplication.translate("MainWindow", "Import löschen"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.browser.cancel()
        from bildungsplaner.services.importing import delete_import

        gone = self.runner.run_blocking(lambda _progress: delete_import(ws, row.id),
                                        title=QCoreApplication.translate("MainWindow", "Import löschen"))
        self.notify_data_changed(DELETE)
        message = QCoreApplication.translate("MainWindow", "Import Nr. {id} gelöscht, {count} Werte entfernt.").format(
            id=gone.dataset, count=format_number(gone.observations))
        if gone.facilities_removed or gone.facilities_restored:
            message += " " + QCoreApplication.translate(
                "MainWindow", "Einrichtungen: {removed} entfernt, {restored} auf den Stand davor zurückgesetzt."
            ).format(removed=format_number(gone.facilities_removed), restored=format_number(gone.facilities_restored))
        self.statusBar().showMessage(message, 10000)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from bildungsplaner.ui.importing.pages import local_files

        if self.workspace is not None and local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A file dropped on the window opens the import assistant with it."""
        from bildungsplaner.ui.importing.pages import local_files

        files = local_files(event)
        if files and self.workspace is not None:
            event.acceptProposedAction()
            self.import_dialog(files[0])

    @guarded()
    def copy(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self.browser.pivot.table:
            self.browser.pivot.copy(selection=True)
        elif isinstance(focus, QAbstractItemView) and focus is not self.browser.table:
            copy_item_view(focus)
        else:
            self.browser.copy_selection()

    def show_area(self, index: int) -> None:
        """Strg+1 … Strg+9: the work area of that tab, with the keyboard focus on the tab bar (Tab goes on into
        the area)."""
        if 0 <= index < self.areas.count():
            self.areas.setCurrentIndex(index)
            self.areas.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _name_area_actions(self) -> None:
        """The menu Ansicht › Bereich shows one entry per tab, named like the tab."""
        for index, action in enumerate(self.area_actions):
            present = index < self.areas.count()
            action.setVisible(present)
            action.setText(self.areas.tabText(index) if present else "")

    def show_value_table(self) -> None:
        """The text alternative of the chart and the map: the Werte table with the same numbers, focused."""
        self.areas.setCurrentWidget(self.browser)
        self.browser.show_table()

    def focus_find(self) -> None:
        self.areas.setCurrentWidget(self.browser)
        self.browser.focus_filter()

    @guarded()
    def about(self) -> None:
        show_about(self, self.workspace.path if self.workspace else None)

    def show_help(self) -> HelpDialog:
        """The handbook beside the window (one instance, raised again on the next F1), at the current tab's topic."""
        topics = {self.browser: "daten", self.import_page: "import"}
        if self._areas_built:
            topics.update({self.planning: "planung", self.kennzahlen: "kennzahlen", self.export_panel: "export",
                           self.report: "bericht"})
        topic = topics.get(self.areas.currentWidget())
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self, topic=topic)
        else:
            self.help_dialog.show_topic(topic)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def show_licenses(self) -> LicenseDialog:
        dialog = LicenseDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- window layout (size, position, dividers) kept between sessions ---------------------------------------
    def _layout_parts(self) -> dict[str, tuple[Callable[[], QByteArray], Callable[[QByteArray], bool]]]:
        return {"geometry": (self.saveGeometry, self.restoreGeometry),
                "main": (self.main_splitter.saveState, self.main_splitter.restoreState),
                "left": (self.left_splitter.saveState, self.left_splitter.restoreState)}

    def save_layout(self) -> None:
        with contextlib.suppress(OSError):  # a read-only data folder: a convenience, not worth a message
            self.settings.set("window_layout", {name: bytes(save().toBase64()).decode("ascii")
                                                for name, (save, _restore) in self._layout_parts().items()})

    def restore_layout(self) -> bool:
        """Size, position and dividers as the user left them (a damaged value is ignored); True if any."""
        stored = self.settings.get("window_layout")
        restored = False
        for name, (_save, restore) in self._layout_parts().items():
            value = stored.get(name)
            if isinstance(value, str) and value:
                restored = bool(restore(QByteArray.fromBase64(value.encode("ascii")))) or restored
        return restored

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._maybe_save():
            event.ignore()
            return
        self.save_layout()
        self._remember_selection()
        self.browser.cancel()
        self.runner.wait()
        if self.workspace is not None and self._owns_workspace:
            self.workspace.close()
        self.workspace = None
        super().closeEvent(event)


def copy_item_view(view: QAbstractItemView) -> str:
    """Copy the selected cells of a small view (side panels) as tab-separated text."""
    model = view.model()
    indexes = view.selectedIndexes()
    if model is None or not indexes:
        return ""

    def row_key(index: QModelIndex) -> tuple[int, int]:
        parent = index.parent()
        return (int(parent.internalId()) if parent.isValid() else -1, index.row())

    rows = sorted({row_key(i) for i in indexes})
    columns = sorted({i.column() for i in indexes})
    cells = {(row_key(i), i.column()): str(i.data() or "") for i in indexes}
    lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
    lines += ["\t".join(cells.get((r, c), "") for c in columns) for r in rows]
    text = "\n".join(lines) + "\n"
    QGuiApplication.clipboard().setText(text)
    return text
