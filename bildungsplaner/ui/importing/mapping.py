"""The mapping page of the import assistant: which column of a generic table means what.

The page edits an :class:`~bildungsplaner.importing.template.ImportTemplate`: it starts from
:func:`~bildungsplaner.importing.template_suggest.suggest_template` (or a loaded TOML template), shows it as combo
boxes per role and a table of the columns (measure/dimension/attribute), and builds the template back with
:meth:`ImportTemplate.validate`, so the rules are those of the template file. "Vorlage speichern …" writes the
TOML that ``bildungsplaner import --template`` and this page read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from bildungsplaner.importing.template import (
    FacilityMapping,
    ImportTemplate,
    Measure,
    ObservationMapping,
    RegionListMapping,
    RegionMapping,
)
from bildungsplaner.importing.template_suggest import suggest_template
from bildungsplaner.store.models import Offering, Phase, RegionLevel
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.importing.widgets import (
    CHOICES_ROLE,
    VALUE_ROLE,
    Assistant,
    ComboDelegate,
    message_for,
    set_choice,
)

__all__ = ["MappingPage"]

TARGETS = ("observations", "facilities", "regions")
NONE, MEASURE, DIMENSION, ATTRIBUTE = "", "measure", "dimension", "attribute"
# columns of the column table
COL_NAME, COL_ROLE, COL_CODE, COL_LABEL, COL_UNIT = range(5)


def _target_label(target: str) -> str:
    return {
        "observations": QCoreApplication.translate("ImportWizard", "Beobachtungen (Werte je Gebiet und Zeitraum)"),
        "facilities": QCoreApplication.translate("ImportWizard", "Einrichtungen (Schulen, Kitas, …)"),
        "regions": QCoreApplication.translate("ImportWizard", "Gebiete (Stadtteile, Sozialräume, …)"),
    }[target]


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class ColumnCombo(QComboBox):
    """A choice of one column of the table (or none); keeps a template's column missing from the table."""

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_columns(self, names: list[str]) -> None:
        current = self.column()
        self.blockSignals(True)
        self.clear()
        self.addItem(
            QCoreApplication.translate("ImportWizard", "(keine)")
            if self.optional
            else QCoreApplication.translate("ImportWizard", "(bitte wählen)"),
            None,
        )
        for name in names:
            self.addItem(name, name)
        self.blockSignals(False)
        self.set_column(current)

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
        if isinstance(widget, QWidget):
            label.setBuddy(widget)
        else:
            label.setBuddy(widget.itemAt(0).widget())
        form.addRow(label, widget)
    return form


