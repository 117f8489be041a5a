"""The Daten tab's pivot: the same numbers as ``bildungsplaner data pivot``, copy for Excel, save as xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from bildungsplaner.services.aggregate import load_pivot
from bildungsplaner.settings import Settings
from bildungsplaner.ui.data.pivot import PivotTableModel
from bildungsplaner.ui.main_window import MainWindow

GEMEINDEN = ("05999001", "05999002", "05999003")


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    indicator = next(i.id for i in win.indicators.model.rows if i.code == "BEV_ALTER")
    assert win.indicators.select_indicator(indicator)
    win.regions.select_regions([r.id for r in win.browser.region_index.rows if r.key in GEMEINDEN])
    return win


def test_pivot_tab_shows_what_the_command_line_shows(window: MainWindow, demo_workspace: Any,
                                                     qtmodeltester: Any) -> None:
    browser = window.browser
    browser.views.setCurrentWidget(browser.pivot)
    model = browser.pivot.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 1 + 5
    assert model.headerData(1, Qt.Orientation.Horizontal) == "31.12.2020"
    expected = load_pivot(demo_workspace, "BEV_ALTER", "05999003", where={"Geschlecht": "Insgesamt"}).table
    assert model.pivot.values[2].tolist() == pytest.approx(expected.values[0].tolist())
    assert "Alter: Summe der Teile" in browser.pivot.how.text()
    # the pivot follows the chart's choices
    combo = browser.chart.combos["Geschlecht"]
    combo.setCurrentIndex(combo.findData("weiblich"))
    weiblich = load_pivot(demo_workspace, "BEV_ALTER", "05999003", where={"Geschlecht": "weiblich"}).table
    assert model.pivot.values[2].tolist() == pytest.approx(weiblich.values[0].tolist())
    # periods in rows
    browser.pivot.rows_combo.setCurrentIndex(1)
    assert model.rowCount() == 5 and model.columnCount() == 4


def test_pivot_copy_and_save(window: MainWindow, tmp_path: Path) -> None:
    browser = window.browser
    browser.views.setCurrentWidget(browser.pivot)
    text = browser.pivot.copy()
    lines = text.splitlines()
    assert lines[0].split("\t")[0] == "Gebiet" and len(lines) == 4
    assert QGuiApplication.clipboard().text() == text
    first = lines[1].split("\t")[1]
    assert "." not in first and first.isdigit()  # no thousands dots when pasted into Excel
    target = browser.pivot.save_as(str(tmp_path / "pivot"))
    assert target == tmp_path / "pivot.xlsx"
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value.endswith("(Personen)")
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert "Zeichenerklärung" in cells and any(isinstance(v, str) and v.startswith("Quelle:") for v in cells)
    assert float(first) in cells


def test_missing_values_show_their_symbol() -> None:
    from bildungsplaner.services.aggregate import Pivot

    pivot = Pivot("Gebiet", ["A (1)"], ["1"], ["2020", "2021"], ["2020", "2021"], np.array([[np.nan, 0.0]]),
                  [[None, None]], {}, [])
    model = PivotTableModel(pivot)
    assert model.index(0, 1).data() == "."
    assert model.index(0, 2).data() == "0"
