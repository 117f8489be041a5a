"""The editor of a demand scenario: horizon, births, survival and the demand lines (ages, rate, Ganztag
entitlement with the rate of the grades not yet entitled, capacity) in a form, or the whole scenario as TOML
text with validation; the result per region, year and line, the warnings and a line chart of demand against
capacity per year (summed over the regions).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.demand import Capacity, DemandResult, DemandSpec, YearTable
from bildungsplaner.ui.common.accessibility import announce, describe_chart, keyboard_sorting, series_summary
from bildungsplaner.ui.common.completers import ListDelegate
from bildungsplaner.ui.common.theme import ERROR, status_colour
from bildungsplaner.ui.planning.commands import Edit
from bildungsplaner.ui.planning.models import DemandResultModel
from bildungsplaner.ui.planning.widgets import DemandChart, EditorHost, WarningList, result_view

__all__ = ["DemandEditor", "format_by_year", "parse_ages", "parse_by_year"]

LINE_COLUMNS = ("name", "ages", "rate", "ganztag", "rate_before", "attribute", "kinds")
NO_BASE_YEAR = 1899


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def _german(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def format_by_year(value: float | YearTable | str) -> str:
    """``0,45`` or ``2026: 0,45; 2030: 0,55``."""
    if isinstance(value, YearTable):
        return "; ".join(f"{year}: {_german(v)}" for year, v in value.points)
    return _german(value) if isinstance(value, int | float) else str(value)


def _float(text: str) -> float:
    try:
        return float(text.strip().replace(" ", "").replace(",", "."))
    except ValueError:
        raise UserInputError(tr("„{text}“ ist keine Zahl.").format(text=text.strip())) from None


def parse_by_year(text: str) -> float | YearTable:
    """The inverse of :func:`format_by_year` (validated later by the spec's ``from_dict``)."""
    text = text.strip()
    if ":" not in text:
        return _float(text)
    points = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        year, _, value = part.partition(":")
        if not year.strip().isdigit():
            raise UserInputError(tr("„{part}“: erwartet „Jahr: Wert“, z. B. 2026: 0,45.").format(part=part))
        points.append((int(year), _float(value)))
    return YearTable(tuple(sorted(points)))


def parse_ages(text: str) -> tuple[int, ...]:
    """``1, 2`` or ``6-9`` → ages."""
    ages: list[int] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text))):
        low, sep, high = part.replace("–", "-").partition("-")
        if not low.strip().isdigit() or (sep and not high.strip().isdigit()):
            raise UserInputError(tr("„{part}“ ist kein Alter (z. B. 1, 2 oder 6-9).").format(part=part))
        ages += range(int(low), int(high) + 1) if sep else [int(low)]
    if not ages:
        raise UserInputError(tr("Bitte mindestens ein Alter angeben."))
    return tuple(ages)


