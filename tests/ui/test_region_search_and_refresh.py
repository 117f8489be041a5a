"""The region tree finds by key or name, remembers the selection per workspace, opens on the home region, and
the window notices when another process changed the open workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bildungsplaner.__main__ import main
from bildungsplaner.services.workspace import create_workspace
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.main_window import MainWindow


def selected_keys(window: MainWindow) -> list[str]:
    keys = {r.id: r.key for r in window.regions.model.nodes}
    return [keys[i] for i in window.regions.selected_region_ids()]


def test_search_by_key_or_name_and_next_match(qtbot: Any, demo_workspace: Any) -> None:
    window = MainWindow(demo_workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(window)
    panel = window.regions
    qtbot.keyClicks(panel.search, "05999003")
    assert selected_keys(window) == ["05999003"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "lindental")
    first = selected_keys(window)
    assert len(first) == 1 and "lindental" in window.regions.model.nodes[
        [r.key for r in window.regions.model.nodes].index(first[0])].name.casefold()
    panel.search.returnPressed.emit()  # Enter: the next match
    second = selected_keys(window)
    assert second != first
    panel.search.setText("gibt es nicht")
    assert selected_keys(window) == second  # nothing found: the selection stays


def test_selection_is_remembered_per_workspace_and_the_home_region_comes_first(qtbot: Any, demo_file: Path,
                                                                             tmp_path: Path) -> None:
    unna = create_workspace(tmp_path / "unna.bpws", region="05978")
    settings = Settings()
    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    assert window.open_path(unna)
    assert selected_keys(window) == ["05978"]  # opens on the home region
    assert window.open_path(demo_file)
    ids = [r.id for r in window.regions.model.nodes if r.key in ("05999002", "05999004")]
    window.regions.select_regions(ids)
    assert window.open_path(unna)
    assert window.open_path(demo_file)
    assert selected_keys(window) == ["05999002", "05999004"]


def test_the_window_notices_a_change_made_on_the_command_line(qtbot: Any, tmp_path: Path,
                                                              capsys: Any) -> None:
    path = create_workspace(tmp_path / "unna.bpws", region="05978")
    ws = open_workspace(path, create=False)
    window = MainWindow(ws, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    window.areas.setCurrentWidget(window.import_page)
    assert window.import_page.model.rowCount() == 0
    assert window.watcher.poll() is False  # nothing changed yet
    table = tmp_path / "werte.csv"
    table.write_text("Schluessel;Name;Jahr;Schueler\n05978;Unna, Kreis;2024;100\n", encoding="utf-8")
    template = tmp_path / "vorlage.toml"
    template.write_text(
        'format = 1\nname = "Schüler"\ntarget = "observations"\n[read]\nheader_rows = 1\n[regions]\n'
        'key = "Schluessel"\n[observations]\nperiod = "Jahr"\n[[observations.measures]]\ncolumn = "Schueler"\n'
        'indicator = "SCHUELER"\nname = "Schüler"\nunit = "Anzahl"\n', encoding="utf-8")
    assert main(["import", str(table), "--template", str(template), "-w", str(path)]) == 0, capsys.readouterr()
    assert window.watcher.poll() is True
    assert window.import_page.model.rowCount() == 1
    assert [i.code for i in window.indicators.model.rows] == ["SCHUELER"]
    assert selected_keys(window) == ["05978"]
    assert "von außen geändert" in window.statusBar().currentMessage()
    assert window.watcher.poll() is False  # the window's own refresh is not a change
