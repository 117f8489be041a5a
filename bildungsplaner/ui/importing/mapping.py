"""The mapping page of the import assistant: which column of a generic table means what.

Rules:

* The page edits one :class:`~bildungsplaner.importing.template.ImportTemplate`, its only state (``_state``). It
  starts from :func:`~bildungsplaner.importing.template_suggest.suggest_template` (or a loaded TOML template); every
  widget edits exactly one field of it (signal → a new template by :func:`dataclasses.replace` → the state), and
  the widgets are refreshed from the state in one place, :meth:`MappingPage._show`, with their signals blocked.
  The column table is :class:`~bildungsplaner.ui.importing.columns_model.ColumnsModel` over the same template.
* :meth:`MappingPage.template` is what the check imports and "Vorlage speichern …" writes (the TOML that
  ``bildungsplaner import --template`` and this page read): the state with the preview's read hints (the wizard
  keeps them; the template only its ``decimal``), a name where the field is empty, only the section of the
  target, and the form's slack taken out — a column beats the fixed value beside it (phase, level), so switching
  the column off brings the fixed value back; an emptied address field is no address. Nothing the page shows or
  loaded can be lost on the way, and :meth:`ImportTemplate.validate` checks it by the rules of the template file.
* Coordinates: the facilities' ``x``/``y`` columns and their ``crs`` (an editable choice: the usual systems by
  name, any EPSG code typed); ``[regions] fixed`` is a line „alle Zeilen in Gebiet …“ shown for facilities only.
  A fixed region wins over the region columns beside it (they stay in the state and come back when the field is
  emptied; their combos are disabled meanwhile); with coordinates the region columns may stay empty.
* Each edit is one undo step on the page's ``QUndoStack`` (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y; typing in one field
  merges into one step). Another template — a new file, the target, a template chosen or loaded — starts afresh.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from bildungsplaner.importing.template import (
    DEFAULT_CRS,
    FacilityMapping,
    ImportTemplate,
    ObservationMapping,
    RegionListMapping,
    RegionMapping,
)
from bildungsplaner.importing.template_suggest import suggest_template
from bildungsplaner.store.models import Offering, Phase, RegionLevel
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.common.theme import ERROR, status_colour
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
    role_of,
    with_role,
    with_text,
)
from bildungsplaner.ui.importing.widgets import Assistant, ComboDelegate, message_for, show_message

__all__ = ["ATTRIBUTE", "DIMENSION", "MEASURE", "NONE", "MappingPage"]

TARGETS = ("observations", "facilities", "regions")
#: the section of the template that belongs to each target, and an empty one
SECTIONS: dict[str, tuple[str, Any]] = {
    "observations": ("observations", ObservationMapping),
    "facilities": ("facilities", lambda: FacilityMapping("", "")),
    "regions": ("regionlist", lambda: RegionListMapping("", "")),
}
_EMPTY = {name: empty for name, empty in SECTIONS.values()}
FieldPath = tuple[str, ...]


def _target_label(target: str) -> str:
    return {
        "observations": QCoreApplication.translate("ImportWizard", "Beobachtungen (Werte je Gebiet und Zeitraum)"),
        "facilities": QCoreApplication.translate("ImportWizard", "Einrichtungen (Schulen, Kitas, …)"),
        "regions": QCoreApplication.translate("ImportWizard", "Gebiete (Stadtteile, Sozialräume, …)"),
    }[target]


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _set_text(edit: QLineEdit, value: str | None) -> None:
    """Show ``value`` unless the field already says it (so typing keeps its blanks and the cursor)."""
    if _text(edit) != (value or None):
        edit.setText(value or "")


def _set_at(obj: Any, path: FieldPath, value: Any) -> Any:
    """A copy of ``obj`` with ``value`` at ``path`` (dataclasses rebuilt with ``replace``; a missing section of
    the template is created empty)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    inner = getattr(obj, head)
    if inner is None and rest:
        inner = _EMPTY[head]()
    return replace(obj, **{head: _set_at(inner, rest, value)})


