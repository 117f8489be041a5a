"""The definition editor of a computed Kennzahl (``kind = "indicator"``): one widget per field, undo, live check.

Rules:

* The document is a :class:`~bildungsplaner.ui.indicators.draft.Draft`; every widget edits one field of it
  through :meth:`DefinitionEditor.edit`, which puts the old and the new state on a ``QUndoStack`` (typing in one
  field merges into one step). The widgets are shown from the state in one place (:meth:`_show`), so undo,
  redo and „TOML importieren…“ need nothing else.
* An input reads an indicator of the workspace (imported or computed) or a GENESIS table; its ``where``
  filters are combo boxes of the real dimension values of that source
  (:func:`~bildungsplaner.services.indicator_inputs.input_dimensions`); „nicht gefiltert“ leaves the dimension
  to its total (the totals rule).
* The live check (:func:`~bildungsplaner.services.indicators.check_definition`) runs off the GUI thread,
  debounced, with :class:`~bildungsplaner.ui.common.tasks.LatestTask` (the latest text wins); its German
  errors stand under the formula, its preview in a table and a chart. „Speichern“ is enabled only while the
  check of the current text found nothing wrong; it calls
  :func:`~bildungsplaner.services.indicators.define` (``replace`` when the definition keeps the code it was
  opened with).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.services.indicator_inputs import InputDimension, input_dimensions
from bildungsplaner.services.indicators import CheckReport, IndicatorEntry, check_definition, define
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui.common.dialogs import show_error
from bildungsplaner.ui.common.tasks import LatestTask, TaskRunner
from bildungsplaner.ui.common.theme import ERROR, OK, status_colour
from bildungsplaner.ui.indicators.draft import Draft, InputDraft
from bildungsplaner.ui.indicators.models import ResultTableModel
from bildungsplaner.ui.indicators.widgets import BarChart, form_row, result_chart_data, table_view

__all__ = ["DefinitionEditor", "DraftCommand", "source_key"]

log = logging.getLogger(__name__)
#: milliseconds of quiet typing before the live check runs
CHECK_DELAY_MS = 400
_MERGE_ID = 4712


def _error_style() -> str:
    """Error text: our red, or the palette's text where the red is not legible (high contrast, dark theme)."""
    return f"color: {status_colour(ERROR)};"


def _ok_style() -> str:
    return f"color: {status_colour(OK)};"


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def toml_filter() -> str:
    return tr("Kennzahl-Definition (*.toml);;Alle Dateien (*)")