def _pair(first: QWidget, between: str, second: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(first, 1)
    row.addWidget(QLabel(between))
    row.addWidget(second, 1)
    return row


class MappingPage(QWizardPage):
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
        self._filling = False
        self._frame_seen: Any = None
        self._path_seen: Path | None = None  #: the file whose columns the page shows
        self._columns: list[str] = []
        self._extra: dict[str, Any] = {}
        self.templates: list[ImportTemplate | None] = [None]  # index 0: the suggestion

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
        self.region_group = QGroupBox(QCoreApplication.translate("ImportWizard", "Gebiet jeder Zeile"))
        self.region_group.setLayout(
            _form(
                (QCoreApplication.translate("ImportWizard", "&Gebietsschlüssel:"), self.region_key),
                (QCoreApplication.translate("ImportWizard", "Gebietsna&me:"), self.region_name),
            )
        )

        # observations
        self.period = ColumnCombo()
        self.fixed_period = QLineEdit()
        self.fixed_period.setObjectName("fixedPeriod")
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
        self.fac_fixed_kind.setPlaceholderText(QCoreApplication.translate("ImportWizard", "z. B. Grundschule"))
        self.fac_phase_column = ColumnCombo()
        self.fac_phase = _data_combo([(p.value, p.value) for p in Phase])
        self.fac_address = [ColumnCombo() for _ in range(4)]
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
        self.columns = QTableWidget(0, 5)
        self.columns.setObjectName("columnTable")
        self.columns.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "Spalte"),
                QCoreApplication.translate("ImportWizard", "Verwendung"),
                QCoreApplication.translate("ImportWizard", "Indikatorcode"),
                QCoreApplication.translate("ImportWizard", "Indikatorname"),
                QCoreApplication.translate("ImportWizard", "Einheit"),
            ]
        )
        self.columns.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.columns.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, F2 or typing edits
        self.columns.setItemDelegateForColumn(COL_ROLE, ComboDelegate(parent=self.columns))
        self.columns_label = QLabel(QCoreApplication.translate("ImportWizard", "Spalten mi&t Werten:"))
        self.columns_label.setBuddy(self.columns)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
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

        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.template_choice.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.load_button.clicked.connect(self.load_template_dialog)
        self.save_button.clicked.connect(self.save_template_dialog)

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
            self.wiz.template = self.build_template()
        except Exception as exc:
            self._show_error(message_for(exc))
            return False
        self._show_error("")
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_columns(self, names: list[str]) -> None:
        self._columns = names
        for combo in self.findChildren(ColumnCombo):
            combo.set_columns(names)

    # --- choices ----------------------------------------------------------------------------------------------
    def _target_changed(self) -> None:
        if self._filling:
            return
        self.show_template(self._suggestion(self.target.currentData()))
        self._select_choice(0)

    def _choice_changed(self) -> None:
        if self._filling:
            return
        template = self.templates[self.template_choice.currentData() or 0]
        self.show_template(template or self._suggestion(self.target.currentData()))

    def _select_choice(self, index: int) -> None:
        self._filling = True
        try:
            self.template_choice.setCurrentIndex(index)
        finally:
            self._filling = False

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
        self._filling = True
        try:
            self.template_choice.addItem(label, len(self.templates) - 1)
            self.template_choice.setCurrentIndex(self.template_choice.count() - 1)
        finally:
            self._filling = False
        self.show_template(template)

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
            template = self.build_template()
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

    # --- template → widgets -------------------------------------------------------------------------------------
    def show_template(self, template: ImportTemplate) -> None:
        self._filling = True
        try:
            _set_data(self.target, template.target)
            self.stack.setCurrentIndex(TARGETS.index(template.target))
            self.region_group.setVisible(template.target != "regions")
            self.name_edit.setText(template.name)
            self.region_key.set_column(template.regions.key)
            self.region_name.set_column(template.regions.name)
            self._extra = {
                "description": template.description,
                "decimal": template.read.decimal,
                "assign": dict(template.regions.assign),
                "create_unmatched": template.regions.create_unmatched,
                "fixed_dimensions": {},
                "phases": {},
                "extra_address": [],
            }
            roles: dict[str, tuple[str, str, str, str]] = {}
            obs, fac, reg = template.observations, template.facilities, template.regionlist
            if obs is not None:
                self.period.set_column(obs.period)
                self.fixed_period.setText(obs.fixed_period or "")
                for m in obs.measures:
                    roles[m.column] = (MEASURE, m.indicator or "", m.name or "", m.unit or "")
                    if m.phase:
                        self._extra["phases"][m.column] = m.phase
                for d in obs.dimensions:
                    roles[d] = (DIMENSION, "", "", "")
                self._extra["fixed_dimensions"] = dict(obs.fixed_dimensions)
            if fac is not None:
                self.fac_key.set_column(fac.key or None)
                self.fac_name.set_column(fac.name or None)
                self.fac_kind.set_column(fac.kind)
                self.fac_fixed_kind.setText(fac.fixed_kind or "")
                _set_data(self.fac_phase, fac.phase or Phase.SCHULE.value)
                self.fac_phase_column.set_column(fac.phase_column)
                for i, combo in enumerate(self.fac_address):
                    combo.set_column(fac.address[i] if i < len(fac.address) else None)
                self._extra["extra_address"] = fac.address[len(self.fac_address) :]
                _set_data(self.fac_offering, fac.offering)
                for attribute, column in fac.attributes.items():
                    roles[column] = (ATTRIBUTE, attribute, "", "")
            if reg is not None:
                self.reg_key.set_column(reg.key or None)
                self.reg_name.set_column(reg.name or None)
                _set_data(self.reg_level, reg.level or RegionLevel.OTHER.value)
                self.reg_level_column.set_column(reg.level_column)
                self.reg_parent.set_column(reg.parent)
            self._fill_column_table(template.target, roles)
        finally:
            self._filling = False

    def _role_items(self, target: str) -> list[tuple[str, str]]:
        if target == "observations":
            return [
                (QCoreApplication.translate("ImportWizard", "–"), NONE),
                (QCoreApplication.translate("ImportWizard", "Messwert"), MEASURE),
                (QCoreApplication.translate("ImportWizard", "Dimension"), DIMENSION),
            ]
        if target == "facilities":
            return [
                (QCoreApplication.translate("ImportWizard", "–"), NONE),
                (QCoreApplication.translate("ImportWizard", "Attribut"), ATTRIBUTE),
            ]
        return [(QCoreApplication.translate("ImportWizard", "–"), NONE)]

    def _fill_column_table(self, target: str, roles: dict[str, tuple[str, str, str, str]]) -> None:
        names = list(self._columns) + [c for c in roles if c not in self._columns]
        table = self.columns
        table.setRowCount(0)
        table.setRowCount(len(names))
        observations = target == "observations"
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "Spalte"),
                QCoreApplication.translate("ImportWizard", "Verwendung"),
                QCoreApplication.translate("ImportWizard", "Indikatorcode")
                if observations
                else QCoreApplication.translate("ImportWizard", "Attributname"),
                QCoreApplication.translate("ImportWizard", "Indikatorname"),
                QCoreApplication.translate("ImportWizard", "Einheit"),
            ]
        )
        table.setColumnHidden(COL_LABEL, not observations)
        table.setColumnHidden(COL_UNIT, not observations)
        self.columns_label.setVisible(target != "regions")
        table.setVisible(target != "regions")
        for row, name in enumerate(names):
            role, code, label, unit = roles.get(name, (NONE, "", "", ""))
            item = QTableWidgetItem(
                name
                if name in self._columns
                else QCoreApplication.translate("ImportWizard", "{name} (fehlt in der Tabelle)").format(name=name)
            )
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, COL_NAME, item)
            choice = QTableWidgetItem()
            choice.setData(CHOICES_ROLE, self._role_items(target))
            table.setItem(row, COL_ROLE, choice)
            set_choice(table.model(), table.model().index(row, COL_ROLE), role)
            for column, text in ((COL_CODE, code), (COL_LABEL, label), (COL_UNIT, unit)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnToContents(COL_ROLE)

    # --- widgets → template -------------------------------------------------------------------------------------
    def role(self, column: str) -> str:
        """The "Verwendung" of ``column`` (``NONE``, ``MEASURE``, ``DIMENSION`` or ``ATTRIBUTE``)."""
        return self.columns.item(self._row_of(column), COL_ROLE).data(VALUE_ROLE) or NONE

    def set_role(self, column: str, role: str, code: str = "", label: str = "", unit: str = "") -> None:
        row = self._row_of(column)
        set_choice(self.columns.model(), self.columns.model().index(row, COL_ROLE), role)
        for col, text in ((COL_CODE, code), (COL_LABEL, label), (COL_UNIT, unit)):
            self.columns.item(row, col).setText(text)

    def _row_of(self, column: str) -> int:
        for row in range(self.columns.rowCount()):
            if self.columns.item(row, COL_NAME).data(Qt.ItemDataRole.UserRole) == column:
                return row
        raise KeyError(column)

    def _column_rows(self) -> list[tuple[str, str, str | None, str | None, str | None]]:
        rows = []
        for row in range(self.columns.rowCount()):
            name = self.columns.item(row, COL_NAME).data(Qt.ItemDataRole.UserRole)
            role = self.columns.item(row, COL_ROLE).data(VALUE_ROLE) or NONE
            texts = [
                (self.columns.item(row, c).text().strip() or None) if self.columns.item(row, c) else None
                for c in (COL_CODE, COL_LABEL, COL_UNIT)
            ]
            rows.append((name, role, *texts))
        return rows

    def build_template(self) -> ImportTemplate:
        """The template the widgets describe, checked by :meth:`ImportTemplate.validate` (German errors)."""
        target = self.target.currentData()
        extra = self._extra
        name = self.name_edit.text().strip() or QCoreApplication.translate("ImportWizard", "Neue Importvorlage")
        hints = self.wiz.read_hints(extra.get("decimal"))
        regions = RegionMapping(
            self.region_key.column(),
            self.region_name.column(),
            dict(extra.get("assign", {})),
            bool(extra.get("create_unmatched", False)),
        )
        template = ImportTemplate(name, target, read=hints, regions=regions, description=extra.get("description"))
        rows = self._column_rows()
        if target == "observations":
            template.observations = ObservationMapping(
                [
                    Measure(c, code, label, unit, extra.get("phases", {}).get(c))
                    for c, role, code, label, unit in rows
                    if role == MEASURE
                ],
                self.period.column(),
                _text(self.fixed_period),
                [c for c, role, *_ in rows if role == DIMENSION],
                dict(extra.get("fixed_dimensions", {})),
            )
        elif target == "facilities":
            address = [c for c in (combo.column() for combo in self.fac_address) if c]
            phase_column = self.fac_phase_column.column()
            template.facilities = FacilityMapping(
                self.fac_key.column() or "",
                self.fac_name.column() or "",
                self.fac_kind.column(),
                _text(self.fac_fixed_kind),
                None if phase_column else self.fac_phase.currentData(),
                phase_column,
                address + list(extra.get("extra_address", [])),
                self.fac_offering.currentData(),
                {(code or c): c for c, role, code, _l, _u in rows if role == ATTRIBUTE},
            )
        else:
            level_column = self.reg_level_column.column()
            template.regions = RegionMapping()
            template.regionlist = RegionListMapping(
                self.reg_key.column() or "",
                self.reg_name.column() or "",
                None if level_column else self.reg_level.currentData(),
                level_column,
                self.reg_parent.column(),
            )
        return template.validate()
