"""The Export area offscreen in a real main window on the demo workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from bildungsplaner import UserInputError
from bildungsplaner.settings import Settings
from bildungsplaner.ui.exporting import panel as export_panel
from bildungsplaner.ui.main_window import MainWindow

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"
DEMAND = "Kita- und Ganztagsbedarf 2025-2030"
BACKTEST = "Kita-Bedarf Prognose 2020"  # the demo's base-2020 forecast (Prognose-Ist-Vergleich)


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    win.areas.setCurrentWidget(win.export_panel)
    return win


def test_export_xlsx_with_suppression(window: MainWindow, tmp_path: Path, message_boxes: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.export_panel
    names = [panel.scenario.itemData(i) for i in range(panel.scenario.count())]
    assert sorted(names) == sorted([ALLOCATION, DEMAND, BACKTEST])
    assert not panel.suppress.isChecked() and not panel.suppress_below.isEnabled()  # off by default
    panel.select_scenario(DEMAND)
    # only the other demand scenarios (never the allocation)
    assert [panel.compare.itemData(i) for i in range(panel.compare.count())] == [None, BACKTEST]
    panel.suppress.setChecked(True)
    assert panel.suppress_below.isEnabled() and panel.suppress_below.value() == 3
    target = tmp_path / "bedarf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    panel.export_button.click()  # no target yet: the file dialog asks
    written = tmp_path / "bedarf.xlsx"
    assert written.exists() and panel.last_path == written
    # success is said once, in the panel, with a button that opens the file in the default program
    assert message_boxes.kinds() == [] and panel.status.text() == f"Geschrieben: {written}"
    assert panel.open_button.isVisibleTo(panel) and panel.open_button.text() == "&Öffnen"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    panel.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(written)]
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no program for .xlsx
    panel.open_button.click()
    assert message_boxes.kinds() == ["warning"] and "ließ sich nicht öffnen" in message_boxes.texts()[0]
    book = openpyxl.load_workbook(written)
    assert len(book.sheetnames) >= 2
    texts = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "Kita" in texts


def test_export_csv_with_comparison_and_pdf(window: MainWindow, tmp_path: Path, message_boxes: Any) -> None:
    window.planning.open_scenario(ALLOCATION)
    window.planning.duplicate_action.trigger()
    panel = window.export_panel
    assert panel.scenario.count() == 4
    panel.select_scenario(ALLOCATION, f"{ALLOCATION} (Kopie)")
    assert panel.compare.currentData() == f"{ALLOCATION} (Kopie)"
    panel.format.setCurrentIndex(panel.format.findData("csv"))
    assert not panel.suppress.isEnabled()
    panel.target.setText(str(tmp_path / "verteilung.csv"))
    panel.compare.setCurrentIndex(0)  # a CSV holds the planning table only, no comparison
    panel.export_button.click()
    text = (tmp_path / "verteilung.csv").read_text(encoding="utf-8-sig")
    assert "Gemeinschaftsgrundschule" in text and ";" in text
    panel.select_scenario(ALLOCATION, f"{ALLOCATION} (Kopie)")
    panel.format.setCurrentIndex(panel.format.findData("pdf"))
    assert panel.target.text().endswith("verteilung.pdf")
    panel.export_button.click()
    assert (tmp_path / "verteilung.pdf").read_bytes().startswith(b"%PDF")
    assert message_boxes.kinds() == []  # two exports, no dialog to click away
    assert panel.status.text().endswith("verteilung.pdf") and panel.open_button.isVisibleTo(panel)


def test_export_error_shows_the_german_message(window: MainWindow, tmp_path: Path, message_boxes: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Path:
        raise UserInputError("Für „BEV_ALTER“ gibt es keine Werte.")

    monkeypatch.setattr(export_panel, "run_export", broken)
    panel = window.export_panel
    panel.target.setText(str(tmp_path / "x.xlsx"))
    panel.export_button.click()
    assert message_boxes.kinds() == ["warning"]
    assert message_boxes.texts()[0] == "Für „BEV_ALTER“ gibt es keine Werte."
    assert not (tmp_path / "x.xlsx").exists() and panel.status.text() == ""


def test_export_without_workspace(qtbot: Any) -> None:
    win = MainWindow(None, settings=Settings())
    qtbot.addWidget(win)
    assert win.export_panel.scenario.count() == 0 and not win.export_panel.export_button.isEnabled()


def test_switching_workspaces_reads_the_scenarios_once_and_only_from_the_open_one(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.services import scenarios as scenario_service
    from bildungsplaner.services.workspace import create_demo_workspace
    from bildungsplaner.store.database import open_workspace

    other_path = tmp_path / "anderer.bpws"
    create_demo_workspace(other_path)
    read: list[Path] = []
    real = scenario_service.list_scenarios
    def recording(ws: Any) -> Any:
        read.append(ws.path)
        return real(ws)

    monkeypatch.setattr(scenario_service, "list_scenarios", recording)
    monkeypatch.setattr(export_panel, "list_scenarios", recording, raising=False)  # however it is imported
    other = open_workspace(other_path)
    window.set_workspace(other, owns=False)
    assert read == [other_path]  # not the workspace just closed, and not twice
    assert window.export_panel.scenario.count() == 3 and window.export_panel.workspace is other
    other.close()


def test_author_only_when_given_and_no_comparison_for_csv(window: MainWindow, tmp_path: Path,
                                                          demo_workspace: Any) -> None:
    import dataclasses

    from bildungsplaner.services.scenarios import get_scenario, list_scenarios, save_scenario

    panel = window.export_panel
    save_scenario(demo_workspace, dataclasses.replace(get_scenario(demo_workspace, ALLOCATION).spec, name="Variante"))
    panel.set_scenarios(list_scenarios(demo_workspace))
    panel.select_scenario(ALLOCATION, compare="Variante")
    assert panel.compare.currentData() == "Variante" and panel.compare.isEnabled()
    panel.format.setCurrentIndex(panel.format.findData("csv"))
    assert panel.compare.currentData() is None and not panel.compare.isEnabled()  # a CSV holds one table
    panel.format.setCurrentIndex(panel.format.findData("xlsx"))
    assert panel.compare.isEnabled()
    panel.target.setText(str(tmp_path / "ohne.xlsx"))
    panel.export_button.click()
    props = openpyxl.load_workbook(tmp_path / "ohne.xlsx").properties
    assert props.creator == "Bildungsplaner"  # no login name
    panel.author.setText("Anna Beispiel")
    panel.target.setText(str(tmp_path / "mit.xlsx"))
    panel.export_button.click()
    book = openpyxl.load_workbook(tmp_path / "mit.xlsx")
    assert book.properties.creator == "Anna Beispiel"
    texts = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "Anna Beispiel" in texts