class DemandEditor(QWidget):
    """Form and TOML text of one demand scenario, its result table, warnings and chart."""

    def __init__(self, host: EditorHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demandEditor")
        self.host = host
        self._showing = False

        self.horizon = QSpinBox()
        self.horizon.setObjectName("horizon")
        self.horizon.setRange(1900, 2200)
        self.base_year = QSpinBox()
        self.base_year.setObjectName("baseYear")
        self.base_year.setRange(NO_BASE_YEAR, 2200)
        self.base_year.setSpecialValueText(tr("neuestes beobachtetes"))
        self.births = QComboBox()
        self.births.setObjectName("births")
        self.births.setEditable(True)
        self.births.addItems(["mean-3", "mean-5", "last"])
        self.births.setToolTip(tr("„mean-3“: Mittel der letzten 3 Jahre je Gebiet; „last“: das Startjahr; eine "
                                  "Zahl für das ganze Gebiet; oder „2026: 1200; 2030: 1100“"))
        self.survival = QDoubleSpinBox()
        self.survival.setObjectName("survival")
        self.survival.setRange(0.01, 2.0)
        self.survival.setDecimals(3)
        self.survival.setSingleStep(0.005)
        for spin in (self.horizon, self.base_year, self.survival):
            spin.setKeyboardTracking(False)
        self.horizon.valueChanged.connect(
            lambda v: self._push(("population", "horizon"), int(v), tr("Prognosehorizont")))
        self.base_year.valueChanged.connect(
            lambda v: self._push(("population", "base_year"), None if v == NO_BASE_YEAR else int(v),
                                 tr("Basisjahr")))
        self.survival.valueChanged.connect(
            lambda v: self._push(("population", "survival"), float(v), tr("Verbleibequote")))
        self.births.activated.connect(lambda _=0: self._births_changed())
        self.births.lineEdit().editingFinished.connect(self._births_changed)
        params = QGroupBox(tr("Bevölkerung"))
        grid = QGridLayout(params)  # two label/field pairs per row: the lines below get the whole width
        self.population_label = QLabel()
        self.population_label.setObjectName("populationLabel")
        grid.addWidget(QLabel(tr("Indikator, Gebiete:")), 0, 0)
        grid.addWidget(self.population_label, 0, 1, 1, 3)
        for i, (text, widget) in enumerate(((tr("&Basisjahr:"), self.base_year),
                                            (tr("Prognose&horizont:"), self.horizon),
                                            (tr("&Geburten:"), self.births),
                                            (tr("&Verbleibequote je Jahr:"), self.survival))):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 1 + i // 2, 2 * (i % 2))
            grid.addWidget(widget, 1 + i // 2, 2 * (i % 2) + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setObjectName("demandLines")
        self.lines.setAccessibleDescription(tr("Eine Zeile je Bedarf: Alter, Quote, Ganztag und die Plätze; "
                                               "Pfeiltasten wählen eine Zelle, F2 oder Tippen bearbeitet sie"))
        self.lines.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, F2 or typing edits a cell
        self.lines.setHorizontalHeaderLabels([tr("Bedarf"), tr("Alter"), tr("Quote"), tr("Ganztag (GaFöG)"),
                                              tr("Quote ohne Rechtsanspruch"), tr("Plätze: Attribut"),
                                              tr("Plätze: Einrichtungsarten")])
        self.lines.horizontalHeaderItem(LINE_COLUMNS.index("rate_before")).setToolTip(
            tr("Ganztag: Teilnahmequote der Klassen, die noch keinen Rechtsanspruch haben (0,6 oder je Jahr "
               "„2026: 0,5; 2028: 0,6“); leer: dieselbe Quote wie mit Rechtsanspruch"))
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.kinds_delegate = ListDelegate(self.lines)
        self.lines.setItemDelegateForColumn(LINE_COLUMNS.index("kinds"), self.kinds_delegate)
        self.lines.setToolTip(tr("Quote als Anteil (0,45) oder je Jahr: „2026: 0,45; 2030: 0,55“"))
        self.lines.itemChanged.connect(self._line_changed)
        lines_box = QGroupBox(tr("Bedarfszeilen"))
        QVBoxLayout(lines_box).addWidget(self.lines)

        self.validation = QLabel()
        self.validation.setObjectName("validation")
        self.validation.setWordWrap(True)
        self.validation.setStyleSheet(f"color: {status_colour(ERROR)}")

        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(4, 4, 4, 4)
        form_layout.addWidget(params)
        form_layout.addWidget(lines_box, 1)

        self.text = QPlainTextEdit()
        self.text.setObjectName("scenarioText")
        self.text.setTabChangesFocus(True)
        self.apply_text_button = QPushButton(tr("Text ü&bernehmen"))
        self.apply_text_button.setObjectName("applyText")
        self.apply_text_button.setToolTip(tr("Den Text prüfen und als neue Fassung übernehmen (rückgängig machbar)"))
        self.apply_text_button.clicked.connect(self.apply_text)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.addWidget(self.text, 1)
        text_layout.addWidget(self.apply_text_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.mode = QTabWidget()
        self.mode.addTab(form_page, tr("Formular"))
        self.mode.addTab(text_page, tr("TOML-Text"))
        top_box = QWidget()
        top_layout = QVBoxLayout(top_box)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.mode, 1)
        top_layout.addWidget(self.validation)

        self.model = DemandResultModel(self)
        self.table, self.proxy = result_view(self.model, "demandResult")
        self.warnings = WarningList()
        self.chart = DemandChart()
        self.table.setAccessibleName(tr("Bedarf je Gebiet und Jahr"))
        self.table.setAccessibleDescription(tr(
            "Das Ergebnis des Bedarfsszenarios je Gebiet, Jahr und Bedarfszeile: Bedarf, Plätze und Differenz"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between cells
        keyboard_sorting(self.table)  # the header click's counterpart in the context menu (Umschalt+F10)
        self.warnings.setAccessibleName(tr("Hinweise zur Berechnung"))
        self.text.setAccessibleName(tr("Szenario als TOML-Text"))
        describe_chart(self.chart, tr("Diagramm: Bedarf und Plätze je Jahr"), series_summary("empty", [], []))
        results = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.warnings)
        results.addWidget(left)
        results.addWidget(self.chart)
        results.setSizes([560, 440])
        self.warnings.setMaximumHeight(60)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_box)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 380])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_choices(self, sources: list[str], levels: list[str], kinds: list[str],
                    regions: list[tuple[str, str, str]] | None = None) -> None:
        """The facility kinds are offered while editing a line's capacity kinds."""
        self.kinds_delegate.choices = list(kinds)

    # --- spec → widgets -------------------------------------------------------------------------------------
    def show_spec(self, spec: DemandSpec) -> None:
        self._showing = True
        try:
            p = spec.population
            for widget in (self.horizon, self.base_year, self.survival, self.births):
                widget.blockSignals(True)
            self.horizon.setValue(p.horizon)
            self.base_year.setValue(p.base_year if p.base_year is not None else NO_BASE_YEAR)
            self.survival.setValue(p.survival)
            self.births.setCurrentText(format_by_year(p.births))
            for widget in (self.horizon, self.base_year, self.survival, self.births):
                widget.blockSignals(False)
            dims = ", ".join(f"{k} = {v}" for k, v in p.dimensions)
            self.population_label.setText(f"{p.indicator}{f' ({dims})' if dims else ''}; {spec.regions.level}"
                                          f"{f' in {spec.regions.within}' if spec.regions.within else ''}")
            self.lines.setRowCount(len(spec.demand))
            for row, line in enumerate(spec.demand):
                before = line.rate_before_entitlement
                cells = (line.name, ", ".join(str(a) for a in line.ages), format_by_year(line.rate), "",
                         format_by_year(before) if before is not None else "",
                         line.capacity.attribute if line.capacity else "",
                         ", ".join(line.capacity.facility_kinds) if line.capacity else "")
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if LINE_COLUMNS[column] == "name":
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                        item.setToolTip(tr("Den Namen ändern Sie im TOML-Text."))
                    if LINE_COLUMNS[column] == "rate_before" and not line.ganztag_entitlement:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                        item.setToolTip(tr("Nur für eine Ganztagszeile (GaFöG)."))
                    if LINE_COLUMNS[column] == "ganztag":
                        item.setFlags((item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
                        item.setCheckState(Qt.CheckState.Checked if line.ganztag_entitlement
                                           else Qt.CheckState.Unchecked)
                    self.lines.setItem(row, column, item)
            self.lines.resizeColumnsToContents()
            self.text.setPlainText(scenario_files.dumps(spec))
            self.text.document().setModified(False)
            self.validation.setText("")
        finally:
            self._showing = False

    def show_validation(self, message: str) -> None:
        if message and message != self.validation.text():
            announce(self.validation, message)  # a new problem is read aloud; the focus stays in the field
        self.validation.setText(message)

    # --- widgets → edits ------------------------------------------------------------------------------------
    def _push(self, path: tuple[Any, ...], value: Any, text: str) -> bool:
        if self._showing:
            return False
        return self.host.push(Edit.one(path, value, text))

    def _births_changed(self) -> None:
        text = self.births.currentText().strip()
        try:
            value: Any = text if re.fullmatch(r"mean-\d+|last", text) else parse_by_year(text)
        except UserInputError as exc:
            self.show_validation(str(exc))
            return
        self._push(("population", "births"), value, tr("Geburten"))

    def _line_changed(self, item: QTableWidgetItem) -> None:
        if self._showing:
            return
        row, field = item.row(), LINE_COLUMNS[item.column()]
        line = self.host.spec.demand[row]
        text = item.text().strip()
        try:
            if field == "ages":
                self._push(("demand", row, "ages"), parse_ages(text), tr("Alter"))
            elif field == "rate":
                self._push(("demand", row, "rate"), parse_by_year(text), tr("Quote"))
            elif field == "ganztag":
                checked = item.checkState() == Qt.CheckState.Checked
                if checked != line.ganztag_entitlement:  # without the entitlement there is no rate before it
                    changes = [(("demand", row, "ganztag_entitlement"), checked)]
                    if not checked and line.rate_before_entitlement is not None:
                        changes.append((("demand", row, "rate_before_entitlement"), None))
                    self.host.push(Edit(tuple(changes), tr("Ganztagsanspruch")))
            elif field == "rate_before":
                self._push(("demand", row, "rate_before_entitlement"), parse_by_year(text) if text else None,
                           tr("Quote ohne Rechtsanspruch"))
            elif field in ("attribute", "kinds"):
                attribute = text if field == "attribute" else (line.capacity.attribute if line.capacity else "")
                kinds = tuple(k.strip() for k in (text if field == "kinds" else ", ".join(
                    line.capacity.facility_kinds if line.capacity else ())).split(",") if k.strip())
                capacity = Capacity(attribute, kinds) if attribute else None
                self._push(("demand", row, "capacity"), capacity, tr("Plätze"))
        except UserInputError as exc:
            self.show_spec(self.host.spec)  # the cells show the spec again (which clears the message) …
            self.show_validation(str(exc))  # … then the message why the typed value was refused

    def apply_text(self) -> bool:
        """Validate the TOML text and take it over as one undoable edit."""
        spec = self.host.spec
        try:
            new = scenario_files.parse(self.text.toPlainText(), tr("Der Text"))
            if not isinstance(new, DemandSpec):
                raise UserInputError(tr("Der Text beschreibt kein Bedarfsszenario (kind = \"demand\")."))
            if new.name != spec.name:
                raise UserInputError(tr("Den Namen ändern Sie mit „Umbenennen“ in der Szenarioliste."))
        except UserInputError as exc:
            self.show_validation(str(exc))
            return False
        if new == spec:
            self.show_validation("")
            return True
        return self.host.push(Edit.one((), new, tr("Text übernehmen")))

    # --- results --------------------------------------------------------------------------------------------
    def show_result(self, result: DemandResult | None, error: str | None) -> None:
        if result is None:
            self.model.clear()
        else:
            self.model.set_result(result)
        self.warnings.show_messages(result.warnings if result is not None else [], error)
        self.chart.show_result(result)
        self._describe_chart(result)

    def _describe_chart(self, result: Any) -> None:
        """The chart's text alternative: demand and places per year as its description (the table beside it holds
        the numbers per region)."""
        if result is None or result.totals.empty:
            summary = series_summary("empty", [], [])
        else:
            from bildungsplaner.formatting import format_number

            parts = []
            for line, part in result.totals.groupby("line", sort=False):
                part = part.sort_values("year")
                years = [int(y) for y in part["year"]]
                demand = [float(v) for v in part["demand"]]
                parts.append(tr("{line}: Bedarf {first_year} {first}, {last_year} {last}").format(
                    line=line, first_year=years[0], first=format_number(demand[0]), last_year=years[-1],
                    last=format_number(demand[-1])))
            summary = tr("Liniendiagramm Bedarf und Plätze je Jahr (alle Gebiete). {lines}. Die Zahlen stehen in "
                         "der Tabelle „Bedarf je Gebiet und Jahr“ daneben.").format(lines="; ".join(parts))
        describe_chart(self.chart, tr("Diagramm: Bedarf und Plätze je Jahr"), summary)
