"""The dialog of a new demand scenario: which population (an indicator of the workspace with an age
dimension), which values of its other dimensions (Geschlecht = Insgesamt …), which regions, which horizon.

The choices come from :func:`bildungsplaner.services.planning_population.population_choices`; the spec from
:func:`~bildungsplaner.services.planning_population.demand_template`. The dialog saves nothing: the planning
area opens the new scenario unsaved and stores it once it computes (or when the user saves it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.services.planning_population import PopulationChoice, demand_template
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.common.theme import ERROR, status_colour

__all__ = ["NewDemandDialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr("…") under the empty context


class NewDemandDialog(QDialog):
    """Name, population indicator, its dimension values, region level and horizon of a new demand scenario."""

    def __init__(self, choices: Sequence[PopulationChoice], taken: Collection[str], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDemandDialog")
        self.setWindowTitle(tr("Neues Bedarfsszenario"))
        self.choices = list(choices)
        self.taken = set(taken)
        self.name = QLineEdit(name)
        self.name.setObjectName("demandName")
        self.indicator = QComboBox()
        self.indicator.setObjectName("populationIndicator")
        for choice in self.choices:
            self.indicator.addItem(choice.label, choice.code)
        self.age = QLabel()
        self.age.setObjectName("ageDimension")
        self.dimension_box = QWidget()
        self.dimension_form = QFormLayout(self.dimension_box)
        self.dimension_form.setContentsMargins(0, 0, 0, 0)
        self.dimension_combos: dict[str, QComboBox] = {}
        self.level = QComboBox()
        self.level.setObjectName("populationLevel")
        self.horizon = QSpinBox()
        self.horizon.setObjectName("demandHorizon")
        self.horizon.setRange(1900, 2200)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {status_colour(ERROR)}")
        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Bevölkerung:"), self.indicator)
        form.addRow(tr("Alter aus:"), self.age)
        form.addRow(self.dimension_box)
        form.addRow(tr("&Gebiete:"), self.level)
        form.addRow(tr("Prognose&horizont:"), self.horizon)
        note = QLabel(tr("Die Bedarfszeilen U3 und Ü3 (ohne Plätze) ergänzen Sie danach im Editor. Gespeichert wird "
                         "das Szenario, sobald es sich rechnen lässt."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.indicator.currentIndexChanged.connect(lambda _i: self._indicator_changed())
        self._indicator_changed()

    def choice(self) -> PopulationChoice | None:
        index = self.indicator.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def _indicator_changed(self) -> None:
        """Offer the chosen indicator's dimension values (Insgesamt first), levels and a horizon."""
        choice = self.choice()
        while self.dimension_form.rowCount():
            self.dimension_form.removeRow(0)
        self.dimension_combos = {}
        self.level.clear()
        if choice is None:
            return
        self.age.setText(choice.age_dimension)
        for name, values in choice.dimensions.items():
            combo = QComboBox()
            combo.setObjectName(f"dimension_{name}")
            combo.addItems(values)
            self.dimension_combos[name] = combo
            self.dimension_form.addRow(f"{name}:", combo)
        for level, count in choice.levels.items():
            self.level.addItem(tr("{level} ({count} Gebiete mit Werten)").format(level=level_label(level),
                                                                                count=count), level)
        last = choice.last_year
        self.horizon.setValue(max(2030, (last or 2025) + 5))

    def select(self, code: str, dimensions: dict[str, str] | None = None, level: str | None = None) -> None:
        """Choose an indicator, dimension values and a level (as a user would; for tests and callers)."""
        self.indicator.setCurrentIndex(self.indicator.findData(code))
        for name, value in (dimensions or {}).items():
            combo = self.dimension_combos[name]
            combo.setCurrentIndex(combo.findText(value))
        if level is not None:
            self.level.setCurrentIndex(self.level.findData(level))

    def spec(self) -> DemandSpec:
        """The new scenario as chosen; UserInputError if the name is empty or taken."""
        choice = self.choice()
        name = self.name.text().strip()
        if choice is None:
            raise UserInputError(tr("Bitte eine Bevölkerung wählen."))
        if not name:
            raise UserInputError(tr("Bitte einen Namen angeben."))
        if name in self.taken:
            raise UserInputError(tr("Ein Szenario „{name}“ gibt es schon.").format(name=name))
        return demand_template(name, choice, level=self.level.currentData(),
                               dimensions={n: c.currentText() for n, c in self.dimension_combos.items()},
                               horizon=self.horizon.value())

    def accept(self) -> None:
        try:
            self.spec()
        except UserInputError as exc:
            self.message.setText(str(exc))
            return
        super().accept()
