"""The data browser ("Daten"): observations of one indicator in the selected regions, as table, pivot and chart.

The main window calls :meth:`DataBrowser.show_selection` whenever the indicator or region selection
changes. Loading runs as a :class:`~bildungsplaner.ui.common.tasks.LatestTask` (worker thread, cancellable): a
newer request cancels an older one and results of outdated requests are dropped. When the workspace's data
change (:meth:`data_changed`, connected to the window's ``data_changed`` signal) the browser takes the new
region index and reloads what it shows.

The tab is on the first screen: numpy and pandas (the loaded frames), pyqtgraph (the chart) and openpyxl (saving the
pivot) are imported only when needed — the first load imports pandas on the worker thread
(``tests/test_startup_imports.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.formatting import format_number
from bildungsplaner.services.aggregate import Pivot, collapse, indicator_sources
from bildungsplaner.services.aggregate import pivot as make_pivot
from bildungsplaner.services.browse import (
    IndicatorRow,
    RegionIndex,
    dimension_columns,
    load_observations,
    natural_key,
    release_free_memory,
)
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.store.bulk import bulk_job
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.accessibility import keyboard_sorting
from bildungsplaner.ui.common.dialogs import show_error
from bildungsplaner.ui.common.events import DataChange, WorkspaceEvents
from bildungsplaner.ui.data.chart import ChartWidget, DrawnAhead, draw_ahead
from bildungsplaner.ui.data.map import MapPanel
from bildungsplaner.ui.data.models import ObservationProxyModel, ObservationTableModel
from bildungsplaner.ui.data.pivot import PivotPanel

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# Delay that merges quick selection changes (Shift+arrow) into one load.
DEBOUNCE_MS = 150
# Loads (or replaced tables) of this many rows return the freed heap to the system afterwards (malloc_trim).
TRIM_ROWS = 100_000


@dataclass(frozen=True)
class Loaded:
    """What the loading thread hands to the window: the values, their dimension columns and the chart's first
    drawing."""

    frame: pd.DataFrame
    dimensions: dict[str, pd.Categorical]
    chart: DrawnAhead


class CopyTableView(QTableView):
    """A table view whose Ctrl+C copies the whole selection (Qt's default copies only the current cell)."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DataBrowser(QWidget):
    """Table (filter, sort, copy) above a chart; see the module docstring for the loading rules."""

    loaded = Signal(int)
    #: a region clicked on the map (its key)
    map_region_clicked = Signal(str)

    def __init__(self, runner: tasks.TaskRunner, parent: QWidget | None = None, *,
                 events: WorkspaceEvents | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        if events is not None:
            events.data_changed.connect(self.data_changed)
        self.workspace: Workspace | None = None
        self.region_index = RegionIndex([])
        self.indicator: IndicatorRow | None = None
        self.region_ids: list[int] = []
        self._load = tasks.LatestTask(runner)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.descendants = QCheckBox(QCoreApplication.translate("Browser", "Untergeordnete Gebiete einbeziehen"))
        self.descendants.setToolTip(QCoreApplication.translate(
            "Browser", "Auch die Gemeinden und Sozialräume unterhalb der gewählten Gebiete anzeigen"))
        self.descendants.toggled.connect(lambda _checked: self.reload())
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(QCoreApplication.translate(
            "Browser", "Filtern nach Gebiet, Zeitraum, Merkmal … (Strg+F)"))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.setAccessibleName(QCoreApplication.translate("Browser", "Filter"))
        self.filter_edit.setAccessibleDescription(QCoreApplication.translate(
            "Browser", "Zeigt nur die Zeilen der Werte-Tabelle, die den Text enthalten (Strg+F)"))
        self.count_label = QLabel()

        self.model = ObservationTableModel(parent=self)
        self.proxy = ObservationProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = CopyTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights: fast scrolling
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        vertical.setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.copy_requested.connect(self.copy_selection)
        self.table.setObjectName("valueTable")
        self.table.setAccessibleName(QCoreApplication.translate("Browser", "Werte-Tabelle"))
        self.table.setAccessibleDescription(QCoreApplication.translate(
            "Browser", "Die Werte des gewählten Indikators in den gewählten Gebieten, eine Zeile je Gebiet, Zeitraum "
                       "und Merkmal; dieselben Zahlen wie im Diagramm. Strg+C kopiert die markierten Zellen."))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (the arrow keys move between cells)
        keyboard_sorting(self.table)  # the header click's counterpart in the context menu (Umschalt+F10)

        self.chart = ChartWidget()
        top = QHBoxLayout()
        top.addWidget(self.descendants)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(top)
        table_layout.addWidget(self.table, 1)
        self.pivot = PivotPanel(self.compute_pivot, self.save_pivot)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(table_box, QCoreApplication.translate("Browser", "Werte"))
        self.views.addTab(self.pivot, QCoreApplication.translate("Browser", "Pivot"))
        self.views.setTabToolTip(1, QCoreApplication.translate(
            "Browser", "Gebiete × Zeiträume; die Merkmale wie im Diagramm gewählt"))
        self.map = MapPanel(runner)
        self.map.region_clicked.connect(self.map_region_clicked)
        self.views.addTab(self.map, QCoreApplication.translate("Browser", "Karte"))
        self.views.setTabToolTip(2, QCoreApplication.translate(
            "Browser", "Der Indikator auf der Karte der Gebiete; Zeitraum und Merkmale wie im Diagramm gewählt"))
        self.views.currentChanged.connect(lambda _i: self._refresh_views())
        self.views.currentChanged.connect(self._give_the_map_room)
        self._sizes_before_map: list[int] | None = None
        self.chart.redrawn.connect(self._refresh_views)
        self.chart.redrawn.connect(self._describe_chart)
        self.views.tabBar().setAccessibleName(QCoreApplication.translate("Browser", "Ansichten der Werte"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        self._update_heading()

    # selection from the main window
    def set_workspace(self, workspace: Workspace | None, region_index: RegionIndex) -> None:
        self.cancel()
        self.workspace, self.region_index = workspace, region_index
        self.indicator, self.region_ids = None, []
        self.map.set_workspace(workspace)
        self._show_frame(None)

    def show_selection(self, indicator: IndicatorRow | None, region_ids: Sequence[int]) -> None:
        """Show ``indicator`` in ``region_ids`` (loaded shortly after, merging quick changes)."""
        self.indicator, self.region_ids = indicator, list(region_ids)
        self._update_heading()
        if self.runner.inline:
            self.reload()
        else:
            self._debounce.start()

    def effective_region_ids(self) -> list[int]:
        return self.region_index.expand(self.region_ids, include_descendants=self.descendants.isChecked())

    def data_changed(self, change: DataChange) -> None:
        """The workspace's data changed (import, deletion, another process): reload the current selection."""
        if change.overview is None or change.workspace is not self.workspace:
            return  # only scenarios changed, or a workspace this browser does not show
        self.region_index = RegionIndex(change.overview.regions)
        self.region_ids = [i for i in self.region_ids if i in self.region_index.by_id]
        codes = {i.id: i for i in change.overview.indicators}
        self.indicator = codes.get(self.indicator.id) if self.indicator is not None else None
        self.show_selection(self.indicator, self.region_ids)

    def cancel(self) -> None:
        self._debounce.stop()
        self._load.cancel()

    def reload(self) -> None:
        self.cancel()
        workspace, indicator = self.workspace, self.indicator
        region_ids = self.effective_region_ids()
        if workspace is None or indicator is None or not region_ids:
            self._show_frame(None)
            return
        self.count_label.setText(QCoreApplication.translate("Browser", "Werte werden geladen …"))

        def work(progress: tasks.TaskProgress) -> Loaded:
            # the table's dimension columns and the chart's first drawing are made here too, not on the GUI
            # thread after the load (chart.draw_ahead): the GUI thread's part of a million-row load went from
            # 150-290 to 22-88 ms, the whole load from 1.06-1.08x to 1.01-1.03x the raw fetch (browse_1m.py,
            # 2026-12-04). bulk_job (the collector off, freed heap kept, as in the import) took another ~30 ms
            # off the GUI thread's part.
            with bulk_job():
                frame = load_observations(workspace, indicator.id, region_ids, progress=progress)
                progress.check()
                dimensions = dimension_columns(frame["dimensions"])
                return Loaded(frame, dimensions, draw_ahead(frame, dimensions, indicator.unit))

        def failed(exc: BaseException) -> None:
            self._show_frame(None)
            show_error(self, exc)

        def cancelled() -> None:  # the user pressed Cancel (a load replaced by a newer one is silent)
            self._show_frame(None)
            self.count_label.setText(QCoreApplication.translate("Browser", "Laden abgebrochen"))

        self._load.start(
            work, title=QCoreApplication.translate("Browser", "Werte laden"),
            label=QCoreApplication.translate("Browser", "Werte von „{name}“ werden geladen …").format(
                name=indicator.name),
            on_done=self._show_loaded, on_error=failed, on_cancel=cancelled)

    # display
    def _show_loaded(self, loaded: Loaded) -> None:
        self._show_frame(loaded.frame, loaded.dimensions, loaded.chart)

    def _show_frame(self, frame: pd.DataFrame | None, dimensions: dict[str, pd.Categorical] | None = None,
                    chart: DrawnAhead | None = None) -> None:
        unit = self.indicator.unit if (self.indicator and frame is not None) else ""
        large = max(self.model.total_rows, 0 if frame is None else len(frame)) >= TRIM_ROWS
        self.model.set_frame(frame, unit, dimensions)
        if self.filter_edit.text():
            self.model.set_filter_text(self.filter_edit.text())
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._resize_columns()
        title = self.indicator.name if self.indicator else ""
        self.chart.set_data(self.model.frame, self.model.dimensions, unit, title, ahead=chart)
        self._update_heading()
        self._update_count()
        self.loaded.emit(self.model.total_rows)
        if large:  # after the table and chart are drawn: the load's freed heap back to the system
            QTimer.singleShot(0, release_free_memory)

    def _resize_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            if column < self.model.value_column:
                labels = self.model.columns[column].labels[:200]
                text = max([text, *labels], key=len)
            else:
                text = max(text, "0" * 12, key=len)
            header.resizeSection(column, min(360, metrics.horizontalAdvance(text) + 28))

    def _update_heading(self) -> None:
        if self.workspace is None:
            text = QCoreApplication.translate("Browser", "Kein Arbeitsbereich geöffnet.")
        elif self.indicator is None or not self.region_ids:
            text = QCoreApplication.translate(
                "Browser", "Wählen Sie links einen Indikator und ein oder mehrere Gebiete "
                           "(mit Strg oder Umschalt mehrere).")
        else:
            count = len(self.effective_region_ids())
            regions = (QCoreApplication.translate("Browser", "1 Gebiet") if count == 1 else
                       QCoreApplication.translate("Browser", "{count} Gebiete").format(count=format_number(count)))
            unit = f" ({self.indicator.unit})" if self.indicator.unit else ""
            text = f"{self.indicator.name}{unit} – {regions}"
        self.heading.setText(text)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.total_rows, self.model.rowCount()
        if total == 0:
            text = (QCoreApplication.translate("Browser", "Keine Werte für diese Auswahl")
                    if self.indicator is not None and self.region_ids else "")
        elif total == shown:
            text = QCoreApplication.translate("Browser", "{count} Werte").format(count=format_number(total))
        else:
            text = QCoreApplication.translate("Browser", "{shown} von {count} Werten").format(
                shown=format_number(shown), count=format_number(total))
        self.count_label.setText(text)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # pivot
    def compute_pivot(self, rows: str) -> Pivot | None:
        """The pivot of the loaded values with the chart's dimension choices (``None`` when nothing is loaded)."""
        frame = self.model.frame
        if self.indicator is None or frame is None or frame.empty:
            return None
        collapsed = collapse(frame, self.model.dimensions, self.chart.choices(), unit=self.indicator.unit)
        order = [r.key for r in sorted((self.region_index.by_id[i] for i in self.effective_region_ids()
                                        if i in self.region_index.by_id), key=lambda r: natural_key(r.key))]
        return make_pivot(collapsed, rows=rows, region_order=order)

    def save_pivot(self, table: Pivot, path: Path) -> None:
        indicator, workspace = self.indicator, self.workspace
        sources = indicator_sources(workspace, indicator.id, self.effective_region_ids()) if (
            indicator is not None and workspace is not None) else []
        from bildungsplaner.exporting.pivot import write_pivot_xlsx  # openpyxl: not on the start path

        write_pivot_xlsx(table, path, title=indicator.name if indicator else "",
                         unit=indicator.unit if indicator else "", sources=sources)

    def _describe_chart(self) -> None:
        """Names for the chart's choices and a summary of what it shows as its accessible description (the text
        alternative; the same numbers are in the Werte table, Ansicht › Werte als Tabelle)."""
        from bildungsplaner.ui.common.accessibility import describe_chart, series_summary

        chart = self.chart
        for name, combo in chart.combos.items():
            combo.setAccessibleName(QCoreApplication.translate("Browser", "Diagramm: {name}").format(name=name))
        chart.period_combo.setAccessibleName(QCoreApplication.translate("Browser", "Zeitraum des Diagramms"))
        data = chart.data
        title = self.indicator.name if self.indicator is not None else ""
        summary = series_summary(data.kind, list(data.labels), list(data.values), unit=self.model_unit(),
                                 caption=data.caption, table=QCoreApplication.translate(
                                     "Browser", "Die Zahlen stehen in der Werte-Tabelle (Strg+Umschalt+T)."))
        name = QCoreApplication.translate("Browser", "Diagramm {title}").format(title=title).strip()
        describe_chart(chart, name, summary)

    def model_unit(self) -> str:
        return self.indicator.unit if self.indicator is not None else ""

    def show_table(self) -> None:
        """The chart's and the map's text alternative: the Werte table in front, with the keyboard focus."""
        self.views.setCurrentIndex(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _give_the_map_room(self, _index: int) -> None:
        """The map needs height: while it is in front the chart (whose choices it follows) keeps a strip."""
        total = sum(self.splitter.sizes())
        if self.views.currentWidget() is self.map:
            if self._sizes_before_map is None:
                self._sizes_before_map = self.splitter.sizes()
            if total > 0:
                self.splitter.setSizes([int(total * 0.78), total - int(total * 0.78)])
        elif self._sizes_before_map is not None:
            self.splitter.setSizes(self._sizes_before_map)
            self._sizes_before_map = None

    def _refresh_views(self) -> None:
        """The pivot or the map, whichever is in front, follows the chart's choices (the other waits)."""
        if self.views.currentWidget() is self.pivot:
            self.pivot.refresh()
        elif self.views.currentWidget() is self.map:
            self.map.show_selection(self.indicator.code if self.indicator is not None else None,
                                    self.chart.period_combo.currentData(), self.chart.choices(),
                                    self.effective_region_ids(), self.region_index)

    # copying
    def selected_cells(self) -> tuple[np.ndarray, list[int]]:
        """Visible rows and columns of the selection (their union, as a rectangle)."""
        import numpy as np

        selection = self.table.selectionModel().selection()
        rows: list[np.ndarray] = []
        columns: set[int] = set()
        for rng in selection:
            rows.append(np.arange(rng.top(), rng.bottom() + 1, dtype=np.int64))
            columns.update(range(rng.left(), rng.right() + 1))
        if not rows:
            return np.array([], dtype=np.int64), []
        return np.unique(np.concatenate(rows)), sorted(columns)

    def copy_selection(self) -> str:
        """Copy the selected cells as tab-separated text with a header row; returns the text."""
        rows, columns = self.selected_cells()
        if not len(rows):
            return ""
        text = self.model.copy_text(rows, columns)
        QGuiApplication.clipboard().setText(text)
        return text