class DraftCommand(QUndoCommand):
    """One undo step: ``before`` → ``after``; consecutive steps with the same ``merge_key`` merge."""

    def __init__(self, editor: DefinitionEditor, before: Draft, after: Draft, text: str,
                 merge_key: str | None = None) -> None:
        super().__init__(text)
        self.editor, self.before, self.after, self.merge_key = editor, before, after, merge_key

    def redo(self) -> None:
        self.editor.set_draft(self.after)

    def undo(self) -> None:
        self.editor.set_draft(self.before)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftCommand) or not self.merge_key or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class DefinitionEditor(QDialog):
    """Define or change a computed Kennzahl (see the module docstring)."""

    #: the :class:`IndicatorEntry` of the saved definition
    saved = Signal(object)

    def __init__(self, workspace: Workspace, runner: TaskRunner, sources: list[IndicatorEntry],
                 draft: Draft | None = None, *, original_code: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.original_code = original_code
        self.sources = [e for e in sources if e.kind == "importiert" or (e.available and not e.problem)]
        self.draft = draft or Draft(inputs=(InputDraft(name="e1"),))
        self.current = 0
        self.report: CheckReport | None = None
        self.checked_text: str | None = None
        self.saved_entry: IndicatorEntry | None = None
        self._dimensions: dict[tuple[str, str, str], list[InputDimension]] = {}
        self._filter_source: tuple[Any, ...] | None = None
        self._filters: dict[str, QComboBox] = {}
        self.undo_stack = QUndoStack(self)
        self.check_task = LatestTask(runner)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)
        self.setWindowTitle(tr("Neue Kennzahl") if not original_code else tr("Kennzahl {code} bearbeiten").format(
            code=original_code))
        self.resize(1200, 740)
        self._build()
        self._show()
        self.run_check()

    # --- layout ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(tr("z. B. ANTEIL_U6"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("unitEdit")
        self.unit_edit.setPlaceholderText(tr("z. B. %"))
        self.decimals_spin = QSpinBox()
        self.decimals_spin.setObjectName("decimalsSpin")
        self.decimals_spin.setRange(0, 6)
        self.formula_edit = QLineEdit()
        self.formula_edit.setObjectName("formulaEdit")
        self.formula_edit.setPlaceholderText(tr("z. B. 100 * kinder / bev"))
        self.formula_edit.setToolTip(tr("Erlaubt: + − * / ( ), Zahlen und die Namen der Eingaben"))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(tr("Prüfergebnis"))
        head = QFormLayout()
        form_row(head, tr("&Code:"), self.code_edit, tr("Code"))
        form_row(head, tr("&Name:"), self.name_edit, tr("Name"))
        form_row(head, tr("&Einheit:"), self.unit_edit, tr("Einheit"))
        form_row(head, tr("Nach&kommastellen:"), self.decimals_spin, tr("Nachkommastellen"))
        form_row(head, tr("&Formel:"), self.formula_edit, tr("Formel"))
        head.addRow("", self.error_label)

        self.input_list = QListWidget()
        self.input_list.setObjectName("inputList")
        self.input_list.setAccessibleName(tr("Eingaben"))
        self.input_list.setMaximumHeight(96)
        self.add_input_button = QPushButton(tr("Eingabe &hinzufügen"))
        self.add_input_button.setAccessibleName(tr("Eingabe hinzufügen"))
        self.remove_input_button = QPushButton(tr("Eingabe &entfernen"))
        self.remove_input_button.setAccessibleName(tr("Eingabe entfernen"))
        input_buttons = QHBoxLayout()
        input_buttons.addWidget(self.add_input_button)
        input_buttons.addWidget(self.remove_input_button)
        input_buttons.addStretch(1)
        inputs_label = QLabel(tr("E&ingaben:"))
        inputs_label.setBuddy(self.input_list)

        self.input_name_edit = QLineEdit()
        self.input_name_edit.setObjectName("inputNameEdit")
        self.input_name_edit.setToolTip(tr("So steht die Eingabe in der Formel"))
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("sourceCombo")
        self.source_combo.setMinimumContentsLength(24)
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ages_edit = QLineEdit()
        self.ages_edit.setObjectName("agesEdit")
        self.ages_edit.setPlaceholderText(tr("z. B. 0-2, 3-5, 65- oder all"))
        self.ages_edit.setToolTip(tr("Summe der Altersgruppen in diesem Bereich; eine Gruppe, die über die "
                                     "Grenze reicht, wird abgelehnt"))
        self.offset_spin = QSpinBox()
        self.offset_spin.setObjectName("offsetSpin")
        self.offset_spin.setRange(-50, 50)
        self.offset_spin.setToolTip(tr("−1: für das Ergebnisjahr t den Wert des Jahres t−1 verwenden"))
        self.filter_box = QWidget()
        self.filter_form = QFormLayout(self.filter_box)
        self.filter_form.setContentsMargins(0, 0, 0, 0)
        input_form = QFormLayout()
        form_row(input_form, tr("N&ame in der Formel:"), self.input_name_edit, tr("Name der Eingabe"))
        form_row(input_form, tr("&Quelle:"), self.source_combo, tr("Quelle der Eingabe"))
        input_form.addRow(QLabel(tr("Filter (Merkmal = Wert):")), self.filter_box)
        form_row(input_form, tr("A&lter:"), self.ages_edit, tr("Altersbereich"))
        form_row(input_form, tr("&Jahresversatz:"), self.offset_spin, tr("Jahresversatz"))
        input_group = QGroupBox(tr("Ausgewählte Eingabe"))
        input_group.setLayout(input_form)

        calculation = QWidget()
        left_layout = QVBoxLayout(calculation)
        left_layout.addLayout(head)
        left_layout.addWidget(inputs_label)
        left_layout.addWidget(self.input_list)
        left_layout.addLayout(input_buttons)
        left_layout.addWidget(input_group)
        left_layout.addStretch(1)
        # the texts the details panel shows (the catalogue's keys of the same format)
        self.text_edits: dict[str, QPlainTextEdit] = {}
        description = QWidget()
        text_form = QFormLayout(description)
        for key, label, accessible in (
                ("purpose", tr("&Zweck:"), tr("Zweck")),
                ("formula_text", tr("Formel in &Worten:"), tr("Formel in Worten")),
                ("stichtag", tr("S&tichtag:"), tr("Stichtag")),
                ("caveats", tr("&Hinweise:"), tr("Hinweise"))):
            edit = QPlainTextEdit()
            edit.setObjectName(f"{key}Edit")
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(lambda k=key, e=edit: self.edit(self.draft.with_extra(k, e.toPlainText()),
                                                                       tr("Beschreibung"), k))
            form_row(text_form, label, edit, accessible)
            self.text_edits[key] = edit
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("editorTabs")
        self.left_tabs.addTab(calculation, tr("Formel und Eingaben"))
        self.left_tabs.addTab(description, tr("Beschreibung"))
        left = self.left_tabs

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsLabel")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #555;")
        self.preview_model = ResultTableModel(self)
        self.preview_view, self.preview_proxy = table_view(self.preview_model, "previewTable", tr("Vorschau"))
        self.chart = BarChart(tr("Diagramm der Vorschau"))
        preview_label = QLabel(tr("&Vorschau:"))
        preview_label.setBuddy(self.preview_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview_view, 3)
        right_layout.addWidget(self.chart, 2)
        right_layout.addWidget(self.problems_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 660])

        self.undo_button = QPushButton(tr("Rückgängig"))
        self.undo_button.setAccessibleName(tr("Rückgängig"))
        self.redo_button = QPushButton(tr("Wiederholen"))
        self.redo_button.setAccessibleName(tr("Wiederholen"))
        self.import_button = QPushButton(tr("TOML &importieren…"))
        self.import_button.setAccessibleName(tr("TOML importieren"))
        self.export_button = QPushButton(tr("Als TOML e&xportieren…"))
        self.export_button.setAccessibleName(tr("Als TOML exportieren"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Speichern"))
        self.save_button.setAccessibleName(tr("Speichern"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        bottom = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.import_button, self.export_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        # undo and redo while the focus is in the dialog (a text field undoes its own typing first)
        self.undo_action = QAction(tr("Rückgängig"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(tr("Wiederholen"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        self.code_edit.textChanged.connect(lambda t: self.edit(replace(self.draft, code=t.strip().upper()),
                                                               tr("Code"), "code"))
        self.name_edit.textChanged.connect(lambda t: self.edit(replace(self.draft, name=t), tr("Name"), "name"))
        self.unit_edit.textChanged.connect(lambda t: self.edit(replace(self.draft, unit=t), tr("Einheit"), "unit"))
        self.decimals_spin.valueChanged.connect(
            lambda v: self.edit(replace(self.draft, decimals=int(v)), tr("Nachkommastellen"), "decimals"))
        self.formula_edit.textChanged.connect(
            lambda t: self.edit(replace(self.draft, formula=t), tr("Formel"), "formula"))
        self.input_list.currentRowChanged.connect(self._input_selected)
        self.add_input_button.clicked.connect(self.add_input)
        self.remove_input_button.clicked.connect(self.remove_input)
        self.input_name_edit.textChanged.connect(
            lambda t: self._edit_input(replace(self._input(), name=t.strip()), tr("Name der Eingabe"), "input-name"))
        self.source_combo.activated.connect(lambda _i: self._source_chosen())
        self.ages_edit.textChanged.connect(
            lambda t: self._edit_input(replace(self._input(), ages=t.strip()), tr("Alter"), "ages"))
        self.offset_spin.valueChanged.connect(
            lambda v: self._edit_input(replace(self._input(), year_offset=int(v)), tr("Jahresversatz"), "offset"))
        self.import_button.clicked.connect(lambda: self.import_toml())
        self.export_button.clicked.connect(lambda: self.export_toml())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    # --- the document ---------------------------------------------------------------------------------------
    def edit(self, draft: Draft, text: str, merge_key: str | None = None) -> None:
        """Change the document to ``draft`` as one undo step (typing in one field merges)."""
        if draft == self.draft:
            return
        key = f"{merge_key}:{self.current}" if merge_key else None
        self.undo_stack.push(DraftCommand(self, self.draft, draft, text, key))

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft`` (undo, redo and every edit end here) and check it."""
        self.draft = draft
        self._show()
        self.schedule_check()

    def _input(self) -> InputDraft:
        if not self.draft.inputs:
            return InputDraft()
        return self.draft.inputs[min(self.current, len(self.draft.inputs) - 1)]

    def _edit_input(self, item: InputDraft, text: str, merge_key: str | None = None) -> None:
        if not self.draft.inputs:
            return
        self.edit(self.draft.with_input(min(self.current, len(self.draft.inputs) - 1), item), text, merge_key)

    def add_input(self) -> None:
        draft = replace(self.draft, inputs=(*self.draft.inputs, InputDraft(name=self.draft.new_input_name())))
        self.current = len(draft.inputs) - 1
        self.edit(draft, tr("Eingabe hinzufügen"))

    def remove_input(self) -> None:
        if not self.draft.inputs:
            return
        number = min(self.current, len(self.draft.inputs) - 1)
        self.current = max(0, number - 1)
        self.edit(self.draft.without_input(number), tr("Eingabe entfernen"))

    def _input_selected(self, row: int) -> None:
        if row >= 0 and row != self.current:
            self.current = row
            self._show()

    def _source_chosen(self) -> None:
        data = str(self.source_combo.currentData() or "").split("\t")
        if len(data) < 2:
            return
        item = self._input()
        if data[0] == "table":
            new = replace(item, indicator="", table=data[1], measure=data[2])
        else:
            new = replace(item, indicator=data[1], table="", measure="")
        if (new.indicator, new.table, new.measure) != (item.indicator, item.table, item.measure):
            new = replace(new, where=())  # another source has other dimensions
        self._edit_input(new, tr("Quelle"))

    def _filter_chosen(self, dimension: str, combo: QComboBox) -> None:
        self._edit_input(self._input().with_filter(dimension, combo.currentData()), tr("Filter"))

    # --- showing the state ----------------------------------------------------------------------------------
    def _show(self) -> None:
        draft = self.draft
        widgets = [self.code_edit, self.name_edit, self.unit_edit, self.decimals_spin, self.formula_edit,
                   self.input_list, self.input_name_edit, self.source_combo, self.ages_edit, self.offset_spin,
                   *self.text_edits.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for edit, value in ((self.code_edit, draft.code), (self.name_edit, draft.name),
                                (self.unit_edit, draft.unit), (self.formula_edit, draft.formula)):
                if edit.text() != value:
                    edit.setText(value)
            self.decimals_spin.setValue(draft.decimals)
            extra = dict(draft.extra)
            for key, text_edit in self.text_edits.items():
                value = str(extra.get(key) or "")
                if text_edit.toPlainText() != value:
                    text_edit.setPlainText(value)
            names = [i.name or tr("(ohne Namen)") for i in draft.inputs]
            if [self.input_list.item(r).text() for r in range(self.input_list.count())] != names:
                self.input_list.clear()
                self.input_list.addItems(names)
            self.current = min(self.current, max(0, len(draft.inputs) - 1))
            if draft.inputs:
                self.input_list.setCurrentRow(self.current)
            item = self._input()
            has_input = bool(draft.inputs)
            for widget in (self.input_name_edit, self.source_combo, self.ages_edit, self.offset_spin,
                           self.remove_input_button, self.filter_box):
                widget.setEnabled(has_input)
            if self.input_name_edit.text() != item.name:
                self.input_name_edit.setText(item.name)
            self._fill_sources(item)
            if self.ages_edit.text() != item.ages:
                self.ages_edit.setText(item.ages)
            self.offset_spin.setValue(item.year_offset)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._show_filters(item)
        self.export_button.setEnabled(True)
        self._update_save()

    def _fill_sources(self, item: InputDraft) -> None:
        combo = self.source_combo
        combo.clear()
        combo.addItem(tr("(bitte wählen)"), None)
        for entry in self.sources:
            if entry.code != self.draft.code:
                combo.addItem(f"{entry.name} ({entry.code})", source_key(entry.code))
        if item.table:
            combo.addItem(tr("Tabelle {table}: {measure}").format(table=item.table, measure=item.measure),
                          source_key(item.table, item.measure))
            combo.setCurrentIndex(combo.count() - 1)
        elif item.indicator:
            found = combo.findData(source_key(item.indicator))
            if found < 0:  # a code the workspace does not have (yet): shown, the check says so
                combo.addItem(item.indicator, source_key(item.indicator))
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        else:
            combo.setCurrentIndex(0)

    def dimensions(self, item: InputDraft) -> list[InputDimension]:
        """The real dimension values of ``item``'s source (read once per source)."""
        key = (item.indicator, item.table, item.measure)
        if key not in self._dimensions:
            try:
                self._dimensions[key] = input_dimensions(self.workspace, indicator=item.indicator or None,
                                                         table=item.table or None, measure=item.measure or None)
            except Exception:  # a read error: no values offered; the check names the problem
                log.warning("could not read the dimensions of %s", key, exc_info=True)
                self._dimensions[key] = []
        return self._dimensions[key]

    def _show_filters(self, item: InputDraft) -> None:
        """One combo box per dimension of the source: „nicht gefiltert“ or one of its real values."""
        source = (item.indicator, item.table, item.measure, item.where, self.current)
        if source == self._filter_source:
            return
        self._filter_source = source
        while self.filter_form.rowCount():
            self.filter_form.removeRow(0)
        self._filters = {}
        dims = {d.name: d for d in self.dimensions(item)} if (item.indicator or item.table) else {}
        where = dict(item.where)
        names = list(dims) + [k for k in where if k not in dims]
        if not names:
            self.filter_form.addRow(QLabel(tr("(keine Merkmale)")))
            return
        for name in names:
            combo = QComboBox()
            combo.setObjectName(f"filter:{name}")
            combo.addItem(tr("nicht gefiltert (Gesamtwert)"), None)
            dimension = dims.get(name)
            for value in dimension.values if dimension else ():
                combo.addItem(value, value)
            chosen = where.get(name)
            if chosen is not None:
                found = combo.findData(chosen)
                if found < 0:  # not among the real values: shown, the check says so
                    combo.addItem(tr("{value} (nicht in den Daten)").format(value=chosen), chosen)
                    found = combo.count() - 1
                combo.setCurrentIndex(found)
            if dimension is not None and dimension.ages:
                combo.setToolTip(tr("Altersgruppen lassen sich auch mit „Alter“ zusammenfassen"))
            combo.activated.connect(lambda _i, n=name, c=combo: self._filter_chosen(n, c))
            label = QLabel(f"{name}:")
            label.setBuddy(combo)
            combo.setAccessibleName(tr("Filter {dimension}").format(dimension=name))
            self.filter_form.addRow(label, combo)
            self._filters[name] = combo

    def filter_combo(self, dimension: str) -> QComboBox:
        return self._filters[dimension]

    # --- the live check -------------------------------------------------------------------------------------
    def schedule_check(self) -> None:
        self.checked_text = None
        self._update_save()
        if self.runner.inline:
            self.run_check()
        else:
            self.check_timer.start()

    def run_check(self) -> None:
        self.check_timer.stop()
        text = self.draft.to_toml()
        ws = self.workspace
        self.status_label.setText(tr("Wird geprüft …"))
        self.status_label.setStyleSheet("")
        self.check_task.start(lambda _progress: check_definition(ws, text), title=tr("Definition prüfen"),
                              show_dialog=False, on_done=lambda report: self._show_check(text, report),
                              on_error=lambda exc: self._show_check(text, CheckReport(errors=[str(exc)])))

    def _show_check(self, text: str, report: CheckReport) -> None:
        self.report, self.checked_text = report, text
        if report.errors:
            message = "\n".join(report.errors)
            self.error_label.setText(message)
            self.error_label.setStyleSheet(_error_style())
            self.status_label.setText(tr("Die Definition lässt sich so nicht speichern."))
            self.status_label.setStyleSheet(_error_style())
        else:
            self.error_label.setText(tr("Die Definition ist in Ordnung."))
            self.error_label.setStyleSheet(_ok_style())
            shown = len(report.rows)
            self.status_label.setText(tr("{count} Werte berechnet; die Vorschau zeigt {shown}.").format(
                count=format_number(report.row_count), shown=format_number(shown)))
            self.status_label.setStyleSheet(_ok_style())
        self.preview_model.set_result(report.rows, self.draft.decimals)
        year, labels, heights = result_chart_data(report.rows)
        self.chart.show_bars(labels, heights, tr("Vorschau {year}").format(year=year) if year else "")
        problems = report.problems[:6]
        more = len(report.problems) - len(problems)
        lines = problems + ([tr("… und {count} weitere").format(count=more)] if more > 0 else [])
        self.problems_label.setText("\n".join(lines))
        self._update_save()

    def _update_save(self) -> None:
        ok = (self.report is not None and self.report.ok and self.checked_text is not None
              and self.checked_text == self.draft.to_toml())
        self.save_button.setEnabled(ok)

    # --- files and saving -----------------------------------------------------------------------------------
    def import_toml(self, path: Path | None = None) -> bool:
        """Read a definition file into the editor (one undo step)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, tr("TOML importieren"), "", toml_filter())
            if not name:
                return False
            path = Path(name)
        try:
            text = Path(path).read_text(encoding="utf-8")
            if _kind(text) == "index":
                raise UserInputError(tr("Diese Datei ist eine Indexdefinition; bitte mit „Neuer Index…“ öffnen."))
            draft = Draft.from_toml(text)
        except UserInputError as exc:
            QMessageBox.warning(self, tr("TOML importieren"),
                                tr("Die Datei lässt sich nicht lesen: {error}").format(error=exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self, tr("TOML importieren"),
                                tr("Die Datei lässt sich nicht öffnen: {error}").format(error=exc.strerror or exc))
            return False
        self.current = 0
        self.edit(draft, tr("TOML importieren"))
        return True

    def export_toml(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, tr("Als TOML exportieren"),
                                                  f"{self.draft.code or 'Kennzahl'}.toml", toml_filter())
            if not name:
                return None
            path = Path(name)
        try:
            Path(path).write_text(self.draft.to_toml(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, tr("Als TOML exportieren"),
                                tr("Die Datei lässt sich nicht schreiben: {error}").format(error=exc.strerror or exc))
            return None
        return Path(path)

    def save(self) -> bool:
        """Store the definition (``define``) and close; a refusal is shown and the editor stays open."""
        self.check_timer.stop()
        text = self.draft.to_toml()
        ws = self.workspace
        replace_existing = bool(self.original_code) and self.draft.code == self.original_code
        try:
            entry = self.runner.run_blocking(lambda _progress: define(ws, text, replace=replace_existing),
                                             title=tr("Kennzahl speichern"),
                                             label=tr("{code} wird gespeichert und berechnet …").format(
                                                 code=self.draft.code))
        except Exception as exc:
            show_error(self, exc, tr("Kennzahl speichern"))
            return False
        self.saved_entry = entry
        self.saved.emit(entry)
        self.accept()
        return True

    def reject(self) -> None:
        self.check_task.cancel()
        self.check_timer.stop()
        super().reject()

    def accept(self) -> None:
        self.check_task.cancel()
        self.check_timer.stop()
        super().accept()


def source_key(code: str, measure: str | None = None) -> str:
    """The source combo's item data: ``indicator<TAB>CODE`` or ``table<TAB>CODE<TAB>measure``."""
    return f"indicator\t{code}" if measure is None else f"table\t{code}\t{measure}"


def _kind(text: str) -> str:
    import tomllib

    try:
        return str(tomllib.loads(text).get("kind", "indicator"))
    except tomllib.TOMLDecodeError:
        return "indicator"
