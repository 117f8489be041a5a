"""The Daten tab's map („Karte“): the indicator shown, as a choropleth of the regions' boundaries.

Rules:

* It shows what the chart shows: the same indicator, the chart's period and dimension choices („alle“ follows the
  totals rule), for the level of the regions selected; their nearest common region above them (e.g. the Land)
  bounds the map.
* The map is read off the GUI thread (:class:`~bildungsplaner.ui.common.tasks.LatestTask`: the latest request
  wins) and only while the tab is visible; a change of period only re-classifies the values already read
  (:meth:`~bildungsplaner.services.maps.MapData.for_period`, no database access) and keeps zoom and pan.
* Classification: quantile (default), equal interval, natural breaks, manual breaks (typed as „2; 4,4; 10“), a
  social index's own classes; 3–7 classes; a colour-blind-safe ColorBrewer palette, a diverging one only around
  the class the user names as the middle; „Klassen festhalten“ keeps the current classes for other periods
  (comparison across years); „Werte beschriften“ writes the values into the regions. Without boundaries for the
  level the panel says how to import them, never a traceback.
* A click on a region emits :attr:`MapPanel.region_clicked` with its key (the window selects it in the tree).
* „Einrichtungen: …“ (a menu of check boxes) draws the facilities of the kinds checked as symbols on top; it offers
  the workspace's kinds that have coordinates (:func:`~bildungsplaner.services.maps.facility_kinds`, read with
  the map off the GUI thread), with how many have them; a kind checked stays checked while it exists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.services.browse import RegionIndex
from bildungsplaner.store.database import Workspace
from bildungsplaner.ui.common import tasks

if TYPE_CHECKING:  # the map stack (numpy, shapely) loads when the tab is first shown, not at start-up
    from bildungsplaner.services.maps import MapData
    from bildungsplaner.ui.maps.widget import MapView

__all__ = ["MapPanel", "MapRequest"]

def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


#: indicator, period, dimension choices, level, within, method, classes, facility kinds
#: what a map is read for: indicator, period, fixed dimensions, level, within, then the options of the controls
#: (method, classes, facility kinds, manual breaks, palette, middle class of a diverging palette)
MapRequest = tuple[str, str | None, tuple[tuple[str, str], ...], str | None, str | None, str, int, tuple[str, ...],
                   tuple[float, ...], str, int | None]

#: the palettes offered (ColorBrewer's, bildungsplaner/geo/palettes.py); diverging ones need a middle class
SEQUENTIAL_PALETTES = ("Blues", "Greens", "Oranges", "Purples", "Reds", "YlGnBu", "YlOrRd", "PuBu")
DIVERGING_PALETTES = ("RdBu", "PuOr", "BrBG")


def _number(part: str) -> float:
    """German first: a comma is the decimal sign and dots group thousands („1.234,5“); without a comma, dots that
    group three digits are thousands („200.000“), another dot is a decimal point („4.4“)."""
    if "," in part or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", part):
        part = part.replace(".", "").replace(",", ".")
    return float(part)


def parse_breaks(text: str) -> tuple[float, ...]:
    """``"2; 4,4; 10"`` → ``(2.0, 4.4, 10.0)``, ``"200.000; 300.000"`` → ``(200000.0, 300000.0)`` (German numbers;
    ``;`` or spaces between bounds)."""
    parts = [p for p in text.replace(";", " ").split() if p]
    values = []
    for part in parts:
        try:
            values.append(_number(part))
        except ValueError:
            raise UserInputError(tr("„{text}“ ist keine Klassengrenze; bitte Zahlen wie „2; 4,4; 10“ eingeben.")
                                 .format(text=part)) from None
    return tuple(values)


def _ancestors(region_id: int, index: RegionIndex) -> list[int]:
    chain, seen = [], {region_id}
    parent = index.by_id[region_id].parent_id if region_id in index.by_id else None
    while parent is not None and parent in index.by_id and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = index.by_id[parent].parent_id
    return chain


def _common_ancestor(region_ids: Sequence[int], index: RegionIndex) -> str | None:
    """The key of the nearest region above all of ``region_ids`` (Köln and Dortmund: Nordrhein-Westfalen), or
    ``None`` when they share none or it is Germany (the whole layer is drawn then)."""
    if not region_ids:
        return None
    chains = [_ancestors(r, index) for r in region_ids]
    shared = set(chains[0]).intersection(*map(set, chains[1:]))
    nearest = next((a for a in chains[0] if a in shared), None)
    key = index.by_id[nearest].key if nearest is not None else None
    return None if key in (None, "DG") else key


class MapPanel(QWidget):
    """The „Karte“ view of the Daten tab (see the module docstring)."""

    region_clicked = Signal(str)

    def __init__(self, runner: tasks.TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = tasks.LatestTask(runner)
        self.workspace: Workspace | None = None
        self.data: MapData | None = None
        #: what the shown map was read for, without the period (another period: no new reading)
        self._read_for: MapRequest | None = None
        #: the selection to draw (indicator, period, fixed dimensions, level, within); the options come from the
        #: controls whenever the map is drawn
        self._selection: tuple[str, str | None, tuple[tuple[str, str], ...], str | None, str | None] | None = None

        self.method = QComboBox()
        # manual breaks and an index's own classes: on the command line (map export --method manual|index)
        self.method.addItem(tr("Quantile"), "quantile")
        self.method.addItem(tr("Gleiche Breite"), "equal")
        self.method.addItem(tr("Natürliche Brüche"), "jenks")
        self.method.addItem(tr("Eigene Grenzen"), "manual")
        self.method.addItem(tr("Klassen des Index"), "index")
        self.method.setAccessibleName(tr("Klassenbildung"))
        self.breaks = QLineEdit()
        self.breaks.setPlaceholderText(tr("Grenzen, z. B. 2; 4,4; 10"))
        self.breaks.setAccessibleName(tr("Eigene Klassengrenzen"))
        self.breaks.setToolTip(tr("Die Grenzen zwischen den Klassen; eine Klasse reicht von ihrer Grenze bis unter "
                                  "die nächste"))
        self.breaks.setVisible(False)
        self.palette = QComboBox()
        for name in (*SEQUENTIAL_PALETTES, *DIVERGING_PALETTES):
            self.palette.addItem(name, name)
        self.palette.setAccessibleName(tr("Farben"))
        self.palette.setToolTip(tr("Farbreihe (ColorBrewer, auch bei Farbsehschwäche unterscheidbar); RdBu, PuOr "
                                   "und BrBG laufen von einer Mitte aus nach beiden Seiten"))
        self.middle = QSpinBox()
        self.middle.setRange(1, 7)
        self.middle.setValue(3)
        self.middle.setPrefix(tr("Mitte: Klasse "))
        self.middle.setAccessibleName(tr("Mittlere Klasse der zweiseitigen Farbreihe"))
        self.middle.setVisible(False)
        self.classes = QSpinBox()
        self.classes.setRange(3, 7)
        self.classes.setValue(5)
        self.classes.setAccessibleName(tr("Anzahl der Klassen"))
        self.fixed = QCheckBox(tr("Klassen festhalten"))
        self.fixed.setToolTip(tr("Dieselben Klassengrenzen für jeden Zeitraum (Vergleich über die Jahre)"))
        self.labels = QCheckBox(tr("Werte beschriften"))
        self.facilities = QToolButton()
        self.facilities.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.facilities.setAccessibleName(tr("Einrichtungen auf der Karte"))
        self.facilities.setToolTip(tr("Einrichtungen mit Koordinaten als Symbole auf die Karte zeichnen"))
        self.facility_menu = QMenu(self.facilities)
        self.facilities.setMenu(self.facility_menu)
        self._kinds: list[tuple[str, int]] = []
        self._show_kind_choices()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._view: MapView | None = None

        method_label = QLabel(tr("&Klassen:"))
        method_label.setBuddy(self.method)
        controls = QHBoxLayout()
        controls.addWidget(method_label)
        controls.addWidget(self.method)
        controls.addWidget(self.classes)
        controls.addWidget(self.breaks)
        controls.addWidget(self.palette)
        controls.addWidget(self.middle)
        controls.addStretch(1)
        # a second row, so that the map's controls do not widen the Daten tab (and squeeze the side panel)
        shown = QHBoxLayout()
        shown.addWidget(self.fixed)
        shown.addWidget(self.labels)
        shown.addWidget(self.facilities)
        shown.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(shown)
        layout.addWidget(self.status)
        self._layout = layout

        self.method.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.classes.valueChanged.connect(lambda _v: self._options_changed())
        self.breaks.editingFinished.connect(self._reload)
        self.palette.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.middle.valueChanged.connect(lambda _v: self._reload())
        self.fixed.toggled.connect(lambda _on: self._reload())
        self.labels.toggled.connect(lambda on: self.view.set_labels(on))

    def _options_changed(self) -> None:
        method = self.method.currentData()
        self.breaks.setVisible(method == "manual")
        self.classes.setEnabled(method not in ("manual", "index"))
        self.middle.setVisible(self.palette.currentData() in DIVERGING_PALETTES)
        self.middle.setMaximum(self.classes.value())
        self._reload()

    def _options(self) -> tuple[str, int, tuple[str, ...], tuple[float, ...], str, int | None]:
        """The classification and facility options as the controls say now (German error for bad breaks)."""
        method = str(self.method.currentData())
        breaks = parse_breaks(self.breaks.text()) if method == "manual" else ()
        palette = str(self.palette.currentData())
        middle = self.middle.value() - 1 if palette in DIVERGING_PALETTES else None
        return method, self.classes.value(), self.checked_facility_kinds(), breaks, palette, middle

    # --- facilities -------------------------------------------------------------------------------------------

    def checked_facility_kinds(self) -> tuple[str, ...]:
        """The kinds of facility checked, in the order offered."""
        return tuple(a.data() for a in self.facility_menu.actions() if a.isChecked())

    def set_facility_kinds(self, kinds: Sequence[tuple[str, int]]) -> None:
        """Offer ``kinds`` (kind, facilities with coordinates); the checked ones that remain stay checked."""
        if list(kinds) != self._kinds:
            checked = set(self.checked_facility_kinds())
            self._kinds = list(kinds)
            self._show_kind_choices(checked)

    def check_facility_kind(self, kind: str, checked: bool = True) -> None:
        """Check or uncheck ``kind`` (what its entry in the menu does)."""
        action = next((a for a in self.facility_menu.actions() if a.data() == kind), None)
        if action is not None:
            action.setChecked(checked)

    def _show_kind_choices(self, checked: set[str] | frozenset[str] = frozenset()) -> None:
        self.facility_menu.clear()
        for kind, count in self._kinds:
            action = self.facility_menu.addAction(tr("{kind} ({count})").format(kind=kind,
                                                                                count=format_number(count)))
            action.setData(kind)
            action.setCheckable(True)
            action.setChecked(kind in checked)
            action.toggled.connect(lambda _on: self._kinds_changed())
        if not self._kinds:
            empty = self.facility_menu.addAction(tr("keine Einrichtungen mit Koordinaten"))
            empty.setEnabled(False)
        self._show_kind_text()

    def _show_kind_text(self) -> None:
        chosen = self.checked_facility_kinds()
        self.facilities.setText(tr("Einrichtungen: {kinds}").format(kinds=", ".join(chosen) if chosen
                                                                     else tr("keine")))

    def _kinds_changed(self) -> None:
        self._show_kind_text()
        self._reload()

    @property
    def view(self) -> MapView:
        """The map widget, made on first use."""
        if self._view is None:
            from bildungsplaner.ui.maps.widget import MapView

            self._view = MapView()
            self._view.setAccessibleName(tr("Karte"))
            self._view.region_clicked.connect(self.region_clicked)
            self._layout.addWidget(self._view, 1)
        return self._view

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._load.cancel()
        self.workspace, self.data, self._read_for, self._selection = workspace, None, None, None
        self.set_facility_kinds([])
        if self._view is not None:
            self._view.show_map(None)
        self.status.setText("")

    def show_selection(self, indicator: str | None, period: str | None, choices: Mapping[str, str | None],
                       region_ids: Sequence[int], index: RegionIndex) -> None:
        """Draw ``indicator`` for ``period`` with the chart's ``choices`` (``None``: „alle“), at the level of the
        regions ``region_ids``."""
        if self.workspace is None or indicator is None or not region_ids:
            self._load.cancel()
            self._selection = self._read_for = self.data = None
            self.view.show_map(None)
            self._describe(None)
            self.status.setText(tr("Wählen Sie einen Indikator und Gebiete."))
            return
        rows = [index.by_id[r] for r in region_ids if r in index.by_id]
        level = Counter(r.level for r in rows).most_common(1)[0][0] if rows else None
        within = _common_ancestor([r.id for r in rows if r.level == level], index)
        where = tuple(sorted((k, v) for k, v in choices.items() if v is not None))
        self._selection = (indicator, period, where, level, within)
        self._reload()

    def _reload(self) -> None:
        if self._selection is None or self.workspace is None:
            return
        try:  # the classes, colours and facilities as the controls say now
            options = self._options()
        except UserInputError as exc:
            self.status.setText(str(exc))
            return
        if options[0] == "manual" and not options[3]:
            self.status.setText(tr("Bitte die Klassengrenzen eingeben, z. B. 2; 4,4; 10."))
            return
        wanted: MapRequest = (*self._selection, *options)
        ws = self.workspace
        indicator, period, where, level, within, method, count, kinds, breaks, palette, middle = wanted
        same = self._read_for is not None and self.data is not None and \
            self._read_for[:1] + self._read_for[2:] == wanted[:1] + wanted[2:]
        if same and self.data is not None:
            self._show(self.data.for_period(period, fixed=self._fixed_classes()) if period else self.data,
                       keep_view=True)
            return

        def work(_progress: tasks.TaskProgress) -> tuple[MapData, list[tuple[str, int]]]:
            from bildungsplaner.services.maps import facility_kinds, map_data

            present = facility_kinds(ws)
            names = {kind for kind, _count in present}
            return map_data(ws, indicator, period=period, where=dict(where), level=level, within=within,
                            method=method, classes=count, breaks=breaks or None, palette=palette,
                            midpoint_class=middle, facilities=[k for k in kinds if k in names]), present

        self.status.setText(tr("Karte wird gezeichnet …"))
        self._load.start(work, title=tr("Karte"), show_dialog=False,
                         on_done=lambda result: self._read(wanted, *result), on_error=self._failed)

    def _fixed_classes(self) -> Any:
        return self.data.classes if self.fixed.isChecked() and self.data is not None else None

    def _read(self, wanted: MapRequest, data: MapData, kinds: list[tuple[str, int]]) -> None:
        keep = self.data is not None and self._read_for is not None and self._read_for[3] == wanted[3]
        self._read_for = wanted
        with QSignalBlocker(self.facility_menu):
            self.set_facility_kinds(kinds)
        self._show(data, keep_view=keep)

    def _show(self, data: MapData, *, keep_view: bool) -> None:
        self.data = data
        self.view.show_map(data, keep_view=keep_view)
        lines = list(data.notes)
        missing = data.classes.no_data_count
        if missing:
            lines.append(tr("{count} Gebiete ohne Wert („keine Daten“).").format(count=missing))
        self.status.setText("\n".join(lines))
        self._describe(data)

    def _describe(self, data: MapData | None) -> None:
        """The map's text alternative: a summary as its accessible description (title, classes with their counts,
        highest and lowest region); the numbers themselves are in the Werte table (Strg+Umschalt+T)."""
        view = self.view
        if data is None:
            view.setAccessibleDescription(tr("Karte ohne Werte."))
            return
        from bildungsplaner.formatting import format_number

        parts = [f"{data.title}{' – ' + data.subtitle if data.subtitle else ''}."]
        counts = data.classes.counts
        classes = [f"{label}: {counts[i] if i < len(counts) else 0}" for i, label in enumerate(data.classes.labels)]
        if classes:
            parts.append(tr("Klassen (Gebiete je Klasse): {classes}.").format(classes="; ".join(classes)))
        regions = [r for r in data.regions() if r.value is not None]
        if regions:
            high = max(regions, key=lambda r: r.value or 0.0)
            low = min(regions, key=lambda r: r.value or 0.0)
            unit = f" {data.unit}" if data.unit else ""
            parts.append(tr("Höchster Wert: {high} {high_value}{unit}; niedrigster: {low} {low_value}{unit}.").format(
                high=high.name, high_value=format_number(high.value or 0.0, data.decimals), unit=unit,
                low=low.name, low_value=format_number(low.value or 0.0, data.decimals)))
        parts.append(tr("Die Zahlen stehen in der Werte-Tabelle (Strg+Umschalt+T)."))
        view.setAccessibleDescription(" ".join(parts))

    def _failed(self, exc: BaseException) -> None:
        self.data, self._read_for = None, None
        self.view.show_map(None)
        self._describe(None)
        self.status.setText(str(exc))
