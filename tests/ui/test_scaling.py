"""Large text (issue 17): the main window at 150 % and 200 % scaling (Windows' „Skalierung“, here
``QT_SCALE_FACTOR``) on 1280×800 logical pixels, every main tab visited — every visible widget lies inside the
window and no label or button is cut (its width at least its size hint's, unless it wraps its words).

The window runs in a subprocess, because the scale factor is read once when the QGuiApplication starts.
Screenshots: ``/tmp/H6/scale150_<tab>.png`` and ``scale200_<tab>.png`` (looked at by a person, see the report)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

SHOTS = Path("/tmp/H6")

#: the probe: opens the demo workspace copy argv[1] in the main window, visits every tab, prints JSON
PROBE = r'''
import json, sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QPoint
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QApplication, QComboBox, QLabel, QMessageBox,
                               QTabBar, QToolBar, QToolButton, QWidget)

from bildungsplaner.ui.common import tasks

tasks.TaskRunner.default_executor = tasks.InlineExecutor
for name in ("information", "warning", "critical", "question"):
    setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))

from bildungsplaner.services.workspace import open_workspace
from bildungsplaner.settings import Settings
from bildungsplaner.ui.app import create_application
from bildungsplaner.ui.main_window import MainWindow

app = create_application([])
import os
font = app.font()
font.setPointSizeF(font.pointSizeF() * float(os.environ.get("PROBE_FONT_SCALE", "1")))
app.setFont(font)
prefix, shots = sys.argv[2], Path(sys.argv[3])
ws = open_workspace(Path(sys.argv[1]), create=False)
window = MainWindow(ws, owns_workspace=True, settings=Settings())
window.resize(1280, 800)
window.show()
window.build_areas()
keys = {r.key: r.id for r in window.browser.region_index.rows}
window.regions.select_regions([keys["05999001"], keys["05999002"], keys["05999003"]])  # Gemeinden: a map
for _ in range(5):
    app.processEvents()


def settle():
    for _ in range(10):
        app.processEvents()


def inside_scroll_area(widget):
    """Widgets in a scroll area's viewport may lie outside the window: the area scrolls them into view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def clipped_by_parent(widget):
    """The part of the widget its ancestors let be seen (an ancestor's rectangle cuts it)."""
    visible = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        visible = visible.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return visible


def problems(tab):
    found = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or inside_scroll_area(widget):
            continue
        chain, p = [], widget.parentWidget()
        while p is not None and p is not window:
            chain.append(type(p).__name__ + ":" + p.objectName())
            p = p.parentWidget()
        name = (f"{type(widget).__name__}({widget.objectName() or widget.accessibleName() or ''}) in "
                + "/".join(chain[:4]))
        text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not frame.adjusted(-1, -1, 1, 1).contains(place):
            found.append({"tab": tab, "widget": name, "text": text, "problem": "outside the window",
                          "geometry": [place.x(), place.y(), place.width(), place.height()]})
            continue
        if isinstance(widget, QToolBar):
            extension = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                hidden = [a.text() for a in widget.actions() if not widget.widgetForAction(a) or
                          not widget.widgetForAction(a).isVisible()]
                found.append({"tab": tab, "widget": name, "text": ", ".join(t for t in hidden if t),
                              "problem": "toolbar actions hidden behind »"})
            continue
        if isinstance(widget, QTabBar):
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and text and not widget.wordWrap() and widget.pixmap().isNull():
            if widget.property("elided"):
                continue
            if widget.width() + 1 < hint.width():
                found.append({"tab": tab, "widget": name, "text": text, "problem": "label cut",
                              "width": widget.width(), "needs": hint.width()})
        elif isinstance(widget, QAbstractButton) and text:
            if widget.width() + 1 < hint.width():
                found.append({"tab": tab, "widget": name, "text": text, "problem": "button cut",
                              "width": widget.width(), "needs": hint.width()})
        elif isinstance(widget, QComboBox) and widget.width() + 1 < widget.minimumSizeHint().width():
            found.append({"tab": tab, "widget": name, "text": widget.currentText(), "problem": "combo box cut",
                          "width": widget.width(), "needs": widget.minimumSizeHint().width()})
        if (text or isinstance(widget, QComboBox)) and widget.width() > 0:
            seen = clipped_by_parent(widget)
            if seen.width() + 1 < widget.width() or seen.height() + 1 < widget.height():
                found.append({"tab": tab, "widget": name, "text": text, "problem": "covered by its parent",
                              "seen": [seen.width(), seen.height()], "size": [widget.width(), widget.height()]})
    import pyqtgraph as pg

    for plot in window.findChildren(pg.PlotWidget):  # a chart's legend inside the chart
        legend = plot.getPlotItem().legend
        if plot.isVisible() and legend is not None and legend.isVisible() and legend.items:
            box = plot.mapFromScene(legend.sceneBoundingRect()).boundingRect()
            if not plot.rect().adjusted(-1, -1, 1, 1).contains(box):
                found.append({"tab": tab, "widget": f"{type(plot.parentWidget()).__name__} legend",
                              "text": ", ".join(label.text for _s, label in legend.items),
                              "problem": "legend cut", "legend": [box.x(), box.width()], "plot": plot.width()})
    return found