class ColumnCombo(QComboBox):
    """A choice of one column of the table (or none); keeps a template's column missing from the table."""

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_columns(self, names: list[str]) -> None:
        """Offer ``names``, keeping the chosen column (without signals: the choice does not change)."""
        current = self.column()
        blocker = QSignalBlocker(self)
        self.clear()
        self.addItem(
            QCoreApplication.translate("ImportWizard", "(keine)")
            if self.optional
            else QCoreApplication.translate("ImportWizard", "(bitte wählen)"),
            None,
        )
        for name in names:
            self.addItem(name, name)
        self.set_column(current)
        blocker.unblock()

    def set_column(self, name: str | None) -> None:
        if name is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(name)
        if index < 0:
            self.addItem(
                QCoreApplication.translate("ImportWizard", "{name} (fehlt in der Tabelle)").format(name=name), name
            )
            index = self.count() - 1
        self.setCurrentIndex(index)

    def column(self) -> str | None:
        return self.currentData()


def _crs_items() -> list[tuple[str, str]]:
    """The coordinate systems offered by name (any other is typed as „EPSG:nnnn“)."""
    return [
        (QCoreApplication.translate("ImportWizard", "EPSG:25832 – UTM Zone 32N (ETRS89)"), DEFAULT_CRS),
        (QCoreApplication.translate("ImportWizard", "EPSG:4326 – Längen-/Breitengrad (WGS 84)"), "EPSG:4326"),
        (QCoreApplication.translate("ImportWizard", "EPSG:25833 – UTM Zone 33N (ETRS89)"), "EPSG:25833"),
        (QCoreApplication.translate("ImportWizard", "EPSG:31467 – Gauß-Krüger Zone 3 (DHDN)"), "EPSG:31467"),
    ]


