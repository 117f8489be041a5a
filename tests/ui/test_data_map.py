"""The Daten tab's „Karte“: the indicator shown, on the boundaries, following the chart's choices; a click on a
region selects it in the tree (real window offscreen, real GENESIS table and BKG Kreise)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from realdata import real_file

from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.importing import import_file
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datenkarte") / "karte.bpws"
    with open_workspace(path) as ws:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"), all_regions=True)
        import_boundaries(ws, real_file("geo/kreise/VG5000_KRS.shp"))
    return path


def test_the_map_tab_draws_the_selected_indicator_and_a_click_selects_the_region(qtbot: Any, mapped: Path,
                                                                               tmp_path: Path) -> None:
    ws = open_workspace(mapped, create=False)
    window = MainWindow(ws, owns_workspace=True, settings=Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    rows = window.browser.region_index.rows
    ids = {r.key: r.id for r in rows}
    window.regions.select_regions([ids["05315"], ids["05913"]])  # Köln and Dortmund: Kreise of NRW
    indicator = next(i for i in window.indicators.model.rows if i.code == "BEVOELKERUNGSSTAND")
    window.indicators.select_indicator(indicator.id)
    browser = window.browser
    browser.reload()
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=5000)
    browser.views.setCurrentWidget(browser.map)
    panel = browser.map
    qtbot.waitUntil(lambda: panel.data is not None, timeout=10000)
    data = panel.data
    assert data is not None and data.indicator == "BEVOELKERUNGSSTAND"
    assert len(data.positions) == 53  # the Kreise of NRW (the selection's common parent), not all 401
    assert sum(data.classes.counts[:-1]) == 53 and data.classes.no_data_count == 0
    assert data.period == browser.chart.period_combo.currentData()
    # the chart's choice of a dimension is the map's
    gender = browser.chart.combos["Geschlecht"]
    gender.setCurrentIndex(gender.findData("weiblich"))
    qtbot.waitUntil(lambda: panel.data is not data, timeout=10000)
    assert panel.data is not None and panel.data.how.get("Geschlecht") == "weiblich"
    # own class bounds, typed the German way; a palette; a diverging one around the middle class chosen
    before = panel.data
    panel.method.setCurrentIndex(panel.method.findData("manual"))
    assert panel.breaks.isVisible() and "Klassengrenzen" in panel.status.text()
    panel.breaks.setText("200.000; 300.000; 500.000")
    panel.breaks.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.data is not before and panel.data.classes.method == "manual", timeout=10000)
    assert list(panel.data.classes.breaks) == [200000.0, 300000.0, 500000.0]
    assert panel.data.classes.labels[0] == "unter 200.000" and panel.data.classes.labels[3] == "500.000 und mehr"
    panel.breaks.setText("zwei")
    panel.breaks.editingFinished.emit()
    assert "keine Klassengrenze" in panel.status.text()
    panel.method.setCurrentIndex(panel.method.findData("quantile"))
    greens = panel.data
    panel.palette.setCurrentIndex(panel.palette.findData("Greens"))
    qtbot.waitUntil(lambda: panel.data is not greens, timeout=10000)
    from bildungsplaner.geo.palettes import palette

    assert tuple(panel.data.colours) == palette("Greens", 5)
    assert panel.middle.isHidden()  # sequential: no middle to choose
    diverging = panel.data
    panel.palette.setCurrentIndex(panel.palette.findData("RdBu"))
    assert not panel.middle.isHidden()
    panel.middle.setValue(2)
    qtbot.waitUntil(lambda: panel.data is not diverging and panel.data.colours[1] == palette(
        "RdBu", 5, diverging_midpoint_class=1)[1], timeout=10000)
    assert tuple(panel.data.colours) == palette("RdBu", 5, diverging_midpoint_class=1)
    # a click on a region selects it in the tree
    window.select_region_key("05913")
    assert window.regions.selected_region_ids() == [ids["05913"]]
    panel.region_clicked.emit("05315")
    assert window.regions.selected_region_ids() == [ids["05315"]]
    panel.view.resize(900, 600)
    image = panel.view.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "karte.png"))


def test_without_boundaries_the_map_says_so(qtbot: Any, workspace: Any) -> None:
    import_file(workspace, real_file("genesis_12411-04-02-4_00.csv"))
    window = MainWindow(workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    browser = window.browser
    browser.views.setCurrentWidget(browser.map)
    window.browser.reload()
    qtbot.waitUntil(lambda: browser.map.status.text() != "", timeout=10000)
    assert browser.map.data is None
    assert "Grenz" in browser.map.status.text() or "Ebene" in browser.map.status.text()