report = {"ratio": window.devicePixelRatioF(), "size": [window.width(), window.height()], "tabs": [],
          "views": [], "problems": []}


def slug(text):
    return "".join(c for c in text.lower().replace("&", "") if c.isalnum())


def check(view):
    settle()
    report["views"].append(view)
    report["problems"].extend(problems(view))
    window.grab().save(str(shots / f"{prefix}_{view}.png"))


def inner_tabs(page):
    """The tab widgets shown on a page (Werte/Pivot/Karte, Szenario/Vergleich, …), not nested in each other."""
    from PySide6.QtWidgets import QTabWidget

    found = [t for t in page.findChildren(QTabWidget) if t.isVisible() and t is not window.areas]
    return [t for t in found if not any(o is not t and o.isAncestorOf(t) for o in found)]


def visit(view, page):
    check(view)
    for tabs in inner_tabs(page):
        for inner in range(1, tabs.count()):  # the first is the one just checked
            if tabs.isTabEnabled(inner):
                tabs.setCurrentIndex(inner)
                check(f"{view}_{slug(tabs.tabText(inner))}")
        tabs.setCurrentIndex(0)


for index in range(window.areas.count()):
    window.areas.setCurrentIndex(index)
    settle()
    tab = window.areas.tabText(index).replace("&", "")
    report["tabs"].append(tab)
    page = window.areas.widget(index)
    side = window.minimumSizeHint().width() - window.areas.minimumSizeHint().width()
    if page.minimumSizeHint().width() > 1280 - side:  # the window cannot be 1280 wide: its right edge is cut
        report["problems"].append({"tab": slug(tab), "widget": type(page).__name__, "problem": "wider than the window",
                                   "needs": page.minimumSizeHint().width(), "has": 1280 - side})
    visit(slug(tab), page)
    if page is getattr(window, "planning", None):  # each kind of scenario open in the editor
        kinds = set()
        for row in range(page.model.rowCount()):
            name = page.model.index(row, 0).data()
            if page.open_scenario(name) and type(page.editor()).__name__ not in kinds:
                kinds.add(type(page.editor()).__name__)
                visit(f"{slug(tab)}_{slug(type(page.editor()).__name__)}", page)
print("REPORT " + json.dumps(report, ensure_ascii=False))
window.close()
'''


#: how a variant makes the text large: QT_SCALE_FACTOR (Windows' display scaling: everything larger) or a larger
#: application font at scale 1 (Windows' „Textgröße“: only the text larger)
VARIANTS = {"scale150": ("1.5", "1"), "scale200": ("2", "1"), "text150": ("1", "1.5")}

def _run(variant: str, demo_file: Path, home: Path) -> dict[str, Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    scale, font = VARIANTS[variant]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale, "BILDUNGSPLANER_HOME": str(home),
           "QT_ENABLE_HIGHDPI_SCALING": "1", "PROBE_FONT_SCALE": font}
    env.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
    done = subprocess.run([sys.executable, "-c", PROBE, str(demo_file), variant, str(SHOTS)], env=env,
                          capture_output=True, text=True, timeout=240, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return json.loads(lines[-1][len("REPORT "):])


@pytest.fixture(scope="module")
def reports(demo_file_pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One run per variant, shared by the tests (each run takes some seconds)."""
    found = {}
    for variant in VARIANTS:
        folder = tmp_path_factory.mktemp(variant)
        copy = folder / "demo.bpws"
        shutil.copyfile(demo_file_pristine, copy)
        (folder / "home").mkdir()
        found[variant] = _run(variant, copy, folder / "home")
    return found


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_nothing_is_cut_at_large_scaling(variant: str, reports: dict[str, dict[str, Any]]) -> None:
    report = reports[variant]
    scale = float(VARIANTS[variant][0])
    assert report["ratio"] == pytest.approx(scale)
    if VARIANTS[variant][1] == "1":  # (larger text alone makes the window wider: see the problems)
        assert report["size"] == [1280, 800]  # logical pixels: 1920×1200 or 2560×1600 on the device
    assert {"Daten", "Planung", "Export", "Kennzahlen"} <= set(report["tabs"])
    assert {"daten_karte", "daten_pivot"} <= set(report["views"]), report["views"]
    assert sum(v.startswith("planung_") for v in report["views"]) >= 2, report["views"]  # both kinds opened
    problems = report["problems"]
    assert problems == [], "\n".join(json.dumps(p, ensure_ascii=False) for p in problems)
