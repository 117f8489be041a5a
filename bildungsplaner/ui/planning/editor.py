"""The "Planung" area: the saved scenarios of the workspace, the editor of the open one, and a comparison.

The editor holds one scenario at a time (``spec``) with its own ``QUndoStack``. Every change is an
:class:`~bildungsplaner.ui.planning.commands.Edit`, validated before it goes on the stack (an invalid edit
shows its German message and changes nothing). After each change the result is recomputed at once: the
inputs (recipients and their values, or population and capacity) are collected from the workspace on the
task runner only when the parts of the spec they depend on change
(:func:`~bildungsplaner.services.planning_inputs.inputs_key`); otherwise the pure planning function runs on
the cached inputs, which keeps dragging a weight fluid. Collecting is a
:class:`~bildungsplaner.ui.common.tasks.LatestTask`: a newer collection cancels the one it replaces.

The editor listens to the window's ``data_changed`` (:mod:`bildungsplaner.ui.common.events`): after an import, a
deletion or a change by another process it re-reads its choices and the scenario list, keeps the open scenario
and recollects its inputs; after its own scenario writes it announces them there.

Unsaved changes are never dropped silently: :meth:`PlanningEditor.maybe_save` asks Speichern / Verwerfen /
Abbrechen before another scenario is opened, and the main window calls it before closing or opening another
workspace. Against a crash or a power cut, unsaved changes are also written as a draft
(:mod:`bildungsplaner.drafts`) shortly after each edit; saving or discarding removes it, and a draft still
there when the workspace is opened again is offered for restoring.

Colleagues (team mode) never overwrite each other: the editor remembers the stored scenario's id and version it
loaded (:attr:`PlanningEditor.loaded`) and saves only over that version (``services/scenarios.py``). When a
colleague saved it meanwhile the save is refused and :meth:`PlanningEditor.resolve_stale` offers „Neu laden“
(the colleague's version, after confirming that the own edits go), „Als Kopie speichern“ (under a new name) or
„Abbrechen“ (keep editing; the draft stays). When the window notices others' changes, an open scenario without
edits follows the colleague's version silently; one with edits is left alone and its title says that a newer
version is stored.

Each kind of scenario has its editor widget: :data:`EDITORS` maps a spec's type to the class of its editor (as
napari's ``layer_to_controls``); the area makes one of each and shows the one of the open spec's type. A new kind
of scenario is one more entry there (``tests/ui/test_planning_kinds.py`` checks that every kind has one).
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError, drafts
from bildungsplaner.exporting.safety import atomic_target
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation_spec import AllocationSpec
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
from bildungsplaner.services import scenarios as scenario_service
from bildungsplaner.services.browse import Overview
from bildungsplaner.services.planning_inputs import ScenarioInputs, collect_inputs, compute, inputs_key
from bildungsplaner.services.planning_population import population_choices
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.dialogs import error_text, guarded, show_error
from bildungsplaner.ui.common.events import SCENARIOS, DataChange, WorkspaceEvents
from bildungsplaner.ui.common.labels import kind_label, level_label
from bildungsplaner.ui.planning.allocation import AllocationEditor
from bildungsplaner.ui.planning.commands import Edit, SpecCommand
from bildungsplaner.ui.planning.compare import ComparisonView
from bildungsplaner.ui.planning.demand import DemandEditor
from bildungsplaner.ui.planning.models import ScenarioListModel
from bildungsplaner.ui.planning.new_demand import NewDemandDialog
from bildungsplaner.ui.planning.templates import facility_hint, new_allocation, unique_name

__all__ = ["EDITORS", "KindEditor", "PlanningEditor", "editor_for"]

KindEditor = AllocationEditor | DemandEditor
#: the editor of each kind of scenario: a spec's type → its editor widget's class (see the module docstring)
EDITORS: dict[type[ScenarioSpec], type[KindEditor]] = {AllocationSpec: AllocationEditor, DemandSpec: DemandEditor}

Buttons = QMessageBox.StandardButton
log = logging.getLogger(__name__)
# a draft is written this long after the last edit (a slider drag writes once, not per step)
DRAFT_DELAY_MS = 800
#: the scenario list's width at the start (the editor takes the rest; 1280 pixels wide screens are common)
LIST_WIDTH = 210


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def editor_for(editors: dict[type[ScenarioSpec], KindEditor], spec: ScenarioSpec) -> KindEditor:
    """The editor in ``editors`` (one per spec type) for ``spec``; a subclass of a spec type has its editor."""
    for spec_type in type(spec).__mro__:
        if spec_type in editors:
            return editors[spec_type]
    raise KeyError(f"no editor for {type(spec).__qualname__}")


class PlanningEditor(QWidget):
    """Scenario list, editor (allocation or demand), comparison. See the module docstring."""

    #: the saved scenarios as just read (list of SavedScenario), after opening, saving, renaming, deleting
    scenarios_changed = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, runner: tasks.TaskRunner, parent: QWidget | None = None, *,
                 events: WorkspaceEvents | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningPage")
        self.runner = runner
        self.events = events
        if events is not None:
            events.data_changed.connect(self.data_changed)
        self.workspace: Workspace | None = None
        self.spec: ScenarioSpec | None = None
        self.saved_text: str | None = None  # the text stored in the workspace; None: not stored yet
        #: the stored scenario's id and version the open one was loaded from (saves go only over that version)
        self.loaded: scenario_service.Expected | None = None
        self.result: PlanningResult | None = None
        self.error: str | None = None
        self.compute_ms = 0.0
        self._inputs: ScenarioInputs | None = None
        self._collect = tasks.LatestTask(runner)
        self._dirty = False
        self._levels: list[str] = []
        self._hint: tuple[str, str] | None = None
        self.indicators: list[Any] = []  # the workspace's indicators (for a new demand scenario)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._stack_changed)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._draft_workspace: Path | str | None = None  # the workspace a draft was written for (drafts.location_of)
        self._save_when_computed: str | None = None  # a new scenario: stored once its first result is there

        self.model = ScenarioListModel(self)
        self.list = QTableView()
        self.list.setObjectName("scenarioList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._list_selection_changed())
        self.list.setAccessibleName(tr("Szenarien"))
        self.list.setAccessibleDescription(tr(
            "Die gespeicherten Szenarien; die Pfeiltasten wählen und öffnen, F2 benennt um, Entf löscht, "
            "Strg+D dupliziert"))
        self.list.setTabKeyNavigation(False)

        self._build_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        new_button = QToolButton()
        new_button.setText(tr("Neu"))
        new_button.setObjectName("newScenario")
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(new_button)
        menu.addAction(self.new_allocation_action)
        menu.addAction(self.new_demand_action)
        new_button.setMenu(menu)
        toolbar.addWidget(new_button)
        for action in (self.duplicate_action, self.rename_action):
            toolbar.addAction(action)
        # the commands in two rows: in one they need more than the list's width (389 px, 556 with 150 % text)
        # and the last ones would hide behind the toolbar's »
        more_bar = QToolBar()
        more_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.delete_action, self.open_file_action):
            more_bar.addAction(action)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(f"<b>{tr('Szenarien')}</b>"))
        for bar, name in ((toolbar, tr("Szenario-Befehle")), (more_bar, tr("Weitere Szenario-Befehle"))):
            left_layout.addWidget(bar)
            self._name_toolbar(bar, name)
        left_layout.addWidget(self.list, 1)
        left.setMinimumWidth(max(toolbar.sizeHint().width(), more_bar.sizeHint().width()))

        self.title = QLabel()
        self.title.setObjectName("scenarioTitle")
        self.title.setWordWrap(True)  # a long name wraps rather than pushing the commands behind »
        edit_bar = QToolBar()
        edit_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.save_action, self.save_file_action, self.undo_action, self.redo_action):
            edit_bar.addAction(action)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(edit_bar)
        self._name_toolbar(edit_bar, tr("Speichern und Rückgängig"))
        edit_bar.setMinimumWidth(edit_bar.sizeHint().width())

        self.editors: dict[type[ScenarioSpec], KindEditor] = {
            spec_type: editor_class(self) for spec_type, editor_class in EDITORS.items()}
        # the two editors by name, for what only one kind has (its sources and regions) and for the tests
        self.allocation = cast(AllocationEditor, self.editors[AllocationSpec])
        self.demand = cast(DemandEditor, self.editors[DemandSpec])
        #: how a new scenario of each kind starts (None: the user cancelled); same keys as EDITORS
        self.starts: dict[type[ScenarioSpec], Callable[[set[str]], ScenarioSpec | None]] = {
            AllocationSpec: self._new_allocation, DemandSpec: self._ask_demand}
        self.empty = QLabel(tr("Wählen Sie links ein Szenario oder legen Sie mit „Neu“ eines an."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for widget in (self.empty, *self.editors.values()):
            self.stack.addWidget(widget)
        editor_page = QWidget()
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(header)
        editor_layout.addWidget(self.stack, 1)
        self.comparison = ComparisonView(runner, lambda: self.workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("planningTabs")
        self.tabs.addTab(editor_page, tr("Szenario"))
        self.tabs.addTab(self.comparison, tr("Vergleich"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([max(LIST_WIDTH, left.minimumWidth()), 1000])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_state()

    @staticmethod
    def _name_toolbar(toolbar: QToolBar, name: str) -> None:
        """A toolbar and its „more“ button (shown when it is too narrow) read with a name."""
        toolbar.setAccessibleName(name)
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName(tr("Weitere Befehle: {toolbar}").format(toolbar=name))

    def _action(self, text: str, slot: Any, shortcut: str | QKeySequence | None = None, tip: str = "",
                context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(context)
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _list_action(self, action: QAction) -> QAction:
        """An action whose shortcut works in the scenario list only (Entf in a table must not delete)."""
        self.removeAction(action)
        self.list.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_allocation_action = self._action(tr("Verteilungsszenario"), lambda: self.new_scenario(AllocationSpec),
                                                  "Ctrl+Shift+N", tr("Ein neues Verteilungsszenario anlegen"))
        self.new_demand_action = self._action(tr("Bedarfsszenario"), lambda: self.new_scenario(DemandSpec), None,
                                              tr("Ein neues Bedarfsszenario anlegen"))
        self.duplicate_action = self._action(tr("Duplizieren"), self.duplicate, "Ctrl+D",
                                             tr("Eine Kopie des gewählten Szenarios anlegen"))
        self.rename_action = self._action(tr("Umbenennen…"), self.rename, "F2", tr("Das gewählte Szenario umbenennen"))
        self.delete_action = self._action(tr("Löschen…"), self.delete, QKeySequence(keys.Delete),
                                          tr("Das gewählte Szenario löschen"))
        self.open_file_action = self._action(tr("Datei öffnen…"), self.open_file, "Ctrl+Shift+O",
                                             tr("Eine Szenariodatei (*.toml) öffnen"))
        self.save_action = self._action(tr("Speichern"), self.save_clicked, QKeySequence(keys.Save),
                                        tr("Das Szenario im Arbeitsbereich speichern (Strg+S)"),
                                        Qt.ShortcutContext.WindowShortcut)
        self.save_file_action = self._action(tr("Als TOML-Datei…"), self.save_file, "Ctrl+Shift+S",
                                             tr("Das Szenario als Szenariodatei (TOML) speichern"))
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            self._list_action(action)
        self.undo_action = self.undo_stack.createUndoAction(self, tr("Rückgängig"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Wiederholen"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])

    # --- workspace ------------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None, overview: Overview | None = None) -> None:
        """Show the scenarios of ``workspace``; the open scenario is closed without asking (the window asks
        first, see :meth:`maybe_save`)."""
        same = workspace is not None and workspace is self.workspace
        self.workspace = workspace
        self._inputs = None  # the data may differ (another workspace, an import)
        if not same:
            self._close_document()
        sources, levels, kinds, regions = [], [], [], []
        if overview is not None:
            numeric = sorted({k for f in overview.facilities for k, v in f.attributes.items()
                              if "." not in k and isinstance(v, int | float) and not isinstance(v, bool)})
            sources = [f"attribute:{k}" for k in numeric] + [f"indicator:{i.code}" for i in overview.indicators]
            levels = sorted({r.level for r in overview.regions})
            kinds = sorted({f.kind for f in overview.facilities})
            regions = [(r.key, r.name, level_label(r.level)) for r in overview.regions]
        for editor in self.editors.values():
            editor.set_choices(sources, levels, kinds, regions)
        self.indicators = list(overview.indicators) if overview is not None else []
        self.allocation.region_rows = self.comparison.region_rows = list(overview.regions) if overview else []
        self._levels = levels
        self._hint = facility_hint(overview.facilities) if overview is not None else None
        self.refresh_list()
        if same and self.spec is not None:
            # the same workspace again (after an import, a colleague's change): keep the edits; an unedited
            # scenario a colleague changed follows the stored version instead
            if not self._follow_colleague():
                self.editor().show_spec(self.spec)
                self.recompute()
        elif workspace is not None:  # after the window is shown: a draft left by a crash?
            QTimer.singleShot(0, self, lambda: self.offer_draft(workspace))  # (dropped if self is deleted)

    def _stored_now(self) -> scenario_service.SavedScenario | None:
        """The list's entry of the stored scenario the open one was loaded from (``None``: not stored or gone)."""
        if self.loaded is None:
            return None
        return next((r for r in self.model.rows if r.id == self.loaded.id), None)

    def _follow_colleague(self) -> bool:
        """After the list was read again: an open scenario without edits whose stored version a colleague
        changed (or renamed, or deleted) follows it silently; True if it did. One with edits is left as it is."""
        if self.loaded is None or self.saved_text is None or self.is_dirty():
            return False
        now = self._stored_now()
        if now is not None and now.version == self.loaded.version:
            return False
        if now is None:  # deleted by a colleague: nothing of ours to keep
            self._close_document()
            return True
        try:
            saved = scenario_service.get_scenario(self.workspace, now.name)
            spec = saved.spec
        except UserInputError:  # gone again or unreadable: keep what is shown
            log.debug("scenario %s not reloaded", now.name, exc_info=True)
            return False
        self._load(spec, saved.text, saved.expected)
        self._select_in_list(saved.name)
        self._update_state()
        return True

    def data_changed(self, change: DataChange) -> None:
        """The workspace's data changed (import, deletion, another process): new choices, list and inputs."""
        if change.overview is not None and change.workspace is self.workspace:
            self.set_workspace(change.workspace, change.overview)

    def _announce(self) -> None:
        """Tell the window that the saved scenarios changed (after a save, duplicate, rename or delete)."""
        if self.events is not None and self.workspace is not None:
            self.events.notify(DataChange(SCENARIOS, self.workspace))

    def refresh_list(self) -> None:
        rows = scenario_service.list_scenarios(self.workspace) if self.workspace is not None else []
        with QSignalBlocker(self.list.selectionModel()):  # the model reset clears the selection too
            self.model.set_rows(rows)
        self._select_in_list(self.current_name)
        self.list.resizeColumnToContents(0)
        self.comparison.set_scenarios(rows)
        self._update_state()
        self.scenarios_changed.emit(rows)

    def _select_in_list(self, name: str | None) -> None:
        """Select ``name`` in the list (nothing for ``None``) without the list's reaction to a user's choice."""
        row = self.model.row_of(name) if name else -1
        selection = self.list.selectionModel()
        with QSignalBlocker(selection):
            if row < 0:
                selection.clearSelection()
            else:
                selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)

    def selected_name(self) -> str | None:
        rows = self.list.selectionModel().selectedRows(0)
        return self.model.rows[rows[0].row()].name if rows else None

    @property
    def current_name(self) -> str | None:
        """The name under which the open scenario is stored (None: not stored yet)."""
        return self.spec.name if self.spec is not None and self.saved_text is not None else None

    # --- the open scenario ----------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.spec is not None and (self.saved_text is None or scenario_files.dumps(self.spec) !=
                                          self.saved_text)

    def _close_document(self) -> None:
        self._load(None, None)

    def _load(self, spec: ScenarioSpec | None, saved_text: str | None,
              loaded: scenario_service.Expected | None = None) -> None:
        self._collect.cancel()  # inputs of the scenario closed here are of no use
        self.undo_stack.clear()
        self.spec, self.saved_text = spec, saved_text
        self.loaded = loaded if saved_text is not None else None
        self.result, self.error = None, None
        if spec is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            editor = self.editor()
            editor.show_spec(spec)
            self.stack.setCurrentWidget(editor)
            self.recompute()
        self._update_state()

    def editor(self) -> KindEditor:
        """The editor of the open scenario's kind."""
        assert self.spec is not None
        return editor_for(self.editors, self.spec)

    def set_spec(self, spec: ScenarioSpec) -> None:
        """Called by the undo commands: show ``spec`` and recompute."""
        self.spec = spec
        self.editor().show_spec(spec)
        self.recompute()

    def push(self, edit: Edit, merge_key: Any = None) -> bool:
        """Validate ``edit`` and put it on the undo stack (which applies it); False with a message if invalid."""
        if self.spec is None or edit.is_noop(self.spec):
            return False
        try:
            edit.apply(self.spec)
        except UserInputError as exc:
            self.editor().show_spec(self.spec)  # the widgets show the spec again, not the refused value
            self.editor().show_validation(str(exc))
            return False
        self.undo_stack.push(SpecCommand(self, edit, merge_key))
        return True

    def _list_selection_changed(self) -> None:
        name = self.selected_name()
        self._update_state()
        if name is None or name == self.current_name:
            return
        if not self.open_scenario(name):
            self._select_in_list(self.current_name)
            self._update_state()

    def open_scenario(self, name: str) -> bool:
        """Open the saved scenario ``name`` (asking about unsaved changes first)."""
        if self.workspace is None or not self.maybe_save():
            return False
        try:
            saved = scenario_service.get_scenario(self.workspace, name)
            spec = saved.spec
        except UserInputError as exc:
            show_error(self, exc, tr("Szenario öffnen"))
            return False
        self._load(spec, saved.text, saved.expected)  # (recompute keeps the collected inputs if they still fit)
        self._select_in_list(name)
        self._update_state()
        return True

    # --- computing ------------------------------------------------------------------------------------------
    def recompute(self) -> None:
        """Recompute the result of the open spec: at once on cached inputs, else after collecting them."""
        if self.spec is None or self.workspace is None:
            return
        spec, ws = self.spec, self.workspace
        key = inputs_key(spec)
        if self._inputs is not None and self._inputs.key == key:
            self._collect.cancel()  # a collection for an earlier state is of no use any more
            self._compute(spec)
            return

        def done(inputs: ScenarioInputs) -> None:
            self._inputs = inputs
            self._compute(self.spec)

        def failed(exc: BaseException) -> None:
            self._show_result(None, error_text(exc))

        self.editor().show_result(None, None)
        self._collect.start(lambda progress: collect_inputs(ws, spec, progress), title=tr("Daten zusammenstellen"),
                          on_done=done, on_error=failed, show_dialog=False)

    def _compute(self, spec: ScenarioSpec) -> None:
        assert self._inputs is not None
        start = time.perf_counter()
        try:
            result, error = compute(spec, self._inputs), None
        except UserInputError as exc:
            result, error = None, str(exc)
        self.compute_ms = (time.perf_counter() - start) * 1000
        self._show_result(result, error)

    def _show_result(self, result: PlanningResult | None, error: str | None) -> None:
        self.result, self.error = result, error
        self.editor().show_result(result, error)
        pending, self._save_when_computed = self._save_when_computed, None
        if pending is not None and result is not None and self.spec is not None and self.spec.name == pending \
                and self.saved_text is None:
            self.save()  # a new scenario that computes is stored at once (one that fails waits for „Speichern“)

    # --- state ----------------------------------------------------------------------------------------------
    def _stack_changed(self, _index: int) -> None:
        if shiboken6.isValid(self.title):  # the stack may outlive the widgets while the window is destroyed
            self._update_state()

    def _update_state(self) -> None:
        has_ws, has_spec = self.workspace is not None, self.spec is not None
        selected = self.selected_name() is not None
        for action in (self.new_allocation_action, self.new_demand_action, self.open_file_action):
            action.setEnabled(has_ws)
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            action.setEnabled(has_ws and selected)
        dirty = self.is_dirty()
        self.save_action.setEnabled(has_ws and has_spec and dirty)
        self.save_file_action.setEnabled(has_spec)
        if self.spec is not None:
            kind = kind_label(self.spec.kind)
            mark = tr(" – ungespeicherte Änderungen") if dirty else ""
            now = self._stored_now()
            if dirty and now is not None and self.loaded is not None and now.version != self.loaded.version:
                mark += tr(" – inzwischen von {who} gespeichert").format(who=html.escape(now.changed_by or "?"))
            self.title.setText(f"<h3>{html.escape(self.spec.name)} <small>({kind}){mark}</small></h3>")
        else:
            self.title.setText("")
        if dirty:
            self._draft_timer.start()  # (re)started: written once the edits pause
        if dirty != self._dirty:
            self._dirty = dirty
            if not dirty:  # saved, discarded, or undone back to the saved state
                self._drop_draft()
            self.dirty_changed.emit(dirty)

    # --- drafts (see the module docstring) ------------------------------------------------------------------
    def write_draft(self) -> None:
        """Keep the unsaved changes on disk (called by the timer; at once in tests)."""
        if self.workspace is None or not self.is_dirty():
            return
        try:
            where = drafts.location_of(self.workspace)
            loaded = self.loaded if self.current_name is not None else None
            drafts.write_draft(where, self.current_name, scenario_files.dumps(self.spec),
                               stored_id=loaded.id if loaded else None,
                               stored_version=loaded.version if loaded else None)
            self._draft_workspace = where
        except OSError as exc:  # a safety net only: editing goes on, the log says why
            log.warning("Entwurf nicht geschrieben: %s", exc)

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        if self._draft_workspace is not None:
            drafts.discard_draft(self._draft_workspace)
            self._draft_workspace = None

    def offer_draft(self, workspace: Workspace) -> bool:
        """Offer to restore the draft left for ``workspace`` (True: restored)."""
        if workspace is not self.workspace or self.is_dirty():
            return False
        where = drafts.location_of(workspace)
        draft = drafts.read_draft(where)
        if draft is None:
            return False
        name = draft.stored_name or tr("(noch nicht gespeichert)")
        answer = QMessageBox.question(
            self, tr("Ungespeicherte Änderungen wiederherstellen"),
            tr("Das Programm wurde beendet, bevor die Änderungen am Szenario „{name}“ gespeichert waren "
               "(Stand {time}). Sollen sie wiederhergestellt werden? Sie können sie danach speichern oder "
               "verwerfen.").format(name=name, time=f"{draft.written_at.astimezone():%d.%m.%Y %H:%M}"),
            Buttons.Yes | Buttons.No, Buttons.Yes)
        if answer != Buttons.Yes:
            drafts.discard_draft(where)
            return False
        try:
            spec = scenario_files.parse(draft.text, tr("Entwurf"))
            saved, loaded = None, None
            if draft.stored_name is not None and self.model.row_of(draft.stored_name) >= 0:
                stored = scenario_service.get_scenario(workspace, draft.stored_name)
                saved = stored.text
                # the version the edits started from: a colleague's later save is not overwritten unseen
                loaded = (scenario_service.Expected(draft.stored_id, draft.stored_version)
                          if draft.stored_id is not None and draft.stored_version is not None else stored.expected)
        except UserInputError as exc:
            drafts.discard_draft(where)
            show_error(self, exc, tr("Ungespeicherte Änderungen wiederherstellen"))
            return False
        self._draft_workspace = where
        self._load(spec, saved, loaded)
        self._select_in_list(self.current_name)
        self._update_state()
        return True

    def maybe_save(self) -> bool:
        """With unsaved changes ask Speichern / Verwerfen / Abbrechen; True: go on (saved or discarded)."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, tr("Ungespeicherte Änderungen"),
            tr("Das Szenario „{name}“ hat ungespeicherte Änderungen. Sollen sie gespeichert werden?").format(
                name=self.spec.name),
            Buttons.Save | Buttons.Discard | Buttons.Cancel, Buttons.Save)
        if answer in (Buttons.Save, Buttons.Yes):
            return self.save()
        if answer in (Buttons.Discard, Buttons.No):
            self._close_document()
            return True
        return False

    # --- actions --------------------------------------------------------------------------------------------
    def _write(self, fn: Any, title: str) -> Any:
        """Run a workspace write on the task runner (one writer at a time) and wait for it."""
        return self.runner.run_blocking(lambda _progress: fn(), title=title)

    @guarded()
    def save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the open scenario (with its result) in the workspace; False if refused or failed."""
        if self.spec is None or self.workspace is None:
            return False
        ws, spec = self.workspace, self.spec
        listed = next((r for r in self.model.rows if r.name == spec.name), None)
        expected = (self.loaded or (listed.expected if listed is not None else None)) \
            if self.saved_text is not None else None
        if self.saved_text is None and listed is not None:
            answer = QMessageBox.question(self, tr("Szenario speichern"), tr(
                "Ein Szenario „{name}“ gibt es schon im Arbeitsbereich. Ersetzen?").format(name=spec.name),
                Buttons.Yes | Buttons.No, Buttons.No)
            if answer != Buttons.Yes:
                return False
            expected = listed.expected  # replaces the version the list shows, not one stored since
        result = self.result.to_json_dict() if self.result is not None else None
        try:
            saved = self._write(lambda: scenario_service.save_scenario(ws, spec, result=result, expected=expected,
                                                                       replace=False), tr("Szenario speichern"))
        except scenario_service.StaleScenarioError as exc:
            return self.resolve_stale(exc)
        except Exception as exc:
            show_error(self, exc, tr("Szenario speichern"))
            self.refresh_list()  # (a colleague may just have created the name: the list shows it now)
            return False
        self._saved(saved)
        return True

    def _saved(self, saved: scenario_service.SavedScenario) -> None:
        """The open scenario is stored as ``saved``: it is the version further saves expect."""
        self.saved_text, self.loaded = saved.text, saved.expected
        self.undo_stack.setClean()
        self.refresh_list()
        self._announce()

    def ask_stale(self, exc: scenario_service.StaleScenarioError) -> str:
        """Ask what to do about a save refused because a colleague saved (or deleted) the scenario meanwhile:
        "reload", "copy" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Szenario speichern"), str(exc), Buttons.NoButton, self)
        box.setObjectName("staleScenarioBox")
        reload = box.addButton(tr("Neu laden"), QMessageBox.ButtonRole.DestructiveRole) if not exc.deleted else None
        copy = box.addButton(tr("Als Kopie speichern"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(copy)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if reload is not None and clicked is reload:
            return "reload"
        return "copy" if clicked is copy else "cancel"

    def resolve_stale(self, exc: scenario_service.StaleScenarioError) -> bool:
        """„Neu laden“, „Als Kopie speichern“ or „Abbrechen“ after a refused save (see the module docstring);
        True only if the edits are stored now (as a copy)."""
        self.refresh_list()  # the list shows the colleague's version (and the title says so)
        choice = self.ask_stale(exc)
        if choice == "reload":
            answer = QMessageBox.question(self, tr("Neu laden"), tr(
                "Ihre Änderungen am Szenario „{name}“ verwerfen und die von {who} gespeicherte Fassung laden?").format(
                name=self.spec.name if self.spec is not None else exc.name, who=exc.changed_by or "?"),
                Buttons.Yes | Buttons.No, Buttons.No)
            if answer == Buttons.Yes:
                self._close_document()  # not dirty any more: the draft goes
                self.open_scenario(exc.name)
            return False
        if choice == "copy":
            return self.save_copy()
        return False  # Abbrechen: the edits stay open and in the draft

    def save_copy(self) -> bool:
        """Store the open scenario under a new name the user gives (the stored one stays as it is)."""
        if self.spec is None or self.workspace is None:
            return False
        ws, spec = self.workspace, self.spec
        names = {r.name for r in self.model.rows}
        new, ok = QInputDialog.getText(self, tr("Als Kopie speichern"), tr("Name der Kopie:"),
                                       QLineEdit.EchoMode.Normal,
                                       unique_name(tr("{name} (Kopie)").format(name=spec.name), names))
        new = new.strip()
        if not ok or not new:
            return False
        copy = type(spec).from_dict({**spec.to_dict(), "name": new})
        result = self.result.to_json_dict() if self.result is not None else None
        try:
            saved = self._write(lambda: scenario_service.save_scenario(ws, copy, result=result, replace=False),
                                tr("Als Kopie speichern"))
        except Exception as exc:
            show_error(self, exc, tr("Als Kopie speichern"))
            return False
        self._load(copy, None)  # the copy is the open scenario now, stored ...
        self._saved(saved)      # ... under its own version
        self._select_in_list(saved.name)
        self._update_state()
        return True

    @guarded()
    def new_scenario(self, spec_type: type[ScenarioSpec]) -> None:
        """A new scenario from a template (a demand scenario: from the population the user picks in
        :class:`~bildungsplaner.ui.planning.new_demand.NewDemandDialog`). It opens unsaved and is stored once it
        computes; if it does not, the error shows and nothing is stored until the user saves it."""
        if self.workspace is None or not self.maybe_save():
            return
        spec = self.starts[spec_type]({r.name for r in self.model.rows})
        if spec is None:
            return
        self._save_when_computed = spec.name
        self._load(spec, None)
        self._select_in_list(None)
        self._update_state()

    def _new_allocation(self, names: set[str]) -> AllocationSpec:
        return new_allocation(names, self.allocation.sources, self._levels, self._hint)

    def _ask_demand(self, names: set[str]) -> DemandSpec | None:
        ws = self.workspace
        assert ws is not None
        choices = population_choices(ws)
        if not choices:
            raise UserInputError(tr("Im Arbeitsbereich gibt es keine Bevölkerung nach Alter (einen Indikator mit "
                                    "einem Merkmal „Alter…“, z. B. die GENESIS-Tabelle 12411-04-02). Bitte "
                                    "importieren Sie sie zuerst."))
        dialog = NewDemandDialog(choices, names, unique_name(tr("Neuer Bedarf"), names), self)
        if dialog.exec() != NewDemandDialog.DialogCode.Accepted:
            return None
        return dialog.spec()

    @guarded()
    def duplicate(self) -> None:
        name = self.selected_name()
        if self.workspace is None or name is None or not self.maybe_save():
            return
        ws = self.workspace
        copy = self._write(lambda: scenario_service.duplicate_scenario(ws, name), tr("Szenario duplizieren"))
        self.refresh_list()
        self._announce()
        self.open_scenario(copy.name)

    @guarded()
    def rename(self) -> None:
        name = self.selected_name()
        if self.workspace is None or name is None:
            return
        if name == self.current_name and not self.maybe_save():
            return
        new, ok = QInputDialog.getText(self, tr("Szenario umbenennen"), tr("Neuer Name:"), QLineEdit.EchoMode.Normal,
                                       name)
        if not ok or not new.strip() or new.strip() == name:
            return
        ws = self.workspace
        was_open = name == self.current_name
        expected = self.loaded if was_open else self._listed_version(name)
        try:
            renamed = self._write(lambda: scenario_service.rename_scenario(ws, name, new, expected=expected),
                                  tr("Szenario umbenennen"))
        except scenario_service.StaleScenarioError as exc:
            self.refresh_list()
            show_error(self, exc, tr("Szenario umbenennen"))
            return
        if was_open:
            self._load(renamed.spec, renamed.text, renamed.expected)
        self.refresh_list()
        self._announce()

    @guarded()
    def delete(self) -> None:
        name = self.selected_name()
        if self.workspace is None or name is None:
            return
        answer = QMessageBox.question(self, tr("Szenario löschen"), tr(
            "Das Szenario „{name}“ endgültig löschen?").format(name=name), Buttons.Yes | Buttons.No, Buttons.No)
        if answer != Buttons.Yes:
            return
        ws = self.workspace
        expected = self.loaded if name == self.current_name else self._listed_version(name)
        try:
            self._write(lambda: scenario_service.delete_scenario(ws, name, expected=expected), tr("Szenario löschen"))
        except scenario_service.StaleScenarioError as exc:
            self.refresh_list()
            show_error(self, exc, tr("Szenario löschen"))
            return
        if name == self.current_name:
            self._close_document()
        self.refresh_list()
        self._announce()

    def _listed_version(self, name: str) -> scenario_service.Expected | None:
        """The id and version of ``name`` as the list shows it (what the user decided about)."""
        return next((r.expected for r in self.model.rows if r.name == name), None)

    @guarded()
    def open_file(self) -> None:
        if self.workspace is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Szenariodatei öffnen"), str(self.workspace.path.parent),
                                              tr("Szenariodatei (*.toml);;Alle Dateien (*)"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a scenario file into the editor (unsaved until stored with Speichern)."""
        if not self.maybe_save():
            return False
        try:
            spec = scenario_files.load(path)
        except UserInputError as exc:
            show_error(self, exc, tr("Szenariodatei öffnen"))
            return False
        self._load(spec, None)
        self._select_in_list(None)
        self._update_state()
        return True

    @guarded()
    def save_file(self) -> None:
        if self.spec is None:
            return
        start = self.workspace.path.parent if self.workspace is not None else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, tr("Als Szenariodatei speichern"), str(
            start / f"{self.spec.name}.toml"), tr("Szenariodatei (*.toml)"))
        if path:
            self.write_file(Path(path))

    def write_file(self, path: Path) -> Path:
        path = path if path.suffix else path.with_suffix(".toml")
        with atomic_target(path) as tmp:
            tmp.write_text(scenario_files.dumps(self.spec), encoding="utf-8")
        return path