class CrsCombo(QComboBox):
    """The CRS of the coordinates: one of the usual systems by name, or any typed (``EPSG:3044``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for text, code in _crs_items():
            self.addItem(text, code)

    def crs(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        return str(self.itemData(index)) if index >= 0 else (text or DEFAULT_CRS)

    def set_crs(self, code: str | None) -> None:
        """Show ``code`` unless the field already means it (so typing keeps the cursor)."""
        code = code or DEFAULT_CRS
        if self.crs() == code:
            return
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


def _data_combo(items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _set_data(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def _form(*rows: tuple[str, QWidget | QHBoxLayout]) -> QFormLayout:
    form = QFormLayout()
    for text, widget in rows:
        label = QLabel(text)
        first = widget if isinstance(widget, QWidget) else widget.itemAt(0)
        buddy = first if isinstance(first, QWidget) else first.widget() if first is not None else None
        if buddy is not None:
            label.setBuddy(buddy)
        form.addRow(label, widget)
    return form


def _pair(first: QWidget, between: str, second: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(first, 1)
    row.addWidget(QLabel(between))
    row.addWidget(second, 1)
    return row



class _TemplateEdit(QUndoCommand):
    """One undo step of the page: its template before and after an edit; typing in one field merges."""

    def __init__(self, page: MappingPage, before: ImportTemplate, after: ImportTemplate, merge: str | None) -> None:
        super().__init__()
        self.page, self.before, self.after, self.merge = page, before, after, merge

    def redo(self) -> None:
        self.page._set_state(self.after)

    def undo(self) -> None:
        self.page._set_state(self.before)

    def id(self) -> int:
        return 1 if self.merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _TemplateEdit) or other.merge != self.merge:
            return False
        self.after = other.after
        return True


class MappingPage(QWizardPage):
    """The mapping page (see the module docstring); ``template()`` is its result."""

    def __init__(self, wizard: Assistant) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Zuordnung"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "Sagen Sie, was die Spalten bedeuten. Der Vorschlag kommt aus den Spaltennamen; eine "
                "gespeicherte Vorlage können Sie laden und die Zuordnung als Vorlage speichern.",
            )
        )
        self._state = ImportTemplate("", "observations")  #: the page's template (see the module docstring)
        self._frame_seen: Any = None
        self._path_seen: Path | None = None  #: the file whose columns the page shows
        self._columns: list[str] = []  #: the columns of the table read in the preview
        self.templates: list[ImportTemplate | None] = [None]  # index 0: the suggestion
        self.undo_stack = QUndoStack(self)

        # general
        self.target = _data_combo([(_target_label(t), t) for t in TARGETS])
        self.target.setObjectName("target")
        self.template_choice = _data_combo(
            [(QCoreApplication.translate("ImportWizard", "Vorschlag aus den Spalten"), 0)]
        )
        self.template_choice.setObjectName("templateChoice")
        self.load_button = QPushButton(QCoreApplication.translate("ImportWizard", "Vorlage &laden …"))
        self.save_button = QPushButton(QCoreApplication.translate("ImportWizard", "Vorlage &speichern …"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("templateName")
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_choice, 1)
        template_row.addWidget(self.load_button)
        template_row.addWidget(self.save_button)
        general = _form(
            (QCoreApplication.translate("ImportWizard", "&Daten sind:"), self.target),
            (QCoreApplication.translate("ImportWizard", "&Vorlage:"), template_row),
            (QCoreApplication.translate("ImportWizard", "&Name der Vorlage:"), self.name_edit),
        )

        # regions of observations and facilities
        self.region_key = ColumnCombo()
        self.region_name = ColumnCombo()
        self.region_fixed = QLineEdit()
        self.region_fixed.setObjectName("regionFixed")
        self.region_fixed.setPlaceholderText(
            QCoreApplication.translate("ImportWizard", "Gebietsschlüssel, z. B. 05978004")
        )
        self.region_fixed.setToolTip(
            QCoreApplication.translate(
                "ImportWizard",
                "Alle Einrichtungen der Datei liegen in diesem Gebiet (statt der Gebietsspalten). Mit "
                "Koordinaten und ohne Gebiet kommt jede Einrichtung in das kleinste Gebiet, das sie enthält.",
            )
        )
        self.region_group = QGroupBox(QCoreApplication.translate("ImportWizard", "Gebiet jeder Zeile"))
        self.region_form = _form(
            (QCoreApplication.translate("ImportWizard", "&Gebietsschlüssel:"), self.region_key),
            (QCoreApplication.translate("ImportWizard", "Gebietsna&me:"), self.region_name),
            (QCoreApplication.translate("ImportWizard", "oder alle Zeilen in Gebie&t:"), self.region_fixed),
        )
        self.region_group.setLayout(self.region_form)

        # observations
        self.period = ColumnCombo()
        self.fixed_period = QLineEdit()
        self.fixed_period.setObjectName("fixedPeriod")
        self.fixed_period.setAccessibleName(QCoreApplication.translate("ImportWizard", "Fester Zeitraum"))
        self.fixed_period.setPlaceholderText(QCoreApplication.translate("ImportWizard", "z. B. 31.12.2024 oder 2024"))
        obs = QWidget()
        obs.setLayout(
            _form(
                (
                    QCoreApplication.translate("ImportWizard", "Zeit&raum-Spalte:"),
                    _pair(self.period, QCoreApplication.translate("ImportWizard", "oder fest:"), self.fixed_period),
                )
            )
        )

        # facilities
        self.fac_key = ColumnCombo(optional=False)
        self.fac_name = ColumnCombo(optional=False)
        self.fac_kind = ColumnCombo()
        self.fac_fixed_kind = QLineEdit()
        self.fac_fixed_kind.setAccessibleName(QCoreApplication.translate("ImportWizard", "Feste Art"))
        self.fac_fixed_kind.setPlaceholderText(QCoreApplication.translate("ImportWizard", "z. B. Grundschule"))
        self.fac_phase_column = ColumnCombo()
        self.fac_phase = _data_combo([(p.value, p.value) for p in Phase])
        self.fac_phase_column.setAccessibleName(QCoreApplication.translate("ImportWizard", "Spalte der Bildungsphase"))
        self.fac_address = [ColumnCombo() for _ in range(4)]
        for number, combo in enumerate(self.fac_address, start=1):
            combo.setAccessibleName(
                QCoreApplication.translate("ImportWizard", "Adresse, Spalte {number}").format(number=number))
        address = QHBoxLayout()
        for combo in self.fac_address:
            address.addWidget(combo, 1)
        self.fac_offering = _data_combo(
            [
                (QCoreApplication.translate("ImportWizard", "vor Ort (analog)"), Offering.ANALOG.value),
                (QCoreApplication.translate("ImportWizard", "digital"), Offering.DIGITAL.value),
                (QCoreApplication.translate("ImportWizard", "beides"), Offering.BOTH.value),
            ]
        )
        self.fac_x = ColumnCombo()
        self.fac_y = ColumnCombo()
        self.fac_x.setAccessibleName(QCoreApplication.translate("ImportWizard", "x-Spalte"))
        self.fac_y.setAccessibleName(QCoreApplication.translate("ImportWizard", "y-Spalte"))
        self.fac_crs = CrsCombo()
        self.fac_crs.setObjectName("crs")
        fac = QWidget()
        fac.setLayout(
            _form(
                (QCoreApplication.translate("ImportWizard", "Einr&ichtungsnummer:"), self.fac_key),
                (QCoreApplication.translate("ImportWizard", "Bezeichn&ung:"), self.fac_name),
                (
                    QCoreApplication.translate("ImportWizard", "&Art-Spalte:"),
                    _pair(self.fac_kind, QCoreApplication.translate("ImportWizard", "oder fest:"), self.fac_fixed_kind),
                ),
                (
                    QCoreApplication.translate("ImportWizard", "&Bildungsphase:"),
                    _pair(
                        self.fac_phase,
                        QCoreApplication.translate("ImportWizard", "oder Spalte:"),
                        self.fac_phase_column,
                    ),
                ),
                (QCoreApplication.translate("ImportWizard", "Adr&esse (Spalten):"), address),
                (QCoreApplication.translate("ImportWizard", "Angebots&form:"), self.fac_offering),
                (
                    QCoreApplication.translate("ImportWizard", "Lage: &x-Spalte:"),
                    _pair(self.fac_x, QCoreApplication.translate("ImportWizard", "y-Spalte:"), self.fac_y),
                ),
                (QCoreApplication.translate("ImportWizard", "Koordinaten&system:"), self.fac_crs),
            )
        )

        # regions (a region list)
        self.reg_key = ColumnCombo(optional=False)
        self.reg_name = ColumnCombo(optional=False)
        self.reg_level = _data_combo(
            [
                (
                    level_label(v.value)
                    if v != RegionLevel.OTHER
                    else QCoreApplication.translate("ImportWizard", "sonstiges Gebiet"),
                    v.value,
                )
                for v in RegionLevel
            ]
        )
        self.reg_level_column = ColumnCombo()
        self.reg_level_column.setAccessibleName(QCoreApplication.translate("ImportWizard", "Spalte der Ebene"))
        self.reg_parent = ColumnCombo()
        reg = QWidget()
        reg.setLayout(
            _form(
                (QCoreApplication.translate("ImportWizard", "Sc&hlüssel:"), self.reg_key),
                (QCoreApplication.translate("ImportWizard", "Na&me:"), self.reg_name),
                (
                    QCoreApplication.translate("ImportWizard", "&Ebene:"),
                    _pair(
                        self.reg_level,
                        QCoreApplication.translate("ImportWizard", "oder Spalte:"),
                        self.reg_level_column,
                    ),
                ),
                (
                    QCoreApplication.translate("ImportWizard", "Übergeordnetes &Gebiet (Schlüssel-Spalte):"),
                    self.reg_parent,
                ),
            )
        )

        self.stack = QStackedWidget()
        for widget in (obs, fac, reg):
            self.stack.addWidget(widget)

        # the column table: measures and dimensions (observations), attributes (facilities)
        self.column_model = ColumnsModel(self)
        self.columns = QTableView()
        self.columns.setObjectName("columnTable")
        self.columns.setModel(self.column_model)
        self.columns.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.columns.setAccessibleDescription(QCoreApplication.translate(
            "ImportWizard", "Eine Zeile je Spalte der Datei mit ihrer Rolle (Wert, Merkmal, Attribut oder nicht "
                            "übernehmen); F2 oder Tippen ändert die Rolle"))
        self.columns.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, F2 or typing edits
        self.columns.setItemDelegateForColumn(COL_ROLE, ComboDelegate(parent=self.columns))
        self.columns_label = QLabel(QCoreApplication.translate("ImportWizard", "Spalten mi&t Werten:"))
        self.columns_label.setBuddy(self.columns)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {status_colour(ERROR)};")
        self.error.hide()
        self.info = QLabel()
        self.info.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.region_group)
        left_layout.addWidget(self.stack)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.columns_label)
        right_layout.addWidget(self.columns, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.info)

        # every widget edits one field of the template
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.template_choice.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.load_button.clicked.connect(self.load_template_dialog)
        self.save_button.clicked.connect(self.save_template_dialog)
        self._line(self.name_edit, ("name",), "")
        self._column(self.region_key, ("regions", "key"))
        self._column(self.region_name, ("regions", "name"))
        self._line(self.region_fixed, ("regions", "fixed"))
        self._column(self.period, ("observations", "period"))
        self._line(self.fixed_period, ("observations", "fixed_period"))
        self._column(self.fac_key, ("facilities", "key"), "")
        self._column(self.fac_name, ("facilities", "name"), "")
        self._column(self.fac_kind, ("facilities", "kind"))
        self._line(self.fac_fixed_kind, ("facilities", "fixed_kind"))
        self._choice(self.fac_phase, ("facilities", "phase"))
        self._column(self.fac_phase_column, ("facilities", "phase_column"))
        for number, combo in enumerate(self.fac_address):
            combo.currentIndexChanged.connect(lambda _i, n=number, c=combo: self._address_changed(n, c.column()))
        self._choice(self.fac_offering, ("facilities", "offering"))
        self._column(self.fac_x, ("facilities", "x"))
        self._column(self.fac_y, ("facilities", "y"))
        self.fac_crs.currentTextChanged.connect(
            lambda _t: self._set_field(("facilities", "crs"), self.fac_crs.crs(), merge="facilities.crs"))
        self._column(self.reg_key, ("regionlist", "key"), "")
        self._column(self.reg_name, ("regionlist", "name"), "")
        self._choice(self.reg_level, ("regionlist", "level"))
        self._column(self.reg_level_column, ("regionlist", "level_column"))
        self._column(self.reg_parent, ("regionlist", "parent"))
        self.column_model.edited.connect(lambda template: self._edit(template))
        self._editors: list[QWidget] = [
            self.target, self.template_choice, self.name_edit, self.fixed_period, self.fac_fixed_kind,
            self.fac_phase, self.fac_offering, self.reg_level, self.region_fixed, self.fac_crs,
            *self.findChildren(ColumnCombo),
        ]
        # undo and redo while the focus is on the page (a text field undoes its own typing first)
        undo = QAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo_stack.undo)
        redo = QAction(self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(self.undo_stack.redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo

    def _line(self, edit: QLineEdit, path: FieldPath, empty: str | None = None) -> None:
        edit.textChanged.connect(lambda text: self._set_field(path, text.strip() or empty, merge=".".join(path)))

    def _column(self, combo: ColumnCombo, path: FieldPath, empty: str | None = None) -> None:
        combo.currentIndexChanged.connect(lambda _i: self._set_field(path, combo.column() or empty))

    def _choice(self, combo: QComboBox, path: FieldPath) -> None:
        combo.currentIndexChanged.connect(lambda _i: self._set_field(path, combo.currentData()))

    def _set_field(self, path: FieldPath, value: Any, merge: str | None = None) -> None:
        """The edit of one widget; a widget of another target's form (hidden) edits nothing."""
        section = path[0] if len(path) > 1 else None
        target = self._state.target
        if (section in _EMPTY and section != SECTIONS[target][0]) or (section == "regions" and target == "regions"):
            return
        if path == ("regions", "fixed") and target != "facilities":
            return
        self._edit(_set_at(self._state, path, value), merge)

    def _address_changed(self, number: int, column: str | None) -> None:
        """Address field ``number`` edits that place of the address (an emptied field stays a gap until saved)."""
        fac = self._state.facilities or FacilityMapping("", "")
        address = list(fac.address) + [""] * (number + 1 - len(fac.address))
        address[number] = column or ""
        while address and not address[-1]:
            address.pop()
        self._set_field(("facilities", "address"), address)

    # --- page -----------------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        frame = self.wiz.preview_frame
        if frame is self._frame_seen:
            return
        self._frame_seen = frame
        columns = [str(c) for c in frame.columns] if frame is not None else []
        if self._path_seen is not None and self._path_seen == self.wiz.path and columns == self._columns:
            # the same table read again ("Zurück" to the file or the preview, another footer setting): the
            # user's mapping, renamed attributes and indicators included, stays as it is
            return
        self._path_seen = self.wiz.path
        self._set_columns(columns)
        self._choice_changed()

    def validatePage(self) -> bool:
        try:
            self.wiz.template = self.template().validate()
        except Exception as exc:
            self._show_error(message_for(exc))
            return False
        self._show_error("")
        return True

    def _show_error(self, text: str) -> None:
        show_message(self.error, text)

    def _set_columns(self, names: list[str]) -> None:
        self._columns = names
        for combo in self.findChildren(ColumnCombo):
            combo.set_columns(names)

    # --- choices ----------------------------------------------------------------------------------------------
    def _target_changed(self) -> None:
        self._select_choice(0)
        self._start(self._suggestion(self.target.currentData()))

    def _choice_changed(self) -> None:
        template = self.templates[self.template_choice.currentData() or 0]
        self._start(template or self._suggestion(self.target.currentData()))

    def _select_choice(self, index: int) -> None:
        with QSignalBlocker(self.template_choice):
            self.template_choice.setCurrentIndex(index)

    def _suggestion(self, target: str) -> ImportTemplate:
        frame = self.wiz.preview_frame
        stem = self.wiz.path.stem if self.wiz.path else ""
        name = (
            QCoreApplication.translate("ImportWizard", "Vorlage für {name}").format(name=stem)
            if stem
            else QCoreApplication.translate("ImportWizard", "Neue Importvorlage")
        )
        if frame is None:
            return ImportTemplate(name, target)  # type: ignore[arg-type]
        return suggest_template(frame, target, name=name)  # type: ignore[arg-type]

    def use_template(self, template: ImportTemplate, label: str) -> None:
        """Add ``template`` to the choices, apply its read hints (re-reading the preview), and show it."""
        hints = template.read
        wiz = self.wiz
        if (
            (hints.sheet is not None and hints.sheet != wiz.sheet)
            or hints.header_rows != wiz.header_rows
            or hints.skip_rows != wiz.skip_rows
            or hints.footer_rows != wiz.footer_rows
            or hints.stop_at != wiz.stop_at
        ):
            wiz.preview_page.apply_hints(
                hints.sheet, hints.header_rows, hints.skip_rows, hints.footer_rows, hints.stop_at
            )
            frame = wiz.preview_frame
            self._frame_seen = frame
            self._set_columns([str(c) for c in frame.columns] if frame is not None else [])
            if frame is None:
                self._show_error(wiz.preview_page.error.text())
        self.templates.append(template)
        with QSignalBlocker(self.template_choice):
            self.template_choice.addItem(label, len(self.templates) - 1)
            self.template_choice.setCurrentIndex(self.template_choice.count() - 1)
        self._start(template)

    def load_template_dialog(self) -> None:
        start = str(self.wiz.path.parent) if self.wiz.path else self.wiz.start_dir
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportWizard", "Importvorlage laden"),
            start,
            QCoreApplication.translate("ImportWizard", "Importvorlagen (*.toml);;Alle Dateien (*)"),
        )
        if not name:
            return
        try:
            template = ImportTemplate.load(Path(name))
        except Exception as exc:
            self._show_error(message_for(exc))
            return
        self._show_error("")
        self.use_template(template, Path(name).name)

    def save_template_dialog(self) -> Path | None:
        try:
            template = self.template().validate()
        except Exception as exc:
            self._show_error(message_for(exc))
            return None
        start = Path(self.wiz.path.parent if self.wiz.path else self.wiz.start_dir or ".")
        suggestion = start / f"{template.name.replace('/', '-')}.toml"
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ImportWizard", "Importvorlage speichern"),
            str(suggestion),
            QCoreApplication.translate("ImportWizard", "Importvorlagen (*.toml)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        try:
            template.save(path)
        except OSError as exc:
            self._show_error(
                QCoreApplication.translate("ImportWizard", "Die Vorlage lässt sich nicht speichern: {error}").format(
                    error=exc.strerror or exc
                )
            )
            return None
        self._show_error("")
        self.info.setText(QCoreApplication.translate("ImportWizard", "Vorlage gespeichert: {path}").format(path=path))
        return path


    # --- the state ----------------------------------------------------------------------------------------------
    def template(self) -> ImportTemplate:
        """The template as the check imports it and "Vorlage speichern …" writes it (see the module docstring);
        not yet validated."""
        state = self._state
        name = state.name.strip() or QCoreApplication.translate("ImportWizard", "Neue Importvorlage")
        key, empty = SECTIONS[state.target]
        sections: dict[str, Any] = {other: None for other, _ in SECTIONS.values()}
        sections[key] = getattr(state, key) or empty()
        if (fac := sections["facilities"]) is not None:
            sections["facilities"] = replace(fac, address=[c for c in fac.address if c],
                                             phase=None if fac.phase_column else fac.phase or Phase.SCHULE.value)
        if (reg := sections["regionlist"]) is not None:
            sections["regionlist"] = replace(
                reg, level=None if reg.level_column else reg.level or RegionLevel.OTHER.value)
        regions = RegionMapping() if state.target == "regions" else state.regions
        if state.target != "facilities":
            regions = replace(regions, fixed=None)
        elif regions.fixed:  # the fixed region wins over the columns beside it
            regions = replace(regions, key=None, name=None)
        return replace(state, name=name, read=self.wiz.read_hints(state.read.decimal), regions=regions, **sections)

    def _start(self, template: ImportTemplate) -> None:
        """Edit another template from now on (a new file, the target, a template chosen or loaded)."""
        self.undo_stack.clear()
        self._state = template
        self._show(template, fresh=True)

    def _edit(self, template: ImportTemplate, merge: str | None = None) -> None:
        """A widget's edit: one undo step (edits of one text field in a row merge)."""
        if template != self._state:
            self.undo_stack.push(_TemplateEdit(self, self._state, template, merge))

    def _set_state(self, template: ImportTemplate) -> None:
        self._state = template
        self._show(template)

    # --- template → widgets -------------------------------------------------------------------------------------
    def _show(self, template: ImportTemplate, *, fresh: bool = False) -> None:
        """Every widget shows ``template`` (signals blocked, so showing edits nothing); ``fresh``: another
        template, the column table is laid out anew."""
        blockers = [QSignalBlocker(widget) for widget in self._editors]
        try:
            target = template.target
            _set_data(self.target, target)
            self.stack.setCurrentIndex(TARGETS.index(target))
            self.region_group.setVisible(target != "regions")
            _set_text(self.name_edit, template.name)
            self.region_key.set_column(template.regions.key)
            self.region_name.set_column(template.regions.name)
            _set_text(self.region_fixed, template.regions.fixed)
            self.region_form.setRowVisible(self.region_fixed, target == "facilities")
            fixed_region = target == "facilities" and bool(template.regions.fixed)
            self.region_key.setEnabled(not fixed_region)
            self.region_name.setEnabled(not fixed_region)
            obs = template.observations or ObservationMapping()
            self.period.set_column(obs.period)
            _set_text(self.fixed_period, obs.fixed_period)
            fac = template.facilities or FacilityMapping("", "")
            self.fac_key.set_column(fac.key or None)
            self.fac_name.set_column(fac.name or None)
            self.fac_kind.set_column(fac.kind)
            _set_text(self.fac_fixed_kind, fac.fixed_kind)
            _set_data(self.fac_phase, fac.phase or Phase.SCHULE.value)
            self.fac_phase_column.set_column(fac.phase_column)
            for number, combo in enumerate(self.fac_address):
                combo.set_column((fac.address[number] or None) if number < len(fac.address) else None)
            _set_data(self.fac_offering, fac.offering)
            self.fac_x.set_column(fac.x)
            self.fac_y.set_column(fac.y)
            self.fac_crs.set_crs(fac.crs)
            reg = template.regionlist or RegionListMapping("", "")
            self.reg_key.set_column(reg.key or None)
            self.reg_name.set_column(reg.name or None)
            _set_data(self.reg_level, reg.level or RegionLevel.OTHER.value)
            self.reg_level_column.set_column(reg.level_column)
            self.reg_parent.set_column(reg.parent)
        finally:
            for blocker in blockers:
                blocker.unblock()
        self.column_model.show(template, self._columns, fresh=fresh)
        observations = target == "observations"
        self.columns.setColumnHidden(COL_LABEL, not observations)
        self.columns.setColumnHidden(COL_UNIT, not observations)
        self.columns_label.setVisible(target != "regions")
        self.columns.setVisible(target != "regions")
        if fresh:
            self.columns.resizeColumnToContents(COL_ROLE)

    # --- the column table -----------------------------------------------------------------------------------------
    def role(self, column: str) -> str:
        """The "Verwendung" of ``column`` (``NONE``, ``MEASURE``, ``DIMENSION`` or ``ATTRIBUTE``)."""
        self._row_of(column)
        return role_of(self._state, column)

    def set_role(self, column: str, role: str, code: str = "", label: str = "", unit: str = "") -> None:
        """Use ``column`` as ``role`` with that indicator code (or attribute name), name and unit: one edit."""
        self._row_of(column)
        template = with_role(self._state, column, role, self.column_model.rows)
        for cell, text in ((COL_CODE, code), (COL_LABEL, label), (COL_UNIT, unit)):
            template = with_text(template, column, cell, text)
        self._edit(template)

    def _row_of(self, column: str) -> int:
        rows = self.column_model.rows
        if column not in rows:
            raise KeyError(column)
        return rows.index(column)
