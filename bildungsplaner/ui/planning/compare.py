"""Two saved scenarios side by side: the difference per recipient (allocation) or per region, year and line
(demand), computed by :func:`bildungsplaner.services.planning.compare_results` on a worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bildungsplaner import UserInputError
from bildungsplaner.planning.groups import Grouping
from bildungsplaner.progress import Progress
from bildungsplaner.services.kinds import kind_named
from bildungsplaner.services.planning import (
    Comparison,
    compare_results,
    group_comparison,
    group_levels,
    run_scenario,
)
from bildungsplaner.services.scenarios import SavedScenario, get_scenario
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.accessibility import keyboard_sorting
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.common.labels import kind_label
from bildungsplaner.ui.planning.models import ComparisonModel
from bildungsplaner.ui.planning.widgets import GroupToggle, WarningList, result_view

__all__ = ["ComparisonView", "compare_saved"]


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def compare_saved(ws: Workspace, name_a: str, name_b: str, progress: Progress | None = None) -> Comparison:
    """Run both saved scenarios on the workspace's data and line them up (B − A)."""
    spec_a, spec_b = get_scenario(ws, name_a).spec, get_scenario(ws, name_b).spec
    result_a = run_scenario(ws, spec_a, progress)
    result_b = run_scenario(ws, spec_b, progress)
    return compare_results(result_a, name_a, result_b, name_b)


class ComparisonView(QWidget):
    """Scenario A, scenario B, a button, the difference table and its warnings."""

    def __init__(self, runner: tasks.TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.runner, self._workspace = runner, workspace
        self.combo_a = QComboBox()
        self.combo_a.setObjectName("compareA")
        self.combo_b = QComboBox()
        self.combo_b.setObjectName("compareB")
        self._kinds: dict[str, str] = {}
        self.combo_a.currentIndexChanged.connect(lambda _index: self._offer_partners(self.combo_b.currentData()))
        self.compare_button = QPushButton(tr("&Vergleichen"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.compare)
        form = QFormLayout()
        form.addRow(tr("Szenario &A:"), self.combo_a)
        form.addRow(tr("Szenario &B:"), self.combo_b)
        form.addRow("", self.compare_button)
        self.note = QLabel(tr("Verglichen werden die gespeicherten Fassungen; Differenz = B − A."))
        self.note.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.table, self.proxy = result_view(self.model, "comparisonTable")
        self.warnings = WarningList()
        self.group = GroupToggle("compareGroup")
        self.table.setAccessibleName(tr("Vergleich der Szenarien"))
        self.table.setAccessibleDescription(tr(
            "Je Empfänger oder Gebiet die Werte von A und B und die Differenz B − A"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        keyboard_sorting(self.table)  # the header click's counterpart in the context menu (Umschalt+F10)
        self.warnings.setAccessibleName(tr("Hinweise zum Vergleich"))
        self.group.check.setAccessibleName(tr("Nach übergeordnetem Gebiet gruppieren"))
        self.group.combo.setAccessibleName(tr("Ebene der Gruppen"))
        self.group.changed.connect(self._show)
        self.region_rows: list[Any] = []  # the workspace's regions (for grouping), set by the planning area
        self.comparison: Comparison | None = None
        self.grouping: Grouping | None = None
        form.addRow("", self.group)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)

    def set_scenarios(self, rows: Sequence[SavedScenario]) -> None:
        """Offer every scenario as A and, as B, only those of A's kind (a demand and an allocation scenario
        cannot be compared); A starts on a scenario that has a partner, B on another of its kind."""
        self._kinds = {row.name: row.kind for row in rows}
        current_a, current_b = self.combo_a.currentData(), self.combo_b.currentData()
        self.combo_a.blockSignals(True)
        self.combo_a.clear()
        for row in rows:
            self.combo_a.addItem(f"{row.name} ({kind_label(row.kind)})", row.name)
        index = self.combo_a.findData(current_a)
        if index < 0:
            kinds = [row.kind for row in rows]
            index = next((i for i, kind in enumerate(kinds) if kinds.count(kind) > 1), 0)
        self.combo_a.setCurrentIndex(index if rows else -1)
        self.combo_a.blockSignals(False)
        self._offer_partners(current_b)
        self.comparison = self.grouping = None
        self.model.clear()
        self.warnings.clear()

    def _offer_partners(self, preferred: str | None = None) -> None:
        """Fill B with the scenarios of A's kind, another one than A first."""
        name_a = self.combo_a.currentData()
        kind = self._kinds.get(name_a)
        self.combo_b.clear()
        for name, other in self._kinds.items():
            if other == kind:
                self.combo_b.addItem(f"{name} ({kind_label(other)})", name)
        index = self.combo_b.findData(preferred) if preferred != name_a else -1
        if index < 0:
            index = next((i for i in range(self.combo_b.count()) if self.combo_b.itemData(i) != name_a), 0)
        self.combo_b.setCurrentIndex(index if self.combo_b.count() else -1)
        self.compare_button.setEnabled(self.combo_b.count() > 0)

    def select(self, name_a: str, name_b: str) -> None:
        self.combo_a.setCurrentIndex(self.combo_a.findData(name_a))
        self.combo_b.setCurrentIndex(self.combo_b.findData(name_b))

    def compare(self) -> None:
        ws = self._workspace()
        name_a, name_b = self.combo_a.currentData(), self.combo_b.currentData()
        if ws is None or name_a is None or name_b is None:
            return

        def done(comparison: Comparison) -> None:
            self.comparison = comparison
            self._show()
            self.table.resizeColumnsToContents()

        def failed(exc: BaseException) -> None:
            self.comparison = self.grouping = None
            self.model.clear()
            self.warnings.show_messages([], error_text(exc) if not isinstance(exc, UserInputError) else str(exc))

        self.runner.start(lambda progress: compare_saved(ws, name_a, name_b, progress),
                          title=tr("Szenarien vergleichen"), on_done=done, on_error=failed)

    def _show(self) -> None:
        """The comparison, grouped when „nach Gemeinde gruppieren“ is on (allocations only)."""
        comparison = self.comparison
        self.grouping = None
        if comparison is None:
            return
        keys = list(comparison.rows["region_key"]) if "region_key" in comparison.rows else []
        self.group.set_levels(group_levels(None, keys, regions=self.region_rows) if keys else [])
        level = self.group.level()
        if level is not None:
            try:
                self.grouping = group_comparison(None, comparison, level, regions=self.region_rows)
            except UserInputError:
                self.grouping = None
        decimals = kind_named(comparison.kind).comparison_decimals
        self.model.set_comparison(comparison, decimals, self.grouping)
        self.table.setSortingEnabled(self.grouping is None)  # groups and their subtotals stay together
        if self.grouping is not None:
            self.proxy.sort(-1)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.warnings.show_messages(comparison.warnings)
