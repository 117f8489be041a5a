"""The Kennzahlen area: every Kennzahl grouped by area, its details and a preview of its values; the editors.

Rules:

* Left the list from :func:`~bildungsplaner.services.indicators.list_indicators` grouped by the areas A–I of
  the Anwendungsleitfaden (own Kennzahlen without area, indices and imported indicators after them), with kind
  and availability; an entry whose source is missing („Quelle fehlt: Tabelle …“) is greyed but selectable, so
  its details say what to import. A filter field narrows the list.
* Right the details of the selected entry (:func:`~bildungsplaner.services.indicators.show`) and its values
  (:func:`~bildungsplaner.services.indicators.compute`), read off the GUI thread with
  :class:`~bildungsplaner.ui.common.tasks.LatestTask` (the latest selection wins; long work shows a progress
  dialog with Cancel). Values are rounded half-up with the Kennzahl's decimals, missing ones show their symbol.
* Refresh: the area listens to ``WorkspaceEvents.data_changed`` (an import or a deleted import recomputes the
  Kennzahlen in the service) and reloads list and preview, keeping the selection by code. After a definition is
  saved or deleted it announces ``data_changed`` itself (reason :data:`KENNZAHLEN`), so the Daten tab lists the
  new indicator. :attr:`IndicatorsArea.entries_changed` hands the loaded list to whoever marks computed
  indicators (the Daten tab's indicator list).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.services.browse import load_overview
from bildungsplaner.services.indicators import (
    IndicatorDetails,
    IndicatorEntry,
    IndicatorResult,
    definition_text,
    delete,
    list_indicators,
    show,
)
from bildungsplaner.services.indicators import compute as compute_values
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.ui.common.dialogs import guarded, show_error
from bildungsplaner.ui.common.events import DataChange, WorkspaceEvents
from bildungsplaner.ui.common.tasks import LatestTask, TaskRunner
from bildungsplaner.ui.common.theme import ERROR, status_colour
from bildungsplaner.ui.indicators.draft import Draft
from bildungsplaner.ui.indicators.editor import DefinitionEditor, toml_filter
from bildungsplaner.ui.indicators.index_editor import IndexEditor
from bildungsplaner.ui.indicators.models import (
    ENTRY_ROLE,
    EntryFilter,
    EntryTreeModel,
    ResultTableModel,
    availability_text,
    kind_label,
)
from bildungsplaner.ui.indicators.widgets import table_view

__all__ = ["KENNZAHLEN", "IndicatorsArea", "Selection", "details_html"]

#: the reason of the ``data_changed`` this area announces after a definition was saved or deleted
KENNZAHLEN = "kennzahlen"
#: the „fehlt“ lines shown at most in the details
MAX_PROBLEMS = 12


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


@dataclass
class Selection:
    """What the details task read for one entry."""

    details: IndicatorDetails
    result: IndicatorResult | None
    #: why there are no values (a missing source, a message of the computation)
    message: str = ""


def _read_selection(ws: Workspace, code: str) -> Selection:
    details = show(ws, code)
    entry = details.entry
    if entry.kind == "importiert":
        return Selection(details, None, tr("Ein importierter Indikator; seine Werte zeigt der Bereich Daten."))
    try:
        return Selection(details, compute_values(ws, code))
    except UserInputError as exc:
        return Selection(details, None, str(exc))


def _p(label: str, text: str) -> str:
    if not text:
        return ""
    return f"<p><b>{html.escape(label)}</b> {html.escape(text)}</p>"


def details_html(details: IndicatorDetails) -> str:
    """The details panel's text: definition, Stichtag, caveats, sources with Stand and licence, versions,
    problems."""
    entry = details.entry
    parts = [f"<h3>{html.escape(entry.name)}</h3>",
             "<p>", html.escape(tr("Code: {code} · Einheit: {unit} · {kind}").format(
                 code=entry.code, unit=entry.unit or "–", kind=kind_label(entry.kind))),
             html.escape(tr(" · Bereich {area} ({name})").format(area=entry.area, name=entry.area_name))
             if entry.area else "",
             html.escape(tr(" · Stufe: {tier}").format(tier=entry.tier)) if entry.tier else "", "</p>"]
    if not entry.available:
        hint = tr("Importieren Sie die fehlenden Tabellen; die Kennzahl wird dann von selbst berechnet.")
        parts.append(f"<p style='color:{status_colour(ERROR)}'><b>{html.escape(availability_text(entry))}</b><br>"
                     f"{html.escape(hint)}</p>")
    elif entry.problem:
        parts.append(f"<p style='color:{status_colour(ERROR)}'><b>{html.escape(tr('Nicht berechenbar:'))}</b> "
                     f"{html.escape(entry.problem)}</p>")
    parts.append(_p(tr("Zweck:"), details.purpose))
    parts.append(_p(tr("Formel in Worten:"), details.formula_text))
    if details.formula:
        parts.append(f"<p><b>{html.escape(tr('Formel:'))}</b> <code>{html.escape(details.formula)}</code></p>")
    parts.append(_p(tr("Stichtag:"), details.stichtag))
    parts.append(_p(tr("Hinweise:"), details.caveats))
    if details.source_tables:
        parts.append(_p(tr("Quelltabellen:"), ", ".join(details.source_tables)))
    if details.sources:
        parts.append(f"<p><b>{html.escape(tr('Die Werte stammen aus:'))}</b></p><table cellspacing='0' "
                     "cellpadding='3' border='1' style='border-collapse:collapse'>")
        parts.append("<tr>" + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in (
            tr("Eingabe"), tr("Datensatz"), tr("Tabelle"), tr("Stand"), tr("Lizenz"))) + "</tr>")
        for source in details.sources:
            cells = (source.input or "–", str(source.dataset), source.table_code or source.title or "–",
                     source.stand or "–", source.licence or "–")
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    if details.version is not None:
        when = details.changed_at.strftime("%d.%m.%Y %H:%M") if details.changed_at else "?"
        parts.append(_p(tr("Definition:"), tr("Version {version}, geändert von {who} am {when}").format(
            version=details.version, who=details.changed_by or "?", when=when)))
    elif entry.kind == "katalog":
        parts.append(_p(tr("Definition:"), tr("mitgelieferter Katalog (unverändert)")))
    if details.problems:
        shown = details.problems[:MAX_PROBLEMS]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in shown)
        more = len(details.problems) - len(shown)
        if more > 0:
            items += f"<li>{html.escape(tr('… und {count} weitere').format(count=more))}</li>"
        parts.append(f"<p><b>{html.escape(tr('Probleme:'))}</b></p><ul>{items}</ul>")
    return "".join(parts)


class IndicatorsArea(QWidget):
    """The Kennzahlen area of the main window (see the module docstring)."""

    #: the loaded list (``list[IndicatorEntry]``), after every reload
    entries_changed = Signal(object)

    def __init__(self, runner: TaskRunner, events: WorkspaceEvents | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.events = runner, events
        self.workspace: Workspace | None = None
        self.entries: list[IndicatorEntry] = []
        self.selection: Selection | None = None
        self.list_task = LatestTask(runner)
        self.details_task = LatestTask(runner)
        self.editor: DefinitionEditor | IndexEditor | None = None
        self._wanted_code: str | None = None
        self._build()
        if events is not None:
            events.data_changed.connect(self._data_changed)

    def _build(self) -> None:
        self.model = EntryTreeModel(self)
        self.proxy = EntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setObjectName("kennzahlenList")
        self.view.setAccessibleName(tr("Kennzahlen"))
        self.view.setAccessibleDescription(tr("Die Kennzahlen nach Bereich A bis I mit Art und Verfügbarkeit; die "
                                              "Einzelheiten und Werte der gewählten stehen rechts"))
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 300)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.view.activated.connect(lambda _index: self._selected())  # again, e.g. after Cancel
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("kennzahlenFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(tr("Filtern: Name, Code, Art"))
        self.filter_edit.setAccessibleName(tr("Kennzahlen filtern"))
        self.filter_edit.textChanged.connect(self.set_filter)
        filter_label = QLabel(tr("&Kennzahlen:"))
        filter_label.setBuddy(self.filter_edit)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(filter_label)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)

        self.new_action = QAction(tr("Neue &Kennzahl…"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.new_action.setStatusTip(tr("Eine eigene Kennzahl aus den Indikatoren des Arbeitsbereichs definieren"))
        self.new_action.triggered.connect(lambda _c=False: self.new_indicator())
        self.new_index_action = QAction(tr("Neuer &Index…"), self)
        self.new_index_action.setStatusTip(tr("Einen Sozialindex aus mehreren Kennzahlen definieren"))
        self.new_index_action.triggered.connect(lambda _c=False: self.new_index())
        self.edit_action = QAction(tr("&Bearbeiten…"), self)
        self.edit_action.setStatusTip(tr("Die ausgewählte eigene Kennzahl ändern, oder eine Kennzahl des Katalogs "
                                         "als eigene kopieren"))
        self.edit_action.triggered.connect(lambda _c=False: self.edit_selected())
        self.delete_action = QAction(tr("&Löschen…"), self)
        self.delete_action.setStatusTip(tr("Die ausgewählte eigene Kennzahl und ihre Werte entfernen"))
        self.delete_action.triggered.connect(lambda _c=False: self.delete_selected())
        self.import_action = QAction(tr("Definition &importieren…"), self)
        self.import_action.setStatusTip(tr("Eine Kennzahl- oder Indexdefinition (TOML) öffnen und prüfen"))
        self.import_action.triggered.connect(lambda _c=False: self.import_definition())
        self.export_action = QAction(tr("Kennzahlen-&Tabelle exportieren…"), self)
        self.export_action.setStatusTip(tr("Die ausgewählte Kennzahl als Excel-Tabelle für den Ausschuss: "
                                           "Heimatregion, Land und Bund, Differenz, Rang, Diagramm, Karte und "
                                           "Methodik"))
        self.export_action.triggered.connect(lambda _c=False: self.export_table())
        # two rows of three: in one row the six buttons need 1119 px with 150 % text, wider than the window
        self.actions_row = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for place, (name, action) in enumerate((
                ("new", self.new_action), ("index", self.new_index_action), ("edit", self.edit_action),
                ("delete", self.delete_action), ("import", self.import_action), ("export", self.export_action))):
            button = QPushButton(action.text())
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setToolTip(action.statusTip())
            button.clicked.connect(action.trigger)
            self.buttons[name] = button
            self.actions_row.addWidget(button, place // 3, place % 3)
        self.actions_row.setColumnStretch(3, 1)

        self.details = QTextBrowser()
        self.details.setObjectName("kennzahlDetails")
        self.details.setAccessibleName(tr("Einzelheiten der Kennzahl"))
        self.details.setOpenExternalLinks(False)
        self.preview_model = ResultTableModel(self)
        self.preview_view, self.preview_proxy = table_view(self.preview_model, "kennzahlPreview", tr("Werte"))
        self.preview_view.setAccessibleDescription(tr("Die Werte der gewählten Kennzahl je Gebiet und Jahr"))
        self.preview_label = QLabel(tr("&Werte:"))
        self.preview_label.setBuddy(self.preview_view)
        self.preview_message = QLabel()
        self.preview_message.setObjectName("previewMessage")
        self.preview_message.setWordWrap(True)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview_message)
        preview_layout.addWidget(self.preview_view, 1)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.details)
        right_split.addWidget(preview)
        right_split.setSizes([380, 320])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.actions_row)
        right_layout.addWidget(right_split, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([580, 690])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._update_actions()

    # --- loading --------------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.list_task.cancel()
        self.details_task.cancel()
        self.workspace = workspace
        self.selection = None
        if workspace is None:
            self.model.set_entries([])
            self._show_selection(None)
            self.entries_changed.emit([])
            return
        self.reload()

    def _data_changed(self, change: DataChange) -> None:
        if change.workspace is self.workspace:
            self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the list again (off the GUI thread), keeping the selection by code (or selecting ``select``)."""
        ws = self.workspace
        if ws is None:
            return
        current = self.selected_entry()
        self._wanted_code = select or (current.code if current else self._wanted_code)
        self.list_task.start(lambda _progress: list_indicators(ws), title=tr("Kennzahlen lesen"),
                             show_dialog=False, on_done=self._show_entries,
                             on_error=lambda exc: show_error(self, exc, tr("Kennzahlen lesen")))

    def _show_entries(self, entries: Sequence[IndicatorEntry]) -> None:
        wanted = self._wanted_code
        self.entries = list(entries)
        self.view.selectionModel().blockSignals(True)
        self.model.set_entries(entries)
        self.view.selectionModel().blockSignals(False)
        for group in range(self.model.rowCount()):  # the area's title across the whole row
            self.view.setFirstColumnSpanned(group, QModelIndex(), True)
        self.view.expandAll()
        own = sum(1 for e in entries if e.kind != "importiert")
        ready = sum(1 for e in entries if e.kind != "importiert" and e.available and not e.problem)
        self.count_label.setText(tr("{count} Kennzahlen, {ready} berechnet").format(
            count=format_number(own), ready=format_number(ready)))
        self.entries_changed.emit(list(entries))
        if wanted is None or not self.select_code(wanted):
            self._selected()

    def select_code(self, code: str) -> bool:
        """Select the entry ``code`` (its details and values are loaded); False if the list has none."""
        index = self.proxy.mapFromSource(self.model.index_of(code))
        if not index.isValid():
            return False
        selection = self.view.selectionModel()
        selection.blockSignals(True)  # one load for the new selection, started below
        try:
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            selection.blockSignals(False)
        self.view.viewport().update()
        self.view.scrollTo(index)
        self._selected()
        return True

    def set_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        for group in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(group, QModelIndex(), True)
        self.view.expandAll()

    def selected_entry(self) -> IndicatorEntry | None:
        rows = self.view.selectionModel().selectedRows(0)
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, IndicatorEntry) else None

    def entry(self, code: str) -> IndicatorEntry | None:
        return next((e for e in self.entries if e.code == code), None)

    def _selected(self) -> None:
        entry = self.selected_entry()
        self._update_actions()
        if entry is None:
            self.details_task.cancel()
            self._show_selection(None)
            return
        self._wanted_code = entry.code
        ws = self.workspace
        if ws is None:
            return
        code = entry.code
        self.details_task.start(lambda _progress: _read_selection(ws, code), title=tr("Kennzahl berechnen"),
                                label=tr("Die Werte von {code} werden gelesen …").format(code=code),
                                on_done=self._show_selection,
                                on_error=lambda exc: self._show_failure(code, exc),
                                on_cancel=self._cancelled)

    def _cancelled(self) -> None:
        self.preview_message.setText(tr("Abgebrochen; Eingabetaste oder Doppelklick auf die Kennzahl liest die "
                                        "Werte erneut."))

    def _show_failure(self, code: str, exc: BaseException) -> None:
        self.details.setPlainText(tr("Die Kennzahl {code} lässt sich nicht anzeigen.").format(code=code))
        show_error(self, exc, tr("Kennzahl anzeigen"))

    def _show_selection(self, selection: Selection | None) -> None:
        self.selection = selection
        if selection is None:
            self.details.setHtml(f"<p>{html.escape(tr('Wählen Sie links eine Kennzahl.'))}</p>")
            self.preview_model.set_result([], 1)
            self.preview_message.setText("")
            return
        self.details.setHtml(details_html(selection.details))
        result = selection.result
        if result is None:
            self.preview_model.set_result([], 1)
            self.preview_message.setText(selection.message)
        else:
            self.preview_model.set_result(result.rows, result.decimals, index=result.kind == "index")
            self.preview_message.setText(tr("{count} Werte · gerundet auf {decimals} Nachkommastellen").format(
                count=format_number(len(result.rows)), decimals=result.decimals if result.decimals is not None
                else 2) if result.rows else tr("Keine Werte."))
        self.preview_view.resizeColumnsToContents()

    def _update_actions(self) -> None:
        entry = self.selected_entry()
        has_ws = self.workspace is not None
        for action in (self.new_action, self.new_index_action, self.import_action):
            action.setEnabled(has_ws)
        editable = entry is not None and entry.kind in ("berechnet", "index", "katalog")
        self.edit_action.setEnabled(has_ws and editable)
        copy = entry is not None and entry.kind == "katalog"
        self.edit_action.setText(tr("Als eigene &kopieren…") if copy else tr("&Bearbeiten…"))
        self.delete_action.setEnabled(has_ws and entry is not None and entry.kind in ("berechnet", "index"))
        self.export_action.setEnabled(has_ws and entry is not None and entry.kind != "importiert" and entry.available)
        for name, action in (("new", self.new_action), ("index", self.new_index_action), ("edit", self.edit_action),
                             ("delete", self.delete_action), ("import", self.import_action),
                             ("export", self.export_action)):
            button = self.buttons[name]
            button.setEnabled(action.isEnabled())
            button.setText(action.text())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    # --- editors --------------------------------------------------------------------------------------------
    def _open(self, editor: DefinitionEditor | IndexEditor) -> DefinitionEditor | IndexEditor:
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        editor.open()
        return editor

    @guarded()
    def new_indicator(self, draft: Draft | None = None, original_code: str | None = None) -> DefinitionEditor | None:
        if self.workspace is None:
            return None
        editor = DefinitionEditor(self.workspace, self.runner, self.entries, draft, original_code=original_code,
                                  parent=self)
        self._open(editor)
        return editor

    @guarded()
    def new_index(self, text: str | None = None, original_code: str | None = None) -> IndexEditor | None:
        if self.workspace is None:
            return None
        editor = IndexEditor(self.workspace, self.runner, text, original_code=original_code, parent=self)
        self._open(editor)
        return editor

    @guarded()
    def edit_selected(self) -> DefinitionEditor | IndexEditor | None:
        """Edit the selected own definition; a catalogue entry opens as a copy to save as an own definition."""
        entry = self.selected_entry()
        if self.workspace is None or entry is None or entry.kind == "importiert":
            return None
        text = definition_text(self.workspace, entry.code)
        if entry.kind == "index":
            return self.new_index(text, original_code=entry.code)
        return self.new_indicator(Draft.from_toml(text), original_code=entry.code)

    @guarded()
    def delete_selected(self) -> bool:
        entry = self.selected_entry()
        ws = self.workspace
        if ws is None or entry is None or entry.kind not in ("berechnet", "index"):
            return False
        answer = QMessageBox.question(
            self, tr("Kennzahl löschen"),
            tr("Die Kennzahl {name} ({code}) und ihre berechneten Werte löschen? Ihre früheren Versionen bleiben "
               "im Verlauf.").format(name=entry.name, code=entry.code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        code = entry.code
        self.runner.run_blocking(lambda _progress: delete(ws, code), title=tr("Kennzahl löschen"))
        self._wanted_code = None
        self.announce()
        return True

    @guarded()
    def export_table(self, path: Path | None = None) -> Path | None:
        """The Kennzahlen-Tabelle of the selected Kennzahl for the home region (with a map sheet where the workspace
        has boundaries), written off the GUI thread; the same as ``bildungsplaner indicator export CODE --out
        X.xlsx``."""
        ws, entry = self.workspace, self.selected_entry()
        if ws is None or entry is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, tr("Kennzahlen-Tabelle exportieren"),
                                                  f"Kennzahlen_{entry.code}.xlsx",
                                                  tr("Excel-Arbeitsmappe (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        from bildungsplaner.services.indicator_table import export_indicator_table
        from bildungsplaner.ui.maps.render import export_map

        code, target = entry.code, path
        written = self.runner.run_blocking(
            lambda progress: export_indicator_table(ws, [code], target, progress=progress, map_renderer=export_map),
            title=tr("Kennzahlen-Tabelle exportieren"))
        return Path(written) if written is not None else None

    @guarded()
    def import_definition(self, path: Path | None = None) -> DefinitionEditor | IndexEditor | None:
        """Open a definition file in the matching editor (checked there, saved with „Speichern“)."""
        if self.workspace is None:
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, tr("Definition importieren"), "", toml_filter())
            if not name:
                return None
            path = Path(name)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserInputError(tr("Die Datei lässt sich nicht öffnen: {error}").format(
                error=exc.strerror or exc)) from exc
        import tomllib

        try:
            kind = tomllib.loads(text).get("kind", "indicator")
        except tomllib.TOMLDecodeError:
            kind = "index" if "index" in text else "indicator"
        if kind == "index":
            return self.new_index(text)
        try:
            draft = Draft.from_toml(text)
        except UserInputError as exc:
            raise UserInputError(tr("Die Datei lässt sich nicht lesen: {error}").format(error=exc)) from exc
        return self.new_indicator(draft)

    def _saved(self, entry: IndicatorEntry) -> None:
        self._wanted_code = entry.code
        self.announce()

    def announce(self) -> None:
        """Tell every area that the Kennzahlen changed (the Daten tab lists the new indicator)."""
        ws = self.workspace
        if ws is None:
            return
        if self.events is not None:
            self.events.notify(DataChange(KENNZAHLEN, ws, load_overview(ws)))
        else:
            self.reload()

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()


def entry_codes(entries: Sequence[Any], *kinds: str) -> set[str]:
    """The codes of ``entries`` of the given kinds (``berechnet``, ``index``, ``katalog``)."""
    return {e.code for e in entries if e.kind in kinds}
