"""The editor of an allocation scenario: recipients, need terms (weight as spin box and slider), amount; the
result table with its explanation per recipient, the warnings and the bar chart.

Every widget change becomes an :class:`~bildungsplaner.ui.planning.commands.Edit` handed to the host; the
widgets are then refreshed from the spec (:meth:`AllocationEditor.show_spec`), so undo and redo show up in
the widgets as well.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.planning.allocation import AllocationResult, AllocationSpec, NeedTerm
from bildungsplaner.planning.groups import Grouping
from bildungsplaner.services.planning import group_levels, group_result
from bildungsplaner.ui.common.accessibility import announce, describe_chart, keyboard_sorting, series_summary
from bildungsplaner.ui.common.completers import ListCompleter, RegionCompleter
from bildungsplaner.ui.common.theme import ERROR, status_colour
from bildungsplaner.ui.planning.commands import Edit
from bildungsplaner.ui.planning.models import AllocationResultModel
from bildungsplaner.ui.planning.widgets import AllocationChart, EditorHost, GroupToggle, WarningList, result_view

__all__ = ["AllocationEditor", "method_labels"]

SLIDER_SCALE = 100  # slider steps per weight unit (0.01)
SLIDER_MAX = 100  # weights 0 … 1 on the slider; the spin box allows more
NAME_WIDTH = 220  # pixels at most for the recipients' names in the result table


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def method_labels() -> dict[str, str]:
    return {"hare-niemeyer": tr("Hare-Niemeyer (größter Rest)"), "sainte-lague": tr("Sainte-Laguë/Schepers"),
            "dhondt": tr("D'Hondt"), "exact": tr("exakt (ohne Runden)")}



def _spin(maximum: float = 1e9, decimals: int = 2, step: float = 1.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setKeyboardTracking(False)  # valueChanged on Enter, focus change or arrow keys, not per digit
    spin.setGroupSeparatorShown(True)
    return spin


class TermRow:
    """The widgets of one need term (one row of the grid)."""

    def __init__(self, editor: AllocationEditor, index: int, grid: QGridLayout, row: int) -> None:
        self.index = index
        self.source = QComboBox()
        self.source.setEditable(True)
        self.times = QComboBox()
        self.times.setEditable(True)
        for combo in (self.source, self.times):
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setMinimumContentsLength(18)
        self.times.addItem("", "")
        for source in editor.sources:
            self.source.addItem(source, source)
            self.times.addItem(source, source)
        self.weight = _spin(1000.0, 2, 0.05)
        self.weight.setObjectName(f"weightSpin{index}")
        self.weight.setToolTip(tr("Gewicht des Terms (die Gewichte werden auf die Summe 1 normiert)"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"weightSlider{index}")
        self.slider.setRange(0, SLIDER_MAX)
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(120)
        self.slider.setToolTip(self.weight.toolTip())
        self.period = QLineEdit()
        self.period.setPlaceholderText(tr("neuester"))
        self.period.setMaximumWidth(110)
        self.period.setToolTip(tr("Zeitraum des Indikators, z. B. 2024-12-31; leer: der neueste"))
        self.missing = QComboBox()
        self.missing.addItem(tr("Fehler"), "error")
        self.missing.addItem(tr("als 0"), "zero")
        self.missing.setToolTip(tr("Fehlende Werte: die Berechnung ablehnen oder als 0 zählen"))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(tr("Term entfernen"))
        number = index + 1
        for widget, text in ((self.source, tr("Term {number}: Quelle")), (self.times, tr("Term {number}: mal")),
                             (self.weight, tr("Term {number}: Gewicht")),
                             (self.slider, tr("Term {number}: Gewicht (Schieberegler)")),
                             (self.period, tr("Term {number}: Zeitraum")),
                             (self.missing, tr("Term {number}: fehlende Werte")),
                             (self.remove, tr("Term {number} entfernen"))):
            widget.setAccessibleName(text.format(number=number))
        for column, widget in enumerate((self.source, QLabel("×"), self.times, self.weight, self.slider,
                                         self.period, self.missing, self.remove)):
            grid.addWidget(widget, row, column)
        i = index
        self.source.activated.connect(lambda _=0: editor.set_term(i, "source", self.source.currentText().strip()))
        self.source.lineEdit().editingFinished.connect(
            lambda: editor.set_term(i, "source", self.source.currentText().strip()))
        self.times.activated.connect(lambda _=0: editor.set_term(i, "times", self.times.currentText().strip()))
        self.times.lineEdit().editingFinished.connect(
            lambda: editor.set_term(i, "times", self.times.currentText().strip()))
        self.weight.valueChanged.connect(lambda v: editor.set_weight(i, v, slider=False))
        self.slider.valueChanged.connect(lambda v: editor.set_weight(i, v / SLIDER_SCALE, slider=True))
        self.period.editingFinished.connect(lambda: editor.set_term(i, "period", self.period.text().strip()))
        self.missing.activated.connect(lambda _=0: editor.set_term(i, "missing", self.missing.currentData()))
        self.remove.clicked.connect(lambda: editor.remove_term(i))

    def widgets(self) -> list[QWidget]:
        return [self.source, self.times, self.weight, self.slider, self.period, self.missing, self.remove]

    def show(self, term: NeedTerm) -> None:
        for widget in self.widgets():
            widget.blockSignals(True)
        self.source.setCurrentText(term.source)
        self.times.setCurrentText(term.times or "")
        self.weight.setValue(term.weight)
        self.slider.setValue(min(SLIDER_MAX, round(term.weight * SLIDER_SCALE)))
        self.period.setText(term.period or "")
        self.missing.setCurrentIndex(max(0, self.missing.findData(term.missing)))
        for widget in self.widgets():
            widget.blockSignals(False)


class AllocationEditor(QWidget):
    """Form, result table, warnings and chart of one allocation scenario."""

    def __init__(self, host: EditorHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocationEditor")
        self.host = host
        self.sources: list[str] = []
        self.terms: list[TermRow] = []
        self._term_widgets: list[QWidget] = []

        # recipients
        self.recipient_type = QComboBox()
        self.recipient_type.setObjectName("recipientType")
        self.recipient_type.addItem(tr("Einrichtungen"), "facility")
        self.recipient_type.addItem(tr("Gebiete"), "region")
        self.facility_kinds = QLineEdit()
        self.facility_kinds.setObjectName("facilityKinds")
        self.facility_kinds.setPlaceholderText(tr("alle Arten; mehrere mit Komma trennen"))
        self.kinds_completer = ListCompleter(parent=self.facility_kinds)
        self.facility_kinds.setCompleter(self.kinds_completer)
        self.region_level = QComboBox()
        self.region_level.setObjectName("regionLevel")
        self.region_level.setEditable(True)
        self.within = QLineEdit()
        self.within.setObjectName("within")
        self.within.setPlaceholderText(tr("Schlüssel oder Name eines Gebiets; leer: alle"))
        self.within_completer = RegionCompleter(self.within)
        self.within.setCompleter(self.within_completer)
        self.within_name = QLabel(self.within_completer.describe(None))
        self.within_name.setObjectName("withinName")
        self.within.textChanged.connect(
            lambda text: self.within_name.setText(self.within_completer.describe(text.strip() or None)))
        within_row = QHBoxLayout()
        within_row.addWidget(self.within, 1)
        within_row.addWidget(self.within_name, 1)
        recipients = QGroupBox(tr("Empfänger"))
        form = QFormLayout(recipients)
        form.addRow(tr("&Art:"), self.recipient_type)
        form.addRow(tr("Einrichtungs&arten:"), self.facility_kinds)
        form.addRow(tr("Gebiets&ebene:"), self.region_level)
        within_label = QLabel(tr("&Innerhalb von:"))
        within_label.setBuddy(self.within)
        form.addRow(within_label, within_row)
        self.recipient_type.activated.connect(lambda _=0: self._type_changed())
        self.facility_kinds.editingFinished.connect(self._kinds_changed)
        self.region_level.activated.connect(lambda _=0: self._level_changed())
        self.region_level.lineEdit().editingFinished.connect(self._level_changed)
        self.within.editingFinished.connect(
            lambda: self._push(("recipients", "within"), self.within.text().strip() or None,
                               tr("Empfänger eingrenzen")))

        # need terms
        need = QGroupBox(tr("Bedarfsterme"))
        need_layout = QVBoxLayout(need)
        self.term_grid = QGridLayout()
        for column, text in enumerate((tr("Quelle"), "", tr("mal"), tr("Gewicht"), "", tr("Zeitraum"),
                                       tr("Fehlende Werte"))):
            self.term_grid.addWidget(QLabel(f"<b>{text}</b>" if text else ""), 0, column)
        need_layout.addLayout(self.term_grid)
        self.add_term_button = QPushButton(tr("Term &hinzufügen"))
        self.add_term_button.setObjectName("addTerm")
        self.add_term_button.clicked.connect(self.add_term)
        need_layout.addWidget(self.add_term_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.validation = QLabel()
        self.validation.setObjectName("validation")
        self.validation.setWordWrap(True)
        self.validation.setStyleSheet(f"color: {status_colour(ERROR)}")

        # amount
        self.total = _spin(1e12, 2, 1.0)
        self.total.setObjectName("total")
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.step = _spin(1e9, 2, 0.5)
        self.step.setMinimum(0.01)
        self.step.setObjectName("step")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for key, label in method_labels().items():
            self.method.addItem(label, key)
        self.base = _spin()
        self.base.setObjectName("base")
        self.minimum = _spin()
        self.minimum.setObjectName("minimum")
        self.maximum = _spin()
        self.maximum.setObjectName("maximum")
        self.maximum.setSpecialValueText(tr("ohne"))
        amount = QGroupBox(tr("Betrag"))
        amount_grid = QGridLayout(amount)  # two label/field pairs per row: the form fits a small screen
        for i, (label, widget) in enumerate(((tr("&Summe:"), self.total), (tr("Ein&heit:"), self.unit),
                                             (tr("Sc&hrittweite:"), self.step), (tr("&Verfahren:"), self.method),
                                             (tr("S&ockel je Empfänger:"), self.base),
                                             (tr("Mi&ndestens:"), self.minimum), (tr("Hö&chstens:"), self.maximum))):
            caption = QLabel(label)
            caption.setBuddy(widget)
            amount_grid.addWidget(caption, i // 2, 2 * (i % 2))
            amount_grid.addWidget(widget, i // 2, 2 * (i % 2) + 1)
        amount_grid.setColumnStretch(1, 1)
        amount_grid.setColumnStretch(3, 1)
        for spin, field, text in ((self.total, "total", tr("Summe ändern")), (self.step, "step", tr("Schrittweite")),
                                  (self.base, "base", tr("Sockel")), (self.minimum, "minimum", tr("Minimum"))):
            spin.valueChanged.connect(lambda v, f=field, t=text: self._push(("amount", f), float(v), t))
        self.maximum.valueChanged.connect(
            lambda v: self._push(("amount", "maximum"), float(v) or None, tr("Maximum")))
        self.unit.editingFinished.connect(lambda: self._push(("amount", "unit"), self.unit.text().strip(),
                                                             tr("Einheit")))
        self.method.activated.connect(lambda _=0: self._push(("amount", "method"), self.method.currentData(),
                                                             tr("Verfahren")))

        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(recipients, 2)
        top.addWidget(amount, 3)
        form_layout.addLayout(top)
        form_layout.addWidget(need)
        form_layout.addWidget(self.validation)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("allocationForm")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty Tab stop: the fields inside scroll into view
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        # results: the table (amount next to the name) beside the chart, the form above both
        self.model = AllocationResultModel(self)
        self.model.lock_requested.connect(self.set_locked)
        self.table, self.proxy = result_view(self.model, "allocationResult")
        self.warnings = WarningList()
        self.chart = AllocationChart()
        self.sum_label = QLabel()
        self.sum_label.setObjectName("allocationSum")
        self.sum_label.setWordWrap(True)
        self.group = GroupToggle("allocationGroup")
        self.table.setAccessibleName(tr("Zuteilung je Empfänger"))
        self.table.setAccessibleDescription(tr(
            "Das Ergebnis des Szenarios: je Empfänger der exakte Anteil und der gerundete Betrag; dieselben Zahlen "
            "wie im Diagramm. Die Leertaste in der Spalte „fest“ hält einen Empfänger fest."))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between cells
        keyboard_sorting(self.table)  # the header click's counterpart in the context menu (Umschalt+F10)
        self.warnings.setAccessibleName(tr("Hinweise zur Berechnung"))
        self.group.check.setAccessibleName(tr("Nach übergeordnetem Gebiet gruppieren"))
        self.group.combo.setAccessibleName(tr("Ebene der Gruppen"))
        describe_chart(self.chart, tr("Diagramm: Zuteilung je Empfänger"), series_summary("empty", [], []))
        self.group.changed.connect(self._show_grouped)
        self.region_rows: list[Any] = []  # the workspace's regions (for grouping), set by the planning area
        self.grouping: Grouping | None = None
        self.warnings.setMaximumHeight(60)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()  # the sum on a line of its own: beside the grouping it is too wide with large text
        head.addWidget(self.group)
        head.addStretch(1)
        table_layout.addWidget(self.sum_label)
        table_layout.addLayout(head)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.warnings)
        self.results = QSplitter(Qt.Orientation.Horizontal)
        self.results.addWidget(table_box)
        self.results.addWidget(self.chart)
        self.results.setStretchFactor(0, 3)
        self.results.setStretchFactor(1, 2)
        self.results.setSizes([620, 400])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 470])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._columns: list[str] = []
        # a reset (other columns, grouping on or off) puts the widths back to the default: fit them again
        self.model.modelReset.connect(lambda: setattr(self, "_columns", []))

    # --- choices from the workspace -------------------------------------------------------------------------
    def set_choices(self, sources: list[str], levels: list[str], kinds: list[str],
                    regions: list[tuple[str, str, str]] | None = None) -> None:
        """What the workspace offers: need sources, region levels, facility kinds, regions (key, name, level)."""
        self.sources = list(sources)
        self.kinds_completer.set_choices(kinds)
        self.within_completer.set_regions(regions or [])
        self.within_name.setText(self.within_completer.describe(self.within.text().strip() or None))
        self.region_level.blockSignals(True)
        self.region_level.clear()
        self.region_level.addItems(levels)
        self.region_level.blockSignals(False)
        self.facility_kinds.setToolTip(tr("Vorhandene Arten: {kinds}").format(kinds=", ".join(kinds) or "–"))
        self._build_terms(0)

    # --- spec → widgets -------------------------------------------------------------------------------------
    def show_spec(self, spec: AllocationSpec) -> None:
        r, a = spec.recipients, spec.amount
        widgets = [self.recipient_type, self.facility_kinds, self.region_level, self.within, self.total, self.unit,
                   self.step, self.method, self.base, self.minimum, self.maximum]
        for widget in widgets:
            widget.blockSignals(True)
        self.recipient_type.setCurrentIndex(max(0, self.recipient_type.findData(r.type)))
        self.facility_kinds.setText(", ".join(r.facility_kinds))
        self.facility_kinds.setEnabled(r.type == "facility")
        self.region_level.setCurrentText(r.region_level or "")
        self.region_level.setEnabled(r.type == "region")
        self.within.setText(r.within or "")
        self.total.setValue(a.total)
        self.unit.setText(a.unit)
        self.step.setValue(a.step)
        self.method.setCurrentIndex(max(0, self.method.findData(a.method)))
        self.base.setValue(a.base)
        self.minimum.setValue(a.minimum)
        self.maximum.setValue(a.maximum or 0.0)
        for widget in widgets:
            widget.blockSignals(False)
        if len(self.terms) != len(spec.need):
            self._build_terms(len(spec.need))
        for row, term in zip(self.terms, spec.need, strict=True):
            row.show(term)
        self.validation.setText("")

    def show_validation(self, message: str) -> None:
        if message and message != self.validation.text():
            announce(self.validation, message)  # a new problem is read aloud; the focus stays in the field
        self.validation.setText(message)

    def _build_terms(self, count: int) -> None:
        for widget in self._term_widgets:
            self.term_grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._term_widgets = []
        self.terms = []
        for i in range(count):
            row = TermRow(self, i, self.term_grid, i + 1)
            self.terms.append(row)
            self._term_widgets += [self.term_grid.itemAtPosition(i + 1, c).widget() for c in range(8)]
        # new rows join the end of the focus chain: put them in reading order, before „Term hinzufügen“
        previous: QWidget = self.maximum
        for widget in [w for row in self.terms for w in row.widgets()]:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.add_term_button)

    # --- widgets → edits ------------------------------------------------------------------------------------
    def _push(self, path: tuple[Any, ...], value: Any, text: str, merge_key: Any = None) -> bool:
        return self.host.push(Edit.one(path, value, text), merge_key)

    def _type_changed(self) -> None:
        kind = self.recipient_type.currentData()
        if kind == "region":
            level = self.region_level.currentText().strip() or (self.region_level.itemText(0) or "gemeinde")
            changes = ((("recipients", "type"), "region"), (("recipients", "facility_kinds"), ()),
                       (("recipients", "region_level"), level))
        else:
            changes = ((("recipients", "type"), "facility"), (("recipients", "region_level"), None))
        self.host.push(Edit(changes, tr("Art der Empfänger")))

    def _kinds_changed(self) -> None:
        kinds = tuple(k.strip() for k in self.facility_kinds.text().split(",") if k.strip())
        self._push(("recipients", "facility_kinds"), kinds, tr("Einrichtungsarten"))

    def _level_changed(self) -> None:
        if self.host.spec.recipients.type == "region" and self.region_level.currentText().strip():
            self._push(("recipients", "region_level"), self.region_level.currentText().strip(), tr("Gebietsebene"))

    def set_weight(self, index: int, weight: float, *, slider: bool) -> None:
        self._push(("need", index, "weight"), float(weight), tr("Gewicht ändern"),
                   merge_key=("weight", index) if slider else None)

    def set_term(self, index: int, field: str, value: Any) -> None:
        if field in ("times", "period") and not value:
            value = None
        if field == "source" and not value:
            return
        self._push(("need", index, field), value, tr("Bedarfsterm ändern"))

    def add_term(self) -> None:
        spec = self.host.spec
        source = self.sources[0] if self.sources else spec.need[0].source
        self._push(("need",), (*spec.need, NeedTerm(source, 1.0)), tr("Term hinzufügen"))

    def remove_term(self, index: int) -> None:
        need = self.host.spec.need
        if len(need) > 1:
            self._push(("need",), tuple(t for i, t in enumerate(need) if i != index), tr("Term entfernen"))

    def set_locked(self, key: str, amount: float | None) -> None:
        locked = dict(self.host.spec.amount.locked)
        if amount is None:
            locked.pop(key, None)
        else:
            locked[key] = float(amount)
        self._push(("amount", "locked"), tuple(locked.items()),
                   tr("Empfänger festlegen") if amount is not None else tr("Festlegung aufheben"))

    # --- results --------------------------------------------------------------------------------------------
    def show_result(self, result: AllocationResult | None, error: str | None) -> None:
        spec = self.host.spec
        self.grouping = None
        if result is None:
            self.model.clear()
            self.sum_label.setText("")
        else:
            keys = list(result.rows["region_key"]) if "region_key" in result.rows else []
            self.group.set_levels(group_levels(None, keys, regions=self.region_rows) if keys else [])
            level = self.group.level()
            if level is not None:
                try:
                    self.grouping = group_result(None, result, level, regions=self.region_rows)
                except UserInputError:
                    self.grouping = None
            self.model.set_result(result, dict(spec.amount.locked), self.grouping)
            total = float(result.rows["amount"].sum())
            self.sum_label.setText(tr("{count} Empfänger, verteilt: {sum} {unit} ({method})").format(
                count=len(result.rows), sum=format_number(total, 2), unit=result.unit,
                method=method_labels().get(result.method, result.method)))
            self._fit_columns()
        # grouped rows stay in group order: sorting by a column would tear groups and subtotals apart
        self.table.setSortingEnabled(self.grouping is None)
        if self.grouping is not None:
            self.proxy.sort(-1)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.warnings.show_messages(result.warnings if result is not None else [], error)
        self.chart.show_result(result)
        self._describe_chart(result)

    def _describe_chart(self, result: Any) -> None:
        """The chart's text alternative: a summary as its description; the numbers are in the table beside it."""
        if result is None or result.rows.empty:
            summary = series_summary("empty", [], [])
        else:
            summary = series_summary("bars", [str(n) for n in result.rows["name"]],
                                     [float(v) for v in result.rows["amount"]], unit=result.unit,
                                     caption=tr("gerundete Beträge"),
                                     table=tr("Die Zahlen stehen in der Tabelle „Zuteilung je Empfänger“ daneben."))
        describe_chart(self.chart, tr("Diagramm: Zuteilung je Empfänger"), summary)

    def _show_grouped(self) -> None:
        self.show_result(self.host.result, self.host.error)

    def _fit_columns(self) -> None:
        """Column widths from the content after each model reset (not on every slider step, which only changes
        values); long names are cut so that the amount stays in view."""
        columns = [c.field for c in self.model.columns]
        if columns == self._columns:
            return
        self._columns = columns
        self.table.resizeColumnsToContents()
        name = next((i for i, c in enumerate(columns) if c == "name"), -1)
        if name >= 0:
            self.table.setColumnWidth(name, min(self.table.columnWidth(name), NAME_WIDTH))
